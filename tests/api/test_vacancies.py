from datetime import date, timedelta

import pytest

from portal.employers.models import OrganisationStatus

MARKET_HARBOROUGH = dict(town="Market Harborough", postcode="LE16 7AA", latitude=52.4775, longitude=-0.9208)


def test_search_returns_results_with_facets_and_paging(client, make_organisation, make_vacancy):
    organisation = make_organisation(name="Oak Lodge", sector_code="nursing_home")
    nurse = make_vacancy(organisation, title="Registered Nurse", role_code="nursing_home_nurse", pay_band_code="band_5",
                         pay_min=31049, pay_max=37796, pay_period="year", works_nights=True,
                         closing_date=date(2099, 1, 31), summary="Nurses for our dementia unit.")
    make_vacancy(organisation, title="Care Worker")

    response = client.get("/api/v1/vacancies?q=nurses")

    assert response.status_code == 200
    body = response.get_json()
    assert (body["total"], body["page"], body["per_page"], body["pages"], body["suggestion"]) == (1, 1, 20, 1, None)
    assert body["sort"] == "relevance"
    [result] = body["results"]
    assert result == {
        "id": nurse.id,
        "title": "Registered Nurse",
        "url": f"http://localhost/jobs/{nurse.id}/{nurse.slug}",
        "employer": {"id": organisation.id, "name": "Oak Lodge"},
        "sector": {"code": "nursing_home", "name": "Nursing home"},
        "role": {
            "code": "nursing_home_nurse",
            "name": "Registered nurse (nursing home)",
            "family": {"code": "nursing_midwifery", "name": "Nursing and midwifery"},
        },
        "contract_type": "permanent",
        "working_patterns": ["full_time", "nights"],
        "pay": {"band": {"code": "band_5", "name": "Band 5"}, "min": 31049, "max": 37796, "period": "year",
                "currency": "GBP"},
        "closing_date": "2099-01-31",
        "posted_at": result["posted_at"],
        "locations": [{"town": "Loughborough", "postcode": "LE11 1AA", "lat": 52.7721, "lon": -1.2062}],
        "distance_miles": None,
        "summary": "Nurses for our dementia unit.",
        "highlights": {"title": "Registered <mark>Nurse</mark>", "snippet": "<mark>Nurses</mark> for our dementia unit."},
    }
    assert result["posted_at"].endswith("Z")
    assert body["facets"]["sector"] == [{"value": "nursing_home", "label": "Nursing home", "count": 1, "selected": False}]
    assert body["facets"]["working_pattern"] == [
        {"value": "full_time", "label": "Full time", "count": 1, "selected": False},
        {"value": "nights", "label": "Nights", "count": 1, "selected": False},
    ]
    assert set(body["facets"]) == {"sector", "role_family", "employer", "contract_type", "working_pattern", "flags",
                                  "pay_band"}


def test_per_page_and_page_split_the_results(client, make_organisation, make_vacancy):
    organisation = make_organisation()
    for n in range(5):
        make_vacancy(organisation, title=f"Job {n}")

    body = client.get("/api/v1/vacancies?per_page=2&page=3").get_json()

    assert (body["total"], body["page"], body["per_page"], body["pages"]) == (5, 3, 2, 3)
    assert len(body["results"]) == 1


def test_searching_near_a_place_gives_distances(client, make_organisation, make_vacancy):
    make_vacancy(make_organisation(**MARKET_HARBOROUGH), title="Harborough job")
    make_vacancy(make_organisation(), title="Loughborough job")

    body = client.get("/api/v1/vacancies?location=Leicester&radius=20&sort=distance").get_json()

    assert [result["title"] for result in body["results"]] == ["Loughborough job", "Harborough job"]
    assert [round(result["distance_miles"]) for result in body["results"]] == [10, 14]


def test_filters_and_a_misspelling_suggestion(client, make_organisation, make_vacancy):
    organisation = make_organisation()
    make_vacancy(organisation, title="Nurse", school_leavers=True)
    make_vacancy(organisation, title="Nurse assistant")

    body = client.get("/api/v1/vacancies?q=nurce&flags=school_leavers&as_typed=1").get_json()

    assert body["suggestion"] == "nurse"
    assert client.get("/api/v1/vacancies?q=nurse&flags=school_leavers").get_json()["total"] == 1


