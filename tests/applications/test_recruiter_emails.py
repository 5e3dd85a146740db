"""Recruiters are emailed when applications arrive: at once, in a daily summary, or never, as each
chooses. No notice is lost when sending fails, and none is sent twice."""
from __future__ import annotations

import quopri
import re
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from portal.accounts.models import User
from portal.applications import notices
from portal.applications.models import ApplicationEmails, ApplicationNotice
from portal.accounts.roles import Role
from portal.extensions import db
from portal.time import utcnow


def _choose(app, user, choice: ApplicationEmails) -> None:
    with app.app_context():
        notices.set_email_choice(db.session.get(User, user.id), choice)
        db.session.commit()


def _emails_to(outbox, address: str) -> list:
    return [email for email in outbox() if email["To"] == address]


def _run_summaries(app, later=timedelta(hours=1)):
    """A scheduled run, by default an hour on (past the grace left to "at once" emails)."""
    with app.app_context(), app.test_request_context(base_url="https://jobs.example.org"):
        return notices.send_summaries(utcnow() + later)


@pytest.mark.parametrize("choice,at_once,in_summary", [
    (None, 1, 0),
    (ApplicationEmails.AT_ONCE, 1, 0),
    (ApplicationEmails.DAILY, 0, 1),
    (ApplicationEmails.NEVER, 0, 0),
], ids=["unchosen-is-at-once", "at-once", "daily-summary", "never"])
def test_each_recruiter_is_emailed_as_they_chose(app, employer, vacancy, make_recruiter, applicant, outbox,
                                                 choice, at_once, in_summary):
    recruiter = make_recruiter(employer, full_name="Rita Patel", email="rita@charnwood.example.org")
    if choice is not None:
        _choose(app, recruiter, choice)

    applicant(vacancy)
    sent_at_once = len(_emails_to(outbox, recruiter.email))
    _run_summaries(app)
    _run_summaries(app)

    assert sent_at_once == at_once
    assert len(_emails_to(outbox, recruiter.email)) == at_once + in_summary


@pytest.mark.parametrize("who,emailed", [
    ("recruiter", True),
    ("trainer", False),
    ("suspended recruiter", False),
    ("recruiter elsewhere", False),
], ids=["organisations-recruiter", "trainer-of-the-organisation", "deactivated-account", "other-organisation"])
def test_only_the_organisations_active_recruiters_are_told(app, employer, vacancy, make_organisation, make_user,
                                                           applicant, outbox, who, emailed):
    organisation = make_organisation(name="Elsewhere Care") if who == "recruiter elsewhere" else employer
    role = Role.TRAINER if who == "trainer" else Role.RECRUITER
    person = make_user(email="person@example.org", full_name="Rita Patel", roles=(role,), organisation=organisation)
    if who == "suspended recruiter":
        with app.app_context():
            db.session.get(User, person.id).is_active_account = False
            db.session.commit()

    applicant(vacancy)

    assert bool(_emails_to(outbox, "person@example.org")) is emailed


def test_a_daily_summary_lists_every_application_once(app, employer, portal_vacancy, make_recruiter, applicant, outbox):
    recruiter = make_recruiter(employer, full_name="Rita Patel", email="rita@charnwood.example.org")
    _choose(app, recruiter, ApplicationEmails.DAILY)
    first, second = portal_vacancy(title="Care Worker"), portal_vacancy(title="Night Carer")
    references = [applicant(first, full_name="Sam Taylor").reference, applicant(second, full_name="Alex Morgan").reference]

    run = _run_summaries(app)
    again = _run_summaries(app)

    [summary] = _emails_to(outbox, recruiter.email)
    text = summary.get_body(("plain",)).get_content()
    assert summary["Subject"] == "2 new applications to read"
    assert all(reference in text for reference in references)
    assert "Sam Taylor" not in text and "Alex Morgan" not in text
    assert (run.emails_sent, run.applications_listed, again.emails_sent) == (1, 2, 0)


def test_a_notice_that_could_not_be_sent_at_once_goes_with_the_next_run(app, employer, vacancy, make_recruiter,
                                                                        applicant, outbox, monkeypatch):
    recruiter = make_recruiter(employer, full_name="Rita Patel", email="rita@charnwood.example.org")

    def mail_server_down(*args, **kwargs):
        raise OSError("connection refused")

    with monkeypatch.context() as patched:
        patched.setattr(notices, "send_email", mail_server_down)
        application = applicant(vacancy)
    assert _emails_to(outbox, recruiter.email) == []

    run = _run_summaries(app)

    [email] = _emails_to(outbox, recruiter.email)
    assert application.reference in email.get_body(("plain",)).get_content()
    assert run.emails_sent == 1


def test_a_notice_claimed_by_another_run_is_left_alone(app, employer, vacancy, make_recruiter, applicant, outbox):
    """Two runs at once: the notice another run has claimed is not sent by this one, and once that
    claim has lapsed (its run died) the notice is sent."""
    recruiter = make_recruiter(employer, full_name="Rita Patel", email="rita@charnwood.example.org")
    _choose(app, recruiter, ApplicationEmails.DAILY)
    applicant(vacancy)
    with app.app_context():
        claimed = notices._claim([ApplicationNotice.recipient_id == recruiter.id], utcnow())
        assert len(claimed) == 1

    assert _run_summaries(app, later=timedelta(0)).emails_sent == 0
    assert _run_summaries(app, later=notices.CLAIM_DURATION + timedelta(minutes=1)).emails_sent == 1
    assert len(_emails_to(outbox, recruiter.email)) == 1


