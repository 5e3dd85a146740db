"""Two-step sign-in: who must have it, what a password alone gets, and every way a code is refused."""
from __future__ import annotations

import time

import pyotp
import pytest
from sqlalchemy import func, select

from portal.accounts.roles import Role
from portal.employers.models import OrganisationStatus
from portal.extensions import db
from portal.twofactor import services as two_factor
from portal.twofactor.models import RecoveryCode, TwoFactorSecret
from portal.twofactor.pending import PENDING_KEY
from tests.factories import PASSWORD, TWO_FACTOR_SECRET, sign_in, turn_on_two_factor

CODE_PAGE = "/sign-in/code"
SET_UP = "/account/two-factor/set-up"
TURN_OFF = "/account/two-factor/turn-off"


@pytest.fixture
def person(app, make_user, make_organisation):
    """Makes one of the people in the tables below, by name."""

    def make(who: str):
        organisation = make_organisation()
        roles, two_factor_on = {
            "admin without 2FA": ((Role.ADMIN,), False),
            "admin with 2FA": ((Role.ADMIN,), True),
            "recruiter without 2FA": ((Role.RECRUITER,), False),
            "recruiter with 2FA": ((Role.RECRUITER,), True),
            "trainer with 2FA": ((Role.TRAINER,), True),
            "seeker": ((Role.JOB_SEEKER,), False),
        }[who]
        user = make_user(roles=roles, organisation=None if Role.ADMIN in roles else organisation)
        if two_factor_on:
            turn_on_two_factor(app, user)
        return user

    return make


def password_only(client, user, next_url=None):
    return client.post("/sign-in" + (f"?next={next_url}" if next_url else ""),
                       data={"email": user.email, "password": PASSWORD})


def current_code() -> str:
    return pyotp.TOTP(TWO_FACTOR_SECRET).now()


def next_code() -> str:
    """The code of the next time step, still accepted after signing in used the current one."""
    return pyotp.TOTP(TWO_FACTOR_SECRET).at(time.time(), counter_offset=1)


def enter_code(client, code):
    return client.post(CODE_PAGE, data={"code": code})


def is_on(app, user) -> bool:
    with app.app_context():
        return two_factor.is_enabled(user)


def home_of(who: str) -> str:
    """Where each role lands once signed in."""
    return {"admin": "/admin", "recruiter": "/recruiter", "trainer": "/recruiter/passports"}.get(who.split()[0], "/")


# --- What a correct password alone gets ---------------------------------------------------------------

@pytest.mark.parametrize("who, after_password, account_page, admin_page", [
    ("admin without 2FA", "/admin", SET_UP, SET_UP),
    ("admin with 2FA", CODE_PAGE, "/sign-in?next=%2Faccount", "/sign-in?next=%2Fadmin"),
    ("recruiter without 2FA", "/recruiter", 200, 403),
    ("recruiter with 2FA", CODE_PAGE, "/sign-in?next=%2Faccount", "/sign-in?next=%2Fadmin"),
    ("trainer with 2FA", CODE_PAGE, "/sign-in?next=%2Faccount", "/sign-in?next=%2Fadmin"),
    ("seeker", "/", 200, 403),
])
def test_a_password_alone(client, person, who, after_password, account_page, admin_page):
    user = person(who)
    assert password_only(client, user).location == after_password
    for path, expected in (("/account", account_page), ("/admin", admin_page)):
        response = client.get(path)
        assert (response.status_code if isinstance(expected, int) else response.location) == expected, path


@pytest.mark.parametrize("who, admin_page", [
    ("admin with 2FA", 200),
    ("recruiter with 2FA", 403),
    ("trainer with 2FA", 403),
])
def test_the_password_and_a_current_code_sign_in(client, person, who, admin_page):
    user = person(who)
    password_only(client, user)
    assert enter_code(client, current_code()).location == home_of(who)
    assert client.get("/account").status_code == 200
    assert client.get("/admin").status_code == admin_page
    with client.session_transaction() as session:
        assert PENDING_KEY not in session


# --- An admin without a second factor reaches nothing but the set-up ----------------------------------

