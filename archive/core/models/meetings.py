from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse

from archive.core.dates import format_partial_date

from .base import DatePrecision, Extracted, ExtractedQuerySet, public_q


def _attended(verified: bool):
    """Participations that tie a person or a country to a meeting: not rejected, or verified only.

    For subqueries whose meeting is the outer row: whether that meeting is public is the caller's `.public()`.
    """
    return Participation.objects.verified() if verified else Participation.objects.not_rejected()


class MeetingQuerySet(ExtractedQuerySet):
    """`public()`, from ExtractedQuerySet, is what visitors, feeds and exports may see; no view filters on its own."""

    def held(self):
        return self.filter(status=Meeting.Status.HELD)

    @staticmethod
    def involves(country, verified: bool = False) -> Q:
        """A meeting involves a country when someone there represented it, or it was the host.

        The venue alone (`Meeting.country`) does not count: talks on the sidelines of a summit in
        Munich are not a meeting with Germany. A rejected participation does not count, and with
        `verified` only a verified one does.
        """
        # `pk IN (…)` rather than a correlated EXISTS: PostgreSQL hashes the subquery once either way, but
        # costs EXISTS under OR as if it ran per meeting (600,000 at 40,000 meetings), past the JIT
        # threshold, and compiling took 0.4 s of a 0.5 s pair page (benchmarks/bench_pages.py).
        represented = _attended(verified).filter(country=country).values("meeting_id")
        return Q(host_country=country) | Q(pk__in=represented)

    def involving(self, *countries, verified: bool = False):
        """Meetings involving any of these countries."""
        condition = Q()
        for country in countries:
            condition |= self.involves(country, verified)
        return self.filter(condition) if countries else self

    def between(self, a, b, verified: bool = False):
        """Meetings between two countries: both involved (see `involves`)."""
        return self.filter(self.involves(a, verified)).filter(self.involves(b, verified))

    def with_person(self, person, verified: bool = False):
        """Meetings this person attended (a participation not rejected; verified, with `verified`)."""
        attended = _attended(verified).filter(meeting=OuterRef("pk"), person=person)
        return self.filter(Exists(attended))

    def with_organisation(self, organisation, verified: bool = False):
        """Meetings where a participant held a role in the organisation at the time (any time, if undated)."""
        from .people import PersonRole

        attended = _attended(verified).filter(meeting=OuterRef(OuterRef("pk")))
        roles = PersonRole.objects.filter(organisation=organisation, person__in=attended.values("person_id"))
        at_the_time = roles.filter(
            Q(start__isnull=True) | Q(start__lte=OuterRef("date")), Q(end__isnull=True) | Q(end__gte=OuterRef("date"))
        )
        return self.filter(Q(Exists(at_the_time)) | Q(date__isnull=True) & Q(Exists(roles)))

    def undated(self):
        return self.filter(date__isnull=True)

    def newest_first(self):
        """Newest first, undated last on every database (PostgreSQL would put NULL first)."""
        return self.order_by(models.F("date").desc(nulls_last=True), "-id")

    def for_display(self, verified: bool = False):
        """Newest first, with what a meeting card, feed entry or API record shows: its places and its public
        participants (only the verified ones with `verified`: "verified only" shows no proposal)."""
        participations = Participation.objects.public().select_related("person", "country")
        if verified:
            participations = participations.verified()
        return (
            self.newest_first()
            .select_related("country", "host_country")
            .prefetch_related(models.Prefetch("participations", queryset=participations))
        )


class ParticipationQuerySet(ExtractedQuerySet):
    def not_rejected(self):
        """Its own review status only: for subqueries of meetings that are already `.public()`."""
        return super().public()

    @staticmethod
    def public_condition(path: str = "") -> Q:
        """Participations visitors may see: neither they nor their meeting were rejected; `path` as in `public_q`."""
        return public_q(path) & public_q(f"{path}meeting__")

    def public(self):
        return self.filter(self.public_condition())


class Meeting(Extracted):
    class Kind(models.TextChoices):
        VISIT = "visit", "Official visit"
        CONSULTATIONS = "consultations", "Bilateral consultations"
        MEETING = "meeting", "Bilateral meeting"
        SIDELINES = "sidelines", "Talks on the sidelines"
        PHONE_CALL = "phone_call", "Phone call"
        MULTILATERAL = "multilateral", "Multilateral meeting"
        PRESS_CONFERENCE = "press_conference", "Press conference"
        OTHER = "other", "Other"

    class Status(models.TextChoices):
        HELD = "held", "Held"
        PLANNED = "planned", "Planned or announced"
        CANCELLED = "cancelled", "Cancelled"

    date = models.DateField(
        null=True, blank=True, help_text="When it took place; for month or year only, the first day."
    )
    date_precision = models.CharField(max_length=8, choices=DatePrecision.choices, default=DatePrecision.UNKNOWN)
    city = models.CharField(max_length=200, blank=True, help_text="Where it took place, e.g. Belgrade.")
    country = models.ForeignKey(
        "core.Country",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings_held_in",
        help_text="Country the meeting took place in.",
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.MEETING)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.HELD)
    host_country = models.ForeignKey(
        "core.Country", on_delete=models.PROTECT, null=True, blank=True, related_name="meetings_hosted"
    )
    summary = models.TextField(blank=True, help_text="One or two sentences: who met whom about what.")
    articles = models.ManyToManyField("core.Article", related_name="meetings", blank=True)
    people = models.ManyToManyField("core.Person", through="Participation", related_name="meetings", blank=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["date"], name="meeting_date_idx")]

    def __str__(self):
        names = " – ".join(p.person.name for p in self.participations.all()[:3])
        when = self.date_display or "undated"
        return f"{self.get_kind_display()}: {names or self.summary[:60] or 'meeting'} ({when})"

    def get_absolute_url(self):
        return reverse("meeting-detail", args=[self.pk])

    @property
    def date_display(self) -> str:
        return format_partial_date(self.date, self.date_precision) or ""


class Participation(Extracted):
    class Side(models.TextChoices):
        HOST = "host", "Host"
        GUEST = "guest", "Guest"
        OTHER = "other", "Other"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="participations")
    person = models.ForeignKey("core.Person", on_delete=models.CASCADE, related_name="participations")
    role = models.CharField(max_length=200, blank=True, help_text="The role held at the time of the meeting.")
    country = models.ForeignKey(
        "core.Country",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="participations",
        help_text="The country this person represented at the meeting.",
    )
    side = models.CharField(max_length=8, choices=Side.choices, default=Side.OTHER)

    objects = ParticipationQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "side", "person"]
        constraints = [models.UniqueConstraint(fields=["meeting", "person"], name="participation_unique")]
        # The meetings a country took part in (`MeetingQuerySet.involves`), read from the index alone: what
        # every country, pair and meetings-list page asks (benchmarks/bench_pages.py).
        indexes = [models.Index(fields=["country", "review_status", "meeting"], name="participation_country_idx")]

    def __str__(self):
        return f"{self.person} ({self.role or 'participant'}) at {self.meeting_id}"
