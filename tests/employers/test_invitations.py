import hashlib
import re
from datetime import timedelta

from sqlalchemy import select

from portal.accounts.models import User
from portal.accounts.roles import Role
from portal.employers.models import Invitation
from portal.extensions import db
from portal.time import utcnow
from tests.factories import PASSWORD, sign_in

LINK = re.compile(r"http://localhost(/invitations/[\w-]+)")


def _invite(app, organisation, email, outbox):
    client = app.test_client()
    with app.app_context():
        inviter = db.session.scalar(select(User).where(User.organisation_id == organisation.id))
    sign_in(client, inviter)
    response = client.post("/recruiter/organisation/invitations", data={"email": email})
    assert response.status_code == 302
    return LINK.search(outbox()[-1].get_body(("plain",)).get_content()).group(1)


def _as(app, user):
    client = app.test_client()
    sign_in(client, user)
    return client


def test_an_invited_colleague_joins_as_recruiter(app, outbox, make_organisation, make_recruiter, make_user):
    organisation = make_organisation(name="Soar Home Care")
    make_recruiter(organisation)
    path = _invite(app, organisation, "Jo@Example.org", outbox)
    message = outbox()[-1]
    assert message["To"] == "jo@example.org" and "Soar Home Care" in message["Subject"]
    with app.app_context():
        invitation = db.session.scalar(select(Invitation))
        token = path.rsplit("/", 1)[1]
        assert invitation.token_hash == hashlib.sha256(token.encode()).hexdigest()
        assert token not in invitation.token_hash

    colleague = make_user(email="jo@example.org")
    client = _as(app, colleague)
    assert "Join Soar Home Care" in client.get(path).get_data(as_text=True)
    response = client.post(path)
    assert response.status_code == 302
    with app.app_context():
        joined = db.session.get(User, colleague.id)
        assert joined.organisation_id == organisation.id and joined.has_role(Role.RECRUITER)
        assert db.session.scalar(select(Invitation)).accepted_at is not None
    assert client.get("/recruiter/organisation").status_code == 200


def test_a_visitor_is_asked_to_sign_in_or_register_and_comes_back(app, client, outbox, make_organisation, make_recruiter, make_user):
    organisation = make_organisation()
    make_recruiter(organisation)
    path = _invite(app, organisation, "new@example.org", outbox)
    page = client.get(path).get_data(as_text=True)
    assert f'href="/sign-in?next={path}"' in page
    assert f'href="/register?next={path}"' in page
    response = client.post(f"/register?next={path}", data={
        "full_name": "New Person", "email": "new@example.org", "password": PASSWORD, "confirm_password": PASSWORD,
    })
    assert response.headers["Location"] == path
    assert client.post(path).status_code == 302


def test_a_used_invitation_cannot_be_used_again(app, outbox, make_organisation, make_recruiter, make_user):
    organisation = make_organisation()
    make_recruiter(organisation)
    path = _invite(app, organisation, "jo@example.org", outbox)
    client = _as(app, make_user(email="jo@example.org"))
    client.post(path)
    response = client.post(path)
    assert response.status_code == 400
    assert "This invitation has already been used" in response.get_data(as_text=True)


def test_an_expired_invitation_is_refused(app, outbox, make_organisation, make_recruiter, make_user):
    organisation = make_organisation()
    make_recruiter(organisation)
    path = _invite(app, organisation, "jo@example.org", outbox)
    with app.app_context():
        db.session.scalar(select(Invitation)).expires_at = utcnow() - timedelta(minutes=1)
        db.session.commit()
    response = _as(app, make_user(email="jo@example.org")).post(path)
    assert response.status_code == 400
    assert "This invitation has expired" in response.get_data(as_text=True)


def test_an_unknown_token_is_refused(client):
    response = client.get("/invitations/not-a-real-token")
    assert response.status_code == 400
    assert "This invitation link is not valid" in response.get_data(as_text=True)


def test_the_wrong_email_cannot_accept(app, outbox, make_organisation, make_recruiter, make_user):
    organisation = make_organisation()
    make_recruiter(organisation)
    path = _invite(app, organisation, "jo@example.org", outbox)
    someone_else = make_user(email="someone@example.org")
    response = _as(app, someone_else).post(path)
    assert response.status_code == 403
    assert "sent to a different email address" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(User, someone_else.id).organisation_id is None
        assert db.session.scalar(select(Invitation)).accepted_at is None


def test_a_member_of_another_organisation_is_refused(app, outbox, make_organisation, make_recruiter):
    organisation, other = make_organisation(), make_organisation(name="Other Care")
    make_recruiter(organisation)
    already_busy = make_recruiter(other, email="jo@example.org")
    path = _invite(app, organisation, "jo@example.org", outbox)
    client = _as(app, already_busy)
    assert client.get(path).status_code == 409
    response = client.post(path)
    assert response.status_code == 409
    assert "You already recruit for Other Care" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(User, already_busy.id).organisation_id == other.id


def test_pending_invitations_are_listed_and_can_be_withdrawn(app, outbox, make_organisation, make_recruiter):
    organisation = make_organisation()
    recruiter = make_recruiter(organisation)
    path = _invite(app, organisation, "jo@example.org", outbox)
    client = _as(app, recruiter)
    page = client.get("/recruiter/organisation/invitations").get_data(as_text=True)
    assert "jo@example.org" in page and "Withdraw" in page
    with app.app_context():
        invitation_id = db.session.scalar(select(Invitation.id))
    assert client.post(f"/recruiter/organisation/invitations/{invitation_id}/revoke").status_code == 302
    assert "There are no open invitations" in client.get("/recruiter/organisation/invitations").get_data(as_text=True)
    assert client.get(path).status_code == 400


def test_inviting_someone_already_in_the_organisation_is_refused(app, make_organisation, make_recruiter, outbox):
    organisation = make_organisation()
    recruiter = make_recruiter(organisation, email="sam@example.org")
    page = _as(app, recruiter).post("/recruiter/organisation/invitations", data={"email": "SAM@example.org"})
    assert "SAM@example.org is already a recruiter" in page.get_data(as_text=True)
    assert outbox() == []


def test_a_bad_email_address_is_refused_and_kept(app, make_organisation, make_recruiter):
    organisation = make_organisation()
    page = _as(app, make_recruiter(organisation)).post(
        "/recruiter/organisation/invitations", data={"email": "not-an-email"}
    ).get_data(as_text=True)
    assert "There is a problem" in page and 'value="not-an-email"' in page


def test_a_recruiter_cannot_withdraw_another_organisations_invitation(app, outbox, make_organisation, make_recruiter):
    mine, theirs = make_organisation(), make_organisation()
    make_recruiter(theirs)
    _invite(app, theirs, "jo@example.org", outbox)
    with app.app_context():
        invitation_id = db.session.scalar(select(Invitation.id))
    client = _as(app, make_recruiter(mine))
    assert client.post(f"/recruiter/organisation/invitations/{invitation_id}/revoke").status_code == 404
    with app.app_context():
        assert db.session.get(Invitation, invitation_id) is not None
