from django.contrib import admin, messages
from django.contrib.admin.exceptions import DisallowedModelAdminLookup
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import unquote
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import BadRequest, PermissionDenied, ValidationError
from django.http import Http404
from django.urls import path
from simple_history.admin import SimpleHistoryAdmin

from archive.core.models import ReviewStatus

NUL = "\x00"


def review_action(status: str, description: str):
    """An admin action setting the review status of the selected facts; only for those who may change them."""

    @admin.action(description=description, permissions=["change"])
    def action(modeladmin, request, queryset):
        # update() skips save() signals; saving each keeps the search index in step.
        for obj in queryset:
            obj.review_status = status
            obj._change_reason = description  # the audit trail says which decision this was
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


class ArchiveHistoryAdmin(StrictLookupsMixin, SimpleHistoryAdmin):
    """The base of the ModelAdmins of audited records (archive.core.apps.AUDITED).

    Each object's History page lists every change: when, by whom, why, and each field before and after.
    Opening an earlier version and pressing Revert restores it exactly as it was, which is how a curator
    brings back a fact rejected by mistake; only someone who may change the record may do that.
    """

    history_list_display = ["review_status"]

    def get_urls(self):
        # simple-history names the version view with an unnamed regex group; a plain path with named
        # converters reverses the same way and lets the URL be built from keyword arguments too.
        urls = [url for url in super().get_urls() if not (url.name or "").endswith("_simple_history")]
        opts = self.model._meta
        version = path(
            "<path:object_id>/history/<int:version_id>/",
            self.admin_site.admin_view(self.history_form_view),
            name=f"{opts.app_label}_{opts.model_name}_simple_history",
        )
        return [version, *urls]

    def history_view(self, request, object_id, extra_context=None):
        self.check_object_id(object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self.check_object_id(object_id)
        # simple-history saves a revert for anyone who may view the history: a viewer could change records.
        if request.method == "POST" and not self.has_change_permission(request):
            raise PermissionDenied
        request.restoring_version = True
        return super().history_form_view(request, object_id, version_id, extra_context)

    def check_object_id(self, object_id):
        """A malformed id in the URL is a 404 (simple-history's views would fail with a 500)."""
        try:
            self.model._meta.pk.to_python(unquote(object_id))
        except ValidationError:
            raise Http404(f"No {self.model._meta.verbose_name} with the id {object_id!r}.") from None


def curator_verifies(request, obj) -> None:
    """A fact a curator saves becomes verified; a restored version keeps the status it had then."""
    restoring = getattr(request, "restoring_version", False)
    if not restoring and getattr(obj, "review_status", None) == ReviewStatus.UNREVIEWED:
        obj.review_status = ReviewStatus.VERIFIED


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
            curator_verifies(request, instance)
            instance.save()
        formset.save_m2m()
