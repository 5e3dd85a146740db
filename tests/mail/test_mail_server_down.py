"""With the mail server down, the pages that send email still answer, the change stands, and the email
goes once the server is back. Delivery runs right after the commit here, in the request's own thread
(the harshest case: in production a thread of its own does it)."""
from __future__ import annotations

from datetime import timedelta

import pytest

from portal.employers.models import Organisation
from portal.extensions import db
from portal.mail.models import MessageStatus
from tests.factories import sign_in
from tests.mail.servers import FakeSMTPHandler, closed_port, serving, use_mail_server


def forgot_password(app, client, request):
    request.getfixturevalue("make_user")(email="kim@example.org")
    response = client.post("/forgot-password", data={"email": "kim@example.org"})
    return response, "kim@example.org", "Reset your password"


def new_alert(app, client, request):
    response = client.post("/alerts/new?q=nurse", data={"email": "lee@example.org", "frequency": "daily"})
    return response, "lee@example.org", "Confirm your job alert"


def approval(app, client, request):
    organisation = request.getfixturevalue("make_organisation")(name="Soar Therapy", status="pending")
    request.getfixturevalue("make_recruiter")(organisation, email="lead@soar.example.org")
    sign_in(client, request.getfixturevalue("make_admin")())
    response = client.post(f"/admin/organisations/{organisation.id}/approve")
    with app.app_context():
        assert db.session.get(Organisation, organisation.id).status == "approved"
    return response, "lead@soar.example.org", "Soar Therapy is approved on Proud to Care LLR"


@pytest.mark.parametrize("action", [forgot_password, new_alert, approval], ids=lambda action: action.__name__)
def test_the_page_answers_and_the_email_goes_once_the_server_is_back(app, client, request, monkeypatch, action,
                                                                       outbox_rows, deliver, clock):
    use_mail_server(app, monkeypatch, closed_port())

    response, recipient, subject = action(app, client, request)

    assert response.status_code in (200, 302)
    [row] = [row for row in outbox_rows() if row.recipient == recipient]
    assert row.subject == subject and row.status == MessageStatus.WAITING and row.attempts == 1
    with serving(FakeSMTPHandler) as server:
        use_mail_server(app, monkeypatch, server.server_address[1])
        clock.move_on(timedelta(minutes=2))
        deliver()
        deliver()
    assert [(item["to"], item["message"]["Subject"]) for item in server.received] == [([f"<{recipient}>"], subject)]
