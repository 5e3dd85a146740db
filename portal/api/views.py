from flask import abort, jsonify, request

from portal.api import bp
from portal.api.openapi import openapi_document
from portal.api.representations import search_page_json, vacancy_in_full
from portal.jobsearch.labels import labels
from portal.jobsearch.params import parse_search_args
from portal.jobsearch.services import find_jobs, live_vacancy
from portal.pages.errors import MESSAGES


@bp.get("/vacancies")
def vacancies():
    parsed = parse_search_args(request.args, for_api=True)
    if parsed.problems:
        return invalid_parameters(parsed.problems)
    return jsonify(search_page_json(find_jobs(parsed.params), labels()))


@bp.get("/vacancies/<int:vacancy_id>")
def vacancy(vacancy_id: int):
    found = live_vacancy(vacancy_id)
    if found is None:
        abort(404, description=f"There is no open vacancy {vacancy_id}. It may have closed or been removed.")
    return jsonify(vacancy_in_full(found, labels()))


@bp.get("/openapi.json")
def openapi():
    server_url = request.url_root.rstrip("/") + bp.url_prefix
    return jsonify(openapi_document(labels(), server_url, site_url=request.url_root.rstrip("/")))


def invalid_parameters(problems: dict[str, str], detail: str = "Some parameters have values we cannot use; see fields."):
    title = MESSAGES[400][0]
    return jsonify({"error": {"status": 400, "title": title, "detail": detail, "fields": problems}}), 400


from portal.api import vacancy_writes  # noqa: E402,F401  (the employer write routes join this blueprint)
