"""Signed-in sessions end when they should, and a copy of the cookie ends with them.

Every case runs against both session stores (the database and Redis).
"""
from __future__ import annotations

import re

import pytest
from flask.sessions import SecureCookieSessionInterface
from flask_login.utils import encode_cookie

from portal.accounts.models import User
from portal.accounts.roles import Role
from portal.config import KNOWN_DEVELOPMENT_SECRET_KEY
from portal.extensions import db
from tests.factories import PASSWORD, sign_in, turn_on_two_factor
from tests.session_stores import copy_of

NEW_PASSWORD = "a completely new password"
PRIVATE_PAGES = ("/account", "/applications")


def signed_in(client) -> bool:
    return client.get("/account").status_code == 200


def assert_sent_to_sign_in(client):
    for page in PRIVATE_PAGES:
        response = client.get(page)
        assert response.status_code == 302, page
        assert response.headers["Location"].startswith("/sign-in?next="), page


def _reset_elsewhere(app, user, outbox):
    elsewhere = app.test_client()
    elsewhere.post("/forgot-password", data={"email": user.email})
    body = outbox()[-1].get_body(preferencelist=("plain",)).get_content()
    link = re.search(r"http://localhost(/reset-password/\S+)", body).group(1)
    assert elsewhere.post(link, data={"password": NEW_PASSWORD, "confirm_password": NEW_PASSWORD}).status_code == 302


def _change_password_elsewhere(app, user, outbox):
    elsewhere = app.test_client()
    sign_in(elsewhere, user)
    response = elsewhere.post("/account/password", data={
        "current_password": PASSWORD, "password": NEW_PASSWORD, "confirm_password": NEW_PASSWORD,
    })
    assert response.status_code == 302


def _sign_out_others_elsewhere(app, user, outbox):
    elsewhere = app.test_client()
    sign_in(elsewhere, user)
    assert elsewhere.post("/account/sessions/sign-out-others").status_code == 302


def _delete_account_elsewhere(app, user, outbox):
    elsewhere = app.test_client()
    sign_in(elsewhere, user)
    page = elsewhere.post("/account/delete", data={"understood": "y", "password": PASSWORD}).get_data(as_text=True)
    assert "deleted" in page


def _deactivate(app, user, outbox):
    with app.app_context():
        db.session.get(User, user.id).is_active_account = False
        db.session.commit()


# Who ends the session, and how; the browser whose cookie was copied did nothing after.
ENDINGS = {
    "another device resets the password by email link": _reset_elsewhere,
    "another device changes the password": _change_password_elsewhere,
    "another device signs out of all other devices": _sign_out_others_elsewhere,
    "the account is deleted": _delete_account_elsewhere,
    "the account is deactivated": _deactivate,
}


@pytest.mark.parametrize("ending", ENDINGS.values(), ids=ENDINGS.keys())
def test_a_copied_cookie_stops_working_when_the_session_is_ended_elsewhere(
    app, session_store_kind, make_user, outbox, ending
):
    user = make_user()
    browser = app.test_client()
    sign_in(browser, user)
    copied = copy_of(app, browser)
    assert signed_in(copied)
    ending(app, user, outbox)
    assert_sent_to_sign_in(browser)
    assert_sent_to_sign_in(copied)


def test_a_cookie_copied_before_signing_out_does_not_work_after(app, session_store_kind, make_user):
    user = make_user()
    browser = app.test_client()
    sign_in(browser, user)
    copied = copy_of(app, browser)
    assert browser.post("/sign-out").status_code == 302
    assert_sent_to_sign_in(copied)
    assert_sent_to_sign_in(browser)


# What one device does, and whether the person's other device stays signed in.
OTHER_DEVICE_AFTER = [
    pytest.param("/account/password", {"current_password": PASSWORD, "password": NEW_PASSWORD, "confirm_password": NEW_PASSWORD},
                 True, False, id="change password: this device stays, the other is signed out"),
    pytest.param("/account/sessions/sign-out-others", {}, True, False,
                 id="sign out of other devices: this device stays, the other is signed out"),
    pytest.param("/sign-out", {}, False, True, id="sign out: this device is signed out, the other stays"),
    pytest.param("/account/password", {"current_password": "not my password", "password": NEW_PASSWORD, "confirm_password": NEW_PASSWORD},
                 True, True, id="wrong current password: nothing changes"),
]


