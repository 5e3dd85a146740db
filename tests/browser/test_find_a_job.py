"""A job seeker searches, filters and opens a vacancy in Chromium, as a person would."""
import re
from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.fixture
def region(make_organisation, make_vacancy):
    loughborough = make_organisation(name="Charnwood Home Care", town="Loughborough", postcode="LE11 1AA",
                                     latitude=52.7721, longitude=-1.2062)
    harborough = make_organisation(name="Welland Valley Care", town="Market Harborough", postcode="LE16 7AA",
                                   latitude=52.4775, longitude=-0.9208)
    make_vacancy(loughborough, title="Care Worker - Days", contract_type="permanent")
    make_vacancy(loughborough, title="Care Worker - Bank", contract_type="bank")
    make_vacancy(harborough, title="Senior Care Worker", contract_type="permanent",
                 closing_date=date.today() + timedelta(days=10))
    make_vacancy(loughborough, title="Activities Coordinator", role_code="activities_coordinator")


def test_search_filter_and_open_a_vacancy(live_server, page, region):
    page.goto(live_server + "/")
    page.get_by_label("Job title, skill or keyword").first.fill("care worker")
    page.get_by_label("Town or postcode").first.fill("Loughborough")
    page.get_by_role("button", name=re.compile("Search", re.I)).first.click()

    expect(page.locator("h1")).to_have_count(1)
    results = page.locator("main").get_by_role("link", name=re.compile("Care Worker"))
    expect(results).to_have_count(2)
    page.get_by_label("Distance").select_option("30")
    page.get_by_role("button", name=re.compile("Search", re.I)).first.click()
    expect(results).to_have_count(3)

    page.get_by_role("checkbox", name=re.compile(r"Bank")).check()
    page.get_by_role("button", name=re.compile("Apply filters", re.I)).click()
    expect(page.locator("main").get_by_role("link", name=re.compile("Care Worker"))).to_have_count(1)

    page.get_by_role("link", name="Care Worker - Bank").click()
    expect(page.locator("h1")).to_have_text("Care Worker - Bank")
    expect(page.locator("main")).to_contain_text("Charnwood Home Care")
    expect(page.locator("main")).to_contain_text(re.compile("Closing date", re.I))
    expect(page.locator("script[type='application/ld+json']")).to_have_count(1)
