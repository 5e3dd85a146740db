"""A new alert says when its next email is due, and can send its first digest at once: the jobs already open."""
import threading
from datetime import datetime, timedelta

import pytest

from portal.alerts import commands, services
from portal.templating import format_uk_when
from portal.time import utcnow
from tests.alerts.conftest import confirm_path, digests, jobs_in
from tests.factories import sign_in
from tests.jobsearch.html import parse, text_of

# 10:00 UTC on a Wednesday in winter (UK time is UTC) and in summer (UK time is an hour ahead).
WINTER = datetime(2026, 12, 2, 10, 0)
SUMMER = datetime(2026, 7, 1, 10, 0)


@pytest.mark.parametrize("due, now, expected", [
    pytest.param(WINTER + timedelta(hours=2), WINTER, "today around 12pm", id="later today"),
    pytest.param(WINTER - timedelta(hours=2), WINTER, "today around 8am", id="overdue: the next run"),
    pytest.param(WINTER + timedelta(days=1, minutes=-25), WINTER, "tomorrow around 10am", id="to the nearest hour"),
    pytest.param(WINTER + timedelta(days=7), WINTER, "Wednesday 9 December around 10am", id="next week"),
    pytest.param(SUMMER + timedelta(days=1), SUMMER, "tomorrow around 11am", id="British Summer Time"),
])
def test_when_the_next_email_is_due_in_words(due, now, expected):
    assert format_uk_when(due, now) == expected


def test_my_alerts_say_when_the_next_email_is_due(app, client, make_user, make_alert):
    user = make_user()
    make_alert(user, "daily", q="nurse")
    make_alert(user, "weekly", q="porter")
    sign_in(client, user)

    page = text_of(client.get("/alerts"))

    now = utcnow()
    assert f"Next email {format_uk_when(now + timedelta(days=1), now).capitalize()}, if there are new jobs" in page
    assert f"Next email {format_uk_when(now + timedelta(days=7), now).capitalize()}, if there are new jobs" in page


def test_send_me_the_matching_jobs_now_sends_once_then_the_digests_continue(
    app, client, make_user, employer, make_vacancy, make_alert, run_digests, outbox,
):
    older = make_vacancy(employer, title="Staff Nurse", published_at=utcnow() - timedelta(days=10))
    make_vacancy(employer, title="Porter")
    user = make_user(email="kim@example.org")
    alert_id = make_alert(user, q="nurse")
    sign_in(client, user)
    assert parse(client.get("/alerts")).xpath(f"//form[@action='/alerts/{alert_id}/send-now']")

    response = client.post(f"/alerts/{alert_id}/send-now", follow_redirects=True)

    assert "We have emailed kim@example.org 1 matching job." in text_of(response)
    [first] = digests(outbox())
    assert jobs_in(first) == [older.id]
    assert not parse(response).xpath(f"//form[@action='/alerts/{alert_id}/send-now']")
    assert "Next email Tomorrow around" in text_of(response)

    # A second click, or the same form from another tab, sends nothing more.
    again = client.post(f"/alerts/{alert_id}/send-now", follow_redirects=True)
    assert "The first email for this alert has already been sent." in text_of(again)
    assert len(digests(outbox())) == 1

    # The next digest, a day later, lists only what is new since.
    newer = make_vacancy(employer, title="Night Nurse")
    run = run_digests(days=1)
    assert run.emails_sent == 1
    assert jobs_in(digests(outbox())[-1]) == [newer.id]


def test_no_matching_jobs_yet(app, client, make_user, make_alert, outbox):
    user = make_user()
    alert_id = make_alert(user, q="astronaut")
    sign_in(client, user)

    response = client.post(f"/alerts/{alert_id}/send-now", follow_redirects=True)

    assert "No open jobs match this alert at the moment." in text_of(response)
    assert outbox() == []


def test_a_failed_email_is_sent_by_the_next_run(app, client, make_user, employer, make_vacancy, make_alert,
                                                  run_digests, monkeypatch, outbox):
    make_vacancy(employer, title="Staff Nurse", published_at=utcnow() - timedelta(days=10))
    user = make_user()
    alert_id = make_alert(user, q="nurse")
    sign_in(client, user)

    def refused(*args, **kwargs):
        raise ConnectionRefusedError()

    real_send_email = services.send_email
    monkeypatch.setattr(services, "send_email", refused)
    response = client.post(f"/alerts/{alert_id}/send-now", follow_redirects=True)
    assert "We could not send the email just now." in text_of(response)

    monkeypatch.setattr(services, "send_email", real_send_email)
    assert run_digests(days=0).emails_sent == 1
    assert len(digests(outbox())) == 1


