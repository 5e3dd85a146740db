"""The employer API: an employer's system creates, updates, publishes and closes its own vacancies,
matched by its own reference, checked exactly like the recruiter's web form."""
from __future__ import annotations

import threading
from datetime import date, timedelta

import pytest

from portal.api.vacancy_writes import MISSING_REFERENCE
from portal.integrations.services import CANNOT_UNPUBLISH
from tests.integrations.conftest import bearer
from tests.vacancies.conftest import date_parts

URL = "/api/v1/employer/vacancies"


@pytest.fixture
def employer(make_organisation, make_token):
    """An approved organisation and a token for it."""
    organisation = make_organisation(name="Charnwood Care", sector_code="nursing_home")
    return organisation, make_token(organisation)


def test_post_creates_a_draft_from_the_employers_values(client, employer, vacancy_json, stored, site_ids):
    organisation, token = employer

    response = client.post(URL, json=vacancy_json(), headers=bearer(token))

    assert response.status_code == 201
    body = response.get_json()
    assert response.headers["Location"] == f"http://localhost{URL}/SCW-042"
    assert (body["external_ref"], body["status"], body["title"]) == ("SCW-042", "draft", "Senior Care Worker")
    assert body["sites"] == [{"id": site_ids(organisation)[0], "name": "Head office"}]
    vacancy = stored(organisation, "SCW-042")
    assert (vacancy.id, vacancy.organisation_id, vacancy.sector_code) == (body["id"], organisation.id, "nursing_home")
    assert (vacancy.pay_min, vacancy.pay_max, vacancy.pay_period) == (12.9, 14.8, "hour")
    assert vacancy.working_patterns == ["full_time", "shifts", "weekends"]
    assert vacancy.flags == ["dbs_check", "driving_licence"]
    assert vacancy.site_ids == site_ids(organisation)
    assert vacancy.published_at is None


def test_the_same_post_twice_makes_one_vacancy(client, employer, vacancy_json, vacancy_count):
    organisation, token = employer

    first = client.post(URL, json=vacancy_json(), headers=bearer(token))
    again = client.post(URL, json=vacancy_json(), headers=bearer(token))

    assert (first.status_code, again.status_code) == (201, 200)
    assert first.get_json()["id"] == again.get_json()["id"]
    assert vacancy_count(organisation) == 1


def test_a_post_with_a_known_reference_updates_that_vacancy(client, employer, vacancy_json, stored, vacancy_count):
    organisation, token = employer
    client.post(URL, json=vacancy_json(), headers=bearer(token))

    response = client.post(URL, json=vacancy_json(title="Night Senior Care Worker", patterns=["nights"],
                                                  benefits=None), headers=bearer(token))

    assert response.status_code == 200
    vacancy = stored(organisation, "SCW-042")
    assert (vacancy.title, vacancy.slug, vacancy.benefits) == ("Night Senior Care Worker", "night-senior-care-worker", "")
    assert vacancy.working_patterns == ["full_time", "nights"]
    assert vacancy_count(organisation) == 1


def test_put_creates_then_replaces_the_vacancy_named_in_the_address(client, employer, vacancy_json, stored, vacancy_count):
    organisation, token = employer
    body = vacancy_json(external_ref=None)

    created = client.put(f"{URL}/NHS/123-ABC", json=body, headers=bearer(token))
    replaced = client.put(f"{URL}/NHS/123-ABC", json={**body, "title": "Care Team Leader"}, headers=bearer(token))
    read = client.get(f"{URL}/NHS/123-ABC", headers=bearer(token))

    assert (created.status_code, replaced.status_code, read.status_code) == (201, 200, 200)
    assert created.headers["Location"].endswith(f"{URL}/NHS/123-ABC")
    assert read.get_json()["title"] == "Care Team Leader"
    assert stored(organisation, "NHS/123-ABC").title == "Care Team Leader"
    assert vacancy_count(organisation) == 1


