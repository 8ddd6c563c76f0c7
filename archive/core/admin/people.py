from django.contrib import admin, messages
from django.db.models import Count, Q
from django.shortcuts import redirect, render

from archive.core.merge import MergeError, merge_people
from archive.core.models import Person, PersonName, PersonRole
from archive.core.text import fold

from .base import ArchiveHistoryAdmin


class PersonNameInline(admin.TabularInline):
    model = PersonName
    extra = 1


class PersonRoleInline(admin.TabularInline):
    model = PersonRole
    extra = 1
    autocomplete_fields = ("country", "organisation")


# Merging deletes the other records: it needs both change and delete permission (has_merge_permission).
@admin.action(description="Merge selected people into one", permissions=["merge"])
def merge_selected(modeladmin, request, queryset):
    people = list(queryset.order_by("pk"))
    if len(people) < 2:
        modeladmin.message_user(request, "Select at least two people to merge.", messages.WARNING)
        return None
    if "keep" in request.POST:
        keep = next((p for p in people if str(p.pk) == request.POST["keep"]), None)
        if keep is None:
            modeladmin.message_user(request, "Choose which record to keep.", messages.ERROR)
            return None
        try:
            for other in people:
                if other.pk != keep.pk:
                    merge_people(keep, other)
        except MergeError as exc:
            modeladmin.message_user(request, str(exc), messages.ERROR)
            return None
        modeladmin.message_user(request, f"Merged {len(people) - 1} record(s) into {keep}.", messages.SUCCESS)
        return redirect("admin:core_person_change", keep.pk)
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": "Merge people",
        "people": people,
        "queryset": queryset,
        "opts": modeladmin.model._meta,
        "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
    }
    return render(request, "admin/core/person/merge.html", context)


@admin.register(Person)
class PersonAdmin(ArchiveHistoryAdmin):
    list_display = ("name", "country", "n_articles", "n_meetings")
    list_filter = ("country",)
    search_fields = ("name", "names__name")
    autocomplete_fields = ("country",)
    prepopulated_fields = {"slug": ("name",)}
    inlines = [PersonNameInline, PersonRoleInline]
    actions = [merge_selected]
    history_list_display = []  # a person has no review status; the Changes column shows the rest
    object_history_template = "admin/core/person/object_history.html"

    def history_view(self, request, object_id, extra_context=None):
        # Roles are edited on the person's page, so their changes are shown on its history page too.
        self.check_object_id(object_id)
        roles = PersonRole.history.filter(person_id=object_id).select_related("history_user")
        context = {"role_history": roles[: self.history_list_per_page], **(extra_context or {})}
        return super().history_view(request, object_id, extra_context=context)

    def has_merge_permission(self, request):
        return self.has_change_permission(request) and self.has_delete_permission(request)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("country")
            .annotate(n_articles=Count("articles", distinct=True), n_meetings=Count("participations", distinct=True))
        )

    def get_search_results(self, request, queryset, search_term):
        # Typing "vučic" or "VUCIC" must find "Vučić": also match the folded spelling of every variant.
        matched, _ = super().get_search_results(request, self.model.objects.all(), search_term)
        if search_term:
            folded = PersonName.objects.filter(folded__contains=fold(search_term)).values("person_id")
            return queryset.filter(Q(pk__in=matched.values("pk")) | Q(pk__in=folded)), False
        return queryset, False

    @admin.display(description="articles", ordering="n_articles")
    def n_articles(self, obj):
        return obj.n_articles

    @admin.display(description="meetings", ordering="n_meetings")
    def n_meetings(self, obj):
        return obj.n_meetings
