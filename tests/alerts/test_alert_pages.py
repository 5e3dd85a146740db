"""Setting up, confirming, listing, changing and deleting job alerts through the website."""
import json
from datetime import timedelta

import pytest
from itsdangerous import URLSafeSerializer
from werkzeug.datastructures import MultiDict

from portal.alerts import services
from portal.alerts.models import AlertDelivery, JobAlert
from portal.extensions import db
from portal.jobsearch.params import parse_search_args
from portal.time import utcnow
from tests.alerts.conftest import confirm_path, html_part, text_part
from tests.factories import sign_in
from tests.jobsearch.html import parse, text_of
from tests.test_page_structure import check


def all_alerts(app) -> list[JobAlert]:
    with app.app_context():
        alerts = list(db.session.scalars(db.select(JobAlert).order_by(JobAlert.id)))
        db.session.expunge_all()
        return alerts


def test_search_page_offers_alerts_with_an_email_field_only_to_visitors(client, make_user):
    page = parse(client.get("/jobs?q=nurse&location=Loughborough&radius=5&page=2"))
    form = page.xpath("//form[@method='post'][.//input[@name='frequency']]")[0]
    assert form.get("action").startswith("/alerts/new?")
    assert "q=nurse" in form.get("action") and "radius=5" in form.get("action")
    assert page.xpath("//input[@name='email'][@id='alert-email']")
    assert page.xpath("//h2[@id='job-alerts']")

    sign_in(client, make_user())
    page = parse(client.get("/jobs?q=nurse"))
    assert not page.xpath("//input[@name='email']")
    assert page.xpath("//input[@name='frequency']")


def test_no_alert_form_while_the_search_has_a_problem(client):
    assert not parse(client.get("/jobs?location=Atlantis")).xpath("//input[@name='frequency']")


def test_signed_in_alert_is_confirmed_at_once_and_listed(app, client, make_user):
    user = make_user(email="sam@example.org")
    sign_in(client, user)

    response = client.post(
        "/alerts/new?q=nurse&location=Loughborough&sort=newest&page=3&posted_within=7",
        data={"frequency": "weekly"},
    )

    assert response.status_code == 302 and response.headers["Location"].endswith("/alerts")
    [alert] = all_alerts(app)
    assert (alert.user_id, alert.email, alert.frequency) == (user.id, "sam@example.org", "weekly")
    assert alert.confirmed_at is not None
    assert json.loads(alert.query) == {"q": "nurse", "location": "Loughborough"}
    assert alert.label == "\u201cnurse\u201d; within 10 miles of Loughborough"
    listing = text_of(client.get("/alerts"))
    assert "\u201cnurse\u201d; within 10 miles of Loughborough" in listing and "Weekly" in listing
    assert "set up" in listing


def test_saving_the_same_search_again_keeps_one_alert(app, client, make_user):
    sign_in(client, make_user())
    client.post("/alerts/new?q=nurse", data={"frequency": "daily"})
    client.post("/alerts/new?q=nurse&page=2", data={"frequency": "weekly"})

    assert len(all_alerts(app)) == 1
    assert "already have a job alert for this search" in text_of(client.get("/alerts"))


def test_label_names_every_filter(app, make_organisation):
    employer = make_organisation(name="Rutland Hospice")
    with app.test_request_context():
        params = parse_search_args(MultiDict([
            ("sector", "acute_trust"), ("contract_type", "bank"), ("contract_type", "permanent"),
            ("employer", str(employer.id)), ("min_pay", "25000"),
        ])).params
        assert services.saved_search(params)["contract_type"] == ["bank", "permanent"]
        assert services.describe_alert(params) == (
            "NHS acute trust; Permanent or Bank; Rutland Hospice; paying at least £25,000 a year"
        )
        assert services.describe_alert(parse_search_args(MultiDict()).params) == "All jobs"


