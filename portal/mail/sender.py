"""Delivering the outbox: by SMTP when MAIL_SERVER is set, otherwise as .eml files in <instance>/outbox.

Who sends, and when:

- After a commit that queued mail, the web process wakes its sender thread (``MAIL_DELIVERY =
  "background"``, the default), which delivers what is due on its own database session and then
  sleeps; it also wakes every ``MAIL_POLL_SECONDS`` for retries that fall due. No request waits for
  it, so a mail server that is down or hung only delays the email. Tests set "immediate": delivery
  runs in the committing thread, right after the commit. "command" leaves everything to the command.
- ``flask mail send``, scheduled every minute, delivers whatever is due, so mail queued by a process
  that died before its sender ran (or by a command) still goes.

Exactly one attempt is in flight per message, across threads, processes and machines: a sender first
claims the row with a compare-and-set UPDATE (waiting, due, and unclaimed or with an expired claim),
checked by its row count, and commits the claim before it talks to the mail server. PostgreSQL
re-checks the condition after waiting for a concurrent claim's row lock, and SQLite runs one writer
at a time, so of two senders at once only one wins. A sender that dies mid-attempt leaves a claim that
expires after ``MAIL_CLAIM_SECONDS``; the message is then tried again. The one repeat a database cannot
rule out is a crash after the server accepted the message and before its row was marked sent.

A failed attempt is retried after 1 minute, 5 minutes, 30 minutes, 2 hours, then every 12 hours, up to
``MAIL_MAX_ATTEMPTS`` attempts; a permanent refusal (a 5xx answer) or the last failure makes it a dead
letter, which only an administrator's retry sends again. When the server cannot be reached at all, the
run stops after that message rather than wait on each of the others.
"""
from __future__ import annotations

import atexit
import logging
import os
import re
import smtplib
import threading
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from flask import Flask, current_app, has_app_context
from sqlalchemy import event, or_, select, update
from sqlalchemy.orm import Session

from portal.extensions import db
from portal.mail.models import MessageStatus, OutboxMessage
from portal.time import utcnow

log = logging.getLogger(__name__)

DELIVERY_MODES = ("background", "immediate", "command")
RETRY_DELAYS = (
    timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=30), timedelta(hours=2), timedelta(hours=12),
)
BATCH = 100
ERROR_LENGTH = 1000
# Session.info key: this transaction queued mail, so its commit wakes the sender.
QUEUED = "mail_queued"
# Refusals of one message; the connection stays usable for the next (smtplib resets the transaction).
MESSAGE_REFUSALS = (smtplib.SMTPRecipientsRefused, smtplib.SMTPSenderRefused, smtplib.SMTPDataError)


def retry_delay(attempts: int) -> timedelta:
    """How long to wait after the ``attempts``-th failed attempt."""
    return RETRY_DELAYS[min(attempts, len(RETRY_DELAYS)) - 1]


def outbox_dir() -> Path:
    return Path(current_app.instance_path) / "outbox"


# Waking the sender after a commit

def note_queued(session: Session) -> None:
    session.info[QUEUED] = True


@event.listens_for(Session, "after_commit")
def _deliver_after_commit(session: Session) -> None:
    if not session.info.pop(QUEUED, False) or not has_app_context():
        return
    mode = current_app.config["MAIL_DELIVERY"]
    if mode == "background":
        current_app.extensions["mail_sender"].wake()
    elif mode == "immediate":
        try:
            deliver_due()
        except Exception:
            # The commit stands and the mail is queued: the command delivers it.
            log.exception("Delivering mail after a commit failed")


@event.listens_for(Session, "after_rollback")
def _nothing_queued(session: Session) -> None:
    session.info.pop(QUEUED, None)


# Transports

