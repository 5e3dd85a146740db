"""Small pieces the holder's and the employer's passport pages share."""
from flask import Response, current_app

from portal.storage.checks import EVIDENCE_TYPES, FILE_TYPES, size_label


def evidence_rules() -> str:
    labels = sorted(FILE_TYPES[name].label for name in EVIDENCE_TYPES)
    return f"{', '.join(labels[:-1])} or {labels[-1]}, {size_label(current_app.config['UPLOAD_MAX_BYTES'])} or smaller"


def pdf_response(document: bytes, filename: str) -> Response:
    response = Response(document, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "private, no-store"
    return response
