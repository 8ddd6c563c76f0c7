"""The language of a text that does not state one is detected (py3langid), not assumed to be English."""

from io import StringIO

import pytest
from django.core.management import call_command

from archive.core.models import Article
from archive.imports.language import detect_language

from .rejects import article, write

# Written for these tests.
TEXTS = {
    "ar": "التقى وزير الدفاع اليوم بنظيره في العاصمة، وناقش الجانبان التعاون العسكري والتدريب المشترك بين البلدين.",
    "sr": "Министар одбране данас је у Београду разговарао са амбасадором о сарадњи две војске и заједничким вежбама.",
    "en": "The defence minister met his counterpart in the capital today to discuss military cooperation and training.",
    "ru": "Министр обороны сегодня встретился с коллегой в столице, чтобы обсудить военное сотрудничество и учения.",
    "tr": "Savunma bakanı bugün başkentte mevkidaşıyla görüşerek askeri işbirliğini ve ortak tatbikatları ele aldı.",
}


@pytest.mark.parametrize("code", TEXTS)
def test_it_detects_the_language_of_a_short_text(code):
    assert detect_language(TEXTS[code]) == code


def test_it_reads_serbian_in_latin_script_as_serbian():
    text = "Ministar odbrane danas je u Beogradu razgovarao sa ambasadorom o saradnji dve vojske i zajedničkim vežbama."
    assert detect_language(text) == "sr"


def test_it_says_undetermined_for_a_text_without_words():
    assert detect_language("12.06.2024. — 14:30 / 2 + 2 = 4") == "und"


def run(*paths) -> str:
    out = StringIO()
    call_command("import_articles", *map(str, paths), stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.mark.django_db
@pytest.mark.parametrize(("code", "stored"), [("ar", "ar"), ("sr", "sr"), ("en", "en"), ("ru", "ru"), ("tr", "tr")])
def test_it_stores_the_detected_language_of_raw_text(tmp_path, code, stored):
    """The detected ISO 639-1 code is stored: Arabic is "ar", no longer "en"."""
    run(write(tmp_path / f"{code}.txt", f"{TEXTS[code]}\n\n{TEXTS[code]}"))
    assert Article.objects.get().language == stored


@pytest.mark.django_db
def test_it_detects_the_language_of_a_fixture_that_does_not_state_it(tmp_path):
    data = article(body=TEXTS["sr"])
    del data["articles"][0]["language"]
    run(write(tmp_path / "unstated.json", data))
    assert Article.objects.get().language == "sr"


@pytest.mark.django_db
def test_it_keeps_the_language_a_fixture_states(tmp_path):
    run(write(tmp_path / "stated.json", article(body=TEXTS["en"], language="sr")))
    assert Article.objects.get().language == "sr"
