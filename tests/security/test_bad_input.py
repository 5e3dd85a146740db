"""Bad input gets a clear answer and never an error page: control characters and NUL through every
way in (web form, JSON API, CSV import, query string, URL path), text already stored with them, very
long values, and odd search parameters on the page and the API. Each case runs on SQLite and, with
TEST_DATABASE_URL, on PostgreSQL, which refuses NUL in text."""
from __future__ import annotations

import io

import lxml.etree
import pytest
from sqlalchemy import select

from portal.extensions import db
from portal.text import clean_text, clean_value
from portal.vacancies.models import Vacancy
from tests.applications.conftest import send, signed_in_client
from tests.factories import sign_in
from tests.integrations.conftest import bearer
from tests.integrations.test_csv_import import csv_bytes, row
from tests.jobsearch.html import parse, text_of
from tests.storage.samples import PDF

CONTROL_CHARACTERS = {
    "NUL": "\x00",
    "start of heading": "\x01",
    "vertical tab": "\x0b",
    "unit separator": "\x1f",
    "delete": "\x7f",
    "next line (C1)": "\x85",
}
ATOM = {"atom": "http://www.w3.org/2005/Atom"}
EMPLOYER_API = "/api/v1/employer/vacancies"


# The one cleaning rule

@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("Care\x00Worker", "CareWorker"),
        ("Care\x01\x0b\x0c\x1f\x7fWorker", "CareWorker"),
        ("Care\x80\x85\x9fWorker", "CareWorker"),
        ("Line one\r\nLine two\rLine three\n", "Line one\nLine two\nLine three\n"),
        ("Tab\tstays", "Tab\tstays"),
        ("Lone surrogate \ud800 goes", "Lone surrogate  goes"),
        ("Not a character \ufffe\uffff", "Not a character "),
        ("Ünïcödé, emoji 💙 and “quotes” stay", "Ünïcödé, emoji 💙 and “quotes” stay"),
    ],
    ids=["NUL", "C0 and DEL", "C1", "line endings", "tab", "surrogate", "noncharacters", "ordinary text"],
)
def test_cleaning_removes_control_characters_and_keeps_text(typed, kept):
    assert clean_text(typed) == kept


def test_cleaning_reaches_every_string_in_a_json_body():
    body = {"ti\x00tle": "Care\x01Worker", "patterns": ["sh\x0bifts", 3, None], "nested": {"x": "\x85y"}}
    assert clean_value(body) == {"title": "CareWorker", "patterns": ["shifts", 3, None], "nested": {"x": "y"}}


# Control characters through every way in: saved clean, never a 500

def stored_titles(app, organisation) -> list[str]:
    with app.app_context():
        return list(db.session.scalars(select(Vacancy.title).where(Vacancy.organisation_id == organisation.id)))


@pytest.mark.parametrize("character", CONTROL_CHARACTERS.values(), ids=CONTROL_CHARACTERS.keys())
def test_a_title_typed_in_the_web_form_is_saved_without_control_characters(
    app, client, recruiter_client, web_vacancy_form, character
):
    recruiter, organisation = recruiter_client()

    response = recruiter.post("/recruiter/vacancies/new", data=web_vacancy_form(
        organisation, title=f"Senior{character} Care Worker", description=f"Line one\r\n{character}Line two",
    ))

    assert response.status_code == 302
    assert stored_titles(app, organisation) == ["Senior Care Worker"]
    assert client.get("/jobs/feed.atom").status_code == 200


@pytest.mark.parametrize("character", CONTROL_CHARACTERS.values(), ids=CONTROL_CHARACTERS.keys())
def test_a_title_sent_to_the_api_is_saved_without_control_characters(
    app, client, make_organisation, make_token, vacancy_json, character
):
    organisation = make_organisation()
    token = make_token(organisation)

    response = client.post(EMPLOYER_API, json=vacancy_json(title=f"Senior{character} Care Worker",
                                                          status="published"), headers=bearer(token))

    assert response.status_code == 201, response.get_json()
    assert response.get_json()["title"] == "Senior Care Worker"
    assert stored_titles(app, organisation) == ["Senior Care Worker"]
    assert client.get("/jobs/feed.atom").status_code == 200


def test_a_nul_anywhere_in_a_json_body_is_cleaned(client, make_organisation, make_token, vacancy_json):
    body = vacancy_json(external_ref="SCW\x00-042", patterns=["shifts\x00"], summary="Lead\x00 a team.")

    response = client.post(EMPLOYER_API, json=body, headers=bearer(make_token(make_organisation())))

    assert response.status_code == 201, response.get_json()
    saved = response.get_json()
    assert (saved["external_ref"], saved["working_patterns"], saved["summary"]) == ("SCW-042", ["full_time", "shifts"], "Lead a team.")