def test_put_refuses_a_different_reference_in_the_body(client, employer, vacancy_json, vacancy_count):
    organisation, token = employer

    response = client.put(f"{URL}/ABC-1", json=vacancy_json(external_ref="ABC-2"), headers=bearer(token))

    assert response.status_code == 400
    assert response.get_json()["error"]["fields"] == {
        "external_ref": "Must be the same as the reference in the address, or left out"
    }
    assert vacancy_count() == 0


def test_status_published_publishes_with_the_web_rules(client, employer, vacancy_json, stored):
    organisation, token = employer

    response = client.put(f"{URL}/SCW-042", json=vacancy_json(status="published"), headers=bearer(token))

    assert response.status_code == 201
    assert response.get_json()["status"] == "published" and response.get_json()["published_at"].endswith("Z")
    assert stored(organisation, "SCW-042").published_at is not None


def test_a_published_vacancy_cannot_go_back_to_draft(client, employer, vacancy_json, stored):
    organisation, token = employer
    client.put(f"{URL}/SCW-042", json=vacancy_json(status="published"), headers=bearer(token))

    response = client.put(f"{URL}/SCW-042", json=vacancy_json(status="draft", title="Changed"), headers=bearer(token))
    kept = client.put(f"{URL}/SCW-042", json=vacancy_json(title="Changed"), headers=bearer(token))

    assert response.status_code == 409
    assert response.get_json()["error"]["detail"] == CANNOT_UNPUBLISH
    assert kept.status_code == 200 and kept.get_json()["status"] == "published"
    assert stored(organisation, "SCW-042").title == "Changed"


WEB_FORM_CASES = [
    # (API values, web form values, the field the message is keyed by)
    ({"title": ""}, {"title": ""}, "title"),
    ({"title": "x" * 161}, {"title": "x" * 161}, "title"),
    ({"role_code": "astronaut"}, {"role_code": "astronaut"}, "role_code"),
    ({"contract_type": None}, {"contract_type": None}, "contract_type"),
    ({"hours_per_week": 80}, {"hours_per_week": "80"}, "hours_per_week"),
    ({"pay_min": "£15", "pay_max": "12.50"}, {"pay_min": "£15", "pay_max": "12.50"}, "pay_max"),
    ({"pay_min": None, "pay_max": None}, {"pay_min": "", "pay_max": ""}, "pay_min"),
    ({"pay_min": 24000, "pay_max": 26000}, {"pay_min": "24000", "pay_max": "26000"}, "pay_min"),
    ({"pay_min": "NaN"}, {"pay_min": "NaN"}, "pay_min"),
    ({"pay_band_code": "band_99"}, {"pay_band_code": "band_99"}, "pay_band_code"),
    ({"closing_date": "2030-02-31"}, {"closing_date-day": "31", "closing_date-month": "2", "closing_date-year": "2030"}, "closing_date"),
    ({"closing_date": (date.today() - timedelta(days=1)).isoformat()}, date_parts(date.today() - timedelta(days=1)), "closing_date"),
    ({"closing_date": "01/02/26"}, {"closing_date-day": "1", "closing_date-month": "2", "closing_date-year": "26"}, "closing_date"),
    ({"summary": "x" * 301}, {"summary": "x" * 301}, "summary"),
    ({"sites": []}, {"site_ids": None}, "sites"),
    ({"sites": ["The Moon"]}, {"site_ids": ["The Moon"]}, "sites"),
    ({"apply_url": "javascript:alert(1)"}, {"apply_url": "javascript:alert(1)"}, "apply_url"),
    ({"apply_method": "carrier pigeon"}, {"apply_method": "carrier pigeon"}, "apply_method"),
    ({"external_ref": "x" * 81}, {"external_ref": "x" * 81}, "external_ref"),
]


def test_field_errors_are_the_web_forms_messages(
    client, employer, vacancy_json, vacancy_count, recruiter_client, web_vacancy_form
):
    organisation, token = employer
    web, web_organisation = recruiter_client()

    for api_values, form_values, name in WEB_FORM_CASES:
        response = client.post(URL, json=vacancy_json(**api_values), headers=bearer(token))
        page = web.post("/recruiter/vacancies/new", data=web_vacancy_form(web_organisation, **form_values))

        assert response.status_code == 400, api_values
        error = response.get_json()["error"]
        assert error["detail"] == "Some fields have values we cannot use; see fields."
        message = error["fields"][name]
        assert message in page.get_data(as_text=True).replace("&#39;", "'"), (api_values, message)
    assert vacancy_count() == 0


