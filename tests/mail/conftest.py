"""Helpers for the outbox's tests: queue a message, read the outbox's rows, move the sender's clock on."""
from __future__ import annotations

from datetime import datetime, timedelta
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from portal.extensions import db
from portal.mail import send_email, sender
from portal.mail.models import OutboxMessage
from portal.time import utcnow


@pytest.fixture
def queue_email(app):
    """Queue one message and commit; returns the message as composed."""

    def queue(to="kim@example.org", name="Kim O\u2019Neill"):
        with app.test_request_context():
            message = send_email(to, "Your password has been changed", "password_changed",
                                 user=SimpleNamespace(full_name=name), reset_link="http://localhost/forgot-password")
            db.session.commit()
        return message

    return queue


@pytest.fixture
def outbox_rows(app):
    def read() -> list[OutboxMessage]:
        with app.app_context():
            return list(db.session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))

    return read


@pytest.fixture
def clock(monkeypatch):
    """The sender's clock, which a test moves on to when a retry falls due."""

    class Clock:
        ahead = timedelta(0)

        def now(self) -> datetime:
            return utcnow() + self.ahead

        def move_on(self, by: timedelta) -> None:
            self.ahead += by

        def move_to(self, moment: datetime) -> None:
            self.ahead = moment - utcnow()

    moved = Clock()
    monkeypatch.setattr(sender, "utcnow", moved.now)
    return moved


@pytest.fixture
def deliver(app):
    """One run of the scheduled sender, as ``flask mail send`` does it."""

    def run():
        with app.app_context():
            return sender.deliver_due()

    return run


@pytest.fixture
def by_command(app, monkeypatch):
    """Commits only queue mail: the command (or a test) delivers it."""
    monkeypatch.setitem(app.config, "MAIL_DELIVERY", "command")


@pytest.fixture
def background(app, monkeypatch):
    """The web process's sender thread, as in production; stopped at the end of the test."""
    monkeypatch.setitem(app.config, "MAIL_DELIVERY", "background")
    monkeypatch.setitem(app.config, "MAIL_TIMEOUT", 1)
    yield app.extensions["mail_sender"]
    app.extensions["mail_sender"].stop(timeout=10)
