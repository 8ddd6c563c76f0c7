from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand

from archive.core.models import Country, CountryAlias, Organisation, OrganisationAlias
from archive.core.reference import seed_countries, seed_groups, seed_organisations


class Command(BaseCommand):
    help = "Add countries, aliases, organisations and curator groups that are missing; never removes any."

    def handle(self, *args, **options):
        countries = seed_countries(Country, CountryAlias)
        orgs = seed_organisations(Organisation, OrganisationAlias)
        seed_groups(Group, Permission)
        self.stdout.write(f"countries added: {countries}; organisations added: {orgs}; groups up to date")
