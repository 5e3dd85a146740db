"""Digest runs: what each alert is sent, when, and that runs side by side or cut short send each match once."""
import threading
from collections import Counter
from datetime import date, timedelta

import pytest

from portal.admin.services import approve_organisation
from portal.alerts import commands, services
from portal.alerts.models import JobAlert
from portal.employers.models import Organisation
from portal.extensions import db
from portal.time import utcnow
from portal.vacancies.models import Vacancy
from tests.alerts.conftest import OAKHAM, digests, html_part, jobs_in, sent_pairs, text_part


def test_digest_lists_matches_published_since_the_alert_was_made(
    app, employer, make_organisation, make_vacancy, make_alert, run_digests, outbox,
):
    old = make_vacancy(employer, title="Staff Nurse", published_at=utcnow() - timedelta(hours=1))
    make_alert("kim@example.org", q="nurse", location="Loughborough")
    nurse = make_vacancy(employer, title="Staff Nurse", pay_min=31049, pay_max=37796, pay_period="year",
                         closing_date=date(2031, 5, 4))
    later_nurse = make_vacancy(employer, title="Night Nurse")
    make_vacancy(employer, title="Care Worker")
    make_vacancy(make_organisation(name="Rutland Care", **OAKHAM), title="Staff Nurse")
    make_vacancy(employer, title="Cook", status="draft", published_at=None)

    run = run_digests(days=1)

    assert (run.alerts_checked, run.emails_sent, run.vacancies_sent, run.failures) == (1, 1, 2, 0)
    [message] = outbox()
    assert message["To"] == "kim@example.org"
    assert message["Subject"] == "2 new jobs: \u201cnurse\u201d; within 10 miles of Loughborough"
    assert jobs_in(message) == [later_nurse.id, nurse.id]
    assert old.id not in jobs_in(message)
    text, html = text_part(message), html_part(message)
    for part in (text, html):
        assert "Staff Nurse" in part and "Charnwood Care Home" in part
        assert "£31,049 to £37,796 a year" in part and "Closes 4 May 2031" in part
        assert f"http://localhost/jobs/{nurse.id}/{nurse.slug}" in part
    assert "http://localhost/jobs?location=Loughborough&q=nurse" in text
    assert "http://localhost/jobs?location=Loughborough&amp;q=nurse" in html
    unsubscribe = message["List-Unsubscribe"]
    assert unsubscribe.startswith("<http://localhost/alerts/unsubscribe/") and unsubscribe.endswith(">")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe[1:-1] in text


def test_the_unsubscribe_header_works_with_one_post(
    app, client, employer, make_vacancy, make_alert, run_digests, outbox,
):
    make_alert("kim@example.org")
    make_vacancy(employer)
    run_digests()
    path = outbox()[0]["List-Unsubscribe"][1:-1].removeprefix("http://localhost")

    assert client.post(path, data={"List-Unsubscribe": "One-Click"}).status_code == 200

    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(JobAlert)) == 0


def test_keywords_must_all_match(employer, make_vacancy, make_alert, run_digests, outbox):
    make_alert("kim@example.org", q="night nurse")
    make_vacancy(employer, title="Staff Nurse")
    make_vacancy(employer, title="Night Porter")

    run_digests()

    assert outbox() == []


def test_never_the_same_vacancy_twice(app, employer, make_vacancy, make_alert, run_digests, outbox, deliveries):
    alert_id = make_alert("kim@example.org")
    first = make_vacancy(employer, title="Care Worker")
    run_digests(days=1)
    second = make_vacancy(employer, title="Senior Care Worker")
    # The first is edited after it was sent; it is still only sent once.
    with app.app_context():
        db.session.get(Vacancy, first.id).summary = "Now with paid training."
        db.session.commit()

    run_digests(days=2)
    run_digests(days=3)
    run_digests(days=3)

    assert [jobs_in(message) for message in outbox()] in ([[first.id], [second.id]], [[second.id], [first.id]])
    assert deliveries() == {(alert_id, first.id): "sent", (alert_id, second.id): "sent"}


def test_a_run_with_nothing_new_sends_nothing_and_waits_for_the_next_slot(
    employer, make_vacancy, make_alert, run_digests, outbox, get_alert,
):
    alert_id = make_alert("kim@example.org")
    created = get_alert(alert_id).created_at

    run = run_digests(days=1)

    assert (run.alerts_checked, run.emails_sent) == (1, 0)
    assert outbox() == []
    alert = get_alert(alert_id)
    assert alert.last_digest_at is None and alert.next_due_at == created + timedelta(days=2)


