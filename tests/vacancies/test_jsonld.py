"""schema.org JobPosting markup on live vacancy pages."""
from __future__ import annotations

import json
import re
from datetime import date, timedelta

import pytest

from portal.templating import script_json
from portal.vacancies import jsonld
from portal.vacancies.models import Vacancy


def _job_posting(page: str) -> dict:
    match = re.search(r'<script type="application/ld\+json" nonce="[^"]+">(.*?)</script>', page, re.S)
    assert match, "no JobPosting markup"
    return json.loads(match.group(1))


def test_a_live_vacancy_has_the_required_and_recommended_properties(client, make_organisation, make_vacancy):
    organisation = make_organisation(name="Charnwood Care", website="https://charnwood.example.org")
    closing = date.today() + timedelta(days=10)
    vacancy = make_vacancy(organisation, title="Home Care Worker", external_ref="HCW-3", closing_date=closing,
                           working_time="part_time", contract_type="fixed_term")
    posting = _job_posting(client.get(f"/jobs/{vacancy.id}/{vacancy.slug}").get_data(as_text=True))

    assert posting["@context"] == "https://schema.org/" and posting["@type"] == "JobPosting"
    assert posting["title"] == "Home Care Worker"
    assert "<h2>About the role</h2>" in posting["description"]
    assert "Support people to live well" in posting["description"]
    assert posting["datePosted"] == date.today().isoformat()
    assert re.fullmatch(rf"{closing.isoformat()}T23:59:59\+0[01]:00", posting["validThrough"])
    assert posting["hiringOrganization"] == {
        "@type": "Organization", "name": "Charnwood Care", "sameAs": "https://charnwood.example.org",
    }
    [place] = posting["jobLocation"]
    assert place["@type"] == "Place"
    assert place["address"] == {
        "@type": "PostalAddress", "addressLocality": "Loughborough", "postalCode": "LE11 1AA", "addressCountry": "GB",
    }
    assert place["geo"] == {"@type": "GeoCoordinates", "latitude": 52.7721, "longitude": -1.2062}
    assert posting["baseSalary"] == {
        "@type": "MonetaryAmount", "currency": "GBP",
        "value": {"@type": "QuantitativeValue", "minValue": 12.6, "maxValue": 13.5, "unitText": "HOUR"},
    }
    assert posting["employmentType"] == ["PART_TIME", "TEMPORARY"]
    assert posting["identifier"] == {"@type": "PropertyValue", "name": "Charnwood Care", "value": "HCW-3"}
    assert posting["url"].endswith(f"/jobs/{vacancy.id}/{vacancy.slug}")
    assert "jobLocationType" not in posting


@pytest.mark.parametrize("apply_method,direct_apply", [
    ("portal", True),
    ("external", False),
], ids=["applying-in-the-portal-is-direct", "applying-on-the-employers-site-is-not"])
def test_direct_apply_follows_where_people_apply(client, make_organisation, make_vacancy, apply_method, direct_apply):
    vacancy = make_vacancy(make_organisation(), apply_method=apply_method)
    posting = _job_posting(client.get(f"/jobs/{vacancy.id}/{vacancy.slug}").get_data(as_text=True))
    assert posting["directApply"] is direct_apply


def test_a_logo_is_included_when_the_organisation_has_one(client, make_organisation, make_vacancy, make_logo):
    logo = make_logo()
    vacancy = make_vacancy(make_organisation(logo_id=logo.id), external_ref=None)
    posting = _job_posting(client.get(f"/jobs/{vacancy.id}/{vacancy.slug}").get_data(as_text=True))
    assert posting["hiringOrganization"]["logo"].startswith("http")
    assert posting["hiringOrganization"]["logo"].endswith(f"/images/{logo.key}.png")
    assert posting["identifier"]["value"] == str(vacancy.id)


def test_a_yearly_band_salary_is_marked_by_the_year(client, make_organisation, make_vacancy):
    vacancy = make_vacancy(make_organisation(), pay_band_code="band_3", pay_min=24937, pay_max=26598, pay_period="year")
    posting = _job_posting(client.get(f"/jobs/{vacancy.id}/{vacancy.slug}").get_data(as_text=True))
    assert posting["baseSalary"]["value"]["unitText"] == "YEAR"
    assert posting["baseSalary"]["value"]["minValue"] == 24937


@pytest.mark.parametrize("contract,working_time,expected", [
    ("permanent", "full_time", ["FULL_TIME"]),
    ("permanent", "part_time", ["PART_TIME"]),
    ("fixed_term", "full_time", ["FULL_TIME", "TEMPORARY"]),
    ("bank", "part_time", ["PART_TIME", "PER_DIEM"]),
    ("apprenticeship", "full_time", ["FULL_TIME", "INTERN"]),
    ("volunteer", "part_time", ["VOLUNTEER"]),
])
def test_employment_types(contract, working_time, expected):
    assert jsonld.employment_types(Vacancy(contract_type=contract, working_time=working_time)) == expected


@pytest.mark.parametrize("low,high,expected", [
    (12.6, 12.6, {"value": 12.6}),
    (12.6, None, {"value": 12.6}),
    (None, 14.0, {"value": 14.0}),
])
def test_a_single_amount_is_a_value(low, high, expected):
    salary = jsonld._salary(Vacancy(pay_min=low, pay_max=high, pay_period="hour"))
    assert salary["value"] == {"@type": "QuantitativeValue", **expected, "unitText": "HOUR"}


def test_no_pay_means_no_salary():
    assert jsonld._salary(Vacancy(pay_min=None, pay_max=None, pay_period="year")) is None


def test_the_script_cannot_be_closed_from_inside_the_data():
    text = script_json({"title": "Nurse </script><script>alert(1)</script> <!-- café"})
    assert "</" not in text and "<!--" not in text and "<" not in text
    assert "café" in text
    assert json.loads(text)["title"] == "Nurse </script><script>alert(1)</script> <!-- café"


def test_markup_is_dropped_when_the_vacancy_closes(client, make_organisation, make_vacancy):
    vacancy = make_vacancy(make_organisation(), status="closed")
    assert "application/ld+json" not in client.get(f"/jobs/{vacancy.id}/{vacancy.slug}").get_data(as_text=True)
