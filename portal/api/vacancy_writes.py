"""The employer API: an employer's own system reads and writes its organisation's vacancies with an
API token. A vacancy is named by the employer's own reference, so sending it again updates it."""
from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Callable
from datetime import date
from functools import wraps

from flask import abort, current_app, jsonify, request, url_for
from flask_limiter.util import get_remote_address
from werkzeug.exceptions import BadRequest, RequestEntityTooLarge

from portal.api import bp
from portal.api.errors import invalid_parameters
from portal.api.representations import employer_vacancy
from portal.config import MAX_RECORD_ID
from portal.database import retry_when_busy
from portal.employers.models import Organisation
from portal.extensions import db, limiter
from portal.integrations import services as integrations
from portal.jobsearch.labels import labels
from portal.lookups import found_or_404
from portal.pages.errors import organisation_suspended, render_error
from portal.query_parameters import unexpected_parameters
from portal.vacancies.models import Vacancy, VacancyStatus

MAX_BODY_BYTES = 256 * 1024
EMPLOYER_PER_PAGE = 100
EMPLOYER_LIST_PARAMETERS = ("status", "page")
PAGE_NUMBER = re.compile("[0-9]{1,10}")
INVALID_FIELDS = "Some fields have values we cannot use; see fields."
MISSING_REFERENCE = ("Enter external_ref, your own reference for the vacancy, so that sending it again updates it "
                     "rather than adding another")
NO_TOKEN = "Send your API token in the Authorization header, as: Bearer <token>."
BAD_TOKEN = ("This API token is not valid: it may have been revoked. A recruiter can create a new one on your "
             "organisation's API tokens page.")
NOT_FOUND = "Your organisation has no vacancy with this reference."
TOO_MANY_BAD_TOKENS = ("Too many requests without a valid API token came from your address. Wait a minute, then "
                       "send a valid token.")


def _rate_limit() -> str:
    return current_app.config["EMPLOYER_API_RATE_LIMIT"]


def _token_key() -> str:
    """Each token has its own allowance; requests without one share their address's."""
    header = request.headers.get("Authorization", "")
    return "token:" + hashlib.sha256(header.encode()).hexdigest() if header else get_remote_address()


employer_rate_limit = limiter.shared_limit(_rate_limit, scope="employer-api", key_func=_token_key)


def _token_failure_limit() -> str:
    return current_app.config["API_TOKEN_FAILURE_LIMIT"]


# Made-up tokens each have an allowance of their own above, so refusals are also counted per address.
token_failure_limit = limiter.shared_limit(
    _token_failure_limit,
    scope="employer-api-token-failures",
    key_func=get_remote_address,
    deduct_when=lambda response: response.status_code == 401,
    error_message=TOO_MANY_BAD_TOKENS,
)


def _unauthorised(detail: str, token_given: bool):
    response, status = render_error(401, detail)
    challenge = 'Bearer realm="employer-api"'
    response.headers["WWW-Authenticate"] = challenge + (', error="invalid_token"' if token_given else "")
    return response, status


