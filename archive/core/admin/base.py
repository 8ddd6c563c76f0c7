from django.contrib import admin, messages

from archive.core.models import ReviewStatus


def review_action(status: str, description: str):
    """An admin action setting the review status of the selected facts."""

    @admin.action(description=description)
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
