"""Withdrawing an invitation asks first, on a page of its own."""
from sqlalchemy import select

from portal.employers.models import Invitation
from portal.extensions import db
from tests.confirmation import assert_asks_first, assert_no_form_posts_to

TEAM = "/recruiter/organisation/invitations"


def _open_invitations(app) -> list[int]:
    with app.app_context():
        return list(db.session.scalars(select(Invitation.id)))


def test_withdrawing_an_invitation_asks_first_and_the_team_page_only_links_to_it(app, outbox, recruiter_client):
    recruiter, _ = recruiter_client()
    recruiter.post(TEAM, data={"email": "jo@example.org", "role": "recruiter"})
    [invitation_id] = _open_invitations(app)

    listing = recruiter.get(TEAM).get_data(as_text=True)
    page = recruiter.get(f"{TEAM}/{invitation_id}/revoke").get_data(as_text=True)

    assert_no_form_posts_to(listing, "/revoke")
    assert f'href="{TEAM}/{invitation_id}/revoke"' in listing
    assert_asks_first(page, "Are you sure you want to withdraw the invitation to jo@example.org?",
                      "The link in their email will stop working", f"{TEAM}/{invitation_id}/revoke", TEAM)
    assert _open_invitations(app) == [invitation_id]
    recruiter.post(f"{TEAM}/{invitation_id}/revoke")
    assert _open_invitations(app) == []
