"""Every page type passes axe-core's WCAG 2.2 AA rules in Chromium, signed in as each role that sees it,
in its error states, at desktop width and at 320 px, with one h1 and headings in order.

The pages come from the app's own routes: a GET route that is neither in PAGES nor in NOT_PAGES fails
the suite, so a new page joins the check when it is added.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import urlsplit

import pyotp
import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from portal.accounts.models import User
from portal.accounts.roles import Role
from portal.accounts.services import make_reset_token
from portal.alerts import services as alerts
from portal.employers import services as employers
from portal.employers.models import Organisation
from portal.extensions import db
from portal.integrations import csv_import
from portal.integrations import services as integrations
from portal.integrations.services import VacancyChoices
from portal.mail.models import MessageStatus, OutboxMessage
from portal.profiles.models import Qualification, WorkHistory
from portal.time import utcnow
from portal.vacancies.models import VacancyStatus
from tests.factories import PASSWORD, TWO_FACTOR_SECRET, turn_on_two_factor
from tests.privacy.helpers import fill_profile, make_application, make_alert

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    # Best-practice rules, named so that they run alongside the WCAG ones.
    "rules": {"heading-order": {"enabled": True}, "page-has-heading-one": {"enabled": True}},
    "resultTypes": ["violations"],
}
WIDTHS = {"desktop": 1280, "phone": 320}

ANONYMOUS, SEEKER, RECRUITER, TRAINER, ADMIN = "anonymous", "job seeker", "recruiter", "trainer", "admin"
ROLES = [ANONYMOUS, SEEKER, RECRUITER, TRAINER, ADMIN]

# Each GET route that renders a page: who views it, and its address with the world's ids filled in.
PAGES: dict[str, tuple[str, str]] = {
    "/": (ANONYMOUS, "/"),
    "/jobs": (ANONYMOUS, "/jobs?q=care+worker"),
    "/jobs/<int:vacancy_id>/<slug>": (ANONYMOUS, "/jobs/{vacancy}/{vacancy_slug}"),
    "/jobs/<int:vacancy_id>/apply": (SEEKER, "/jobs/{other_vacancy}/apply"),
    "/employers": (ANONYMOUS, "/employers"),
    "/employers/<slug>": (ANONYMOUS, "/employers/{organisation_slug}"),
    "/employers/register": (SEEKER, "/employers/register"),
    "/privacy": (ANONYMOUS, "/privacy"),
    "/accessibility": (ANONYMOUS, "/accessibility"),
    "/cookies": (ANONYMOUS, "/cookies"),
    "/contact": (ANONYMOUS, "/contact"),
    "/help": (ANONYMOUS, "/help"),
    "/careers": (ANONYMOUS, "/careers"),
    "/careers/roles": (ANONYMOUS, "/careers/roles?interest=caring"),
    "/careers/roles/<code>": (ANONYMOUS, "/careers/roles/healthcare_support_worker?place=Loughborough"),
    # Four roles: the page also shows its error summary (three at most).
    "/careers/compare": (ANONYMOUS, "/careers/compare?role=care_worker&role=porter&role=midwife&role=paramedic"),
    "/terms": (ANONYMOUS, "/terms"),
    "/developers": (ANONYMOUS, "/developers"),
    "/register": (ANONYMOUS, "/register"),
    "/sign-in": (ANONYMOUS, "/sign-in"),
    "/forgot-password": (ANONYMOUS, "/forgot-password"),
    "/reset-password/<token>": (ANONYMOUS, "/reset-password/{reset_token}"),
    "/invitations/<token>": (ANONYMOUS, "/invitations/{invitation_token}"),
    "/verify": (ANONYMOUS, "/verify"),
    "/passport/shared/<token>": (RECRUITER, "/passport/shared/{share_token}"),
    "/alerts/confirm/<token>": (ANONYMOUS, "{alert_confirm_link}"),
    "/alerts/unsubscribe/<token>": (ANONYMOUS, "{alert_unsubscribe_link}"),
    "/account": (SEEKER, "/account"),
    "/account/data": (SEEKER, "/account/data"),
    "/account/delete": (SEEKER, "/account/delete"),
    "/account/email": (SEEKER, "/account/email"),
    "/account/password": (SEEKER, "/account/password"),
    "/account/two-factor/set-up": (SEEKER, "/account/two-factor/set-up"),
    "/account/two-factor/recovery-codes": (RECRUITER, "/account/two-factor/recovery-codes"),
    "/account/two-factor/turn-off": (RECRUITER, "/account/two-factor/turn-off"),
    "/alerts": (SEEKER, "/alerts"),
    "/alerts/new": (SEEKER, "/alerts/new?q=care+worker"),
    "/alerts/<int:alert_id>/edit": (SEEKER, "/alerts/{alert}/edit"),
    "/applications": (SEEKER, "/applications"),
    "/applications/<int:application_id>/confirmation": (SEEKER, "/applications/{application}/confirmation"),
    "/applications/<int:application_id>/withdraw": (SEEKER, "/applications/{application}/withdraw"),
    "/profile": (SEEKER, "/profile"),
    "/profile/contact-details": (SEEKER, "/profile/contact-details"),
    "/profile/cv": (SEEKER, "/profile/cv"),
    "/profile/work-history/new": (SEEKER, "/profile/work-history/new"),
    "/profile/work-history/<int:entry_id>/edit": (SEEKER, "/profile/work-history/{work_history}/edit"),
    "/profile/qualifications/new": (SEEKER, "/profile/qualifications/new"),
    "/profile/qualifications/<int:qualification_id>/edit": (SEEKER, "/profile/qualifications/{qualification}/edit"),
    "/saved-jobs": (SEEKER, "/saved-jobs"),
    "/passport": (SEEKER, "/passport"),
    "/passport/history": (SEEKER, "/passport/history"),
    "/passport/sharing": (SEEKER, "/passport/sharing"),
    "/passport/records/new": (SEEKER, "/passport/records/new"),
    "/passport/records/new/<competence_code>": (SEEKER, "/passport/records/new/fire_safety"),
    "/passport/records/<int:record_id>": (SEEKER, "/passport/records/{record}"),
    "/passport/records/<int:record_id>/edit": (SEEKER, "/passport/records/{record}/edit"),
    "/passport/employments/new": (SEEKER, "/passport/employments/new"),
    "/passport/employments/<int:employment_id>/edit": (SEEKER, "/passport/employments/{employment}/edit"),
    "/recruiter/vacancies": (RECRUITER, "/recruiter/vacancies"),
    "/recruiter/vacancies/new": (RECRUITER, "/recruiter/vacancies/new"),
    "/recruiter/vacancies/<int:vacancy_id>/edit": (RECRUITER, "/recruiter/vacancies/{vacancy}/edit"),
    "/recruiter/vacancies/<int:vacancy_id>/preview": (RECRUITER, "/recruiter/vacancies/{draft_vacancy}/preview"),
    "/recruiter/vacancies/<int:vacancy_id>/applications": (RECRUITER, "/recruiter/vacancies/{vacancy}/applications"),
    "/recruiter/vacancies/<int:vacancy_id>/equality": (RECRUITER, "/recruiter/vacancies/{vacancy}/equality"),
    "/recruiter/applications/<int:application_id>": (RECRUITER, "/recruiter/applications/{application}"),
    "/recruiter/equality": (RECRUITER, "/recruiter/equality"),
    "/recruiter/organisation": (RECRUITER, "/recruiter/organisation"),
    "/recruiter/organisation/invitations": (RECRUITER, "/recruiter/organisation/invitations"),
    "/recruiter/organisation/api-tokens": (RECRUITER, "/recruiter/organisation/api-tokens"),
    "/recruiter/vacancies/import": (RECRUITER, "/recruiter/vacancies/import"),
    "/recruiter/vacancies/import/<int:import_id>": (RECRUITER, "/recruiter/vacancies/import/{csv_import}"),
    "/recruiter/passports": (TRAINER, "/recruiter/passports"),
    "/recruiter/passports/<int:holder_id>": (TRAINER, "/recruiter/passports/{seeker}"),
    "/recruiter/passports/<int:holder_id>/records/new": (TRAINER, "/recruiter/passports/{seeker}/records/new"),
    "/recruiter/passports/<int:holder_id>/records/new/<competence_code>": (
        TRAINER, "/recruiter/passports/{seeker}/records/new/moving_handling"),
    "/recruiter/passport-settings": (RECRUITER, "/recruiter/passport-settings"),
    "/admin": (ADMIN, "/admin"),
    "/admin/audit": (ADMIN, "/admin/audit"),
    "/admin/mail": (ADMIN, "/admin/mail"),
    "/admin/organisations/<int:organisation_id>": (ADMIN, "/admin/organisations/{organisation}"),
    "/admin/passport": (ADMIN, "/admin/passport"),
    "/admin/passport/competences": (ADMIN, "/admin/passport/competences"),
    "/admin/passport/competences/new": (ADMIN, "/admin/passport/competences/new"),
    "/admin/passport/competences/<code>/edit": (ADMIN, "/admin/passport/competences/fire_safety/edit"),
    "/admin/careers": (ADMIN, "/admin/careers"),
    "/admin/careers/pathways/new": (ADMIN, "/admin/careers/pathways/new"),
    "/admin/careers/<any(role, pathway, quiz, interests):kind>/<key>": (ADMIN, "/admin/careers/role/care_worker"),
    "/admin/careers/<any(role, pathway, quiz, interests):kind>/<key>/history": (
        ADMIN, "/admin/careers/quiz/quiz/history"),
    "/admin/careers/<any(role, pathway, quiz, interests):kind>/<key>/history/<int:revision_id>": (
        ADMIN, "/admin/careers/quiz/quiz/history/{careers_first_revision}"),
    "/recruiter": (RECRUITER, "/recruiter"),
    "/recruiter/application-emails": (RECRUITER, "/recruiter/application-emails"),
    # Pages that ask before an action that cannot be undone (the same address, posted, acts).
    "/recruiter/vacancies/<int:vacancy_id>/close": (RECRUITER, "/recruiter/vacancies/{vacancy}/close"),
    "/recruiter/vacancies/<int:vacancy_id>/repost": (RECRUITER, "/recruiter/vacancies/{vacancy}/repost"),
    "/recruiter/organisation/api-tokens/<int:token_id>/revoke": (
        RECRUITER, "/recruiter/organisation/api-tokens/{api_token}/revoke"),
    "/recruiter/organisation/invitations/<int:invitation_id>/revoke": (
        RECRUITER, "/recruiter/organisation/invitations/{invitation}/revoke"),
    "/admin/organisations/<int:organisation_id>/<any(approve, suspend, reinstate):action>": (
        ADMIN, "/admin/organisations/{organisation}/suspend"),
    "/admin/careers/<any(role, pathway, quiz, interests):kind>/<key>/discard-draft": (
        ADMIN, "/admin/careers/quiz/quiz/discard-draft"),
    "/alerts/<int:alert_id>/delete": (SEEKER, "/alerts/{alert}/delete"),
    "/passport/records/<int:record_id>/delete": (SEEKER, "/passport/records/{due_record}/delete"),
    "/passport/records/<int:record_id>/evidence/remove": (SEEKER, "/passport/records/{due_record}/evidence/remove"),
    "/recruiter/passports/<int:holder_id>/records/<int:record_id>/withdraw-verification": (
        TRAINER, "/recruiter/passports/{seeker}/records/{record}/withdraw-verification"),
    "/passport/employments/<int:employment_id>/delete": (SEEKER, "/passport/employments/{employment}/delete"),
    "/passport/sharing/<int:share_id>/revoke": (SEEKER, "/passport/sharing/{share}/revoke"),
    "/profile/cv/remove": (SEEKER, "/profile/cv/remove"),
    "/profile/work-history/<int:entry_id>/delete": (SEEKER, "/profile/work-history/{work_history}/delete"),
    "/profile/qualifications/<int:qualification_id>/delete": (
        SEEKER, "/profile/qualifications/{qualification}/delete"),
    # The careers quiz: a question with its earlier answers, and results with jobs near a place.
    "/careers/quiz": (ANONYMOUS, "/careers/quiz"),
    "/careers/quiz/<int:number>": (ANONYMOUS, "/careers/quiz/2?enjoy=helping&enjoy=science"),
    "/careers/quiz/results": (
        ANONYMOUS, "/careers/quiz/results?enjoy=helping&blood=fine&qualifications=none&distance=10&place=Loughborough"),
    "/careers/quiz/saved": (SEEKER, "/careers/quiz/saved"),
    # Careers: career pathways (the world loads the careers content).
    "/careers/pathways": (ANONYMOUS, "/careers/pathways"),
    "/careers/pathways/<slug>": (ANONYMOUS, "/careers/pathways/care-worker-to-registered-nurse"),
}

# GET routes that are not pages a person reads: files, feeds, JSON, and addresses that only redirect.
NOT_PAGES = {
    "/static/<path:filename>", "/images/<purpose>/<name>", "/sitemap.xml", "/sitemap-<int:part>.xml",
    "/jobs/feed.atom", "/feeds/vacancies.json", "/feeds/vacancies.xml", "/.well-known/jwks.json",
    "/passport/public-key.pem", "/passport/pdf", "/passport/records/<int:record_id>/credential",
    "/passport/records/<int:record_id>/evidence", "/profile/cv/download",
    "/recruiter/applications/<int:application_id>/cv", "/recruiter/passports/<int:holder_id>/pdf",
    "/recruiter/passports/<int:holder_id>/records/<int:record_id>/evidence",
    "/recruiter/vacancies/<int:vacancy_id>/applications.csv", "/recruiter/vacancies/import/template.csv",
    "/recruiter/vacancies/import/<int:import_id>/rows-with-problems.csv",
    "/api/v1/openapi.json", "/api/v1/vacancies", "/api/v1/vacancies/<int:vacancy_id>", "/api/v1/employer/vacancies",
    "/api/v1/employer/vacancies/<path:external_ref>", "/api/v1/credentials/<credential_id>/status",
    "/jobs/<int:vacancy_id>",  # redirects to the address with the slug
    "/assets/<path:filename>",  # the design system's icons, for its stylesheet
    "/roles",  # redirects to the role explorer
    "/pathways",  # redirects to /careers/pathways
}
# Seen on the way in: the admin's sign-in checks each step of two-step sign-in.
SIGN_IN_STEPS = {"/sign-in/code"}


@dataclass(frozen=True)
class ErrorState:
    """A form sent as it stands (empty, or with its defaults), or with bad input typed into the
    labelled fields of ``typed``, so that the page shows its error summary."""
    role: str
    url: str
    button: str
    typed: tuple[tuple[str, str], ...] = ()


ERROR_STATES = [
    ErrorState(ANONYMOUS, "/sign-in", "Sign in"),
    ErrorState(ANONYMOUS, "/register", "Create account"),
    ErrorState(ANONYMOUS, "/forgot-password", "Send reset link"),
    ErrorState(ANONYMOUS, "/verify", "Check the credential"),
    ErrorState(SEEKER, "/jobs/{other_vacancy}/apply", "Send application"),
    ErrorState(ANONYMOUS, "/alerts/new?q=care+worker", "Get job alerts"),
    ErrorState(SEEKER, "/passport/records/new/fire_safety", "Save record"),
    ErrorState(SEEKER, "/profile/contact-details", "Save contact details", typed=(("Postcode (optional)", "not a postcode"),)),
    ErrorState(SEEKER, "/profile/work-history/new", "Save job"),
    ErrorState(SEEKER, "/passport/employments/new", "Save"),
    ErrorState(SEEKER, "/account/email", "Change email address"),
    ErrorState(SEEKER, "/account/password", "Change password"),
    ErrorState(RECRUITER, "/recruiter/vacancies/new", "Save draft"),
    ErrorState(RECRUITER, "/recruiter/organisation/invitations", "Send invitation"),
    ErrorState(ADMIN, "/admin/careers/role/care_worker", "Save as draft", typed=(("Text of the page", "+++\nbroken"),)),
]

# Error pages: who asks for what, and the status they get.
ERROR_PAGES = [
    (ANONYMOUS, "/jobs/999999/no-such-job", 404),
    (SEEKER, "/admin", 403),
    (ADMIN, "/account/two-factor/turn-off", 403),
]


def test_every_page_route_is_checked_for_accessibility(app):
    """Needs no browser, so that a page missing from the table is caught wherever the suite runs."""
    routes = {rule.rule for rule in app.url_map.iter_rules() if "GET" in rule.methods}
    missing = sorted(routes - PAGES.keys() - NOT_PAGES - SIGN_IN_STEPS)
    assert not missing, (
        f"add it to the accessibility pages table (PAGES, or NOT_PAGES if it is not a page) in {__name__}: {missing}"
    )
    assert not (PAGES.keys() | NOT_PAGES | SIGN_IN_STEPS) - routes, "the table names a route that no longer exists"


@pytest.fixture
def world(app, catalogue, make_organisation, make_vacancy, make_recruiter, make_user, make_admin,
          make_record, make_employment, share_with, make_link, careers_draft):
    """One of everything a page can show, and the people who see it; returns the ids pages need."""
    organisation = make_organisation(name="Charnwood Home Care")
    other = make_organisation(name="Rutland Water Care Home")
    recruiter = make_recruiter(organisation, full_name="Priya Shah")
    turn_on_two_factor(app, recruiter)
    trainer = make_user(full_name="Lou Marsh", roles=(Role.TRAINER,), organisation=organisation)
    seeker = make_user(full_name="Sam Taylor")
    admin = make_admin()
    vacancy = make_vacancy(organisation, title="Care Worker - Days")
    other_vacancy = make_vacancy(other, title="Senior Carer", apply_method="portal", apply_url=None)
    draft = make_vacancy(organisation, title="Night Carer", status=VacancyStatus.DRAFT.value)
    application = make_application(app, seeker, vacancy, note_by=recruiter)["id"]
    fill_profile(app, seeker, vacancy)
    recently = date.today() - timedelta(days=60)
    record = make_record(seeker, "fire_safety", "1", completed_on=recently, verified_by=(organisation, trainer))
    due_record = make_record(seeker, "safeguarding_adults", "2", completed_on=recently,
                             expires_on=date.today() + timedelta(days=20))
    employment = make_employment(seeker, organisation)
    share = share_with(seeker, organisation)
    _share, share_token = make_link(seeker)
    alert = make_alert(app, seeker.email, user=seeker, vacancy=vacancy)
    with app.test_request_context():
        holder = db.session.get(User, seeker.id)
        alert_row = alerts.alert_of(holder, alert)
        employer = db.session.get(Organisation, organisation.id)
        by = db.session.get(User, recruiter.id)
        invitation, invitation_token = employers.invite_colleague(employer, "jo@example.org", by)
        api_token, _secret = integrations.create_token(employer, "Trac", by)
        template = csv_import.template_csv(VacancyChoices.for_organisation(employer), date.today())
        upload = csv_import.create_import(employer, by, "vacancies.csv", io.BytesIO(template.encode()))
        db.session.add_all(undelivered_emails())
        ids = {
            "alert_confirm_link": urlsplit(alerts.confirm_link(alert_row)).path,
            "alert_unsubscribe_link": urlsplit(alerts.unsubscribe_link(alert_row)).path,
            "reset_token": make_reset_token(holder),
            "work_history": db.session.query(WorkHistory.id).filter_by(user_id=seeker.id).scalar(),
            "qualification": db.session.query(Qualification.id).filter_by(user_id=seeker.id).scalar(),
            "csv_import": upload.id,
            "invitation": invitation.id,
            "api_token": api_token.id,
        }
        db.session.commit()
    return {
        **ids,
        "organisation": organisation.id, "organisation_slug": organisation.slug,
        "vacancy": vacancy.id, "vacancy_slug": vacancy.slug, "other_vacancy": other_vacancy.id,
        "draft_vacancy": draft.id, "application": application, "record": record.id, "due_record": due_record.id,
        "employment": employment, "share": share,
        "alert": alert, "seeker": seeker.id, "share_token": share_token, "invitation_token": invitation_token,
        "emails": {SEEKER: seeker.email, RECRUITER: recruiter.email, TRAINER: trainer.email, ADMIN: admin.email},
        **careers_draft,
    }


@pytest.fixture
def careers_draft(app, careers_content, make_admin):
    """The careers content loaded, with a draft of the quiz waiting, for the admin's careers content pages."""
    from portal.careers import services as careers
    from portal.careers.content import ContentKind

    with app.app_context():
        quiz = careers.find_document(ContentKind.QUIZ, "quiz")
        first = careers.history(quiz)[-1].id
        editor = db.session.get(User, make_admin().id)
        careers.save(ContentKind.QUIZ, "quiz", quiz.published.text.replace("What do you enjoy most?", "What do you like?"),
                     editor, publish=False, version=quiz.version, note="Shorter first question")
        db.session.commit()
    return {"careers_first_revision": first}


