import datetime

import pytest

from archive.core.merge import MergeError, merge_people
from archive.core.models import Article, ArticlePerson, Meeting, Participation, Person, PersonRole


@pytest.fixture
def twins(db):
    keep = Person.objects.create(name="Aleksandar Vučić", slug="aleksandar-vucic", country_id="RS")
    other = Person.objects.create(name="Aleksandar Vucic", slug="aleksandar-vucic-2", notes="Imported twice.")
    other.names.create(name="Вучић")
    a1 = Article.objects.create(title="One", body="one", content_hash="1")
    a2 = Article.objects.create(title="Two", body="two", content_hash="2")
    ArticlePerson.objects.create(article=a1, person=keep)
    ArticlePerson.objects.create(article=a1, person=other, role="President", country_id="RS")
    ArticlePerson.objects.create(article=a2, person=other, role="President")
    meeting = Meeting.objects.create(date=datetime.date(2024, 9, 7), kind="visit")
    Participation.objects.create(meeting=meeting, person=other, role="President", country_id="RS", side="host")
    PersonRole.objects.create(person=other, title="President", country_id="RS", start=datetime.date(2017, 5, 31))
    return keep, other, meeting


def test_it_moves_everything_to_the_kept_person(twins):
    keep, other, meeting = twins
    merge_people(keep, other)
    assert not Person.objects.filter(pk=other.pk).exists()
    keep.refresh_from_db()
    assert set(keep.names.values_list("name", flat=True)) == {"Aleksandar Vučić", "Aleksandar Vucic", "Вучић"}
    assert keep.articles.count() == 2
    assert ArticlePerson.objects.get(article__title="One", person=keep).role == "President"
    assert meeting.participations.get().person == keep
    assert keep.roles.get().title == "President"
    assert keep.role_on(datetime.date(2024, 1, 1)).title == "President"
    assert "Imported twice." in keep.notes


def test_it_refuses_to_merge_a_person_into_itself(twins):
    keep, _, _ = twins
    with pytest.raises(MergeError):
        merge_people(keep, keep)
