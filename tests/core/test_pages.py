from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from archive.core.models import Article, Country, Meeting, Person


@pytest.fixture
def seeded(db):
    call_command("import_articles", str(Path(settings.BASE_DIR) / "fixtures/seed/articles.json"), stdout=StringIO())


def test_it_shows_a_person_with_meetings_on_a_timeline(client, seeded):
    guler = Person.objects.get(name="Yaşar Güler")
    page = client.get(guler.get_absolute_url()).content.decode()
    assert "Yasar Guler" in page  # a variant
    assert 'class="timeline"' in page and "2023" in page
    assert "Aleksandar Vučić" in page and "Miloš Vučević" in page


def test_it_shows_a_country_page(client, seeded):
    page = client.get(Country.objects.get(code="TR").get_absolute_url()).content.decode()
    assert "Türkiye" in page and "Turkey" in page
    assert "Yaşar Güler" in page


def test_it_shows_a_meeting_with_participants_and_articles(client, seeded):
    meeting = Meeting.objects.get(participations__person__name="Kyle Scott")
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Ambassador of the United States" in page
    assert "Serbia will not join any military alliance" in page


def test_it_shows_an_article_with_its_meetings_and_links_into_search(client, seeded):
    article = Article.objects.get(title__startswith="Serbia, Türkiye")
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Meetings reported" in page and "Official visit in Belgrade" in page
    guler = Person.objects.get(name="Yaşar Güler")
    assert f"?person={guler.pk}" in page and "?country=TR" in page


def test_it_lists_meetings_by_year(client, seeded):
    assert "2023" in client.get("/meetings/").content.decode()
    page = client.get("/meetings/2023/").content.decode()
    assert "Yaşar Güler" in page


def test_it_escapes_article_text(client, db):
    article = Article.objects.create(
        title="<script>alert(1)</script>", body="<img src=x onerror=alert(1)>", content_hash="x"
    )
    page = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in page and "<img src=x" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_it_answers_404_for_unknown_entries(client, db):
    assert client.get("/people/nobody/").status_code == 404
    assert client.get("/countries/QQ/").status_code == 404
    assert client.get("/meetings/m/999/").status_code == 404
