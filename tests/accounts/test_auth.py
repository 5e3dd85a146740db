import re

import pytest

from portal.accounts.models import User
from portal.extensions import db
from tests.factories import PASSWORD, sign_in


def test_register_signs_in_as_job_seeker(client, app):
    response = client.post("/register", data={
        "full_name": "Priya Shah", "email": "Priya@Example.org",
        "password": "a long enough password", "confirm_password": "a long enough password",
    })
    assert response.status_code == 302
    with app.app_context():
        user = db.session.scalar(db.select(User).where(User.email == "priya@example.org"))
        assert user.password_hash.startswith("$argon2id$")
        assert [r.value for r in user.roles] == ["job_seeker"]
    assert "Sign out" in client.get("/").get_data(as_text=True)


def test_register_errors_keep_what_was_typed(client):
    page = client.post("/register", data={
        "full_name": "Priya Shah", "email": "not-an-email", "password": "short", "confirm_password": "other",
    }).get_data(as_text=True)
    assert "There is a problem" in page
    assert "Enter an email address in the correct format" in page
    assert "Password must be at least 10 characters" in page
    assert 'value="Priya Shah"' in page and 'value="not-an-email"' in page


def test_register_refuses_a_taken_email(client, make_user):
    make_user(email="taken@example.org")
    page = client.post("/register", data={
        "full_name": "X", "email": "TAKEN@example.org", "password": PASSWORD, "confirm_password": PASSWORD,
    }).get_data(as_text=True)
    assert "already exists" in page


def test_sign_in_and_out(client, make_user):
    user = make_user()
    assert sign_in(client, user).status_code == 302
    assert client.get("/account").status_code == 200
    assert client.post("/sign-out").status_code == 302
    assert client.get("/account").status_code == 302


def test_unknown_email_and_wrong_password_get_the_same_answer(client, make_user):
    user = make_user()
    wrong = client.post("/sign-in", data={"email": user.email, "password": "wrong password!"})
    unknown = client.post("/sign-in", data={"email": "nobody@example.org", "password": "wrong password!"})
    assert wrong.status_code == unknown.status_code == 200
    # Each response has a fresh script nonce; all else must be the same.
    strip = lambda r: re.sub(r'nonce="[^"]+"', "", r.get_data(as_text=True)).replace(user.email, "").replace(
        "nobody@example.org", ""
    )
    assert strip(wrong) == strip(unknown)
    assert "Enter a correct email address and password" in strip(wrong)


@pytest.mark.parametrize("target,expected", [
    ("/jobs?q=nurse", "/jobs?q=nurse"),
    ("https://evil.example/steal", "/"),
    ("//evil.example/steal", "/"),
    ("/\\evil.example", "/"),
    ("javascript:alert(1)", "/"),
])
def test_next_only_redirects_within_the_site(client, make_user, target, expected):
    user = make_user()
    response = client.post("/sign-in", query_string={"next": target},
                           data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response.headers["Location"] == expected


def test_sign_in_is_rate_limited(client, make_user):
    user = make_user()
    codes = [client.post("/sign-in", data={"email": user.email, "password": "wrong password!"}).status_code
             for _ in range(6)]
    assert codes[:5] == [200] * 5
    assert codes[5] == 429


def _reset_link(outbox) -> str:
    [message] = outbox()
    body = message.get_body(preferencelist=("plain",)).get_content()
    return re.search(r"http://localhost(/reset-password/\S+)", body).group(1)


def test_password_reset_by_single_use_link(client, make_user, outbox):
    user = make_user()
    page = client.post("/forgot-password", data={"email": user.email}).get_data(as_text=True)
    assert "Check your email" in page
    [message] = outbox()
    assert message["To"] == user.email
    assert {part.get_content_type() for part in message.iter_parts()} == {"text/plain", "text/html"}
    link = _reset_link(outbox)
    assert client.get(link).status_code == 200
    new_password = "a brand new password"
    response = client.post(link, data={"password": new_password, "confirm_password": new_password})
    assert response.status_code == 302
    assert client.post(link, data={"password": "another one 123", "confirm_password": "another one 123"}).status_code == 400
    assert sign_in(client, user, new_password).status_code == 302


def test_reset_for_unknown_email_says_the_same_and_sends_nothing(client, outbox):
    page = client.post("/forgot-password", data={"email": "nobody@example.org"}).get_data(as_text=True)
    assert "Check your email" in page
    assert outbox() == []


def test_reset_link_expires(client, app, make_user, outbox):
    user = make_user()
    client.post("/forgot-password", data={"email": user.email})
    link = _reset_link(outbox)
    app.config["PASSWORD_RESET_MAX_AGE"] = -1
    try:
        assert client.get(link).status_code == 400
    finally:
        app.config["PASSWORD_RESET_MAX_AGE"] = 3600


def test_tampered_reset_link_is_refused(client, make_user, outbox):
    user = make_user()
    client.post("/forgot-password", data={"email": user.email})
    assert client.get(_reset_link(outbox) + "x").status_code == 400


def test_outbox_location_is_logged(client, make_user, caplog):
    user = make_user()
    with caplog.at_level("INFO"):
        client.post("/forgot-password", data={"email": user.email})
    assert "outbox" in caplog.text


def test_plain_text_emails_are_not_html_escaped(client, make_user, outbox):
    user = make_user(full_name="Siobhan O'Neill")
    client.post("/forgot-password", data={"email": user.email})
    [message] = outbox()
    assert "Siobhan O'Neill" in message.get_body(preferencelist=("plain",)).get_content()


def test_passwords_are_hashed_with_full_argon2id_costs_outside_tests():
    from portal import create_app
    from portal.accounts.passwords import hash_password

    app = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://", "SECRET_KEY": "k" * 48})
    with app.app_context():
        assert hash_password("correct horse battery staple").startswith("$argon2id$v=19$m=65536,t=3,p=4$")
