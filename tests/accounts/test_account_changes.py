"""Changing the password and the email address: both ask for the current password and tell the person."""
from __future__ import annotations

import pytest

from portal.accounts import services
from portal.accounts.models import User
from portal.accounts.passwords import verify_password
from portal.extensions import db
from tests.factories import PASSWORD, sign_in

NEW_PASSWORD = "a completely new password"


def _stored(app, user) -> User:
    with app.app_context():
        found = db.session.get(User, user.id)
        db.session.expunge(found)
        return found


@pytest.fixture
def signed_in(app, make_user):
    user = make_user(email="sam@example.org")
    client = app.test_client()
    sign_in(client, user)
    return client, user


@pytest.mark.parametrize("path", ["/account/password", "/account/email"])
def test_signed_out_visitors_are_sent_to_sign_in(client, path):
    assert client.get(path).headers["Location"].startswith("/sign-in?next=")


# Change password

def test_changing_the_password_emails_the_person_and_the_new_password_works(app, signed_in, outbox):
    client, user = signed_in
    assert client.get("/account/password").status_code == 200
    response = client.post("/account/password", data={
        "current_password": PASSWORD, "password": NEW_PASSWORD, "confirm_password": NEW_PASSWORD,
    })
    assert response.headers["Location"] == "/account"
    assert "Your password has been changed" in client.get("/account").get_data(as_text=True)
    with app.app_context():
        assert verify_password(_stored(app, user).password_hash, NEW_PASSWORD)
    [message] = outbox()
    assert message["To"] == user.email and message["Subject"] == "Your password has been changed"
    assert "/forgot-password" in message.get_body(preferencelist=("plain",)).get_content()
    client.post("/sign-out")
    assert sign_in(client, user, NEW_PASSWORD).status_code == 302


BAD_PASSWORD_CHANGES = {
    "wrong current password": (
        {"current_password": "not my password", "password": NEW_PASSWORD, "confirm_password": NEW_PASSWORD},
        "Your current password is not right",
    ),
    "no current password": (
        {"current_password": "", "password": NEW_PASSWORD, "confirm_password": NEW_PASSWORD},
        "Enter your current password",
    ),
    "new passwords differ": (
        {"current_password": PASSWORD, "password": NEW_PASSWORD, "confirm_password": "something else entirely"},
        "Passwords must match",
    ),
    "new password too short": (
        {"current_password": PASSWORD, "password": "short", "confirm_password": "short"},
        "Password must be at least 10 characters",
    ),
}


@pytest.mark.parametrize("form,message", BAD_PASSWORD_CHANGES.values(), ids=BAD_PASSWORD_CHANGES.keys())
def test_a_bad_password_change_says_why_and_changes_nothing(app, signed_in, outbox, form, message):
    client, user = signed_in
    response = client.post("/account/password", data=form)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "There is a problem" in page and message in page
    with app.app_context():
        assert verify_password(_stored(app, user).password_hash, PASSWORD)
    assert outbox() == []


def test_the_wrong_current_password_error_is_on_its_field(signed_in):
    client, _user = signed_in
    page = client.post("/account/password", data={
        "current_password": "not my password", "password": NEW_PASSWORD, "confirm_password": NEW_PASSWORD,
    }).get_data(as_text=True)
    assert 'href="#current_password"' in page
    assert page.index("current_password-error") < page.index('id="password"')


def test_guessing_the_current_password_is_rate_limited(signed_in):
    client, _user = signed_in
    wrong = {"current_password": "not my password", "password": NEW_PASSWORD, "confirm_password": NEW_PASSWORD}
    # Five wrong passwords for one account, as for signing in; then the right one must wait too.
    codes = [client.post("/account/password", data=wrong).status_code for _ in range(6)]
    assert codes == [200] * 5 + [429]
    right = {**wrong, "current_password": PASSWORD}
    response = client.post("/account/password", data=right)
    assert response.status_code == 429
    assert "Too many wrong passwords for this account. Wait 15 minutes" in response.get_data(as_text=True)


def test_a_password_reset_by_link_emails_the_person_too(app, make_user, outbox):
    user = make_user()
    client = app.test_client()
    client.post("/forgot-password", data={"email": user.email})
    link = outbox()[0].get_body(preferencelist=("plain",)).get_content().split("http://localhost", 1)[1].split()[0]
    client.post(link, data={"password": NEW_PASSWORD, "confirm_password": NEW_PASSWORD})
    assert sorted(message["Subject"] for message in outbox()) == ["Reset your password", "Your password has been changed"]


# Change email

def test_changing_the_email_address_tells_the_old_one(app, signed_in, outbox):
    client, user = signed_in
    assert client.get("/account/email").status_code == 200
    response = client.post("/account/email", data={"email": "Sam.New@Example.org", "password": PASSWORD})
    assert response.headers["Location"] == "/account"
    assert _stored(app, user).email == "sam.new@example.org"
    [message] = outbox()
    assert message["To"] == "sam@example.org"
    assert message["Subject"] == "Your email address has been changed"
    assert "sam.new@example.org" in message.get_body(preferencelist=("plain",)).get_content()
    client.post("/sign-out")
    assert client.post("/sign-in", data={"email": "sam.new@example.org", "password": PASSWORD}).status_code == 302


def test_the_same_address_again_changes_nothing_and_sends_nothing(app, signed_in, outbox):
    client, user = signed_in
    client.post("/account/email", data={"email": "SAM@example.org", "password": PASSWORD})
    assert _stored(app, user).email == "sam@example.org"
    assert outbox() == []


BAD_EMAIL_CHANGES = {
    "wrong password": ({"email": "sam.new@example.org", "password": "not my password"}, "Your password is not right"),
    "no password": ({"email": "sam.new@example.org", "password": ""}, "Enter your password"),
    "address of another account": ({"email": "TAKEN@example.org", "password": PASSWORD}, "Another account already uses"),
    "not an email address": ({"email": "sam at example", "password": PASSWORD}, "Enter an email address in the correct format"),
    "far too long": ({"email": "a" * 5000 + "@example.org", "password": PASSWORD}, "254 characters or fewer"),
}


@pytest.mark.parametrize("form,message", BAD_EMAIL_CHANGES.values(), ids=BAD_EMAIL_CHANGES.keys())
def test_a_bad_email_change_says_why_and_keeps_the_address(app, signed_in, make_user, outbox, form, message):
    make_user(email="taken@example.org")
    client, user = signed_in
    response = client.post("/account/email", data=form)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "There is a problem" in page and message in page
    assert _stored(app, user).email == "sam@example.org"
    assert outbox() == []


def test_when_two_people_take_one_address_at_once_the_database_decides(app, signed_in, make_user, monkeypatch, outbox):
    """The other account took the address after the check: the unique constraint refuses the second."""
    client, user = signed_in
    make_user(email="wanted@example.org")
    monkeypatch.setattr(services, "find_user_by_email", lambda email: None)
    page = client.post("/account/email", data={"email": "wanted@example.org", "password": PASSWORD}).get_data(as_text=True)
    assert "Another account already uses this email address" in page
    assert _stored(app, user).email == "sam@example.org"
    assert client.get("/account").status_code == 200
    assert outbox() == []


def test_guessing_the_password_to_change_the_email_is_rate_limited(signed_in):
    client, _user = signed_in
    codes = [client.post("/account/email", data={"email": "x@example.org", "password": "wrong"}).status_code
             for _ in range(6)]
    assert codes == [200] * 5 + [429]