@pytest.mark.parametrize(
    "character", [c for c in CONTROL_CHARACTERS.values() if c != "\x00"],
    ids=[name for name, c in CONTROL_CHARACTERS.items() if c != "\x00"],
)
def test_a_title_in_a_csv_import_is_saved_without_control_characters(app, recruiter_client, character):
    recruiter, organisation = recruiter_client()
    content = csv_bytes([row(title=f"Home{character} Care Worker")])

    preview = recruiter.post("/recruiter/vacancies/import", data={"file": (io.BytesIO(content), "v.csv")},
                             content_type="multipart/form-data")
    assert preview.status_code == 302
    assert recruiter.post(f"{preview.headers['Location']}/confirm").status_code == 302

    assert stored_titles(app, organisation) == ["Home Care Worker"]


def test_a_csv_file_with_a_nul_byte_is_refused_with_a_message(app, recruiter_client):
    recruiter, organisation = recruiter_client()
    content = csv_bytes([row(title="Home\x00 Care Worker")])

    response = recruiter.post("/recruiter/vacancies/import", data={"file": (io.BytesIO(content), "v.csv")},
                              content_type="multipart/form-data")

    assert response.status_code == 200
    assert "The selected file must be a CSV file" in text_of(response)
    assert stored_titles(app, organisation) == []


def store_raw_title(app, vacancy_id: int, title: str) -> None:
    """Write straight through the database driver, as text stored before input was cleaned would be."""
    with app.app_context():
        connection = db.engine.raw_connection()
        try:
            cursor = connection.cursor()
            placeholder = "?" if db.engine.dialect.name == "sqlite" else "%s"
            cursor.execute(f"UPDATE vacancies SET title = {placeholder} WHERE id = {placeholder}", (title, vacancy_id))
            connection.commit()
        finally:
            connection.close()


@pytest.mark.parametrize("character", CONTROL_CHARACTERS.values(), ids=CONTROL_CHARACTERS.keys())
def test_the_feeds_and_pages_show_a_vacancy_stored_with_control_characters(
    app, client, make_organisation, make_vacancy, character
):
    vacancy = make_vacancy(make_organisation(name="Oak Lodge"))
    with app.app_context():
        postgres = db.engine.dialect.name == "postgresql"
    if postgres and character == "\x00":
        pytest.skip("PostgreSQL cannot hold a NUL in text at all")
    store_raw_title(app, vacancy.id, f"Night{character} Nurse")

    feed = client.get("/jobs/feed.atom")

    assert feed.status_code == 200
    entry = lxml.etree.fromstring(feed.get_data()).xpath("atom:entry", namespaces=ATOM)[0]
    assert entry.findtext("atom:title", namespaces=ATOM) == "Night Nurse - Oak Lodge"
    xml = client.get("/feeds/vacancies.xml")
    assert xml.status_code == 200
    assert lxml.etree.fromstring(xml.get_data()).findtext(".//vacancy/title") == "Night Nurse"
    for path in ("/jobs", f"/jobs/{vacancy.id}/{vacancy.slug}", "/api/v1/vacancies", "/feeds/vacancies.json"):
        assert client.get(path).status_code == 200, path


# NUL and control characters in query strings and URL paths

@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/jobs?q=%00", 200),
        ("/jobs?q=nurse%00%01%0b", 200),
        ("/jobs?location=%00&sector=%00", 200),
        ("/jobs/feed.atom?q=%00", 200),
        ("/jobs/feed.atom?q=%1f%7f%c2%85", 200),
        # Cleaned, these values are empty, which the JSON and XML interfaces refuse by name, as their
        # OpenAPI document says.
        ("/api/v1/vacancies?q=%00", 400),
        ("/feeds/vacancies.json?employer=%00", 400),
        ("/feeds/vacancies.xml?sector=%00", 400),
        ("/employers/oak%00lodge", 404),
        ("/alerts/confirm/%00", 400),
        ("/reset-password/abc%00", 400),
        ("/passport/shared/%00", 404),
        ("/api/v1/credentials/%00/status", 404),
        ("/sign-in?next=%00", 200),
    ],
    ids=lambda value: value if isinstance(value, str) else None,
)
def test_control_characters_in_a_url_get_an_ordinary_answer(client, path, expected):
    assert client.get(path).status_code == expected


