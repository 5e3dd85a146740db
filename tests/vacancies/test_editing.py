"""Creating and editing vacancies: what is saved, what is refused, and what a recruiter cannot change."""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from portal.extensions import db
from portal.vacancies.models import Vacancy
from tests.vacancies.conftest import date_parts


def _only_vacancy(app) -> Vacancy:
    with app.app_context():
        vacancy = db.session.scalars(select(Vacancy)).one()
        vacancy.site_ids = [site.id for site in vacancy.sites]
        db.session.expunge(vacancy)
        return vacancy


def _vacancy_count(app) -> int:
    with app.app_context():
        return len(db.session.scalars(select(Vacancy)).all())


def test_the_form_offers_roles_by_family_bands_and_the_organisations_own_sites(recruiter_client, make_organisation):
    client, organisation = recruiter_client(name="Charnwood Care")
    make_organisation(name="Other Care", town="Hinckley")
    page = client.get("/recruiter/vacancies/new").get_data(as_text=True)
    assert page.count("<h1") == 1
    assert '<optgroup label="Adult social care">' in page
    assert "Band 5" in page
    assert "Head office, Loughborough LE11 1AA" in page and "Hinckley" not in page
    assert "Apply through this portal" in page and "coming soon" not in page
    for absent in ('name="organisation_id"', 'name="status"', 'name="sector_code"', "approv"):
        assert absent not in page


def test_create_saves_a_draft_with_the_organisations_sector(app, recruiter_client, vacancy_form, site_ids):
    client, organisation = recruiter_client(sector_code="nursing_home")
    response = client.post("/recruiter/vacancies/new", data=vacancy_form(site_ids(organisation)))
    vacancy = _only_vacancy(app)
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/recruiter/vacancies/{vacancy.id}/preview")
    assert (vacancy.status, vacancy.organisation_id, vacancy.sector_code) == ("draft", organisation.id, "nursing_home")
    assert vacancy.slug == "senior-care-worker"
    assert (vacancy.pay_min, vacancy.pay_max, vacancy.pay_period) == (12.9, 14.8, "hour")
    assert vacancy.working_patterns == ["full_time", "shifts", "weekends"]
    assert vacancy.flags == ["dbs_check", "driving_licence"]
    assert vacancy.site_ids == site_ids(organisation)
    assert vacancy.published_at is None


def test_errors_are_summarised_and_shown_beside_fields_and_keep_what_was_typed(app, recruiter_client, vacancy_form, site_ids):
    client, organisation = recruiter_client()
    page = client.post("/recruiter/vacancies/new", data=vacancy_form(
        site_ids(organisation), title="", pay_min="£15", pay_max="12.50", summary="Kind people wanted",
        apply_url="javascript:alert(1)", **{"closing_date-day": "31", "closing_date-month": "2"},
    )).get_data(as_text=True)
    assert _vacancy_count(app) == 0
    assert "There is a problem" in page
    assert page.count("Enter the job title") == 2
    assert page.count("Maximum pay must be the same as or more than the minimum pay") == 2
    assert page.count("Enter a web address starting with https://") == 2
    assert page.count("Closing date must be a real date") == 2
    assert 'href="#title"' in page and 'href="#pay_max"' in page
    assert 'value="£15"' in page and 'value="12.50"' in page and 'value="31"' in page
    assert "Kind people wanted" in page and 'value="javascript:alert(1)"' in page
    assert 'value="senior_care_worker" selected' in page


def test_a_band_fills_the_pay_when_no_amounts_are_given(app, recruiter_client, vacancy_form, site_ids):
    client, organisation = recruiter_client()
    client.post("/recruiter/vacancies/new", data=vacancy_form(
        site_ids(organisation), role_code="registered_nurse_adult", pay_band_code="band_5",
        pay_min="", pay_max="", pay_period=None,
    ))
    vacancy = _only_vacancy(app)
    assert (vacancy.pay_band_code, vacancy.pay_min, vacancy.pay_max, vacancy.pay_period) == ("band_5", 31049, 37796, "year")


def test_pay_amounts_are_read_as_people_type_them(app, recruiter_client, vacancy_form, site_ids):
    client, organisation = recruiter_client()
    client.post("/recruiter/vacancies/new", data=vacancy_form(
        site_ids(organisation), pay_min="£24,937", pay_max="26,598.00", pay_period="year",
    ))
    vacancy = _only_vacancy(app)
    assert (vacancy.pay_min, vacancy.pay_max) == (24937, 26598)


def test_pay_must_be_given_and_sensible(app, recruiter_client, vacancy_form, site_ids):
    client, organisation = recruiter_client()
    sites = site_ids(organisation)
    cases = [
        ({"pay_min": "", "pay_max": ""}, "Enter the pay, or choose an Agenda for Change band"),
        ({"pay_min": "0"}, "Minimum pay must be more than £0"),
        ({"pay_min": "-3"}, "Minimum pay must be more than £0"),
        ({"pay_min": "lots"}, "Minimum pay must be an amount"),
        ({"pay_min": "24000", "pay_max": "26000"}, "looks like a yearly salary"),
        ({"pay_period": "year"}, "looks like an hourly rate"),
        ({"pay_period": None}, "Select whether the pay is an hourly rate or a yearly salary"),
    ]
    for overrides, message in cases:
        page = client.post("/recruiter/vacancies/new", data=vacancy_form(sites, **overrides)).get_data(as_text=True)
        assert message in page, overrides
    assert _vacancy_count(app) == 0


