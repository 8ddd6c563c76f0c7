import datetime
import json
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from archive.core.models import Article, ArticlePerson, Meeting, Person

SEED = Path(settings.BASE_DIR) / "fixtures" / "seed"
SCORER = Path(settings.BASE_DIR) / "tests" / "extraction" / "tools" / "score_extraction.py"


def run(*paths, **options) -> str:
    out = StringIO()
    call_command("import_articles", *map(str, paths), stdout=out, stderr=StringIO(), **options)
    return out.getvalue()


@pytest.mark.django_db
def test_it_detects_title_source_and_date_in_raw_text():
    run(SEED / "raw" / "001_aca4893dbf52aca8.txt")
    article = Article.objects.get()
    assert article.title == "Serbia, Türkiye to improve ties, continue talks for Balkans, Kosovo: President Vucic"
    assert article.source.name == "Anadolu Agency"
    assert article.published == datetime.date(2023, 10, 25) and article.published_precision == "day"


@pytest.mark.django_db
def test_it_proposes_unreviewed_facts_with_their_sentences():
    run(SEED / "raw" / "003_297c18a88897823b.txt")
    article = Article.objects.get()
    assert {"RS", "US"} <= set(article.countries.values_list("code", flat=True))
    link = ArticlePerson.objects.get(article=article, person__name="Aleksandar Vulin")
    assert link.review_status == "unreviewed"
    assert "Vulin" in link.evidence and 0 < link.confidence <= 1
    meeting = article.meetings.get()
    assert set(meeting.participations.values_list("person__name", flat=True)) >= {"Aleksandar Vulin", "Kyle Scott"}


@pytest.mark.django_db
def test_it_reimports_raw_text_as_unchanged():
    path = SEED / "raw" / "000_b7d6648a622b4e38.txt"
    assert "created 1" in run(path)
    assert "unchanged 1" in run(path)
    assert Article.objects.count() == 1


@pytest.mark.django_db
def test_it_reuses_people_known_under_another_spelling(tmp_path):
    run(SEED / "articles.json")
    people = Person.objects.count()
    cyrillic = (
        "Председник Србије Александар Вучић састао се данас у Београду са министром одбране Турске Јашаром Гилером."
    )
    path = tmp_path / "cyrillic.txt"
    path.write_text("Министарство одбране Републике Србије\n\nВучић примио Гилера\n\n11. октобар 2024.\n\n" + cyrillic)
    run(path)
    article = Article.objects.latest("pk")
    assert article.language == "sr"
    assert article.published == datetime.date(2024, 10, 11)
    assert article.people.filter(name="Aleksandar Vučić").exists()
    assert Person.objects.filter(name__icontains="Vučić").count() == 1
    assert Person.objects.count() <= people + 1


@pytest.mark.django_db
def test_it_links_one_meeting_to_every_article_that_reports_it(tmp_path):
    first = tmp_path / "a.txt"
    first.write_text(
        "Defence News\n\nCroatia and Slovenia sign defence deal\n\nPublished 5 June 2024\n\n"
        "Croatian Defence Minister Ivan Anušić met Slovenian Defence Minister Marjan Šarec in Zagreb on 5 June 2024. "
        "Anušić and Šarec signed an agreement on joint air policing."
    )
    second = tmp_path / "b.txt"
    second.write_text(
        "Balkan Security Review\n\nAir policing: Zagreb and Ljubljana agree\n\nPublished 6 June 2024\n\n"
        "Slovenian Defence Minister Marjan Šarec met his Croatian counterpart Ivan Anušić in Zagreb on 5 June 2024 "
        "to sign the air policing agreement."
    )
    run(first, second)
    assert Article.objects.count() == 2
    meeting = Meeting.objects.get()
    assert meeting.articles.count() == 2


@pytest.mark.django_db
def test_it_prints_records_for_evaluation_and_scores_on_the_seeds(tmp_path):
    files = sorted((SEED / "raw").glob("*.txt"))
    output = run(*files, dry_run=True, format="json")
    records = json.loads(output)
    assert [Path(r["source_file"]).name for r in records] == [f.name for f in files]
    assert Article.objects.count() == 0
    first = records[1]
    assert first["published"] == "2023-10-25" and first["source"] == "Anadolu Agency"
    out = tmp_path / "out.json"
    out.write_text(output)
    result = subprocess.run(
        [sys.executable, str(SCORER), str(SEED / "GOLD.json"), str(out), "--min-f1", "0.9"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
