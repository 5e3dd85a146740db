"""The outbox: a message is queued in the transaction that causes it, and delivered once, however the mail
server behaves (refusing connections, hanging, refusing a recipient) and however many senders run."""
from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
import time
from datetime import timedelta
from email import policy
from email.parser import BytesParser
from pathlib import Path
from types import SimpleNamespace

import pytest
from sqlalchemy import update

from portal import create_app
from portal.config import TestConfig
from portal.extensions import db
from portal.mail import send_email, sender
from portal.mail.models import MessageStatus, OutboxMessage
from portal.time import utcnow
from tests.concurrency import at_once
from tests.mail.servers import FakeSMTPHandler, SilentHandler, closed_port, serving, use_mail_server

SCHEDULE = [timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=30), timedelta(hours=2),
            timedelta(hours=12), timedelta(hours=12), timedelta(hours=12)]


def _files(app) -> list[Path]:
    return sorted((Path(app.instance_path) / "outbox").glob("*.eml"))


def _lf(raw: bytes) -> bytes:
    return raw.replace(b"\r\n", b"\n")


def _test_config() -> dict:
    return {key: getattr(TestConfig, key) for key in dir(TestConfig) if key.isupper()}


def test_a_rollback_queues_nothing_and_sends_nothing(app, outbox_rows):
    with app.test_request_context():
        send_email("kim@example.org", "Never sent", "password_changed", user=SimpleNamespace(full_name="Kim"),
                   reset_link="http://localhost/")
        db.session.rollback()
        db.session.commit()

    assert outbox_rows() == [] and _files(app) == []


def test_nothing_goes_before_the_commit_and_it_goes_once_after(app, by_command, outbox_rows, deliver):
    with app.test_request_context():
        send_email("kim@example.org", "Hello", "password_changed", user=SimpleNamespace(full_name="Kim"),
                   reset_link="http://localhost/")
        db.session.flush()
        assert _files(app) == []
        db.session.commit()
    [row] = outbox_rows()
    assert row.status == MessageStatus.WAITING and row.attempts == 0

    assert deliver().sent == 1
    assert deliver().sent == 0
    [row] = outbox_rows()
    assert row.status == MessageStatus.SENT and row.attempts == 1 and row.sent_at is not None
    assert len(_files(app)) == 1


def test_the_eml_file_holds_the_queued_bytes_unchanged(app, queue_email, outbox_rows):
    message = queue_email()

    [row] = outbox_rows()
    [eml] = _files(app)
    assert eml.read_bytes() == row.raw == message.as_bytes()


def test_smtp_delivers_the_queued_bytes_unchanged(app, smtp_server, queue_email, outbox_rows):
    message = queue_email(name="Zo\u00eb \u0141ukasz")

    [row] = outbox_rows()
    [delivery] = smtp_server.received
    assert row.status == MessageStatus.SENT
    assert _lf(delivery["raw"]) == row.raw == message.as_bytes()
    assert delivery["from"] == "<alerts@proudtocare.example>" and delivery["to"] == ["<kim@example.org>"]
    received = BytesParser(policy=policy.default).parsebytes(delivery["raw"])
    for header in ("From", "To", "Subject", "Date", "Message-ID"):
        assert received[header] == message[header]
    assert "Zo\u00eb \u0141ukasz" in received.get_body(preferencelist=("plain",)).get_content()
    assert "<a href=" not in received.get_body(preferencelist=("plain",)).get_content()
    assert received.get_body(preferencelist=("html",)).get_content_type() == "text/html"
    assert _files(app) == []


def test_a_refused_connection_keeps_the_message_for_a_retry(app, monkeypatch, queue_email, outbox_rows, deliver,
                                                            clock):
    use_mail_server(app, monkeypatch, closed_port())
    queue_email()

    [row] = outbox_rows()
    assert row.status == MessageStatus.WAITING and row.attempts == 1
    assert "ConnectionRefusedError" in row.last_error
    assert row.next_attempt_at - row.last_attempt_at == timedelta(minutes=1)
    assert deliver().sent == 0, "not due again for a minute"

    with serving(FakeSMTPHandler) as server:
        use_mail_server(app, monkeypatch, server.server_address[1])
        clock.move_on(timedelta(minutes=1, seconds=1))
        assert deliver().sent == 1
        assert deliver().sent == 0
    assert len(server.received) == 1
    [row] = outbox_rows()
    assert row.status == MessageStatus.SENT and row.attempts == 2 and row.last_error is None


