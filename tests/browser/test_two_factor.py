"""An admin sets up two-step sign-in on a 320 px phone, then signs in again with a code, in Chromium."""
import time

import pyotp
import pytest
from playwright.sync_api import expect

from portal.accounts.roles import Role
from tests.browser.conftest import set_up_two_step_sign_in
from tests.factories import PASSWORD

pytestmark = pytest.mark.browser


def no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def test_an_admin_sets_it_up_on_a_phone_and_signs_in_with_a_code(live_server, browser, make_user):
    make_user(roles=(Role.ADMIN,), email="admin@example.org")
    context = browser.new_context(viewport={"width": 320, "height": 640}, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server}/sign-in?next=/admin")
    page.get_by_label("Email address").fill("admin@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    expect(page.locator("h1")).to_have_text("Set up two-step sign-in")
    expect(page.get_by_role("img", name="QR code to scan with your authenticator app")).to_be_visible()
    assert no_sideways_scroll(page)
    page.get_by_role("button", name="Turn on two-step sign-in").click()
    expect(page.locator(".nhsuk-error-summary a")).to_have_attribute("href", "#code")

    key = set_up_two_step_sign_in(page)
    expect(page.locator("h1")).to_have_text("Save your recovery codes")
    expect(page.locator(".portal-recovery-codes li")).to_have_count(10)
    assert no_sideways_scroll(page)
    page.get_by_role("link", name="I have saved my codes").click()
    page.goto(f"{live_server}/admin")
    expect(page.locator("h1")).not_to_have_text("Set up two-step sign-in")

    page.get_by_role("button", name="Sign out").click()
    page.goto(f"{live_server}/sign-in?next=/admin")
    page.get_by_label("Email address").fill("admin@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator("h1")).to_have_text("Enter your code")
    assert no_sideways_scroll(page)
    # Setting up used the current time step's code; the next one is still within the accepted window.
    page.get_by_label("Code").fill(pyotp.TOTP(key).at(time.time(), counter_offset=1))
    page.get_by_role("button", name="Continue").click()
    assert page.url == f"{live_server}/admin"
    context.close()