def test_problems_only_the_api_can_have_are_explained(client, employer, vacancy_json, vacancy_count):
    _, token = employer
    body = vacancy_json(external_ref=None, closing_date="next Friday", patterns={"shifts": True}, status="live",
                        salary="lots", hours_per_week=True)

    response = client.post(URL, json=body, headers=bearer(token))

    assert response.status_code == 400
    assert response.get_json()["error"]["fields"] == {
        "external_ref": MISSING_REFERENCE,
        "hours_per_week": "Must be a number",
        "patterns": "Must be a list of values, or a single value",
        "closing_date": "Closing date must be a date, written 2026-07-31 or 31/07/2026",
        "status": "Status must be draft or published",
        "salary": "We do not know this field. Check its name against the documentation",
    }
    assert vacancy_count() == 0


def test_sites_are_named_by_id_name_or_label_and_must_be_the_organisations(
    client, make_organisation, make_token, vacancy_json, stored, site_ids
):
    organisation = make_organisation()
    other = make_organisation()
    token = make_token(organisation)
    own_site = site_ids(organisation)[0]

    for reference, sites in (("BY-ID", [own_site]), ("BY-TEXT-ID", str(own_site)),
                             ("BY-LABEL", ["head office, loughborough le11 1aa"])):
        response = client.post(URL, json=vacancy_json(external_ref=reference, sites=sites), headers=bearer(token))
        assert response.status_code == 201, response.get_json()
        assert stored(organisation, reference).site_ids == [own_site]
    refused = client.post(URL, json=vacancy_json(external_ref="THEIRS", sites=site_ids(other)), headers=bearer(token))
    assert refused.get_json()["error"]["fields"] == {"sites": "Select places from your organisation's list"}


def test_a_band_alone_fills_the_pay_as_on_the_web(client, employer, vacancy_json, stored):
    organisation, token = employer

    client.post(URL, json=vacancy_json(role_code="registered_nurse_adult", pay_band_code="band_5", pay_min=None,
                                       pay_max=None, pay_period=None), headers=bearer(token))

    vacancy = stored(organisation, "SCW-042")
    assert (vacancy.pay_band_code, vacancy.pay_min, vacancy.pay_max, vacancy.pay_period) == ("band_5", 31049, 37796, "year")


def test_listing_shows_the_organisations_own_vacancies_in_any_status(client, employer, make_organisation, make_vacancy):
    organisation, token = employer
    draft = make_vacancy(organisation, status="draft", external_ref="D-1")
    closed = make_vacancy(organisation, status="closed", external_ref="C-1")
    make_vacancy(make_organisation(), external_ref="D-1")

    everything = client.get(URL, headers=bearer(token)).get_json()
    drafts = client.get(URL, query_string={"status": "draft"}, headers=bearer(token)).get_json()
    bad = client.get(URL, query_string={"status": "deleted", "page": "0"}, headers=bearer(token))

    assert {result["id"] for result in everything["results"]} == {draft.id, closed.id}
    assert (everything["total"], everything["page"], everything["pages"]) == (2, 1, 1)
    assert [result["id"] for result in drafts["results"]] == [draft.id]
    assert bad.status_code == 400 and set(bad.get_json()["error"]["fields"]) == {"status", "page"}


@pytest.mark.parametrize("query, field", [
    ("status=", "status"),
    ("state=draft", "state"),
    ("page=1&page=2", "page"),
    ("page=4294967296", "page"),
], ids=["empty status", "unknown", "repeated", "page too large"])
def test_listing_refuses_parameters_it_cannot_use(client, employer, query, field):
    _organisation, token = employer

    response = client.get(f"{URL}?{query}", headers=bearer(token))

    assert response.status_code == 400
    assert list(response.get_json()["error"]["fields"]) == [field]


