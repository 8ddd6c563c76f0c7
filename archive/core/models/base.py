from django.db import models


class DatePrecision(models.TextChoices):
    DAY = "day", "Day"
    MONTH = "month", "Month"
    YEAR = "year", "Year"
    UNKNOWN = "unknown", "Unknown"


class ReviewStatus(models.TextChoices):
    UNREVIEWED = "unreviewed", "Unreviewed"
    VERIFIED = "verified", "Verified"
    REJECTED = "rejected", "Rejected"


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

    class Meta:
        abstract = True

    @property
    def is_protected(self) -> bool:
        return self.review_status != ReviewStatus.UNREVIEWED
