"""Loading reference data (countries, organisations, curator groups).

The functions take model classes so that data migrations can pass their
historical models and the `seed_reference` command the live ones.
"""

from django.utils.text import slugify

from archive.core.countrydata import country_records
from archive.core.orgdata import ORGANISATIONS
from archive.core.text import fold


def seed_countries(Country, CountryAlias) -> int:
    created = 0
    for rec in country_records().values():
        country, was_created = Country.objects.update_or_create(
            code=rec.code, defaults={"name": rec.name, "official_name": rec.official_name}
        )
        created += was_created
        existing = set(CountryAlias.objects.filter(country=country).values_list("name", "kind"))
        CountryAlias.objects.bulk_create(
            [
                CountryAlias(country=country, name=name, kind=kind, folded=fold(name))
                for kind, name in rec.all_names()
                if (name, kind) not in existing
            ]
        )
    return created


def seed_organisations(Organisation, OrganisationAlias) -> int:
    created = 0
    for data in ORGANISATIONS:
        org, was_created = Organisation.objects.get_or_create(
            name=data["name"], defaults={"acronym": data["acronym"], "slug": slugify(data["acronym"] or data["name"])}
        )
        created += was_created
        for alias in data["aliases"]:
            OrganisationAlias.objects.get_or_create(organisation=org, name=alias)
    return created


CURATOR_MODELS = [
    "article",
    "articlecountry",
    "articleperson",
    "articleorganisation",
    "meeting",
    "participation",
    "person",
    "personname",
    "personrole",
    "source",
    "country",
    "countryalias",
    "organisation",
    "organisationalias",
]


def seed_groups(Group, Permission) -> None:
    """`curator` may change archive entries; `viewer` may look at them in the admin."""
    curator, _ = Group.objects.get_or_create(name="curator")
    viewer, _ = Group.objects.get_or_create(name="viewer")
    perms = Permission.objects.filter(content_type__app_label="core", content_type__model__in=CURATOR_MODELS)
    curator.permissions.set(perms)
    viewer.permissions.set(perms.filter(codename__startswith="view_"))
