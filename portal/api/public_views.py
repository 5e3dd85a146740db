from datetime import date

from flask import abort, current_app, jsonify, request
from flask_limiter.util import get_remote_address

from portal.api import bp
from portal.api.docs import document_for_this_site
from portal.api.errors import invalid_parameters
from portal.api.representations import search_page_json, vacancy_in_full
from portal.extensions import limiter
from portal.jobsearch.labels import labels
from portal.jobsearch.params import parse_search_args
from portal.jobsearch.services import find_jobs, live_vacancy
from portal.passport import credentials

TOO_MANY_REQUESTS = ("Too many requests came from your address. Wait until the time in the X-RateLimit-Reset "
                     "header (or the seconds in Retry-After), then try again.")


def _public_rate_limit() -> str:
    return current_app.config["PUBLIC_API_RATE_LIMIT"]


public_rate_limit = limiter.shared_limit(
    _public_rate_limit, scope="public-api", key_func=get_remote_address, error_message=TOO_MANY_REQUESTS
)


@bp.get("/vacancies")
@public_rate_limit
def vacancies():
    parsed = parse_search_args(request.args, for_api=True)
    if parsed.problems:
        return invalid_parameters(parsed.problems)
    found = find_jobs(parsed.params)
    if found.past_the_end:
        return invalid_parameters({"page": found.pages_message})
    return jsonify(search_page_json(found, labels()))


@bp.get("/vacancies/<int:vacancy_id>")
@public_rate_limit
def vacancy(vacancy_id: int):
    found = live_vacancy(vacancy_id)
    if found is None:
        abort(404, description=f"There is no open vacancy {vacancy_id}. It may have closed or been removed.")
    return jsonify(vacancy_in_full(found, labels()))


@bp.post("/credentials/verify")
@public_rate_limit
def verify_credential():
    body = request.get_json(silent=True)
    token = body.get("credential") if isinstance(body, dict) else None
    if not isinstance(token, str) or not token.strip():
        return invalid_parameters({"credential": "Send the credential, the signed .jwt text, as a string."},
                                  detail="Send a JSON object with the credential to check.")
    verification = credentials.verify_token(token, date.today())
    if verification.status == credentials.Outcome.MALFORMED:
        return invalid_parameters({"credential": verification.reason}, detail="This is not a credential.")
    return jsonify(verification.as_json())


@bp.get("/credentials/<credential_id>/status")
@public_rate_limit
def credential_status(credential_id: str):
    status = credentials.credential_status(credential_id)
    if status is None:
        abort(404, description="No credential has this id.")
    return jsonify(status)


@bp.get("/openapi.json")
@public_rate_limit
def openapi():
    return jsonify(document_for_this_site())
