"""Single rules: traps in country matching, date formats, name resolution, record shape."""

import datetime

import pytest

from archive.extraction import KnownPerson, extract, extract_metadata
from archive.extraction.gazetteer import find_countries, find_organisations

from .score_set import record


def codes(text, language="en"):
    return {h.key for h in find_countries(text, language)}


def test_it_treats_us_state_georgia_as_not_a_country():
    assert "GE" not in codes("Soldiers of the Georgia National Guard trained with Serbian units.")
    assert "GE" not in codes("The exercise took place in Atlanta, Georgia.")
    assert "GE" not in codes("Fort Stewart in Georgia, USA hosted the drill.")
    assert "GE" in codes("Georgia and Ukraine signed a defence agreement in Tbilisi.")


def test_it_ignores_first_names_that_are_countries():
    assert codes("Jordan Miller and Chad Henderson spoke at the forum.") == set()
    assert codes("Jordan and Chad sent observers.") == {"JO", "TD"}


def test_it_reads_us_and_capitals_and_demonyms():
    assert codes("The U.S. and the US embassy said Washington would help.") == {"US"}
    assert codes("Belgrade said Turkish troops are in Kosovo and Metohija.") == {"RS", "TR", "XK"}
    assert "MX" not in codes("The New Mexico National Guard arrived.")


def test_it_reads_serbian_declined_country_names():
    assert codes("ambasador Grčke u Beogradu i ministar odbrane Srbije", "sr") == {"GR", "RS"}


def test_it_shows_organisations_as_readers_know_them():
    names = {
        h.key
        for h in find_organisations("NATO and the NATO-led Kosovo Force, the EU and the UN Security Council Resolution")
    }
    assert names == {"NATO", "KFOR", "European Union", "UN Security Council"}
    assert {h.key for h in find_organisations("Ohio National Guard and the Georgia Army National Guard")} == {
        "Ohio National Guard",
        "Georgia National Guard",
    }
    assert not find_organisations("the National Security Council of Serbia")


@pytest.mark.parametrize(
    "header, expected, precision",
    [
        ("Published October 25,2023", datetime.date(2023, 10, 25), "day"),
        ("Belgrade, 14.12.2023.", datetime.date(2023, 12, 14), "day"),
        ("Oct 12, 2023", datetime.date(2023, 10, 12), "day"),
        ("5 June 2024", datetime.date(2024, 6, 5), "day"),
        ("11. октобар 2024.", datetime.date(2024, 10, 11), "day"),
        ("June 2024", datetime.date(2024, 6, 1), "month"),
    ],
)
def test_it_reads_publication_dates_in_many_formats(header, expected, precision):
    _, _, published, prec = extract_metadata(f"Some Agency\nA headline about defence talks\n{header}\n\nBody text.")
    assert (published, prec) == (expected, precision)


def test_it_does_not_take_a_body_year_as_the_publication_date():
    text = (
        "Headline about Kosovo and Serbia\n\nKosovo declared independence in 2008 and talks resumed by the end of 2024."
    )
    assert extract_metadata(text)[2] is None


def test_it_skips_boilerplate_and_cleans_the_publisher():
    title, source, _, _ = extract_metadata("Contact Us\n\nSerbia and Greece deepen ties\n\nAnadolu Agency WORLD\n")
    assert (title, source) == ("Serbia and Greece deepen ties", "Anadolu Agency")
    _, source, _, _ = extract_metadata("Ministry of defence Republic of Serbia\n\nMinister receives envoy\n")
    assert source == "Ministry of Defence Republic of Serbia"


def test_it_resolves_surnames_against_known_people():
    known = [KnownPerson("Aleksandar Vučić", ("Vucic", "Вучић"), "RS", "President")]
    text = (
        "Headline here today\n\nErdogan, Turkey's president, spoke at a joint press conference with Serbia's "
        "president, Vucic, in Belgrade."
    )
    result = extract(text, known_people=known)
    names = {p.name for p in result.people}
    assert "Aleksandar Vučić" in names and "Recep Tayyip Erdoğan" in names
    assert len(result.meetings) == 1 and result.meetings[0].location == "Belgrade"


