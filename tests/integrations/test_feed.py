"""The partner feed: live vacancies as JSON and XML, filtered by employer and sector, a page at a time."""
from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from datetime import date, timedelta

import pytest

from portal.employers.models import OrganisationStatus
from portal.integrations import feed


def test_the_json_feed_lists_live_vacancies_newest_first(client, make_organisation, make_vacancy):
    organisation = make_organisation(name="Oak Lodge", sector_code="nursing_home")
    older = make_vacancy(organisation, title="Care Worker", external_ref="CW-1")
    newer = make_vacancy(organisation, title="Registered Nurse", pay_band_code="band_5", apply_method="portal",
                         apply_url=None)
    make_vacancy(organisation, status="draft", title="Draft")
    make_vacancy(organisation, status="closed", title="Closed")
    make_vacancy(organisation, title="Expired", closing_date=date.today() - timedelta(days=1))
    make_vacancy(make_organisation(status=OrganisationStatus.PENDING), title="Hidden employer")

    response = client.get("/feeds/vacancies.json")

    assert response.status_code == 200 and response.mimetype == "application/json"
    assert response.headers["Cache-Control"] == "public, max-age=300"
    body = response.get_json()
    assert (body["total"], body["page"], body["per_page"], body["next"]) == (2, 1, feed.FEED_PAGE_SIZE, None)
    assert [item["id"] for item in body["vacancies"]] == [newer.id, older.id]
    care = body["vacancies"][1]
    assert care["employer"] == {"id": organisation.id, "name": "Oak Lodge", "slug": organisation.slug}
    assert care["sector"] == {"code": "nursing_home", "name": "Nursing home"}
    assert care["role"]["code"] == "care_worker" and care["contract_type"] == "permanent"
    assert care["pay"] == {"band": None, "min": 12.6, "max": 13.5, "period": "hour", "currency": "GBP"}
    assert care["locations"] == [{"town": "Loughborough", "postcode": "LE11 1AA", "lat": 52.7721, "lon": -1.2062}]
    assert care["closing_date"] == older.closing_date.isoformat() and care["posted_at"].endswith("Z")
    assert care["url"] == f"http://localhost/jobs/{older.id}/{older.slug}"
    assert (care["apply_url"], care["reference"]) == ("https://jobs.example.org/apply/1", "CW-1")
    assert body["vacancies"][0]["apply_url"] == f"http://localhost/jobs/{newer.id}/apply"
    assert "distance_miles" not in care and "highlights" not in care


def test_filters_by_employer_id_or_slug_and_by_sector(client, make_organisation, make_vacancy):
    home_care = make_organisation(sector_code="home_care")
    nursing = make_organisation(sector_code="nursing_home")
    trust = make_organisation(sector_code="acute_trust")
    first = make_vacancy(home_care)
    second = make_vacancy(nursing)
    make_vacancy(trust)

    def ids(**args):
        return {item["id"] for item in client.get("/feeds/vacancies.json", query_string=args).get_json()["vacancies"]}

    assert ids(employer=str(home_care.id)) == {first.id}
    assert ids(employer=[nursing.slug, str(home_care.id)]) == {first.id, second.id}
    assert ids(sector="nursing_home") == {second.id}
    assert ids(sector=["home_care", "nursing_home"], employer=nursing.slug) == {second.id}


def test_bad_filters_are_explained_in_the_feeds_format(client, make_organisation):
    pending = make_organisation(status=OrganisationStatus.PENDING)

    json_error = client.get("/feeds/vacancies.json", query_string={"sector": "moon_base", "page": "0",
                                                                   "employer": pending.slug})
    xml_error = client.get("/feeds/vacancies.xml", query_string={"employer": "99999999999"})

    assert json_error.status_code == 400
    fields = json_error.get_json()["error"]["fields"]
    assert fields["employer"] == f"No employer has the id or name {pending.slug}. Use an employer's id or slug"
    assert fields["sector"].startswith("moon_base is not a sector code. Use one of: acute_trust")
    assert fields["page"] == "Page must be a whole number from 1"
    assert xml_error.status_code == 400 and xml_error.mimetype == "application/xml"
    root = ElementTree.fromstring(xml_error.data)
    assert root.tag == "error" and root.findtext("status") == "400"
    assert root.findtext("fields/employer").startswith("No employer has the id or name 99999999999")


@pytest.mark.parametrize("query, field, message", [
    ("utm_source=partner", "utm_source", "We do not know this parameter. Check its name against the documentation"),
    ("page=1&page=2", "page", "Give page once"),
    ("sector=", "sector", "Give sector a value, or leave it out"),
    ("employer=", "employer", "Give employer a value, or leave it out"),
], ids=["unknown", "repeated", "empty sector", "empty employer"])
def test_parameters_the_feed_does_not_read_are_refused(client, query, field, message):
    response = client.get(f"/feeds/vacancies.json?{query}")

    assert response.status_code == 400
    assert response.get_json()["error"]["fields"] == {field: message}


def test_the_feed_is_paged_with_a_next_link(client, make_organisation, make_vacancy, monkeypatch):
    monkeypatch.setattr(feed, "FEED_PAGE_SIZE", 2)
    organisation = make_organisation()
    made = [make_vacancy(organisation, title=f"Job {n}") for n in range(3)]

    first = client.get("/feeds/vacancies.json", query_string={"sector": "home_care"}).get_json()
    second = client.get(first["next"]).get_json()

    assert first["next"] == "http://localhost/feeds/vacancies.json?sector=home_care&page=2"
    assert [item["id"] for item in first["vacancies"]] == [made[2].id, made[1].id]
    assert [item["id"] for item in second["vacancies"]] == [made[0].id] and second["next"] is None


def test_the_xml_feed_carries_the_same_fields_safely_escaped(client, make_organisation, make_vacancy):
    organisation = make_organisation(name="Smith & Sons <Care>")
    vacancy = make_vacancy(organisation, title='Carer "nights" & <weekends>', summary="Tabs\there, a bell\x07 gone",
                           works_nights=True)

    response = client.get("/feeds/vacancies.xml")

    assert response.status_code == 200 and response.mimetype == "application/xml"
    assert response.data.startswith(b"<?xml version='1.0' encoding='utf-8'?>")
    assert b"Smith &amp; Sons &lt;Care&gt;" in response.data
    root = ElementTree.fromstring(response.data)
    assert root.tag == "vacancy_feed"
    assert (root.findtext("total"), root.findtext("page"), root.find("next")) == ("1", "1", None)
    item = root.find("vacancies/vacancy")
    assert item.findtext("id") == str(vacancy.id)
    assert item.findtext("title") == 'Carer "nights" & <weekends>'
    assert item.findtext("employer/name") == "Smith & Sons <Care>"
    assert item.findtext("employer/slug") == organisation.slug
    assert item.findtext("summary") == "Tabs\there, a bell gone"
    assert [pattern.text for pattern in item.findall("working_patterns/working_pattern")] == ["full_time", "nights"]
    assert item.findtext("pay/min") == "12.6" and item.findtext("pay/period") == "hour"
    assert item.find("pay/band") is None
    assert item.findtext("locations/location/town") == "Loughborough"
    assert item.findtext("apply_url") == "https://jobs.example.org/apply/1"
    assert item.findtext("closing_date") == vacancy.closing_date.isoformat()