class SmtpTransport:
    """One connection for a run, opened at the first message, with a short timeout on every step."""

    def __init__(self, config) -> None:
        self.config = config
        self.smtp: smtplib.SMTP | None = None

    def send(self, envelope_from: str, recipient: str, raw: bytes) -> None:
        if self.smtp is None:
            self.smtp = self._connect()
        options = [] if (envelope_from + recipient).isascii() else ["SMTPUTF8", "BODY=8BITMIME"]
        try:
            self.smtp.sendmail(envelope_from, [recipient], _crlf(raw), mail_options=options)
        except MESSAGE_REFUSALS:
            raise
        except BaseException:
            self.close()
            raise

    def _connect(self) -> smtplib.SMTP:
        config = self.config
        smtp = smtplib.SMTP(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=config["MAIL_TIMEOUT"])
        try:
            if config.get("MAIL_USE_TLS"):
                smtp.starttls()
            if config.get("MAIL_USERNAME"):
                smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
        except BaseException:
            smtp.close()
            raise
        return smtp

    def close(self) -> None:
        smtp, self.smtp = self.smtp, None
        if smtp is None:
            return
        try:
            smtp.quit()
        except (smtplib.SMTPException, OSError):
            smtp.close()


def _crlf(raw: bytes) -> bytes:
    """SMTP wants CRLF line ends; the stored message (and the .eml file) has the policy's LF."""
    return re.sub(rb"\r?\n", b"\r\n", raw)


