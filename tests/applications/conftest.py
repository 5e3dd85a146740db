"""Helpers for the application tests: a vacancy that takes applications through the portal, a
complete application form, and readers for what was stored."""
from __future__ import annotations

import io

import pytest
from sqlalchemy import select

from portal.applications.models import Application, EqualityResponse
from portal.extensions import db
from tests.factories import sign_in
from tests.session_stores import start_session_without_form
from tests.storage.samples import PDF


@pytest.fixture
def employer(make_organisation):
    return make_organisation(name="Charnwood Home Care")


@pytest.fixture
def portal_vacancy(make_vacancy, employer):
    def make(organisation=None, **fields):
        return make_vacancy(organisation or employer, apply_method="portal", apply_url=None, **fields)

    return make


@pytest.fixture
def vacancy(portal_vacancy):
    return portal_vacancy(title="Care Worker")


@pytest.fixture
def application_form():
    """Form data that sends an application; keyword arguments replace fields (None leaves one out)."""

    def build(cv: bytes | None = PDF, cv_name: str = "Sam Taylor CV.pdf", **overrides):
        data = {
            "full_name": "Sam Taylor",
            "email": "sam@example.org",
            "phone": "07700 900982",
            "address_line_1": "1 High Street",
            "address_line_2": "",
            "town": "Loughborough",
            "postcode": "le11 1aa",
            "supporting_statement": "I have cared for my grandmother for three years.",
            "right_to_work": "yes",
            "age_band": "25_34",
            "sex": "prefer_not_to_say",
        }
        if cv is not None:
            data["cv"] = (io.BytesIO(cv), cv_name)
        data.update(overrides)
        return {key: value for key, value in data.items() if value is not None}

    return build


@pytest.fixture
def seeker(make_user):
    return make_user(full_name="Sam Taylor", email="sam@example.org")


@pytest.fixture
def seeker_client(app, seeker):
    client = app.test_client()
    sign_in(client, seeker)
    return client


def send(client, vacancy, data):
    return client.post(f"/jobs/{vacancy.id}/apply", data=data, content_type="multipart/form-data")


@pytest.fixture
def apply(application_form):
    """Send an application as the signed-in client; returns the response."""

    def submit(client, vacancy, **overrides):
        return send(client, vacancy, application_form(**overrides))

    return submit


@pytest.fixture
def applications(app):
    """The applications stored for a vacancy, detached, with their CV, vacancy and history loaded."""

    def read(vacancy_id: int) -> list[Application]:
        with app.app_context():
            rows = db.session.scalars(
                select(Application).where(Application.vacancy_id == vacancy_id).order_by(Application.id)
            ).all()
            for row in rows:
                _ = row.cv, row.vacancy, row.history, row.notes
            db.session.expunge_all()
            return list(rows)

    return read


@pytest.fixture
def equality_rows(app):
    def read() -> list[EqualityResponse]:
        with app.app_context():
            rows = db.session.scalars(select(EqualityResponse)).all()
            db.session.expunge_all()
            return list(rows)

    return read


def signed_in_client(app, user_id: int):
    """A client signed in as the user without the sign-in form (whose rate limit many clients would hit)."""
    client = app.test_client()
    start_session_without_form(app, client, user_id)
    return client


@pytest.fixture
def applicant(app, make_user, application_form, applications):
    """A new job seeker applies for ``vacancy``; returns their stored application."""

    def make(vacancy, full_name="Sam Taylor", **overrides):
        user = make_user(full_name=full_name)
        response = send(signed_in_client(app, user.id), vacancy, application_form(full_name=full_name, **overrides))
        assert response.status_code == 302, response.get_data(as_text=True)
        return next(row for row in applications(vacancy.id) if row.user_id == user.id)

    return make


@pytest.fixture
def recruiter_of(app, make_recruiter):
    """A client signed in as a recruiter of ``organisation``."""

    def make(organisation):
        return signed_in_client(app, make_recruiter(organisation).id)

    return make
