"""The Content-Security-Policy in a real Chromium: the pages' own scripts still run, and nothing is blocked.

Every `securitypolicyviolation` event and every console error of every page is collected; a check at the
start proves that the collector sees what the policy blocks.
"""

import os
import re
from datetime import date

import pytest
from django.contrib.auth.models import User

from archive.core.models import Source
from search import indexing
from tests.search.conftest import make_article, make_person, search_index  # noqa: F401 (the fixture)
from tests.search.test_browser import ARGS, CHROMIUM
from tests.services import unavailable

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
PASSWORD = "pw-for-browser-tests"

REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (e) => window.reportViolation(
  `${e.effectiveDirective} blocked ${e.blockedURI || "inline"} in ${e.sourceFile}:${e.lineNumber}`
));
"""


def report_console(message, problems):
    where = message.location.get("url", "")
    # The browser asks every site for /favicon.ico; the archive has none, which the policy has nothing to do with.
    if message.type == "error" and not where.endswith("/favicon.ico"):
        problems.append(f"console: {message.text} ({where})")


@pytest.fixture
def browser_page(request):
    """A Chromium page and the list of what went wrong on it: CSP violations, console errors, page errors."""
    if not CHROMIUM.exists():
        unavailable(f"{CHROMIUM} is missing: apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    problems = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page()
            page.expose_function("reportViolation", lambda text: problems.append(f"CSP: {text}"))
            page.add_init_script(REPORT_VIOLATIONS)
            page.on("console", lambda message: report_console(message, problems))
            page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
            yield page, problems
        finally:
            browser.close()


@pytest.fixture
def archive(request):
    request.getfixturevalue("search_index")
    tanjug = Source.objects.create(name="Tanjug", slug="tanjug")
    vucic = make_person("Aleksandar Vučić")
    make_person("A. Vucic")
    article = make_article(
        "Vučić visits Ankara", countries=["RS", "TR"], people=[vucic], source=tanjug, published=date(2023, 5, 2)
    )
    for year, count in ((2021, 1), (2022, 4)):
        for n in range(count):
            make_article(f"Routine report {year} {n}", countries=["HR"], published=date(year, 3, 1))
    indexing.rebuild()
    User.objects.create_user("curator-in-browser", password=PASSWORD, is_staff=True, is_superuser=True)
    return article


def settle(page):
    page.wait_for_load_state("networkidle")


def test_it_reports_what_the_policy_blocks(browser_page, live_server, archive):
    """The control: an inline script and style attribute added to the page are blocked and reported."""
    page, problems = browser_page
    page.goto(live_server.url + "/")
    page.evaluate(
        """() => {
          const s = document.createElement("script"); s.textContent = "window.ran = true"; document.body.append(s);
          document.body.insertAdjacentHTML("beforeend", '<p style="color: red">styled</p>');
        }"""
    )
    for _ in range(50):  # the reports arrive asynchronously
        if len(problems) >= 2:
            break
        page.wait_for_timeout(100)
    assert page.evaluate("() => window.ran") is None
    assert any("script-src" in p for p in problems) and any("style-src" in p for p in problems), problems


def test_it_runs_the_search_page_scripts_under_the_policy(browser_page, live_server, archive):
    page, problems = browser_page
    page.goto(live_server.url + "/")
    settle(page)
    # The histogram draws its bars with classes now; the tallest bar fills its column.
    heights = page.eval_on_selector_all(".bars .fill", "els => els.map(e => e.getBoundingClientRect().height)")
    column = page.eval_on_selector(".bars .bar", "e => e.getBoundingClientRect().height")
    assert max(heights) == pytest.approx(column, abs=1) and 0 < min(h for h in heights if h > 1) < column
    # The person finder's autocomplete: a script from static/, a fetch to the site itself.
    page.fill("#person-finder", "vuc")
    # A function, not an expression: Playwright evaluates expressions with eval(), which the policy forbids.
    page.wait_for_function("() => document.querySelectorAll('#person-suggestions option').length > 0")
    page.fill("#person-finder", "Aleksandar Vučić")
    page.wait_for_url("**person=*")
    settle(page)
    page.locator(".result h3 a").first.click()
    page.wait_for_url(f"**{archive.get_absolute_url()}")
    settle(page)
    assert not problems


def log_in(page, live_server, next_url):
    page.goto(f"{live_server.url}/admin/login/?next={next_url}")
    page.fill("input[name=username]", "curator-in-browser")
    page.fill("input[name=password]", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"**{next_url}")
    settle(page)


def test_it_runs_the_admin_scripts_under_the_policy(browser_page, live_server, archive):
    page, problems = browser_page
    log_in(page, live_server, f"/admin/core/article/{archive.pk}/change/")
    # Autocomplete (select2 and jQuery) asks the admin for sources while typing.
    page.locator(".field-source .select2-selection").click()
    page.locator(".select2-search__field").fill("Tan")
    page.wait_for_selector(".select2-results__option >> text=Tanjug")
    page.keyboard.press("Escape")
    # The calendar shortcuts of a date field.
    page.locator("#id_published ~ .datetimeshortcuts a", has_text="Today").click()
    assert re.fullmatch(r"\d\d/\d\d/\d{4}", page.input_value("#id_published"))
    # Inlines add a row with a script.
    rows = page.locator("#person_links-group tbody tr.form-row:not(.empty-form)").count()
    page.locator("#person_links-group .add-row a").click()
    assert page.locator("#person_links-group tbody tr.form-row:not(.empty-form)").count() == rows + 1

    # The slug follows the name as it is typed (prepopulate.js reads its settings from a data attribute).
    page.goto(live_server.url + "/admin/core/person/add/")
    page.locator("#id_name").press_sequentially("Invented Name")
    assert page.input_value("#id_slug") == "invented-name"

    # The change list's actions: select all, then merge two people through the confirmation page.
    page.goto(live_server.url + "/admin/core/person/?q=vucic")
    settle(page)
    page.check("#action-toggle")
    assert "2 of 2 selected" in page.locator(".action-counter").inner_text()
    page.select_option("select[name=action]", "merge_selected")
    page.click("button[name=index]")
    page.wait_for_selector("text=These records will become one")
    page.click("input[type=submit][value=Merge]")
    page.wait_for_url("**/admin/core/person/*/change/")
    settle(page)
    assert "Merged 1 record" in page.locator(".messagelist").inner_text()
    assert not problems
