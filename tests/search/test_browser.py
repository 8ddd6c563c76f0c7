"""A real Chromium (Debian package) drives the search page on pytest-django's live server."""

import os
from pathlib import Path

import pytest

from search import indexing
from tests.services import unavailable

from .conftest import day, make_article, make_person

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


@pytest.fixture
def page():
    if not CHROMIUM.exists():
        unavailable(f"{CHROMIUM} is missing: apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API refuses to run inside an asyncio loop; Django checks this flag for the ORM.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield browser.new_page()
        finally:
            browser.close()


@pytest.fixture
def corpus(search_index):
    vucic = make_person("Aleksandar Vučić")
    serbian = make_article(
        "Vučić visits Ankara",
        "Defence talks in Ankara.",
        countries=["RS", "TR"],
        people=[vucic],
        published=day(2023, 5, 2),
    )
    make_article(
        "Defence talks in Washington", "Defence talks with the Pentagon.", countries=["US"], published=day(2022, 1, 5)
    )
    make_article("Naval exercise", "Ships trained.", countries=["HR"], published=day(2021, 3, 1))
    indexing.rebuild()
    return serbian


def test_it_narrows_by_a_country_facet_and_opens_a_result(page, live_server, corpus):
    page.goto(live_server.url + "/")
    page.fill("input[name=q]", "defence")
    page.press("input[name=q]", "Enter")
    page.wait_for_selector(".result")
    assert page.locator(".result").count() == 2

    page.locator('[data-facet="country"] a', has_text="Serbia").click()
    page.wait_for_selector(".chip")
    assert page.locator(".result").count() == 1
    assert "Serbia" in page.locator(".chips").inner_text()
    assert "country=RS" in page.url and "q=defence" in page.url

    page.locator(".result h3 a").first.click()
    page.wait_for_url(f"**{corpus.get_absolute_url()}")
    assert "Vučić visits Ankara" in page.locator("h1").inner_text()


def test_it_removes_a_filter_with_its_chip(page, live_server, corpus):
    page.goto(live_server.url + "/?q=defence&country=RS")
    assert page.locator(".result").count() == 1
    page.locator(".chip", has_text="Serbia").click()
    page.wait_for_load_state()
    assert page.locator(".result").count() == 2


def test_it_finds_a_person_by_typing_part_of_a_name(page, live_server, corpus):
    page.goto(live_server.url + "/")
    page.fill("#person-finder", "vuc")
    # A function, not a string: the Content-Security-Policy forbids eval(), which string expressions use.
    page.wait_for_function("() => document.querySelectorAll('#person-suggestions option').length > 0")
    assert page.locator("#person-suggestions option").first.get_attribute("value") == "Aleksandar Vučić"
    page.fill("#person-finder", "Aleksandar Vučić")
    page.wait_for_url("**person=*")
    assert page.locator(".chip", has_text="Aleksandar Vučić").count() == 1
    assert page.locator(".results > li").count() == 1
