"""Signed credentials: each verified record as an Open Badges 3.0 ``OpenBadgeCredential``, signed as a
VC-JWT with the portal's Ed25519 key, and the check anyone can make of one.

The key is PASSPORT_SIGNING_KEY (a PEM in the environment, which every machine serving the portal must
share) or else the file PASSPORT_SIGNING_KEY_FILE, created on first use, which the processes of one
machine share. Ed25519 signatures are deterministic, so signing a stored credential again gives the same
token: tokens are made when downloaded and nothing more is stored.
"""
from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime, timezone
from enum import StrEnum
from pathlib import Path

import jwt
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
    load_pem_private_key,
)
from flask import Response, current_app, url_for

from portal.extensions import db
from portal.passport.models import Category, Credential, TrainingRecord
from portal.secret_files import read_or_create
from portal.templating import format_date

KEY_EXTENSION = "passport_signing_key"
DEFAULT_KEY_FILE = "passport-signing-key.pem"
ALGORITHM = "EdDSA"
MEDIA_TYPE = "application/vc+jwt"
CONTEXTS = ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]
STATUS_TYPE = "1EdTechRevocationList"
# A credential is a few kilobytes; anything much longer is not one of ours.
MAX_TOKEN_LENGTH = 16_000
# Where the public check and the status of a credential are answered (the routes use these too).
VERIFY_PATH = "/verify"
JWKS_PATH = "/.well-known/jwks.json"
PUBLIC_PEM_PATH = "/passport/public-key.pem"
STATUS_PATH = "/api/v1/credentials/{credential_id}/status"

ACHIEVEMENT_TYPES = {
    Category.CORE_SKILLS: "CertificateOfCompletion",
    Category.CARE_CERTIFICATE: "Competency",
    Category.REGISTRATION: "License",
    Category.CHECK: "Certification",
    Category.COMPETENCE: "Competency",
    Category.QUALIFICATION: "Certificate",
}


# The key

@dataclass(frozen=True)
class SigningKey:
    private_key: Ed25519PrivateKey
    kid: str


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _read_key(pem: bytes) -> Ed25519PrivateKey:
    key = load_pem_private_key(pem, password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError("The passport signing key must be an Ed25519 private key")
    return key


def load_or_create_key(path: Path) -> Ed25519PrivateKey:
    """The key in ``path``, made (readable by its owner only) when the file is missing."""
    return _read_key(read_or_create(path, _new_key_pem))


def _new_key_pem() -> bytes:
    return Ed25519PrivateKey.generate().private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())


def jwk_thumbprint(jwk: dict) -> str:
    """RFC 7638: the SHA-256 of the key's required members, in order, without spaces."""
    required = json.dumps({name: jwk[name] for name in ("crv", "kty", "x")}, separators=(",", ":"))
    return _b64url(hashlib.sha256(required.encode()).digest())


def _okp_jwk(key: Ed25519PrivateKey) -> dict:
    raw = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return {"kty": "OKP", "crv": "Ed25519", "x": _b64url(raw)}


def signing_key() -> SigningKey:
    """The application's key, loaded once and kept in ``app.extensions``."""
    cached = current_app.extensions.get(KEY_EXTENSION)
    if cached is None:
        pem = current_app.config.get("PASSPORT_SIGNING_KEY")
        if pem:
            key = _read_key(pem.replace("\\n", "\n").encode())
        else:
            path = current_app.config.get("PASSPORT_SIGNING_KEY_FILE") or Path(current_app.instance_path) / DEFAULT_KEY_FILE
            key = load_or_create_key(Path(path))
        cached = current_app.extensions[KEY_EXTENSION] = SigningKey(key, jwk_thumbprint(_okp_jwk(key)))
    return cached


def public_jwk() -> dict:
    key = signing_key()
    return {**_okp_jwk(key.private_key), "kid": key.kid, "alg": ALGORITHM, "use": "sig"}


def public_jwks() -> dict:
    return {"keys": [public_jwk()]}


def public_pem() -> str:
    return signing_key().private_key.public_key().public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo).decode()


# The credential

def site_url() -> str:
    """The portal's public address: SITE_URL, or the address this request (or SERVER_NAME) gives."""
    return (current_app.config.get("SITE_URL") or url_for("pages.home", _external=True)).rstrip("/")


def _utc(moment: date | datetime) -> datetime:
    """A stored time (naive, in UTC) or a date (its midnight, UTC), to the second."""
    if not isinstance(moment, datetime):
        moment = datetime(moment.year, moment.month, moment.day)
    return moment.replace(microsecond=0, tzinfo=timezone.utc)


def _timestamp(moment: date | datetime) -> str:
    return _utc(moment).isoformat().replace("+00:00", "Z")


def _epoch(moment: date | datetime) -> int:
    return int(_utc(moment).timestamp())


