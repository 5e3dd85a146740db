"""The admin's passport pages: the figures by sector, and managing the catalogue of competences."""
from __future__ import annotations

from datetime import date

import pytest
from markupsafe import escape

from portal.accounts.models import User
from portal.accounts.roles import Role
from portal.employers.models import Organisation
from portal.extensions import db
from portal.passport import catalogue, services
from portal.passport.models import TrainingRecord
from portal.passport.stats import NO_EMPLOYER, SHARE_LINKS, passport_statistics
from tests.factories import sign_in
from tests.test_page_structure import PageStructure, check

PAGES = [
    "/admin/passport",
    "/admin/passport/competences",
    "/admin/passport/competences/new",
    "/admin/passport/competences/fire_safety/edit",
]

NEW_COMPETENCE = {
    "code": "catheter_care",
    "title": "Catheter care",
    "category": "competence",
    "description": "Caring for people with urinary catheters.",
    "validity_months": "",
    "levels": "1 | Awareness | 36\n2 | Practitioner",
    "is_active": "y",
}


def competence(app, code):
    with app.app_context():
        found = catalogue.get_competence(code)
        if found is not None:
            levels = [(level.code, level.label, level.validity_months) for level in found.levels]
            db.session.expunge(found)
            found.level_rows = levels
        return found


def assert_well_formed(response):
    page = PageStructure()
    page.feed(response.get_data(as_text=True))
    assert page.h1_count == 1
    assert page.unlabelled_fields() == []


# Who may see the pages

