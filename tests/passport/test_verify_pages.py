"""The public check of a credential (page and API), the published key, and the credential download."""
from __future__ import annotations

from datetime import date
from io import BytesIO

import jwt
import pytest

from portal.extensions import db
from portal.passport import credentials, services
from portal.passport.models import TrainingRecord
from tests.api.test_openapi import schema_validator
from tests.passport.test_credentials import LONG_AGO, claims_of
from tests.test_page_structure import PageStructure


def structure(html: str) -> PageStructure:
    page = PageStructure()
    page.feed(html)
    return page


def credential_id_of(token: str) -> str:
    return claims_of(token)["jti"].removeprefix("urn:uuid:")


def post_credential(client, text="", file=None):
    data = {"credential": text}
    if file is not None:
        data["credential_file"] = (BytesIO(file.encode()), "credential.jwt")
    return client.post("/verify", data=data, content_type="multipart/form-data")


@pytest.fixture
def token(holder, verifier, make_record, sign):
    return sign(make_record(holder, verified_by=verifier))


@pytest.fixture
def document(client):
    return client.get("/api/v1/openapi.json").get_json()


# The page

def test_the_page_is_public_with_one_heading_and_labelled_fields(client):
    response = client.get("/verify")

    page = structure(response.get_data(as_text=True))
    assert response.status_code == 200
    assert page.h1_count == 1 and page.unlabelled_fields() == []
    assert {field["name"] for field in page.fields} == {"credential", "credential_file"}


def test_a_pasted_credential_shows_as_valid_with_its_details(client, token):
    response = post_credential(client, token)

    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "This credential is valid" in html and "nhsuk-panel" in html
    assert "Priya Shah" in html and "Fire safety, Level 1" in html and "Quorn Care" in html
    assert structure(html).h1_count == 1


def test_a_credential_file_can_be_chosen_instead(client, token):
    html = post_credential(client, file=token + "\n").get_data(as_text=True)

    assert "This credential is valid" in html


def test_nothing_to_check_is_an_error(client):
    html = post_credential(client, "   ").get_data(as_text=True)

    assert "There is a problem" in html and "Paste a credential or choose its file" in html
    assert 'href="#credential"' in html


def test_something_that_is_not_a_credential_says_so(client):
    html = post_credential(client, "my certificate number is 12345").get_data(as_text=True)

    assert "There is a problem" in html and "This is not a credential" in html
    assert "This credential is" not in html


def test_a_tampered_credential_is_not_genuine(client, token):
    header, payload, signature = token.split(".")
    html = post_credential(client, f"{header}.{payload[:-3]}Zm9.{signature}").get_data(as_text=True)

    assert "This credential is not genuine" in html and "nhsuk-card--care--urgent" in html
    assert "Priya Shah" not in html


def test_an_expired_credential_says_when(client, holder, verifier, make_record, sign):
    token = sign(make_record(holder, completed_on=LONG_AGO, verified_by=verifier))

    html = post_credential(client, token).get_data(as_text=True)

    assert "This credential has expired" in html and "It expired on 1 March 2022" in html


def test_a_revoked_credential_says_why(app, client, holder, verifier, make_record, sign):
    record = make_record(holder, verified_by=verifier)
    token = sign(record)
    with app.app_context():
        services.revoke_credentials(db.session.get(TrainingRecord, record.id), "Superseded by a newer record")
        db.session.commit()

    html = post_credential(client, token).get_data(as_text=True)

    assert "This credential has been revoked" in html and "Superseded by a newer record" in html


# The API

def test_the_api_checks_a_credential(client, document, token):
    response = client.post("/api/v1/credentials/verify", json={"credential": token})

    body = response.get_json()
    assert response.status_code == 200
    assert body["status"] == "valid" and body["credential"]["holder_name"] == "Priya Shah"
    assert body["credential_id"] == credential_id_of(token)
    schema_validator(document, "CredentialCheck").validate(body)


def test_the_api_reports_a_tampered_credential(client, document, token):
    header, payload, signature = token.split(".")
    response = client.post("/api/v1/credentials/verify", json={"credential": f"{header}.{payload}.{signature[::-1]}"})

    body = response.get_json()
    assert response.status_code == 200 and body["status"] == "tampered" and body["credential"] is None
    schema_validator(document, "CredentialCheck").validate(body)


@pytest.mark.parametrize("body", [{"credential": "nonsense"}, {"credential": ""}, {}, {"credential": 42}, None])
def test_the_api_refuses_what_is_not_a_credential(client, document, body):
    response = client.post("/api/v1/credentials/verify", json=body)

    assert response.status_code == 400
    assert "credential" in response.get_json()["error"]["fields"]
    schema_validator(document, "Error").validate(response.get_json())


def test_the_status_endpoint(client, document, token):
    credential_id = credential_id_of(token)

    found = client.get(f"/api/v1/credentials/{credential_id}/status")
    missing = client.get("/api/v1/credentials/not-a-credential/status")

    assert found.status_code == 200 and found.get_json()["status"] == "active"
    schema_validator(document, "CredentialStatus").validate(found.get_json())
    assert missing.status_code == 404
    schema_validator(document, "Error").validate(missing.get_json())


def test_the_credential_points_to_its_status_endpoint(client, token):
    status_url = claims_of(token)["vc"]["credentialStatus"]["id"]

    assert client.get(status_url).get_json()["status"] == "active"


# The published key, for checking offline

def test_the_jwks_verifies_a_credential_offline_with_plain_pyjwt(client, token):
    response = client.get("/.well-known/jwks.json")
    keys = jwt.PyJWKSet.from_dict(response.get_json())

    key = keys[jwt.get_unverified_header(token)["kid"]]
    claims = jwt.decode(token, key, algorithms=["EdDSA"])

    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert claims["vc"]["credentialSubject"]["name"] == "Priya Shah"


def test_the_pem_verifies_a_credential_offline(client, token):
    response = client.get("/passport/public-key.pem")

    assert response.mimetype == "text/plain"
    assert jwt.decode(token, response.get_data(as_text=True), algorithms=["EdDSA"])["jti"].startswith("urn:uuid:")


def test_a_forged_credential_fails_offline_too(client, token):
    keys = jwt.PyJWKSet.from_dict(client.get("/.well-known/jwks.json").get_json())
    header, payload, signature = token.split(".")

    with pytest.raises(jwt.InvalidSignatureError):
        jwt.decode(f"{header}.{payload}.{signature[:-4]}AAAA", keys.keys[0], algorithms=["EdDSA"])


# Downloading

def test_the_download_is_an_attachment_of_the_vc_jwt_type(app, holder, verifier, make_record):
    record = make_record(holder, verified_by=verifier)

    with app.test_request_context():
        credential = services.live_credential(db.session.get(TrainingRecord, record.id))
        response = credentials.credential_download_response(credential)
        body = response.get_data(as_text=True)
        assert credentials.verify_token(body, date.today()).status == credentials.Outcome.VALID

    assert response.mimetype == "application/vc+jwt"
    assert response.headers["Content-Disposition"] == f'attachment; filename="credential-{credential.id}.jwt"'
