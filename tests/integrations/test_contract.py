"""Every operation of the API, called with requests generated from its own OpenAPI document, answers as
the document says: never a server error, only documented status codes and content types, bodies that
match their schemas, a 4xx for whatever the document calls not valid and, where the document can say
in full what is valid, acceptance of every valid request."""
from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from schemathesis import GenerationMode  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.specs.openapi.checks import (  # noqa: E402
    content_type_conformance,
    negative_data_rejection,
    positive_data_acceptance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.integrations.conftest import bearer  # noqa: E402

CONFORMANCE = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
# Operation -> whether every request the document calls valid must be accepted. Where it is False, some
# rules can only be checked against the data (a place, an employer, a credential's signature, a site of
# the organisation, pay that fits its period) and the document lists them under 400.
OPERATIONS = {
    "GET /vacancies": False,
    "GET /vacancies/{vacancy_id}": True,
    "GET /employer/vacancies": True,
    "POST /employer/vacancies": False,
    "GET /employer/vacancies/{external_ref}": True,
    "PUT /employer/vacancies/{external_ref}": False,
    "POST /employer/vacancies/{external_ref}/publish": True,
    "POST /employer/vacancies/{external_ref}/close": True,
    "GET /feeds/vacancies.json": False,
    "GET /feeds/vacancies.xml": False,
    "POST /credentials/verify": False,
    "GET /credentials/{credential_id}/status": True,
}
# The contract, not the rate limiter: hundreds of requests within the minute.
GENEROUS_LIMITS = {
    "PUBLIC_API_RATE_LIMIT": "100000 per minute",
    "EMPLOYER_API_RATE_LIMIT": "100000 per minute",
    "API_TOKEN_FAILURE_LIMIT": "100000 per minute",
}
EXAMPLES_PER_OPERATION = 10


@pytest.fixture
def api(app, monkeypatch, make_organisation, make_vacancy, make_token):
    """The API's own document, with an employer token and a vacancy of its organisation to find."""
    for name, limit in GENEROUS_LIMITS.items():
        monkeypatch.setitem(app.config, name, limit)
    organisation = make_organisation()
    make_vacancy(organisation, external_ref="LIVE-1")
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app), make_token(organisation)


def test_every_operation_in_the_document_is_fuzzed(api):
    schema, _token = api
    documented = {result.ok().label for result in schema.get_all_operations()}

    assert documented == set(OPERATIONS)


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=str)
@pytest.mark.parametrize("label", list(OPERATIONS))
def test_every_operation_answers_as_documented(api, label, mode):
    schema, token = api
    method, path = label.split(" ", 1)
    operation = schema[path][method]
    # The feed is served from the site's root, as its own servers entry says, not under the API's prefix.
    base_url = next((server["url"] for server in schema.raw_schema["paths"][path].get("servers", [])), None)
    checks = [*CONFORMANCE, negative_data_rejection]
    if OPERATIONS[label]:
        checks.append(positive_data_acceptance)

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=EXAMPLES_PER_OPERATION, derandomize=True, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    def answers_as_documented(case):
        case.call_and_validate(base_url=base_url, headers=bearer(token), checks=checks)

    answers_as_documented()
