from django.contrib import admin, messages

from archive.core.models import ReviewStatus


@admin.action(description="Mark selected as verified")
def mark_verified(modeladmin, request, queryset):
    # update() skips save() signals; saving each keeps the search index in step.
    for obj in queryset:
        obj.review_status = ReviewStatus.VERIFIED
        obj.save()
    modeladmin.message_user(request, f"{queryset.count()} marked verified.", messages.SUCCESS)


class ExtractedInlineMixin:
    """Inline rows for extracted facts: the sentence is shown, never edited."""

    readonly_fields = ("evidence", "confidence")
    extra = 0
    show_change_link = False
