"""Signing in starts a session of its own; the sign-in page says why a session ran out; the account page
lists where the person is signed in."""
from __future__ import annotations

import io
import json
import zipfile
from datetime import timedelta

import pytest
import redis
from sqlalchemy import select

from portal.accounts import sessions
from portal.accounts.models import UserSession
from portal.accounts.roles import Role
from portal.accounts.session_store import session_store
from portal.extensions import db
from tests.factories import PASSWORD, sign_in
from tests.session_stores import TEST_REDIS_URL

CHROME_ON_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36"


def _token(client) -> str | None:
    with client.session_transaction() as session:
        return session.get(sessions.TOKEN_KEY)


def _record(app, client):
    with app.test_request_context():
        return session_store().find(sessions.hash_token(_token(client)))


def test_signing_in_clears_what_the_browser_held_and_starts_a_new_session(app, session_store_kind, make_user):
    user = make_user()
    client = app.test_client()
    with client.session_transaction() as session:
        session["planted"] = "by someone else"
        session[sessions.TOKEN_KEY] = "a token chosen by someone else"
    sign_in(client, user)
    first = _token(client)
    with client.session_transaction() as session:
        assert "planted" not in session
    assert first != "a token chosen by someone else"
    sign_in(client, user)
    assert _token(client) != first
    assert _record(app, client) is not None
    with app.test_request_context():
        assert session_store().find(sessions.hash_token(first)) is None


def test_the_store_keeps_only_a_hash_of_the_token(app, session_store_kind, make_user):
    client = app.test_client()
    sign_in(client, make_user())
    record = _record(app, client)
    assert record.token_hash == sessions.hash_token(_token(client)) != _token(client)


def test_last_active_is_written_at_most_once_a_minute(app, session_store_kind, clock, make_user):
    client = app.test_client()
    sign_in(client, make_user())
    signed_in_at = _record(app, client).last_seen_at
    clock.advance(seconds=30)
    client.get("/account")
    assert _record(app, client).last_seen_at == signed_in_at
    clock.advance(seconds=40)
    client.get("/account")
    assert _record(app, client).last_seen_at > signed_in_at


@pytest.mark.parametrize("role,minutes,in_words", [
    (Role.RECRUITER, 30, "30 minutes"), (Role.JOB_SEEKER, 120, "2 hours"),
], ids=["recruiter", "job seeker"])
def test_after_a_time_out_the_sign_in_page_says_why_and_next_brings_them_back(
    app, session_store_kind, clock, make_user, role, minutes, in_words
):
    user = make_user(roles=(role,))
    client = app.test_client()
    sign_in(client, user)
    clock.advance(minutes=minutes + 1)
    response = client.get("/applications")
    assert response.headers["Location"] == "/sign-in?next=%2Fapplications"
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert f"You were signed out because you had not done anything for {in_words}." in page
    assert "Sign in to continue" not in page
    assert "not done anything" not in client.get("/sign-in").get_data(as_text=True)
    signed_in = sign_in_to(client, user, "/applications")
    assert signed_in.headers["Location"] == "/applications"
    assert client.get("/applications").status_code == 200


def sign_in_to(client, user, next_url):
    return client.post("/sign-in", query_string={"next": next_url}, data={"email": user.email, "password": PASSWORD})


def test_after_the_absolute_limit_the_sign_in_page_says_so(app, session_store_kind, clock, make_user):
    client = app.test_client()
    sign_in(client, make_user())
    for _ in range(12):
        clock.advance(minutes=61)
        client.get("/")
    page = client.get("/sign-in").get_data(as_text=True)
    assert "You were signed out because you signed in more than 12 hours ago." in page


def test_a_visitor_who_was_never_signed_in_is_asked_to_sign_in_as_before(client):
    response = client.get("/account")
    assert response.headers["Location"] == "/sign-in?next=%2Faccount"
    assert "Sign in to continue." in client.get(response.headers["Location"]).get_data(as_text=True)


