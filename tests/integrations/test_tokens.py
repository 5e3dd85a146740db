"""API tokens: recruiters create them (shown once, kept only as a hash) and revoke them, for their own
organisation only."""
from __future__ import annotations

import hashlib
import re

from sqlalchemy import select

from portal.extensions import db
from portal.integrations.models import ApiToken
from tests.integrations.conftest import bearer

TOKENS = "/recruiter/organisation/api-tokens"
TOKEN_PATTERN = re.compile(r"ptc_[A-Za-z0-9_-]{43}")


def _tokens(app) -> list[ApiToken]:
    with app.app_context():
        tokens = list(db.session.scalars(select(ApiToken).order_by(ApiToken.id)))
        for api_token in tokens:
            db.session.expunge(api_token)
        return tokens


def test_a_new_token_is_shown_once_and_stored_as_a_hash(app, recruiter_client):
    recruiter, organisation = recruiter_client(name="Charnwood Care")

    response = recruiter.post(TOKENS, data={"name": "Trac"})

    page = response.get_data(as_text=True)
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    assert page.count("<h1") == 1 and "Copy the token now" in page
    [token] = set(TOKEN_PATTERN.findall(page))
    [stored] = _tokens(app)
    assert (stored.organisation_id, stored.name, stored.prefix) == (organisation.id, "Trac", token[:12])
    assert stored.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in (stored.token_hash, stored.prefix)
    listing = recruiter.get(TOKENS).get_data(as_text=True)
    assert "Trac" in listing and token[:12] in listing and token not in listing
    assert recruiter.get("/api/v1/employer/vacancies", headers=bearer(token)).status_code == 200


def test_the_tokens_page_lists_use_and_offers_revoking(app, client, recruiter_client, make_token, make_organisation):
    recruiter, organisation = recruiter_client()
    token = make_token(organisation, name="HR system")
    make_token(make_organisation(), name="Someone else's system")
    client.get("/api/v1/employer/vacancies", headers=bearer(token))

    page = recruiter.get(TOKENS).get_data(as_text=True)

    assert page.count("<h1") == 1
    assert "HR system" in page and "Someone else" not in page
    assert "Never" not in page and "Revoke" in page
    assert _tokens(app)[0].last_used_at is not None


def test_a_name_is_needed(app, recruiter_client):
    recruiter, _ = recruiter_client()

    page = recruiter.post(TOKENS, data={"name": "  "}).get_data(as_text=True)

    assert "There is a problem" in page
    assert page.count("Enter a name for the token") == 2
    assert _tokens(app) == []


def test_a_revoked_token_stops_working_at_once(app, client, recruiter_client):
    recruiter, _ = recruiter_client()
    token = TOKEN_PATTERN.search(recruiter.post(TOKENS, data={"name": "Trac"}).get_data(as_text=True)).group()
    assert client.get("/api/v1/employer/vacancies", headers=bearer(token)).status_code == 200
    [stored] = _tokens(app)

    response = recruiter.post(f"{TOKENS}/{stored.id}/revoke", follow_redirects=True)

    assert "is revoked" in response.get_data(as_text=True)
    assert _tokens(app)[0].revoked_at is not None
    refused = client.get("/api/v1/employer/vacancies", headers=bearer(token))
    assert refused.status_code == 401 and 'error="invalid_token"' in refused.headers["WWW-Authenticate"]


def test_another_organisations_token_cannot_be_revoked(app, client, recruiter_client, make_organisation, make_token):
    recruiter, _ = recruiter_client()
    theirs = make_token(make_organisation())
    [their_token] = _tokens(app)

    response = recruiter.post(f"{TOKENS}/{their_token.id}/revoke")

    assert response.status_code == 404
    assert _tokens(app)[0].revoked_at is None
    assert client.get("/api/v1/employer/vacancies", headers=bearer(theirs)).status_code == 200


def test_the_pages_are_for_recruiters_only(client, make_user, make_organisation, make_token, app):
    from tests.factories import sign_in

    make_token(make_organisation())
    [token] = _tokens(app)
    assert client.get(TOKENS).status_code == 302
    assert client.post(f"{TOKENS}/{token.id}/revoke").status_code == 302
    sign_in(client, make_user())
    assert client.get(TOKENS).status_code == 403
    assert client.post(TOKENS, data={"name": "Mine"}).status_code == 403
    assert client.post(f"{TOKENS}/{token.id}/revoke").status_code == 403
    assert _tokens(app)[0].revoked_at is None


def test_an_organisation_has_a_limited_number_of_tokens(app, recruiter_client, monkeypatch):
    from portal.integrations import services

    monkeypatch.setattr(services, "MAX_ACTIVE_TOKENS", 2)
    recruiter, _ = recruiter_client()
    for name in ("One", "Two"):
        recruiter.post(TOKENS, data={"name": name})

    page = recruiter.post(TOKENS, data={"name": "Three"}).get_data(as_text=True)

    assert "Your organisation has 2 tokens in use. Revoke one you no longer need first" in page
    assert [api_token.name for api_token in _tokens(app)] == ["One", "Two"]
