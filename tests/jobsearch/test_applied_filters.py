"""The filters in force: named in the page title, and shown above the results as tags that each remove one."""
from urllib.parse import unquote_plus

import pytest

from tests.jobsearch.html import parse


def title_of(response) -> str:
    return parse(response).findtext(".//title").strip()


def tags(response) -> dict[str, str]:
    """Tag text -> where its link goes, like {"Full time": "/jobs?q=nurse"}."""
    page = parse(response)
    return {
        " ".join(link.text_content().replace("\u00d7", "").split()): unquote_plus(link.get("href"))
        for link in page.xpath("//ul[@class='portal-filter-tags']//a")
    }


def clear_filters_links(response) -> list[str]:
    return [unquote_plus(href) for href in parse(response).xpath("//a[text()='Clear filters']/@href")]


@pytest.fixture
def employer(make_organisation, make_vacancy):
    oak_lodge = make_organisation(name="Oak Lodge", sector_code="nursing_home")
    make_vacancy(oak_lodge, title="Care Worker")
    return oak_lodge


@pytest.mark.parametrize("query, title, expected_tags", [
    ("", "Jobs", {}),
    ("q=nurse&sort=closing", "Nurse jobs", {}),
    ("q=care+worker&location=Leicester&working_pattern=full_time&page=2",
     "Care worker jobs in Leicester, full time (page 2)", {
         "Remove filter: Within 10 miles of Leicester": "/jobs?q=care worker&working_pattern=full_time",
         "Remove filter: Full time": "/jobs?q=care worker&location=Leicester",
     }),
    ("location=Leicester&radius=20&sort=distance", "Jobs in Leicester",
     {"Remove filter: Within 20 miles of Leicester": "/jobs"}),
    ("sector=nursing_home", "Jobs, nursing home", {"Remove filter: Nursing home": "/jobs"}),
    ("role_family=nursing_midwifery", "Jobs, nursing and midwifery",
     {"Remove filter: Nursing and midwifery": "/jobs"}),
    ("role=registered_nurse_adult", "Jobs, registered nurse (adult)",
     {"Remove filter: Registered nurse (adult)": "/jobs"}),
    ("contract_type=bank&contract_type=permanent&sort=newest", "Jobs, bank, permanent", {
        "Remove filter: Bank": "/jobs?contract_type=permanent&sort=newest",
        "Remove filter: Permanent": "/jobs?contract_type=bank&sort=newest",
    }),
    ("flags=dbs_check", "Jobs, DBS check needed", {"Remove filter: DBS check needed": "/jobs"}),
    ("pay_band=band_5", "Jobs, band 5", {"Remove filter: Band 5": "/jobs"}),
    ("q=band+5+nurse", "Nurse jobs, band 5", {"Remove filter: Band 5": "/jobs?q=nurse"}),
    ("min_pay=25000", "Jobs, pay at least £25,000 a year", {"Remove filter: Pay at least £25,000 a year": "/jobs"}),
    ("posted_within=1", "Jobs, posted in the last 24 hours", {"Remove filter: Posted in the last 24 hours": "/jobs"}),
    ("posted_within=7", "Jobs, posted in the last 7 days", {"Remove filter: Posted in the last 7 days": "/jobs"}),
], ids=[
    "nothing", "keywords-and-sort-are-not-filters", "place-and-pattern-page-2", "distance-sort-goes-with-the-place",
    "sector", "job-family", "job-role", "two-contract-types-keep-the-sort", "requirement-keeps-its-capitals",
    "pay-band", "pay-band-read-from-the-words",
    "pay", "posted-today", "posted-this-week",
])
def test_filters_are_named_in_the_title_and_each_tag_removes_one(app, client, employer, query, title, expected_tags):
    response = client.get(f"/jobs?{query}")

    assert title_of(response) == f"{title} - {app.config['SITE_NAME']}"
    assert tags(response) == expected_tags
    assert bool(parse(response).xpath("//h2[text()='Filters applied']")) == bool(expected_tags)


def test_an_employer_keeps_its_name_as_written(app, client, employer):
    response = client.get(f"/jobs?employer={employer.id}&q=care")

    assert title_of(response) == f"Care jobs, Oak Lodge - {app.config['SITE_NAME']}"
    assert tags(response) == {"Remove filter: Oak Lodge": "/jobs?q=care"}


def test_an_employer_number_that_names_no_employer_is_still_a_removable_tag(client, employer):
    response = client.get(f"/jobs?employer={employer.id + 1000}&q=care")

    assert tags(response) == {f"Remove filter: Employer number {employer.id + 1000}": "/jobs?q=care"}


def test_clear_filters_keeps_the_keywords_and_sort_and_removes_the_rest(client, employer):
    response = client.get("/jobs?q=care&location=Leicester&flags=dbs_check&min_pay=20000&sort=closing")

    assert set(clear_filters_links(response)) == {"/jobs?q=care&sort=closing"}
    assert len(tags(response)) == 3


def test_the_tags_come_before_the_results_and_the_filter_panel(client, employer):
    page = parse(client.get("/jobs?contract_type=permanent"))

    order = [element.get("id") or element.get("class") for element in page.xpath(
        "//*[@class='portal-filter-tags' or @id='results' or @id='filters' or @class='portal-result']")]
    assert order == ["portal-filter-tags", "results", "portal-result", "filters"]


def test_a_place_we_cannot_find_is_not_a_filter(app, client, employer):
    response = client.get("/jobs?location=Narnia")

    assert title_of(response) == f"Error: Jobs - {app.config['SITE_NAME']}"
    assert tags(response) == {}
