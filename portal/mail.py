"""Outgoing email: SMTP when configured, otherwise .eml files in the instance outbox."""
from __future__ import annotations

import smtplib
import uuid
from datetime import datetime, timezone
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid, parseaddr
from pathlib import Path

from flask import current_app, render_template


# Headers are not folded below RFC 5322's limit of 998 characters. At the usual 78 a long List-Unsubscribe URL,
# which has no space to fold at, would be sent as encoded words, and mail providers then offer no one-click
# unsubscribe (RFC 8058); subjects would fold just as awkwardly.
MAIL_POLICY = policy.default.clone(max_line_length=998)


def outbox_dir() -> Path:
    return Path(current_app.instance_path) / "outbox"


def send_email(to: str, subject: str, template: str, headers: dict[str, str] | None = None, **context) -> EmailMessage:
    """Send ``templates/email/<template>.txt`` and ``.html`` as a two-part message."""
    sender = current_app.config["MAIL_SENDER"]
    subject = " ".join(subject.split())
    message = EmailMessage(policy=MAIL_POLICY)
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = format_datetime(datetime.now(timezone.utc))
    message["Message-ID"] = make_msgid(domain=parseaddr(sender)[1].rpartition("@")[2] or "proudtocare.local")
    for name, value in (headers or {}).items():
        message[name] = value
    context.setdefault("subject", subject)
    message.set_content(render_template(f"email/{template}.txt", **context))
    message.add_alternative(render_template(f"email/{template}.html", **context), subtype="html")
    _deliver(message)
    return message


def _deliver(message: EmailMessage) -> None:
    config = current_app.config
    if config.get("MAIL_SERVER"):
        with smtplib.SMTP(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=30) as smtp:
            if config.get("MAIL_USE_TLS"):
                smtp.starttls()
            if config.get("MAIL_USERNAME"):
                smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
            smtp.send_message(message)
        return
    folder = outbox_dir()
    folder.mkdir(parents=True, exist_ok=True)
    # To the microsecond, so that the files sort in the order the messages were sent.
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S.%f")
    path = folder / f"{stamp}-{uuid.uuid4().hex[:8]}.eml"
    path.write_bytes(message.as_bytes())
    current_app.logger.info("Mail is not configured: wrote %s to %s", message["Subject"], path)
