"""A recruiter closes a vacancy from the list with JavaScript off: the list asks on a page of its own, Cancel goes
back with nothing changed, and confirming closes it. In Chromium."""
import pytest
from playwright.sync_api import expect

from tests.browser.test_apply_and_shortlist import sign_in

pytestmark = pytest.mark.browser


def test_closing_a_vacancy_asks_first_and_cancel_changes_nothing(live_server, browser, make_organisation,
                                                                  make_recruiter, make_vacancy):
    employer = make_organisation()
    recruiter = make_recruiter(employer)
    make_vacancy(employer, title="Care Worker")
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{live_server}/sign-in")
        sign_in(page, recruiter.email)
        page.goto(f"{live_server}/recruiter/vacancies")

        page.locator("main").get_by_role("link", name="Close Care Worker").click()
        expect(page.locator("h1")).to_have_text("Are you sure you want to close Care Worker?")
        expect(page.locator("main")).to_contain_text("Applicants can no longer apply")
        page.get_by_role("link", name="Cancel").click()
        expect(page.locator("h1")).to_have_text("Your vacancies")
        expect(page.locator("main")).to_contain_text("You have no closed vacancies.")

        page.locator("main").get_by_role("link", name="Close Care Worker").click()
        page.get_by_role("button", name="Close this vacancy").click()
        expect(page.locator("main")).to_contain_text("‘Care Worker’ is closed.")
        expect(page.locator("main")).not_to_contain_text("You have no closed vacancies.")
    finally:
        context.close()
