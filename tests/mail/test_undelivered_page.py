"""The workforce team's page of emails that failed for good or wait to be tried again, and sending a dead
letter again: admins only, audited, once however often the button is pressed."""
from __future__ import annotations

import pytest
from lxml import html
from sqlalchemy import select

from portal.accounts.roles import Role
from portal.audit.models import AuditEvent
from portal.extensions import db
from portal.mail.models import MessageStatus, OutboxMessage
from tests.factories import sign_in
from tests.mail.servers import closed_port, use_mail_server


@pytest.fixture
def failed(app, monkeypatch, queue_email, outbox_rows):
    """A dead letter to nobody@example.org and a message to kim@example.org waiting for its second try."""
    use_mail_server(app, monkeypatch, closed_port())
    queue_email(to="nobody@example.org")
    queue_email(to="kim@example.org")
    dead, waiting = outbox_rows()
    with app.app_context():
        db.session.get(OutboxMessage, dead.id).status = MessageStatus.DEAD.value
        db.session.commit()
    return dead.id, waiting.id


def _rows(page: str, caption: str) -> list[str]:
    tree = html.fromstring(page)
    [table] = tree.xpath(f"//table[contains(caption, '{caption}')]")
    return [" ".join(row.text_content().split()) for row in table.xpath(".//tbody/tr")]


def test_admins_see_dead_letters_and_those_waiting_to_retry(admin_client, failed):
    response = admin_client.get("/admin/mail")

    page = response.get_data(as_text=True)
    assert response.status_code == 200 and page.count("<h1") == 1
    assert "no-store" in response.headers["Cache-Control"]
    [dead] = _rows(page, "failed for good")
    [waiting] = _rows(page, "waiting to be tried again")
    for row, recipient in ((dead, "nobody@example.org"), (waiting, "kim@example.org")):
        assert recipient in row and "Your password has been changed" in row and "ConnectionRefusedError" in row
    assert "Send again" in dead and "Send again" not in waiting


def test_the_page_is_in_the_admin_navigation(admin_client):
    page = admin_client.get("/admin").get_data(as_text=True)
    assert html.fromstring(page).xpath("//header//a[@href='/admin/mail']")
    assert html.fromstring(page).xpath("//main//a[@href='/admin/mail']")


@pytest.mark.parametrize("who, status", [
    ("signed out", 302), ("job seeker", 403), ("recruiter", 403),
])
def test_nobody_else_may_see_the_page_or_send_again(app, client, make_user, make_organisation, failed, who, status,
                                                    outbox_rows):
    if who == "job seeker":
        sign_in(client, make_user())
    elif who == "recruiter":
        sign_in(client, make_user(roles=(Role.RECRUITER,), organisation=make_organisation()))
    dead_id, _ = failed

    assert client.get("/admin/mail").status_code == status
    assert client.post(f"/admin/mail/{dead_id}/retry").status_code == status
    assert outbox_rows()[0].status == MessageStatus.DEAD


def test_sending_a_dead_letter_again_is_audited_and_it_goes(app, admin_client, monkeypatch, failed, outbox_rows):
    dead_id, _ = failed
    monkeypatch.setitem(app.config, "MAIL_SERVER", "")  # the cause is fixed: here, mail goes to the outbox folder

    response = admin_client.post(f"/admin/mail/{dead_id}/retry", follow_redirects=True)

    assert response.status_code == 200
    assert "is being sent again" in response.get_data(as_text=True)
    row = next(row for row in outbox_rows() if row.id == dead_id)
    assert row.status == MessageStatus.SENT and row.attempts == 1
    with app.app_context():
        [event] = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "mail_retried")).all()
        assert (event.subject_type, event.subject_id) == ("OutboxMessage", dead_id)
        assert event.actor_id is not None
        assert event.detail["recipient"] == "nobody@example.org"


def test_sending_again_twice_sends_once(app, admin_client, failed, outbox_rows):
    dead_id, _ = failed

    first = admin_client.post(f"/admin/mail/{dead_id}/retry")
    second = admin_client.post(f"/admin/mail/{dead_id}/retry", follow_redirects=True)

    assert first.status_code == 302
    assert "is already being sent again" in second.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(
            select(db.func.count()).select_from(AuditEvent).where(AuditEvent.action == "mail_retried")
        ) == 1


@pytest.mark.parametrize("message_id", ["99999", "0", "not-a-number", "99999999999"])
def test_an_unknown_message_is_a_404(admin_client, message_id):
    assert admin_client.post(f"/admin/mail/{message_id}/retry").status_code == 404


def test_a_message_that_is_waiting_is_not_sent_again_early(admin_client, failed, outbox_rows):
    _, waiting_id = failed
    response = admin_client.post(f"/admin/mail/{waiting_id}/retry", follow_redirects=True)
    assert "is already being sent again" in response.get_data(as_text=True)
    assert next(row for row in outbox_rows() if row.id == waiting_id).attempts == 1
