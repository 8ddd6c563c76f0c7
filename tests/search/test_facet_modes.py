"""Within a facet, "any of" (OR, the default) or "all of" (AND); "show all" for a long facet. Both implementations."""

import pytest
from django.urls import reverse

from search import indexing, service
from search.query import SearchParams

from .conftest import day, make_article, make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus(any_search_index):
    vucic, erdogan, orban = make_person("Aleksandar Vučić"), make_person("Recep Erdoğan"), make_person("Viktor Orbán")
    both = make_article("Vučić and Erdoğan", "Talks.", countries=["RS", "TR"], people=[vucic, erdogan])
    trio = make_article("Three leaders", "Summit.", countries=["RS", "TR", "HU"], people=[vucic, erdogan, orban])
    only_v = make_article("Vučić alone", "Speech.", countries=["RS"], people=[vucic], published=day(2020))
    only_e = make_article("Erdoğan alone", "Speech.", countries=["TR"], people=[erdogan])
    indexing.rebuild()
    return {k: v for k, v in locals().items() if k != "any_search_index"}


def pks(c, *names):
    return {c[n].pk for n in names}


def test_it_combines_values_of_one_facet_with_or_by_default(corpus):
    people = [str(corpus["vucic"].pk), str(corpus["erdogan"].pk)]
    out = service.run(SearchParams(filters={"person": people}))
    assert set(out.article_ids) == pks(corpus, "both", "trio", "only_v", "only_e")
    # "Any of" counts ignore their own filter: what picking one more person would add.
    assert out.facets["person"][str(corpus["orban"].pk)] == 1


def test_it_requires_every_value_with_all_of(corpus):
    people = [str(corpus["vucic"].pk), str(corpus["erdogan"].pk)]
    out = service.run(SearchParams(filters={"person": people}, all_of={"person"}))
    assert set(out.article_ids) == pks(corpus, "both", "trio") and out.total == 2
    # "All of" counts apply the filter: what is left after also requiring that value.
    assert out.facets["person"] == {
        str(corpus["vucic"].pk): 2,
        str(corpus["erdogan"].pk): 2,
        str(corpus["orban"].pk): 1,
    }
    countries = service.run(SearchParams(filters={"country": ["RS", "TR", "HU"]}, all_of={"country"}))
    assert countries.article_ids == [corpus["trio"].pk]


def test_it_says_which_mode_is_in_force_and_links_to_the_other(client, corpus):
    v, e = corpus["vucic"].pk, corpus["erdogan"].pk
    html = client.get(reverse("search"), {"person": [v, e]}).content.decode()
    assert "Articles with <strong>any of these</strong>" in html
    assert f'href="?person={v}&amp;person={e}&amp;all=person"' in html
    assert '<span class="chip-joiner">or</span>' in html
    html = client.get(reverse("search"), {"person": [v, e], "all": "person"}).content.decode()
    assert "<strong>all of these</strong></p>" in html and '<span class="chip-joiner">and</span>' in html
    assert "Vučić alone" not in html and "Three leaders" in html


@pytest.mark.parametrize("params", [{"all": "nonsense"}, {"all": ["person"] * 50}, {"expand": "<b>"}])
def test_it_ignores_unknown_modes(client, corpus, params):
    assert client.get(reverse("search"), params).status_code == 200


def test_it_shows_all_values_of_a_long_facet_on_request(client, corpus):
    for i in range(14):
        make_article(f"Briefing {i}", "Briefing.", people=[make_person(f"Officer {i:02d}")])
    indexing.rebuild()
    html = client.get(reverse("search")).content.decode()
    facet = html.split('data-facet="person"')[1].split("</section>")[0]
    assert facet.count('class="facet-label"') == 12 and "Show all person values (5 more)" in facet
    page = client.get(reverse("search"), {"expand": "person"}).content.decode()
    facet = page.split('data-facet="person"')[1].split("</section>")[0]
    assert facet.count('class="facet-label"') == 17 and "Show the top values only" in facet


@pytest.fixture
def reviewed(any_search_index):
    from archive.core.models import ArticleCountry, ArticlePerson

    vucic, guler = make_person("Aleksandar Vučić"), make_person("Yaşar Güler")
    checked = make_article("Checked talks", "Talks.", meeting_kind="visit")
    ArticleCountry.objects.create(article=checked, country_id="RS", review_status="verified")
    ArticleCountry.objects.create(article=checked, country_id="TR")  # proposed
    ArticlePerson.objects.create(article=checked, person=vucic, review_status="verified")
    checked.meetings.update(review_status="verified")
    proposed = make_article("Proposed talks", "Talks.", countries=["TR"], people=[guler], meeting_kind="phone_call")
    indexing.rebuild()
    return {"checked": checked, "proposed": proposed, "vucic": vucic, "guler": guler}


def test_it_counts_and_filters_verified_facts_only_on_request(client, reviewed):
    everything = service.run(SearchParams())
    assert everything.facets["country"] == {"RS": 1, "TR": 2}
    assert everything.facets["kind"] == {"visit": 1, "phone_call": 1}
    verified = service.run(SearchParams(verified=True))
    assert verified.total == 2  # the articles stay; their unverified facts do not count
    assert verified.facets["country"] == {"RS": 1}
    assert verified.facets["person"] == {str(reviewed["vucic"].pk): 1}
    assert verified.facets["kind"] == {"visit": 1}
    assert service.run(SearchParams(filters={"country": ["TR"]}, verified=True)).total == 0
    assert service.run(SearchParams(filters={"country": ["RS"]}, verified=True)).article_ids == [reviewed["checked"].pk]
    html = client.get(reverse("search"), {"verified": "1", "country": "RS"}).content.decode()
    assert "<strong>Verified facts only</strong>" in html and "Checked talks" in html
    assert 'href="?country=RS">Include proposed facts' in html