def test_visitor_alert_waits_for_the_emailed_link(app, client, outbox, make_user):
    owner = make_user(email="alex@example.org")

    response = client.post("/alerts/new?q=care+worker", data={"email": " Alex@Example.org ", "frequency": "daily"})

    assert response.status_code == 200
    assert "Check your email" in text_of(response) and "alex@example.org" in text_of(response)
    [alert] = all_alerts(app)
    assert alert.confirmed_at is None and alert.user_id is None and alert.email == "alex@example.org"
    [message] = outbox()
    assert message["To"] == "alex@example.org" and message["Subject"] == "Confirm your job alert"
    assert "care worker" in text_part(message) and "/alerts/confirm/" in html_part(message)
    assert message["List-Unsubscribe"].startswith("<http://localhost/alerts/unsubscribe/")

    response = client.get(confirm_path(message))

    assert response.status_code == 200 and "Your job alert is set up" in text_of(response)
    [alert] = all_alerts(app)
    assert alert.confirmed_at is not None
    # Opening the link proves the address, so the alert joins that address's account.
    assert alert.user_id == owner.id
    # Opening it again changes nothing.
    assert client.get(confirm_path(message)).status_code == 200


def test_confirm_link_that_is_altered_expired_or_for_a_removed_alert(app, client, outbox, monkeypatch):
    client.post("/alerts/new", data={"email": "kim@example.org", "frequency": "daily"})
    path = confirm_path(outbox()[0])

    assert client.get(path + "x").status_code == 400
    # A link older than its maximum age.
    monkeypatch.setattr(services, "CONFIRM_MAX_AGE", timedelta(seconds=-1))
    assert client.get(path).status_code == 400
    monkeypatch.undo()
    with app.app_context():
        db.session.execute(db.delete(JobAlert))
        db.session.commit()
    response = client.get(path)
    assert response.status_code == 400 and "This link does not work" in text_of(response)


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"frequency": "daily"}, "alert-email", "Enter your email address"),
        ({"email": "not an address", "frequency": "daily"}, "alert-email", "Enter an email address in the correct format"),
        ({"email": "kim@example.org", "frequency": "hourly"}, "alert-frequency", "Choose how often you want emails"),
        ({"email": "kim@example.org"}, "alert-frequency", "Choose how often you want emails"),
    ],
)
def test_alert_form_errors_keep_what_was_typed(app, client, outbox, data, field, message):
    response = client.post("/alerts/new?q=nurse", data=data)

    assert response.status_code == 200
    page = parse(response)
    assert message in page.xpath("string(//div[contains(@class, 'nhsuk-error-summary')])")
    assert page.xpath(f"//div[contains(@class, 'nhsuk-error-summary')]//a[@href='#{field}']")
    assert page.xpath("//title")[0].text_content().startswith("Error:")
    assert page.xpath("//input[@id='alert-email']/@value") == [data.get("email", "")]
    # The search is kept too.
    assert "q=nurse" in page.xpath("//form[@method='post']/@action")[0]
    assert all_alerts(app) == [] and outbox() == []


def test_alert_page_on_its_own(client):
    response = client.get("/alerts/new?q=nurse&location=Loughborough")

    assert response.status_code == 200
    assert "\u201cnurse\u201d; within 10 miles of Loughborough" in text_of(response)


def test_too_many_alerts_for_one_address(app, client, make_user, monkeypatch):
    monkeypatch.setattr(services, "MAX_ALERTS_PER_EMAIL", 2)
    sign_in(client, make_user())
    client.post("/alerts/new?q=nurse", data={"frequency": "daily"})
    client.post("/alerts/new?q=porter", data={"frequency": "daily"})

    response = client.post("/alerts/new?q=cook", data={"frequency": "daily"})

    assert "You already have 2 job alerts" in text_of(response)
    assert len(all_alerts(app)) == 2


