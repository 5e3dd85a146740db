"""The audit trail: which events are recorded (who, what, organisation, address) and logged as JSON,
refusals that keep their 404, the workforce team's page, organisation review history, retention,
account deletion and export, and secrets kept out of access logs."""
from __future__ import annotations

import io
import json
import logging
import os
import re
import socket
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import pyotp
import pytest
import requests
from dateutil.relativedelta import relativedelta
from sqlalchemy import select

from portal.accounts.models import User
from portal.accounts.services import make_reset_token
from portal.audit.models import AuditEvent
from portal.audit.services import PAGE_SIZE
from portal.employers.models import Organisation
from portal.extensions import db
from portal.integrations.services import create_token
from portal.logs import REDACTED, RedactingAccessLogger, RedactSecretsFilter, redact_secrets
from portal.twofactor import services as two_factor
from portal.twofactor.models import TwoFactorSecret
from tests.factories import PASSWORD, TWO_FACTOR_SECRET, sign_in, turn_on_two_factor
from tests.privacy.helpers import make_application

ADDRESS = "203.0.113.7"
REPO_ROOT = Path(__file__).resolve().parents[2]


def _client(app, address=ADDRESS):
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return client


def _events(app, action=None) -> list[AuditEvent]:
    with app.app_context():
        query = select(AuditEvent).order_by(AuditEvent.id)
        if action:
            query = query.where(AuditEvent.action == action)
        events = list(db.session.scalars(query))
        db.session.expunge_all()
        return events


def _logged(caplog) -> list[dict]:
    return [json.loads(record.getMessage()) for record in caplog.records if record.name == "portal.audit"]


@dataclass
class World:
    app: object
    admin: User
    own: Organisation
    other: Organisation
    pending: Organisation
    recruiter: User
    seeker: User
    other_vacancy: object
    other_application_id: int
    other_token_id: int
    shared_holder: User


@pytest.fixture
def world(app, make_admin, make_organisation, make_recruiter, make_user, make_vacancy):
    own = make_organisation(name="Own Care")
    other = make_organisation(name="Other Care")
    other_recruiter = make_recruiter(other)
    other_vacancy = make_vacancy(other, apply_method="portal", apply_url=None)
    seeker = make_user(email="seeker@example.org")
    application = make_application(app, seeker, other_vacancy, cv=None)
    with app.app_context():
        _token, _secret = create_token(db.session.get(Organisation, other.id), "Other's system",
                                       db.session.get(User, other_recruiter.id))
        db.session.commit()
        token_id = _token.id
    return World(
        app=app, admin=make_admin(email="admin@example.org"), own=own, other=other,
        pending=make_organisation(name="Waiting Care", status="pending"),
        recruiter=make_recruiter(own, email="recruiter@own.example.org"), seeker=seeker,
        other_vacancy=other_vacancy, other_application_id=application["id"], other_token_id=token_id,
        shared_holder=make_user(email="holder@example.org"),
    )


# What each event is: who does it, what they do, and what the trail must then say.

def _sign_in_ok(w):
    sign_in(_client(w.app), w.recruiter)
    return dict(action="sign_in_succeeded", actor=w.recruiter, label=w.recruiter.email, organisation=w.own)


def test_a_right_password_alone_is_not_a_sign_in_when_a_code_is_asked_for(world):
    turn_on_two_factor(world.app, world.recruiter)
    _client(world.app).post("/sign-in", data={"email": world.recruiter.email, "password": PASSWORD})
    assert _events(world.app, "sign_in_succeeded") == []
    _password_then_code(world, "000000")
    assert _events(world.app, "sign_in_succeeded") == []
    _password_then_code(world, pyotp.TOTP(TWO_FACTOR_SECRET).now())
    assert len(_events(world.app, "sign_in_succeeded")) == 1