@pytest.mark.parametrize("path,form,this_stays,other_stays", OTHER_DEVICE_AFTER)
def test_what_one_device_does_to_the_others(app, session_store_kind, make_user, path, form, this_stays, other_stays):
    user = make_user()
    this_device, other_device = app.test_client(), app.test_client()
    sign_in(this_device, user)
    sign_in(other_device, user)
    cookie_before = this_device.get_cookie("session", domain="localhost").value
    this_device.post(path, data=form)
    assert signed_in(this_device) is this_stays
    assert signed_in(other_device) is other_stays
    if path == "/account/password" and this_stays and not other_stays:
        # The password change gave this device a new session: the cookie it had before is worth nothing.
        stale = app.test_client()
        stale.set_cookie("session", cookie_before, domain="localhost")
        assert not signed_in(stale)


STAFF = (Role.ADMIN, Role.RECRUITER, Role.TRAINER)
# Who, how long they did nothing, and whether they are still signed in (staff 30 minutes, others 120).
IDLE = [
    (Role.JOB_SEEKER, 29, True),
    (Role.JOB_SEEKER, 119, True),
    (Role.JOB_SEEKER, 121, False),
    *[(role, 29, True) for role in STAFF],
    *[(role, 31, False) for role in STAFF],
]


@pytest.mark.parametrize(
    "role,idle_minutes,still_signed_in", IDLE, ids=[f"{role.value} idle {minutes} min" for role, minutes, _ in IDLE]
)
def test_idle_limit_by_role(app, session_store_kind, clock, make_organisation, make_user, role, idle_minutes, still_signed_in):
    organisation = make_organisation() if role in (Role.RECRUITER, Role.TRAINER) else None
    user = make_user(roles=(role,), organisation=organisation)
    if role is Role.ADMIN:
        turn_on_two_factor(app, user)
    browser = app.test_client()
    sign_in(browser, user)
    clock.advance(minutes=idle_minutes)
    assert signed_in(browser) is still_signed_in
    if not still_signed_in:
        assert_sent_to_sign_in(browser)


def test_activity_keeps_a_session_alive_until_its_absolute_limit(app, session_store_kind, clock, make_user):
    user = make_user()
    browser = app.test_client()
    sign_in(browser, user)
    for _hour in range(11):
        clock.advance(minutes=60)
        assert signed_in(browser)
    clock.advance(minutes=61)
    assert not signed_in(browser)
    assert_sent_to_sign_in(browser)


def test_a_timed_out_session_stays_ended_when_the_clock_is_turned_back(app, session_store_kind, clock, make_user):
    user = make_user(roles=(Role.ADMIN,))
    browser = app.test_client()
    sign_in(browser, user)
    copied = copy_of(app, browser)
    clock.advance(minutes=31)
    assert not signed_in(browser)
    clock.advance(minutes=-31)
    assert not signed_in(copied)


# Cookies nobody was given by signing in.
def _forged_with(key: str, payload: dict, app) -> str:
    original, app.secret_key = app.secret_key, key
    try:
        return SecureCookieSessionInterface().get_signing_serializer(app).dumps(payload)
    finally:
        app.secret_key = original


FORGED = {
    "signed with the old development key": (KNOWN_DEVELOPMENT_SECRET_KEY, False),
    "signed with the real key but naming no session": (None, False),
    "signed with the real key and a made-up session token": (None, True),
}


@pytest.mark.parametrize("key,with_token", FORGED.values(), ids=FORGED.keys())
def test_a_forged_session_cookie_does_not_open_admin(app, session_store_kind, make_admin, key, with_token):
    admin = make_admin()
    payload = {"_user_id": str(admin.id), "_fresh": True}
    if with_token:
        payload["session_token"] = "made-up-token"
    cookie = _forged_with(key or app.secret_key, payload, app)
    browser = app.test_client()
    browser.set_cookie("session", cookie, domain="localhost")
    response = browser.get("/admin")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/sign-in")


def test_a_remember_me_cookie_signs_nobody_in(app, session_store_kind, make_admin):
    admin = make_admin()
    with app.test_request_context():
        remember = encode_cookie(str(admin.id))
    browser = app.test_client()
    browser.set_cookie("remember_token", remember, domain="localhost")
    assert browser.get("/admin").status_code == 302