def test_the_account_page_lists_where_the_person_is_signed_in(app, session_store_kind, make_user):
    user = make_user()
    phone, laptop = app.test_client(), app.test_client()
    sign_in(phone, user)
    page = phone.get("/account").get_data(as_text=True)
    assert "(this device)" in page
    assert "Sign out of all other devices" not in page
    laptop.post("/sign-in", data={"email": user.email, "password": PASSWORD},
                headers={"User-Agent": CHROME_ON_WINDOWS}, environ_base={"REMOTE_ADDR": "203.0.113.9"})
    page = phone.get("/account").get_data(as_text=True)
    assert "Chrome on Windows" in page
    assert "Internet address 203.0.113.9" in page
    assert "Sign out of all other devices" in page
    phone.post("/account/sessions/sign-out-others")
    page = phone.get("/account").get_data(as_text=True)
    assert "Chrome on Windows" not in page
    assert "You have signed out of all other devices." in page


def test_signing_out_forgets_the_whole_browser_session(app, session_store_kind, make_user):
    client = app.test_client()
    sign_in(client, make_user())
    with client.session_transaction() as session:
        session["application_draft"] = "draft-token"
    client.post("/sign-out")
    with client.session_transaction() as session:
        assert set(session) <= {"_flashes"}


@pytest.mark.parametrize("user_agent,label", [
    (CHROME_ON_WINDOWS, "Chrome on Windows"),
    ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
     "Version/17.0 Mobile/15E148 Safari/604.1", "Mobile Safari on iOS"),
    ("", "Unknown browser"),
    ("x" * 5000, "Unknown browser"),
], ids=["desktop", "phone", "none", "very long"])
def test_device_label(user_agent, label):
    assert sessions.device_label(user_agent) == label


@pytest.mark.parametrize("session_store_kind", ["redis"], indirect=True)
def test_redis_keys_expire_at_the_absolute_limit_and_go_when_the_session_ends(app, make_user, session_store_kind):
    user = make_user()
    client = app.test_client()
    sign_in(client, user)
    prefix = app.config["SESSION_REDIS_PREFIX"]
    token_hash = sessions.hash_token(_token(client))
    server = redis.Redis.from_url(TEST_REDIS_URL)
    key = f"{prefix}session:{token_hash}"
    assert 0 < server.ttl(key) <= 12 * 3600
    assert server.smembers(f"{prefix}user-sessions:{user.id}") == {token_hash.encode()}
    client.post("/sign-out")
    assert not server.exists(key)
    assert server.smembers(f"{prefix}user-sessions:{user.id}") == set()


def test_sessions_started_more_than_30_days_ago_are_forgotten(app, make_user):
    user = make_user()
    old, recent = app.test_client(), app.test_client()
    sign_in(old, user)
    sign_in(recent, user)
    with app.app_context():
        row = db.session.scalar(select(UserSession).where(UserSession.token_hash == sessions.hash_token(_token(old))))
        row.created_at -= timedelta(days=31)
        db.session.commit()
    result = app.test_cli_runner().invoke(args=["accounts", "purge-sessions"])
    assert result.exit_code == 0, result.output
    assert "Forgot 1 old signed-in session" in result.output
    with app.app_context():
        assert db.session.scalars(select(UserSession.token_hash)).all() == [sessions.hash_token(_token(recent))]
    assert "Forgot 0 old signed-in sessions" in app.test_cli_runner().invoke(args=["accounts", "purge-sessions"]).output


def test_the_data_export_lists_where_the_person_is_signed_in(app, session_store_kind, make_user):
    client = app.test_client()
    client.post("/sign-in", data={"email": make_user().email, "password": PASSWORD},
                headers={"User-Agent": CHROME_ON_WINDOWS}, environ_base={"REMOTE_ADDR": "203.0.113.9"})
    archive = zipfile.ZipFile(io.BytesIO(client.post("/account/data/export").data))
    [entry] = json.loads(archive.read("data.json"))["signed_in_sessions"]
    assert entry["device"] == "Chrome on Windows"
    assert entry["ip_address"] == "203.0.113.9"
    assert "token" not in json.dumps(entry)