def test_visitors_are_limited_in_how_many_confirmation_emails_they_cause(client, outbox):
    for n in range(10):
        assert client.post("/alerts/new", data={"email": f"p{n}@example.org", "frequency": "daily"}).status_code == 200
    assert client.post("/alerts/new", data={"email": "p10@example.org", "frequency": "daily"}).status_code == 429
    assert len(outbox()) == 10


def test_my_alerts_change_and_delete(app, client, make_user, make_alert):
    user = make_user()
    alert_id = make_alert(user, q="nurse")
    sign_in(client, user)

    form = parse(client.get(f"/alerts/{alert_id}/edit"))
    assert form.xpath("//input[@id='alert-label']/@value") == ["\u201cnurse\u201d"]
    assert form.xpath("//input[@name='frequency'][@checked]/@value") == ["daily"]

    response = client.post(f"/alerts/{alert_id}/edit", data={"label": "Nursing jobs", "frequency": "weekly"})
    assert response.status_code == 302
    [alert] = all_alerts(app)
    assert (alert.label, alert.frequency) == ("Nursing jobs", "weekly")
    assert alert.next_due_at == alert.created_at + timedelta(days=7)

    response = client.post(f"/alerts/{alert_id}/edit", data={"label": "  ", "frequency": "weekly"})
    assert "Enter a name for this alert" in text_of(response)
    response = client.post(f"/alerts/{alert_id}/edit", data={"label": "x" * 201, "frequency": "monthly"})
    assert "Name must be 200 characters or fewer" in text_of(response)
    assert "Choose how often you want emails" in text_of(response)
    assert parse(response).xpath("//input[@id='alert-label']/@value") == ["x" * 201]

    response = client.post(f"/alerts/{alert_id}/delete")
    assert response.status_code == 302
    assert all_alerts(app) == []
    assert "You have no job alerts" in text_of(client.get("/alerts"))


def test_other_peoples_alerts_are_not_found(app, client, make_user, make_alert):
    alert_id = make_alert(make_user(), q="nurse")
    visitor_alert = make_alert("someone@example.org", q="porter")
    sign_in(client, make_user())

    assert "nurse" not in text_of(client.get("/alerts"))
    for target in (alert_id, visitor_alert):
        assert client.get(f"/alerts/{target}/edit").status_code == 404
        assert client.post(f"/alerts/{target}/edit", data={"label": "Mine", "frequency": "weekly"}).status_code == 404
        assert client.post(f"/alerts/{target}/delete").status_code == 404
    assert client.get("/alerts/99999/edit").status_code == 404
    assert [alert.label for alert in all_alerts(app)] == ["\u201cnurse\u201d", "\u201cporter\u201d"]


def test_my_alerts_needs_signing_in(client, make_alert):
    alert_id = make_alert("someone@example.org")
    responses = (client.get("/alerts"), client.get(f"/alerts/{alert_id}/edit"), client.post(f"/alerts/{alert_id}/delete"))
    for response in responses:
        assert response.status_code == 302 and "/sign-in" in response.headers["Location"]


def test_account_page_links_to_alerts(client, make_user):
    sign_in(client, make_user())
    assert parse(client.get("/account")).xpath("//a[@href='/alerts']")


def test_unsubscribe_page_then_button(app, client, make_alert):
    alert_id = make_alert("kim@example.org", q="nurse")
    with app.app_context():
        link = services.unsubscribe_link(db.session.get(JobAlert, alert_id))
    path = link.removeprefix("http://localhost")
    # Signed but readable: the address itself is not in it.
    _, payload = URLSafeSerializer("any key").loads_unsafe(path.rsplit("/", 1)[1])
    assert payload["alert"] == alert_id and "kim" not in json.dumps(payload)

    response = client.get(path)
    assert response.status_code == 200 and "kim@example.org" in text_of(response)
    assert all_alerts(app) != []

    response = client.post(path)
    assert response.status_code == 200 and "You have unsubscribed" in text_of(response)
    assert all_alerts(app) == []
    # The same link again, and a link that was altered.
    assert "already been removed" in text_of(client.get(path))
    assert client.post(path).status_code == 200
    assert client.get(path[:-2]).status_code == 400