def test_a_hung_mail_server_delays_only_the_sender_thread(app, client, make_user, monkeypatch, background,
                                                          outbox_rows, deliver, clock):
    make_user(email="kim@example.org")
    monkeypatch.setitem(app.config, "MAIL_TIMEOUT", 5)
    with serving(SilentHandler) as hung:
        use_mail_server(app, monkeypatch, hung.server_address[1])
        started = time.monotonic()
        response = client.post("/forgot-password", data={"email": "kim@example.org"})
        took = time.monotonic() - started

        assert response.status_code == 200 and took < app.config["MAIL_TIMEOUT"]
        assert outbox_rows()[0].attempts == 0, "the sender is still waiting for the server"
        deadline = time.monotonic() + 30
        while not (rows := outbox_rows())[0].attempts and time.monotonic() < deadline:
            time.sleep(0.05)
    [row] = rows
    assert row.status == MessageStatus.WAITING and row.attempts == 1
    assert "timed out" in row.last_error.lower()

    with serving(FakeSMTPHandler) as server:
        use_mail_server(app, monkeypatch, server.server_address[1])
        clock.move_on(timedelta(minutes=2))
        assert deliver().sent == 1
    [delivery] = server.received
    assert delivery["message"]["Subject"] == "Reset your password"


def test_a_server_that_cannot_be_reached_stops_the_run_after_one_message(app, monkeypatch, by_command, queue_email,
                                                                          outbox_rows, deliver):
    use_mail_server(app, monkeypatch, closed_port())
    for _ in range(3):
        queue_email()

    run = deliver()

    assert run.retrying == 1 and run.stopped and "ConnectionRefusedError" in run.stopped
    assert [row.attempts for row in outbox_rows()] == [1, 0, 0]


def test_failures_back_off_then_the_message_is_a_dead_letter(app, monkeypatch, queue_email, outbox_rows, deliver,
                                                             clock):
    use_mail_server(app, monkeypatch, closed_port())
    queue_email()  # the first attempt follows the commit

    waits = []
    for _ in range(app.config["MAIL_MAX_ATTEMPTS"] - 1):
        [row] = outbox_rows()
        assert row.status == MessageStatus.WAITING
        waits.append(row.next_attempt_at - row.last_attempt_at)
        clock.move_to(row.next_attempt_at - timedelta(seconds=1))
        assert deliver().retrying == 0, "not before its time"
        clock.move_to(row.next_attempt_at + timedelta(seconds=1))
        deliver()

    assert waits == SCHEDULE
    [row] = outbox_rows()
    assert row.status == MessageStatus.DEAD and row.attempts == app.config["MAIL_MAX_ATTEMPTS"]
    clock.move_on(timedelta(days=30))
    assert deliver().dead == 0 and outbox_rows()[0].attempts == app.config["MAIL_MAX_ATTEMPTS"]


def test_a_permanent_refusal_is_a_dead_letter_at_once_and_a_temporary_one_is_retried(
    app, smtp_server, queue_email, outbox_rows,
):
    smtp_server.refuse_recipients.update({
        "nobody@example.org": "550 No such user", "full@example.org": "452 Mailbox full, try later",
    })
    queue_email(to="nobody@example.org")
    queue_email(to="full@example.org")
    queue_email(to="kim@example.org")

    nobody, full, kim = outbox_rows()
    assert (nobody.status, nobody.attempts) == (MessageStatus.DEAD, 1) and "550" in nobody.last_error
    assert (full.status, full.attempts) == (MessageStatus.WAITING, 1) and "452" in full.last_error
    assert kim.status == MessageStatus.SENT
    assert [delivery["to"] for delivery in smtp_server.received] == [["<kim@example.org>"]]


def test_a_claim_left_by_a_sender_that_died_expires_and_the_message_goes(app, by_command, queue_email, outbox_rows,
                                                                         deliver, clock):
    queue_email()
    with app.app_context():
        assert sender.claim(db.session, outbox_rows()[0].id, utcnow()) is not None

    assert deliver().sent == 0, "another sender holds it"
    clock.move_on(timedelta(seconds=app.config["MAIL_CLAIM_SECONDS"] + 1))
    assert deliver().sent == 1
    assert len(_files(app)) == 1


