"""Expiry reminders: one email per holder listing their records due within 60 days, once per record and
expiry date, however often and however many runs there are."""
from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta

import pytest
from dateutil.relativedelta import relativedelta
from sqlalchemy import select

from portal.accounts.models import User
from portal.extensions import db
from portal.passport import reminders
from portal.passport.models import ExpiryReminder
from portal.time import utcnow

TODAY = date.today()


@pytest.fixture
def run_reminders(app):
    def run(today=TODAY):
        with app.app_context():
            return reminders.send_expiry_reminders(today)

    return run


@pytest.fixture
def claims(app):
    def read():
        with app.app_context():
            rows = db.session.execute(select(ExpiryReminder.record_id, ExpiryReminder.expires_on))
            return {(record_id, expires_on) for record_id, expires_on in rows}

    return read


@pytest.fixture
def licence(make_record):
    """A record whose expiry date is entered on it, expiring ``days`` after TODAY."""

    def make(holder, days, competence_code="driving_licence"):
        return make_record(holder, competence_code, level=None, completed_on=TODAY - timedelta(days=365),
                           expires_on=TODAY + timedelta(days=days))

    return make


def text_part(message) -> str:
    return message.get_body(("plain",)).get_content()


def test_each_holder_gets_one_email_listing_their_due_records_once(make_user, make_record, licence, run_reminders, outbox):
    kim = make_user(email="kim@example.org", full_name="Kim Patel")
    lee = make_user(email="lee@example.org")
    # Fire safety, level 1, has a 24-month refresher period: due in about 30 days.
    make_record(kim, "fire_safety", level="1", completed_on=TODAY - relativedelta(months=24) + timedelta(days=30))
    licence(kim, days=45)
    make_record(kim, "moving_handling", level="1", completed_on=TODAY)
    licence(lee, days=10)

    run = run_reminders()

    assert (run.emails_sent, run.records_reminded, run.failures) == (2, 3, 0)
    messages = {message["To"]: message for message in outbox()}
    assert set(messages) == {"kim@example.org", "lee@example.org"}
    assert messages["kim@example.org"]["Subject"] == "2 records in your skills passport expire soon"
    body = text_part(messages["kim@example.org"])
    assert "Hello Kim Patel" in body
    assert "Fire safety, Level 1: expires on" in body
    assert "Full UK driving licence: expires on" in body
    assert "Moving and handling" not in body
    assert "http://localhost/" in body
    assert "See your passport" in messages["kim@example.org"].get_body(("html",)).get_content()

    again = run_reminders()
    assert (again.emails_sent, again.records_reminded) == (0, 0)
    assert len(outbox()) == 2


@pytest.mark.parametrize("days, reminded", [(61, False), (60, True), (1, True), (0, False), (-5, False)])
def test_only_records_expiring_after_today_and_within_60_days_are_reminded(make_user, licence, run_reminders, outbox, days, reminded):
    licence(make_user(), days=days)

    run = run_reminders()

    assert run.emails_sent == len(outbox()) == (1 if reminded else 0)


def test_the_window_follows_the_refresher_period(make_user, make_record, run_reminders):
    holder = make_user()
    completed = TODAY - relativedelta(months=24)
    make_record(holder, "fire_safety", level="1", completed_on=completed)

    assert run_reminders(today=TODAY - timedelta(days=61)).emails_sent == 0
    assert run_reminders(today=TODAY - timedelta(days=60)).emails_sent == 1
    assert run_reminders(today=TODAY - timedelta(days=1)).emails_sent == 0


def test_superseded_records_and_inactive_accounts_are_not_reminded(app, make_user, make_record, run_reminders, outbox):
    renewed = make_user()
    make_record(renewed, "fire_safety", level="1", completed_on=TODAY - relativedelta(months=24) + timedelta(days=20))
    make_record(renewed, "fire_safety", level="1", completed_on=TODAY)
    gone = make_user()
    make_record(gone, "fire_safety", level="1", completed_on=TODAY - relativedelta(months=24) + timedelta(days=20))
    with app.app_context():
        db.session.get(User, gone.id).is_active_account = False
        db.session.commit()

    assert run_reminders().emails_sent == 0
    assert outbox() == []


