"""The interactive docs in a real Chromium under the site's CSP: they render every operation and run a request."""

import pytest

from tests.core.test_csp_browser import browser_page, settle  # noqa: F401  (a fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_it_renders_the_docs_and_tries_a_request_without_breaking_the_policy(browser_page, live_server, world):  # noqa: F811
    page, problems = browser_page
    page.goto(live_server.url + "/api/docs/")
    settle(page)
    page.wait_for_selector(".opblock-summary-get")
    assert page.locator(".opblock-summary-get").count() == 9
    # Try it out: Swagger UI fetches the API from the page, which the policy allows (same origin).
    page.locator("#operations-countries-countries_retrieve .opblock-summary").click()
    page.locator("#operations-countries-countries_retrieve button.try-out__btn").click()
    page.locator("#operations-countries-countries_retrieve input[placeholder='code']").fill("RS")
    page.locator("#operations-countries-countries_retrieve button.execute").click()
    status = page.locator("#operations-countries-countries_retrieve .live-responses-table tbody .response-col_status")
    status.wait_for()
    assert status.inner_text().strip() == "200"
    assert "Serbia" in page.locator("#operations-countries-countries_retrieve .live-responses-table").inner_text()
    assert not problems