def _sign_in_wrong_password(w):
    _client(w.app).post("/sign-in", data={"email": "Recruiter@OWN.example.org", "password": "not my password"})
    return dict(action="sign_in_failed", actor=None, label=w.recruiter.email, subject=("User", w.recruiter.id),
                detail={"reason": "wrong password"}, secret="not my password")


def _sign_in_unknown(w):
    _client(w.app).post("/sign-in", data={"email": "Nobody@Example.org", "password": "guess-guess-guess"})
    return dict(action="sign_in_failed", actor=None, label="nobody@example.org", detail={"reason": "no such account"},
                secret="guess-guess-guess")


def _sign_out(w):
    client = _client(w.app)
    sign_in(client, w.recruiter)
    client.post("/sign-out")
    return dict(action="signed_out", actor=w.recruiter, label=w.recruiter.email, organisation=w.own)


def _reset_requested(w):
    _client(w.app).post("/forgot-password", data={"email": w.seeker.email})
    return dict(action="password_reset_requested", actor=None, label=w.seeker.email, subject=("User", w.seeker.id))


def _reset_completed(w):
    with w.app.test_request_context():
        token = make_reset_token(db.session.get(User, w.seeker.id))
    new_password = "a brand new long password"
    _client(w.app).post(f"/reset-password/{token}", data={"password": new_password, "confirm_password": new_password})
    return dict(action="password_reset_completed", actor=w.seeker, label=w.seeker.email,
                subject=("User", w.seeker.id), secret=token)


def _admin_client(w):
    client = _client(w.app)
    sign_in(client, w.admin)
    return client


def _approve(w):
    _admin_client(w).post(f"/admin/organisations/{w.pending.id}/approve", data={"note": "Checked with CQC"})
    return dict(action="organisation_approved", actor=w.admin, label=w.admin.email, organisation=w.pending,
                subject=("Organisation", w.pending.id), detail={"note": "Checked with CQC"})


def _suspend(w):
    _admin_client(w).post(f"/admin/organisations/{w.own.id}/suspend")
    return dict(action="organisation_suspended", actor=w.admin, label=w.admin.email, organisation=w.own,
                subject=("Organisation", w.own.id))


def _admin_created(w):
    result = w.app.test_cli_runner().invoke(args=["admin", "create", "new.admin@example.org", "--name", "New Admin",
                                                  "--password", "a long enough password"])
    assert result.exit_code == 0, result.output
    with w.app.app_context():
        created = db.session.scalar(select(User).where(User.email == "new.admin@example.org"))
    return dict(action="admin_created", actor=None, label="command line", subject=("User", created.id), address="")


def _recruiter_client(w):
    client = _client(w.app)
    sign_in(client, w.recruiter)
    return client


def _other_vacancy(w):
    _recruiter_client(w).get(f"/recruiter/vacancies/{w.other_vacancy.id}/edit")
    return dict(action="cross_organisation_refused", actor=w.recruiter, label=w.recruiter.email, organisation=w.own,
                subject=("Vacancy", w.other_vacancy.id), detail={"owner_organisation_id": w.other.id})


def _other_application(w):
    _recruiter_client(w).get(f"/recruiter/applications/{w.other_application_id}")
    return dict(action="cross_organisation_refused", actor=w.recruiter, label=w.recruiter.email, organisation=w.own,
                subject=("Application", w.other_application_id), detail={"owner_organisation_id": w.other.id})


def _other_token(w):
    _recruiter_client(w).post(f"/recruiter/organisation/api-tokens/{w.other_token_id}/revoke")
    return dict(action="cross_organisation_refused", actor=w.recruiter, label=w.recruiter.email, organisation=w.own,
                subject=("ApiToken", w.other_token_id), detail={"owner_organisation_id": w.other.id})


def _unshared_passport(w):
    _recruiter_client(w).get(f"/recruiter/passports/{w.shared_holder.id}")
    return dict(action="cross_organisation_refused", actor=w.recruiter, label=w.recruiter.email, organisation=w.own,
                subject=("Passport", w.shared_holder.id))


NEW_PASSWORD = "a brand new long password"


