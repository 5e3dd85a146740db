import csv
import math
import re
from datetime import date
from pathlib import Path

import pytest

from portal.demo.generator import build_demo_region

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "portal" / "reference" / "data"
LOCATIONS = ROOT / "portal" / "locations" / "data"
TODAY = date(2025, 11, 24)

SECTOR_CODES = {
    "acute_trust", "community_trust", "mental_health_trust", "ambulance_trust", "primary_care", "pharmacy",
    "residential_care", "nursing_home", "home_care", "supported_living", "local_authority", "hospice_charity",
}
PATTERNS = {"full_time", "part_time", "shifts", "nights", "weekends"}
CONTRACTS = {"permanent", "fixed_term", "bank", "apprenticeship", "volunteer"}
POSTCODE = re.compile(r"^[A-Z]{1,2}\d{1,2} \d[ABD-HJLNP-UW-Z]{2}$")


def read(path):
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def region():
    return build_demo_region(today=TODAY)


@pytest.fixture(scope="module")
def roles():
    return {row["role_code"]: row for row in read(REFERENCE / "roles.csv")}


@pytest.fixture(scope="module")
def bands():
    rows = read(REFERENCE / "pay_bands.csv")
    return {row["code"]: (float(row["annual_min"]), float(row["annual_max"])) for row in rows}


@pytest.fixture(scope="module")
def places():
    return {row["name"]: row for row in read(LOCATIONS / "places.csv")}


@pytest.fixture(scope="module")
def employers(region):
    return {e["key"]: e for e in region["employers"]}


# Seed files -----------------------------------------------------------------

def test_sectors_file_has_the_twelve_sectors():
    rows = read(REFERENCE / "sectors.csv")
    assert list(rows[0]) == ["code", "name", "is_nhs"]
    assert {r["code"] for r in rows} == SECTOR_CODES
    assert len(rows) == 12
    assert {r["is_nhs"] for r in rows} <= {"true", "false"}


def test_pay_bands_are_agenda_for_change_2_to_9(bands):
    assert list(bands) == ["band_2", "band_3", "band_4", "band_5", "band_6", "band_7",
                           "band_8a", "band_8b", "band_8c", "band_8d", "band_9"]
    assert bands["band_2"] == (24465, 24465)
    assert bands["band_5"] == (31049, 37796)
    previous = 0
    for low, high in bands.values():
        assert low <= high
        assert low >= previous
        previous = low


def test_roles_file_is_consistent(roles, bands):
    assert len(roles) >= 35
    for code, row in roles.items():
        assert row["pay_kind"] in {"band", "hourly", "annual"}, code
        if row["pay_kind"] == "band":
            assert row["typical_band"] in bands, code
            assert row["hourly_min"] == row["hourly_max"] == ""
        elif row["pay_kind"] == "hourly":
            assert row["typical_band"] == ""
            assert 0 <= float(row["hourly_min"]) <= float(row["hourly_max"]), code
        else:
            assert row["typical_band"] == row["hourly_min"] == row["hourly_max"] == ""
    families = {row["family_code"] for row in roles.values()}
    assert {"nursing_midwifery", "allied_health", "healthcare_science", "medical_dental", "admin_clerical",
            "estates_ancillary", "clinical_support", "scientific_technical", "adult_social_care",
            "social_work", "primary_care"} <= families


def test_gazetteer_has_llr_towns_and_postcode_districts(places):
    for name in ("Leicester", "Loughborough", "Hinckley", "Melton Mowbray", "Market Harborough", "Coalville",
                 "Oakham", "Uppingham", "Lutterworth", "Wigston", "Oadby", "Ashby-de-la-Zouch", "Nottingham",
                 "Coventry", "Peterborough"):
        assert places[name]["kind"] == "town", name
    for n in list(range(1, 20)) + [65, 67]:
        assert places[f"LE{n}"]["kind"] == "postcode_district"
    for row in places.values():
        assert row["kind"] in {"town", "postcode_district"}
        lat, lon = float(row["lat"]), float(row["lon"])
        assert 52.0 < lat < 53.1 and -1.8 < lon < -0.1, row["name"]
        assert re.fullmatch(r"-?\d+\.\d{4}", row["lat"]) and re.fullmatch(r"-?\d+\.\d{4}", row["lon"])