@pytest.mark.parametrize("method, path, expected", [
    ("get", "/admin", SET_UP),
    ("get", "/admin/passport", SET_UP),
    ("post", "/admin/organisations/1/approve", SET_UP),
    ("get", "/employers/{pending organisation}", SET_UP),  # an admin may preview unapproved organisations
    ("get", "/account", SET_UP),
    ("get", "/jobs", SET_UP),
    ("get", "/account/two-factor/recovery-codes", SET_UP),
    ("get", "/no-such-page", SET_UP),
    ("get", SET_UP, 200),
    ("get", "/static/portal.css", 200),
    ("post", "/sign-out", "/"),
], ids=lambda value: value if isinstance(value, str) and value.startswith("/") else None)
def test_an_admin_without_a_second_factor_is_sent_to_set_it_up(
    client, person, make_organisation, method, path, expected
):
    pending = make_organisation(status=OrganisationStatus.PENDING)
    sign_in(client, person("admin without 2FA"))
    response = getattr(client, method)(path.replace("{pending organisation}", pending.slug))
    assert (response.status_code if isinstance(expected, int) else response.location) == expected


def test_the_admin_reaches_everything_once_it_is_on(app, client, person):
    admin = person("admin without 2FA")
    sign_in(client, admin)
    client.get(SET_UP)
    with app.app_context():
        secret = db.session.get(TwoFactorSecret, admin.id).secret
    page = client.post(SET_UP, data={"code": pyotp.TOTP(secret).now()}).get_data(as_text=True)
    assert "Save your recovery codes" in page
    assert client.get("/admin").status_code == 200


# --- The code step refuses ----------------------------------------------------------------------------

WHO_HAS_IT = ["admin with 2FA", "recruiter with 2FA"]


@pytest.mark.parametrize("who", WHO_HAS_IT)
@pytest.mark.parametrize("code, message", [
    ("000000", "The code is not correct"),
    ("12345", "The code is not correct"),
    ("", "Enter the 6-digit code from your authenticator app, or a recovery code"),
    ("abcd-efgh-jkmn-pqrs", "The code is not correct"),
    ("1\x002345", "The code is not correct"),
    ("9" * 5000, "Enter the 6-digit code from your authenticator app, or a recovery code"),
], ids=["wrong", "too short", "empty", "unknown recovery code", "NUL byte", "5000 characters"])
def test_a_wrong_code_is_refused_on_the_page(client, person, who, code, message):
    password_only(client, person(who))
    response = enter_code(client, code)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert message in page and 'href="#code"' in page and page.count("<h1") == 1
    assert client.get("/account").status_code == 302


@pytest.mark.parametrize("who", WHO_HAS_IT)
def test_a_code_whose_time_step_was_used_is_refused(client, person, who):
    user = person(who)
    code = current_code()
    password_only(client, user)
    assert enter_code(client, code).location == home_of(who)
    client.post("/sign-out")
    password_only(client, user)
    assert "That code has already been used" in enter_code(client, code).get_data(as_text=True)
    assert client.get("/account").status_code == 302


@pytest.mark.parametrize("who", WHO_HAS_IT)
def test_a_recovery_code_works_once(app, client, person, who):
    user = person(who)
    with app.app_context():
        codes = two_factor.replace_recovery_codes(user)
        db.session.commit()
    password_only(client, user)
    assert enter_code(client, codes[3].upper().replace("-", " ")).location == home_of(who)
    assert "You signed in with a recovery code, so it no longer works. You have 9 left" in client.get("/").get_data(as_text=True)
    client.post("/sign-out")
    password_only(client, user)
    assert "The code is not correct" in enter_code(client, codes[3]).get_data(as_text=True)
    assert client.get("/account").status_code == 302


@pytest.mark.parametrize("who", WHO_HAS_IT)
@pytest.mark.parametrize("age_seconds, answer", [
    (60, 200),
    (301, "/sign-in"),
], ids=["1 minute old", "over 5 minutes old"])
def test_a_pending_sign_in_expires_after_five_minutes(client, person, who, age_seconds, answer):
    password_only(client, person(who))
    with client.session_transaction() as session:
        session[PENDING_KEY] = dict(session[PENDING_KEY], at=session[PENDING_KEY]["at"] - age_seconds)
    response = enter_code(client, current_code())
    if answer == 200:
        assert response.location == home_of(who)
    else:
        assert response.location == answer
        assert "more than 5 minutes" in client.get("/sign-in").get_data(as_text=True)
        assert client.get("/account").status_code == 302