def _password_changed(w):
    _recruiter_client(w).post("/account/password", data={
        "current_password": PASSWORD, "password": NEW_PASSWORD, "confirm_password": NEW_PASSWORD})
    return dict(action="password_changed", actor=w.recruiter, label=w.recruiter.email, organisation=w.own,
                subject=("User", w.recruiter.id), secret=NEW_PASSWORD)


def _email_changed(w):
    client = _client(w.app)
    sign_in(client, w.seeker)
    client.post("/account/email", data={"email": "New.Seeker@example.org", "password": PASSWORD})
    return dict(action="email_changed", actor=w.seeker, label="new.seeker@example.org", subject=("User", w.seeker.id),
                detail={"old_email": w.seeker.email, "new_email": "new.seeker@example.org"}, secret=PASSWORD)


def _signed_out_elsewhere(w):
    _recruiter_client(w)
    _recruiter_client(w).post("/account/sessions/sign-out-others")
    return dict(action="session_revoked", actor=w.recruiter, label=w.recruiter.email, organisation=w.own)


def _two_factor_turned_on(w):
    client = _recruiter_client(w)
    client.get("/account/two-factor/set-up")
    with w.app.app_context():
        secret = db.session.scalar(select(TwoFactorSecret.secret).where(TwoFactorSecret.user_id == w.recruiter.id))
    client.post("/account/two-factor/set-up", data={"code": pyotp.TOTP(secret).now()})
    return dict(action="two_factor_enabled", actor=w.recruiter, label=w.recruiter.email, organisation=w.own)


def _two_factor_turned_off(w):
    turn_on_two_factor(w.app, w.recruiter)
    client = _recruiter_client(w)
    code = pyotp.TOTP(TWO_FACTOR_SECRET).at(time.time(), counter_offset=1)
    client.post("/account/two-factor/turn-off", data={"password": PASSWORD, "code": code})
    return dict(action="two_factor_disabled", actor=w.recruiter, label=w.recruiter.email, organisation=w.own)


def _password_then_code(w, code):
    client = _client(w.app)
    client.post("/sign-in", data={"email": w.recruiter.email, "password": PASSWORD})
    client.post("/sign-in/code", data={"code": code})


def _two_factor_code_refused(w):
    turn_on_two_factor(w.app, w.recruiter)
    _password_then_code(w, "000000")
    return dict(action="two_factor_failed", actor=w.recruiter, label=w.recruiter.email, organisation=w.own,
                detail={"reason": "wrong"})


def _recovery_code_used(w):
    turn_on_two_factor(w.app, w.recruiter)
    with w.app.app_context():
        recovery = two_factor.replace_recovery_codes(db.session.get(User, w.recruiter.id))[0]
        db.session.commit()
    _password_then_code(w, recovery)
    return dict(action="recovery_code_used", actor=w.recruiter, label=w.recruiter.email, organisation=w.own,
                secret=recovery)


def _too_many_sign_ins(w):
    client = _client(w.app)
    for _ in range(6):
        client.post("/sign-in", data={"email": w.recruiter.email, "password": "not my password"})
    return dict(action="rate_limited", actor=None, label=w.recruiter.email,
                detail={"rule": "sign-in", "counted_by": "account"}, secret="not my password")


def _suspended_organisation(w):
    client = _recruiter_client(w)
    with w.app.app_context():
        db.session.get(Organisation, w.own.id).status = "suspended"
        db.session.commit()
    client.get("/recruiter/vacancies")
    return dict(action="access_refused_suspended", actor=w.recruiter, label=w.recruiter.email, organisation=w.own,
                detail={"path": "/recruiter/vacancies"})


