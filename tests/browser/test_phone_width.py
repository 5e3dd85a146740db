"""At 320 px, the width of a small phone, the recruiters' and job seekers' tables fit the screen: nothing scrolls
sideways and each page's key action can be reached."""
import pytest
from playwright.sync_api import expect

from portal.extensions import db
from tests.browser.test_accessibility import undelivered_emails
from tests.browser.test_apply_and_shortlist import sign_in
from tests.factories import sign_in as sign_in_client
from tests.integrations.test_csv_import import csv_bytes, preview_of, row
from tests.privacy.helpers import make_application

pytestmark = pytest.mark.browser

LONG_TITLE = "Registered Nurse, Community Mental Health and Learning Disabilities Rehabilitation Team"
LONG_EMAIL = "a.very.long.address.for.a.new.colleague@charnwood-community-healthcare.example.org"


@pytest.fixture
def world(app, catalogue, make_organisation, make_recruiter, make_user, make_vacancy, make_admin):
    employer = make_organisation(name="Charnwood Community Healthcare and Home Support Services")
    recruiter = make_recruiter(employer, email="priya@charnwood.example")
    seeker = make_user(email="sam@example.org")
    vacancy = make_vacancy(employer, title=LONG_TITLE, apply_method="portal", apply_url=None)
    make_vacancy(employer, title="Care Worker", status="draft")
    make_application(app, seeker, vacancy)
    make_application(app, make_user(full_name="Alexandria Montgomery-Worthington"), vacancy)

    client = app.test_client()
    sign_in_client(client, recruiter)
    client.post("/recruiter/organisation/invitations", data={"email": LONG_EMAIL, "role": "recruiter"})
    client.post("/recruiter/organisation/api-tokens", data={"name": "Applicant tracking system at head office"})
    preview_path, _ = preview_of(client, csv_bytes([row(), row(external_ref="BAD-1", title="", pay_min="lots")]))
    with app.app_context():
        db.session.add_all(undelivered_emails())
        db.session.commit()
    return {
        "seeker": seeker.email,
        "recruiter": recruiter.email,
        "admin": make_admin().email,
        "applicants": f"/recruiter/vacancies/{vacancy.id}/applications",
        "preview": preview_path,
    }


PAGES = [
    pytest.param("seeker", "/applications", "link", "Withdraw", id="my-applications"),
    pytest.param("recruiter", "/recruiter", "button", "Create a vacancy", id="recruiter-dashboard"),
    pytest.param("recruiter", "/recruiter/vacancies", "link", "Close", id="vacancies"),
    pytest.param("recruiter", "applicants", "button", "Change status of selected applicants", id="applicants"),
    pytest.param("recruiter", "/recruiter/vacancies/import", "button", "Upload and check", id="csv-import"),
    pytest.param("recruiter", "preview", "button", "Import 1 vacancy", id="csv-import-preview"),
    pytest.param("recruiter", "/recruiter/organisation/invitations", "link", "Withdraw", id="team"),
    pytest.param("recruiter", "/recruiter/organisation/api-tokens", "button", "Create token", id="api-tokens"),
    pytest.param("admin", "/admin", "link", "Suspend", id="admin-dashboard"),
    pytest.param("admin", "/admin/passport/competences", "button", "Add a competence", id="passport-catalogue"),
    pytest.param("admin", "/admin/mail", "button", "Send again", id="undelivered-emails"),
]


@pytest.mark.parametrize("who, path, role, action", PAGES)
def test_the_page_fits_a_320_px_screen_with_its_key_action_in_reach(live_server, browser, world, who, path, role, action):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    try:
        page.goto(f"{live_server}/sign-in")
        sign_in(page, world[who])
        page.goto(live_server + world.get(path, path))

        widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert widths[0] <= widths[1], f"{path} is {widths[0]} px wide at {widths[1]} px"
        key_action = page.locator("main").get_by_role(role, name=action).first
        key_action.scroll_into_view_if_needed()
        expect(key_action).to_be_visible()
        box = key_action.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= widths[1]
    finally:
        context.close()