@pytest.mark.parametrize("whose", ["someone else's", "an address's, not confirmed", "unknown"])
def test_only_my_own_alerts_can_be_sent_now(app, client, make_user, make_alert, whose, outbox):
    alert_id = {
        "someone else's": lambda: make_alert(make_user(), q="nurse"),
        "an address's, not confirmed": lambda: make_alert("kim@example.org", confirmed=False, q="nurse"),
        "unknown": lambda: 99999,
    }[whose]()
    sign_in(client, make_user())

    assert client.post(f"/alerts/{alert_id}/send-now").status_code == 404
    assert outbox() == []


def test_sending_now_needs_signing_in(client, make_user, make_alert):
    alert_id = make_alert(make_user(), q="nurse")
    response = client.post(f"/alerts/{alert_id}/send-now")
    assert response.status_code == 302 and "/sign-in" in response.headers["Location"]


def test_the_command_says_how_many_were_due_and_when_the_next_is(app, employer, make_vacancy, make_alert,
                                                                   monkeypatch, outbox):
    make_alert("kim@example.org", "daily", q="nurse")
    make_alert("lee@example.org", "daily", q="astronaut")
    make_alert("sam@example.org", "weekly", q="nurse")
    make_vacancy(employer, title="Staff Nurse")
    now = utcnow() + timedelta(days=1, minutes=1)
    monkeypatch.setattr(commands, "utcnow", lambda: now)

    result = app.test_cli_runner().invoke(args=["alerts", "send"])

    assert result.exit_code == 0, result.output
    assert "2 alerts were due: sent 1 emails listing 1 vacancies; 1 had no new jobs" in result.output
    assert f"Next alert due {format_uk_when(now + timedelta(days=1), now)}" in result.output


def test_a_visitor_can_send_the_first_digest_from_the_confirmation_page(
    app, client, employer, make_vacancy, outbox,
):
    open_already = make_vacancy(employer, title="Staff Nurse", published_at=utcnow() - timedelta(days=10))
    client.post("/alerts/new?q=nurse", data={"email": "kim@example.org", "frequency": "weekly"})
    [confirmation] = outbox()
    confirm = confirm_path(confirmation)

    page = client.get(confirm)
    assert "Next email: " in text_of(page)
    [form] = parse(page).xpath("//form[.//button[contains(., 'Send me the matching jobs now')]]")
    assert form.get("action") == f"{confirm}/send-now"

    response = client.post(form.get("action"), follow_redirects=True)
    assert "We have emailed kim@example.org 1 matching job." in text_of(response)
    assert [jobs_in(message) for message in digests(outbox())] == [[open_already.id]]
    assert not parse(response).xpath("//button[contains(., 'Send me the matching jobs now')]")

    again = client.post(form.get("action"), follow_redirects=True)
    assert "The first email for this alert has already been sent." in text_of(again)
    assert client.post(f"{confirm}x/send-now").status_code == 400
    assert len(digests(outbox())) == 1


def test_clicks_at_the_same_moment_send_one_email(app, make_user, employer, make_vacancy, make_alert, monkeypatch,
                                                   outbox):
    make_vacancy(employer, title="Staff Nurse", published_at=utcnow() - timedelta(days=10))
    alert_id = make_alert(make_user(), q="nurse")
    real_send = services.send_email

    def slow_send(*args, **kwargs):
        # Keeps the first click busy long enough for the others to reach the alert.
        threading.Event().wait(0.05)
        return real_send(*args, **kwargs)

    monkeypatch.setattr(services, "send_email", slow_send)
    start = threading.Barrier(3)
    results, errors = [], []

    def click():
        try:
            with app.app_context():
                start.wait()
                results.append(services.send_first_digest(alert_id, utcnow()))
        except Exception as error:  # reported below, on the test's thread
            errors.append(error)

    threads = [threading.Thread(target=click) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert sorted(results, key=str) == [1, None, None]
    assert len(digests(outbox())) == 1
