from datetime import date, datetime, timedelta

import pytest

from portal.employers.models import OrganisationStatus
from portal.time import utcnow
from tests.jobsearch.html import h1_count, parse, text_of

MARKET_HARBOROUGH = dict(town="Market Harborough", postcode="LE16 7AA", latitude=52.4775, longitude=-0.9208)


def titles(response) -> list[str]:
    return [" ".join(link.text_content().split()) for link in parse(response).xpath("//div[@class='portal-result']/h3/a")]


def facet_counts(response, name: str) -> dict[str, str]:
    """Checkbox value -> its label text, like {"home_care": "Home care (domiciliary) agency (2 jobs)"}."""
    page = parse(response)
    return {
        box.get("value"): " ".join(page.xpath(f"//label[@for='{box.get('id')}']")[0].text_content().split())
        for box in page.xpath(f"//input[@type='checkbox'][@name='{name}']")
    }


@pytest.fixture
def home_care(make_organisation):
    return make_organisation(name="Charnwood Home Care")


def test_browsing_without_keywords_lists_every_live_job_newest_first(client, home_care, make_vacancy):
    make_vacancy(home_care, title="Care Worker", published_at=utcnow() - timedelta(days=2))
    make_vacancy(home_care, title="Senior Care Worker", published_at=utcnow() - timedelta(days=1))

    response = client.get("/jobs")

    assert response.status_code == 200
    assert h1_count(response) == 1
    assert titles(response) == ["Senior Care Worker", "Care Worker"]
    assert "2 jobs found" in text_of(response)


def test_keywords_match_other_forms_of_a_word_and_are_highlighted(client, home_care, make_vacancy):
    make_vacancy(home_care, title="Registered Nurse", role_code="registered_nurse_adult")
    make_vacancy(home_care, title="Porter", role_code="porter", summary="Move patients and equipment safely.")

    response = client.get("/jobs?q=nurses")

    assert titles(response) == ["Registered Nurse"]
    assert "1 job found" in text_of(response)
    assert parse(response).xpath("//div[@class='portal-result']/h3/a/mark/text()") == ["Nurse"]


def test_a_misspelt_word_with_no_results_shows_the_corrected_results(client, home_care, make_vacancy):
    make_vacancy(home_care, title="Registered Nurse", summary="Nurse for our nursing team.")

    response = client.get("/jobs?q=nurce")

    assert titles(response) == ["Registered Nurse"]
    notice = parse(response).xpath("//p[contains(., 'Showing results for')]")[0]
    assert " ".join(notice.text_content().split()) == "Showing results for nurse. Search instead for nurce"
    assert "q=nurce" in notice.xpath("a")[0].get("href") and "as_typed=1" in notice.xpath("a")[0].get("href")


def test_a_misspelt_word_searched_as_typed_offers_the_likely_word(client, home_care, make_vacancy):
    make_vacancy(home_care, title="Registered Nurse", summary="Nurse for our nursing team.")

    response = client.get("/jobs?q=nurce&as_typed=1")

    assert titles(response) == []
    suggestion = parse(response).xpath("//p[contains(., 'Did you mean')]/a")[0]
    assert suggestion.text == "nurse"
    assert "q=nurse" in suggestion.get("href")


def test_a_pay_band_in_the_words_filters_by_band_and_says_so(client, home_care, make_vacancy):
    make_vacancy(home_care, title="Staff Nurse", role_code="registered_nurse_adult", pay_band_code="band_5")
    make_vacancy(home_care, title="Senior Staff Nurse", role_code="senior_staff_nurse", pay_band_code="band_6")
    make_vacancy(home_care, title="Advanced Nurse Practitioner", pay_band_code="band_8a")

    response = client.get("/jobs?q=band+5+nurse")

    assert titles(response) == ["Staff Nurse"]
    notice = parse(response).xpath("//p[contains(., 'pay band filter')]")[0]
    assert " ".join(notice.text_content().split()) == (
        "Showing Band 5 jobs: we read \u201cband 5\u201d in your search as the pay band filter. "
        "Search for the words \u201cband 5 nurse\u201d instead"
    )
    assert "as_typed=1" in notice.xpath("a")[0].get("href")
    assert facet_counts(response, "pay_band") == {
        "band_5": "Band 5 (1 job)", "band_6": "Band 6 (1 job)", "band_8a": "Band 8a (1 job)",
    }
    assert parse(response).xpath("//input[@name='pay_band'][@checked]/@value") == ["band_5"]


