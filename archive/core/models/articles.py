import functools

import pycountry
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, Q, prefetch_related_objects
from django.urls import reverse

from archive.core.dates import format_partial_date

from .base import DatePrecision, Extracted, ReviewStatus

UNDETERMINED = "und"


@functools.cache
def language_choices() -> list[tuple[str, str]]:
    """Every ISO 639-1 language (from pycountry's ISO 639-3 data), and "und" for undetermined; named as CLDR
    names them in English where it does ("Greek", where ISO 639-3 says "Modern Greek (1453-)")."""
    from babel import Locale

    cldr = Locale("en").languages
    languages = sorted(
        (lang.alpha_2, cldr.get(lang.alpha_2, lang.name)) for lang in pycountry.languages if hasattr(lang, "alpha_2")
    )
    return [*languages, (UNDETERMINED, "Undetermined")]


def language_code(code: str) -> str:
    """The code itself when it names an ISO 639-1 language, else "und"."""
    return code if code in dict(language_choices()) else UNDETERMINED


# Only web links: a javascript: or data: URL rendered as a link runs in the archive's own origin.
# Import, the admin forms (through the model fields) and the templates' http_url filter all use it.
validate_http_url = URLValidator(schemes=["http", "https"])


class Source(models.Model):
    name = models.CharField(
        max_length=200, unique=True, help_text="Publisher as analysts know it, e.g. Anadolu Agency."
    )
    slug = models.SlugField(max_length=200, unique=True)
    url = models.URLField(blank=True, validators=[validate_http_url])
    country = models.ForeignKey(
        "core.Country", on_delete=models.SET_NULL, null=True, blank=True, related_name="sources"
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("search") + f"?source={self.slug}"


class ArticleQuerySet(models.QuerySet):
    def verified(self):
        return self.filter(review_status=ReviewStatus.VERIFIED)

    def mentioning(self, **entity):
        """Articles with a public mention of one person, country or organisation: `mentioning(person=p)`."""
        ((field, value),) = entity.items()
        links = MENTIONS[field].objects.public().filter(article=OuterRef("pk"), **{field: value})
        return self.filter(Exists(links))

    def with_public_mentions(self):
        """The public mentions as lists: `public_person_links`, `public_country_links`, `public_organisation_links`."""
        return self.prefetch_related(*_public_mentions(names=False))

    def for_index(self):
        """Everything the search document of an article needs, in a fixed number of queries.

        Only public facts: the mentions as in `with_public_mentions()` with every name and alias, and
        `public_meetings` with their public participations. A rejected fact is neither searchable nor counted.
        """
        return self.select_related("source").prefetch_related(*_index_lookups())


def _public_mentions(names: bool) -> list[Prefetch]:
    """Each kind of mention, public ones only, as `public_<related name>`; with `names`, every spelling too."""
    kinds = (
        ("person_links", ArticlePerson.objects.select_related("person", "country"), "person__names"),
        ("country_links", ArticleCountry.objects.select_related("country"), "country__aliases"),
        ("organisation_links", ArticleOrganisation.objects.select_related("organisation"), "organisation__aliases"),
    )
    return [
        Prefetch(name, links.public().prefetch_related(*([spellings] if names else [])), to_attr=f"public_{name}")
        for name, links, spellings in kinds
    ]


def _index_lookups() -> list[Prefetch]:
    from .meetings import Meeting, Participation

    participations = Participation.objects.public().select_related("person")
    meetings = Meeting.objects.public().prefetch_related(Prefetch("participations", participations))
    return [*_public_mentions(names=True), Prefetch("meetings", meetings, to_attr="public_meetings")]


def with_index_data(article):
    """An article loaded some other way, given what `for_index()` prefetches (a few queries for one article)."""
    if not hasattr(article, "public_meetings"):
        prefetch_related_objects([article], *_index_lookups())
    return article


class Article(models.Model):
    # The longest article body import accepts, in characters. Real articles are under 100,000;
    # a body past this is a wrong file, and would make every search that touches it slow.
    MAX_BODY_CHARS = 500_000

    title = models.CharField(max_length=500)
    source = models.ForeignKey(Source, on_delete=models.PROTECT, null=True, blank=True, related_name="articles")
    url = models.URLField(
        max_length=1000,
        blank=True,
        validators=[validate_http_url],
        help_text="Where the article was published, if known.",
    )
    published = models.DateField(
        null=True, blank=True, help_text="Publication date. For a month or year only, the first day of it."
    )
    published_precision = models.CharField(
        max_length=8,
        choices=DatePrecision.choices,
        default=DatePrecision.UNKNOWN,
        help_text="How much of the publication date is known.",
    )
    body = models.TextField()
    language = models.CharField(
        max_length=8,
        choices=language_choices,
        default="en",
        help_text="ISO 639-1 code of the article's language, detected at import when the source does not say; "
        "“und” when it cannot be told.",
    )
    content_hash = models.CharField(
        max_length=64, unique=True, editable=False, help_text="Hash of the normalised text; finds re-imports."
    )
    source_file = models.CharField(max_length=500, blank=True, help_text="The fixture file this article came from.")
    import_fingerprint = models.CharField(max_length=64, blank=True, editable=False)
    imported_at = models.DateTimeField(null=True, blank=True)
    review_status = models.CharField(
        max_length=12,
        choices=ReviewStatus.choices,
        default=ReviewStatus.UNREVIEWED,
        help_text="Verified articles are never changed by a later import.",
    )
    curator_edited = models.BooleanField(
        default=False, help_text="Set when a curator saves the article; import then leaves it alone."
    )
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)

    countries = models.ManyToManyField("core.Country", through="ArticleCountry", related_name="articles", blank=True)
    people = models.ManyToManyField("core.Person", through="ArticlePerson", related_name="articles", blank=True)
    organisations = models.ManyToManyField(
        "core.Organisation", through="ArticleOrganisation", related_name="articles", blank=True
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["url"], condition=~Q(url=""), name="article_url_unique_when_present"),
        ]
        indexes = [models.Index(fields=["published"], name="article_published_idx")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("article-detail", args=[self.pk])

    @property
    def published_display(self) -> str:
        return format_partial_date(self.published, self.published_precision) or ""

    @property
    def is_protected(self) -> bool:
        return self.curator_edited or self.review_status == ReviewStatus.VERIFIED


class ArticleCountry(Extracted):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="country_links")
    country = models.ForeignKey("core.Country", on_delete=models.PROTECT, related_name="article_links")

    class Meta:
        ordering = ["article", "country"]
        verbose_name = "country mention"
        constraints = [models.UniqueConstraint(fields=["article", "country"], name="article_country_unique")]

    def __str__(self):
        return f"{self.country} in {self.article}"


class ArticlePerson(Extracted):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="person_links")
    person = models.ForeignKey("core.Person", on_delete=models.CASCADE, related_name="article_links")
    role = models.CharField(max_length=200, blank=True, help_text="The role the article gives this person.")
    country = models.ForeignKey(
        "core.Country",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The country the person represents in this article.",
    )

    class Meta:
        ordering = ["article", "person"]
        verbose_name = "person mention"
        constraints = [models.UniqueConstraint(fields=["article", "person"], name="article_person_unique")]

    def __str__(self):
        return f"{self.person} in {self.article}"


class ArticleOrganisation(Extracted):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="organisation_links")
    organisation = models.ForeignKey("core.Organisation", on_delete=models.PROTECT, related_name="article_links")

    class Meta:
        ordering = ["article", "organisation"]
        verbose_name = "organisation mention"
        constraints = [models.UniqueConstraint(fields=["article", "organisation"], name="article_organisation_unique")]

    def __str__(self):
        return f"{self.organisation} in {self.article}"


# The mention model of each kind of entity, for `ArticleQuerySet.mentioning`.
MENTIONS = {"person": ArticlePerson, "country": ArticleCountry, "organisation": ArticleOrganisation}
