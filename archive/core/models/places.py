from django.db import models
from django.urls import reverse

from archive.core.text import fold

from .base import public_q


class CountryQuerySet(models.QuerySet):
    def mentioned(self):
        """Countries some article mentions publicly."""
        return self.filter(public_q("article_links__")).distinct()

    def with_article_counts(self):
        """`n_articles`: the articles with a public mention of each country."""
        return self.annotate(n_articles=models.Count("article_links", filter=public_q("article_links__")))


class Country(models.Model):
    code = models.CharField(
        "ISO code", max_length=2, primary_key=True, help_text="ISO 3166-1 alpha-2 code; XK for Kosovo."
    )
    name = models.CharField(max_length=100, help_text="The short English name analysts see.")
    official_name = models.CharField(max_length=200, blank=True)

    objects = CountryQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "countries"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("country-detail", args=[self.code])

    def names(self) -> list[str]:
        return [self.name, self.official_name, *self.aliases.values_list("name", flat=True)]


class CountryAlias(models.Model):
    class Kind(models.TextChoices):
        NAME = "name", "Other name"
        OFFICIAL = "official", "Official name"
        FORMER = "former", "Former name"
        ALTERNATIVE = "alternative", "Alternative spelling"
        DEMONYM = "demonym", "Demonym"
        CAPITAL = "capital", "Capital"
        NATIVE = "native", "Native name"

    country = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200, help_text="A name the press uses for this country, e.g. Turkey, Turkish.")
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.ALTERNATIVE)
    folded = models.CharField(max_length=200, editable=False, db_index=True)

    class Meta:
        ordering = ["country", "kind", "name"]
        verbose_name_plural = "country aliases"
        constraints = [models.UniqueConstraint(fields=["country", "name", "kind"], name="country_alias_unique")]

    def __str__(self):
        return f"{self.name} ({self.get_kind_display().lower()})"

    def save(self, *args, **kwargs):
        self.folded = fold(self.name)
        super().save(*args, **kwargs)


class Organisation(models.Model):
    name = models.CharField(
        max_length=200, unique=True, help_text="Full name, e.g. North Atlantic Treaty Organization."
    )
    acronym = models.CharField(max_length=20, blank=True, help_text="Short form, e.g. NATO. Leave empty if none.")
    slug = models.SlugField(max_length=200, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.acronym or self.name

    def get_absolute_url(self):
        return reverse("organisation-detail", args=[self.slug])


class OrganisationAlias(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["organisation", "name"]
        verbose_name_plural = "organisation aliases"
        constraints = [models.UniqueConstraint(fields=["organisation", "name"], name="organisation_alias_unique")]

    def __str__(self):
        return self.name