# Generated region -------------------------------------------------------------

def test_deterministic_for_a_seed():
    assert build_demo_region(today=TODAY) == build_demo_region(today=TODAY)
    assert build_demo_region(seed=7, today=TODAY) == build_demo_region(seed=7, today=TODAY)
    assert build_demo_region(seed=7, today=TODAY)["vacancies"] != build_demo_region(today=TODAY)["vacancies"]


def test_vacancy_count_is_respected():
    assert len(build_demo_region(vacancy_count=25, today=TODAY)["vacancies"]) == 25
    assert build_demo_region(vacancy_count=0, today=TODAY)["vacancies"] == []


def test_counts(region, roles):
    assert region["users"] == []
    assert len(region["employers"]) >= 12
    assert len({e["sector"] for e in region["employers"]}) >= 10
    assert len(region["vacancies"]) >= 300
    assert len({v["role_code"] for v in region["vacancies"]}) >= 25


def test_employer_mix(region):
    sectors = [e["sector"] for e in region["employers"]]
    assert set(sectors) == SECTOR_CODES
    assert sectors.count("residential_care") >= 2
    assert sectors.count("home_care") >= 2
    assert sectors.count("primary_care") >= 2
    keys = [e["key"] for e in region["employers"]]
    assert len(keys) == len(set(keys))


def test_employers_and_sites(region, places):
    for emp in region["employers"]:
        assert emp["sector"] in SECTOR_CODES
        assert emp["name"] and emp["about"] and emp["website"].startswith("https://")
        assert emp["sites"]
        for site in emp["sites"]:
            assert site["town"] in places, site
            assert places[site["town"]]["kind"] == "town"
            assert POSTCODE.match(site["postcode"]), site["postcode"]
            town_lat, town_lon = float(places[site["town"]]["lat"]), float(places[site["town"]]["lon"])
            km = math.hypot(site["lat"] - town_lat, (site["lon"] - town_lon) * math.cos(math.radians(town_lat))) * 111
            assert km < 5, site


def test_vacancy_references(region, roles, employers):
    for v in region["vacancies"]:
        assert v["role_code"] in roles
        emp = employers[v["employer_key"]]
        assert v["site_indexes"]
        assert len(set(v["site_indexes"])) == len(v["site_indexes"])
        assert all(0 <= i < len(emp["sites"]) for i in v["site_indexes"])


def test_pay_matches_role(region, roles, bands):
    for v in region["vacancies"]:
        role = roles[v["role_code"]]
        assert isinstance(v["pay_min"], float) and isinstance(v["pay_max"], float)
        assert v["pay_min"] <= v["pay_max"]
        if role["pay_kind"] == "band":
            assert v["pay_band"] == role["typical_band"]
            low, high = bands[v["pay_band"]]
            assert low <= v["pay_min"] <= v["pay_max"] <= high, v["title"]
            assert v["pay_period"] == "year"
        elif role["pay_kind"] == "hourly":
            assert v["pay_band"] is None
            assert v["pay_period"] == "hour"
            assert float(role["hourly_min"]) <= v["pay_min"] <= v["pay_max"] <= float(role["hourly_max"])
        else:
            assert v["pay_band"] is None
            assert v["pay_period"] == "year"
            assert 20000 <= v["pay_min"] <= v["pay_max"] <= 160000


def test_care_pay_is_at_least_the_living_wage(region, roles):
    for v in region["vacancies"]:
        if roles[v["role_code"]]["family_code"] == "adult_social_care" and v["pay_period"] == "hour":
            assert 12.21 <= v["pay_min"] <= v["pay_max"] <= 16.0, v["title"]


def test_working_patterns(region):
    for v in region["vacancies"]:
        patterns = set(v["working_patterns"])
        assert patterns <= PATTERNS
        assert len(patterns & {"full_time", "part_time"}) == 1, v["title"]
        assert len(patterns) == len(v["working_patterns"])
        assert isinstance(v["hours_per_week"], float) and 0 < v["hours_per_week"] <= 48


