"""The outbox holds addresses and message bodies: a person's export lists the emails to them, deleting the
account deletes them, and sent messages are purged after MAIL_RETENTION_DAYS."""
from __future__ import annotations

import io
import json
import zipfile
from datetime import timedelta

from sqlalchemy import update

from portal.extensions import db
from portal.mail.models import MessageStatus, OutboxMessage
from portal.time import utcnow
from tests.factories import PASSWORD, sign_in


def test_the_export_lists_the_emails_to_the_person_without_their_bodies(client, make_user, queue_email):
    user = make_user(email="priya@example.org", full_name="Priya Shah")
    queue_email(to="Priya@Example.org")
    queue_email(to="someone@example.org")

    sign_in(client, user)
    archive = zipfile.ZipFile(io.BytesIO(client.post("/account/data/export").data))
    data = json.loads(archive.read("data.json"))

    [email] = data["emails"]
    assert email["to"] == "Priya@Example.org" and email["subject"] == "Your password has been changed"
    assert email["status"] == "sent" and email["sent_at"]
    assert "someone@example.org" not in json.dumps(data) and "forgot-password" not in json.dumps(data)


def test_deleting_the_account_deletes_the_emails_to_it(app, client, make_user, queue_email, outbox_rows):
    user = make_user(email="leaving@example.org")
    queue_email(to="leaving@example.org")
    queue_email(to="staying@example.org")

    sign_in(client, user)
    response = client.post("/account/delete", data={"understood": "y", "password": PASSWORD})

    assert response.status_code == 200
    assert [row.recipient for row in outbox_rows()] == ["staying@example.org"]


def test_sent_emails_are_purged_after_the_retention_period(app, by_command, queue_email, outbox_rows, deliver):
    for recipient in ("old@example.org", "recent@example.org", "dead@example.org", "waiting@example.org"):
        queue_email(to=recipient)
    deliver()
    old, recent, dead, waiting = (row.id for row in outbox_rows())
    days = app.config["MAIL_RETENTION_DAYS"]
    with app.app_context():
        long_ago = utcnow() - timedelta(days=days + 1)
        db.session.execute(update(OutboxMessage).where(OutboxMessage.id == old).values(sent_at=long_ago))
        db.session.execute(update(OutboxMessage).where(OutboxMessage.id.in_([dead, waiting])).values(
            sent_at=None, created_at=long_ago, status=MessageStatus.WAITING.value))
        db.session.execute(update(OutboxMessage).where(OutboxMessage.id == dead).values(status=MessageStatus.DEAD.value))
        db.session.commit()

    result = app.test_cli_runner().invoke(args=["privacy", "purge-applications"])
    again = app.test_cli_runner().invoke(args=["privacy", "purge-applications"])

    assert result.exit_code == 0, result.output
    assert f"Emails sent more than {days} days ago: 1 deleted" in result.output
    assert f"Emails sent more than {days} days ago: 0 deleted" in again.output
    assert sorted(row.id for row in outbox_rows()) == sorted([recent, dead, waiting])