def token_required(view):
    """Passes the view the token's organisation; every query the view makes is scoped to it."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        header = request.headers.get("Authorization")
        api_token = integrations.authenticate(header)
        if api_token is None:
            return _unauthorised(BAD_TOKEN if header else NO_TOKEN, token_given=bool(header))
        # When the token was last used is kept whatever the request goes on to do.
        db.session.commit()
        if not api_token.organisation.may_act:
            return organisation_suspended(api_token.organisation)
        return view(api_token.organisation, *args, **kwargs)

    return token_failure_limit(wrapped)


def _json_body() -> dict:
    request.max_content_length = MAX_BODY_BYTES
    if not request.is_json:
        abort(415, description="Send the vacancy as a JSON object, with the header Content-Type: application/json.")
    try:
        body = request.get_json()
    except RequestEntityTooLarge:
        abort(413, description=f"The request body must be {MAX_BODY_BYTES // 1024} KB or less.")
    except BadRequest:
        abort(400, description="The request body is not valid JSON.")
    if not isinstance(body, dict):
        abort(400, description="The request body must be a JSON object, with the vacancy's fields as its keys.")
    return body


def _vacancy_response(vacancy: Vacancy, created: bool = False):
    response = jsonify(employer_vacancy(vacancy, labels()))
    if created:
        response.status_code = 201
        response.headers["Location"] = url_for(
            ".read_employer_vacancy", external_ref=vacancy.external_ref, _external=True
        )
    return response


def _save(organisation: Organisation, values: dict):
    checked = integrations.check_vacancy(
        values, integrations.VacancyChoices.for_organisation(organisation), MISSING_REFERENCE
    )
    if checked.errors:
        return invalid_parameters(checked.errors, detail=INVALID_FIELDS)
    # A refusal (VacancyActionRefused) becomes the API's 409 error in the application's error handler.
    saved = integrations.commit_retrying_once(lambda: integrations.save_vacancy(organisation, checked, date.today()))
    return _vacancy_response(saved.vacancy, created=saved.created)


def _change(organisation: Organisation, external_ref: str, change: Callable[[Vacancy], Vacancy]):
    vacancy = found_or_404(integrations.vacancy_by_reference(organisation.id, external_ref), NOT_FOUND)
    change(vacancy)
    db.session.commit()
    return _vacancy_response(vacancy)


@bp.get("/employer/vacancies")
@employer_rate_limit
@token_required
def employer_vacancies(organisation: Organisation):
    problems = unexpected_parameters(request.args, EMPLOYER_LIST_PARAMETERS)
    status = request.args.get("status")
    if status is not None and status not in set(VacancyStatus):
        problems["status"] = "Status must be draft, published or closed"
    page_text = request.args.get("page", "1").strip()
    page = int(page_text) if PAGE_NUMBER.fullmatch(page_text) else 0
    if not 1 <= page <= MAX_RECORD_ID:
        problems["page"] = "Page must be a whole number from 1"
    if problems:
        return invalid_parameters(problems)
    found, total = integrations.organisation_vacancies(organisation.id, status, page, EMPLOYER_PER_PAGE)
    known = labels()
    return jsonify({
        "results": [employer_vacancy(vacancy, known) for vacancy in found],
        "total": total,
        "page": page,
        "per_page": EMPLOYER_PER_PAGE,
        "pages": math.ceil(total / EMPLOYER_PER_PAGE),
    })


@bp.post("/employer/vacancies")
@employer_rate_limit
@token_required
@retry_when_busy
def create_employer_vacancy(organisation: Organisation):
    return _save(organisation, _json_body())


@bp.get("/employer/vacancies/<path:external_ref>")
@employer_rate_limit
@token_required
def read_employer_vacancy(organisation: Organisation, external_ref: str):
    return _vacancy_response(found_or_404(integrations.vacancy_by_reference(organisation.id, external_ref), NOT_FOUND))


@bp.put("/employer/vacancies/<path:external_ref>")
@employer_rate_limit
@token_required
@retry_when_busy
def put_employer_vacancy(organisation: Organisation, external_ref: str):
    values = _json_body()
    sent = values.get("external_ref")
    if sent is not None and str(sent).strip() != external_ref.strip():
        return invalid_parameters(
            {"external_ref": "Must be the same as the reference in the address, or left out"}, detail=INVALID_FIELDS
        )
    return _save(organisation, {**values, "external_ref": external_ref})


@bp.post("/employer/vacancies/<path:external_ref>/publish")
@employer_rate_limit
@token_required
@retry_when_busy
def publish_employer_vacancy(organisation: Organisation, external_ref: str):
    return _change(organisation, external_ref, lambda vacancy: integrations.publish_vacancy(vacancy, date.today()))


@bp.post("/employer/vacancies/<path:external_ref>/close")
@employer_rate_limit
@token_required
@retry_when_busy
def close_employer_vacancy(organisation: Organisation, external_ref: str):
    return _change(organisation, external_ref, integrations.close_vacancy)
