"""A visitor who is not signed in starts an application, signs in or registers, and comes back to it."""
from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from sqlalchemy import func, select

from portal.applications.models import ApplicationDraft
from portal.extensions import db
from tests.applications.conftest import send
from tests.factories import PASSWORD


def _start(client, vacancy, application_form):
    return send(client, vacancy, application_form(
        cv=None, full_name="Robin Patel", supporting_statement="I volunteer at a day centre.\nTwice a week.",
        right_to_work="needs_sponsorship", ethnic_group="asian",
    ))


def test_the_form_can_be_read_without_signing_in(client, vacancy):
    page = client.get(f"/jobs/{vacancy.id}/apply").get_data(as_text=True)
    assert "You need an account to send an application" in page
    assert "Continue to sign in" in page
    assert 'type="file"' not in page


def test_signing_in_brings_back_what_was_typed(client, vacancy, application_form, make_user, applications):
    response = _start(client, vacancy, application_form)
    assert response.status_code == 302
    location = urlsplit(response.headers["Location"])
    assert location.path == "/sign-in"
    assert parse_qs(location.query)["next"] == [f"/jobs/{vacancy.id}/apply"]
    assert applications(vacancy.id) == []

    user = make_user(email="robin@example.org")
    signed_in = client.post(response.headers["Location"], data={"email": user.email, "password": PASSWORD})
    assert signed_in.headers["Location"] == f"/jobs/{vacancy.id}/apply"

    page = client.get(f"/jobs/{vacancy.id}/apply").get_data(as_text=True)
    assert "We have kept what you typed" in page
    assert 'value="Robin Patel"' in page
    assert "I volunteer at a day centre.\nTwice a week." in page
    assert 'value="needs_sponsorship" checked' in page
    assert 'value="asian" checked' in page
    assert 'type="file"' in page


def test_registering_brings_back_what_was_typed_and_sending_clears_the_draft(
    app, client, vacancy, application_form, applications
):
    _start(client, vacancy, application_form)
    registered = client.post(f"/register?next=/jobs/{vacancy.id}/apply", data={
        "full_name": "Robin Patel", "email": "robin@example.org", "password": PASSWORD, "confirm_password": PASSWORD,
    })
    assert registered.headers["Location"] == f"/jobs/{vacancy.id}/apply"
    assert 'value="Robin Patel"' in client.get(f"/jobs/{vacancy.id}/apply").get_data(as_text=True)

    response = send(client, vacancy, application_form(full_name="Robin Patel"))
    assert response.status_code == 302
    [application] = applications(vacancy.id)
    assert application.full_name == "Robin Patel"
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(ApplicationDraft)) == 0


def test_a_draft_belongs_to_its_vacancy(client, vacancy, portal_vacancy, application_form, make_user):
    other = portal_vacancy(title="Night Carer")
    _start(client, vacancy, application_form)
    user = make_user()
    client.post("/sign-in", data={"email": user.email, "password": PASSWORD})
    page = client.get(f"/jobs/{other.id}/apply").get_data(as_text=True)
    assert "Robin Patel" not in page
    assert "We have kept what you typed before you signed in" not in page
