from django.contrib import admin

from archive.core.models import Meeting, Participation

from .base import (
    ArchiveHistoryAdmin,
    CuratorTouchMixin,
    ExtractedInlineMixin,
    curator_verifies,
    mark_rejected,
    mark_verified,
)


class ParticipationInline(ExtractedInlineMixin, admin.TabularInline):
    model = Participation
    fields = ("person", "role", "country", "side", "review_status", "evidence", "confidence")
    autocomplete_fields = ("person", "country")
    extra = 1


@admin.register(Meeting)
class MeetingAdmin(CuratorTouchMixin, ArchiveHistoryAdmin):
    list_display = ("__str__", "date", "kind", "status", "city", "country", "review_status")
    list_filter = ("kind", "status", "review_status", ("country", admin.RelatedOnlyFieldListFilter), "date")
    search_fields = ("summary", "city", "participations__person__name", "participations__person__names__name")
    date_hierarchy = "date"
    autocomplete_fields = ("country", "host_country", "articles")
    readonly_fields = ("evidence", "confidence")
    fieldsets = [
        (
            None,
            {"fields": ("kind", "status", ("date", "date_precision"), ("city", "country"), "host_country", "summary")},
        ),
        ("Reported in", {"fields": ("articles",)}),
        ("Review", {"fields": ("review_status", "evidence", "confidence")}),
    ]
    inlines = [ParticipationInline]
    actions = [mark_verified, mark_rejected]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("country").prefetch_related("participations__person")

    def save_model(self, request, obj, form, change):
        if change:
            curator_verifies(request, obj)
        super().save_model(request, obj, form, change)