def test_a_volunteer_role_needs_no_pay(app, recruiter_client, vacancy_form, site_ids):
    client, organisation = recruiter_client()
    client.post("/recruiter/vacancies/new", data=vacancy_form(
        site_ids(organisation), contract_type="volunteer", pay_min="", pay_max="", pay_period=None,
    ))
    assert _only_vacancy(app).pay_min is None


def test_required_choices_and_dates_have_clear_messages(app, recruiter_client, vacancy_form, site_ids):
    client, organisation = recruiter_client()
    page = client.post("/recruiter/vacancies/new", data=vacancy_form(
        site_ids(organisation), role_code="", contract_type=None, working_time=None, site_ids=None,
        apply_method=None, **{"closing_date-year": ""},
    )).get_data(as_text=True)
    for message in (
        "Select the type of role", "Select the contract type", "Select full time or part time",
        "Select at least one place where the job is based", "Select how people apply",
        "Closing date must include a year",
    ):
        assert message in page
    yesterday = date.today() - timedelta(days=1)
    page = client.post("/recruiter/vacancies/new", data=vacancy_form(
        site_ids(organisation), **date_parts(yesterday)
    )).get_data(as_text=True)
    assert "Closing date must be today or in the future" in page
    page = client.post("/recruiter/vacancies/new", data=vacancy_form(
        site_ids(organisation), **date_parts(date.today() + timedelta(days=400))
    )).get_data(as_text=True)
    assert "Closing date must be within a year from today" in page
    assert _vacancy_count(app) == 0


def test_applying_through_the_portal_needs_no_link(app, recruiter_client, vacancy_form, site_ids):
    client, organisation = recruiter_client()
    client.post("/recruiter/vacancies/new", data=vacancy_form(
        site_ids(organisation), apply_method="portal", apply_url="https://ignored.example.org",
    ))
    vacancy = _only_vacancy(app)
    assert (vacancy.apply_method, vacancy.apply_url) == ("portal", None)


def test_edit_shows_the_saved_values_and_saves_changes(app, recruiter_client, vacancy_form, site_ids, make_vacancy):
    client, organisation = recruiter_client()
    vacancy = make_vacancy(organisation, status="draft", title="Care Worker", external_ref="CW-9")
    page = client.get(f"/recruiter/vacancies/{vacancy.id}/edit").get_data(as_text=True)
    assert 'value="Care Worker"' in page and 'value="CW-9"' in page
    assert f'value="{vacancy.closing_date.day}"' in page and 'value="care_worker" selected' in page
    response = client.post(f"/recruiter/vacancies/{vacancy.id}/edit", data=vacancy_form(
        site_ids(organisation), title="Night Care Worker", patterns=["nights"], flags=[],
    ))
    assert response.status_code == 302
    saved = _only_vacancy(app)
    assert (saved.title, saved.slug, saved.status) == ("Night Care Worker", "night-care-worker", "draft")
    assert saved.working_patterns == ["full_time", "nights"] and saved.flags == []


def test_smuggled_organisation_status_and_sector_fields_change_nothing(
    app, recruiter_client, vacancy_form, site_ids, make_organisation, make_vacancy
):
    client, organisation = recruiter_client()
    other = make_organisation(sector_code="acute_trust")
    smuggled = {
        "organisation_id": str(other.id), "status": "published", "sector_code": "acute_trust",
        "published_at": "2020-01-01", "reposted_from_id": "1", "id": "999",
    }
    client.post("/recruiter/vacancies/new", data={**vacancy_form(site_ids(organisation)), **smuggled})
    created = _only_vacancy(app)
    assert (created.organisation_id, created.status, created.sector_code) == (organisation.id, "draft", "home_care")
    assert created.published_at is None and created.reposted_from_id is None and created.id != 999

    client.post(f"/recruiter/vacancies/{created.id}/edit", data={**vacancy_form(site_ids(organisation)), **smuggled})
    edited = _only_vacancy(app)
    assert (edited.organisation_id, edited.status, edited.sector_code) == (organisation.id, "draft", "home_care")
    assert edited.published_at is None


def test_another_organisations_site_cannot_be_attached(app, recruiter_client, vacancy_form, site_ids, make_organisation):
    client, organisation = recruiter_client()
    other = make_organisation()
    page = client.post("/recruiter/vacancies/new", data=vacancy_form(
        site_ids(organisation) + site_ids(other)
    )).get_data(as_text=True)
    assert "Select places from your organisation&#39;s list" in page
    assert _vacancy_count(app) == 0


def test_a_closed_vacancy_cannot_be_edited(app, recruiter_client, vacancy_form, site_ids, make_vacancy, load_vacancy):
    client, organisation = recruiter_client()
    vacancy = make_vacancy(organisation, status="closed", title="Care Worker")
    response = client.get(f"/recruiter/vacancies/{vacancy.id}/edit")
    assert response.status_code == 302 and response.headers["Location"].endswith("/recruiter/vacancies")
    client.post(f"/recruiter/vacancies/{vacancy.id}/edit", data=vacancy_form(site_ids(organisation), title="Changed"))
    assert load_vacancy(vacancy.id).title == "Care Worker"
    assert "Repost it to advertise the job again" in client.get("/recruiter/vacancies").get_data(as_text=True)
