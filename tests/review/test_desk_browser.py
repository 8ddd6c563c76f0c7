"""A curator works through the demo's raw article on the review desk in a real Chromium (Debian's), mostly by
keyboard; the public pages then show exactly the decisions taken. Every page fits 1280×800 without
horizontal scrolling, and the Content-Security-Policy blocks nothing.

Screenshots go to /tmp/review-shots/, with the measured review times.
"""

import os
import time
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.management import call_command

from archive.core.models import Article, Meeting, Participation, PersonRole
from tests.core.test_csp_browser import REPORT_VIOLATIONS, report_console
from tests.search.conftest import search_index  # noqa: F401 (the fixture)
from tests.search.test_browser import ARGS, CHROMIUM
from tests.services import unavailable

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

DEMO = Path(settings.BASE_DIR) / "fixtures" / "demo" / "raw" / "invented_ljubljana_talks.txt"
SHOTS = Path("/tmp/review-shots")
PASSWORD = "pw-for-the-desk-in-a-browser"
MARIBOR = "The delegation of the Ministry of Defence also visited the Slovenian military academy in Maribor."
# A second raw article, invented here, so that "next" has somewhere to go.
SECOND = """Ministry of Defence Republic of Serbia

Defence consultations with Hungary held in Belgrade

Belgrade, 20.03.2024.

Serbian State Secretary Petar Ilić met Hungarian State Secretary Gábor Tóth in Belgrade on Wednesday to \
discuss joint training of military medical staff.
"""


@pytest.fixture
def browser_page():
    """A 1280×800 Chromium page, and the list of what went wrong on it: CSP violations, console and page errors."""
    if not CHROMIUM.exists():
        unavailable(f"{CHROMIUM} is missing: apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    SHOTS.mkdir(exist_ok=True)
    problems = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.expose_function("reportViolation", lambda text: problems.append(f"CSP: {text}"))
            page.add_init_script(REPORT_VIOLATIONS)
            page.on("console", lambda message: report_console(message, problems))
            page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
            yield page, problems
        finally:
            browser.close()


@pytest.fixture
def curator_login(search_index, live_server):  # noqa: F811
    user = User.objects.create_user("curator-at-the-desk", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="curator"))

    def log_in(page, next_url):
        page.goto(f"{live_server.url}/admin/login/?next={next_url}")
        page.fill("input[name=username]", user.username)
        page.fill("input[name=password]", PASSWORD)
        page.click("input[type=submit]")
        page.wait_for_url(f"**{next_url}")

    return log_in


def import_raw(path):
    call_command("import_articles", str(path), stdout=StringIO())


def shoot(page, name):
    """A screenshot, and the check that the page needs no horizontal scrolling."""
    page.screenshot(path=str(SHOTS / f"{name}.png"))
    width = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert width[0] <= width[1], f"{name}: the page scrolls sideways ({width[0]} > {width[1]} px)"


def current(page) -> str:
    return page.get_attribute(".fact.current", "id")


def key(page, name):
    """A key that sends a form or follows a link: wait for the page it leads to."""
    with page.expect_navigation():
        page.keyboard.press(name)
    page.wait_for_load_state()


def move_to(page, fact_id):
    for _ in range(30):
        if current(page) == fact_id:
            return
        page.keyboard.press("j")
    raise AssertionError(f"j never reached {fact_id}; at {current(page)}")


def select_text(page, sentence):
    """Select a sentence of the article text, as a curator would with the mouse."""
    page.evaluate(
        """(sentence) => {
          const text = document.getElementById("article-text");
          const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const at = node.data.indexOf(sentence);
            if (at < 0) continue;
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + sentence.length);
            document.getSelection().removeAllRanges();
            document.getSelection().addRange(range);
            return;
          }
          throw new Error("sentence not in the text");
        }""",
        sentence,
    )


def meeting_row(page, meeting):
    return page.locator("tr", has=page.locator(f'a[href="/meetings/m/{meeting.pk}/"]'))


