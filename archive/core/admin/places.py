from django.contrib import admin

from archive.core.models import Country, CountryAlias, Organisation, OrganisationAlias

from .base import ArchiveModelAdmin


class CountryAliasInline(admin.TabularInline):
    model = CountryAlias
    extra = 1
    fields = ("name", "kind")


@admin.register(Country)
class CountryAdmin(ArchiveModelAdmin):
    list_display = ("code", "name", "official_name")
    search_fields = ("code", "name", "official_name", "aliases__name")
    inlines = [CountryAliasInline]


class OrganisationAliasInline(admin.TabularInline):
    model = OrganisationAlias
    extra = 1


@admin.register(Organisation)
class OrganisationAdmin(ArchiveModelAdmin):
    list_display = ("name", "acronym")
    search_fields = ("name", "acronym", "aliases__name")
    prepopulated_fields = {"slug": ("acronym",)}
    inlines = [OrganisationAliasInline]
