"""A care worker shares their verified passport with a new employer, whose recruiter views it and
accepts two records; the care worker sees who viewed it and what was accepted. In Chromium."""
from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from tests.browser.test_apply_and_shortlist import sign_in

pytestmark = pytest.mark.browser


def test_a_care_worker_shares_their_passport_and_the_new_employer_accepts_two_records(
    catalogue, live_server, page, browser, make_organisation, make_recruiter, make_user, make_record
):
    old_employer = make_organisation(name="Belvoir Home Care")
    new_employer = make_organisation(name="Rutland Water Care Home")
    verifier = make_recruiter(old_employer)
    recruiter = make_recruiter(new_employer, full_name="Priya Shah", email="priya@rutlandwater.example")
    carer = make_user(full_name="Bethany Clarke", email="bethany@example.org")
    recently = date.today() - timedelta(days=60)
    make_record(carer, "fire_safety", "1", completed_on=recently, verified_by=(old_employer, verifier))
    make_record(carer, "moving_handling", "2", completed_on=recently, verified_by=(old_employer, verifier))
    make_record(carer, "safeguarding_adults", "2", completed_on=recently, verified_by=(old_employer, verifier))

    page.goto(f"{live_server}/sign-in")
    sign_in(page, "bethany@example.org")
    page.get_by_role("link", name="Your passport").first.click()
    expect(page.locator("h1")).to_have_text("Your skills passport")
    expect(page.locator("main")).to_contain_text("Verified by Belvoir Home Care")
    page.get_by_role("link", name="Share your passport, or see who has viewed it").click()
    page.get_by_label("Employer").select_option(label="Rutland Water Care Home")
    page.get_by_role("button", name="Share with this employer").click()
    expect(page.locator("main")).to_contain_text("Your passport is shared with Rutland Water Care Home")

    recruiter_context = browser.new_context()
    recruiter_page = recruiter_context.new_page()
    try:
        recruiter_page.goto(f"{live_server}/sign-in")
        sign_in(recruiter_page, recruiter.email)
        recruiter_page.get_by_role("link", name="Staff passports").first.click()
        recruiter_page.get_by_role("link", name="Bethany Clarke").click()
        expect(recruiter_page.locator("h1")).to_contain_text("Bethany Clarke")
        expect(recruiter_page.locator("main")).to_contain_text("Verified by Belvoir Home Care")
        recruiter_page.get_by_role("button", name="Accept Fire safety, Level 1 as meeting our requirement").click()
        expect(recruiter_page.locator("main")).to_contain_text("Rutland Water Care Home accepts Fire safety, Level 1")
        recruiter_page.get_by_role("button", name="Accept Moving and handling, Level 2 as meeting our requirement").click()
        expect(recruiter_page.locator("main")).to_contain_text("Rutland Water Care Home accepts Moving and handling, Level 2")
    finally:
        recruiter_context.close()

    page.get_by_role("link", name="Back to your passport").click()
    accepted = page.locator("[data-accepted]")
    expect(accepted).to_have_count(2)
    expect(accepted.first).to_have_text("Accepted by Rutland Water Care Home")
    page.get_by_role("link", name="Share your passport, or see who has viewed it").click()
    expect(page.locator("[data-views]")).to_contain_text("Rutland Water Care Home (Priya Shah)")
    expect(page.locator("[data-views]")).to_contain_text("viewed it")