def test_senders_at_once_deliver_each_message_exactly_once(app, by_command, queue_email, outbox_rows, monkeypatch):
    for number in range(12):
        queue_email(to=f"person{number}@example.org")
    write = sender.FileTransport.send

    def slow_write(self, *args):
        time.sleep(0.02)  # long enough for the other senders to reach the same rows
        return write(self, *args)

    monkeypatch.setattr(sender.FileTransport, "send", slow_write)
    runs = at_once(app, 4, sender.deliver_due)

    assert sum(run.sent for run in runs) == 12
    recipients = [BytesParser(policy=policy.default).parsebytes(path.read_bytes())["To"] for path in _files(app)]
    assert sorted(recipients) == sorted(f"person{number}@example.org" for number in range(12))
    assert all(row.status == MessageStatus.SENT and row.attempts == 1 for row in outbox_rows())


KILLED_AFTER_COMMIT = textwrap.dedent("""
    import os, signal, sys
    from sqlalchemy import event
    from sqlalchemy.orm import Session
    from portal import create_app
    from portal.accounts import services
    from portal.extensions import db

    app = create_app({**CONFIG})
    with app.test_request_context():
        services.request_password_reset("kim@example.org")
        # Before any other after-commit hook, so before the sender is even woken.
        event.listen(Session, "after_commit", lambda session: os.kill(os.getpid(), signal.SIGKILL), insert=True)
        db.session.commit()
    print("still alive")
""")


def test_a_process_killed_between_commit_and_sending_loses_nothing(app, make_user, outbox_rows, tmp_path):
    make_user(email="kim@example.org")
    config = {
        **_test_config(),
        "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"],
        "SEARCH_INDEX_DIR": str(tmp_path / "index"),
        "INSTANCE_PATH": app.instance_path,
        "MAIL_DELIVERY": "background",
    }
    script = KILLED_AFTER_COMMIT.replace("{**CONFIG}", repr(config))
    killed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                            cwd=Path(__file__).resolve().parents[2])

    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert "still alive" not in killed.stdout
    [row] = outbox_rows()
    assert row.status == MessageStatus.WAITING and row.subject == "Reset your password"
    assert _files(app) == []

    sent = app.test_cli_runner().invoke(args=["mail", "send"])
    again = app.test_cli_runner().invoke(args=["mail", "send"])

    assert sent.exit_code == 0 and "Sent 1 emails" in sent.output
    assert "Sent 0 emails" in again.output
    [eml] = _files(app)
    assert eml.read_bytes() == row.raw


def test_the_command_says_what_it_did_and_fails_when_the_server_cannot_be_reached(app, monkeypatch, by_command,
                                                                                   queue_email):
    queue_email()
    use_mail_server(app, monkeypatch, closed_port())

    result = app.test_cli_runner().invoke(args=["mail", "send"])

    assert result.exit_code == 1
    assert "Sent 0 emails; 1 failed and will be tried again; 0 failed for good" in result.output
    assert "could not be reached" in result.output


def test_the_retry_schedule():
    assert [sender.retry_delay(attempt) for attempt in range(1, 8)] == SCHEDULE


def test_a_message_stuck_claimed_is_never_marked_by_the_sender_that_lost_its_claim(app, by_command, queue_email,
                                                                                    outbox_rows):
    queue_email()
    message_id = outbox_rows()[0].id
    with app.app_context():
        token = sender.claim(db.session, message_id, utcnow())
        # Its claim ran out and another sender took the message over.
        db.session.execute(update(OutboxMessage).where(OutboxMessage.id == message_id).values(claim="someone-else"))
        db.session.commit()
        sender._finish(db.session, message_id, token, 1, None, False, sender.DeliveryRun())
    [row] = outbox_rows()
    assert row.status == MessageStatus.WAITING and row.claim == "someone-else"


def test_an_unknown_delivery_mode_is_refused_at_start(tmp_path):
    with pytest.raises(RuntimeError, match="MAIL_DELIVERY"):
        create_app({**_test_config(), "MAIL_DELIVERY": "sideways", "SQLALCHEMY_DATABASE_URI": "sqlite://",
                    "INSTANCE_PATH": str(tmp_path)})