class FileTransport:
    """Without a mail server: each message becomes an .eml file, named so that the files sort in the
    order they were delivered. It appears whole (written aside, then renamed)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def send(self, envelope_from: str, recipient: str, raw: bytes) -> Path:
        self.folder.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S.%f")
        path = self.folder / f"{stamp}-{uuid.uuid4().hex[:8]}.eml"
        partial = path.with_suffix(".part")
        partial.write_bytes(raw)
        os.replace(partial, path)
        return path

    def close(self) -> None:
        pass


@contextmanager
def _transport():
    config = current_app.config
    transport = SmtpTransport(config) if config.get("MAIL_SERVER") else FileTransport(outbox_dir())
    try:
        yield transport
    finally:
        transport.close()


# Delivering

@dataclass
class DeliveryRun:
    sent: int = 0
    retrying: int = 0
    dead: int = 0
    # Why the run ended early: the mail server could not be reached.
    stopped: str | None = None


def deliver_due() -> DeliveryRun:
    """Try each message that is due now, oldest first, on a database session of its own (so that it
    can run right after another session's commit). Safe to run in any number of places at once."""
    run = DeliveryRun()
    tried: set[int] = set()
    with Session(db.engine) as session, _transport() as transport:
        while run.stopped is None:
            due = [message_id for message_id in _due_ids(session, utcnow()) if message_id not in tried]
            session.rollback()
            if not due:
                break
            for message_id in due:
                tried.add(message_id)
                _attempt(session, transport, message_id, run)
                if run.stopped is not None:
                    break
    return run


def _due(now: datetime):
    return (
        OutboxMessage.status == MessageStatus.WAITING.value,
        OutboxMessage.next_attempt_at <= now,
        or_(OutboxMessage.claimed_until.is_(None), OutboxMessage.claimed_until < now),
    )


def _due_ids(session: Session, now: datetime) -> list[int]:
    return list(session.scalars(
        select(OutboxMessage.id).where(*_due(now))
        .order_by(OutboxMessage.next_attempt_at, OutboxMessage.id).limit(BATCH)
    ))


def claim(session: Session, message_id: int, now: datetime) -> str | None:
    """Claim one due message for this sender and commit the claim; its token, or None when another
    sender has it (or it was sent, or is no longer due)."""
    token = uuid.uuid4().hex
    lease = timedelta(seconds=current_app.config["MAIL_CLAIM_SECONDS"])
    claimed = session.execute(
        update(OutboxMessage).where(OutboxMessage.id == message_id, *_due(now))
        .values(claim=token, claimed_until=now + lease)
        .execution_options(synchronize_session=False)
    ).rowcount
    session.commit()
    return token if claimed == 1 else None


def _attempt(session: Session, transport, message_id: int, run: DeliveryRun) -> None:
    token = claim(session, message_id, utcnow())
    if token is None:
        return
    envelope_from, recipient, raw, subject, attempts = session.execute(
        select(OutboxMessage.envelope_from, OutboxMessage.recipient, OutboxMessage.raw, OutboxMessage.subject,
               OutboxMessage.attempts)
        .where(OutboxMessage.id == message_id)
    ).one()
    # No transaction stays open while the mail server is talked to.
    session.rollback()
    failure, permanent = None, False
    try:
        written = transport.send(envelope_from, recipient, raw)
    except MESSAGE_REFUSALS as refusal:
        failure, permanent = refusal, _permanent(refusal)
    except Exception as error:  # any failure is recorded on the message, which is tried again
        failure = error
        if isinstance(error, OSError):
            run.stopped = f"{type(error).__name__}: {error}"
    else:
        if written is not None:
            log.info("Mail is not configured: wrote %s to %s", subject, written)
    _finish(session, message_id, token, attempts + 1, failure, permanent, run)


def _permanent(refusal: smtplib.SMTPException) -> bool:
    if isinstance(refusal, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _message in refusal.recipients.values())
    return refusal.smtp_code >= 500


def _finish(session: Session, message_id: int, token: str, attempts: int, failure: Exception | None,
            permanent: bool, run: DeliveryRun) -> None:
    now = utcnow()
    values = {"attempts": attempts, "last_attempt_at": now, "claim": None, "claimed_until": None}
    if failure is None:
        values |= {"status": MessageStatus.SENT.value, "sent_at": now, "last_error": None}
        run.sent += 1
    else:
        dead = permanent or attempts >= current_app.config["MAIL_MAX_ATTEMPTS"]
        values |= {"last_error": f"{type(failure).__name__}: {failure}"[:ERROR_LENGTH]}
        if dead:
            values |= {"status": MessageStatus.DEAD.value}
            run.dead += 1
            log.error("Email %s failed for good after %s attempts: %s", message_id, attempts, failure)
        else:
            values |= {"next_attempt_at": now + retry_delay(attempts)}
            run.retrying += 1
            log.warning("Email %s failed (attempt %s), tried again after %s: %s", message_id, attempts,
                        retry_delay(attempts), failure)
    finished = session.execute(
        update(OutboxMessage).where(OutboxMessage.id == message_id, OutboxMessage.claim == token).values(**values)
        .execution_options(synchronize_session=False)
    ).rowcount
    session.commit()
    if not finished:
        log.warning("Email %s: its claim ran out during the attempt, so another sender may try it again", message_id)


# The web process's sender thread

class BackgroundSender:
    """A daemon thread per process, started by the first commit that queues mail (so after gunicorn
    forks its workers, each starts its own), delivering on its own app context and session. At exit it
    gets one last run, bounded by the mail timeout, so mail queued just before a shutdown goes."""

    def __init__(self, app: Flask) -> None:
        self.app = app
        self._reset()
        os.register_at_fork(after_in_child=self._reset)
        atexit.register(self.stop)

    def _reset(self) -> None:
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._wake = threading.Event()
        self._stop = threading.Event()

    def wake(self) -> None:
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._stop.clear()
                self._thread = threading.Thread(target=self._run, name="mail-sender", daemon=True)
                self._thread.start()
        self._wake.set()

    def _run(self) -> None:
        while True:
            self._wake.wait(timeout=self.app.config["MAIL_POLL_SECONDS"])
            self._wake.clear()
            try:
                with self.app.app_context():
                    deliver_due()
            except Exception:
                log.exception("The mail sender's run failed; it tries again when woken")
            if self._stop.is_set():
                return

    def stop(self, timeout: float | None = None) -> None:
        """Finish with one last run and end the thread (waiting at most ``timeout`` seconds)."""
        thread = self._thread
        if thread is None or not thread.is_alive():
            return
        self._stop.set()
        self._wake.set()
        thread.join(timeout if timeout is not None else 3 * self.app.config["MAIL_TIMEOUT"] + 5)


def init_app(app: Flask) -> None:
    if app.config["MAIL_DELIVERY"] not in DELIVERY_MODES:
        raise RuntimeError(f"MAIL_DELIVERY must be one of {', '.join(DELIVERY_MODES)}")
    app.extensions["mail_sender"] = BackgroundSender(app)
