"""Meetings with participants for the meetings list, pair page, export and feed tests."""

import re

from archive.core.models import Meeting, Organisation, Participation, PersonRole
from tests.search.conftest import day, make_article, make_person

__all__ = ["day", "make_article", "make_meeting", "make_person", "meeting_ids", "make_organisation", "give_role"]


def make_meeting(*participants, date=None, host=None, review="verified", article=None, **fields):
    """A meeting; each participant is (person, country code, role[, side]), reviewed as the meeting."""
    fields.setdefault("date_precision", "day" if date else "unknown")
    meeting = Meeting.objects.create(date=date, host_country_id=host, review_status=review, **fields)
    for person, code, role, *side in participants:
        Participation.objects.create(
            meeting=meeting,
            person=person,
            country_id=code,
            role=role,
            side=side[0] if side else "other",
            review_status=review,
        )
    if article is not None:
        meeting.articles.add(article)
    return meeting


def make_organisation(name, acronym):
    return Organisation.objects.create(name=name, acronym=acronym, slug=acronym.lower())


def give_role(person, title, organisation=None, start=None, end=None):
    return PersonRole.objects.create(person=person, title=title, organisation=organisation, start=start, end=end)


def meeting_ids(html: str) -> list[int]:
    """The meetings a page lists, in order, from their links (each linked once per table row)."""
    return [int(pk) for pk in re.findall(r'<td><a href="/meetings/m/([0-9]+)/">', html)]