def test_publish_and_close_follow_the_web_rules_and_can_be_repeated(client, employer, make_vacancy, stored):
    organisation, token = employer
    make_vacancy(organisation, status="draft", external_ref="D-1", published_at=None)
    make_vacancy(organisation, status="draft", external_ref="OLD", closing_date=date.today() - timedelta(days=1))

    published = client.post(f"{URL}/D-1/publish", headers=bearer(token))
    published_again = client.post(f"{URL}/D-1/publish", headers=bearer(token))
    closed = client.post(f"{URL}/D-1/close", headers=bearer(token))
    closed_again = client.post(f"{URL}/D-1/close", headers=bearer(token))
    republished = client.post(f"{URL}/D-1/publish", headers=bearer(token))
    past = client.post(f"{URL}/OLD/publish", headers=bearer(token))
    draft_closed = client.post(f"{URL}/OLD/close", headers=bearer(token))

    assert (published.status_code, published_again.status_code) == (200, 200)
    assert published.get_json()["status"] == "published"
    assert (closed.status_code, closed_again.status_code) == (200, 200)
    assert closed.get_json()["status"] == "closed" and closed.get_json()["closed_at"]
    assert republished.status_code == 409
    assert republished.get_json()["error"]["detail"] == "Only a draft can be published."
    assert past.get_json()["error"]["detail"].startswith("The closing date has passed.")
    assert draft_closed.get_json()["error"]["detail"] == "Only a published vacancy can be closed."
    assert (stored(organisation, "D-1").status, stored(organisation, "OLD").status) == ("closed", "draft")


def test_a_closed_vacancy_cannot_be_changed(client, employer, make_vacancy, vacancy_json, stored):
    organisation, token = employer
    make_vacancy(organisation, status="closed", external_ref="SCW-042", title="Care Worker")

    response = client.put(f"{URL}/SCW-042", json=vacancy_json(title="Changed"), headers=bearer(token))

    assert response.status_code == 409
    assert response.get_json()["error"]["detail"].startswith("This vacancy has closed, so it cannot be changed.")
    assert stored(organisation, "SCW-042").title == "Care Worker"


def test_unknown_references_are_not_found(client, employer):
    _, token = employer
    for method, path in (("get", "NOPE"), ("post", "NOPE/close"), ("post", "NOPE/publish")):
        response = getattr(client, method)(f"{URL}/{path}", headers=bearer(token))
        assert response.status_code == 404
        assert response.get_json()["error"]["detail"] == "Your organisation has no vacancy with this reference."


@pytest.mark.parametrize("method, path", [
    ("get", "SHARED-1"),
    ("post", "SHARED-1/publish"),
    ("post", "SHARED-1/close"),
])
def test_another_organisations_token_cannot_read_publish_or_close(client, make_organisation, make_token, make_vacancy,
                                                                   stored, method, path):
    owner = make_organisation()
    make_vacancy(owner, status="draft", external_ref="SHARED-1", title="Owner's job", published_at=None)
    intruder_token = make_token(make_organisation())

    response = getattr(client, method)(f"{URL}/{path}", headers=bearer(intruder_token))
    listing = client.get(URL, headers=bearer(intruder_token)).get_json()

    assert response.status_code == 404
    assert listing["results"] == []
    assert stored(owner, "SHARED-1").status == "draft"


@pytest.mark.parametrize("method, path", [("put", f"{URL}/SHARED-1"), ("post", URL)])
def test_another_organisations_token_writes_only_its_own_vacancy(client, make_organisation, make_token, make_vacancy,
                                                                  vacancy_json, stored, method, path):
    owner = make_organisation()
    original = make_vacancy(owner, status="published", external_ref="SHARED-1", title="Owner's job")
    intruder = make_organisation()

    response = getattr(client, method)(path, json=vacancy_json(external_ref="SHARED-1", title="Taken over"),
                                       headers=bearer(make_token(intruder)))

    assert response.status_code == 201
    assert response.get_json()["id"] != original.id
    kept = stored(owner, "SHARED-1")
    assert (kept.id, kept.title, kept.status, kept.organisation_id) == (original.id, "Owner's job", "published", owner.id)
    assert stored(intruder, "SHARED-1").title == "Taken over"


