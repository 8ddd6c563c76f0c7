"""Page furniture: menus, tag lines and lists of other stories name people and countries the article is not about."""

from archive.extraction.sentences import body_lines

from .score_set import record

PAGE = """Harbour Gazette
Home | World | Politics | Defence | Sport | Video
EN | FR | DE

Coastal ministers agree joint patrols

Porto Alegre, 4 March 2024

Uruguayan Defence Minister Lucia Ferraz met Paraguayan Defence Minister Tomas Ibarra in Montevideo on Monday.

The ministers agreed to run joint river patrols from the spring.

Share: Facebook  Twitter  Email

Related news
Chilean President Marta Olmos visits Bolivia for trade talks
Peruvian navy holds drill with Ecuador off Guayaquil

Tags: Uruguay, Paraguay, Chile, river patrols

Most read
1 Storm closes ports along the coast
2 Colombian Foreign Minister Diego Arenas tours Venezuela border
"""


def test_it_drops_menus_tags_and_lists_of_other_stories():
    lines = body_lines(PAGE)
    assert "The ministers agreed to run joint river patrols from the spring." in lines
    furniture = ("Tags", "Chilean", "Peruvian", "2 Colombian")
    assert not [line for line in lines if "|" in line or line.startswith(furniture)]


def test_it_keeps_prose_that_follows_a_list():
    prose = "The talks continue tomorrow in the capital, the ministry said."
    text = f"Read more\nOther ministers visit the fleet\n{prose}\n"
    assert body_lines(text) == [prose]


def test_it_reports_only_the_articles_own_people_and_countries():
    rec = record(PAGE, "page.txt")
    assert set(rec["countries"]) == {"UY", "PY"}
    assert {p["name"] for p in rec["people"]} == {"Lucia Ferraz", "Tomas Ibarra"}
    assert [m["participants"] for m in rec["meetings"]] == [["Lucia Ferraz", "Tomas Ibarra"]]


def test_it_reads_serbian_and_russian_list_headers():
    for header in ("Повезане вести", "Najčitanije", "Читайте также", "İlgili haberler"):
        assert body_lines(f"{header}\nPredsednik Marko Jović posetio Grčku\n") == []
