"""Rules that must hold on articles from any publisher: role spans, official names, sides, name forms."""

from archive.extraction import extract

from .score_set import record


def _people(text):
    return {p.name: p for p in extract(text).people}


def test_it_never_lets_a_role_cross_another_person_or_a_verb():
    text = (
        "Ministry of National Defence\n\nDendias meets Indian Army chief\n\nAthens, 14 March 2024\n\n"
        "Minister of National Defence Nikos Dendias received on Thursday the Chief of the Army Staff of India, "
        "General Manoj Pande, at the Ministry in Athens."
    )
    pande = _people(text)["Manoj Pande"]
    assert pande.role == "General, Chief of the Army Staff"
    assert pande.country == "IN"


def test_it_never_takes_words_of_an_official_country_name_for_a_person():
    text = (
        "Министарство одбране Републике Србије\n\nГашић са амбасадором Кине\n\nБеоград, 10.04.2024.\n\n"
        "Министар одбране Братислав Гашић састао се данас са амбасадором Народне Републике Кине у Србији Ли Мингом."
    )
    people = _people(text)
    assert set(people) == {"Bratislav Gašić", "Li Ming"}
    assert people["Li Ming"].country == "CN" and people["Bratislav Gašić"].country == "RS"
    n1 = (
        "N1\nVučević sa Hilom o vojnoj saradnji\n12.03.2024.\n\nMinistar odbrane Miloš Vučević sastao se danas "
        "sa ambasadorom Sjedinjenih Američkih Država Kristoferom Hilom, saopštilo je Ministarstvo odbrane."
    )
    people = _people(n1)
    assert "Kristofer Hil" in people and people["Kristofer Hil"].country == "US"


def test_it_gives_the_publishers_country_only_with_positive_evidence():
    text = (
        "Embassy of the Republic of Serbia in Cairo\n\nAmbassador meets Egyptian officials\n\n"
        "Ambassador of Serbia to Egypt Jasmina Mitrović Marić met with Assistant Minister of Defence for Foreign "
        "Relations, Major General Ahmed Abdel Moneim, in Cairo."
    )
    people = _people(text)
    assert people["Jasmina Mitrović Marić"].country == "RS"
    assert people["Ahmed Abdel Moneim"].country == "EG"  # the local side of a meeting in Cairo, never Serbia's
    sr = (
        "Министарство одбране Републике Србије\n\nНаслов\n\nБеоград, 3. април 2024.\n\n"
        "Генерал Јанковић је поменуо изјаву министра спољних послова Хакана Фидана о безбедности региона."
    )
    assert _people(sr)["Hakan Fidan"].country == "TR"  # known leader data, not the publisher


def test_it_unifies_a_transcribed_name_with_the_known_person():
    text = (
        "Танјуг\n\nВучић разговарао са Макроном\n\nБеоград, 7. фебруар 2024.\n\n"
        "Председник Србије Александар Вучић разговарао је данас телефоном са председником Француске "
        "Емануелом Макроном.\n\nВучић је навео да је Макрону пренео забринутост."
    )
    result = extract(text)
    assert {p.name for p in result.people} == {"Aleksandar Vučić", "Emmanuel Macron"}
    assert [m.kind for m in result.meetings] == ["phone_call"]


def test_it_reads_initials_suffixes_possessives_and_companions():
    text = (
        "Daily Sabah\nHeadline about defence talks\nMarch 13, 2024\n\n"
        "Secretary of Defense Lloyd J. Austin III spoke with Philippine Secretary of National Defense Gilberto "
        "Teodoro Jr. on Monday. North Macedonia's Defence Minister Slavjanka Petrovska also attended. "
        "Azerbaijani Defense Minister Zakir Hasanov was accompanied by Chief of General Staff Karim Valiyev."
    )
    people = _people(text)
    assert {"Lloyd Austin", "Gilberto Teodoro", "Slavjanka Petrovska", "Karim Valiyev"} <= set(people)
    assert people["Slavjanka Petrovska"].country == "MK"
    assert people["Karim Valiyev"].country == "AZ"


def test_it_takes_a_dateline_city_as_the_place_of_an_unplaced_meeting():
    text = (
        "Inter Services Public Relations\nPress Release\nRawalpindi - 28 February 2024\n\n"
        "General Michael Erik Kurilla, Commander of US Central Command, called on Chief of Army Staff General "
        "Syed Asim Munir at GHQ today."
    )
    result = extract(text)
    assert result.source == "Inter Services Public Relations"
    [meeting] = result.meetings
    assert meeting.location == "Rawalpindi" and set(meeting.countries) == {"US", "PK"}


def test_it_keeps_a_postponed_visit_and_a_held_call_apart():
    text = (
        "Associated Press\nItaly's Crosetto postpones trip to Libya\nBy Anna Rossi\nJuly 3, 2024\n\n"
        "ROME (AP) — Italian Defense Minister Guido Crosetto has postponed a planned visit to Tripoli, where he was "
        "due to meet Libyan Prime Minister Abdul Hamid Dbeibah, the ministry said Wednesday.\n\n"
        "Crosetto spoke by phone with Dbeibah on Tuesday."
    )
    rec = record(text, "x")
    assert [(m["kind"], m["status"], m["location"]) for m in rec["meetings"]] == [
        ("visit", "cancelled", "Tripoli"),
        ("phone_call", "held", ""),
    ]
    assert "Anna Rossi" not in {p["name"] for p in rec["people"]}


def test_it_reads_declined_state_names_in_a_header_as_a_country():
    text = (
        "Ministarstvo odbrane Bosne i Hercegovine\n\nMinistar Helez primio ambasadora Turske\n\n"
        "Sarajevo, 18.01.2024.\n\nMinistar odbrane BiH Zukan Helez primio je danas ambasadora Republike Turske "
        "u BiH Sadika Babura Girgina."
    )
    people = _people(text)
    assert set(people) == {"Zukan Helez", "Sadik Babur Girgin"}
    assert people["Zukan Helez"].country == "BA" and people["Sadik Babur Girgin"].country == "TR"


def test_it_gives_a_delegation_leader_the_delegations_side():
    text = (
        "Министарство одбране Републике Србије\n\nМинистар Вучевић примио делегацију Оружаних снага Уједињених "
        "Арапских Емирата\n\nБеоград, 2. новембар 2023.\n\nМинистар одбране Милош Вучевић примио је данас "
        "делегацију Оружаних снага Уједињених Арапских Емирата, коју предводи заменик начелника Генералштаба "
        "генерал-потпуковник Иса Ал Мазруи.\n\nМинистар Вучевић је истакао да су Србија и УАЕ стратешки партнери."
    )
    result = extract(text)
    people = {p.name: p.country for p in result.people}
    assert people == {"Miloš Vučević": "RS", "Isa Al Mazrui": "AE"}
    assert [set(m.countries) for m in result.meetings] == [{"RS", "AE"}]


def test_it_reads_arabic_name_particles_and_skips_continents():
    text = (
        "Al Jazeera\nSaudi crown prince hosts French foreign minister\nPublished On 4 Feb 2024\n\n"
        "Gen. Christopher Cavoli, the Supreme Allied Commander Europe, also met Saudi Chief of General Staff "
        "Fayyadh al-Ruwaili in Riyadh last week."
    )
    result = extract(text)
    assert {p.name for p in result.people} == {"Christopher Cavoli", "Fayyadh al-Ruwaili"}
    [meeting] = result.meetings
    assert meeting.date is None and meeting.location == "Riyadh"