EVENTS = [
    pytest.param(_sign_in_ok, id="sign-in succeeded"),
    pytest.param(_sign_in_wrong_password, id="sign-in failed: wrong password, email normalised"),
    pytest.param(_sign_in_unknown, id="sign-in failed: no such account"),
    pytest.param(_sign_out, id="sign-out"),
    pytest.param(_reset_requested, id="password reset requested"),
    pytest.param(_reset_completed, id="password reset completed"),
    pytest.param(_approve, id="admin approves, with a note"),
    pytest.param(_suspend, id="admin suspends"),
    pytest.param(_admin_created, id="admin created on the command line"),
    pytest.param(_other_vacancy, id="refused: another organisation's vacancy"),
    pytest.param(_other_application, id="refused: another organisation's application"),
    pytest.param(_other_token, id="refused: another organisation's API token"),
    pytest.param(_unshared_passport, id="refused: a passport not shared with the organisation"),
    pytest.param(_password_changed, id="password changed"),
    pytest.param(_email_changed, id="email address changed"),
    pytest.param(_signed_out_elsewhere, id="signed out of all other devices"),
    pytest.param(_two_factor_turned_on, id="two-step sign-in turned on"),
    pytest.param(_two_factor_turned_off, id="two-step sign-in turned off"),
    pytest.param(_two_factor_code_refused, id="refused: a wrong two-step code"),
    pytest.param(_recovery_code_used, id="recovery code used"),
    pytest.param(_too_many_sign_ins, id="refused: too many failed sign-ins"),
    pytest.param(_suspended_organisation, id="refused: the organisation is suspended"),
]
REFUSED = {"sign_in_failed", "cross_organisation_refused", "two_factor_failed", "rate_limited", "access_refused_suspended"}


@pytest.mark.parametrize("act", EVENTS)
def test_each_event_is_recorded_with_who_where_and_from_which_address_and_logged_as_json(world, act, caplog):
    caplog.set_level(logging.INFO, logger="portal.audit")
    expected = act(world)
    [event] = _events(world.app, expected["action"])
    assert event.actor_id == (expected["actor"].id if expected["actor"] else None)
    assert event.actor_label == expected["label"]
    assert event.organisation_id == (expected["organisation"].id if expected.get("organisation") else None)
    assert (event.subject_type, event.subject_id) == expected.get("subject", ("", None))
    assert event.ip_address == expected.get("address", ADDRESS)
    assert event.outcome == ("refused" if expected["action"] in REFUSED else "succeeded")
    for key, value in expected.get("detail", {}).items():
        assert event.detail[key] == value

    [line] = [line for line in _logged(caplog) if line["event"] == expected["action"]]
    assert line["actor"] == expected["label"] and line["actor_id"] == event.actor_id
    assert line["organisation_id"] == event.organisation_id and line["subject_id"] == event.subject_id
    assert line["ip"] == (event.ip_address or None)
    if "secret" in expected:
        everything = caplog.text + json.dumps([line for line in _logged(caplog)]) + json.dumps(event.detail)
        assert expected["secret"] not in everything


def _without_csrf_token(response) -> str:
    """The page, less the form token (signed with the time, so it differs from one second to the next) and
    the script nonce (new for every response)."""
    page = re.sub(r'name="csrf_token" value="[^"]*"', "", response.get_data(as_text=True))
    return re.sub(r'nonce="[^"]*"', "", page)


REFUSED_LOOKUPS = [
    pytest.param("get", "/recruiter/vacancies/{vacancy}/edit", id="vacancy edit page"),
    pytest.param("get", "/recruiter/applications/{application}", id="application page"),
    pytest.param("post", "/recruiter/organisation/api-tokens/{token}/revoke", id="API token revoke"),
]


@pytest.mark.parametrize("method, path", REFUSED_LOOKUPS)
def test_another_organisations_record_answers_exactly_as_a_missing_one(world, method, path):
    client = _recruiter_client(world)
    ids = {"vacancy": world.other_vacancy.id, "application": world.other_application_id, "token": world.other_token_id}
    theirs = getattr(client, method)(path.format(**ids))
    missing = getattr(client, method)(path.format(**{key: 999_999 for key in ids}))
    assert theirs.status_code == missing.status_code == 404
    assert _without_csrf_token(theirs) == _without_csrf_token(missing)
    assert len(_events(world.app, "cross_organisation_refused")) == 1


