"""The vacancy form's settings for applications through the portal."""
from __future__ import annotations

from portal.extensions import db
from portal.vacancies.models import Vacancy
from tests.vacancies.conftest import vacancy_form  # noqa: F401  (fixtures)


def _stored(app, vacancy_id):
    with app.app_context():
        vacancy = db.session.get(Vacancy, vacancy_id)
        return vacancy.max_applications, vacancy.anonymised_shortlisting


def test_a_maximum_and_anonymised_shortlisting_are_saved_for_portal_applications(app, recruiter_client, vacancy_form, site_ids):
    client, organisation = recruiter_client()
    response = client.post("/recruiter/vacancies/new", data=vacancy_form(
        site_ids(organisation), apply_method="portal", apply_url="", max_applications="40", anonymised_shortlisting="y",
    ))
    vacancy_id = int(response.headers["Location"].split("/")[-2])
    assert _stored(app, vacancy_id) == (40, True)
    page = client.get(f"/recruiter/vacancies/{vacancy_id}/edit").get_data(as_text=True)
    assert 'value="40"' in page


def test_they_are_cleared_when_people_apply_elsewhere(app, recruiter_client, vacancy_form, site_ids):
    client, organisation = recruiter_client()
    response = client.post("/recruiter/vacancies/new", data=vacancy_form(
        site_ids(organisation), max_applications="40", anonymised_shortlisting="y",
    ))
    assert _stored(app, int(response.headers["Location"].split("/")[-2])) == (None, False)


def test_a_maximum_must_be_a_whole_number_of_at_least_one(app, recruiter_client, vacancy_form, site_ids):
    client, organisation = recruiter_client()
    for typed, message in (("0", "Most applications must be between 1 and 10,000"),
                           ("2.5", "Most applications must be a whole number, like 50"),
                           ("lots", "Most applications must be a number, like 50")):
        page = client.post("/recruiter/vacancies/new", data=vacancy_form(
            site_ids(organisation), apply_method="portal", apply_url="", max_applications=typed,
        )).get_data(as_text=True)
        assert message in page
        assert f'value="{typed}"' in page