def test_one_click_unsubscribe_needs_no_csrf_token(app, client, make_alert, monkeypatch):
    alert_id = make_alert("kim@example.org")
    with app.app_context():
        path = services.unsubscribe_link(db.session.get(JobAlert, alert_id)).removeprefix("http://localhost")
    monkeypatch.setitem(app.config, "WTF_CSRF_ENABLED", True)

    assert client.post("/alerts/new", data={"email": "x@example.org", "frequency": "daily"}).status_code == 400
    response = client.post(path, data={"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200
    assert all_alerts(app) == []


def test_an_unsubscribe_link_never_reaches_a_later_alert_with_the_same_id(app, client, make_alert):
    alert_id = make_alert("kim@example.org")
    with app.app_context():
        path = services.unsubscribe_link(db.session.get(JobAlert, alert_id)).removeprefix("http://localhost")
        db.session.execute(db.update(JobAlert).values(email="lee@example.org"))
        db.session.commit()

    assert "already been removed" in text_of(client.post(path))
    assert len(all_alerts(app)) == 1


def test_alert_pages_structure(app, client, make_user, make_alert, outbox):
    user = make_user()
    alert_id = make_alert(user, q="nurse")
    with app.app_context():
        unsubscribe = services.unsubscribe_link(db.session.get(JobAlert, alert_id)).removeprefix("http://localhost")
    for path in ("/alerts/new?q=nurse", unsubscribe, "/alerts/confirm/bad", "/alerts/unsubscribe/bad"):
        check(client, path)
    client.post("/alerts/new?q=porter", data={"email": "kim@example.org", "frequency": "daily"})
    check(client, confirm_path(outbox()[0]))
    sign_in(client, user)
    for path in ("/alerts", f"/alerts/{alert_id}/edit", "/alerts/new?q=porter", "/jobs"):
        check(client, path)


def test_unconfirmed_alerts_are_forgotten_after_a_week(app, make_alert):
    make_alert("old@example.org", confirmed=False)
    make_alert("new@example.org", confirmed=False)
    make_alert("kept@example.org")
    with app.app_context():
        db.session.execute(
            db.update(JobAlert).where(JobAlert.email.in_(["old@example.org", "kept@example.org"]))
            .values(created_at=utcnow() - services.CONFIRM_MAX_AGE - timedelta(minutes=1))
        )
        assert services.delete_unconfirmed_alerts(utcnow()) == 1
        db.session.commit()
    assert sorted(alert.email for alert in all_alerts(app)) == ["kept@example.org", "new@example.org"]


def test_an_alert_set_up_by_email_joins_the_account_when_saved_again_signed_in(app, client, make_user, make_alert):
    alert_id = make_alert("sam@example.org", confirmed=False, q="nurse")
    sign_in(client, make_user(email="sam@example.org"))

    client.post("/alerts/new?q=nurse", data={"frequency": "daily"})

    [alert] = all_alerts(app)
    assert alert.id == alert_id and alert.user_id is not None and alert.confirmed_at is not None
    assert "\u201cnurse\u201d" in text_of(client.get("/alerts"))


def test_deleting_an_alert_deletes_its_delivery_ledger(
    app, client, make_user, make_alert, make_organisation, make_vacancy,
):
    user = make_user()
    alert_id = make_alert(user)
    vacancy = make_vacancy(make_organisation())
    with app.app_context():
        db.session.add(AlertDelivery(alert_id=alert_id, vacancy_id=vacancy.id, state="sent"))
        db.session.commit()
    sign_in(client, user)

    client.post(f"/alerts/{alert_id}/delete")

    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(AlertDelivery)) == 0
