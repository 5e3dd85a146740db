"""Rate limits: failed sign-ins per account and per address (successes never count), password resets,
the trusted proxy setting, made-up API tokens and the public API."""
import secrets

import pytest

from portal import create_app
from portal.accounts.models import User
from portal.employers.models import Organisation
from portal.extensions import db
from portal.integrations import services as integrations
from tests.factories import PASSWORD

WRONG = "not the right password"
ACCOUNT_REFUSAL = "Too many attempts to sign in to this account. Wait 15 minutes or reset your password"
ADDRESS_REFUSAL = "Too many failed attempts to sign in from your network. Wait 15 minutes, then try again"


def _sign_in(client, email, password, address="203.0.113.7", headers=None):
    return client.post("/sign-in", data={"email": email, "password": password},
                       environ_base={"REMOTE_ADDR": address}, headers=headers or {})


def _text(response) -> str:
    return response.get_data(as_text=True).replace("&#39;", "'")


@pytest.fixture
def small_address_limit(app, monkeypatch):
    monkeypatch.setitem(app.config, "SIGN_IN_ADDRESS_LIMIT", "8 per 15 minutes")


# Failures per account ----------------------------------------------------------------------------------

@pytest.mark.parametrize("account_exists", [True, False], ids=["known-account", "unknown-email-same-answer"])
def test_the_sixth_failure_for_an_account_is_refused_with_advice(client, make_user, account_exists):
    email = make_user().email if account_exists else "nobody@example.org"
    codes = [_sign_in(client, email, WRONG).status_code for _ in range(5)]
    refused = _sign_in(client, email.upper(), WRONG)
    assert codes == [200] * 5
    assert refused.status_code == 429
    assert ACCOUNT_REFUSAL in _text(refused)
    assert int(refused.headers["Retry-After"]) > 14 * 60


def test_once_refused_even_the_right_password_waits(client, make_user):
    user = make_user()
    for _ in range(5):
        _sign_in(client, user.email, WRONG)
    assert _sign_in(client, user.email, PASSWORD).status_code == 429


@pytest.mark.parametrize("who,address,expected", [
    ("another account", "203.0.113.7", 302),
    ("the same account", "198.51.100.20", 429),
], ids=["other-account-same-address-signs-in", "same-account-other-address-still-refused"])
def test_the_account_count_is_the_accounts_alone(client, make_user, who, address, expected):
    locked, other = make_user(), make_user()
    for _ in range(5):
        _sign_in(client, locked.email, WRONG)
    email = other.email if who == "another account" else locked.email
    assert _sign_in(client, email, PASSWORD, address=address).status_code == expected


def test_successful_sign_ins_never_count(app, make_user):
    user = make_user()
    client = app.test_client()
    for _ in range(12):
        assert _sign_in(client, user.email, PASSWORD).status_code == 302
        client.post("/sign-out")
    codes = [_sign_in(client, user.email, WRONG).status_code for _ in range(5)]
    assert codes == [200] * 5


# Failures per address ------------------------------------------------------------------------------------

def test_failures_across_accounts_are_limited_per_address(client, small_address_limit):
    codes = [_sign_in(client, f"person{n}@example.org", WRONG).status_code for n in range(8)]
    refused = _sign_in(client, "someone.else@example.org", WRONG)
    assert codes == [200] * 8
    assert refused.status_code == 429 and ADDRESS_REFUSAL in _text(refused)
    assert _sign_in(client, "someone.else@example.org", WRONG, address="198.51.100.20").status_code == 200


# The trusted proxy setting -------------------------------------------------------------------------------

@pytest.fixture
def app_behind_one_proxy(app):
    """The portal configured with TRUSTED_PROXY_COUNT=1, on the same database."""
    proxied = create_app({**app.config, "TRUSTED_PROXY_COUNT": 1})
    yield proxied
    with proxied.app_context():
        db.engine.dispose()


def _spoofed(n: int) -> dict:
    return {"X-Forwarded-For": f"192.0.2.{n}"}


def test_by_default_a_forged_forwarded_for_does_not_dodge_the_address_limit(client, small_address_limit):
    codes = [_sign_in(client, f"person{n}@example.org", WRONG, headers=_spoofed(n)).status_code for n in range(9)]
    assert codes == [200] * 8 + [429]


