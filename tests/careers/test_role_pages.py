"""The role explorer: every role's page, browsing, comparing, and what comes live from the portal."""
from __future__ import annotations

import json
import re

import pytest
from sqlalchemy import select

from portal.extensions import db
from portal.reference.models import JobRole


def _codes(app) -> list[str]:
    with app.app_context():
        return list(db.session.scalars(select(JobRole.code)))


def test_every_role_has_a_page_with_pay_and_ways_in(app, client, careers_content):
    for code in _codes(app):
        page = client.get(f"/careers/roles/{code}")
        assert page.status_code == 200, code
        html = page.get_data(as_text=True)
        assert "How to get in" in html and "Pay" in html, code


def test_a_full_role_page_has_every_section_and_the_live_parts(client, careers_content):
    html = client.get("/careers/roles/healthcare_support_worker").get_data(as_text=True)
    for heading in ("What the job is", "A day in the job", "Where you could work", "What you need to be good at",
                    "Training you get", "Hours and patterns", "How to get in", "Jobs open now", "Apprenticeships",
                    "Training employers expect"):
        assert f">{heading}</h2>" in html, heading
    assert "£24,937 to £26,598 a year" in html  # band 3 from the pay band list
    assert "Agenda for Change" in html


def test_the_role_page_carries_occupation_markup_with_the_pay_estimate(client, careers_content):
    html = client.get("/careers/roles/physiotherapist").get_data(as_text=True)
    found = re.search(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.DOTALL)
    markup = json.loads(found.group(1))
    assert markup["@type"] == "Occupation" and markup["name"] == "Physiotherapist"
    salary = markup["estimatedSalary"]
    assert salary["currency"] == "GBP"
    assert salary["value"]["minValue"] == 31049 and salary["value"]["unitText"] == "YEAR"
    assert markup["educationRequirements"]


def test_hourly_pay_comes_from_live_adverts_and_says_so(client, careers_content, make_organisation, make_vacancy):
    html = client.get("/careers/roles/care_worker").get_data(as_text=True)
    assert "Typical pay for this role" in html
    organisation = make_organisation()
    make_vacancy(organisation, pay_min=12.5, pay_max=13.0)
    make_vacancy(organisation, pay_min=12.8, pay_max=14.1)
    make_vacancy(organisation, pay_min=50, pay_max=60, status="draft")
    html = client.get("/careers/roles/care_worker").get_data(as_text=True)
    assert "£12.50 to £14.10 an hour" in html
    assert "The range in the 2 open adverts" in html


def test_open_vacancies_nearest_first_when_a_place_is_given(client, careers_content, make_organisation, make_vacancy):
    near = make_organisation(name="Loughborough Care")
    far = make_organisation(name="Leicester Care", town="Leicester", postcode="LE1 1AA", latitude=52.6369, longitude=-1.1398)
    make_vacancy(far, title="Care worker far")
    make_vacancy(near, title="Care worker near")
    make_vacancy(near, title="Physio", role_code="physiotherapist")
    html = client.get("/careers/roles/care_worker?place=Loughborough").get_data(as_text=True)
    assert "2 jobs open within 20 miles of Loughborough" in html
    assert html.index("Care worker near") < html.index("Care worker far")
    assert "Physio<" not in html
    unknown = client.get("/careers/roles/care_worker?place=Atlantis").get_data(as_text=True)
    assert "We could not find Atlantis" in unknown


def test_apprenticeships_into_a_role_include_the_apprentice_roles_leading_to_it(
        client, careers_content, make_organisation, make_vacancy):
    organisation = make_organisation()
    make_vacancy(organisation, title="Apprentice nursing associate", role_code="apprentice_nursing_associate",
                 contract_type="apprenticeship")
    html = client.get("/careers/roles/nursing_associate").get_data(as_text=True)
    section = html[html.index('id="apprenticeships"'):]
    assert "1 apprenticeship open now" in section


def test_passport_requirements_come_from_the_catalogue(client, careers_content, catalogue):
    html = client.get("/careers/roles/care_worker").get_data(as_text=True)
    section = html[html.index('id="training-record"'):]
    assert "<li>" in section


