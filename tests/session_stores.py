"""Fixtures for signed-in sessions: each store in turn, a clock to move, copying a cookie, signing in
without the form.

Redis tests use database 14 of 127.0.0.1:6379 under a key prefix of their own process. Without Redis they
are skipped, unless REQUIRE_REDIS is set (as in CI), where they fail instead.
"""
from __future__ import annotations

import os
from datetime import timedelta

import pytest
import redis
from flask import session as flask_session

from portal.accounts import sessions
from portal.accounts.models import User
from portal.accounts.session_store import STORE_EXTENSION
from portal.extensions import db
from portal.time import utcnow

TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/14")
STORES = ("database", "redis")


def _redis_or_skip() -> redis.Redis:
    client = redis.Redis.from_url(TEST_REDIS_URL, socket_connect_timeout=2)
    try:
        client.ping()
    except redis.ConnectionError as error:
        if os.environ.get("REQUIRE_REDIS"):
            pytest.fail(f"Redis at {TEST_REDIS_URL} is unreachable and REQUIRE_REDIS is set: {error}")
        pytest.skip(f"Redis session store not tested: nothing answers at {TEST_REDIS_URL} (start redis-server)")
    return client


@pytest.fixture(params=STORES)
def session_store_kind(request, app):
    """Run the test once with sessions in the database and once with them in Redis."""
    if request.param == "database":
        yield "database"
        return
    client = _redis_or_skip()
    prefix = f"test-sessions:{os.getpid()}:"
    app.config.update(SESSION_REDIS_URL=TEST_REDIS_URL, SESSION_REDIS_PREFIX=prefix)
    app.extensions.pop(STORE_EXTENSION, None)
    try:
        yield "redis"
    finally:
        app.config.update(SESSION_REDIS_URL="", SESSION_REDIS_PREFIX="portal:")
        app.extensions.pop(STORE_EXTENSION, None)
        for key in client.scan_iter(match=f"{prefix}*"):
            client.delete(key)
        client.close()


class Clock:
    """The time the session rules see; tests move it forward."""

    def __init__(self):
        self.offset = timedelta()

    def now(self):
        return utcnow() + self.offset

    def advance(self, **span):
        self.offset += timedelta(**span)


@pytest.fixture
def clock(monkeypatch):
    moved = Clock()
    monkeypatch.setattr(sessions, "utcnow", moved.now)
    return moved


def session_cookie(client) -> str:
    return client.get_cookie("session", domain="localhost").value


def copy_of(app, client):
    """Another browser holding a copy of ``client``'s session cookie."""
    other = app.test_client()
    other.set_cookie("session", session_cookie(client), domain="localhost")
    return other


def start_session_without_form(app, client, user_id: int) -> None:
    """Sign ``client`` in as the user the way the sign-in form does, without the form (and its rate limit)."""
    with app.test_request_context():
        sessions.start_session(db.session.get(User, user_id))
        db.session.commit()
        values = dict(flask_session)
    with client.session_transaction() as browser_session:
        browser_session.update(values)