def undelivered_emails() -> list[OutboxMessage]:
    """A dead letter and a message waiting for its next try, for the admin's page of undelivered emails."""
    now = utcnow()
    common = {"envelope_from": "no-reply@proudtocare.example", "raw": b"", "created_at": now - timedelta(hours=3),
              "last_attempt_at": now - timedelta(minutes=20)}
    return [
        OutboxMessage(recipient="jo@example.org", subject="Join Charnwood Home Care on Proud to Care LLR",
                      status=MessageStatus.DEAD.value, attempts=1, next_attempt_at=now,
                      last_error="SMTPRecipientsRefused: {'jo@example.org': (550, b'No such user here')}", **common),
        OutboxMessage(recipient="sam@example.org", subject="Reset your password", status=MessageStatus.WAITING.value,
                      attempts=3, next_attempt_at=now + timedelta(minutes=10),
                      last_error="TimeoutError: timed out", **common),
    ]


def axe_problems(page, axe: Axe, what: str) -> list[str]:
    """Each violation on the page as one readable line: rule, impact, help and the failing elements."""
    violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
    return [
        f"{what}: {violation['id']} ({violation['impact']}) {violation['help']} -> "
        + "; ".join(" ".join(node["target"]) for node in violation["nodes"])
        for violation in violations
    ]


