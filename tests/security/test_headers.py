"""Security headers on every kind of page, no-store on every private response, framing refused, and
HTTPS only when the site says it is served over HTTPS."""
import re

import pytest

from portal import create_app
from portal.accounts.roles import Role
from portal.extensions import db
from tests.factories import sign_in

CSP = "Content-Security-Policy"


def _signed_in(app, user):
    client = app.test_client()
    sign_in(client, user)
    return client


@pytest.fixture
def site(app, make_organisation, make_vacancy, make_user):
    """fetch(kind) -> the response to one kind of page; signed-in kinds as a job seeker."""
    organisation = make_organisation(name="Charnwood Home Care")
    vacancy = make_vacancy(organisation)
    person = make_user()
    pages = {
        "home": (False, "/"),
        "search": (False, "/jobs?q=care"),
        "vacancy": (False, f"/jobs/{vacancy.id}/{vacancy.slug}"),
        "employer": (False, f"/employers/{organisation.slug}"),
        "sign-in": (False, "/sign-in"),
        "register": (False, "/register"),
        "verify-a-credential": (False, "/verify"),
        "not-found": (False, "/no-such-page"),
        "public-api": (False, "/api/v1/vacancies"),
        "sign-in-redirect": (False, "/account"),
        "account": (True, "/account"),
        "delete-account": (True, "/account/delete"),
        "passport-sharing": (True, "/passport/sharing"),
    }

    def fetch(kind):
        signed_in, url = pages[kind]
        client = _signed_in(app, person) if signed_in else app.test_client()
        return client.get(url)

    return fetch


PAGE_KINDS = ["home", "search", "vacancy", "employer", "sign-in", "register", "verify-a-credential", "not-found",
              "public-api", "sign-in-redirect", "account", "delete-account", "passport-sharing"]
EXPECTED = [
    pytest.param(CSP, "default-src 'self'", id="csp-default-self"),
    pytest.param(CSP, re.compile(r"script-src 'self' 'nonce-[\w-]{20,}'"), id="csp-script-nonce"),
    pytest.param(CSP, "object-src 'none'", id="csp-no-objects"),
    pytest.param(CSP, "base-uri 'none'", id="csp-no-base"),
    pytest.param(CSP, "frame-ancestors 'none'", id="csp-no-framing"),
    pytest.param(CSP, "form-action 'self'", id="csp-forms-to-self"),
    pytest.param(CSP, "img-src 'self'", id="csp-images-self"),
    pytest.param("X-Frame-Options", "DENY", id="x-frame-options"),
    pytest.param("X-Content-Type-Options", "nosniff", id="nosniff"),
    pytest.param("Referrer-Policy", "same-origin", id="referrer-policy"),
    pytest.param("Permissions-Policy", "camera=()", id="permissions-policy"),
]


@pytest.mark.parametrize("header,expected", EXPECTED)
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_every_kind_of_page_sends_the_header(site, kind, header, expected):
    value = site(kind).headers.get(header, "")
    if isinstance(expected, re.Pattern):
        assert expected.search(value), value
    else:
        assert expected in re.split(r"\s*[;,]\s*", value), value