def test_behind_a_trusted_proxy_the_forwarded_address_is_the_clients(app_behind_one_proxy, monkeypatch):
    monkeypatch.setitem(app_behind_one_proxy.config, "SIGN_IN_ADDRESS_LIMIT", "8 per 15 minutes")
    client = app_behind_one_proxy.test_client()
    proxy = "10.0.0.2"
    same_client = [_sign_in(client, f"person{n}@example.org", WRONG, proxy, _spoofed(1)).status_code for n in range(9)]
    other_client = _sign_in(client, "another@example.org", WRONG, proxy, _spoofed(2)).status_code
    assert same_client == [200] * 8 + [429]
    assert other_client == 200


# Password resets -----------------------------------------------------------------------------------------

def test_reset_requests_are_limited_per_email_whether_or_not_it_has_an_account(client, make_user, outbox):
    user = make_user()
    for email in (user.email, "nobody@example.org"):
        codes = [client.post("/forgot-password", data={"email": email}).status_code for _ in range(6)]
        assert codes == [200] * 5 + [429]
    assert len(outbox()) == 5
    refused = client.post("/forgot-password", data={"email": user.email})
    assert "Check your inbox and spam folder, or wait 60 minutes" in _text(refused)


def test_made_up_reset_links_are_limited_per_address(client, monkeypatch, app):
    monkeypatch.setitem(app.config, "PASSWORD_RESET_ADDRESS_LIMIT", "3 per hour")
    codes = [client.get(f"/reset-password/made-up-{n}").status_code for n in range(4)]
    assert codes == [400, 400, 400, 429]


# The employer API: made-up tokens ------------------------------------------------------------------------

EMPLOYER_URL = "/api/v1/employer/vacancies"


@pytest.fixture
def real_token(app, make_organisation, make_recruiter):
    organisation = make_organisation()
    recruiter = make_recruiter(organisation)
    with app.app_context():
        _, token = integrations.create_token(
            db.session.get(Organisation, organisation.id), "Trac", db.session.get(User, recruiter.id)
        )
        db.session.commit()
    return token


def _api(client, token, address="203.0.113.7"):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return client.get(EMPLOYER_URL, headers=headers, environ_base={"REMOTE_ADDR": address})


def test_made_up_tokens_are_refused_per_address_after_twenty(client, real_token):
    codes = [_api(client, secrets.token_urlsafe(32)).status_code for _ in range(20)]
    refused = _api(client, secrets.token_urlsafe(32))
    assert codes == [401] * 20
    assert refused.status_code == 429
    error = refused.get_json()["error"]
    assert error["status"] == 429 and "valid API token" in error["detail"]
    assert _api(client, real_token, address="198.51.100.20").status_code == 200


def test_a_valid_token_is_not_counted_as_a_failure(client, app, monkeypatch, real_token):
    monkeypatch.setitem(app.config, "API_TOKEN_FAILURE_LIMIT", "3 per minute")
    assert [_api(client, real_token).status_code for _ in range(5)] == [200] * 5
    assert [_api(client, None).status_code for _ in range(4)] == [401, 401, 401, 429]


# The public API ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("url", ["/api/v1/vacancies", "/api/v1/openapi.json", "/api/v1/vacancies/1"])
def test_the_public_api_is_limited_per_address_with_headers(client, app, monkeypatch, url):
    monkeypatch.setitem(app.config, "PUBLIC_API_RATE_LIMIT", "3 per minute")
    first = client.get(url, environ_base={"REMOTE_ADDR": "203.0.113.7"})
    assert first.headers["X-RateLimit-Limit"] == "3" and first.headers["X-RateLimit-Remaining"] == "2"
    for _ in range(2):
        client.get(url, environ_base={"REMOTE_ADDR": "203.0.113.7"})
    refused = client.get(url, environ_base={"REMOTE_ADDR": "203.0.113.7"})
    assert refused.status_code == 429 and "Retry-After" in refused.headers
    assert refused.get_json()["error"]["status"] == 429
    assert "Too many requests came from your address" in refused.get_json()["error"]["detail"]
    assert client.get(url, environ_base={"REMOTE_ADDR": "198.51.100.20"}).status_code != 429
