"""Commands run by a scheduler have no request to take the site's address from: they need SITE_URL."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from werkzeug.datastructures import MultiDict

from portal.alerts import services as alerts
from portal.extensions import db
from portal.jobsearch.params import parse_search_args
from portal.site_address import NO_SITE_ADDRESS, site_address
from portal.time import utcnow


def due_alert(app, request) -> None:
    """A confirmed alert made two days ago, and a job posted since."""
    with app.app_context():
        alert, _ = alerts.create_alert(parse_search_args(MultiDict()).params, "daily", "kim@example.org")
        alerts.confirm_alert(alert)
        alert.created_at = alert.next_due_at = utcnow() - timedelta(days=2)
        db.session.commit()
    request.getfixturevalue("make_vacancy")(request.getfixturevalue("make_organisation")())


def expiring_record(app, request) -> None:
    request.getfixturevalue("catalogue")
    holder = request.getfixturevalue("make_user")(email="kim@example.org")
    request.getfixturevalue("make_record")(
        holder, "driving_licence", level=None, completed_on=date.today() - timedelta(days=365),
        expires_on=date.today() + timedelta(days=30),
    )


COMMANDS_THAT_SEND_MAIL = [
    pytest.param(["alerts", "send"], due_alert, id="alerts send"),
    pytest.param(["passport", "send-reminders"], expiring_record, id="passport send-reminders"),
]


@pytest.mark.parametrize("args, make_work", COMMANDS_THAT_SEND_MAIL)
def test_refuses_and_sends_nothing_until_the_site_address_is_known(app, request, args, make_work, monkeypatch, outbox):
    make_work(app, request)
    monkeypatch.setitem(app.config, "SERVER_NAME", None)
    monkeypatch.setitem(app.config, "SITE_URL", "")
    runner = app.test_cli_runner()

    refused = runner.invoke(args=args)

    assert refused.exit_code == 1
    assert NO_SITE_ADDRESS in " ".join(refused.output.split())
    assert outbox() == []

    monkeypatch.setitem(app.config, "SITE_URL", "http://127.0.0.1:5123")
    monkeypatch.setitem(app.config, "SERVER_NAME", "localhost")  # SITE_URL wins over it
    sent = runner.invoke(args=args)

    assert sent.exit_code == 0, sent.output
    [message] = outbox()
    assert "http://127.0.0.1:5123/" in message.get_body(preferencelist=("plain",)).get_content()


@pytest.mark.parametrize("site_url, expected", [
    pytest.param("http://127.0.0.1:5123", "http://127.0.0.1:5123", id="make run on another port"),
    pytest.param("https://jobs.example.org/", "https://jobs.example.org", id="trailing slash"),
    pytest.param("", "http://localhost", id="SERVER_NAME when SITE_URL is unset"),
])
def test_the_site_address_is_site_url_else_server_name(app, site_url, expected, monkeypatch):
    monkeypatch.setitem(app.config, "SITE_URL", site_url)
    with app.app_context():
        assert site_address() == expected
