"""Small pieces the holder's and the employer's passport pages share."""
from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from flask import Response

from portal.extensions import db
from portal.passport import catalogue, services
from portal.passport.forms import RecordForm
from portal.storage import EVIDENCE_TYPES, FileRules, UploadRejected, file_rules

Saved = TypeVar("Saved")


def save_record_form(form: RecordForm, save: Callable[[], Saved]) -> Saved | None:
    """Run ``save`` and commit; when the evidence file is refused, roll back and say why beside it."""
    try:
        saved = save()
        db.session.commit()
    except UploadRejected as rejection:
        db.session.rollback()
        form.evidence.errors.append(str(rejection))
        return None
    return saved


def role_check(passport: services.Passport, role_code: str | None) -> dict:
    """The roles to check against, the chosen one (when it has requirements) and how the passport meets it."""
    roles = catalogue.roles_with_requirements()
    role = next((candidate for candidate in roles if candidate.code == role_code), None)
    return {"roles": roles, "role": role, "checks": services.check_role(passport, role.code) if role else None}


def evidence_rules() -> FileRules:
    return file_rules(EVIDENCE_TYPES)


def pdf_response(document: bytes, filename: str) -> Response:
    response = Response(document, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "private, no-store"
    return response
