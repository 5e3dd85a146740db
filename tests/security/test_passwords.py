"""The password rule: one check (zxcvbn, a minimum length, the person's own details and the site's name)
for every way a password is chosen: registration, a reset link and `flask admin create`."""
import re

import pytest

from portal.accounts.passwords import password_problem
from tests.factories import PASSWORD

EMAIL = "priya.shah@example.org"
NAME = "Priya Shah"
ADVICE = "Try three or four random words."

# (password, what the person is told)
WEAK = [
    pytest.param("short", "Password must be at least 10 characters", id="too-short"),
    pytest.param("password123", f"This is a very common password. {ADVICE}", id="password123"),
    pytest.param("Password1!", f"This is too like a common password. {ADVICE}", id="Password1!"),
    pytest.param("qwertyuiop", f"This is one of the most common passwords. {ADVICE}", id="keyboard-row"),
    pytest.param("aaaaaaaaaaaa", f"Repeated letters, like aaa, are easy to guess. {ADVICE}", id="repeats"),
    pytest.param("proudtocare2026", f"Do not use the name of this website in your password. {ADVICE}", id="site-name"),
    pytest.param(EMAIL, f"Do not use your name or email address in your password. {ADVICE}", id="own-email"),
    pytest.param("Priya Shah 1990", f"Do not use your name or email address in your password. {ADVICE}", id="own-name"),
    pytest.param("priya.shah2026", f"Do not use your name or email address in your password. {ADVICE}", id="email-name-part"),
]
STRONG = [
    pytest.param(PASSWORD, id="the-test-factories-password"),
    pytest.param("tangerine kettle orbit", id="three-random-words"),
    pytest.param("a long admin password", id="the-admin-command-tests-password"),
    pytest.param("demo-seeker-2026", id="a-demo-account-password"),
    pytest.param("x" * 60 + "Lq7#vB2m!zR9" + "y" * 100, id="longer-than-zxcvbn-reads"),
]


@pytest.mark.parametrize("password,message", WEAK)
def test_the_rule_refuses_with_advice(app, password, message):
    with app.test_request_context():
        assert password_problem(password, (EMAIL, NAME)) == message


@pytest.mark.parametrize("password", STRONG)
def test_the_rule_accepts(app, password):
    with app.test_request_context():
        assert password_problem(password, (EMAIL, NAME)) is None


def test_too_long_is_refused(app):
    with app.test_request_context():
        assert password_problem("tangerine kettle orbit " * 10, ()) == "Password must be 200 characters or fewer"


def _page_text(response) -> str:
    return re.sub(r"\s+", " ", response.get_data(as_text=True).replace("&#39;", "'").replace("&#34;", '"'))


@pytest.mark.parametrize("password,message", WEAK)
def test_registration_refuses_and_keeps_what_was_typed(client, password, message):
    response = client.post("/register", data={
        "full_name": NAME, "email": EMAIL, "password": password, "confirm_password": password,
    })
    assert response.status_code == 200
    page = _page_text(response)
    assert message in page
    assert f'value="{NAME}"' in page and f'value="{EMAIL}"' in page


@pytest.mark.parametrize("password", STRONG[:3])
def test_registration_accepts(client, password):
    response = client.post("/register", data={
        "full_name": NAME, "email": EMAIL, "password": password, "confirm_password": password,
    })
    assert response.status_code == 302


def _reset_link(client, user, outbox) -> str:
    client.post("/forgot-password", data={"email": user.email})
    body = outbox()[-1].get_body(preferencelist=("plain",)).get_content()
    return re.search(r"http://localhost(/reset-password/\S+)", body).group(1)


@pytest.mark.parametrize("password,message", [
    pytest.param("password123", f"This is a very common password. {ADVICE}", id="common"),
    pytest.param("Priya Shah 2026", f"Do not use your name or email address in your password. {ADVICE}", id="own-name"),
    pytest.param(EMAIL + "!", f"Do not use your name or email address in your password. {ADVICE}", id="own-email"),
])
def test_a_reset_link_refuses_a_weak_password_for_its_owner(client, make_user, outbox, password, message):
    user = make_user(email=EMAIL, full_name=NAME)
    link = _reset_link(client, user, outbox)
    response = client.post(link, data={"password": password, "confirm_password": password})
    assert response.status_code == 200
    assert message in _page_text(response)
    good = "tangerine kettle orbit"
    assert client.post(link, data={"password": good, "confirm_password": good}).status_code == 302


@pytest.mark.parametrize("password,message", [
    pytest.param("password123", "This is a very common password", id="common"),
    pytest.param("Alex Boss 2026", "Do not use your name or email address", id="own-name"),
    pytest.param("short", "at least 10 characters", id="too-short"),
])
def test_admin_create_refuses_a_weak_password(app, password, message):
    result = app.test_cli_runner().invoke(
        args=["admin", "create", "boss@example.org", "--name", "Alex Boss", "--password", password]
    )
    assert result.exit_code != 0
    assert message in result.output