def test_choosing_never_drops_waiting_notices(app, employer, vacancy, make_recruiter, applicant, outbox):
    recruiter = make_recruiter(employer, full_name="Rita Patel", email="rita@charnwood.example.org")
    _choose(app, recruiter, ApplicationEmails.DAILY)
    applicant(vacancy)
    _choose(app, recruiter, ApplicationEmails.NEVER)

    _run_summaries(app)

    assert _emails_to(outbox, recruiter.email) == []
    with app.app_context():
        assert db.session.scalars(select(ApplicationNotice)).all() == []


def test_the_email_sent_at_once_as_raw_bytes(app, employer, vacancy, make_recruiter, applicant):
    recruiter = make_recruiter(employer, full_name="Rita Patel", email="rita@charnwood.example.org")
    application = applicant(vacancy)

    [raw] = [
        path.read_bytes() for path in sorted((Path(app.instance_path) / "outbox").glob("*.eml"))
        if b"To: rita@charnwood.example.org" in path.read_bytes()
    ]
    head, _, body = raw.partition(b"\n\n")
    assert re.search(rb"^Subject: New application for Care Worker$", head, re.M)
    assert re.search(rb"^From: .+$", head, re.M) and re.search(rb"^Message-ID: <.+>$", head, re.M)
    assert re.search(rb"^Content-Type: multipart/alternative;", head, re.M)
    assert b"Content-Type: text/plain" in body and b"Content-Type: text/html" in body
    link = f"/recruiter/applications/{application.id}".encode()
    plain, html = body.split(b"Content-Type: text/html")
    html = quopri.decodestring(html)
    assert b"Hello Rita Patel" in plain and application.reference.encode() in plain and link in plain
    assert application.reference.encode() in html and b'href="http' in html and link in html
    assert b"/recruiter/application-emails" in plain and b"/recruiter/application-emails" in html
    assert b"Sam Taylor" not in raw


@pytest.mark.parametrize("who,status", [
    ("recruiter", 200),
    ("job seeker", 403),
    ("signed out", 302),
], ids=["recruiter-chooses", "job-seeker-may-not", "signed-out-is-sent-to-sign-in"])
def test_who_may_choose_their_application_emails(app, employer, make_recruiter, make_user, who, status):
    from tests.applications.conftest import signed_in_client

    client = app.test_client()
    if who == "recruiter":
        client = signed_in_client(app, make_recruiter(employer).id)
    elif who == "job seeker":
        client = signed_in_client(app, make_user().id)
    assert client.get("/recruiter/application-emails").status_code == status


def test_a_recruiter_saves_their_choice_on_the_settings_page(app, employer, make_recruiter):
    from tests.applications.conftest import signed_in_client

    recruiter = make_recruiter(employer)
    client = signed_in_client(app, recruiter.id)
    page = client.get("/recruiter/application-emails").get_data(as_text=True)
    assert 'value="at_once" checked' in page

    saved = client.post("/recruiter/application-emails", data={"choice": "daily"})
    refused = client.post("/recruiter/application-emails", data={"choice": "hourly"})

    assert saved.status_code == 302
    assert refused.status_code == 200 and "Select when to be emailed about new applications" in refused.get_data(as_text=True)
    with app.app_context():
        assert notices.email_choice(db.session.get(User, recruiter.id)) is ApplicationEmails.DAILY


def test_the_daily_summary_as_raw_bytes_from_the_command(app, employer, vacancy, make_recruiter, applicant):
    recruiter = make_recruiter(employer, full_name="Rita Patel", email="rita@charnwood.example.org")
    _choose(app, recruiter, ApplicationEmails.DAILY)
    application = applicant(vacancy)

    result = app.test_cli_runner().invoke(args=["applications", "send-summaries"])
    again = app.test_cli_runner().invoke(args=["applications", "send-summaries"])

    assert result.exit_code == 0 and "Sent 1 emails listing 1 applications" in result.output
    assert "Sent 0 emails" in again.output
    [raw] = [
        path.read_bytes() for path in sorted((Path(app.instance_path) / "outbox").glob("*.eml"))
        if b"To: rita@charnwood.example.org" in path.read_bytes()
    ]
    head, _, body = raw.partition(b"\n\n")
    assert re.search(rb"^Subject: 1 new application to read$", head, re.M)
    plain, html = (quopri.decodestring(part) for part in body.split(b"Content-Type: text/html"))
    link = f"/recruiter/applications/{application.id}".encode()
    assert b"1 new application has arrived" in plain and link in plain
    assert re.search(rb'href="https?://[^"/]+' + link + b'"', html) and application.reference.encode() in html


@pytest.mark.parametrize("deleted", ["recruiter", "applicant"], ids=["recruiter-deletes-account", "applicant-deletes-account"])
def test_deleting_an_account_removes_its_waiting_notices(app, employer, vacancy, make_recruiter, applicant, deleted):
    from portal.applications.personal_data import export_application_emails
    from portal.privacy.services import delete_account

    recruiter = make_recruiter(employer, full_name="Rita Patel")
    _choose(app, recruiter, ApplicationEmails.DAILY)
    application = applicant(vacancy)
    with app.app_context():
        assert export_application_emails(db.session.get(User, recruiter.id)) == {"choice": "daily"}
        delete_account(db.session.get(User, recruiter.id if deleted == "recruiter" else application.user_id))
        db.session.commit()
        assert db.session.scalars(select(ApplicationNotice)).all() == []