@pytest.mark.parametrize("path", ["/careers/roles/nobody", "/careers/roles/" + "x" * 5000,
                                  "/careers/roles/care%00worker"])
def test_unknown_roles_are_not_found(client, careers_content, path):
    assert client.get(path).status_code == 404


def test_browse_by_interest_sector_and_way_in(client, careers_content):
    caring = client.get("/careers/roles?interest=caring").get_data(as_text=True)
    assert "Care worker" in caring and "Medical secretary<" not in caring
    behind = client.get("/careers/roles?interest=behind_the_scenes").get_data(as_text=True)
    assert "Medical secretary" in behind
    no_experience = client.get("/careers/roles?entry=no_experience").get_data(as_text=True)
    assert "Care worker" in no_experience and "Physiotherapist<" not in no_experience
    degree = client.get("/careers/roles?entry=degree").get_data(as_text=True)
    assert "Physiotherapist" in degree
    home_care = client.get("/careers/roles?sector=home_care").get_data(as_text=True)
    assert "Home care worker" in home_care and "Paramedic<" not in home_care


def test_a_to_z_lists_every_role_under_its_letter(app, client, careers_content):
    html = client.get("/careers/roles").get_data(as_text=True)
    assert f"{len(_codes(app))} jobs" in html
    assert 'id="letter-P"' in html and html.index('id="letter-P"') < html.index(">Physiotherapist<")


def test_unknown_filter_values_are_ignored(client, careers_content):
    page = client.get("/careers/roles?interest=%00&sector=" + "x" * 3000 + "&entry=nope")
    assert page.status_code == 200
    assert "Jobs in health and care A to Z" in page.get_data(as_text=True)


def test_compare_up_to_three_roles(client, careers_content):
    html = client.get("/careers/compare?role=care_worker&role=healthcare_support_worker&role=porter").get_data(
        as_text=True)
    table = html[html.index("<table"):]
    for name in ("Care worker", "Healthcare support worker", "Porter"):
        assert name in table
    assert "Ways in" in table and "Where it leads" in table and "Open now" in table


def test_compare_refuses_a_fourth_role_and_unknown_ones_with_a_message(client, careers_content):
    html = client.get("/careers/compare?role=care_worker&role=porter&role=midwife&role=paramedic").get_data(
        as_text=True)
    assert "You can compare up to 3 jobs" in html
    table = html[html.index("<table"):]
    assert "Paramedic" not in table and "Midwife" in table
    html = client.get("/careers/compare?role=care_worker&role=nobody").get_data(as_text=True)
    assert "is not on our list" in html


def test_roles_redirects_to_the_explorer(client):
    answer = client.get("/roles?interest=caring")
    assert answer.status_code == 301 and answer.location.endswith("/careers/roles?interest=caring")


def test_the_hub_shows_interests_and_the_roles_we_need_most(client, careers_content, make_organisation, make_vacancy):
    organisation = make_organisation()
    for _ in range(3):
        make_vacancy(organisation, role_code="home_care_worker", title="Home carer")
    make_vacancy(organisation, role_code="porter", title="Porter")
    html = client.get("/careers").get_data(as_text=True)
    assert "Caring for people" in html
    needed = html[html.index("Roles we need most"):]
    assert needed.index("Home care worker") < needed.index("Porter")
    assert "3 jobs open" in needed


def test_the_role_page_shows_where_you_could_go_and_how_people_get_here_with_a_map(client, careers_content):
    html = client.get("/careers/roles/senior_care_worker").get_data(as_text=True)
    onward = html[html.index('id="where-you-could-go"'):html.index('id="how-people-get-here"')]
    assert "/careers/roles/apprentice_nursing_associate" in onward
    assert "ST0508" in onward  # the apprenticeship standard of the step
    into = html[html.index('id="how-people-get-here"'):]
    assert "/careers/roles/care_worker" in into
    assert "<svg" in html and html.index('id="where-you-could-go"') < html.index("<svg")
