import pytest
from jsonschema import Draft202012Validator
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from portal.jobsearch.params import API_PARAMETERS

DOCUMENT_URI = "urn:vacancy-api"

# A value the parser must refuse for each query parameter, to show that it reads every documented one.
BAD_VALUES = {
    "q": "x" * 201,
    "as_typed": "maybe",
    "sector": "moon_base",
    "role_family": "astronauts",
    "role": "astronaut",
    "employer": "acme",
    "contract_type": "forever",
    "working_pattern": "never",
    "flags": "jetpack",
    "pay_band": "band_12",
    "min_pay": "plenty",
    "posted_within": "2",
    "location": "Atlantis",
    "radius": "7",
    "sort": "cheapest",
    "page": "0",
    "per_page": "0",
}


@pytest.fixture
def document(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.get_json()


def query_parameters(document) -> dict[str, dict]:
    operation = document["paths"]["/vacancies"]["get"]
    return {parameter["name"]: parameter for parameter in operation["parameters"] if parameter["in"] == "query"}


def schema_validator(document, name: str) -> Draft202012Validator:
    registry = Registry().with_resource(DOCUMENT_URI, DRAFT202012.create_resource(document))
    return Draft202012Validator({"$ref": f"{DOCUMENT_URI}#/components/schemas/{name}"}, registry=registry)


def test_the_document_is_valid_openapi_3_1(document):
    validator = pytest.importorskip("openapi_spec_validator")

    assert document["openapi"] == "3.1.0"
    validator.validate(document)


def test_it_describes_both_endpoints_and_their_errors(document):
    assert {"/vacancies", "/vacancies/{vacancy_id}"} <= set(document["paths"])
    search = document["paths"]["/vacancies"]["get"]["responses"]
    one = document["paths"]["/vacancies/{vacancy_id}"]["get"]["responses"]
    assert set(search) == {"200", "400", "429"} and set(one) == {"200", "404", "429"}
    assert document["servers"] == [{"url": "http://localhost/api/v1"}]


def test_every_parameter_the_parser_reads_is_documented_and_no_other(document):
    assert set(query_parameters(document)) == set(API_PARAMETERS) == set(BAD_VALUES)


@pytest.mark.parametrize("name", sorted(BAD_VALUES))
def test_the_parser_checks_each_documented_parameter(client, name):
    response = client.get("/api/v1/vacancies", query_string={name: BAD_VALUES[name]})

    assert response.status_code == 400
    assert list(response.get_json()["error"]["fields"]) == [name]


def test_choices_are_listed_from_the_reference_data(document):
    parameters = query_parameters(document)
    assert "home_care" in parameters["sector"]["schema"]["items"]["enum"]
    assert "nursing_midwifery" in parameters["role_family"]["schema"]["items"]["enum"]
    assert parameters["sort"]["schema"]["enum"] == ["relevance", "newest", "closing", "distance"]
    assert parameters["radius"]["schema"]["enum"] == [1, 3, 5, 10, 20, 30, 50]
    assert parameters["posted_within"]["schema"]["enum"] == [1, 3, 7, 14, 30]
    assert parameters["flags"]["explode"] is True


def test_responses_match_the_documented_schemas(client, document, make_organisation, make_vacancy):
    vacancy = make_vacancy(make_organisation(), title="Care Worker", pay_band_code="band_3")

    search = client.get("/api/v1/vacancies?q=care&location=Loughborough").get_json()
    one = client.get(f"/api/v1/vacancies/{vacancy.id}").get_json()
    bad = client.get("/api/v1/vacancies?page=0").get_json()
    missing = client.get("/api/v1/vacancies/999999").get_json()

    schema_validator(document, "SearchResults").validate(search)
    schema_validator(document, "VacancyInFull").validate(one)
    schema_validator(document, "Error").validate(bad)
    schema_validator(document, "Error").validate(missing)
    assert not schema_validator(document, "SearchResults").is_valid({**search, "total": "many"})
