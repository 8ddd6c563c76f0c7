"""Issue 10: one meeting per encounter, its status from the clause that tells it, its date from the text."""

import datetime

from archive.core.text import to_latin
from archive.extraction import extract
from archive.extraction.metadata import find_date


def _meetings(text):
    return [(m.status, sorted(p.name for p in m.participants), m.date) for m in extract(text).meetings]


def test_it_gives_the_host_a_meeting_with_each_guest_received_in_turn():
    text = (
        "Ministry of Defence of Slovenia\n\nMinister meets Baltic counterparts\n\nLjubljana, 18 April 2024\n\n"
        "Slovenian Defence Minister Marko Zupan received in succession on Thursday Estonian Defence Minister "
        "Tiit Tamm, Latvian Defence Minister Ilze Liepa and Lithuanian Defence Minister Jonas Kazlauskas."
    )
    got = _meetings(text)
    assert [m[1] for m in got] == [
        ["Marko Zupan", "Tiit Tamm"],
        ["Ilze Liepa", "Marko Zupan"],
        ["Jonas Kazlauskas", "Marko Zupan"],
    ]
    assert {m[2] for m in got} == {datetime.date(2024, 4, 18)}


def test_it_takes_a_pronoun_or_a_leading_clause_for_the_actor_of_the_story():
    text = (
        "Daily Sabah\nTurkish minister in Brussels\nJune 14, 2024\n\n"
        "Turkish Defense Minister Ali Demir met Estonian Defence Minister Mart Kask on Thursday.\n\n"
        "He then met Portuguese Defence Minister Rui Fonseca.\n\n"
        "Having earlier met with Canadian Defence Minister Paul Gagnon, Demir also met with his Greek counterpart "
        "Petros Kalogeropoulos."
    )
    pairs = [m[1] for m in _meetings(text)]
    assert pairs == [
        ["Ali Demir", "Mart Kask"],
        ["Ali Demir", "Rui Fonseca"],
        ["Ali Demir", "Paul Gagnon"],
        ["Ali Demir", "Petros Kalogeropoulos"],
    ]


def test_it_splits_calls_on_officials_of_one_state_in_different_offices():
    text = (
        "Press Information Bureau\n\nThai Army chief to visit India\n\nNew Delhi, 1 June 2024\n\n"
        "During his stay, General Somchai Rattana of Thailand shall call on Indian Chief of the Army Staff "
        "General Rajiv Sharma and Indian Defence Secretary Alok Verma."
    )
    assert [(m[0], m[1]) for m in _meetings(text)] == [
        ("planned", ["Rajiv Sharma", "Somchai Rattana"]),
        ("planned", ["Alok Verma", "Somchai Rattana"]),
    ]


def test_it_reads_the_status_from_the_clause_that_tells_the_meeting():
    held = (
        "Ministarstvo odbrane Republike Srbije\n\nNaslov vesti o saradnji\n\nBeograd, 10.09.2024.\n\n"
        "Ministar odbrane Miloš Vučević sastao se danas sa ministrom odbrane Slovačke Jurajem Novakom i istakao "
        "da će Srbija nastaviti saradnju."
    )
    assert [m[0] for m in _meetings(held)] == ["held"]
    headline = (
        "Reuters\nSerbian minister to meet Greek counterpart\nNovember 25, 2024\n\n"
        "Serbian Defence Minister Bratislav Gasic to meet Greek Defence Minister Nikos Dendias in Athens.\n\n"
        "Gasic will travel to Athens on Thursday for talks with Dendias, the ministry said."
    )
    assert _meetings(headline) == [
        ("planned", ["Bratislav Gasic", "Nikos Dendias"], datetime.date(2024, 11, 28)),
    ]
    deferred = (
        "Colombo Gazette\nVisit deferred\nSeptember 1, 2023\n\n"
        "The visit of Indian Defence Minister Rohan Iyer to Sri Lanka, scheduled for 2-3 September, stands "
        "deferred, the High Commission said.\n\nIyer was expected to hold talks with Sri Lankan President "
        "Mahinda Perera."
    )
    assert [m[0] for m in _meetings(deferred)] == ["cancelled"]
    could = (
        "Танјуг\n\nНаслов\n\nБеоград, 15. март 2021.\n\nМинистар одбране Србије Небојша Стефановић и министар "
        "одбране Мађарске Тибор Бенко могли би да се састану наредног месеца у Будимпешти.\n\nДвојица министара "
        "последњи пут су разговарала у Београду 2019. године."
    )
    assert [m[0] for m in _meetings(could)] == ["planned"]


def test_it_dates_a_meeting_from_the_articles_own_time_expressions():
    span = (
        "Ministry of Defence of Hungary\n\nVisit\n\nBudapest, 1 June 2024\n\nSlovak Defence Minister Robert "
        "Dvorak will visit Hungary from 3 to 5 June for talks with Hungarian Defence Minister Laszlo Farkas."
    )
    assert _meetings(span)[0][2] == datetime.date(2024, 6, 3)
    yesterday = (
        "Ministarstvo odbrane Republike Srbije\n\nNaslov\n\nBeograd, 19.01.2024.\n\nTokom jučerašnjeg susreta u "
        "Skoplju, državni sekretar Ministarstva odbrane Srbije Nenad Ilić i zamenik ministra odbrane Severne "
        "Makedonije Goran Stefanovski razgovarali su o vežbama."
    )
    assert _meetings(yesterday) == [("held", ["Goran Stefanovski", "Nenad Ilić"], datetime.date(2024, 1, 18))]
    for written in ("14. марта 2021.", "14 марта 2021 года", "14. marta 2021."):
        assert find_date(to_latin(written))[0] == datetime.date(2021, 3, 14)


def test_it_keeps_departments_organisations_and_declined_given_names_out_of_names():
    text = (
        "Hungary Today\nMinisters meet\nOctober 3, 2024\n\n"
        "The Minister of Defence of the Netherlands, Jan de Vries, met Hungarian Minister of Agriculture and "
        "Fisheries Anna Kovacs in Budapest on Thursday.\n\nLieut Col. Peter Hall and Kfor veterans also attended."
    )
    assert {p.name for p in extract(text).people} == {"Jan de Vries", "Anna Kovacs", "Peter Hall"}
    sr = (
        "Ministarstvo odbrane Republike Srbije\n\nNaslov\n\nBeograd, 12.03.2024.\n\nNačelnik Generalštaba general "
        "Milan Mojsilović primio je danas komandanta Kfora generala Ozkana Ulutaša.\n\nGeneral je razgovarao i sa "
        "predsednikom Skupštine Anom Brnabić i sa ministarkom odbrane Crne Gore Anom Vuković."
    )
    people = {p.name: p.country for p in extract(sr).people}
    assert set(people) == {"Milan Mojsilović", "Ozkan Ulutaš", "Ana Brnabić", "Ana Vuković"}
    assert people["Ozkan Ulutaš"] is None and people["Ana Vuković"] == "ME"  # KFOR's commander, not Serbia's


def test_it_never_takes_a_namesake_for_a_known_leader():
    text = (
        "Trend\nGeorgian general in Baku\nMay 6, 2024\n\nGeorgian Chief of Defence Forces Major General Giorgi "
        "Kapanadze held talks in Baku on Monday with Azerbaijani Chief of General Staff Colonel General Elchin "
        "Aliyev."
    )
    people = {p.name: p.country for p in extract(text).people}
    assert people == {"Giorgi Kapanadze": "GE", "Elchin Aliyev": "AZ"}