@pytest.mark.parametrize("path", PAGES)
def test_signed_out_people_are_sent_to_sign_in(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert "/sign-in" in response.headers["Location"]


@pytest.mark.parametrize("roles", [(Role.JOB_SEEKER,), (Role.RECRUITER,)])
def test_people_who_are_not_admins_are_refused(client, make_user, roles):
    sign_in(client, make_user(roles=roles))
    for path in PAGES:
        assert client.get(path).status_code == 403, path
    assert client.post("/admin/passport/competences/new", data=NEW_COMPETENCE).status_code == 403


def test_every_page_has_one_heading_and_labelled_fields(admin_client):
    for path in PAGES:
        check(admin_client, path)


def test_the_dashboard_links_to_the_passport_figures(admin_client):
    page = admin_client.get("/admin").get_data(as_text=True)
    assert 'href="/admin/passport"' in page


# The figures

@pytest.fixture
def two_sectors(app, make_user, make_organisation, make_recruiter, make_record, make_employment, share_with, make_link):
    """A trust and a home-care agency, five people and what they did; the expected figures are in the tests."""
    trust = make_organisation(name="Leicester Hospitals", sector_code="acute_trust")
    agency = make_organisation(name="Charnwood Home Care", sector_code="home_care")
    trust_recruiter, agency_recruiter = make_recruiter(trust), make_recruiter(agency)
    by_trust, by_agency = (trust, trust_recruiter), (agency, agency_recruiter)

    nurse = make_user(full_name="Nurse at the trust")
    make_employment(nurse, trust)
    make_record(nurse, "fire_safety", completed_on=date(2023, 1, 10))  # superseded by the next
    make_record(nurse, "fire_safety", completed_on=date(2025, 1, 10), verified_by=by_trust)
    make_record(nurse, "moving_handling")

    mover = make_user(full_name="Moved from the trust to the agency")
    make_employment(mover, trust, started_on=date(2020, 1, 1), ended_on=date(2024, 12, 31))
    make_employment(mover, agency, started_on=date(2025, 1, 1))
    from_trust = make_record(mover, "safeguarding_adults", verified_by=by_trust)
    from_agency = make_record(mover, "conflict_resolution", verified_by=by_agency)

    seeker = make_user(full_name="No employer yet")
    make_record(seeker, "health_safety_welfare")
    share_with(seeker, trust)
    make_link(seeker)

    no_records = make_user(full_name="Works at the trust, no records")
    make_employment(no_records, trust)
    share_with(no_records, agency)

    two_jobs = make_user(full_name="Works at both, the agency most recently")
    make_employment(two_jobs, trust, started_on=date(2023, 1, 1))
    make_employment(two_jobs, agency, started_on=date(2024, 1, 1), confirmed=False)
    make_record(two_jobs, "information_governance")

    with app.app_context():
        recruiter = db.session.get(User, agency_recruiter.id)
        organisation = db.session.get(Organisation, agency.id)
        for record_id in (from_trust.id, from_agency.id):  # only the first is training not repeated
            services.accept_record(db.session.get(TrainingRecord, record_id), organisation, recruiter)
        db.session.commit()
    return trust, agency


def test_figures_by_sector_and_in_total(app, two_sectors):
    with app.app_context():
        statistics = passport_statistics()

    rows = {row.label: row for row in statistics.rows}
    figures = lambda row: (row.passports, row.records, row.verified, row.verified_percent, row.shares, row.acceptances)  # noqa: E731
    assert figures(rows["NHS acute trust"]) == (1, 2, 1, 50, 1, 0)
    assert figures(rows["Home care (domiciliary) agency"]) == (2, 3, 2, 67, 1, 1)
    assert figures(rows[NO_EMPLOYER]) == (1, 1, 0, 0, None, None)
    assert figures(rows[SHARE_LINKS]) == (None, None, None, None, 1, None)
    assert figures(rows["Nursing home"]) == (0, 0, 0, None, 0, 0)
    assert figures(statistics.total) == (4, 6, 3, 50, 3, 1)
    assert [row.label for row in statistics.sectors][:2] == ["NHS acute trust", "NHS community trust"]


def test_the_figures_page_shows_the_table_with_totals(admin_client, two_sectors):
    response = admin_client.get("/admin/passport")

    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Home care (domiciliary) agency" in page and "67%" in page
    assert "All sectors" in page and NO_EMPLOYER in page and SHARE_LINKS in page
    assert 'href="/admin/passport/competences"' in page


def test_figures_with_no_passports_at_all(app, admin_client):
    with app.app_context():
        statistics = passport_statistics()
    assert statistics.total.passports == 0 and statistics.total.verified_percent is None
    assert admin_client.get("/admin/passport").status_code == 200


# The catalogue

def test_the_catalogue_lists_competences_by_category_with_levels_and_validity(admin_client):
    page = admin_client.get("/admin/passport/competences").get_data(as_text=True)

    assert "Statutory and mandatory training" in page and "Professional registration" in page
    assert "Fire safety" in page and "Level 1 (1): 24 months" in page
    assert "Expiry date entered on each record" in page
    assert 'href="/admin/passport/competences/fire_safety/edit"' in page


def test_an_admin_adds_a_competence(app, admin_client):
    response = admin_client.post("/admin/passport/competences/new", data=NEW_COMPETENCE)

    assert response.status_code == 302
    assert response.headers["Location"].endswith("/admin/passport/competences#catheter_care")
    added = competence(app, "catheter_care")
    assert (added.title, added.category, added.validity_months, added.is_active) == ("Catheter care", "competence", None, True)
    assert added.level_rows == [("1", "Awareness", 36), ("2", "Practitioner", None)]
    assert "Catheter care is added to the catalogue" in admin_client.get("/admin/passport/competences").get_data(as_text=True)


def test_a_competence_without_levels_keeps_its_validity(app, admin_client):
    data = {**NEW_COMPETENCE, "levels": "", "validity_months": "24", "is_active": ""}
    assert admin_client.post("/admin/passport/competences/new", data=data).status_code == 302

    added = competence(app, "catheter_care")
    assert (added.validity_months, added.is_active, added.level_rows) == (24, False, [])


@pytest.mark.parametrize("changes, messages", [
    ({"code": "fire_safety"}, ["The code fire_safety is already used by Fire safety: choose another"]),
    ({"code": "Catheter care!"}, ["The code can only use lowercase letters, digits and underscores, like fire_safety"]),
    ({"code": "", "title": "", "category": ""}, ["Enter a code, like fire_safety", "Enter the title", "Select the category"]),
    ({"levels": "", "validity_months": "two years"}, ["Enter the months as a whole number from 1 to 120, or leave them empty if it never expires"]),
    ({"levels": "", "validity_months": "121"}, ["Enter the months as a whole number from 1 to 120"]),
    ({"validity_months": "12"}, ["Leave the validity empty when there are levels: give each level its months"]),
    ({"levels": "", "validity_months": "12", "expiry_entered": "y"}, ["Leave the validity empty: the expiry date is entered on each record"]),
    ({"levels": "1 | Awareness | 36\n2 |  | 12\n\n3 | Expert | often\n1 | Again\nA b | Upper\n | No code\n1|2|3|4"}, [
        "Line 2: enter the level&#39;s label after the first |, like Level 2",
        "Line 4: enter the months as a whole number from 1 to 120, or leave them out",
        "Line 5: level 1 is already on line 1",
        "Line 6: the level&#39;s code can only use lowercase letters, digits and underscores, up to 30",
        "Line 7: enter the level&#39;s code before the first |, like 2",
        "Line 8: write code | label | months, with no more than two | characters",
    ]),
    ({"levels": "1 | Basic | 12", "expiry_entered": "y"}, ["Line 1: leave out the months: the expiry date is entered on each record"]),
])
def test_mistakes_are_explained_and_what_was_typed_is_kept(app, admin_client, changes, messages):
    data = {**NEW_COMPETENCE, **changes}

    response = admin_client.post("/admin/passport/competences/new", data=data)

    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "There is a problem" in page and "<title>Error: " in page
    for message in messages:
        assert message in page
    for name in ("code", "title", "validity_months"):
        assert f'value="{escape(data[name])}"' in page
    assert f">{escape(data['levels'])}</textarea>" in page
    assert_well_formed(response)
    if data["code"] != "fire_safety":
        assert competence(app, data["code"]) is None


def test_an_admin_changes_a_competence(app, admin_client):
    page = admin_client.get("/admin/passport/competences/moving_handling/edit").get_data(as_text=True)
    assert "1 | Level 1 | 36\n2 | Level 2 | 24" in page
    assert 'name="code"' not in page

    response = admin_client.post("/admin/passport/competences/moving_handling/edit", data={
        "title": "Moving and handling people", "category": "core_skills", "description": "",
        "levels": "1 | Level 1 | 24\n2 | Level 2 (people) | 12\n3 | Level 3 | 12", "is_active": "y",
    })

    assert response.status_code == 302
    changed = competence(app, "moving_handling")
    assert changed.title == "Moving and handling people"
    assert changed.level_rows == [("1", "Level 1", 24), ("2", "Level 2 (people)", 12), ("3", "Level 3", 12)]


def test_a_level_no_record_uses_can_be_removed(app, admin_client):
    response = admin_client.post("/admin/passport/competences/moving_handling/edit", data={
        "title": "Moving and handling", "category": "core_skills", "levels": "1 | Level 1 | 36", "is_active": "y",
    })

    assert response.status_code == 302
    assert competence(app, "moving_handling").level_rows == [("1", "Level 1", 36)]


def test_a_level_used_by_a_record_is_not_removed(app, admin_client, make_user, make_record):
    make_record(make_user(), "moving_handling", level="2")
    data = {"title": "Moving and handling", "category": "core_skills", "levels": "1 | Level 1 | 36", "is_active": "y"}

    response = admin_client.post("/admin/passport/competences/moving_handling/edit", data=data)

    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Keep level 2 (Level 2): records use it. You can change its label." in page
    assert "1 | Level 1 | 36</textarea>" in page
    assert competence(app, "moving_handling").level_rows == [("1", "Level 1", 36), ("2", "Level 2", 24)]


def test_changing_a_competence_that_does_not_exist_is_not_found(admin_client):
    assert admin_client.get("/admin/passport/competences/no_such_thing/edit").status_code == 404
