"""Issue 10, classes 6 and 7 and the languages: declined names are one person, roles are those of the article's
date, one language detector, and languages extraction cannot read give countries only. Texts written for these
tests."""

import datetime

import pytest

from archive.extraction import KnownPerson, KnownRole, extract
from archive.extraction.inflection import nominative, same_name
from archive.extraction.language import detect_language, support


def _people(text, **kw):
    return {p.name: p for p in extract(text, **kw).people}


def test_it_reads_one_person_in_every_case_of_a_declined_name():
    text = (
        "Танјуг\n\nВучић са Лавровом\n\nБеоград, 11.04.2024.\n\n"
        "Председник Србије Александар Вучић састао се данас са Сергејем Лавровом, а затим и са Олафом Шолцом.\n\n"
        "Вучић је Лаврову захвалио, а Шолцу је пренео став Србије. Позив Макрона остаје отворен."
    )
    names = sorted(_people(text))
    assert names == ["Aleksandar Vučić", "Emmanuel Macron", "Olaf Scholz", "Sergey Lavrov"]
    latin = (
        "Beta\n\nVučić sa Lavrovom\n\nBeograd, 11.04.2024.\n\nPredsednik Srbije Aleksandar Vučić sastao se danas sa "
        "Sergejem Lavrovom.\n\nVučić je Lavrovu zahvalio na podršci, a Lavrova je pozvao u Beograd."
    )
    assert sorted(_people(latin)) == ["Aleksandar Vučić", "Sergey Lavrov"]


def test_it_gives_an_unknown_declined_name_in_the_nominative_the_article_writes():
    text = (
        "Ministarstvo odbrane Republike Srbije\n\nNaslov vesti\n\nBeograd, 04.06.2024.\n\n"
        "Ministar odbrane Bratislav Gašić razgovarao je danas sa ministrom odbrane Estonije Tomasom Kaskom.\n\n"
        "Gašić je Kasku uručio poziv, a Kask je zahvalio na gostoprimstvu."
    )
    people = _people(text)
    assert set(people) == {"Bratislav Gašić", "Tomas Kask"}
    assert people["Tomas Kask"].country == "EE"


@pytest.mark.parametrize(
    ("forms", "expected"),
    [
        (["Lavrovom", "Lavrovu", "Lavrov"], "Lavrov"),
        (["Kovalenkom", "Kovalenku", "Kovalenko"], "Kovalenko"),
        (["Papandreuom", "Papandreu"], "Papandreu"),
        (["Makrona", "Makronom"], None),  # never written in the nominative: the title's case decides
        (["Anom"], None),
    ],
)
def test_it_takes_the_form_every_other_derives_from_as_the_nominative(forms, expected):
    assert nominative(forms, "sr") == expected


def test_it_never_merges_different_names_that_look_alike():
    assert not same_name("Vučić", "Vučević", "sr")
    assert not same_name("Novak", "Novaković", "sr")
    assert same_name("Georgijev", "Georgijevim", "sr") and same_name("Белоусов", "Белоусовым", "ru")


def test_it_links_a_name_spelled_the_serbian_way_to_the_known_latin_spelling():
    known = [KnownPerson("James McGregor", country="GB")]
    text = (
        "Министарство одбране Републике Србије\n\nНаслов вести\n\nБеоград, 20.05.2024.\n\n"
        "Министар одбране Братислав Гашић примио је данас амбасадора Велике Британије Џејмса Мекгрегора.\n\n"
        "Мекгрегор је захвалио на пријему."
    )
    people = _people(text, known_people=known)
    assert set(people) == {"Bratislav Gašić", "James McGregor"}
    assert people["James McGregor"].country == "GB"


def test_it_gives_the_role_held_on_the_articles_date_not_todays_office():
    text = (
        "Hurriyet Daily News\nTalks in Ankara\nDecember 1, 2014\n\n"
        "Turkish Prime Minister Recep Tayyip Erdogan welcomed Vladimir Putin in Ankara on Monday. Hulusi Akar, "
        "then commander of the land forces, attended the talks. Biden said in Washington that he followed them."
    )
    people = _people(text)
    assert people["Recep Tayyip Erdoğan"].role == "Prime Minister"  # the article's own title
    assert people["Vladimir Putin"].role == "President"  # the leaders list, dated
    assert people["Joe Biden"].role == "Vice President"  # in 2014, not today's office
    assert people["Hulusi Akar"].role == "Commander of the land forces"