def test_it_writes_cyrillic_names_in_latin_script():
    text = (
        "Министарство одбране Републике Србије\n\nНаслов вести о сарадњи\n\n"
        "Председник Александар Вучић примио је амбасадора Италије Луку Горетија."
    )
    people = {p.name: p for p in extract(text).people}
    assert "Aleksandar Vučić" in people
    assert people.get("Luka Goreti") and people["Luka Goreti"].country == "IT"


def test_it_keeps_capitalised_pairs_that_are_not_people_out():
    text = (
        "Headline about regional security\n\nThe Security Council met. The Western Balkans and the Armed Forces "
        "marked Independence Day. The Kosovo Security Force bought Bayraktar drones."
    )
    assert extract(text).people == []


def test_it_gives_evidence_and_confidence_for_every_fact():
    text = (
        "Defense News\nGreek and Serbian ministers meet\n\n"
        "Greek Defence Minister Nikos Dendias met Serbian Defence Minister Milos Vucevic in Athens."
    )
    result = extract(text)
    facts = result.countries + result.organisations + result.people + result.meetings
    assert facts and all(f.evidence.sentence and 0 < f.evidence.confidence <= 1 for f in facts)
    rec = record(text, "x.txt")
    assert rec["meetings"][0]["location"] == "Athens"
    assert set(rec) >= {
        "source_file",
        "title",
        "source",
        "published",
        "countries",
        "people",
        "organisations",
        "meetings",
    }


def test_it_reads_the_published_line_below_a_long_cookie_banner():
    banner = "\n".join(f"Cookie notice line {n} about settings and choices." for n in range(14))
    text = f"{banner}\n\nNews story\n\nMinister hosts counterpart\n\nPublished 9 April 2025\n\nThe minister met him."
    assert extract_metadata(text)[2] == datetime.date(2025, 4, 9)


def test_it_reads_a_date_in_a_byline_of_several_fields_with_a_short_month():
    text = "RTS\n\nPoseta odložena\n\nAutor: Jelena Marić | Izvor: RTS, Beta | četvrtak, 02. okt 2025, 17:25\n\nTekst."
    assert extract_metadata(text)[2:] == (datetime.date(2025, 10, 2), "day")


def test_it_reads_a_long_name_with_particles_and_its_later_short_form():
    text = (
        "WAM\n\nReceptions at IDEX\n\nABU DHABI, 18th February, 2025 (WAM) -- Saeed bin Rashid bin Khalifa Al Nuaimi, "
        "Minister of State for Defence Affairs, today received Croatian Minister of Defence Ivan Horvat.\n\n"
        "Al Nuaimi is scheduled to receive Turkish Minister of National Defence Ali Demir on Wednesday.\n"
    )
    rec = record(text, "x.txt")
    assert [p["name"] for p in rec["people"]].count("Saeed bin Rashid bin Khalifa Al Nuaimi") == 1
    assert not [p for p in rec["people"] if p["name"] == "Al Nuaimi"]
    assert [(m["status"], m["participants"][0]) for m in rec["meetings"]] == [
        ("held", "Saeed bin Rashid bin Khalifa Al Nuaimi"),
        ("planned", "Saeed bin Rashid bin Khalifa Al Nuaimi"),
    ]


def test_it_reads_a_full_name_after_a_title_clause_and_a_comma():
    text = (
        "Ministry of Defence\n\nVisit postponed\n\nJerusalem, 28 May 2025\n\n"
        "Defense Minister Avi Cohen received Fiji's Minister for Home Affairs and Immigration, the Hon Jone Vula, "
        "at the ministry on Tuesday.\n"
    )
    people = {p["name"]: p for p in record(text, "x.txt")["people"]}
    assert people["Jone Vula"]["country"] == "FJ"
    assert people["Jone Vula"]["role"].startswith("Minister for Home Affairs")


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("20 Ιανουαρίου 2025, 15:37", datetime.date(2025, 1, 20)),
        ("2024. szeptember 19. 16:30", datetime.date(2024, 9, 19)),
        ("Publié le 26 novembre 2024 à 18:05", datetime.date(2024, 11, 26)),
        ("3. März 2024", datetime.date(2024, 3, 3)),
    ],
)
def test_it_reads_publication_dates_in_languages_it_does_not_extract(header, expected):
    # CLDR's month names: an article in any of these languages still gets its date
    assert extract_metadata(f"Site\n\nHeadline of the story\n\n{header}\n\nText.")[2] == expected
