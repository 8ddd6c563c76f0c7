"""Writing one ArticleRecord into the database, idempotently.

The rules, in order: an article is found by URL, else by the hash of its
normalised text. Found with the same fingerprint: unchanged. Found but imported
from another file: a duplicate, left alone. Found and verified or edited by a
curator: protected, left alone. Otherwise the facts the import wrote are
replaced, and those a curator decided on are kept.
"""

from __future__ import annotations

from django.utils import timezone

from archive.core.models import (
    Article,
    ArticleCountry,
    ArticleOrganisation,
    ArticlePerson,
    Meeting,
    Participation,
    PersonRole,
    ReviewStatus,
    language_code,
)
from archive.core.resolve import matching_meeting, organisation_named, person_named, source_named
from archive.core.text import content_hash

from .records import ArticleRecord, MeetingRef

CREATED, UPDATED, UNCHANGED, DUPLICATE, PROTECTED = "created", "updated", "unchanged", "duplicate", "protected"


def find_existing(record: ArticleRecord) -> Article | None:
    if record.url:
        found = Article.objects.filter(url=record.url).first()
        if found:
            return found
    return Article.objects.filter(content_hash=content_hash(record.body)).first()


def save_record(record: ArticleRecord, source_file: str) -> tuple[str, Article]:
    fingerprint = record.fingerprint()
    article = find_existing(record)
    if article is not None:
        if article.import_fingerprint == fingerprint:
            return UNCHANGED, article
        if article.source_file and article.source_file != source_file:
            return DUPLICATE, article
        if article.is_protected:
            return PROTECTED, article
        status = UPDATED
    else:
        article = Article()
        status = CREATED
    article.title = record.title
    article.body = record.body
    article.url = record.url
    article.source = source_named(record.source)
    article.published = record.published
    article.published_precision = record.published_precision
    article.language = language_code(record.language)
    article.review_status = record.review_status
    article.content_hash = content_hash(record.body)
    article.source_file = source_file
    article.import_fingerprint = fingerprint
    article.imported_at = timezone.now()
    article.save()
    if status == UPDATED:
        _remove_imported_facts(article)
    _add_facts(article, record)
    return status, article


def curated_ids(model, **filters) -> set[int]:
    """Records a person changed (accepted, rejected, corrected): their history names a user.

    A curated fixture's facts arrive verified, so the review status alone cannot tell the
    fixture's facts from a curator's decision; the audit trail can.
    """
    return set(model.history.filter(history_user__isnull=False, **filters).values_list("id", flat=True))


def _imported(links, curated: set[int]):
    """The facts the import wrote and may replace: neither rejected nor touched by a curator since."""
    return links.exclude(review_status=ReviewStatus.REJECTED).exclude(pk__in=curated)


def _remove_imported_facts(article: Article) -> None:
    """Before an update: the import's own facts go, to be written again from the record; the curators' stay."""
    _imported(article.country_links, curated_ids(ArticleCountry, article_id=article.pk)).delete()
    _imported(article.person_links, curated_ids(ArticlePerson, article_id=article.pk)).delete()
    _imported(article.organisation_links, curated_ids(ArticleOrganisation, article_id=article.pk)).delete()
    meeting_ids = list(article.meetings.values_list("pk", flat=True))
    # A meeting is the curators' when they touched it or any of its participants.
    touched_participants = Participation.history.filter(history_user__isnull=False, meeting_id__in=meeting_ids)
    curated_meetings = curated_ids(Meeting, id__in=meeting_ids) | set(
        touched_participants.values_list("meeting_id", flat=True)
    )
    for meeting in _imported(article.meetings.all(), curated_meetings):
        article.meetings.remove(meeting)
        if not meeting.articles.exists():
            meeting.delete()


def _add_facts(article: Article, record: ArticleRecord) -> None:
    """The record's facts, except those the article still has (a curator's decision wins)."""
    kept_countries = set(article.country_links.values_list("country_id", flat=True))
    for ref in record.countries:
        if ref.code not in kept_countries:
            kept_countries.add(ref.code)
            ArticleCountry.objects.create(article=article, country_id=ref.code, **_fact(ref))

    kept_orgs = set(article.organisation_links.values_list("organisation_id", flat=True))
    for ref in record.organisations:
        org = organisation_named(ref.name)
        if org.pk not in kept_orgs:
            kept_orgs.add(org.pk)
            ArticleOrganisation.objects.create(article=article, organisation=org, **_fact(ref))

    kept_people = set(article.person_links.values_list("person_id", flat=True))
    for ref in record.people:
        person = person_named(ref.name, variants=ref.variants, country=ref.country)
        if ref.role and ref.confidence is None:
            # A curated fixture's role is a fact about the person, not only the article.
            PersonRole.objects.get_or_create(person=person, title=ref.role, country_id=ref.country)
        if person.pk not in kept_people:
            kept_people.add(person.pk)
            ArticlePerson.objects.create(
                article=article, person=person, role=ref.role, country_id=ref.country, **_fact(ref)
            )

    for ref in record.meetings:
        _save_meeting(article, ref)


def _save_meeting(article: Article, ref: MeetingRef) -> Meeting:
    people = [(person_named(p.name, country=p.country), p) for p in ref.participants]
    countries = {p.country for p in ref.participants if p.country}
    meeting = matching_meeting(ref.date, {person.pk for person, _ in people}, countries, exclude_article=article)
    if meeting is None:
        meeting = Meeting.objects.create(
            kind=ref.kind,
            status=ref.status,
            date=ref.date,
            date_precision=ref.date_precision,
            city=ref.city,
            country_id=ref.country,
            host_country_id=ref.host_country,
            summary=ref.summary,
            **_fact(ref),
        )
    meeting.articles.add(article)
    present = set(meeting.participations.values_list("person_id", flat=True))
    for person, p in people:
        if person.pk not in present:
            present.add(person.pk)
            Participation.objects.create(
                meeting=meeting,
                person=person,
                role=p.role,
                country_id=p.country,
                side=p.side,
                evidence=ref.evidence,
                confidence=ref.confidence,
                review_status=ref.review_status,
            )
    return meeting


def _fact(ref) -> dict:
    return {"evidence": ref.evidence, "confidence": ref.confidence, "review_status": ref.review_status}
