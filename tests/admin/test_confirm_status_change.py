"""Approving, suspending and reinstating an organisation from the dashboard ask first, saying what will happen."""
import re

import pytest

from portal.employers.models import Organisation
from portal.extensions import db
from tests.factories import sign_in

CHANGES = [
    pytest.param("pending", "approve", "Approve Riverside Care?", "its recruiters are emailed", "approved", id="approve"),
    pytest.param("approved", "suspend", "Suspend Riverside Care?", "hidden from job seekers", "suspended", id="suspend"),
    pytest.param("suspended", "reinstate", "Reinstate Riverside Care?", "public again", "approved", id="reinstate"),
]


def _status(app, organisation):
    with app.app_context():
        return db.session.get(Organisation, organisation.id).status


@pytest.mark.parametrize("status, action, question, consequence, after", CHANGES)
def test_the_confirmation_page_says_what_will_happen_and_changes_nothing(app, admin_client, make_organisation,
                                                                          status, action, question, consequence, after):
    organisation = make_organisation(name="Riverside Care", status=status)

    page = admin_client.get(f"/admin/organisations/{organisation.id}/{action}").get_data(as_text=True)

    assert question in page and consequence in page
    assert f'action="/admin/organisations/{organisation.id}/{action}"' in page
    assert 'name="note"' in page
    assert '<a class="nhsuk-link" href="/admin">Cancel</a>' in page
    assert _status(app, organisation) == status


@pytest.mark.parametrize("status, action, question, consequence, after", CHANGES)
def test_sending_the_confirmation_makes_the_change(app, admin_client, make_organisation,
                                                    status, action, question, consequence, after):
    organisation = make_organisation(name="Riverside Care", status=status)
    admin_client.get(f"/admin/organisations/{organisation.id}/{action}")

    response = admin_client.post(f"/admin/organisations/{organisation.id}/{action}",
                                 data={"note": "Checked", "came_from": "dashboard"})

    assert response.status_code == 302 and response.location == "/admin"
    assert _status(app, organisation) == after


def test_cancel_goes_back_to_the_organisation_page_when_asked_from_there(admin_client, make_organisation):
    organisation = make_organisation()

    page = admin_client.get(f"/admin/organisations/{organisation.id}/suspend?came_from=organisation").get_data(as_text=True)

    assert f'<a class="nhsuk-link" href="/admin/organisations/{organisation.id}">Cancel</a>' in page
    assert 'value="organisation"' in page


def test_the_dashboard_posts_no_status_change_in_one_click(admin_client, make_organisation):
    organisations = [make_organisation(status=status) for status in ("pending", "approved", "suspended")]

    page = admin_client.get("/admin").get_data(as_text=True)

    assert "<form" not in page.split("<main", 1)[1]
    for organisation, action in zip(organisations, ("approve", "suspend", "reinstate")):
        assert f'href="/admin/organisations/{organisation.id}/{action}"' in page


def test_only_admins_see_the_confirmation_page(client, make_user, make_organisation):
    organisation = make_organisation()
    sign_in(client, make_user())

    assert client.get(f"/admin/organisations/{organisation.id}/suspend").status_code in (403, 404)