def test_an_unknown_id_is_not_a_refusal(world):
    assert _recruiter_client(world).get("/recruiter/vacancies/999999/edit").status_code == 404
    assert _events(world.app, "cross_organisation_refused") == []


def test_a_failed_sign_in_is_kept_though_its_request_saves_nothing(world):
    client = _client(world.app)
    for _ in range(3):
        assert client.post("/sign-in", data={"email": world.seeker.email, "password": "wrong"}).status_code == 200
    assert len(_events(world.app, "sign_in_failed")) == 3


def test_an_abandoned_change_is_not_recorded_as_done(app, make_organisation, make_admin):
    """An admin action whose transaction is rolled back leaves no event behind."""
    from portal.admin.services import suspend_organisation

    organisation = make_organisation()
    with app.test_request_context():
        suspend_organisation(db.session.get(Organisation, organisation.id))
        db.session.rollback()
    assert _events(app) == []


# The workforce team's page

def _trail(client, **query):
    response = client.get("/admin/audit", query_string=query)
    return response.status_code, response.get_data(as_text=True)


@pytest.mark.parametrize("who, expected", [
    pytest.param("visitor", 302, id="signed-out visitor is sent to sign in"),
    pytest.param("seeker", 403, id="job seeker"),
    pytest.param("recruiter", 403, id="recruiter"),
    pytest.param("admin", 200, id="admin"),
])
def test_only_admins_read_the_trail(world, who, expected):
    client = _client(world.app)
    if who != "visitor":
        sign_in(client, {"seeker": world.seeker, "recruiter": world.recruiter, "admin": world.admin}[who])
    assert client.get("/admin/audit").status_code == expected


def _add_events(app, *rows):
    with app.app_context():
        db.session.add_all(AuditEvent(outcome="succeeded", **row) for row in rows)
        db.session.commit()


@pytest.fixture
def filled_trail(world):
    _add_events(
        world.app,
        dict(action="sign_in_failed", actor_label="mallory@example.net", ip_address="198.51.100.20",
             occurred_at=datetime(2026, 3, 1, 9, 0), detail={"reason": "no such account"}),
        dict(action="organisation_suspended", actor_id=world.admin.id, actor_label=world.admin.email,
             organisation_id=world.other.id, ip_address="10.0.0.5", occurred_at=datetime(2026, 5, 2, 10, 0),
             detail={"note": "Complaint upheld"}),
        dict(action="sign_in_succeeded", actor_id=world.recruiter.id, actor_label=world.recruiter.email,
             organisation_id=world.own.id, ip_address="10.0.0.9", occurred_at=datetime(2026, 6, 3, 11, 0)),
    )
    return world


@pytest.mark.parametrize("query, shown, hidden", [
    pytest.param({}, ["mallory@example.net", "Complaint upheld", "recruiter@own.example.org"], [], id="everything"),
    pytest.param({"action": "sign_in_failed"}, ["mallory@example.net"], ["Complaint upheld", "recruiter@own"], id="by event"),
    pytest.param({"person": "MALLORY"}, ["mallory@example.net"], ["Complaint upheld", "recruiter@own"], id="by person"),
    pytest.param({"organisation": "{other}"}, ["Complaint upheld"], ["mallory@", "recruiter@own"], id="by organisation"),
    pytest.param({"date_from": "2026-05-01", "date_to": "2026-05-31"}, ["Complaint upheld"], ["mallory@", "recruiter@own"],
                 id="by date range"),
    pytest.param({"address": "10.0.0."}, ["Complaint upheld", "recruiter@own"], ["mallory@"], id="by address prefix"),
    pytest.param({"person": "100%_"}, ["No events match"], ["mallory@"], id="wildcards typed are literal"),
])
def test_the_trail_filters(filled_trail, query, shown, hidden):
    client = _admin_client(filled_trail)
    query = {key: value.format(other=filled_trail.other.id) for key, value in query.items()}
    status, page = _trail(client, **query)
    assert status == 200
    table = page.split('id="events"', 1)[1]
    for text in shown:
        assert text in table
    for text in hidden:
        assert text not in table


