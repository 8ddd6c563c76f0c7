"""Review queues: every extracted fact with the sentence it came from.

Curators work through the unreviewed facts, accept them in bulk or correct a
role or country in place; what they touch becomes verified and later imports
leave it alone.
"""

from django.contrib import admin

from archive.core.models import ArticleCountry, ArticleOrganisation, ArticlePerson, Participation

from .base import ArchiveHistoryAdmin, curator_verifies, mark_rejected, mark_verified


class FactAdmin(ArchiveHistoryAdmin):
    list_filter = ("review_status",)
    readonly_fields = ("evidence", "confidence")
    actions = [mark_verified, mark_rejected]
    list_per_page = 50

    @admin.display(description="sentence")
    def sentence(self, obj):
        return obj.evidence[:160] + ("…" if len(obj.evidence) > 160 else "")

    def save_model(self, request, obj, form, change):
        curator_verifies(request, obj)
        super().save_model(request, obj, form, change)


@admin.register(ArticlePerson)
class ArticlePersonAdmin(FactAdmin):
    list_display = ("person", "role", "country", "article", "sentence", "confidence", "review_status")
    list_editable = ("role", "country")
    list_filter = ("review_status", ("country", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("person", "country", "article")
    search_fields = ("person__name", "person__names__name", "article__title", "evidence")
    autocomplete_fields = ("person", "country", "article")


@admin.register(ArticleCountry)
class ArticleCountryAdmin(FactAdmin):
    list_display = ("country", "article", "sentence", "confidence", "review_status")
    list_filter = ("review_status", ("country", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("country", "article")
    search_fields = ("country__name", "article__title", "evidence")
    autocomplete_fields = ("country", "article")


@admin.register(ArticleOrganisation)
class ArticleOrganisationAdmin(FactAdmin):
    list_display = ("organisation", "article", "sentence", "confidence", "review_status")
    list_select_related = ("organisation", "article")
    search_fields = ("organisation__name", "organisation__acronym", "article__title", "evidence")
    autocomplete_fields = ("organisation", "article")


@admin.register(Participation)
class ParticipationAdmin(FactAdmin):
    list_display = ("person", "role", "country", "side", "meeting", "sentence", "confidence", "review_status")
    list_editable = ("role", "country", "side")
    list_filter = ("review_status", "side", "meeting__kind")
    list_select_related = ("person", "country", "meeting")
    search_fields = ("person__name", "person__names__name", "evidence")
    autocomplete_fields = ("person", "country", "meeting")