def test_without_a_good_token_every_route_is_unauthorised(client, employer, make_vacancy, vacancy_json, app):
    organisation, token = employer
    make_vacancy(organisation, external_ref="SCW-042")
    routes = [("get", URL), ("post", URL), ("get", f"{URL}/SCW-042"), ("put", f"{URL}/SCW-042"),
              ("post", f"{URL}/SCW-042/publish"), ("post", f"{URL}/SCW-042/close")]
    for method, path in routes:
        for headers, error in (({}, ""), (bearer("ptc_not-a-real-token"), ', error="invalid_token"'),
                               ({"Authorization": f"Basic {token}"}, ', error="invalid_token"')):
            response = getattr(client, method)(path, json=vacancy_json(), headers=headers)
            assert response.status_code == 401, (method, path, headers)
            assert response.headers["WWW-Authenticate"] == 'Bearer realm="employer-api"' + error
            assert response.get_json()["error"]["status"] == 401


def test_bodies_that_are_not_a_json_object_are_refused(client, employer, vacancy_count):
    _, token = employer

    form_post = client.post(URL, data={"title": "Care Worker"}, headers=bearer(token))
    broken = client.post(URL, data="{not json", content_type="application/json", headers=bearer(token))
    listed = client.post(URL, json=["title"], headers=bearer(token))
    huge = client.post(URL, json={"description": "x" * 300_000}, headers=bearer(token))

    assert form_post.status_code == 415 and "Content-Type: application/json" in form_post.get_json()["error"]["detail"]
    assert broken.status_code == 400 and broken.get_json()["error"]["detail"] == "The request body is not valid JSON."
    assert listed.status_code == 400 and "must be a JSON object" in listed.get_json()["error"]["detail"]
    assert huge.status_code == 413 and huge.get_json()["error"]["detail"] == "The request body must be 256 KB or less."
    assert vacancy_count() == 0


def test_concurrent_duplicate_posts_make_one_vacancy(app, employer, vacancy_json, vacancy_count):
    organisation, token = employer
    body = vacancy_json()
    statuses = []
    start = threading.Barrier(4)

    def send():
        client = app.test_client()
        start.wait()
        statuses.append(client.post(URL, json=body, headers=bearer(token)).status_code)

    threads = [threading.Thread(target=send) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(statuses) == [200, 200, 200, 201]
    assert vacancy_count(organisation) == 1


def test_each_token_has_its_own_rate_limit(app, client, make_organisation, make_token):
    busy, quiet = make_token(make_organisation()), make_token(make_organisation())
    app.config["EMPLOYER_API_RATE_LIMIT"] = "3 per minute"
    try:
        statuses = [client.get(URL, headers=bearer(busy)).status_code for _ in range(4)]
        other = client.get(URL, headers=bearer(quiet)).status_code
    finally:
        app.config["EMPLOYER_API_RATE_LIMIT"] = "120 per minute"
    assert statuses == [200, 200, 200, 429]
    assert other == 200


@pytest.mark.parametrize("flags,sent,cv_required", [
    (["school_leavers"], None, False),
    (["dbs_check"], None, True),
    (["no_experience"], "yes", True),
    (["dbs_check"], "no", False),
], ids=["left-out-for-school-leavers-asks-for-none", "left-out-for-others-asks", "yes-asks", "no-asks-for-none"])
def test_whether_a_cv_is_needed_follows_the_web_forms_rule(client, employer, vacancy_json, stored,
                                                           flags, sent, cv_required):
    organisation, token = employer
    response = client.post(URL, json=vacancy_json(flags=flags, cv_required=sent), headers=bearer(token))
    assert response.status_code == 201, response.get_json()
    assert stored(organisation, "SCW-042").cv_required is cv_required


def test_an_unknown_cv_answer_is_refused(client, employer, vacancy_json):
    _, token = employer
    response = client.post(URL, json=vacancy_json(cv_required="maybe"), headers=bearer(token))
    assert response.status_code == 400
    assert "cv_required" in str(response.get_json())
