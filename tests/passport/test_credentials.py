"""Signed credentials: their Open Badges 3.0 shape, the signature, and the check of one as valid,
expired, revoked, tampered or not a credential at all."""
from __future__ import annotations

import stat
from datetime import date

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat

from portal.accounts.models import User
from portal.employers.models import Organisation
from portal.extensions import db
from portal.passport import credentials, services
from portal.passport.credentials import Outcome
from portal.passport.models import Credential, TrainingRecord

LONG_AGO = date(2020, 3, 1)


@pytest.fixture
def check(app):
    def check(token, today=None):
        with app.app_context():
            return credentials.verify_token(token, today or date.today())

    return check


@pytest.fixture
def change(app):
    """change(record, how): run a service on the record in its own transaction; ``how`` takes the record."""

    def change(record, how):
        with app.app_context():
            how(db.session.get(TrainingRecord, record.id))
            db.session.commit()

    return change


def claims_of(token: str) -> dict:
    return jwt.decode(token, options={"verify_signature": False})


def test_a_verified_record_has_an_open_badges_credential(app, holder, verifier, make_record):
    record = make_record(holder, "fire_safety", level="1", completed_on=date(2025, 3, 4), verified_by=verifier)

    with app.app_context():
        credential = services.live_credential(db.session.get(TrainingRecord, record.id))
        document = credentials.credential_document(credential, credential.record, "https://jobs.example.org",
                                                   "Proud to Care")

    assert document["@context"] == credentials.CONTEXTS
    assert document["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert document["id"] == f"urn:uuid:{credential.id}"
    assert document["issuer"] == {"id": "https://jobs.example.org", "type": ["Profile"], "name": "Proud to Care",
                                  "url": "https://jobs.example.org"}
    assert document["validFrom"].endswith("Z") and document["validUntil"] == "2027-03-04T00:00:00Z"
    subject = document["credentialSubject"]
    assert subject["type"] == ["AchievementSubject"] and subject["name"] == "Priya Shah"
    assert subject["identifier"][0]["identityHash"].startswith("sha256$")
    assert "priya@example.org" not in str(document)
    assert subject["achievement"]["type"] == ["Achievement"]
    assert subject["achievement"]["name"] == "Fire safety, Level 1"
    assert subject["achievement"]["achievementType"] == "CertificateOfCompletion"
    assert subject["achievement"]["criteria"]["narrative"]
    assert subject["result"][0]["value"] == "Level 1"
    assert subject["activityEndDate"] == "2025-03-04T00:00:00Z"
    assert subject["source"]["name"] == "Quorn Care"
    [evidence] = subject["evidence"]
    assert evidence["type"] == ["Evidence"] and evidence["name"] == "E-learning"
    assert evidence["description"].startswith("Verified by Quorn Care on ")
    assert evidence["narrative"] == "Training provider: Skills for Care e-learning"
    assert document["credentialStatus"] == {
        "id": f"https://jobs.example.org/api/v1/credentials/{credential.id}/status", "type": "1EdTechRevocationList",
    }


def test_a_registration_is_a_licence_that_does_not_expire_until_its_date(app, holder, verifier, make_record):
    record = make_record(holder, "nmc_registration", level=None, expires_on=date(2030, 1, 31), verified_by=verifier)

    with app.app_context():
        credential = services.live_credential(db.session.get(TrainingRecord, record.id))
        document = credentials.credential_document(credential, credential.record, "https://x.example", "X")

    assert document["credentialSubject"]["achievement"]["achievementType"] == "License"
    assert document["validUntil"] == "2030-01-31T00:00:00Z"
    assert "result" not in document["credentialSubject"]


def test_the_credential_is_a_vc_jwt_signed_with_the_portal_key(app, holder, verifier, make_record, sign):
    record = make_record(holder, verified_by=verifier)

    token = sign(record)

    with app.app_context():
        kid = credentials.signing_key().kid
        public_key = credentials.signing_key().private_key.public_key()
    assert jwt.get_unverified_header(token) == {"alg": "EdDSA", "kid": kid, "typ": "JWT"}
    claims = jwt.decode(token, public_key, algorithms=["EdDSA"])
    assert claims["jti"] == claims["vc"]["id"] and claims["iss"] == claims["vc"]["issuer"]["id"] == "http://localhost"
    assert claims["sub"] == claims["vc"]["credentialSubject"]["identifier"][0]["identityHash"]
    assert claims["iat"] == claims["nbf"] and claims["exp"] > claims["nbf"]
    assert sign(record) == token


def test_a_verified_record_checks_as_valid(holder, verifier, make_record, sign, check):
    record = make_record(holder, verified_by=verifier)

    result = check(sign(record))

    assert result.status == Outcome.VALID
    assert result.summary.holder_name == "Priya Shah"
    assert result.summary.achievement == "Fire safety, Level 1"
    assert result.summary.verified_by == "Quorn Care"
    assert result.summary.expires_on is not None and result.credential_id


def test_a_changed_payload_is_tampered(holder, verifier, make_record, sign, check):
    token = sign(make_record(holder, verified_by=verifier))
    header, payload, signature = token.split(".")
    middle = len(payload) // 2
    changed = payload[:middle] + ("A" if payload[middle] != "A" else "B") + payload[middle + 1:]

    assert check(f"{header}.{changed}.{signature}").status == Outcome.TAMPERED


def test_a_credential_signed_with_another_key_is_tampered(app, holder, verifier, make_record, sign, check):
    token = sign(make_record(holder, verified_by=verifier))
    forged = jwt.encode(claims_of(token), Ed25519PrivateKey.generate(), algorithm="EdDSA",
                        headers=jwt.get_unverified_header(token))

    result = check(forged)

    assert result.status == Outcome.TAMPERED and result.summary is None


def test_a_credential_the_portal_never_issued_is_tampered(app, holder, verifier, make_record, sign, check):
    token = sign(make_record(holder, verified_by=verifier))
    claims = claims_of(token)
    claims["jti"] = claims["vc"]["id"] = "urn:uuid:00000000-0000-4000-8000-000000000000"
    with app.app_context():
        unknown = jwt.encode(claims, credentials.signing_key().private_key, algorithm="EdDSA")

    assert check(unknown).status == Outcome.TAMPERED


@pytest.mark.parametrize("garbage", ["", "hello", "a.b.c", "not a credential at all", "x" * 20_000])
def test_anything_else_is_malformed(check, garbage):
    assert check(garbage).status == Outcome.MALFORMED


def test_a_credential_past_its_expiry_is_expired(holder, verifier, make_record, sign, check):
    record = make_record(holder, "fire_safety", level="1", completed_on=LONG_AGO, verified_by=verifier)

    result = check(sign(record))

    assert result.status == Outcome.EXPIRED
    assert result.reason == "It expired on 1 March 2022."


def test_expiry_is_judged_on_the_day_given(holder, verifier, make_record, sign, check):
    token = sign(make_record(holder, "fire_safety", level="1", completed_on=date(2025, 1, 10), verified_by=verifier))

    assert check(token, today=date(2027, 1, 9)).status == Outcome.VALID
    assert check(token, today=date(2027, 1, 10)).status == Outcome.EXPIRED


def test_a_superseded_record_revokes_its_credential(holder, verifier, make_record, sign, check):
    older = make_record(holder, "fire_safety", level="1", completed_on=date(2025, 1, 10), verified_by=verifier)
    token = sign(older)

    make_record(holder, "fire_safety", level="1", completed_on=date(2025, 6, 1))
    result = check(token)

    assert result.status == Outcome.REVOKED
    assert result.revoked_at is not None and "Superseded by a newer record" in result.reason
    assert result.summary.achievement == "Fire safety, Level 1"


def test_a_deleted_record_revokes_its_credential(holder, verifier, make_record, sign, check, change):
    record = make_record(holder, verified_by=verifier)
    token = sign(record)

    change(record, lambda found: services.delete_record(found, found.holder))

    result = check(token)
    assert result.status == Outcome.REVOKED and "The holder deleted the record" in result.reason


def test_withdrawing_the_verification_revokes_the_credential(holder, verifier, make_record, sign, check, change):
    organisation, recruiter = verifier
    record = make_record(holder, verified_by=verifier)
    token = sign(record)

    change(record, lambda found: services.withdraw_verification(
        found, db.session.get(Organisation, organisation.id), db.session.get(User, recruiter.id)))

    result = check(token)
    assert result.status == Outcome.REVOKED and "Verification withdrawn by Quorn Care" in result.reason


def test_the_status_of_a_credential(app, holder, verifier, make_record, change):
    record = make_record(holder, verified_by=verifier)
    with app.app_context():
        credential_id = services.live_credential(db.session.get(TrainingRecord, record.id)).id
        assert credentials.credential_status(credential_id)["status"] == "active"
        assert credentials.credential_status("no-such-credential") is None

    change(record, lambda found: services.revoke_credentials(found, "Test"))

    with app.app_context():
        status = credentials.credential_status(credential_id)
        assert db.session.get(Credential, credential_id).revoked_at is not None
    assert status == {"id": f"urn:uuid:{credential_id}", "status": "revoked", "revoked_at": status["revoked_at"],
                      "reason": "Test"}


def test_the_key_file_is_created_once_for_its_owner_and_reused(tmp_path):
    path = tmp_path / "keys" / "signing.pem"

    first = credentials.load_or_create_key(path)
    again = credentials.load_or_create_key(path)

    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert raw_public(first) == raw_public(again)
    assert list(path.parent.iterdir()) == [path]


def raw_public(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def test_a_key_in_the_environment_is_used_instead_of_the_file(app, monkeypatch):
    with app.app_context():
        credentials.signing_key()  # loaded first, so that the usual key comes back afterwards
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption()).decode()
    monkeypatch.setitem(app.config, "PASSPORT_SIGNING_KEY", pem.replace("\n", "\\n"))
    monkeypatch.delitem(app.extensions, credentials.KEY_EXTENSION, raising=False)

    with app.app_context():
        assert raw_public(credentials.signing_key().private_key) == raw_public(key)
        assert credentials.public_jwk()["kid"] == credentials.jwk_thumbprint(credentials.public_jwk())


def test_the_key_id_is_the_rfc_7638_thumbprint():
    # RFC 8037, appendix A.3
    jwk = {"kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}

    assert credentials.jwk_thumbprint(jwk) == "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k"
