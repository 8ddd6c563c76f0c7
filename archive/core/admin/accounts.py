"""The admins other apps register (users, groups, login attempts), held to the archive's rules.

Every ModelAdmin of the site accepts only its declared filters, and every action checks its permission;
these come from Django and django-axes, so they are registered again with the archive's mixin.
"""

from axes.admin import AccessAttemptAdmin, AccessFailureLogAdmin, AccessLogAdmin
from axes.handlers.proxy import AxesProxyHandler
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, User

from .base import StrictLookupsMixin


class ArchiveUserAdmin(StrictLookupsMixin, UserAdmin):
    pass


class ArchiveGroupAdmin(StrictLookupsMixin, GroupAdmin):
    pass


class ArchiveAccessAttemptAdmin(StrictLookupsMixin, AccessAttemptAdmin):
    # axes declares this action without a permission; it deletes attempts, so it needs delete.
    @admin.action(description=AccessAttemptAdmin.cleanup_expired_attempts.short_description, permissions=["delete"])
    def cleanup_expired_attempts(self, request, queryset):
        # axes reads the attempt time its middleware sets only on login requests; without it, a crash.
        AxesProxyHandler.update_request(request)
        return super().cleanup_expired_attempts(request, queryset)


class ArchiveAccessLogAdmin(StrictLookupsMixin, AccessLogAdmin):
    pass


class ArchiveAccessFailureLogAdmin(StrictLookupsMixin, AccessFailureLogAdmin):
    pass


REPLACEMENTS = {
    User: ArchiveUserAdmin,
    Group: ArchiveGroupAdmin,
    AccessAttempt: ArchiveAccessAttemptAdmin,
    AccessLog: ArchiveAccessLogAdmin,
    AccessFailureLog: ArchiveAccessFailureLogAdmin,
}

for model, model_admin in REPLACEMENTS.items():
    # axes leaves its admins out when AXES_ENABLE_ADMIN is off; then so does the archive.
    if admin.site.is_registered(model):
        admin.site.unregister(model)
        admin.site.register(model, model_admin)
