"""Setting up two-step sign-in, recovery codes, the account page, and signing in with ``next``."""
import io
import json
import re
import zipfile

import pyotp
import pytest
from sqlalchemy import select

from portal.accounts.models import User
from portal.accounts.roles import Role
from portal.extensions import db
from portal.twofactor import services as two_factor
from portal.twofactor.models import RecoveryCode, TwoFactorSecret
from tests.factories import PASSWORD, TWO_FACTOR_SECRET, sign_in, turn_on_two_factor
from tests.test_page_structure import check as check_page_structure

SET_UP = "/account/two-factor/set-up"
RECOVERY_CODES = "/account/two-factor/recovery-codes"


def shown_key(page: str) -> str:
    return re.search(r'class="portal-setup-key"><code>([A-Z2-7 ]+)</code>', page).group(1).replace(" ", "")


def shown_recovery_codes(page: str) -> list[str]:
    return re.findall(r"<li><code>([a-z2-9-]+)</code></li>", page)


@pytest.fixture
def seeker_client(app, make_user):
    client = app.test_client()
    user = make_user()
    sign_in(client, user)
    return client, user


def test_the_set_up_page_shows_an_inline_qr_code_and_the_key_in_fours(seeker_client):
    client, user = seeker_client
    response = client.get(SET_UP)
    page = response.get_data(as_text=True)
    assert response.headers["Cache-Control"] == "no-store"
    assert page.count("<h1") == 1
    assert '<svg role="img" viewBox=' in page and "<title>QR code" in page
    assert "data:" not in page and "<script>" not in page.split("</main>")[0].split("<main")[1]
    assert "Microsoft Authenticator or Google Authenticator" in page
    key = shown_key(page)
    assert len(key) == 32
    assert re.search(r'<code>([A-Z2-7]{4} ){7}[A-Z2-7]{4}</code>', page)
    # Reloading the page keeps the same key, so a scan already made still works.
    assert shown_key(client.get(SET_UP).get_data(as_text=True)) == key
    assert "otpauth" not in page  # the address is only inside the QR code


def test_a_wrong_confirmation_code_leaves_it_off(app, seeker_client):
    client, user = seeker_client
    client.get(SET_UP)
    for code, message in (("", "Enter the 6-digit code"), ("12ab56", "Enter the code as 6 digits"),
                          ("000000", "The code is not correct")):
        page = client.post(SET_UP, data={"code": code}).get_data(as_text=True)
        assert message in page and 'href="#code"' in page and "Error: Set up" in page
    with app.app_context():
        assert not two_factor.is_enabled(user)
    # An unconfirmed key is never asked for at sign-in.
    client.post("/sign-out")
    assert sign_in(client, user).location == "/"


def test_confirming_turns_it_on_and_shows_ten_recovery_codes_once(app, seeker_client):
    client, user = seeker_client
    key = shown_key(client.get(SET_UP).get_data(as_text=True))
    response = client.post(SET_UP, data={"code": " ".join(pyotp.TOTP(key).now()[i:i + 3] for i in (0, 3))})
    page = response.get_data(as_text=True)
    assert response.headers["Cache-Control"] == "no-store"
    codes = shown_recovery_codes(page)
    assert len(codes) == len(set(codes)) == 10
    assert all(re.fullmatch(r"([a-z2-9]{4}-){3}[a-z2-9]{4}", code) for code in codes)
    with app.app_context():
        assert two_factor.is_enabled(user)
        hashes = db.session.scalars(select(RecoveryCode.code_hash).where(RecoveryCode.user_id == user.id)).all()
    assert len(hashes) == 10 and not set(codes) & set(hashes)
    # The codes are not shown again: the set-up page now goes to the account page.
    assert client.get(SET_UP).location == "/account"
    account = client.get("/account").get_data(as_text=True)
    assert "Two-step sign-in is on" in account and codes[0] not in account


def test_new_recovery_codes_void_the_old_ones(app, client, make_user):
    user = make_user()
    turn_on_two_factor(app, user)
    with app.app_context():
        old = two_factor.replace_recovery_codes(user)
        db.session.commit()
    sign_in(client, user)
    page = client.get(RECOVERY_CODES).get_data(as_text=True)
    assert "You have 10 unused recovery codes left" in page and page.count("<h1") == 1
    new = shown_recovery_codes(client.post(RECOVERY_CODES).get_data(as_text=True))
    assert len(new) == 10 and not set(new) & set(old)
    with app.app_context():
        assert not two_factor.use_recovery_code(user, old[0])
        assert two_factor.use_recovery_code(user, new[0])
        assert two_factor.recovery_codes_left(user) == 9


@pytest.mark.parametrize("roles, on, links", [
    ((Role.JOB_SEEKER,), False, ["Set up two-step sign-in"]),
    ((Role.RECRUITER,), True, ["Get new recovery codes", "Turn off two-step sign-in"]),
    ((Role.ADMIN,), True, ["Get new recovery codes"]),
])
def test_the_account_page_says_whether_it_is_on(app, client, make_user, make_organisation, roles, on, links):
    user = make_user(roles=roles, organisation=make_organisation() if Role.RECRUITER in roles else None)
    if on:
        turn_on_two_factor(app, user)
    sign_in(client, user)
    page = client.get("/account").get_data(as_text=True)
    assert ("Two-step sign-in is on" if on else "Two-step sign-in is off") in page
    for link in ["Set up two-step sign-in", "Get new recovery codes", "Turn off two-step sign-in"]:
        assert (f">{link}</a>" in page) is (link in links)