def test_facet_counts_leave_out_passing_mentions_as_the_results_do(client, home_care, make_vacancy):
    make_vacancy(home_care, title="Staff Nurse", role_code="registered_nurse_adult")
    make_vacancy(home_care, title="Hospital Porter", role_code="porter", description="Work with nurses on every ward.")

    response = client.get("/jobs?q=nurse")

    assert titles(response) == ["Staff Nurse"]
    counts = facet_counts(response, "role_family")
    assert list(counts) == ["nursing_midwifery"]


@pytest.mark.parametrize("query", ["", "   ", "zzzzqqqq", "the and of", "%%% ***", "nurse " * 300, "'; DROP TABLE vacancies; --"])
def test_any_keywords_give_a_helpful_page(client, home_care, make_vacancy, query):
    make_vacancy(home_care, title="Care Worker")

    response = client.get("/jobs", query_string={"q": query})

    assert response.status_code == 200
    assert h1_count(response) == 1


def test_no_results_suggest_what_to_try(client, home_care, make_vacancy):
    make_vacancy(home_care, title="Care Worker")

    response = client.get("/jobs?q=astronaut&flags=visa_sponsorship&location=Oakham&radius=5")

    text = text_of(response)
    assert "0 jobs found" in text
    assert "check your spelling" in text
    page = parse(response)
    assert page.xpath("//a[text()='remove your filters']/@href") == ["/jobs?q=astronaut&location=Oakham&radius=5"]
    assert page.xpath("//a[starts-with(text(), 'search within 50 miles')]")
    assert page.xpath("//a[text()='Home care (domiciliary) agency']/@href") == ["/jobs?sector=home_care"]


def test_a_very_long_search_is_shortened_with_a_message(client, home_care, make_vacancy):
    make_vacancy(home_care, title="Care Worker")

    response = client.get("/jobs", query_string={"q": "care " + "x" * 500})

    assert response.status_code == 200
    assert "we searched for the first 200" in text_of(response)
    assert parse(response).xpath("//input[@name='q']/@value")[0] == ("care " + "x" * 500)[:200]


def test_jobs_past_their_closing_date_are_never_listed(client, home_care, make_vacancy):
    make_vacancy(home_care, title="Closes today", closing_date=date.today())
    make_vacancy(home_care, title="Closed yesterday", closing_date=date.today() - timedelta(days=1))

    assert titles(client.get("/jobs")) == ["Closes today"]


@pytest.mark.parametrize("status", [OrganisationStatus.PENDING, OrganisationStatus.SUSPENDED])
def test_jobs_of_employers_not_approved_are_not_listed(client, make_organisation, make_vacancy, status):
    make_vacancy(make_organisation(status=status), title="Hidden job")
    make_vacancy(make_organisation(), title="Visible job")

    assert titles(client.get("/jobs")) == ["Visible job"]


def test_drafts_are_not_listed(client, home_care, make_vacancy):
    make_vacancy(home_care, title="Draft job", status="draft")

    assert titles(client.get("/jobs")) == []


@pytest.mark.parametrize("query, expected", [
    ("sector=nursing_home", ["Nurse at the home"]),
    ("role_family=nursing_midwifery", ["Nurse at the home"]),
    ("contract_type=apprenticeship", ["Apprentice"]),
    ("contract_type=apprenticeship&contract_type=bank", ["Apprentice", "Bank worker"]),
    ("working_pattern=nights", ["Night carer"]),
    ("working_pattern=part_time", ["Bank worker"]),
    ("flags=driving_licence", ["Night carer", "Apprentice"]),
    ("flags=driving_licence&flags=school_leavers", ["Apprentice"]),
    ("min_pay=30000", ["Nurse at the home"]),
    ("posted_within=3", ["Night carer", "Nurse at the home", "Apprentice"]),
])
def test_each_filter_narrows_the_results(client, make_organisation, make_vacancy, query, expected):
    home_care = make_organisation(sector_code="home_care")
    nursing_home = make_organisation(sector_code="nursing_home")
    now = utcnow()
    make_vacancy(home_care, title="Bank worker", contract_type="bank", working_time="part_time",
                 published_at=now - timedelta(days=10))
    make_vacancy(home_care, title="Apprentice", contract_type="apprenticeship", driving_licence=True,
                 school_leavers=True, published_at=now - timedelta(days=2))
    make_vacancy(nursing_home, title="Nurse at the home", role_code="nursing_home_nurse", pay_min=31049,
                 pay_max=37796, pay_period="year", published_at=now - timedelta(days=1))
    make_vacancy(home_care, title="Night carer", works_nights=True, driving_licence=True, published_at=now)

    assert titles(client.get(f"/jobs?{query}")) == expected


