from django.db import models
from django.db.models import Q


class DatePrecision(models.TextChoices):
    DAY = "day", "Day"
    MONTH = "month", "Month"
    YEAR = "year", "Year"
    UNKNOWN = "unknown", "Unknown"


class ReviewStatus(models.TextChoices):
    UNREVIEWED = "unreviewed", "Unreviewed"
    VERIFIED = "verified", "Verified"
    REJECTED = "rejected", "Rejected"


# The one rule of publication for extracted facts: visitors, feeds, exports and the search index see
# every fact except those a curator rejected. A proposed (unreviewed) fact is shown, marked as such.
PUBLIC_STATUSES = (ReviewStatus.UNREVIEWED, ReviewStatus.VERIFIED)


def public_q(path: str = "") -> Q:
    """The rule as a condition, reached over relations by `path` (e.g. "article_links__") for counts and joins.

    A positive `__in` rather than an exclusion: inside `Count(filter=...)` or one `filter()` call it tests
    the same joined row, where a negated lookup across a relation would become a subquery of its own.
    """
    return Q(**{f"{path}review_status__in": PUBLIC_STATUSES})


class ExtractedQuerySet(models.QuerySet):
    def public(self):
        """What visitors may see; every public view, document and export of these facts reads this."""
        return self.filter(public_q())

    def verified(self):
        return self.filter(review_status=ReviewStatus.VERIFIED)


class Extracted(models.Model):
    """A fact that import proposed or a curator entered, with where it came from.

    Extraction fills `evidence` and `confidence`; a curator's accept or edit sets
    the review status to verified, and a later import never overwrites it.
    """

    evidence = models.TextField(blank=True, help_text="The sentence of the article this fact was read from.")
    confidence = models.FloatField(
        null=True, blank=True, help_text="How sure extraction was (0 to 1). Empty when a curator entered the fact."
    )
    review_status = models.CharField(
        max_length=12,
        choices=ReviewStatus.choices,
        default=ReviewStatus.UNREVIEWED,
        help_text="Set to verified once a curator has checked this fact; import never changes verified facts.",
    )

    objects = ExtractedQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_protected(self) -> bool:
        return self.review_status != ReviewStatus.UNREVIEWED
