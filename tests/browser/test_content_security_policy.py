"""Every kind of page works under the site's Content-Security-Policy: Chromium reports no violation and
no script error, signed out and signed in. In Chromium."""
import re
from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from tests.browser.test_apply_and_shortlist import sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def problems(page):
    """What the browser complains about while the test runs: console errors (a CSP violation is one,
    "Refused to ...") and uncaught script errors. Loads that fail are left out: a resource the policy
    blocks is reported as refused anyway."""
    seen = []

    def on_console(message):
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            seen.append(message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda error: seen.append(str(error)))
    return seen


def _visit(page, url: str, heading: str) -> None:
    response = page.goto(url)
    assert response.status == 200, url
    assert "'nonce-" in response.headers["content-security-policy"]
    expect(page.locator("h1")).to_contain_text(heading)
    # The page's inline script ran: it marks the body for the NHS.UK frontend.
    expect(page.locator("body")).to_have_class(re.compile("js-enabled"))


def test_no_page_breaks_the_content_security_policy(
    live_server, page, problems, catalogue, make_organisation, make_vacancy, make_user, make_record
):
    employer = make_organisation(name="Charnwood Home Care")
    vacancy = make_vacancy(employer, title="Care Worker - Days")
    carer = make_user(full_name="Bethany Clarke", email="bethany@example.org")
    make_record(carer, "fire_safety", "1", completed_on=date.today() - timedelta(days=30))

    _visit(page, f"{live_server}/", "")
    _visit(page, f"{live_server}/jobs?q=care+worker", "")
    _visit(page, f"{live_server}/jobs/{vacancy.id}/{vacancy.slug}", "Care Worker - Days")
    _visit(page, f"{live_server}/sign-in", "Sign in")
    sign_in(page, "bethany@example.org")
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    _visit(page, f"{live_server}/passport", "Your skills passport")
    _visit(page, f"{live_server}/passport/sharing", "")
    _visit(page, f"{live_server}/passport/records/new", "")

    assert problems == []