def _identity(email: str, salt: str) -> dict:
    """The holder's email address, hashed with a salt of the credential's own, as Open Badges allows:
    someone who knows the address can confirm it, and no one can read it."""
    digest = hashlib.sha256((email.strip().lower() + salt).encode()).hexdigest()
    return {"type": "IdentityObject", "identityHash": f"sha256${digest}", "identityType": "emailAddress",
            "hashed": True, "salt": salt}


def credential_document(credential: Credential, record: TrainingRecord, site_url: str, site_name: str) -> dict:
    """The Open Badges 3.0 credential for a verified record, built only from what is stored, so that it
    is the same each time."""
    competence = record.competence
    category = competence.category_enum
    achievement_id = f"{site_url}/passport/competences/{competence.code}"
    if record.level_code:
        achievement_id += f"/{record.level_code}"
    organisation = record.verified_by_organisation
    verified_on = (record.verified_at or credential.issued_at).date()
    verifier = organisation.name if organisation is not None else "an employer"
    achievement = {
        "id": achievement_id,
        "type": ["Achievement"],
        "achievementType": ACHIEVEMENT_TYPES[category],
        "name": record.title,
        "description": competence.description or category.label,
        "criteria": {"narrative": f"{record.title}, completed and verified by an employer in the {site_name} "
                                  "skills passport."},
    }
    subject = {
        "type": ["AchievementSubject"],
        "name": record.holder.full_name,
        "identifier": [_identity(record.holder.email, credential.id)],
        "achievement": achievement,
        "activityEndDate": _timestamp(record.completed_on),
    }
    if record.level is not None:
        level_id = f"{achievement_id}#level"
        achievement["resultDescription"] = [{"id": level_id, "type": ["ResultDescription"], "name": "Level",
                                             "resultType": "PerformanceLevel"}]
        subject["result"] = [{"type": ["Result"], "resultDescription": level_id, "value": record.level.label}]
    if organisation is not None:
        subject["source"] = {"id": f"{site_url}/employers/{organisation.slug}", "type": ["Profile"],
                             "name": organisation.name}
    evidence = {"type": ["Evidence"], "name": record.method_label,
                "description": f"Verified by {verifier} on {format_date(verified_on)}"}
    if record.provider:
        evidence["narrative"] = f"Training provider: {record.provider}"
    subject["evidence"] = [evidence]
    document = {
        "@context": CONTEXTS,
        "id": f"urn:uuid:{credential.id}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": record.title,
        "issuer": {"id": site_url, "type": ["Profile"], "name": site_name, "url": site_url},
        "validFrom": _timestamp(credential.issued_at),
    }
    if credential.expires_on is not None:
        document["validUntil"] = _timestamp(credential.expires_on)
    document["credentialSubject"] = subject
    document["credentialStatus"] = {
        "id": site_url + STATUS_PATH.format(credential_id=credential.id), "type": STATUS_TYPE,
    }
    return document


def signed_credential(credential: Credential) -> str:
    """The credential of a record as a VC-JWT, the Open Badges 3.0 JSON Web Token proof."""
    record = credential.record
    if record is None:
        raise ValueError("The record of this credential has been deleted")
    document = credential_document(credential, record, site_url(), current_app.config["SITE_NAME"])
    claims = {
        "vc": document,
        "iss": document["issuer"]["id"],
        "jti": document["id"],
        "sub": document["credentialSubject"]["identifier"][0]["identityHash"],
        "nbf": _epoch(credential.issued_at),
        "iat": _epoch(credential.issued_at),
    }
    if credential.expires_on is not None:
        claims["exp"] = _epoch(credential.expires_on)
    key = signing_key()
    return jwt.encode(claims, key.private_key, algorithm=ALGORITHM, headers={"kid": key.kid, "typ": "JWT"})


def credential_download_response(credential: Credential) -> Response:
    response = Response(signed_credential(credential), mimetype=MEDIA_TYPE)
    response.headers["Content-Disposition"] = f'attachment; filename="credential-{credential.id}.jwt"'
    response.headers["Cache-Control"] = "private, no-store"
    return response


# Checking a credential

class Outcome(StrEnum):
    VALID = "valid"
    EXPIRED = "expired"
    REVOKED = "revoked"
    TAMPERED = "tampered"
    MALFORMED = "malformed"


@dataclass(frozen=True)
class CredentialSummary:
    """What a signed credential says, in words for a person."""

    holder_name: str
    achievement: str
    achievement_type: str
    level: str | None
    completed_on: date | None
    verified_by: str | None
    evidence: list[str]
    issuer: str
    issued_on: date
    expires_on: date | None

    def as_json(self) -> dict:
        return {
            "holder_name": self.holder_name, "achievement": self.achievement,
            "achievement_type": self.achievement_type, "level": self.level,
            "completed_on": _iso(self.completed_on), "verified_by": self.verified_by, "evidence": self.evidence,
            "issuer": self.issuer, "issued_on": self.issued_on.isoformat(), "expires_on": _iso(self.expires_on),
        }