def test_unconfirmed_alerts_get_nothing_until_confirmed(app, employer, make_vacancy, make_alert, run_digests, outbox):
    alert_id = make_alert("kim@example.org", confirmed=False)
    vacancy = make_vacancy(employer)

    assert run_digests(days=1).alerts_checked == 0
    assert outbox() == []

    with app.app_context():
        services.confirm_alert(db.session.get(JobAlert, alert_id))
        db.session.commit()
    run_digests(days=1)

    assert [jobs_in(message) for message in outbox()] == [[vacancy.id]]


def test_daily_and_weekly_alerts_fall_due_on_their_own_beat(employer, make_vacancy, make_alert, run_digests, outbox):
    make_alert("daily@example.org", frequency="daily")
    make_alert("weekly@example.org", frequency="weekly")
    make_vacancy(employer)

    run_digests(days=0.5)
    assert outbox() == []

    # A scheduler running a little early still finds alerts due within the hour.
    run_digests(days=1 - 0.5 / 24)
    assert [message["To"] for message in outbox()] == ["daily@example.org"]

    run_digests(days=6)
    assert len(digests(outbox(), to="weekly@example.org")) == 0
    run_digests(days=7)
    assert len(digests(outbox(), to="weekly@example.org")) == 1
    # Each alert once, whatever ran in between.
    assert Counter(sent_pairs(outbox())).most_common(1)[0][1] == 1


def test_frequency_option_runs_only_that_frequency(employer, make_vacancy, make_alert, run_digests, outbox):
    make_alert("daily@example.org", frequency="daily")
    make_alert("weekly@example.org", frequency="weekly")
    make_vacancy(employer)

    assert run_digests(days=8, frequency="weekly").alerts_checked == 1
    assert [message["To"] for message in outbox()] == ["weekly@example.org"]


def test_a_stopped_scheduler_does_not_cause_a_burst(employer, make_vacancy, make_alert, run_digests, outbox, get_alert):
    alert_id = make_alert("kim@example.org")
    created = get_alert(alert_id).created_at
    make_vacancy(employer)

    run_digests(days=5.5)
    run_digests(days=5.6)

    assert len(outbox()) == 1
    assert get_alert(alert_id).next_due_at == created + timedelta(days=6)


def test_a_vacancy_closed_before_its_digest_is_left_out(
    app, employer, make_vacancy, make_alert, run_digests, outbox, deliveries, monkeypatch,
):
    alert_id = make_alert("kim@example.org")
    vacancy = make_vacancy(employer)
    monkeypatch.setattr(services, "send_email", failing_send_email(fail_on={1}))
    run_digests()
    monkeypatch.undo()
    with app.app_context():
        db.session.get(Vacancy, vacancy.id).status = "closed"
        db.session.commit()

    run_digests()

    assert outbox() == []
    assert deliveries() == {(alert_id, vacancy.id): "skipped"}


def failing_send_email(fail_on: set[int], error: type[BaseException] = ConnectionError):
    """send_email that raises on the given calls (1 = the first) and sends the others."""
    real = services.send_email
    calls = []

    def send(*args, **kwargs):
        calls.append(args)
        if len(calls) in fail_on:
            raise error("mail server went away")
        return real(*args, **kwargs)

    return send


class Crash(BaseException):
    """Stands for the process dying: nothing below the command catches it."""


def test_an_alert_run_interrupted_half_way_and_run_again_sends_each_match_once(
    app, employer, make_vacancy, make_alert, run_digests, outbox, deliveries, monkeypatch,
):
    alert_ids = [make_alert(f"person{n}@example.org") for n in range(4)]
    first = [make_vacancy(employer, title=f"Care Worker {n}").id for n in range(3)]

    # The second email fails and the run carries on; the retry takes the whole process down.
    monkeypatch.setattr(services, "send_email", failing_send_email(fail_on={2}))
    assert run_digests(days=1).failures == 1
    monkeypatch.setattr(services, "send_email", failing_send_email(fail_on={1}, error=Crash))
    with pytest.raises(Crash):
        run_digests(days=1)
    monkeypatch.undo()
    assert len(outbox()) == 3
    assert "pending" in deliveries().values()

    # Another vacancy is published before the next run.
    late = make_vacancy(employer, title="Care Worker late").id
    # The crashed run still holds its alert until the claim expires.
    run_digests(days=1)
    assert len(outbox()) == 3
    monkeypatch.setattr(services, "utcnow", lambda: _later(services.CLAIM_DURATION))
    run_digests(days=1)
    monkeypatch.undo()
    run_digests(days=2)

    pairs = Counter(sent_pairs(outbox()))
    assert set(pairs) == {(f"person{n}@example.org", v) for n in range(4) for v in [*first, late]}
    assert max(pairs.values()) == 1
    assert set(deliveries().values()) == {"sent"}
    assert set(deliveries()) == {(a, v) for a in alert_ids for v in [*first, late]}