def participant(row, name):
    """A participant's line, found by the link to the person: the sentences on the page name others too."""
    return row.locator("li", has=row.page.get_by_role("link", name=name, exact=True))


def test_it_walks_a_curator_through_the_desk_and_the_public_pages_follow(
    browser_page, live_server, curator_login, tmp_path
):
    page, problems = browser_page
    import_raw(DEMO)
    (tmp_path / "second.txt").write_text(SECOND, encoding="utf-8")
    import_raw(tmp_path / "second.txt")
    demo, second = Article.objects.order_by("created", "pk")
    held = Meeting.objects.get(articles=demo, status="held", participations__person__name="Tina Vrhovec")
    planned = Meeting.objects.get(articles=demo, status="planned")
    with_kralj = Meeting.objects.get(articles=demo, participations__person__name="Janez Kralj")
    dragovic = held.participations.get(person__name="Marko Dragović")
    kralj = with_kralj.participations.get(person__name="Janez Kralj")

    # The queue: oldest first, the demo article on top with its pending facts counted.
    curator_login(page, "/review/")
    assert page.locator(".queue-article").first.inner_text() == demo.title
    shoot(page, "01-queue")
    page.locator(".queue-article").first.click()
    page.wait_for_url(f"**/review/articles/{demo.pk}/")
    started = time.monotonic()
    assert current(page) == f"fact-meeting-{held.pk}"
    assert page.eval_on_selector(".fact.current", "el => el.dataset.mark") == page.get_attribute("mark.current", "id")
    shoot(page, "02-desk-opened")

    # Accept the meeting, then its first participant: each time the desk moves on to the next fact waiting.
    key(page, "a")
    assert current(page) == f"fact-participation-{dragovic.pk}"
    key(page, "a")
    # Reject the planned consultations; their participants are moot, so the desk skips to the next meeting.
    move_to(page, f"fact-meeting-{planned.pk}")
    key(page, "r")
    assert current(page) == f"fact-meeting-{with_kralj.pk}"

    # Correct Kralj's garbled role: add the role he held, with its dates, then pick it for the meeting.
    move_to(page, f"fact-participation-{kralj.pk}")
    fact = page.locator(f"#fact-participation-{kralj.pk}")
    fact.locator("details.add-role summary").click()
    prefix = f"#id_role-{kralj.pk}"
    page.fill(f"{prefix}-title", "Chief of the General Staff")
    page.fill(f"{prefix}-country", "Slovenia (SI)")
    page.fill(f"{prefix}-start", "2021-06-01")
    shoot(page, "03-desk-add-role")
    page.uncheck(f"{prefix}-use_for")
    with page.expect_navigation():
        fact.locator("details.add-role button[type=submit]").click()
    role = PersonRole.objects.get(person=kralj.person)
    assert current(page) == f"fact-participation-{kralj.pk}"
    page.keyboard.press("e")
    known = f"#id_participation-{kralj.pk}-known_role"
    assert page.evaluate("(sel) => document.activeElement === document.querySelector(sel)", known)
    options = page.eval_on_selector_all(f"{known} option", "els => els.map(e => e.value)")
    assert options == ["", str(role.pk)]
    page.select_option(known, str(role.pk))
    shoot(page, "04-desk-correct-role")
    with page.expect_navigation():
        fact.locator("details.correct button[type=submit]").click()

    # Add the missed visit to the academy, from its sentence selected in the text.
    select_text(page, MARIBOR)
    page.keyboard.press("m")
    assert page.input_value("#id_missed-meeting-evidence") == MARIBOR
    page.select_option("#id_missed-meeting-kind", "visit")
    page.fill("#id_missed-meeting-date", "2024-03-12")
    page.select_option("#id_missed-meeting-date_precision", "day")
    page.fill("#id_missed-meeting-city", "Maribor")
    page.fill("#id_missed-meeting-country", "Slovenia (SI)")
    page.get_by_label("Marko Dragović").check()
    shoot(page, "05-desk-add-meeting")
    with page.expect_navigation():
        page.click("#add-meeting button[type=submit]")
    visit = Meeting.objects.get(articles=demo, city="Maribor")
    assert page.locator(f"#fact-meeting-{visit.pk}.fact-verified").count() == 1
    assert page.locator(f"mark#{page.get_attribute(f'#fact-meeting-{visit.pk}', 'data-mark')}").inner_text() == MARIBOR
    shoot(page, "06-desk-after-decisions")

    key(page, "n")
    reviewed = time.monotonic() - started
    assert page.url.endswith(f"/review/articles/{second.pk}/")
    shoot(page, "07-desk-next-article")

    # The database holds exactly the decisions taken.
    for fact, status in ((held, "verified"), (dragovic, "verified"), (planned, "rejected"), (with_kralj, "unreviewed")):
        fact.refresh_from_db()
        assert fact.review_status == status, fact
    kralj.refresh_from_db()
    assert (kralj.role, kralj.country_id, kralj.review_status) == ("Chief of the General Staff", "SI", "verified")
    assert (visit.review_status, visit.kind) == ("verified", "visit")
    assert visit.participations.get().review_status == "verified"
    assert {p.history.latest().history_user.username for p in (held, planned, kralj, visit)} == {"curator-at-the-desk"}

    # The meetings archive: the rejected consultations are gone, accepted facts plain, the rest still proposed.
    page.goto(f"{live_server.url}/meetings/")
    assert meeting_row(page, planned).count() == 0
    row = meeting_row(page, held)
    assert row.locator("td:nth-child(2) details.proposed").count() == 0
    assert participant(row, "Marko Dragović").locator("details.proposed").count() == 0
    assert participant(row, "Tina Vrhovec").locator("details.proposed").count() == 1
    row = meeting_row(page, with_kralj)
    assert row.locator("td:nth-child(2) details.proposed").count() == 1
    assert participant(row, "Janez Kralj").inner_text().startswith("Janez Kralj, Chief of the General Staff")
    assert participant(row, "Janez Kralj").locator("details.proposed").count() == 0
    row = meeting_row(page, visit)
    assert row.count() == 1 and row.locator("details.proposed").count() == 0
    shoot(page, "08-public-meetings")

    # The article's public page, and the rejected meeting's own page.
    page.goto(f"{live_server.url}/articles/{demo.pk}/")
    cards = page.locator(".meeting-card")
    assert cards.filter(has_text="Bilateral consultations").count() == 0
    assert cards.filter(has_text="Official visit in Maribor").locator("details.proposed").count() == 0
    assert (
        cards.filter(has=page.locator(f'a[href="/meetings/m/{held.pk}/"]')).locator(":scope > details.proposed").count()
        == 0
    )
    shoot(page, "09-public-article")
    assert page.request.get(f"{live_server.url}/meetings/m/{planned.pk}/").status == 404

    (SHOTS / "timing.txt").write_text(f"walkthrough, open to next: {reviewed:.2f} s\n", encoding="utf-8")
    print(f"\nReviewed the demo article (walkthrough) in {reviewed:.2f} s")
    assert not problems


def test_it_reviews_the_demo_article_with_the_keyboard_only(browser_page, live_server, curator_login):
    page, problems = browser_page
    import_raw(DEMO)
    demo = Article.objects.get()
    curator_login(page, f"/review/articles/{demo.pk}/")
    started, presses = time.monotonic(), 0
    while page.locator(".fact.current.fact-unreviewed").count():
        key(page, "a")
        presses += 1
    key(page, "n")
    presses += 1
    reviewed = time.monotonic() - started
    assert "Nothing else is waiting for review." in page.inner_text(".notices")
    assert not Participation.objects.filter(review_status="unreviewed").exists()
    assert not Meeting.objects.filter(review_status="unreviewed").exists()
    with (SHOTS / "timing.txt").open("a", encoding="utf-8") as out:
        out.write(f"keyboard only, every fact accepted: {reviewed:.2f} s, {presses} key presses\n")
    print(f"\nReviewed the demo article with the keyboard only in {reviewed:.2f} s, {presses} key presses")
    assert not problems
