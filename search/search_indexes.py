"""What an article looks like in the index: folded text for the query box, codes and keys for the facets."""

from haystack import indexes

from archive.core.models import Article, DatePrecision, ReviewStatus
from archive.core.models.articles import with_index_data

from .backend import fold_words

# Facet name -> what the URL calls it. Also the whitelist of fields a filter may touch.
FACET_FIELDS = ("country", "person", "year", "month", "source", "kind", "org")
# Facets of extracted facts have a twin holding the verified facts only ("verified only" searches).
VERIFIED_FACETS = ("country", "person", "kind", "org")
VERIFIED_PREFIX = "verified_"
INDEXED_FACETS = (*FACET_FIELDS, *(VERIFIED_PREFIX + name for name in VERIFIED_FACETS))


class FacetField(indexes.MultiValueField):
    """Space-free codes (ISO code, primary key, slug) indexed as single keyword tokens; see backend.build_schema."""

    is_facet_keyword = True


class StoredIntegerField(indexes.IntegerField):
    """Read back from the index (sorting and versions use numpy), never searched: no terms to write."""

    is_stored_only = True


class VersionField(indexes.CharField):
    """`article.modified` in microseconds, as text: other engines' integer fields may be 32-bit (stock Whoosh)."""

    is_stored_only = True


def _verified(fact) -> bool:
    return fact.review_status == ReviewStatus.VERIFIED


def publication_key(article) -> int:
    # yyyymmdd as an int sorts like the date and fits a numpy array; 0 means undated.
    d = article.published
    return d.year * 10000 + d.month * 100 + d.day if d else 0


def version_of(article) -> int:
    return int(article.modified.timestamp() * 1_000_000) if article.modified else 0


class DocumentField(indexes.CharField):
    """The text template, rendered from public facts only, also for an article not loaded by for_index()."""

    def prepare(self, obj):
        # Highlighting renders this field alone for articles read with read_queryset(): they lack the prefetches.
        return super().prepare(with_index_data(obj))


class ArticleIndex(indexes.SearchIndex, indexes.Indexable):
    # Not stored: snippets come from the database, and a stored text column costs gigabytes.
    text = DocumentField(document=True, use_template=True, stored=False)
    # Other engines' analyzers do not fold, so the text is folded word by word when prepared (Vučić and
    # Вучић become `vucic`; see search/generic.py). The archive's backend turns this off for its own
    # connection: its analyzer folds already, and the extra pass costs ~30 % of preparing a document.
    fold_text = True
    country = FacetField()
    person = FacetField()
    year = FacetField()
    month = FacetField()
    source = FacetField()
    kind = FacetField()
    org = FacetField()
    verified_country = FacetField()
    verified_person = FacetField()
    verified_kind = FacetField()
    verified_org = FacetField()
    published = StoredIntegerField()
    version = VersionField()

    def get_model(self):
        return Article

    def prepare(self, obj):
        data = super().prepare(with_index_data(obj))
        if self.fold_text:
            data["text"] = fold_words(data["text"])
        return data

    def index_queryset(self, using=None):
        return Article.objects.for_index()

    def read_queryset(self, using=None):
        return Article.objects.select_related("source")

    # The prepare_* methods read only what for_index() prefetched, the public facts (`public_*` lists), never
    # `obj.countries.all()` (which holds rejected mentions too) and never a .filter() (a query per article).
    def prepare_country(self, obj):
        return sorted({link.country_id for link in obj.public_country_links})

    def prepare_person(self, obj):
        return sorted({str(link.person_id) for link in obj.public_person_links})

    def prepare_year(self, obj):
        known = obj.published and obj.published_precision != DatePrecision.UNKNOWN
        return [f"{obj.published.year:04d}"] if known else []

    def prepare_month(self, obj):
        known = obj.published and obj.published_precision in (DatePrecision.DAY, DatePrecision.MONTH)
        return [f"{obj.published.year:04d}-{obj.published.month:02d}"] if known else []

    def prepare_source(self, obj):
        return [obj.source.slug] if obj.source else []

    def prepare_kind(self, obj):
        return sorted({m.kind for m in obj.public_meetings})

    def prepare_org(self, obj):
        return sorted({link.organisation.slug for link in obj.public_organisation_links})

    def prepare_verified_country(self, obj):
        return sorted({link.country_id for link in obj.public_country_links if _verified(link)})

    def prepare_verified_person(self, obj):
        return sorted({str(link.person_id) for link in obj.public_person_links if _verified(link)})

    def prepare_verified_kind(self, obj):
        return sorted({m.kind for m in obj.public_meetings if _verified(m)})

    def prepare_verified_org(self, obj):
        return sorted({link.organisation.slug for link in obj.public_organisation_links if _verified(link)})

    def prepare_published(self, obj):
        return publication_key(obj)

    def prepare_version(self, obj):
        return str(version_of(obj))