@pytest.mark.parametrize("query, message", [
    pytest.param({"date_from": "2026-02-30"}, "From (date) must be a real date", id="impossible date"),
    pytest.param({"date_from": "2026-06-01", "date_to": "2026-05-01"}, "To (date) must be the same as or after", id="backwards range"),
    pytest.param({"action": "made_up"}, "Select an event from the list", id="unknown event"),
    pytest.param({"organisation": "abc"}, "Select an organisation from the list", id="unknown organisation"),
    pytest.param({"person": "a\x00b"}, None, id="NUL byte (cleaned at the door)"),
    pytest.param({"address": "1" * 46}, "45 characters or fewer", id="too long"),
    pytest.param({"page": "99999999999999999999"}, None, id="huge page number"),
])
def test_bad_filters_get_a_clear_message_not_an_error(filled_trail, query, message):
    status, page = _trail(_admin_client(filled_trail), **query)
    assert status == 200
    if message:
        assert "There is a problem" in page and message in page


def test_the_trail_is_newest_first_and_paginated(world):
    start = datetime(2026, 1, 1)
    _add_events(world.app, *(
        dict(action="sign_in_failed", actor_label=f"person{n:03d}@example.org", occurred_at=start + timedelta(minutes=n))
        for n in range(PAGE_SIZE + 5)
    ))
    client = _admin_client(world)
    _, first = _trail(client, action="sign_in_failed")
    assert f"person{PAGE_SIZE + 4:03d}@" in first and "person000@" not in first
    assert first.index(f"person{PAGE_SIZE + 4:03d}@") < first.index(f"person{PAGE_SIZE + 3:03d}@")
    assert "Older events" in first and "page=2" in first
    _, second = _trail(client, action="sign_in_failed", page=2)
    assert "person000@" in second and f"person{PAGE_SIZE + 4:03d}@" not in second
    assert "Newer events" in second
    assert "nhsuk-table--responsive" in second


# An organisation's review history

def test_an_organisation_shows_every_review_with_who_when_and_the_note(world):
    client = _admin_client(world)
    organisation = world.pending
    client.post(f"/admin/organisations/{organisation.id}/approve", data={"note": "Registration checked"})
    client.post(f"/admin/organisations/{organisation.id}/suspend", data={"note": "Complaint under review",
                                                                         "came_from": "organisation"})
    response = client.post(f"/admin/organisations/{organisation.id}/reinstate", data={"came_from": "organisation"})
    assert response.headers["Location"].endswith(f"/admin/organisations/{organisation.id}")
    page = client.get(f"/admin/organisations/{organisation.id}").get_data(as_text=True)
    history = page.split("Review history", 1)[1]
    assert history.index("Organisation reinstated") < history.index("Organisation suspended") < history.index("Organisation approved")
    assert history.count(world.admin.email) == 3
    assert "Registration checked" in history and "Complaint under review" in history
    with world.app.app_context():
        assert db.session.get(Organisation, organisation.id).reviewed_at is not None


