from portal.employers.models import OrganisationStatus
from tests.jobsearch.html import h1_count, parse, text_of


def test_the_home_page_has_one_search_and_counts_open_jobs(client, make_organisation, make_vacancy):
    home_care = make_organisation(sector_code="home_care")
    nursing_home = make_organisation(sector_code="nursing_home")
    make_vacancy(home_care, title="Care Worker", school_leavers=True)
    make_vacancy(home_care, title="Apprentice Care Worker", contract_type="apprenticeship", school_leavers=True)
    make_vacancy(nursing_home, title="Nurse", role_code="nursing_home_nurse")
    make_vacancy(make_organisation(status=OrganisationStatus.PENDING), title="Not yet approved")

    response = client.get("/")

    assert response.status_code == 200
    assert h1_count(response) == 1
    page = parse(response)
    assert page.xpath("//h1")[0].text_content().strip() == "Proud to Care LLR"
    [form] = page.xpath("//main//form")
    assert (form.get("method"), form.get("action")) == ("get", "/jobs")
    assert sorted(form.xpath(".//input/@name")) == ["location", "q"]
    assert all(page.xpath(f"//label[@for='{name}']") for name in ("q", "location"))
    text = text_of(response)
    assert "There are 3 jobs open now" in text
    assert "Home care (domiciliary) agency (2 jobs)" in text
    assert "Nursing home (1 job)" in text
    assert "Adult social care (2 jobs)" in text
    assert "Nursing and midwifery (1 job)" in text
    links = page.xpath("//a/@href")
    for href in ("/jobs?sector=home_care", "/jobs?role_family=nursing_midwifery", "/jobs?flags=school_leavers",
                 "/jobs?contract_type=apprenticeship", "/employers"):
        assert href in links
    assert "Jobs for school and college leavers (2 jobs)" in text
    assert "(1 job)" in text_of(response).split("Apprenticeships")[1]


def test_the_home_page_without_jobs(client):
    response = client.get("/")

    assert response.status_code == 200
    assert h1_count(response) == 1
    assert "There are no jobs open right now" in text_of(response)
