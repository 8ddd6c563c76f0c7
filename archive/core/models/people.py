import datetime

from django.db import models
from django.db.models import Q
from django.urls import reverse

from archive.core.text import fold

from .base import public_q
from .meetings import ParticipationQuerySet


class PersonQuerySet(models.QuerySet):
    def with_article_counts(self):
        """`n_articles`: the articles with a public mention of each person."""
        return self.annotate(n_articles=models.Count("article_links", filter=public_q("article_links__")))

    def with_meeting_counts(self):
        """`n_meetings`: the public meetings each person attended, by public participations."""
        attended = ParticipationQuerySet.public_condition("participations__")
        return self.annotate(n_meetings=models.Count("participations", filter=attended))

    def matching_name(self, name: str):
        """People known under this name in any spelling or script."""
        return self.filter(names__folded=fold(name)).distinct()

    def find(self, term: str):
        """People whose name, in any spelling, contains the term: best known first.

        An exact name comes before a partial one, so "Vucic" picks Vučić over Vučević.
        """
        folded = fold(term)
        if not folded:
            return self.none()
        exact = PersonName.objects.filter(person=models.OuterRef("pk"), folded=folded)
        return (
            self.filter(pk__in=PersonName.objects.filter(folded__contains=folded).values("person_id"))
            .annotate(exact=models.Exists(exact))
            .with_article_counts()
            .order_by("-exact", "-n_articles", "name")
        )


class Person(models.Model):
    name = models.CharField(max_length=200, help_text="Canonical name with diacritics, e.g. Aleksandar Vučić.")
    slug = models.SlugField(max_length=200, unique=True)
    country = models.ForeignKey(
        "core.Country",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
        help_text="The country this person serves or is a national of.",
    )
    notes = models.TextField(blank=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # The canonical name is always one of the variants, so lookups need one table only.
        PersonName.objects.get_or_create(person=self, name=self.name)

    def get_absolute_url(self):
        return reverse("person-detail", args=[self.slug])

    def variants(self) -> list[str]:
        """Other spellings, for display; the canonical name is also stored as a variant."""
        return [n.name for n in self.names.all() if n.name != self.name]

    def role_on(self, day: datetime.date | None):
        """The role this person held on that day, or their latest known role."""
        roles = self.roles.all()
        if day is not None:
            held = roles.filter(Q(start__isnull=True) | Q(start__lte=day), Q(end__isnull=True) | Q(end__gte=day))
            role = held.order_by("-start").first()
            if role:
                return role
        return roles.order_by("-start").first()


class PersonName(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="names")
    name = models.CharField(max_length=200, help_text="A spelling seen in the press: Vucic, Вучић, President Vučić.")
    folded = models.CharField(max_length=200, editable=False, db_index=True)

    class Meta:
        ordering = ["person", "name"]
        verbose_name = "name variant"
        constraints = [models.UniqueConstraint(fields=["person", "name"], name="person_name_unique")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.folded = fold(self.name)
        super().save(*args, **kwargs)


class PersonRole(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="roles")
    title = models.CharField(max_length=200, help_text="As written then, e.g. Minister of Defence.")
    country = models.ForeignKey("core.Country", on_delete=models.PROTECT, null=True, blank=True, related_name="roles")
    organisation = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, null=True, blank=True, related_name="roles"
    )
    start = models.DateField(null=True, blank=True, help_text="First day in office; empty if unknown.")
    end = models.DateField(null=True, blank=True, help_text="Last day in office; empty while still in office.")

    class Meta:
        ordering = ["person", "-start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start__isnull=True) | Q(end__isnull=True) | Q(end__gte=models.F("start")),
                name="person_role_end_after_start",
            )
        ]

    def __str__(self):
        where = self.organisation or self.country
        return f"{self.title}, {where}" if where else self.title
