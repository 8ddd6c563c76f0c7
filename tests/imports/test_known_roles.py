"""Raw text import gives a known person the office held on the article's date, from the database's dated roles."""

import datetime

import pytest

from archive.core.models import Person, PersonName, PersonRole
from archive.imports.rawtext import known_people, record_from_text

pytestmark = pytest.mark.django_db

ARTICLE = """Ministry of Defence

Talks in Belgrade

Belgrade, {date}.

Dragan Ilić met the visiting delegation of Slovenia in Belgrade on Tuesday to discuss military education.
"""


@pytest.fixture
def ilic(db):
    person = Person.objects.create(name="Dragan Ilić", slug="dragan-ilic", country_id="RS")
    PersonName.objects.get_or_create(person=person, name="Драган Илић")
    PersonRole.objects.create(
        person=person,
        title="Minister of Defence",
        country_id="RS",
        start=datetime.date(2012, 1, 1),
        end=datetime.date(2013, 12, 31),
    )
    PersonRole.objects.create(person=person, title="President", country_id="RS", start=datetime.date(2017, 5, 1))
    return person


def role_in(date: str) -> str:
    record = record_from_text(ARTICLE.format(date=date), filename="talks.txt")
    (found,) = [p for p in record.people if p.name == "Dragan Ilić"]
    return found.role


def test_it_passes_every_dated_role_to_extraction(ilic):
    (known,) = [k for k in known_people() if k.name == "Dragan Ilić"]
    assert sorted((r.title, r.start, r.end) for r in known.roles) == [
        ("Minister of Defence", datetime.date(2012, 1, 1), datetime.date(2013, 12, 31)),
        ("President", datetime.date(2017, 5, 1), None),
    ]


def test_it_gives_the_role_held_on_the_articles_date(ilic):
    assert role_in("12.03.2013") == "Minister of Defence"
    assert role_in("12.03.2024") == "President"
    assert role_in("12.03.2015") == ""  # between offices: no role is made up
