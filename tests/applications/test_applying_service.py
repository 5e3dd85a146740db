"""Sending an application as a service: each outcome, and what is written (or rolled back) with it."""
from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select
from werkzeug.datastructures import FileStorage

from portal.accounts.models import User
from portal.applications import applying, services
from portal.applications.models import Application, ApplicationDraft
from portal.extensions import db
from portal.passport.models import PassportShare
from portal.profiles.models import SeekerProfile
from portal.profiles.services import ContactDetails
from portal.vacancies.models import Vacancy, VacancyStatus
from tests.storage.samples import PDF

CONTACT = ContactDetails(phone="07700 900982", address_line_1="1 High Street", address_line_2="",
                         town="Loughborough", postcode="LE11 1AA")


def _details(cv: bytes | None = PDF) -> services.ApplicationDetails:
    return services.ApplicationDetails(
        full_name="Sam Taylor", email="sam@example.org", phone="07700 900982", address_line_1="1 High Street",
        address_line_2="", town="Loughborough", postcode="LE11 1AA",
        supporting_statement="I have cared for my grandmother for three years.", right_to_work="yes",
        cv_upload=FileStorage(io.BytesIO(cv), filename="cv.pdf", content_type="application/pdf") if cv else None,
    )


@pytest.fixture
def send(app, seeker):
    """Send as ``seeker`` inside a request, as the apply page does; returns the outcome, the id of the
    application it names and, read back afterwards, what the database holds."""

    def run(vacancy, details=None, **extras):
        with app.test_request_context():
            outcome = applying.send_application(
                db.session.get(Vacancy, vacancy.id), db.session.get(User, seeker.id), details or _details(),
                applying.Extras(**extras), date.today(),
            )
            application_id = outcome.application.id if outcome.application else None
            db.session.rollback()
            stored = {
                "applications": db.session.scalar(select(func.count(Application.id))),
                "profile": db.session.get(SeekerProfile, seeker.id) is not None,
                "drafts": db.session.scalar(select(func.count()).select_from(ApplicationDraft)),
                "shares": db.session.scalar(select(func.count(PassportShare.id))),
                "vacancy_status": db.session.get(Vacancy, vacancy.id).status,
            }
            return outcome, application_id, stored

    return run


def _draft(app, vacancy) -> str:
    with app.app_context():
        token = services.save_draft(vacancy.id, {"full_name": "Sam"}, None)
        db.session.commit()
    return token


def test_a_sent_application_is_committed_with_everything_asked_for_and_told(
    app, catalogue, make_record, seeker, vacancy, send, outbox
):
    make_record(seeker)
    outcome, application_id, stored = send(vacancy, contact_details=CONTACT, share_passport=True, draft_token=_draft(app, vacancy))
    assert outcome.sent and application_id is not None
    assert (outcome.refusal, outcome.rejected_upload, outcome.already_applied) == (None, None, False)
    assert stored == {"applications": 1, "profile": True, "drafts": 0, "shares": 1,
                      "vacancy_status": VacancyStatus.PUBLISHED}
    assert [email["To"] for email in outbox()] == ["sam@example.org"]


def test_without_a_passport_nothing_is_shared_even_when_asked(vacancy, send):
    outcome, application_id, stored = send(vacancy, share_passport=True)
    assert outcome.sent
    assert (stored["shares"], stored["profile"]) == (0, False)


def test_applying_again_answers_with_the_first_application(vacancy, send, outbox):
    _, first_id, _ = send(vacancy)
    again, again_id, stored = send(vacancy, contact_details=CONTACT)
    assert again.already_applied and not again.sent
    assert again_id == first_id is not None
    assert (stored["applications"], stored["profile"]) == (1, False)
    assert len(outbox()) == 1


def test_a_closed_vacancy_refuses_and_nothing_is_written(app, portal_vacancy, send, outbox):
    vacancy = portal_vacancy(closing_date=date.today() - timedelta(days=1))
    token = _draft(app, vacancy)
    outcome, application_id, stored = send(vacancy, contact_details=CONTACT, draft_token=token)
    assert isinstance(outcome.refusal, services.ApplicationRefused)
    assert "closed" in str(outcome.refusal)
    assert outcome.application is None
    assert stored == {"applications": 0, "profile": False, "drafts": 1, "shares": 0,
                      "vacancy_status": VacancyStatus.PUBLISHED}
    assert outbox() == []


def test_a_vacancy_already_over_its_maximum_refuses_and_closes(app, make_user, portal_vacancy, send):
    vacancy = portal_vacancy()
    earlier = [make_user(), make_user()]
    with app.test_request_context():
        for applicant in earlier:
            services.submit_application(vacancy.id, db.session.get(User, applicant.id), _details(), date.today())
        db.session.get(Vacancy, vacancy.id).max_applications = 1
        db.session.commit()
    outcome, application_id, stored = send(vacancy)
    assert isinstance(outcome.refusal, services.ApplicationRefused)
    assert (stored["applications"], stored["vacancy_status"]) == (2, VacancyStatus.CLOSED)


def test_a_rejected_cv_rolls_back_the_contact_details_and_keeps_the_draft(app, vacancy, send, outbox):
    token = _draft(app, vacancy)
    outcome, application_id, stored = send(vacancy, details=_details(cv=None), contact_details=CONTACT, draft_token=token)
    assert str(outcome.rejected_upload) == "Select your CV"
    assert (outcome.application, outcome.refusal) == (None, None)
    assert (stored["applications"], stored["profile"], stored["drafts"]) == (0, False, 1)
    assert outbox() == []