def test_a_note_that_cannot_be_kept_is_shown_again_with_the_reason(world):
    client = _admin_client(world)
    response = client.post(f"/admin/organisations/{world.own.id}/suspend", data={"note": "x" * 501, "came_from": "organisation"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "500 characters or fewer" in page and "x" * 501 in page
    with world.app.app_context():
        assert db.session.get(Organisation, world.own.id).status == "approved"
    assert _events(world.app, "organisation_suspended") == []


def test_review_history_page_is_for_admins_only(world):
    client = _recruiter_client(world)
    assert client.get(f"/admin/organisations/{world.own.id}").status_code == 403


# Retention, account deletion and the data export

def test_the_retention_purge_deletes_events_older_than_the_period(world, monkeypatch):
    now = datetime.now()
    _add_events(world.app,
                dict(action="sign_in_failed", actor_label="old@example.org", occurred_at=now - relativedelta(months=25)),
                dict(action="sign_in_failed", actor_label="recent@example.org", occurred_at=now - relativedelta(months=23)))
    result = world.app.test_cli_runner().invoke(args=["privacy", "purge-applications"])
    assert result.exit_code == 0 and "(24 months ago): 1 deleted" in result.output
    assert [event.actor_label for event in _events(world.app)] == ["recent@example.org"]
    monkeypatch.setitem(world.app.config, "AUDIT_RETENTION_MONTHS", 12)
    world.app.test_cli_runner().invoke(args=["privacy", "purge-applications"])
    assert _events(world.app) == []


def test_deleting_an_account_keeps_its_events_without_the_person(world):
    client = _client(world.app)
    client.post("/sign-in", data={"email": world.seeker.email, "password": "wrong"})
    sign_in(client, world.seeker)
    response = client.post("/account/delete", data={"understood": "y", "password": PASSWORD})
    assert "Your account has been deleted" in response.get_data(as_text=True)
    events = _events(world.app)
    mine = [event for event in events if event.action in {"sign_in_failed", "sign_in_succeeded", "account_deleted"}]
    assert {event.action for event in mine} == {"sign_in_failed", "sign_in_succeeded", "account_deleted"}
    assert all(event.actor_id is None and event.actor_label == "deleted account" for event in mine)
    assert world.seeker.email not in json.dumps([event.detail for event in events])


def test_the_data_export_includes_the_persons_own_events(world):
    client = _client(world.app)
    client.post("/sign-in", data={"email": world.seeker.email, "password": "wrong"})
    sign_in(client, world.recruiter)
    sign_in(client, world.seeker)
    archive = zipfile.ZipFile(io.BytesIO(client.post("/account/data/export").get_data()))
    data = json.loads(archive.read("data.json"))
    assert [event["event"] for event in data["security_events"]] == ["Sign-in failed", "Signed in"]
    assert data["security_events"][0]["ip_address"] == ADDRESS


# Secrets kept out of logs

@pytest.mark.parametrize("logged, secret", [
    pytest.param('"GET /reset-password/IjEi.aBc-123_x HTTP/1.1" 200', "IjEi.aBc-123_x", id="password reset link"),
    pytest.param("/alerts/confirm/eyJhbGci.xyz", "eyJhbGci.xyz", id="alert confirmation"),
    pytest.param("/alerts/unsubscribe/eyJhbGci.uvw?one-click=1", "eyJhbGci.uvw", id="alert unsubscribe"),
    pytest.param("/passport/shared/Sh4reT0ken/records/3/accept", "Sh4reT0ken", id="passport share link"),
    pytest.param("/invitations/InviteT0ken", "InviteT0ken", id="invitation link"),
    pytest.param("/verify?credential=eyJ.sig", "eyJ.sig", id="credential in the query"),
    pytest.param("/api/v1/vacancies?page=2&token=abc123", "abc123", id="token parameter"),
    pytest.param("/x?KEY=k3y&code=c0de", "k3y", id="key parameter, any case"),
    pytest.param("token=abc123&page=2", "abc123", id="a bare query string"),
    pytest.param("https://site/sign-in?next=%2Fpassport%2Fshared%3Ftoken%3Ds3cr3t", "s3cr3t", id="encoded query inside next="),
    pytest.param("/sign-in?next=%2Finvitations%2FInv1te-T0ken&x=1", "Inv1te-T0ken", id="encoded invitation inside next="),
])
def test_redaction_removes_the_secret(logged, secret):
    redacted = redact_secrets(logged)
    assert secret not in redacted and REDACTED in redacted


@pytest.mark.parametrize("logged", [
    pytest.param("/jobs?keyword=nurse&postcode=LE1", id="ordinary search"),
    pytest.param("/passport/sharing", id="the sharing page itself"),
    pytest.param("/admin/organisations/3/approve", id="an admin path"),
])
def test_redaction_leaves_everything_else_alone(logged):
    assert redact_secrets(logged) == logged


def test_the_werkzeug_filter_redacts_the_dev_servers_request_line(app, caplog):
    caplog.set_level(logging.INFO, logger="werkzeug")
    assert any(isinstance(item, RedactSecretsFilter) for item in logging.getLogger("werkzeug").filters)
    logging.getLogger("werkzeug").info('%s - - [%s] %s', "127.0.0.1", "02/Dec/2026 06:00:00",
                                       '"GET /reset-password/T0pSecret HTTP/1.1" 200 -')
    [record] = [record for record in caplog.records if record.name == "werkzeug"]
    assert "T0pSecret" not in record.getMessage() and f"/reset-password/{REDACTED}" in record.getMessage()


def test_the_gunicorn_logger_class_redacts_path_query_and_referer(tmp_path):
    from gunicorn.config import Config

    config = Config()
    config.set("accesslog", str(tmp_path / "access.log"))
    config.set("access_log_format", '%(h)s "%(r)s" %(s)s "%(f)s" %(U)s?%(q)s')
    logger = RedactingAccessLogger(config)
    environ = {
        "REQUEST_METHOD": "GET", "RAW_URI": "/reset-password/R3set?token=T0k", "PATH_INFO": "/reset-password/R3set",
        "QUERY_STRING": "token=T0k", "SERVER_PROTOCOL": "HTTP/1.1", "REMOTE_ADDR": "127.0.0.1",
        "HTTP_REFERER": "https://site/passport/shared/Sh4re",
    }
    response = SimpleNamespace(status="200 OK", sent=10, headers=[])
    request = SimpleNamespace(headers=[("REFERER", environ["HTTP_REFERER"])])
    logger.access(response, request, environ, timedelta(milliseconds=5))
    for handler in logging.getLogger("gunicorn.access").handlers:
        handler.flush()
    line = (tmp_path / "access.log").read_text()
    assert '"GET /reset-password/[redacted]?token=[redacted] HTTP/1.1" 200' in line
    assert "/passport/shared/[redacted]" in line and "/reset-password/[redacted]?token=[redacted]" in line
    for secret in ("R3set", "T0k", "Sh4re"):
        assert secret not in line


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.slow
def test_gunicorn_access_log_never_shows_a_reset_token(app, make_user, tmp_path):
    user = make_user()
    # Served outside tests, the portal refuses a short key such as the tests' own.
    server_key = "a-server-key-" + "x" * 40
    with app.test_request_context():
        test_key, app.config["SECRET_KEY"] = app.config["SECRET_KEY"], server_key
        try:
            token = make_reset_token(db.session.get(User, user.id))
        finally:
            app.config["SECRET_KEY"] = test_key
    port = _free_port()
    log_path = tmp_path / "gunicorn.log"
    env = {
        **os.environ, "BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": "1", "SECRET_KEY": server_key,
        "DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"], "INSTANCE_PATH": str(tmp_path / "instance"),
        "SEARCH_INDEX_DIR": str(tmp_path / "index"),
    }
    with log_path.open("w") as log:
        server = subprocess.Popen([sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py"],
                                  cwd=REPO_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                response = requests.get(f"{base}/reset-password/{token}?token={token}", timeout=30,
                                        headers={"Referer": f"{base}/reset-password/{token}"})
                break
            except requests.ConnectionError:
                assert time.monotonic() < deadline and server.poll() is None, log_path.read_text()
                time.sleep(0.3)
        assert response.status_code == 200 and "Choose a new password" in response.text
    finally:
        server.terminate()
        server.wait(timeout=15)
    output = log_path.read_text()
    assert f"GET /reset-password/{REDACTED}?token={REDACTED} HTTP/1.1" in output
    assert token not in output