@dataclass(frozen=True)
class Verification:
    status: Outcome
    reason: str
    credential_id: str | None = None
    revoked_at: datetime | None = None
    summary: CredentialSummary | None = None

    def as_json(self) -> dict:
        return {
            "status": self.status.value,
            "credential_id": self.credential_id,
            "reason": self.reason,
            "revoked_at": _timestamp(self.revoked_at) if self.revoked_at else None,
            "credential": self.summary.as_json() if self.summary else None,
        }


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _date(value: str | None) -> date | None:
    return datetime.fromisoformat(value.replace("Z", "+00:00")).date() if value else None


def _summary(document: dict) -> CredentialSummary:
    subject = document["credentialSubject"]
    achievement = subject["achievement"]
    return CredentialSummary(
        holder_name=subject.get("name", ""),
        achievement=achievement["name"],
        achievement_type=achievement.get("achievementType", ""),
        level=next((result.get("value") for result in subject.get("result", [])), None),
        completed_on=_date(subject.get("activityEndDate")),
        verified_by=(subject.get("source") or {}).get("name"),
        evidence=[". ".join(filter(None, (item.get("name"), item.get("description"), item.get("narrative"))))
                  for item in subject.get("evidence", [])],
        issuer=document["issuer"].get("name", document["issuer"]["id"]),
        issued_on=_date(document["validFrom"]),
        expires_on=_date(document.get("validUntil")),
    )


NOT_A_CREDENTIAL = ("This is not a credential. A credential is one long line of letters and numbers in three "
                    "parts separated by dots, as in the .jwt file downloaded from a skills passport.")
NOT_OURS = "The signature does not match: the credential has been changed, or it was not issued by this portal."


def _is_jws(token: str) -> bool:
    """Whether the text has the shape of a signed token: three parts, the first a JSON header naming an
    algorithm. What is wrong beyond that is tampering, not a slip of the paste."""
    parts = token.split(".")
    if len(parts) != 3 or len(token) > MAX_TOKEN_LENGTH:
        return False
    try:
        header = json.loads(base64.urlsafe_b64decode(parts[0] + "=" * (-len(parts[0]) % 4)))
    except ValueError:
        return False
    return isinstance(header, dict) and "alg" in header


def verify_token(token: str, today: date) -> Verification:
    """Whether ``token`` is a credential this portal signed, still as signed, and still in force."""
    token = "".join(token.split())
    if not _is_jws(token):
        return Verification(Outcome.MALFORMED, NOT_A_CREDENTIAL)
    key = signing_key()
    try:
        claims = jwt.decode(
            token, key.private_key.public_key(), algorithms=[ALGORITHM],
            options={"verify_exp": False, "verify_nbf": False, "verify_iat": False, "verify_aud": False,
                     "require": ["jti", "vc"]},
        )
        summary = _summary(claims["vc"])
    except (jwt.InvalidTokenError, KeyError, TypeError, AttributeError, ValueError):
        return Verification(Outcome.TAMPERED, NOT_OURS)
    credential_id = str(claims["jti"]).removeprefix("urn:uuid:")
    credential = _credential(credential_id)
    if credential is None or claims["vc"].get("id") != claims["jti"]:
        return Verification(Outcome.TAMPERED, "The signature matches, but this portal has no record of issuing "
                                              "this credential.")
    found = {"credential_id": credential.id, "summary": summary}
    why = _revocation_reason(credential)
    if why is not None:
        when = f" on {format_date(credential.revoked_at)}" if credential.revoked_at else ""
        return Verification(Outcome.REVOKED, f"It was revoked{when}: {why}.", revoked_at=credential.revoked_at, **found)
    if credential.expires_on is not None and credential.expires_on <= today:
        return Verification(Outcome.EXPIRED, f"It expired on {format_date(credential.expires_on)}.", **found)
    until = f" until {format_date(credential.expires_on)}" if credential.expires_on else ""
    return Verification(Outcome.VALID, f"Issued by {summary.issuer} and valid{until}.", **found)


def _credential(credential_id: str) -> Credential | None:
    return db.session.get(Credential, credential_id) if len(credential_id) <= 36 else None


def _revocation_reason(credential: Credential) -> str | None:
    """Why the credential no longer stands, or None while it does. A credential whose record went
    without revoking it (its holder's account was deleted) stands no more than a revoked one."""
    if credential.revoked_at is None and credential.record_id is not None:
        return None
    return credential.revocation_reason or "The record it was issued for no longer exists"


def credential_status(credential_id: str) -> dict | None:
    """The 1EdTech revocation status of one credential, or None when there is no such credential."""
    credential = _credential(credential_id)
    if credential is None:
        return None
    why = _revocation_reason(credential)
    return {
        "id": f"urn:uuid:{credential.id}",
        "status": "active" if why is None else "revoked",
        "revoked_at": _timestamp(credential.revoked_at) if credential.revoked_at else None,
        "reason": why,
    }
