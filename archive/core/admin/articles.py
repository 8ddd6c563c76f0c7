from django.contrib import admin
from django.db import models
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from archive.core.models import Article, ArticleCountry, ArticleOrganisation, ArticlePerson, Source

from .base import ArchiveHistoryAdmin, ArchiveModelAdmin, CuratorTouchMixin, ExtractedInlineMixin, mark_verified


class ArticleCountryInline(ExtractedInlineMixin, admin.TabularInline):
    model = ArticleCountry
    fields = ("country", "review_status", "evidence", "confidence")
    autocomplete_fields = ("country",)


class ArticlePersonInline(ExtractedInlineMixin, admin.TabularInline):
    model = ArticlePerson
    fields = ("person", "role", "country", "review_status", "evidence", "confidence")
    autocomplete_fields = ("person", "country")


class ArticleOrganisationInline(ExtractedInlineMixin, admin.TabularInline):
    model = ArticleOrganisation
    fields = ("organisation", "review_status", "evidence", "confidence")
    autocomplete_fields = ("organisation",)


@admin.register(Article)
class ArticleAdmin(CuratorTouchMixin, ArchiveHistoryAdmin):
    list_display = ("title", "source", "published", "published_precision", "language", "review_status")
    list_filter = (
        "review_status",
        "language",
        "source",
        "published_precision",
        ("countries", admin.RelatedOnlyFieldListFilter),
    )
    search_fields = ("title", "body", "url")
    date_hierarchy = "published"
    autocomplete_fields = ("source",)
    readonly_fields = ("content_hash", "source_file", "imported_at", "created", "modified", "meetings_reported")
    fieldsets = [
        (None, {"fields": ("title", "source", "url", ("published", "published_precision"), "language", "body")}),
        ("Review", {"fields": ("review_status", "curator_edited")}),
        ("Meetings", {"fields": ("meetings_reported",)}),
        (
            "Provenance",
            {"classes": ("collapse",), "fields": ("source_file", "imported_at", "content_hash", "created", "modified")},
        ),
    ]
    inlines = [ArticleCountryInline, ArticlePersonInline, ArticleOrganisationInline]
    actions = [mark_verified]
    list_select_related = ("source",)
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    @admin.display(description="Meetings this article reports")
    def meetings_reported(self, obj):
        meetings = obj.meetings.all() if obj.pk else []
        if not meetings:
            return "None"
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                '<li><a href="{}">{}</a></li>',
                ((reverse("admin:core_meeting_change", args=[m.pk]), str(m)) for m in meetings),
            ),
        )

    def save_model(self, request, obj, form, change):
        # A curator's hand on an article protects it from being overwritten by a re-import.
        if change:
            obj.curator_edited = True
        super().save_model(request, obj, form, change)


@admin.register(Source)
class SourceAdmin(ArchiveModelAdmin):
    list_display = ("name", "url", "country")
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("country",)
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
