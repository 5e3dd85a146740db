"""Every kind of email the portal sends, read as the raw bytes a mail provider receives (the outbox's .eml files).

Each is queued by its own service, in a transaction the test then commits, with the site served on an unusual
port, so a link built from anything but SITE_URL shows. Names are long and non-ASCII on purpose: they are what used to fold and encode headers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest
from werkzeug.datastructures import MultiDict

from portal.accounts import services as accounts
from portal.accounts.models import User
from portal.admin import services as admin
from portal.alerts import services as alerts
from portal.applications import services as applications
from portal.applications import notices
from portal.applications.models import Application
from portal.employers import services as employers
from portal.employers.models import Organisation
from portal.extensions import db
from portal.jobsearch.params import parse_search_args
from portal.passport.reminders import Due, send_reminder_email
from portal.vacancies.models import Vacancy
from tests.privacy.helpers import make_application

SITE = "http://127.0.0.1:5123"
EMPLOYER = "University Hospitals of Leicester NHS Trust \u2013 Leicester Royal Infirmary and Glenfield Hospital"
TITLE = "Registered Nurse \u2013 Adult Critical Care Unit, Band 5 (rotational days and nights, 37.5 hours)"
LINK = re.compile(r"https?://[^\s\"'<>]+")


@dataclass
class World:
    organisation: Organisation
    recruiter: User
    seeker: User
    vacancy: Vacancy
    application: Application


@pytest.fixture
def world(app, make_organisation, make_recruiter, make_user, make_vacancy, monkeypatch):
    monkeypatch.setitem(app.config, "SERVER_NAME", None)
    monkeypatch.setitem(app.config, "SITE_URL", SITE)
    organisation = make_organisation(name=EMPLOYER)
    recruiter = make_recruiter(organisation, email="rita@example.org")
    seeker = make_user(email="kim@example.org", full_name="Kim O\u2019Neill")
    vacancy = make_vacancy(organisation, title=TITLE)
    application_id = make_application(app, seeker, vacancy)["id"]
    with app.app_context(), app.test_request_context(base_url=SITE):
        yield World(
            db.session.get(Organisation, organisation.id), db.session.get(User, recruiter.id),
            db.session.get(User, seeker.id), db.session.get(Vacancy, vacancy.id),
            db.session.get(Application, application_id),
        )


def _alert(world: World, confirmed: bool) -> alerts.JobAlert:
    params = parse_search_args(MultiDict({"q": "nurse critical care"})).params
    alert, _ = alerts.create_alert(params, "daily", "kim@example.org")
    if confirmed:
        alerts.confirm_alert(alert)
    db.session.commit()
    return alert


def _invite(world: World) -> None:
    invitation, token = employers.invite_colleague(world.organisation, "sam@example.org", world.recruiter)
    employers.send_invitation(invitation, token, world.recruiter)


def _change_status(world: World) -> None:
    world.application.status = "interview"
    applications.notify_status_change(world.application)


def _application_arrived(world: World) -> None:
    notices.record_notices(world.application)
    notices.send_at_once(world.application)


def _applications_summary(world: World) -> None:
    notices.set_email_choice(world.recruiter, notices.ApplicationEmails.DAILY)
    notices.record_notices(world.application)
    db.session.commit()
    notices.send_summaries()


def _remind(world: World) -> None:
    send_reminder_email(world.seeker, [Due(1, "Moving and handling people", date.today() + timedelta(days=30))])


# kind, how it is sent, Subject, a path its links must reach (None: it has no link), one-click unsubscribe
MESSAGES = [
    pytest.param(lambda w: accounts.request_password_reset(w.seeker.email),
                 "Reset your password", "/reset-password/", False, id="password_reset"),
    pytest.param(lambda w: accounts.notify_password_changed(w.seeker),
                 "Your password has been changed", "/", False, id="password_changed"),
    pytest.param(lambda w: accounts.notify_email_changed(w.seeker, "kim.old@example.org"),
                 "Your email address has been changed", None, False, id="email_changed"),
    pytest.param(lambda w: applications.notify_submitted(w.application),
                 f"Application sent: {TITLE}", "/applications", False, id="application_submitted"),
    pytest.param(_change_status, f"Your application for {TITLE}: Invited to interview", "/applications", False,
                 id="application_status"),
    pytest.param(_application_arrived, f"New application for {TITLE}", "/recruiter/applications/", False,
                 id="application_arrived"),
    pytest.param(_applications_summary, "1 new application to read", "/recruiter/applications/", False,
                 id="applications_summary"),
    pytest.param(_invite, f"Join {EMPLOYER} on Proud to Care LLR", "/invitations/", False, id="invitation"),
    pytest.param(lambda w: admin.notify_approval(w.organisation),
                 f"{EMPLOYER} is approved on Proud to Care LLR", "/employers/", False, id="organisation_approved"),
    pytest.param(_remind, "1 record in your skills passport expires soon", "/passport", False, id="passport_reminder"),
    pytest.param(lambda w: alerts.send_confirmation(_alert(w, confirmed=False)),
                 "Confirm your job alert", "/alerts/confirm/", True, id="alert_confirm"),
    pytest.param(lambda w: alerts.send_digest_email(_alert(w, confirmed=True), [w.vacancy]),
                 "1 new job: \u201cnurse critical care\u201d", "/jobs/", True, id="alert_digest"),
]


def header_lines(raw: bytes) -> list[str]:
    head = raw.split(b"\n\n", 1)[0].decode("ascii")
    return head.split("\n")


@pytest.mark.parametrize("send, subject, path, one_click", MESSAGES)
def test_the_raw_message_is_as_mail_providers_expect(app, world, send, subject, path, one_click):
    send(world)
    db.session.commit()

    [eml] = sorted((Path(app.instance_path) / "outbox").glob("*.eml"))
    raw = eml.read_bytes()
    lines = header_lines(raw)
    folded = [line for line in lines if line[:1] in (" ", "\t")]
    assert folded == [], "headers are written whole, never folded"
    headers = dict(line.split(": ", 1) for line in lines)
    assert re.fullmatch(r"<[^<>\s]+@proudtocare\.example>", headers["Message-ID"])
    assert headers["Date"] and headers["To"]
    assert not headers["Subject"].startswith((" ", "\t")) and headers["Subject"].strip()

    message = BytesParser(policy=policy.default).parsebytes(raw)
    assert message["Subject"] == subject
    assert message.get_content_type() == "multipart/alternative"
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    for part in (text, html):
        links = LINK.findall(part)
        assert all(link.startswith(SITE + "/") for link in links), links
        if path is not None:
            assert any(link.startswith(SITE + path) for link in links), links

    if one_click:
        assert re.fullmatch(rf"<{re.escape(SITE)}/alerts/unsubscribe/[^<>\s]+>", headers["List-Unsubscribe"])
        assert len(headers["List-Unsubscribe"]) > 78, "long enough that it would have been folded before"
        assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    else:
        assert "List-Unsubscribe" not in headers
