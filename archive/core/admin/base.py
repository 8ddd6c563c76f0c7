from django.contrib import admin, messages
from django.contrib.admin.exceptions import DisallowedModelAdminLookup
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import BadRequest

from archive.core.models import ReviewStatus

NUL = "\x00"


def review_action(status: str, description: str):
    """An admin action setting the review status of the selected facts; only for those who may change them."""

    @admin.action(description=description, permissions=["change"])
    def action(modeladmin, request, queryset):
        # update() skips save() signals; saving each keeps the search index in step.
        for obj in queryset:
            obj.review_status = status
            obj.save()
        modeladmin.message_user(request, f"{queryset.count()} marked {status}.", messages.SUCCESS)

    action.__name__ = f"mark_{status}"
    return action


mark_verified = review_action(ReviewStatus.VERIFIED, "Mark selected as verified")
mark_rejected = review_action(ReviewStatus.REJECTED, "Reject selected (wrong facts)")


class DeclaredFiltersChangeList(ChangeList):
    """A change list that filters only by the declared list filters and date hierarchy.

    Stock Django lets any plain field lookup through the query string (`?title__regex=??`),
    which hands arbitrary regular expressions to the database and crashes on bad ones.
    """

    def get_filters(self, request):
        asked = self.get_filters_params()
        if any(NUL in key or any(NUL in value for value in values) for key, values in asked.items()):
            raise BadRequest("The query string contains a NUL byte.")
        try:
            filter_specs, has_filters, remaining, may_have_duplicates, has_active = super().get_filters(request)
        except (ValueError, OverflowError) as exc:
            # The date hierarchy builds its bounds unguarded: ?published__year=99999999999999999999, or 9999-12.
            raise IncorrectLookupParameters(exc) from exc
        # What the declared filters and the date hierarchy consumed is gone from `remaining`;
        # anything the query string asked for that is still there was never declared.
        undeclared = sorted(key for key in asked if key in remaining)
        if undeclared:
            raise DisallowedModelAdminLookup(f"Filtering by {', '.join(undeclared)} not allowed")
        return filter_specs, has_filters, remaining, may_have_duplicates, has_active


class StrictLookupsMixin:
    """For every ModelAdmin of the site: only declared filters, no NUL bytes in searches."""

    def get_changelist(self, request, **kwargs):
        return DeclaredFiltersChangeList

    def get_search_results(self, request, queryset, search_term):
        # The change list's search form refuses NUL, but the autocomplete view passes its term straight here.
        if NUL in search_term:
            raise BadRequest("The search term contains a NUL byte.")
        return super().get_search_results(request, queryset, search_term)


class ArchiveModelAdmin(StrictLookupsMixin, admin.ModelAdmin):
    """The base of the archive's ModelAdmins."""


class ExtractedInlineMixin:
    """Inline rows for extracted facts: the sentence is shown, never edited."""

    readonly_fields = ("evidence", "confidence")
    extra = 0
    show_change_link = False


class CuratorTouchMixin:
    """A fact a curator saves in an inline becomes a verified fact that imports leave alone."""

    def save_formset(self, request, form, formset, change):
        instances = formset.save(commit=False)
        for obj in formset.deleted_objects:
            obj.delete()
        for instance in instances:
            if getattr(instance, "review_status", None) == ReviewStatus.UNREVIEWED:
                instance.review_status = ReviewStatus.VERIFIED
            instance.save()
        formset.save_m2m()
