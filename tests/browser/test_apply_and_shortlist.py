"""A job seeker applies with a CV, a recruiter at the employer shortlists them, and the seeker sees it,
in Chromium, as people would."""
import re
from urllib.parse import urlsplit

import pyotp
import pytest
from playwright.sync_api import expect

from tests.factories import PASSWORD, TWO_FACTOR_SECRET

pytestmark = pytest.mark.browser

TINY_PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def sign_in(page, email):
    """Sign in with the password and, for a person with two-step sign-in on, a code from TWO_FACTOR_SECRET."""
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    if urlsplit(page.url).path == "/sign-in/code":
        page.get_by_label("Code", exact=True).fill(pyotp.TOTP(TWO_FACTOR_SECRET).now())
        page.get_by_role("button", name="Continue").click()


def test_a_seeker_applies_a_recruiter_shortlists_them_and_the_seeker_sees_it(
    live_server, page, browser, make_organisation, make_recruiter, make_user, make_vacancy
):
    employer = make_organisation(name="Charnwood Home Care")
    recruiter = make_recruiter(employer, full_name="Priya Shah", email="priya@charnwood.example")
    make_user(full_name="Sam Taylor", email="sam@example.org")
    vacancy = make_vacancy(employer, title="Care Worker", apply_method="portal", apply_url=None)

    page.goto(f"{live_server}/jobs/{vacancy.id}/{vacancy.slug}")
    page.get_by_role("button", name="Apply for this job").first.click()
    expect(page.locator("h1")).to_contain_text("Apply for Care Worker")
    page.locator("main").get_by_role("link", name="sign in").click()
    sign_in(page, "sam@example.org")

    expect(page.locator("h1")).to_contain_text("Apply for Care Worker")
    expect(page.get_by_label("Full name", exact=True)).to_have_value("Sam Taylor")
    page.get_by_label("Phone number", exact=True).fill("07700 900982")
    page.get_by_label("Address line 1", exact=True).fill("1 High Street")
    page.get_by_label("Town or city", exact=True).fill("Loughborough")
    page.get_by_label("Postcode", exact=True).fill("LE11 1AA")
    page.get_by_label("Supporting statement", exact=True).fill("I have cared for my grandmother for three years.")
    page.locator("input[type=file][name=cv]").set_input_files(
        {"name": "Sam Taylor CV.pdf", "mimeType": "application/pdf", "buffer": TINY_PDF}
    )
    page.get_by_role("group", name="Do you have the right to work in the UK?").get_by_label("Yes").check()
    page.get_by_role("group", name="What is your age?").get_by_label("25 to 34").check()
    page.get_by_role("button", name="Send application").click()
    expect(page.locator("h1")).to_have_text("Application sent")

    recruiter_context = browser.new_context()
    recruiter_page = recruiter_context.new_page()
    try:
        recruiter_page.goto(f"{live_server}/sign-in")
        sign_in(recruiter_page, recruiter.email)
        recruiter_page.goto(f"{live_server}/recruiter/vacancies")
        recruiter_page.get_by_role("link", name=re.compile(r"Applicants \(1\)")).click()
        expect(recruiter_page.locator("h1")).to_contain_text("Applicants")
        recruiter_page.get_by_role("link", name="Sam Taylor").click()
        expect(recruiter_page.locator("main")).to_contain_text("I have cared for my grandmother")
        with recruiter_page.expect_download() as download:
            recruiter_page.get_by_role("link", name=re.compile("Download CV")).click()
        assert download.value.suggested_filename == "Sam Taylor CV.pdf"
        recruiter_page.get_by_label("Status").select_option(label="Shortlisted")
        recruiter_page.get_by_role("button", name="Change status").click()
        expect(recruiter_page.locator("main")).to_contain_text("Status changed to ‘Shortlisted’")
    finally:
        recruiter_context.close()

    page.get_by_role("link", name="Your applications").first.click()
    expect(page.locator("h1")).to_have_text("Your applications")
    row = page.locator("tr", has_text="Care Worker")
    expect(row).to_contain_text("Shortlisted")
    expect(row).to_contain_text("Charnwood Home Care")