def sign_in(page, base: str, email: str, axe: Axe, width: str) -> list[str]:
    """Sign in through the browser; for two-step sign-in, the code page is checked empty and in error."""
    page.goto(f"{base}/sign-in")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    problems = []
    if urlsplit(page.url).path == "/sign-in/code":
        problems += axe_problems(page, axe, f"/sign-in/code at {width}")
        page.get_by_role("button", name="Continue").click()
        expect(page.locator(".nhsuk-error-summary")).to_be_visible()
        problems += axe_problems(page, axe, f"/sign-in/code with an error at {width}")
        page.get_by_label("Code", exact=True).fill(pyotp.TOTP(TWO_FACTOR_SECRET).now())
        page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_attached()
    return problems


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("role", ROLES)
def test_pages_meet_wcag_2_2_aa(live_server, browser, world, role, width):
    context = browser.new_context(viewport={"width": WIDTHS[width], "height": 900})
    page = context.new_page()
    axe = Axe()
    problems = []
    try:
        if role != ANONYMOUS:
            problems += sign_in(page, live_server, world["emails"][role], axe, width)
        for rule, (viewer, url) in PAGES.items():
            if viewer != role:
                continue
            address = url.format(**world)
            response = page.goto(live_server + address)
            assert response.status == 200, f"{rule} as {role}: {address} answered {response.status}"
            problems += axe_problems(page, axe, f"{address} at {width}")
        for state in ERROR_STATES:
            if state.role != role:
                continue
            address = state.url.format(**world)
            page.goto(live_server + address)
            for label, text in state.typed:
                page.get_by_label(label, exact=True).fill(text)
            page.locator("main").get_by_role("button", name=state.button, exact=True).click()
            expect(page.locator(".nhsuk-error-summary"), f"{address} shows no error summary").to_be_visible()
            problems += axe_problems(page, axe, f"{address} with errors at {width}")
        for viewer, address, status in ERROR_PAGES:
            if viewer != role:
                continue
            response = page.goto(live_server + address)
            assert response.status == status, address
            problems += axe_problems(page, axe, f"{address} ({status}) at {width}")
    finally:
        context.close()
    assert not problems, "WCAG 2.2 AA violations:\n" + "\n".join(problems)
