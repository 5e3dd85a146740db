"""The OpenAPI document describes the employer API and the partner feed, and their responses match it."""
from __future__ import annotations

import pytest

from tests.api.test_openapi import schema_validator
from tests.integrations.conftest import bearer


@pytest.fixture
def document(client):
    return client.get("/api/v1/openapi.json").get_json()


def test_the_document_with_the_write_operations_is_valid_openapi(document):
    validator = pytest.importorskip("openapi_spec_validator")
    validator.validate(document)


def test_every_write_operation_is_documented_with_the_token_scheme(document):
    paths = document["paths"]
    operations = {
        ("/employer/vacancies", "get"), ("/employer/vacancies", "post"),
        ("/employer/vacancies/{external_ref}", "get"), ("/employer/vacancies/{external_ref}", "put"),
        ("/employer/vacancies/{external_ref}/publish", "post"), ("/employer/vacancies/{external_ref}/close", "post"),
    }
    for path, method in operations:
        operation = paths[path][method]
        assert operation["security"] == [{"employerToken": []}]
        assert "401" in operation["responses"]
    assert document["components"]["securitySchemes"]["employerToken"] == {
        **document["components"]["securitySchemes"]["employerToken"], "type": "http", "scheme": "bearer",
    }
    assert {"200", "201", "400", "409", "413", "415"} <= set(paths["/employer/vacancies/{external_ref}"]["put"]["responses"])
    assert paths["/feeds/vacancies.json"]["servers"] == [{"url": "http://localhost"}]


def test_the_input_schema_is_read_from_the_web_form(document):
    schema = document["components"]["schemas"]["VacancyInput"]
    properties = schema["properties"]
    assert {"title", "role_code", "closing_date", "sites", "status"} <= set(properties)
    assert "site_ids" not in properties
    assert "senior_care_worker" in properties["role_code"]["enum"]
    assert "band_5" in properties["pay_band_code"]["enum"]
    assert properties["patterns"]["items"]["enum"] == ["shifts", "nights", "weekends"]
    assert {"title", "role_code", "contract_type", "closing_date", "sites"} <= set(schema["required"])
    assert "external_ref" not in schema["required"] and schema["additionalProperties"] is False


def test_responses_match_the_documented_schemas(client, document, make_organisation, make_token, make_vacancy,
                                                vacancy_json):
    organisation = make_organisation()
    token = make_token(organisation)
    make_vacancy(organisation, external_ref="LIVE-1", pay_band_code="band_3")

    created = client.put("/api/v1/employer/vacancies/SCW-042", json=vacancy_json(), headers=bearer(token)).get_json()
    listing = client.get("/api/v1/employer/vacancies", headers=bearer(token)).get_json()
    invalid = client.post("/api/v1/employer/vacancies", json={}, headers=bearer(token)).get_json()
    denied = client.get("/api/v1/employer/vacancies").get_json()
    feed_page = client.get("/feeds/vacancies.json").get_json()

    schema_validator(document, "EmployerVacancy").validate(created)
    schema_validator(document, "EmployerVacancyList").validate(listing)
    schema_validator(document, "Error").validate(invalid)
    schema_validator(document, "Error").validate(denied)
    schema_validator(document, "FeedPage").validate(feed_page)
    schema_validator(document, "VacancyInput").validate(vacancy_json(status="published"))
    assert not schema_validator(document, "VacancyInput").is_valid(vacancy_json(salary="lots"))


FORM_LIMITS = [
    ("title", {"type": ["string"], "minLength": 1, "maxLength": 160}),
    ("summary", {"type": ["string"], "minLength": 1, "maxLength": 300}),
    ("role_code", {"type": ["string"]}),
    ("closing_date", {"type": ["string"], "minLength": 1}),
    ("sites", {"minItems": 1, "minLength": 1}),
    ("requirements", {"type": ["string", "null"], "maxLength": 10_000}),
    ("hours_per_week", {"type": ["number", "string", "null"], "minimum": 1, "maximum": 60}),
    ("max_applications", {"minimum": 1, "maximum": 10_000}),
    ("external_ref", {"type": ["string", "null"], "maxLength": 80}),
]


@pytest.mark.parametrize("field, expected", FORM_LIMITS, ids=[field for field, _expected in FORM_LIMITS])
def test_the_input_schema_has_the_form_s_limits(document, field, expected):
    schema = document["components"]["schemas"]["VacancyInput"]["properties"][field]

    assert schema | expected == schema


def test_a_required_choice_cannot_be_null(document):
    properties = document["components"]["schemas"]["VacancyInput"]["properties"]

    assert None not in properties["role_code"]["enum"]
    assert None in properties["pay_band_code"]["enum"]
