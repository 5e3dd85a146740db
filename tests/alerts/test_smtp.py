"""Mail goes out by SMTP when MAIL_SERVER is set: a small in-process SMTP server receives it."""
from __future__ import annotations

from datetime import timedelta

from portal.alerts import services
from portal.time import utcnow


def test_digest_is_delivered_by_smtp_with_both_parts_and_unsubscribe_headers(
    app, smtp_server, make_organisation, make_vacancy, make_alert, outbox,
):
    make_alert("kim@example.org")
    vacancy = make_vacancy(make_organisation(name="Quorn Care"), title="Care Worker")

    with app.app_context():
        run = services.send_due_digests(utcnow() + timedelta(days=1))

    assert run.emails_sent == 1
    [delivery] = smtp_server.received
    assert delivery["from"] == "<alerts@proudtocare.example>" and delivery["to"] == ["<kim@example.org>"]
    message = delivery["message"]
    assert message["To"] == "kim@example.org"
    assert message["List-Unsubscribe"].startswith("<http://localhost/alerts/unsubscribe/")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert vacancy.title in message.get_body(preferencelist=("plain",)).get_content()
    assert "<a href=" in message.get_body(preferencelist=("html",)).get_content()
    # Nothing is written to the outbox when SMTP is configured.
    assert outbox() == []