def test_nul_in_a_signed_out_form_post_is_an_ordinary_answer(client):
    response = client.post("/sign-in", data={"email": "sam\x00@example.org", "password": "pass\x00word"})

    assert response.status_code == 200
    assert "Enter" in text_of(response) or "incorrect" in text_of(response)


# Very long values where fields have limits

LONG = "x" * 5000


def test_a_5000_character_title_in_the_web_form_is_refused_beside_the_field(app, recruiter_client, web_vacancy_form):
    recruiter, organisation = recruiter_client()

    response = recruiter.post("/recruiter/vacancies/new", data=web_vacancy_form(organisation, title=LONG))

    assert response.status_code == 200
    assert parse(response).xpath("//*[@id='title-error']")
    assert stored_titles(app, organisation) == []


@pytest.mark.parametrize("field", ["title", "external_ref", "summary", "apply_url"])
def test_5000_characters_sent_to_the_api_are_refused_with_the_field_named(client, make_organisation, make_token,
                                                                           vacancy_json, field):
    response = client.post(EMPLOYER_API, json=vacancy_json(**{field: LONG}),
                           headers=bearer(make_token(make_organisation())))

    assert response.status_code == 400
    assert field in response.get_json()["error"]["fields"]


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("/register", {"full_name": LONG, "email": f"{LONG}@example.org", "password": LONG}),
        ("/sign-in", {"email": LONG, "password": LONG}),
        ("/forgot-password", {"email": LONG}),
    ],
    ids=["register", "sign in", "forgotten password"],
)
def test_5000_characters_in_a_signed_out_form_get_a_message(client, path, data):
    response = client.post(path, data=data)

    assert response.status_code in (200, 302, 429)
    assert response.status_code != 500


def test_5000_characters_in_an_application_are_refused_beside_the_fields(app, make_vacancy, make_organisation,
                                                                          make_user):
    vacancy = make_vacancy(make_organisation(), apply_method="portal", apply_url=None)
    client = app.test_client()
    sign_in(client, make_user())
    data = {"full_name": LONG, "email": "sam@example.org", "phone": LONG, "address_line_1": LONG,
            "town": LONG, "postcode": LONG, "supporting_statement": LONG * 10, "right_to_work": "yes",
            "cv": (io.BytesIO(PDF), "cv.pdf")}

    response = send(client, vacancy, data)

    assert response.status_code == 200
    errors = parse(response).xpath("//*[contains(@class, 'nhsuk-error-message')]")
    assert len(errors) >= 4


# Odd search parameters: what the page and the API answer, deliberately

@pytest.mark.parametrize(
    ("query", "status", "says"),
    [
        ("q=*", 200, "Enter words to search for, like a job title. We are showing all jobs"),
        ("q=%3F", 200, "Enter words to search for, like a job title. We are showing all jobs"),
        ("q=!!!+...", 200, "Enter words to search for, like a job title. We are showing all jobs"),
        ("page=1000000000000000000000", 200, "There is only 1 page of results"),
        ("page=-1", 200, "Page must be a whole number, 1 or more"),
        ("page=abc", 200, "Page must be a whole number, 1 or more"),
        ("radius=100000&location=Loughborough", 200, "Choose a distance of 1, 3, 5, 10, 20, 30 or 50 miles"),
        ("radius=-5&location=Loughborough", 200, "Choose a distance of 1, 3, 5, 10, 20, 30 or 50 miles"),
        ("sort=cheapest", 200, "Sort by relevance, newest, closing or distance"),
        ("min_pay=1e308", 200, "Enter a minimum yearly pay in pounds, like 25000"),
        ("employer=99999999999999", 200, "Employer must be an employer's number"),
    ],
    ids=lambda value: value if isinstance(value, str) and "=" in value else None,
)
def test_the_search_page_explains_odd_parameters(client, make_organisation, make_vacancy, query, status, says):
    make_vacancy(make_organisation(), title="Care Worker")

    response = client.get(f"/jobs?{query}")

    assert response.status_code == status
    assert says in text_of(response)
    assert "Care Worker" in text_of(response) or "page" in query


@pytest.mark.parametrize(
    ("query", "shows"),
    [
        ("per_page=100000", "1 job found"),
        ("q=care&q=nurse", "Care jobs - "),
        ("page=1&page=5", "1 job found"),
        ("lat=1000&lon=-1000", "1 job found"),
    ],
    ids=["per_page is the API's alone", "repeated: the first is used", "repeated page: the first",
         "coordinates are not read"],
)
def test_the_search_page_ignores_what_it_does_not_read(client, make_organisation, make_vacancy, query, shows):
    make_vacancy(make_organisation(), title="Care Worker")

    response = client.get(f"/jobs?{query}")

    assert response.status_code == 200
    assert shows in text_of(response)
    assert "There is a problem" not in text_of(response)


