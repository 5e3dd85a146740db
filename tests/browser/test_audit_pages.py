"""The workforce team reads the audit trail and an organisation's review history on a 320 px phone:
no sideways scrolling, the table becomes a list. In Chromium."""
import pytest
from playwright.sync_api import expect

from tests.browser.test_apply_and_shortlist import sign_in

pytestmark = pytest.mark.browser

NO_SIDEWAYS_SCROLL = "document.documentElement.scrollWidth <= document.documentElement.clientWidth"


def test_an_admin_suspends_with_a_note_and_reads_the_trail_on_a_phone(live_server, browser, make_admin, make_organisation):
    admin = make_admin(email="workforce.lead@icb.example.org")
    organisation = make_organisation(name="Melton Mowbray Community Care Partnership")
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    try:
        page.goto(f"{live_server}/sign-in")
        sign_in(page, admin.email)
        page.goto(f"{live_server}/admin/organisations/{organisation.id}")
        page.get_by_label("Note for the record (optional)").fill("Complaint from a family, under investigation")
        page.get_by_role("button", name="Suspend").click()
        expect(page.locator("main")).to_contain_text("is suspended")
        expect(page.locator("main")).to_contain_text("Complaint from a family, under investigation")
        assert page.evaluate(NO_SIDEWAYS_SCROLL)

        page.goto(f"{live_server}/admin/audit")
        page.get_by_label("Event").select_option(label="Organisation suspended")
        page.get_by_role("button", name="Show events").click()
        expect(page.locator("#events")).to_contain_text("workforce.lead@icb.example.org")
        expect(page.locator("#events")).to_contain_text("Melton Mowbray Community Care Partnership")
        assert page.evaluate(NO_SIDEWAYS_SCROLL)
    finally:
        context.close()