def test_a_renewed_record_gets_a_reminder_for_its_new_expiry(make_user, licence, run_reminders, outbox):
    holder = make_user(email="kim@example.org")
    licence(holder, days=30)
    assert run_reminders().emails_sent == 1

    licence(holder, days=30 + 3 * 365)  # the renewal supersedes the first record

    assert run_reminders().emails_sent == 0
    later = TODAY + timedelta(days=3 * 365)
    assert run_reminders(today=later).emails_sent == 1
    assert run_reminders(today=later + timedelta(days=1)).emails_sent == 0
    assert [message["To"] for message in outbox()] == ["kim@example.org"] * 2


def test_a_failed_email_leaves_no_claim_so_the_next_run_sends_it(make_user, licence, run_reminders, claims, outbox, monkeypatch):
    holder = make_user()
    record = licence(holder, days=30)

    def broken(*args, **kwargs):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr(reminders, "send_email", broken)
    run = run_reminders()
    assert (run.emails_sent, run.failures) == (0, 1)
    assert claims() == set()

    monkeypatch.undo()
    assert run_reminders().emails_sent == 1
    assert claims() == {(record.id, TODAY + timedelta(days=30))}
    assert len(outbox()) == 1


def test_reminders_claimed_by_another_run_are_not_sent_again(app, make_user, licence, run_reminders, outbox, monkeypatch):
    holder = make_user()
    claimed = licence(holder, days=30)
    licence(holder, days=40, competence_code="nmc_registration")
    with app.app_context():
        # Another run read the due records before this one claimed and sent them.
        stale = reminders.due_reminders(TODAY, utcnow())
        db.session.add(ExpiryReminder(record_id=claimed.id, expires_on=TODAY + timedelta(days=30)))
        db.session.commit()

    monkeypatch.setattr(reminders, "due_reminders", lambda today, now: stale)
    run = run_reminders()

    assert (run.emails_sent, run.records_reminded, run.claimed_elsewhere) == (1, 1, 1)
    [message] = outbox()
    assert "Nursing and Midwifery Council" in text_part(message)
    assert "driving licence" not in text_part(message)
    assert run_reminders().emails_sent == 0


def test_a_claim_left_by_a_run_that_died_is_taken_over_once_stale(app, make_user, licence, run_reminders, outbox):
    record = licence(make_user(), days=30)
    with app.app_context():
        db.session.add(ExpiryReminder(record_id=record.id, expires_on=TODAY + timedelta(days=30),
                                      claimed_at=utcnow() - timedelta(minutes=10)))
        db.session.commit()
    assert run_reminders().emails_sent == 0  # another run may still be sending it
    with app.app_context():
        db.session.execute(db.update(ExpiryReminder).values(claimed_at=utcnow() - reminders.CLAIM_LEASE - timedelta(minutes=1)))
        db.session.commit()
    assert run_reminders().emails_sent == 1
    assert run_reminders().emails_sent == 0
    assert len(outbox()) == 1
    with app.app_context():
        assert db.session.scalar(db.select(ExpiryReminder.sent_at)) is not None


def test_runs_at_the_same_time_send_each_reminder_once(app, make_user, licence, outbox, monkeypatch):
    for n in range(6):
        licence(make_user(email=f"person{n}@example.org"), days=10 + n)
    real_send = reminders.send_email

    def slow_send(*args, **kwargs):
        # Keeps each run busy long enough for the others to reach the same holders.
        threading.Event().wait(0.02)
        return real_send(*args, **kwargs)

    monkeypatch.setattr(reminders, "send_email", slow_send)
    start = threading.Barrier(3)

    def run(_):
        with app.app_context():
            start.wait(timeout=30)
            return reminders.send_expiry_reminders(TODAY)

    with ThreadPoolExecutor(max_workers=3) as pool:
        runs = list(pool.map(run, range(3)))

    assert sum(run.emails_sent for run in runs) == 6
    assert sorted(message["To"] for message in outbox()) == [f"person{n}@example.org" for n in range(6)]


def test_the_command_prints_its_counts(app, make_user, licence, outbox):
    licence(make_user(), days=30)

    result = app.test_cli_runner().invoke(args=["passport", "send-reminders"])

    assert result.exit_code == 0, result.output
    assert "Sent 1 emails reminding of 1 expiring records" in result.output
    assert len(outbox()) == 1


def test_the_command_fails_when_emails_fail(app, make_user, licence, monkeypatch):
    licence(make_user(), days=30)
    monkeypatch.setattr(reminders, "send_email", lambda *args, **kwargs: 1 / 0)

    result = app.test_cli_runner().invoke(args=["passport", "send-reminders"])

    assert result.exit_code == 1
    assert "1 emails could not be sent" in result.output
