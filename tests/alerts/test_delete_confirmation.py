"""Deleting a job alert asks first, on a page of its own."""
from tests.alerts.test_alert_pages import all_alerts
from tests.confirmation import assert_asks_first, assert_no_form_posts_to
from tests.factories import sign_in
from tests.privacy.helpers import make_alert


def test_deleting_an_alert_asks_first_and_the_list_only_links_to_it(app, client, make_user):
    user = make_user()
    alert_id = make_alert(app, user.email, user=user, label="Nursing jobs")
    sign_in(client, user)

    listing = client.get("/alerts").get_data(as_text=True)
    page = client.get(f"/alerts/{alert_id}/delete").get_data(as_text=True)

    assert_no_form_posts_to(listing, "/delete")
    assert f'href="/alerts/{alert_id}/delete"' in listing
    assert_asks_first(page, "Are you sure you want to delete the job alert \u201cNursing jobs\u201d?",
                      "We will stop emailing you jobs for it", f"/alerts/{alert_id}/delete", "/alerts")
    assert len(all_alerts(app)) == 1
    client.post(f"/alerts/{alert_id}/delete")
    assert all_alerts(app) == []


def test_someone_elses_alert_has_no_confirmation_page(app, client, make_user):
    owner = make_user()
    alert_id = make_alert(app, owner.email, user=owner)
    sign_in(client, make_user())

    assert client.get(f"/alerts/{alert_id}/delete").status_code == 404
