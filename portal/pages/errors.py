"""Error pages for people and JSON errors for the API."""
from __future__ import annotations

from typing import TYPE_CHECKING

from urllib.parse import urlsplit

from flask import Flask, current_app, flash, jsonify, make_response, redirect, render_template, request
from werkzeug.exceptions import HTTPException

from portal.audit.models import AuditAction
from portal.audit.services import record
from portal.database import database_busy
from portal.extensions import db
from portal.indexing.services import SearchUnavailable
from portal.logs import redact_secrets
from portal.refusals import Refused
from portal.storage import StorageUnavailable

if TYPE_CHECKING:
    from portal.employers.models import Organisation

MESSAGES = {
    400: ("Sorry, there is a problem with that request", "Check what you entered and try again."),
    401: ("You need to sign in or give an API token", "Send a valid API token: Authorization: Bearer <token>."),
    403: ("You do not have permission to see this page", "Sign in with an account that has access."),
    404: ("Page not found", "If you typed the web address, check it is correct. The page may have moved or been removed."),
    405: ("Sorry, that action is not allowed", "Go back and try again."),
    409: ("That cannot be done now", "The record's current state does not allow it."),
    413: ("That file is too large", "Choose a smaller file and try again."),
    415: ("That type of content is not accepted", "Send the request body as JSON."),
    429: ("Too many attempts", "Wait a few minutes, then try again."),
    500: ("Sorry, there is a problem with the service", "Try again later."),
    503: ("Sorry, the service is not available right now", "Try again in a few minutes."),
}
FILE_UNAVAILABLE = ("Sorry, we cannot get this file right now", "Try again in a few minutes.")


def wants_json() -> bool:
    return request.path.startswith("/api/")


def render_error(code: int, detail: str | None = None, message: tuple[str, str] | None = None):
    title, advice = message or MESSAGES.get(code, MESSAGES[500])
    _roll_back()
    if wants_json():
        return jsonify({"error": {"status": code, "title": title, "detail": detail or advice}}), code
    return render_template("errors/error.html", title=title, advice=advice, code=code), code


def refusal_response(refusal: Refused):
    """The one answer to a refusal that no view turned into a message of its own. The API gets its JSON
    error, with ``fields`` when the refusal is about one field. A page the person came from on this site
    shows the message at its top; otherwise an error page with the refusal's status says it."""
    _roll_back()
    status, message = refusal.status, str(refusal)
    title = MESSAGES.get(status, MESSAGES[400])[0]
    if wants_json():
        error = {"status": status, "title": title, "detail": message}
        if refusal.field:
            error["fields"] = {refusal.field: message}
        return jsonify({"error": error}), status, refusal.headers()
    back = _page_came_from()
    if back is not None and (request.method != "GET" or back != request.full_path.rstrip("?")):
        flash(message, "error")
        return redirect(back, 303), refusal.headers()
    return render_template("errors/error.html", title=title, advice=message, code=status), status, refusal.headers()


def _page_came_from() -> str | None:
    """The path and query of the page on this site that sent the request, from the Referer header."""
    if not request.referrer:
        return None
    parts = urlsplit(request.referrer)
    if parts.netloc != request.host or not parts.path.startswith("/") or parts.path.startswith("//"):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def too_many_attempts(template: str, field, refusal, **context):
    """``template`` again with the refusal (an accounts TooManyAttempts) as ``field``'s error, when there is
    a field, as a 429 that says when to come back."""
    if field is not None:
        field.errors.append(str(refusal))
    return render_template(template, **context), 429, {"Retry-After": str(refusal.retry_after_seconds)}


def organisation_suspended(organisation: Organisation):
    """The one answer to a suspended organisation's member or API token, whatever they asked for."""
    record(AuditAction.ACCESS_REFUSED_SUSPENDED, organisation_id=organisation.id,
           detail={"path": redact_secrets(request.full_path.rstrip("?"))})
    contact = current_app.config["SUPPORT_EMAIL"]
    if wants_json():
        detail = (f"organisation suspended: {organisation.name} is suspended, so its API tokens cannot be used "
                  f"until it is reinstated. Contact {contact}.")
        return jsonify({"error": {"status": 403, "title": "Organisation suspended", "detail": detail}}), 403
    return render_template("errors/organisation_suspended.html", organisation=organisation, contact=contact), 403


def _roll_back() -> None:
    """The page reads the database (the signed-in person, the menus). After a failed flush or a lost
    connection the session refuses every query until it is rolled back, and nothing an error stopped
    may be committed anyway."""
    try:
        db.session.rollback()
    except Exception:
        current_app.logger.exception("Could not roll back the session before showing an error")


def init_app(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def handle_http_error(error: HTTPException):
        code = error.code or 500
        detail = error.description if wants_json() else None
        response = make_response(render_error(code, detail))
        # The exception's own headers, like a 405's Allow; the body and its type are ours.
        for name, value in error.get_headers():
            if name.lower() != "content-type":
                response.headers[name] = value
        return response

    @app.errorhandler(Refused)
    def handle_refusal(refusal: Refused):
        return refusal_response(refusal)

    @app.errorhandler(StorageUnavailable)
    def handle_storage_unavailable(error: StorageUnavailable):
        app.logger.warning("File storage unavailable: %s", error)
        return render_error(503, message=FILE_UNAVAILABLE)

    @app.errorhandler(SearchUnavailable)
    def handle_search_unavailable(error: SearchUnavailable):
        app.logger.error("Search unavailable: %s", error)
        return render_error(503)

    @app.errorhandler(Exception)
    def handle_unexpected_error(error: Exception):
        if isinstance(error, HTTPException):
            return handle_http_error(error)
        if database_busy(error):
            app.logger.warning("Database busy for longer than the busy timeout: %s", error)
            return render_error(503)
        app.logger.exception("Unhandled error")
        return render_error(500)