@pytest.mark.parametrize("query, field", [
    ("sort=cheapest", "sort"),
    ("sort=distance", "sort"),
    ("page=0", "page"),
    ("per_page=500", "per_page"),
    ("per_page=ten", "per_page"),
    ("radius=7&location=Oakham", "radius"),
    ("posted_within=2", "posted_within"),
    ("min_pay=loads", "min_pay"),
    ("sector=moon_base", "sector"),
    ("employer=acme", "employer"),
    ("employer=99999999999999999999", "employer"),
    ("location=Atlantis", "location"),
    ("q=" + "x" * 201, "q"),
    ("page=4294967296", "page"),
    ("sector=", "sector"),
    ("sector=home_care&sector=", "sector"),
    ("sort=", "sort"),
    ("page=", "page"),
    ("q=", "q"),
    ("location=%20", "location"),
])
def test_bad_parameters_are_refused_with_the_reason(client, query, field):
    response = client.get(f"/api/v1/vacancies?{query}")

    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error["status"] == 400
    assert error["title"] and error["detail"]
    assert list(error["fields"]) == [field]


def test_one_live_vacancy_in_full(client, make_organisation, make_vacancy):
    vacancy = make_vacancy(make_organisation(), title="Care Worker", dbs_check=True, external_ref="ABC-1")

    response = client.get(f"/api/v1/vacancies/{vacancy.id}")

    assert response.status_code == 200
    body = response.get_json()
    assert body["id"] == vacancy.id
    assert body["description"].startswith("## About the role")
    assert body["flags"] == ["dbs_check"]
    assert body["reference"] == "ABC-1"
    assert body["apply"] == {"method": "external", "url": "https://jobs.example.org/apply/1"}
    assert body["highlights"] is None and body["distance_miles"] is None


@pytest.mark.parametrize("change", [
    {"status": "draft"},
    {"status": "closed"},
    {"closing_date": date.today() - timedelta(days=1)},
])
def test_vacancies_not_open_are_not_found(client, make_organisation, make_vacancy, change):
    vacancy = make_vacancy(make_organisation(), **change)

    response = client.get(f"/api/v1/vacancies/{vacancy.id}")

    assert response.status_code == 404
    assert response.get_json()["error"]["status"] == 404


def test_vacancies_of_suspended_employers_are_not_found_or_listed(client, make_organisation, make_vacancy):
    vacancy = make_vacancy(make_organisation(status=OrganisationStatus.SUSPENDED))

    assert client.get(f"/api/v1/vacancies/{vacancy.id}").status_code == 404
    assert client.get("/api/v1/vacancies").get_json()["total"] == 0


def test_unknown_vacancy_and_unknown_path_give_json_404(client):
    for path in ("/api/v1/vacancies/999999", "/api/v1/vacancies/99999999999999999999", "/api/v1/nothing-here"):
        response = client.get(path)
        assert response.status_code == 404
        assert response.is_json


@pytest.mark.parametrize("query, titles, corrected_query, applied_band", [
    pytest.param("q=band+5+nurse", ["Staff Nurse"], None, "band_5", id="a band in q is applied"),
    pytest.param("q=band+5+nurse&as_typed=1", ["Senior Staff Nurse", "Staff Nurse"], None, None,
                 id="as typed: the words only, any of them"),
    pytest.param("q=nurce", ["Senior Staff Nurse", "Staff Nurse"], "nurse", None, id="misspelt: corrected results"),
    pytest.param("q=nurce&as_typed=1", [], None, None, id="misspelt, as typed: no results"),
])
def test_search_says_how_it_read_the_words(client, make_organisation, make_vacancy, query, titles, corrected_query,
                                           applied_band):
    organisation = make_organisation(name="Oak Lodge")
    make_vacancy(organisation, title="Staff Nurse", role_code="registered_nurse_adult", pay_band_code="band_5",
                 published_at=date.today() - timedelta(days=2))
    make_vacancy(organisation, title="Senior Staff Nurse", role_code="senior_staff_nurse", pay_band_code="band_6",
                 published_at=date.today() - timedelta(days=1))

    body = client.get(f"/api/v1/vacancies?{query}").get_json()

    assert [result["title"] for result in body["results"]] == titles
    assert (body["corrected_query"], body["applied_band"]) == (corrected_query, applied_band)
