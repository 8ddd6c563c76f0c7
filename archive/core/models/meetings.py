from django.db import models
from django.urls import reverse

from archive.core.dates import format_partial_date

from .base import DatePrecision, Extracted


class MeetingQuerySet(models.QuerySet):
    def held(self):
        return self.filter(status=Meeting.Status.HELD)


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

    class Meta:
        ordering = ["meeting", "side", "person"]
        constraints = [models.UniqueConstraint(fields=["meeting", "person"], name="participation_unique")]

    def __str__(self):
        return f"{self.person} ({self.role or 'participant'}) at {self.meeting_id}"