def test_a_page_past_the_end_names_the_last_page_and_links_to_it(client, make_organisation, make_vacancy):
    organisation = make_organisation()
    for _ in range(21):
        make_vacancy(organisation)

    response = client.get("/jobs?page=7")

    assert "There are only 2 pages of results." in text_of(response)
    assert parse(response).xpath("//a[text()='Go to the last page, page 2']/@href") == ["/jobs?page=2"]


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("q=*", "q", "Keywords must include a letter or a number. Leave q out to list every vacancy"),
        ("q=%3F%3F", "q", "Keywords must include a letter or a number. Leave q out to list every vacancy"),
        ("page=1000000000000000000000", "page", "There is only 1 page of results"),
        ("page=-1", "page", "Page must be a whole number, 1 or more"),
        ("page=abc", "page", "Page must be a whole number, 1 or more"),
        ("per_page=100000", "per_page", "per_page must be a whole number from 1 to 100"),
        ("radius=100000", "radius", "Choose a distance of 1, 3, 5, 10, 20, 30 or 50 miles"),
        ("radius=-1", "radius", "Choose a distance of 1, 3, 5, 10, 20, 30 or 50 miles"),
        ("distance=5", "distance", "Give the distance in miles with radius"),
        ("sort=cheapest", "sort", "Sort by relevance, newest, closing or distance"),
        ("q=care&q=nurse", "q", "Give q once"),
        ("page=1&page=2", "page", "Give page once"),
        ("lat=1000&lon=1000", "lat",
         "We do not read coordinates. Search near a place with location, a town or postcode district"),
        ("colour=blue", "colour", "We do not know this parameter. Check its name against the documentation"),
    ],
    ids=lambda value: value if isinstance(value, str) and "=" in value else None,
)
def test_the_api_refuses_odd_parameters_with_a_json_400(client, make_organisation, make_vacancy, query, field,
                                                         message):
    make_vacancy(make_organisation())

    response = client.get(f"/api/v1/vacancies?{query}")

    assert response.status_code == 400
    assert response.get_json()["error"]["fields"][field] == message


def test_the_api_answers_an_empty_first_page_and_the_last_page(client, make_organisation, make_vacancy):
    assert client.get("/api/v1/vacancies?page=1").get_json()["total"] == 0
    make_vacancy(make_organisation())
    assert client.get("/api/v1/vacancies?page=1&sector=home_care&sector=nursing_home").get_json()["total"] == 1


# Every form on every page, filled with the worst of it

DESTRUCTIVE = ("sign-out", "delete", "revoke", "remove", "suspend")


def post_forms(client, page: str) -> list[tuple[str, set[str]]]:
    """Each form on the page that posts: where it posts, and the names of its fields."""
    response = client.get(page)
    if response.status_code != 200 or response.mimetype != "text/html":
        return []
    forms = []
    for form in parse(response).xpath("//form[translate(@method, 'POST', 'post')='post']"):
        action = form.get("action") or page
        if not any(word in action for word in DESTRUCTIVE):
            forms.append((action, set(form.xpath(".//input/@name | .//textarea/@name | .//select/@name"))))
    return forms


@pytest.mark.parametrize("value", ["x" * 5000, "Care\x00\x01\x0b\x1f\x7f\x85 Worker"],
                         ids=["5000 characters", "control characters"])
@pytest.mark.parametrize("role", ["job seeker", "recruiter", "admin"])
def test_every_form_filled_with_bad_text_gets_an_answer_not_an_error(
    app, catalogue, make_organisation, make_user, make_recruiter, make_admin, role, value
):
    user = {
        "job seeker": lambda: make_user(),
        "recruiter": lambda: make_recruiter(make_organisation()),
        "admin": lambda: make_admin(),
    }[role]()
    client = signed_in_client(app, user.id)
    pages = sorted({rule.rule for rule in app.url_map.iter_rules()
                    if "GET" in rule.methods and not rule.arguments and not rule.rule.startswith("/static")})
    answers = {}
    for page in pages:
        for action, fields in post_forms(client, page):
            response = client.post(action, data={name: value for name in fields if name != "csrf_token"})
            answers[f"{page} -> {action}"] = response.status_code

    assert len(answers) > 5
    assert {form: status for form, status in answers.items() if status >= 500} == {}