def test_filtering_by_employer(client, make_organisation, make_vacancy):
    first, second = make_organisation(name="Oak Lodge"), make_organisation(name="Elm House")
    make_vacancy(first, title="At Oak Lodge")
    make_vacancy(second, title="At Elm House")

    response = client.get(f"/jobs?employer={second.id}")

    assert titles(response) == ["At Elm House"]
    assert facet_counts(response, "employer") == {
        str(first.id): "Oak Lodge (1 job)", str(second.id): "Elm House (1 job)",
    }


def test_facet_counts_follow_the_keywords(client, make_organisation, make_vacancy):
    home_care = make_organisation(sector_code="home_care")
    nursing_home = make_organisation(sector_code="nursing_home")
    make_vacancy(home_care, title="Care Worker")
    make_vacancy(home_care, title="Senior Care Worker")
    make_vacancy(nursing_home, title="Nurse", role_code="nursing_home_nurse")

    everything = facet_counts(client.get("/jobs"), "sector")
    nurses = facet_counts(client.get("/jobs?q=nurse"), "sector")

    assert everything == {"nursing_home": "Nursing home (1 job)", "home_care": "Home care (domiciliary) agency (2 jobs)"}
    assert nurses == {"nursing_home": "Nursing home (1 job)"}


def test_ticked_filters_stay_ticked(client, home_care, make_vacancy):
    make_vacancy(home_care, title="Care Worker", dbs_check=True)

    page = parse(client.get("/jobs?flags=dbs_check"))

    assert page.xpath("//input[@name='flags'][@value='dbs_check']/@checked")
    assert page.xpath("//button[normalize-space()='Apply filters']")


def test_searching_near_a_town_keeps_jobs_within_the_radius_nearest_first(client, make_organisation, make_vacancy):
    loughborough = make_organisation(name="Loughborough Care")
    harborough = make_organisation(name="Harborough Care", **MARKET_HARBOROUGH)
    make_vacancy(harborough, title="Harborough job")
    make_vacancy(loughborough, title="Loughborough job")

    near = client.get("/jobs?location=Loughborough&radius=10")
    wider = client.get("/jobs?location=Leicester&radius=20&sort=distance")

    assert titles(near) == ["Loughborough job"]
    assert "1 job found within 10 miles of Loughborough" in text_of(near)
    assert titles(wider) == ["Loughborough job", "Harborough job"]
    distances = [float(item.split()[0]) for item in parse(wider).xpath("//li[contains(text(), 'miles away')]/text()")]
    assert distances == sorted(distances) and 9 < distances[0] < 11 and 13 < distances[1] < 16
    link = parse(wider).xpath("//div[@class='portal-result']/h3/a/@href")[0]
    assert link.endswith("near=Leicester")


def test_a_postcode_district_works_as_a_place(client, make_organisation, make_vacancy):
    make_vacancy(make_organisation(**MARKET_HARBOROUGH), title="Harborough job")
    make_vacancy(make_organisation(), title="Loughborough job")

    assert titles(client.get("/jobs?location=LE16+9AB&radius=5")) == ["Harborough job"]


def test_an_unknown_place_is_explained_and_ignored(client, home_care, make_vacancy):
    make_vacancy(home_care, title="Care Worker")

    response = client.get("/jobs?location=Narnia")

    assert response.status_code == 200
    text = text_of(response)
    assert "We could not find Narnia. Try a town or postcode district in the region, like Loughborough or LE11" in text
    assert titles(response) == ["Care Worker"]
    assert h1_count(response) == 1