def test_the_refusal_to_turn_it_off_explains_itself_to_an_admin(admin_client):
    response = admin_client.get("/account/two-factor/turn-off")
    page = response.get_data(as_text=True)
    assert response.status_code == 403 and page.count("<h1") == 1
    assert "Administrators must always use two-step sign-in" in page


@pytest.mark.parametrize("next_url, lands_on", [
    ("/jobs?q=nurse", "/jobs?q=nurse"),
    ("https://evil.example/", "/"),
    ("//evil.example", "/"),
])
def test_next_survives_the_code_step_and_is_still_checked(app, client, make_user, next_url, lands_on):
    user = make_user()
    turn_on_two_factor(app, user)
    response = client.post("/sign-in", query_string={"next": next_url}, data={"email": user.email, "password": PASSWORD})
    assert response.location.startswith("/sign-in/code?next=")
    response = client.post(response.location, data={"code": pyotp.TOTP(TWO_FACTOR_SECRET).now()})
    assert response.location == lands_on


def test_the_code_page_has_one_heading_and_asks_for_either_code(app, client, make_user):
    user = make_user()
    turn_on_two_factor(app, user)
    client.post("/sign-in", data={"email": user.email, "password": PASSWORD})
    page = client.get("/sign-in/code").get_data(as_text=True)
    assert page.count("<h1") == 1 and 'autocomplete="one-time-code"' in page
    assert "enter one of your recovery codes instead" in page


def test_an_admin_made_on_the_command_line_sets_it_up_at_first_sign_in(app, client):
    result = app.test_cli_runner().invoke(
        args=["admin", "create", "boss@example.org", "--name", "Alex Boss", "--password", PASSWORD]
    )
    assert "set up two-step sign-in the first time they sign in" in result.output
    with app.app_context():
        admin = db.session.scalar(select(User).where(User.email == "boss@example.org"))
        db.session.expunge(admin)
    assert sign_in(client, admin).location == "/admin"
    assert client.get("/admin").location == SET_UP
    page = client.get(SET_UP).get_data(as_text=True)
    assert "As an administrator, you must set up two-step sign-in" in page
    client.post(SET_UP, data={"code": pyotp.TOTP(shown_key(page)).now()})
    assert client.get("/admin").status_code == 200


def test_resetting_on_the_command_line_lets_them_set_it_up_again(app, make_admin):
    admin = make_admin()
    with app.app_context():
        two_factor.replace_recovery_codes(admin)
        db.session.commit()
    result = app.test_cli_runner().invoke(args=["admin", "reset-two-step", admin.email.upper()])
    assert result.exit_code == 0, result.output
    with app.app_context():
        assert db.session.get(TwoFactorSecret, admin.id) is None
        assert two_factor.recovery_codes_left(admin) == 0
    result = app.test_cli_runner().invoke(args=["admin", "reset-two-step", "nobody@example.org"])
    assert result.exit_code != 0 and "No account has the email address" in result.output


def test_demo_accounts_say_the_admin_sets_it_up(app):
    result = app.test_cli_runner().invoke(args=["demo", "accounts"])
    assert "The admin sets up two-step sign-in the first time they sign in" in result.output


def test_every_two_step_page_has_one_heading_a_skip_link_and_labelled_fields(app, client, make_user):
    sign_in(client, make_user())
    check_page_structure(client, SET_UP)
    client.post("/sign-out")
    user = make_user()
    turn_on_two_factor(app, user)
    client.post("/sign-in", data={"email": user.email, "password": PASSWORD})
    check_page_structure(client, "/sign-in/code")
    client.post("/sign-in/code", data={"code": pyotp.TOTP(TWO_FACTOR_SECRET).now()})
    for path in (RECOVERY_CODES, "/account/two-factor/turn-off", "/account"):
        check_page_structure(client, path)


def test_the_data_export_says_whether_it_is_on_and_deleting_the_account_removes_it(app, client, make_user):
    user = make_user()
    turn_on_two_factor(app, user)
    with app.app_context():
        codes = two_factor.replace_recovery_codes(user)
        db.session.commit()
    sign_in(client, user)
    archive = zipfile.ZipFile(io.BytesIO(client.post("/account/data/export").data))
    data = json.loads(archive.read("data.json"))
    assert data["two_step_sign_in"]["turned_on_at"] and data["two_step_sign_in"]["unused_recovery_codes"] == 10
    assert TWO_FACTOR_SECRET not in json.dumps(data) and codes[0] not in json.dumps(data)

    client.post("/account/delete", data={"understood": "y", "password": PASSWORD})
    with app.app_context():
        assert db.session.get(TwoFactorSecret, user.id) is None
        assert not db.session.scalars(select(RecoveryCode).where(RecoveryCode.user_id == user.id)).all()