@pytest.mark.parametrize("kind", ["delete-account", "passport-sharing"])
def test_pages_that_act_cannot_be_framed(site, kind):
    response = site(kind)
    assert response.status_code == 200
    assert "frame-ancestors 'none'" in response.headers[CSP]
    assert response.headers["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("kind", ["home", "vacancy", "sign-in", "account", "not-found"])
def test_every_inline_script_carries_this_responses_nonce(site, kind):
    response = site(kind)
    nonce = re.search(r"'nonce-([\w-]+)'", response.headers[CSP]).group(1)
    scripts = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", response.get_data(as_text=True))
    assert scripts
    assert all(f'nonce="{nonce}"' in attributes for attributes in scripts), scripts
    assert nonce not in site(kind).headers[CSP]


def test_no_template_or_script_has_what_the_policy_would_block():
    from pathlib import Path

    from portal.config import REPO_ROOT

    blocked = re.compile(r"""\son[a-z]+\s*=|javascript:|\sstyle\s*=|<style""", re.I)
    files = [path for path in (REPO_ROOT / "templates").rglob("*.html") if "email" not in path.parts]
    files += list((REPO_ROOT / "static").glob("*.js"))
    offending = [str(Path(path).relative_to(REPO_ROOT)) for path in files if blocked.search(path.read_text())]
    assert offending == []


# Cache-Control: no-store -----------------------------------------------------------------------------------

PRIVATE_URLS = ["/account", "/account/delete", "/account/data", "/passport", "/passport/sharing", "/profile",
                "/applications", "/saved-jobs", "/recruiter/vacancies", "/recruiter/passports", "/admin"]


@pytest.mark.parametrize("url", PRIVATE_URLS)
def test_a_private_url_is_never_stored_even_when_it_sends_a_visitor_to_sign_in(client, url):
    response = client.get(url)
    assert response.status_code == 302 and "/sign-in" in response.headers["Location"]
    assert response.headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize("url", ["/", "/jobs", "/employers", "/account", "/account/delete", "/passport/sharing",
                                 "/no-such-page", "/api/v1/vacancies"])
def test_every_response_to_a_signed_in_person_is_never_stored(app, make_user, url):
    response = _signed_in(app, make_user()).get(url)
    assert "no-store" in response.headers["Cache-Control"]


@pytest.mark.parametrize("role", [Role.RECRUITER, Role.ADMIN], ids=["recruiter", "admin"])
def test_a_signed_in_person_without_the_role_gets_a_403_never_stored(app, make_user, role):
    url = "/admin" if role == Role.ADMIN else "/recruiter/vacancies"
    response = _signed_in(app, make_user()).get(url)
    assert response.status_code == 403 and response.headers["Cache-Control"] == "no-store"


def test_signing_out_is_never_stored(app, make_user):
    response = _signed_in(app, make_user()).post("/sign-out")
    assert response.status_code == 302 and response.headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize("url", ["/", "/jobs", "/employers", "/sign-in", "/verify"])
def test_public_pages_keep_their_caching(client, url):
    assert "no-store" not in client.get(url).headers.get("Cache-Control", "")


def test_static_files_keep_their_caching_for_a_signed_in_person(app, make_user):
    response = _signed_in(app, make_user()).get("/static/portal.css")
    assert "no-store" not in response.headers.get("Cache-Control", "")


def test_a_passport_opened_by_its_share_link_is_never_stored(app, client, make_user):
    from portal.accounts.models import User
    from portal.passport import sharing

    holder = make_user()
    with app.test_request_context():
        _share, token = sharing.create_link(db.session.get(User, holder.id), "For my new job")
        db.session.commit()
    response = client.get(f"/passport/shared/{token}")
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"


# HTTPS -------------------------------------------------------------------------------------------------

def test_plain_http_is_served_as_it_is_by_default(client):
    response = client.get("/sign-in")
    assert response.status_code == 200
    assert "Strict-Transport-Security" not in response.headers
    assert "Strict-Transport-Security" not in client.get("/sign-in", base_url="https://localhost").headers


@pytest.fixture
def https_app(app):
    served_over_https = create_app({**app.config, "FORCE_HTTPS": True, "SESSION_COOKIE_SECURE": True})
    yield served_over_https
    with served_over_https.app_context():
        db.engine.dispose()


def test_a_site_served_over_https_redirects_http_and_sends_hsts(https_app):
    client = https_app.test_client()
    redirected = client.get("/sign-in")
    assert redirected.status_code in (301, 302) and redirected.headers["Location"].startswith("https://")
    secure = client.get("/sign-in", base_url="https://localhost")
    assert secure.status_code == 200
    assert secure.headers["Strict-Transport-Security"].startswith("max-age=")
