"""The readable API documentation at /developers is made from the OpenAPI document itself, so it lists
every operation the document has, with its parameters and an example request."""
import pytest

from portal.api.docs import HTTP_METHODS
from tests.jobsearch.html import parse


def _operations(document: dict):
    for path, item in document["paths"].items():
        for method in HTTP_METHODS:
            if method in item:
                yield method, path, item[method]


@pytest.fixture
def document(client):
    return client.get("/api/v1/openapi.json").get_json()


@pytest.fixture
def docs_page(client):
    response = client.get("/developers")
    assert response.status_code == 200
    return parse(response)


def test_every_operation_in_the_document_has_its_own_section(document, docs_page):
    sections = {section.get("id"): section for section in docs_page.xpath("//section[@class='portal-operation']")}

    for method, path, operation in _operations(document):
        section = sections[operation["operationId"]]
        assert f"{method.upper()} {path}" in section.text_content()
        assert operation["summary"] in section.xpath(".//h2")[0].text_content()


def test_every_operation_is_in_the_contents_list(document, docs_page):
    contents = docs_page.xpath("//nav[@aria-label='Operations']//a/@href")

    # The JSON has its keys sorted; the page keeps the document's own order.
    assert sorted(contents) == sorted(f"#{operation['operationId']}" for _, _, operation in _operations(document))


def test_every_parameter_and_answer_is_described(document, docs_page):
    for _method, path, operation in _operations(document):
        section = docs_page.xpath(f"//section[@id='{operation['operationId']}']")[0]
        text = section.text_content()
        shared = document["paths"][path].get("parameters", [])
        for parameter in (*shared, *operation.get("parameters", [])):
            assert parameter["name"] in section.xpath(".//table//td/code/text()")
        for status in operation["responses"]:
            assert status in text


@pytest.mark.parametrize("operation_id, expected", [
    pytest.param("searchVacancies", "curl -X GET 'http://localhost/api/v1/vacancies'", id="public-search"),
    pytest.param("getVacancy", "curl -X GET 'http://localhost/api/v1/vacancies/1'", id="path-parameter-filled-in"),
    pytest.param("saveEmployerVacancy", "-H 'Authorization: Bearer YOUR_API_TOKEN'", id="token-shown-when-needed"),
    pytest.param("saveEmployerVacancy", '"external_ref": "text"', id="request-body-example"),
])
def test_operations_have_examples(docs_page, operation_id, expected):
    section = docs_page.xpath(f"//section[@id='{operation_id}']")[0]

    assert expected in " ".join(section.xpath(".//pre/code/text()"))


def test_the_page_links_to_the_machine_readable_document(docs_page):
    assert "/api/v1/openapi.json" in docs_page.xpath("//main//a/@href")


def test_parameters_and_answers_given_by_reference_are_read_through():
    from portal.api.docs import operations

    document = {
        "servers": [{"url": "http://localhost/api/v1"}],
        "paths": {"/things/{thing_id}": {"get": {
            "operationId": "getThing", "summary": "Read a thing",
            "parameters": [{"$ref": "#/components/parameters/thing_id"}],
            "responses": {"404": {"$ref": "#/components/responses/NotFound"}},
        }}},
        "components": {
            "parameters": {"thing_id": {"name": "thing_id", "in": "path", "required": True, "schema": {"type": "integer"}}},
            "responses": {"NotFound": {"description": "No thing has this id."}},
        },
    }

    [operation] = operations(document)

    assert [(p.name, p.location, p.kind) for p in operation.parameters] == [("thing_id", "path", "integer")]
    assert [(r.status, r.description) for r in operation.responses] == [("404", "No thing has this id.")]
    assert operation.example_request == "curl -X GET 'http://localhost/api/v1/things/1'"