def test_it_gives_no_role_from_a_list_that_does_not_cover_the_date():
    undated = KnownPerson("Milena Jovanović", ("Jovanović",), "RS", "Minister of Defence")
    dated = KnownPerson(
        "Petar Ilić", ("Ilić",), "RS", roles=(KnownRole("Chief of General Staff", datetime.date(2010, 1, 1)),)
    )
    text = (
        "Beta\n\nNaslov vesti\n\nBeograd, 12.03.2008.\n\nMilena Jovanović i Petar Ilić su razgovarali o saradnji "
        "sa britanskim ambasadorom Džonom Smitom."
    )
    people = _people(text, known_people=[undated, dated])
    assert people["Milena Jovanović"].role == "" and people["Petar Ilić"].role == ""


def test_it_takes_no_person_and_no_role_from_a_headline_fragment():
    text = (
        "Defence News\nDefence Chief Welcomes Visiting Polish Commander Jan Nowak To Talks\nMarch 3, 2015\n\n"
        "Serbian Chief of General Staff Ljubisa Dikovic received Polish General Jan Nowak in Belgrade on Tuesday."
    )
    people = _people(text)
    assert set(people) == {"Ljubisa Dikovic", "Jan Nowak"}
    assert people["Jan Nowak"].role == "General"


def test_it_detects_the_language_with_one_detector_for_import_and_extraction():
    from archive.imports import language as imports_language

    assert imports_language.detect_language is detect_language
    assert detect_language("Министар одбране Братислав Гашић састао се данас са министром одбране Кипра.") == "sr"
    assert detect_language("Ministar odbrane Miloš Vučević sastao se danas sa ambasadorom Kine u Beogradu.") == "sr"
    news = "Headline here\n\nGreek Defence Minister Nikos Dendias met Serbian Defence Minister Milos Vucevic."
    assert detect_language(news) == "en"  # py3langid alone reads short English dense with names as Pidgin
    assert [support(c) for c in ("en", "sr", "ru", "tr", "el")] == ["full", "full", "partial", "partial", "none"]


@pytest.mark.parametrize(
    ("text", "language", "countries"),
    [
        (
            "Καθημερινή\n\nΣυνάντηση υπουργών Άμυνας\n\nΑθήνα, 5 Ιουνίου 2024\n\nΟ υπουργός Εθνικής Άμυνας Νίκος "
            "Παπαδόπουλος συναντήθηκε σήμερα με τον Σέρβο ομόλογό του Μίλος Βούτσεβιτς. Η Ελλάδα και η Σερβία "
            "συζήτησαν τη συνεργασία τους στα Βαλκάνια.",
            "el",
            {"GR", "RS"},
        ),
        (
            "Magyar Nemzet\n\nVédelmi miniszterek találkozója\n\nBudapest, 2024. március 8.\n\nSzalai Péter honvédelmi "
            "miniszter ma Budapesten fogadta Kovács Jánost, és Szerbia valamint Magyarország együttműködéséről "
            "tárgyaltak.",
            "hu",
            {"RS", "HU"},
        ),
    ],
)
def test_it_gives_only_countries_for_a_language_it_cannot_read(text, language, countries):
    result = extract(text)
    assert result.language == language
    assert {c.code for c in result.countries} >= countries
    assert result.people == [] and result.meetings == [] and result.organisations == []


def test_it_reads_russian_and_turkish_people_and_meetings():
    ru = extract(
        "ТАСС\n\nЗаголовок\n\nМосква, 22 апреля 2025 года\n\nМинистр обороны России Андрей Белоусов провел сегодня "
        "переговоры с министром обороны Индии Раджем Сингхом."
    )
    assert ru.language == "ru"
    assert {p.name for p in ru.people} == {"Andrei Belousov", "Radž Singh"}
    assert [(m.status, m.date, set(m.countries)) for m in ru.meetings] == [
        ("held", datetime.date(2025, 4, 22), {"RU", "IN"})
    ]
    tr = extract(
        "Anadolu Ajansı\n\nBaşlık\n\nAnkara, 12.03.2025\n\nMilli Savunma Bakanı Yaşar Güler, dün Polonya Savunma "
        "Bakanı Jan Kowalski ile telefonda görüştü."
    )
    assert tr.language == "tr"
    assert {p.name: p.country for p in tr.people} == {"Yaşar Güler": "TR", "Jan Kowalski": "PL"}
    assert [(m.kind, m.date) for m in tr.meetings] == [("phone_call", datetime.date(2025, 3, 11))]