def test_the_code_page_without_a_password_first_goes_to_sign_in(client):
    assert client.get(CODE_PAGE).location == "/sign-in"
    assert enter_code(client, current_code()).location == "/sign-in"


@pytest.mark.parametrize("who", WHO_HAS_IT)
def test_five_wrong_codes_end_the_sign_in(client, person, who):
    password_only(client, person(who))
    for _ in range(4):
        assert enter_code(client, "000000").status_code == 200
    assert enter_code(client, "000000").location == "/sign-in"
    assert "Sign in again to get more tries" in client.get("/sign-in").get_data(as_text=True)
    assert enter_code(client, current_code()).location == "/sign-in"
    assert client.get("/account").status_code == 302


@pytest.mark.parametrize("who", WHO_HAS_IT)
def test_ten_wrong_codes_in_fifteen_minutes_lock_the_account_even_for_a_right_code(client, person, who):
    user = person(who)
    for _ in range(2):
        password_only(client, user)
        for _ in range(5):
            enter_code(client, "000000")
    password_only(client, user)
    assert enter_code(client, current_code()).location == "/sign-in"
    assert "too many wrong codes. Wait 15 minutes" in client.get("/sign-in").get_data(as_text=True)
    assert client.get("/account").status_code == 302


@pytest.mark.parametrize("offset_steps, accepted", [(-2, False), (-1, True), (0, True), (1, True), (2, False)])
def test_codes_of_one_time_step_either_side_are_accepted(app, person, offset_steps, accepted):
    user = person("recruiter with 2FA")
    now = 1_800_000_000
    code = pyotp.TOTP(TWO_FACTOR_SECRET).at(now, counter_offset=offset_steps)
    with app.app_context():
        if accepted:
            two_factor.verify_code(user, code, now=now)
        else:
            with pytest.raises(two_factor.CodeRefused):
                two_factor.verify_code(user, code, now=now)


# --- Turning it off -----------------------------------------------------------------------------------

@pytest.mark.parametrize("who, password, code, status, still_on", [
    ("admin with 2FA", PASSWORD, "current", 403, True),
    ("recruiter with 2FA", PASSWORD, "current", 302, False),
    ("recruiter with 2FA", PASSWORD, "recovery", 302, False),
    ("recruiter with 2FA", "wrong password", "current", 200, True),
    ("recruiter with 2FA", PASSWORD, "000000", 200, True),
    ("recruiter with 2FA", PASSWORD, "", 200, True),
    ("recruiter with 2FA", "", "current", 200, True),
], ids=["admin refused", "recruiter with password and code", "recruiter with a recovery code",
        "wrong password", "wrong code", "no code", "no password"])
def test_turning_it_off(app, client, person, who, password, code, status, still_on):
    user = person(who)
    sign_in(client, user)
    with app.app_context():
        recovery = two_factor.replace_recovery_codes(user)[0]
        db.session.commit()
    typed = {"current": next_code(), "recovery": recovery}.get(code, code)
    response = client.post(TURN_OFF, data={"password": password, "code": typed})
    assert response.status_code == status
    assert is_on(app, user) is still_on
    if status == 200:
        assert 'href="#' in response.get_data(as_text=True)
    with app.app_context():
        codes_kept = db.session.scalar(select(func.count()).where(RecoveryCode.user_id == user.id))
    assert bool(codes_kept) is still_on


def test_an_admin_cannot_turn_it_off_by_any_service_call(app, person):
    admin = person("admin with 2FA")
    with app.app_context():
        with pytest.raises(two_factor.AdminsMustKeepTwoFactor):
            two_factor.disable_two_factor(admin, PASSWORD, current_code())
    assert is_on(app, admin)


def test_every_route_but_the_set_up_sign_out_and_static_files_sends_such_an_admin_to_set_up(app, client, person):
    sign_in(client, person("admin without 2FA"))
    open_endpoints = {"static", "pages.static", "accounts.sign_out", "twofactor.set_up"}
    checked = 0
    for rule in app.url_map.iter_rules():
        if rule.endpoint in open_endpoints:
            continue
        # Arguments that take only named values get one of them; the rest an id.
        named = {"action": "suspend", "kind": "role"}
        path = rule.build({name: named.get(name, 1) for name in rule.arguments}, append_unknown=False)[1]
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            response = client.open(path, method=method)
            assert response.status_code == 302 and response.location == SET_UP, f"{method} {path}"
            checked += 1
    assert checked > 100