def test_sorting_by_closing_date_and_newest(client, home_care, make_vacancy):
    today = date.today()
    make_vacancy(home_care, title="Closes later, posted first", closing_date=today + timedelta(days=20),
                 published_at=utcnow() - timedelta(days=3))
    make_vacancy(home_care, title="Closes soon, posted last", closing_date=today + timedelta(days=2),
                 published_at=utcnow())
    make_vacancy(home_care, title="Closes soonest", closing_date=today + timedelta(days=1),
                 published_at=utcnow() - timedelta(days=1))

    assert titles(client.get("/jobs?sort=closing")) == [
        "Closes soonest", "Closes soon, posted last", "Closes later, posted first",
    ]
    assert titles(client.get("/jobs?sort=newest")) == [
        "Closes soon, posted last", "Closes soonest", "Closes later, posted first",
    ]


def test_keywords_in_a_title_leave_out_passing_mentions(client, home_care, make_vacancy):
    make_vacancy(home_care, title="Administrator", summary="Support our nurse team with rotas.")
    make_vacancy(home_care, title="Community Nurse", summary="Visit people at home.")

    assert titles(client.get("/jobs?q=nurse")) == ["Community Nurse"]
    assert titles(client.get("/jobs?q=rotas")) == ["Administrator"]


def test_results_come_twenty_to_a_page(client, home_care, make_vacancy):
    start = utcnow()
    for n in range(45):
        make_vacancy(home_care, title=f"Job {n:02d}", published_at=start - timedelta(minutes=n))

    first = client.get("/jobs")
    third = client.get("/jobs?page=3")

    assert titles(first) == [f"Job {n:02d}" for n in range(20)]
    assert titles(third) == [f"Job {n:02d}" for n in range(40, 45)]
    assert "45 jobs found" in text_of(first)
    pages = parse(first).xpath("//nav[contains(@class, 'nhsuk-pagination')]")[0]
    assert pages.xpath(".//a[@rel='next']/@href") == ["/jobs?page=2"]
    assert [n.strip() for n in pages.xpath(".//li/a/text()")] == ["1", "2", "3"]
    assert parse(third).xpath("//a[@rel='prev']/@href") == ["/jobs?page=2"]


def test_a_page_past_the_end_links_back_to_the_first(client, home_care, make_vacancy):
    make_vacancy(home_care, title="Care Worker")

    for page in ("9", "99999999999999999999"):
        response = client.get(f"/jobs?page={page}")

        assert response.status_code == 200
        assert parse(response).xpath("//a[text()='Go to the first page of results']/@href") == ["/jobs"]


def test_each_result_shows_what_people_need_to_choose(client, home_care, make_vacancy):
    make_vacancy(home_care, title="Care Worker", pay_min=12.6, pay_max=13.5, pay_period="hour",
                 contract_type="bank", closing_date=date(2099, 3, 7), summary="Help people live well at home.")

    result = " ".join(parse(client.get("/jobs")).xpath("//div[@class='portal-result']")[0].text_content().split())

    for part in ["Charnwood Home Care", "Loughborough", "£12.60 to £13.50 an hour", "Bank", "Closes 7 March 2099",
                 "Help people live well at home."]:
        assert part in result


def test_bad_filter_values_are_explained_but_the_page_still_answers(client, home_care, make_vacancy):
    make_vacancy(home_care, title="Care Worker")

    response = client.get("/jobs?min_pay=lots&posted_within=2&sector=moon_base&page=x")

    assert response.status_code == 200
    summary = parse(response).xpath("//div[contains(@class, 'nhsuk-error-summary')]//a/@href")
    assert set(summary) == {"#min_pay", "#posted_within", "#sector", "#page"}
    assert titles(response) == ["Care Worker"]


def test_the_page_links_to_an_atom_feed_of_the_same_search(client, home_care, make_vacancy):
    page = parse(client.get("/jobs?q=nurse&sector=home_care&page=2&sort=closing"))

    assert page.xpath("//link[@rel='alternate'][@type='application/atom+xml']/@href") == [
        "/jobs/feed.atom?q=nurse&sector=home_care",
    ]
    assert page.xpath("//a[text()='Atom feed for this search']/@href") == ["/jobs/feed.atom?q=nurse&sector=home_care"]


def test_posted_dates_use_the_publication_time(client, home_care, make_vacancy):
    make_vacancy(home_care, title="Old advert", published_at=datetime(2020, 1, 1))
    make_vacancy(home_care, title="New advert")

    assert titles(client.get("/jobs?posted_within=1")) == ["New advert"]