def test_contracts_dates_and_status(region):
    statuses = [v["status"] for v in region["vacancies"]]
    assert statuses.count("published") > len(statuses) * 0.8
    assert "draft" in statuses and "closed" in statuses
    for v in region["vacancies"]:
        assert v["contract_type"] in CONTRACTS
        assert 0 <= v["posted_days_ago"] <= 40
        assert -10 <= v["closes_in_days"] <= 60
        assert v["closes_in_days"] > -v["posted_days_ago"]
        assert v["status"] in {"published", "draft", "closed"}
        assert (v["closes_in_days"] < 0) == (v["status"] == "closed")


def test_apprenticeships_and_volunteers(region, employers, roles):
    vacancies = region["vacancies"]
    apprenticeships = [v for v in vacancies if v["contract_type"] == "apprenticeship"]
    assert apprenticeships
    for v in apprenticeships:
        assert "apprentice" in v["role_code"] or "apprentice" in roles[v["role_code"]]["role_name"].lower()
    volunteers = [v for v in vacancies if v["contract_type"] == "volunteer"]
    assert volunteers
    for v in volunteers:
        assert employers[v["employer_key"]]["sector"] == "hospice_charity"
        assert v["pay_min"] == v["pay_max"] == 0.0


def test_flags(region):
    flags = [v["flags"] for v in region["vacancies"]]
    for f in flags:
        assert set(f) == {"dbs_check", "driving_licence", "visa_sponsorship", "school_leavers", "no_experience"}
        assert all(isinstance(x, bool) for x in f.values())
    for key in ("dbs_check", "driving_licence", "visa_sponsorship", "school_leavers", "no_experience"):
        assert any(f[key] for f in flags), key
    sponsored = {v["role_code"] for v in region["vacancies"] if v["flags"]["visa_sponsorship"]}
    assert sponsored & {"registered_nurse_adult", "mental_health_nurse", "nursing_home_nurse"}


def test_roles_fit_their_sector(region, employers):
    not_in = {
        "home_care": {"porter", "domestic_assistant", "registered_nurse_adult", "paramedic"},
        "residential_care": {"porter", "paramedic", "salaried_gp"},
        "pharmacy": {"care_worker", "porter"},
        "ambulance_trust": {"care_worker", "midwife"},
    }
    for v in region["vacancies"]:
        sector = employers[v["employer_key"]]["sector"]
        assert v["role_code"] not in not_in.get(sector, set()), (sector, v["role_code"])


def test_apply_methods(region, employers):
    for v in region["vacancies"]:
        assert v["external_ref"]
        if v["apply_method"] == "external":
            assert v["apply_url"].startswith("https://")
        else:
            assert v["apply_method"] == "portal"
            assert v["apply_url"] is None
        if employers[v["employer_key"]]["sector"] in {"acute_trust", "community_trust", "mental_health_trust",
                                                       "ambulance_trust"}:
            assert v["apply_method"] == "external"
            assert v["apply_url"].startswith("https://www.jobs.nhs.uk/candidate/jobadvert/C9")
    assert any(v["apply_method"] == "portal" for v in region["vacancies"])


def test_texts_are_complete_and_varied(region):
    for v in region["vacancies"]:
        for field in ("title", "summary", "description", "requirements", "benefits"):
            text = v[field]
            assert text and "{" not in text and "}" not in text, (field, text)
            for line in text.split("\n"):
                assert "  " not in line and line == line.strip(), (field, line)
        assert "## " in v["description"]
        assert "\n- " in v["description"]
        assert 4 <= v["description"].count("\n\n") + 1
        assert v["benefits"].startswith("- ")
        assert "- " in v["requirements"]
    titles = {v["title"] for v in region["vacancies"]}
    descriptions = {v["description"] for v in region["vacancies"]}
    assert len(titles) > len(region["vacancies"]) * 0.6
    assert len(descriptions) == len(region["vacancies"])
