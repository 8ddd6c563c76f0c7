"""The desk's forms: the queue's filters, a decision, a correction, and a fact the curator adds."""

from __future__ import annotations

import re
from urllib.parse import urlencode

from django import forms
from django.core.exceptions import ValidationError

from archive.core.models import (
    ArticlePerson,
    Country,
    DatePrecision,
    Meeting,
    Participation,
    PersonRole,
    ReviewStatus,
    Source,
)
from archive.core.models.articles import language_choices
from archive.core.resolve import person_named
from archive.core.text import fold

from . import desk
from .marking import locate
from .queue import ORDERS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class QueueFilters(forms.Form):
    order = forms.ChoiceField(
        choices=[("oldest", "Oldest first"), ("confidence", "Least confident first")], required=False
    )
    source = forms.ModelChoiceField(Source.objects.all(), to_field_name="slug", required=False, empty_label="Any")
    language = forms.ChoiceField(required=False)
    published_from = forms.DateField(required=False, widget=DATE, label="Published from")
    published_until = forms.DateField(required=False, widget=DATE, label="until")

    def __init__(self, *args, languages=None, **kwargs):
        """`languages`: the codes to offer (those of the articles, on the queue page); else any language."""
        super().__init__(*args, **kwargs)
        names = dict(language_choices())
        offered = names.items() if languages is None else [(code, names.get(code, code)) for code in languages]
        self.fields["language"].choices = [("", "Any"), *offered]

    def values(self) -> dict:
        """The filters that are set and valid; an unusable value is ignored rather than refused."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in getattr(self, "cleaned_data", {}).items() if value}

    def ordering(self) -> str:
        order = self.values().get("order")
        return order if order in ORDERS else "oldest"

    def apply(self, articles):
        values = self.values()
        lookups = {
            "source": "source",
            "language": "language",
            "published_from": "published__gte",
            "published_until": "published__lte",
        }
        return articles.filter(**{lookups[name]: values[name] for name in lookups if name in values})

    def query(self) -> str:
        """The filters as a query string, carried from page to page of the desk so "next" keeps to them."""
        values = self.values()
        if "source" in values:
            values["source"] = values["source"].slug
        return urlencode({name: str(value) for name, value in values.items()})


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[(ReviewStatus.VERIFIED, "Accept"), (ReviewStatus.REJECTED, "Reject")])


class AcceptAllForm(forms.Form):
    """How many facts the curator saw waiting: accepting all of them accepts no more than that."""

    expected = forms.IntegerField(min_value=0, widget=forms.HiddenInput)


class CountryField(forms.CharField):
    """A country typed by name or ISO code, offered by the page's list of countries as "Slovenia (SI)".

    A text field with suggestions rather than a select: one list for the page instead of 250 options in
    every form of it.
    """

    widget = forms.TextInput(attrs={"list": "countries", "autocomplete": "off"})

    def __init__(self, *, names: dict[str, str] | None = None, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.names = names or {}

    def prepare_value(self, value):
        if isinstance(value, Country):
            return f"{value.name} ({value.code})"
        if isinstance(value, str) and value in self.names:
            return f"{self.names[value]} ({value})"
        return value

    def to_python(self, value):
        text = super().to_python(value)
        if not text:
            return None
        coded = re.fullmatch(r".*\(([A-Za-z]{2})\)|([A-Za-z]{2})", text)
        code = (coded.group(1) or coded.group(2)).upper() if coded else None
        country = (
            (Country.objects.filter(code=code).first() if code else None)
            or Country.objects.filter(name__iexact=text).first()
            or Country.objects.filter(aliases__folded=fold(text)).first()
        )
        if country is None:
            raise ValidationError("No country by that name or code: %(text)s.", params={"text": text})
        return country


class MeetingForm(forms.ModelForm):
    """What a curator corrects about a meeting."""

    class Meta:
        model = Meeting
        fields = ["date", "date_precision", "city", "kind", "status"]
        widgets = {"date": DATE}

    def clean(self):
        data = super().clean()
        if not data.get("date"):
            data["date_precision"] = DatePrecision.UNKNOWN
        return data


class MentionForm(forms.ModelForm):
    """The role and country an article gives a person."""

    country = CountryField()

    class Meta:
        model = ArticlePerson
        fields = ["role", "country"]

    def __init__(self, *args, names=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].names = names or {}


def role_label(role: PersonRole, covering: bool) -> str:
    where = ", ".join(str(x) for x in (role.organisation, role.country) if x)
    since = f"{role.start or '…'} – {role.end or 'now'}"
    return f"{role.title}{f' ({where})' if where else ''}, {since}{' · held then' if covering else ''}"


class ParticipationForm(forms.ModelForm):
    """The role a participant held at the meeting and the country represented.

    A role picked from the person's known roles fills both; the typed role is used when none is picked.
    """

    known_role = forms.ChoiceField(
        required=False, label="Known role", help_text="Picking one replaces the role, and the country if it has one."
    )
    country = CountryField(label="Country represented")

    class Meta:
        model = Participation
        fields = ["known_role", "role", "country"]
        labels = {"role": "Role at the time"}

    def __init__(self, *args, roles=(), meeting_date=None, names=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.roles = {str(role.pk): role for role in roles}
        choices = [(str(role.pk), role_label(role, desk.covers(role, meeting_date))) for role in roles]
        self.fields["known_role"].choices = [("", "— as typed below —"), *choices]
        self.fields["country"].names = names or {}

    def clean(self):
        data = super().clean()
        role = self.roles.get(data.get("known_role") or "")
        if role is not None:
            data["role"] = role.title
            if role.country_id:
                data["country"] = role.country
        return data


class RoleForm(forms.ModelForm):
    """A role the person held, with its dates: added from the desk, offered for every meeting after."""

    country = CountryField()
    use_for = forms.BooleanField(required=False, initial=True, label="Use it for this participation")

    class Meta:
        model = PersonRole
        fields = ["title", "country", "organisation", "start", "end"]
        widgets = {"start": DATE, "end": DATE}

    def __init__(self, *args, names=None, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].names = names or {}
        if organisations is not None:
            # The page's one list of organisations, so rendering a form per participant runs no query.
            self.fields["organisation"].choices = [("", "—"), *organisations]

    def save(self, commit=True):
        self.instance._change_reason = desk.ENTERED
        return super().save(commit)


class EvidenceMixin:
    """The sentence a curator selected must be part of the article, so it can be shown there."""

    def clean_evidence(self):
        evidence = " ".join(self.cleaned_data["evidence"].split())
        if locate(self.article.body, evidence) is None:
            raise ValidationError("Select or paste a sentence of this article's text.")
        return evidence


class MissedMeetingForm(EvidenceMixin, forms.ModelForm):
    """A meeting extraction missed, entered from the sentence reporting it."""

    country = CountryField(label="Country held in")
    participants = forms.MultipleChoiceField(required=False, widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = Meeting
        fields = ["evidence", "kind", "status", "date", "date_precision", "city", "country", "participants"]
        widgets = {"date": DATE, "evidence": forms.Textarea(attrs={"rows": 3})}
        labels = {"evidence": "Sentence"}

    def __init__(self, *args, article, mentions=(), names=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.article = article
        self.fields["evidence"].required = True
        self.fields["country"].names = names or {}
        self.mentions = {str(link.person_id): link for link in mentions}
        self.fields["participants"].choices = [(pk, link.person.name) for pk, link in self.mentions.items()]

    def clean(self):
        data = super().clean()
        if not data.get("date"):
            data["date_precision"] = DatePrecision.UNKNOWN
        return data

    def save(self, commit=True):
        meeting = super().save(commit=False)
        desk.save_entered(meeting)
        meeting.articles.add(self.article)
        for pk in self.cleaned_data["participants"]:
            link = self.mentions[pk]
            participation = Participation(
                meeting=meeting, person=link.person, role=link.role, country=link.country, evidence=meeting.evidence
            )
            desk.save_entered(participation)
        return meeting


class MissedPersonForm(EvidenceMixin, forms.Form):
    """A person extraction missed: found under any spelling the archive knows, or a new person."""

    name = forms.CharField(max_length=200)
    role = forms.CharField(max_length=200, required=False)
    country = CountryField()
    evidence = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), label="Sentence")

    def __init__(self, *args, article, names=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.article = article
        self.fields["country"].names = names or {}

    def save(self) -> ArticlePerson:
        data = self.cleaned_data
        country = data["country"]
        person = person_named(data["name"].strip(), country=country.code if country else None)
        link = ArticlePerson.objects.filter(article=self.article, person=person).first()
        link = link or ArticlePerson(article=self.article, person=person)
        link.role, link.country, link.evidence = data["role"], country, data["evidence"]
        desk.save_entered(link)
        return link