def _later(delay: timedelta):
    return utcnow() + delay + timedelta(minutes=1)


def test_two_runs_at_once_send_each_match_once(app, employer, make_vacancy, make_alert, outbox, monkeypatch):
    for n in range(8):
        make_alert(f"person{n}@example.org", frequency="weekly" if n % 2 else "daily")
    vacancies = [make_vacancy(employer, title=f"Care Worker {n}").id for n in range(3)]
    real_send = services.send_email

    def slow_send(*args, **kwargs):
        # Keeps each run busy long enough for the other to reach the same alerts.
        threading.Event().wait(0.02)
        return real_send(*args, **kwargs)

    monkeypatch.setattr(services, "send_email", slow_send)
    start = threading.Barrier(3)
    runs, errors = [], []
    now = utcnow() + timedelta(days=8)

    def run():
        try:
            with app.app_context():
                start.wait()
                runs.append(services.send_due_digests(now))
        except Exception as error:  # reported below, on the test's thread
            errors.append(error)

    threads = [threading.Thread(target=run) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert sum(run.emails_sent for run in runs) == 8
    pairs = Counter(sent_pairs(outbox()))
    assert set(pairs) == {(f"person{n}@example.org", v) for n in range(8) for v in vacancies}
    assert max(pairs.values()) == 1


def test_claims_exclude_other_runs_until_released_or_expired(app, make_alert, monkeypatch):
    alert_id = make_alert("kim@example.org")
    with app.app_context():
        due = utcnow() + timedelta(days=1)
        assert services.claim_alert(alert_id, due)
        assert not services.claim_alert(alert_id, due)
        services.release_alert(alert_id)
        db.session.commit()
        assert services.claim_alert(alert_id, due)
        monkeypatch.setattr(services, "utcnow", lambda: _later(services.CLAIM_DURATION))
        assert services.claim_alert(alert_id, due)
        # Not yet due.
        services.release_alert(alert_id)
        db.session.commit()
        assert not services.claim_alert(alert_id, utcnow())


def test_the_command_reports_and_fails_when_emails_fail(app, employer, make_vacancy, make_alert, monkeypatch, outbox):
    make_alert("kim@example.org")
    make_vacancy(employer)
    runner = app.test_cli_runner()
    monkeypatch.setattr(commands, "utcnow", lambda: _later(timedelta(days=1)))
    monkeypatch.setattr(services, "send_email", failing_send_email(fail_on={1}))

    result = runner.invoke(args=["alerts", "send"])
    assert result.exit_code == 1 and "1 alerts could not be sent" in result.output

    monkeypatch.setattr(services, "send_email", failing_send_email(fail_on=set()))
    result = runner.invoke(args=["alerts", "send", "--frequency", "daily"])
    assert result.exit_code == 0, result.output
    assert "sent 1 emails listing 1 vacancies" in result.output
    assert len(outbox()) == 1


def test_links_from_the_command_use_site_url(app, employer, make_vacancy, make_alert, monkeypatch, outbox):
    make_alert("kim@example.org")
    vacancy = make_vacancy(employer)
    monkeypatch.setattr(commands, "utcnow", lambda: _later(timedelta(days=1)))
    monkeypatch.setitem(app.config, "SERVER_NAME", None)
    monkeypatch.setitem(app.config, "SITE_URL", "https://jobs.example.org")

    result = app.test_cli_runner().invoke(args=["alerts", "send"])

    assert result.exit_code == 0, result.output
    [message] = outbox()
    assert f"https://jobs.example.org/jobs/{vacancy.id}/" in text_part(message)
    assert message["List-Unsubscribe"].startswith("<https://jobs.example.org/alerts/unsubscribe/")


def test_vacancies_appear_in_digests_when_their_employer_is_approved(
    app, make_organisation, make_vacancy, make_alert, run_digests, outbox,
):
    newcomer = make_organisation(name="Melton Home Care", status="pending")
    posted_before_the_alert = make_vacancy(newcomer, title="Home Carer", published_at=utcnow() - timedelta(days=3))
    make_alert("kim@example.org", q="carer")
    posted_after = make_vacancy(newcomer, title="Senior Home Carer")
    run_digests(days=1)
    assert outbox() == []

    with app.app_context():
        approve_organisation(db.session.get(Organisation, newcomer.id))
        db.session.commit()
    # Days later, when both vacancies' posting dates are long before the run's window.
    run_digests(days=5)

    [message] = outbox()
    assert sorted(jobs_in(message)) == [posted_before_the_alert.id, posted_after.id]
