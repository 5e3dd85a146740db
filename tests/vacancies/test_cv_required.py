"""The employer chooses whether applicants must send a CV; left unchosen, jobs for school and
college leavers or needing no experience ask for none."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from portal.extensions import db
from portal.vacancies.models import Vacancy


def _only_vacancy(app) -> Vacancy:
    with app.app_context():
        vacancy = db.session.scalars(select(Vacancy)).one()
        db.session.expunge(vacancy)
        return vacancy


@pytest.mark.parametrize("flags,chosen,cv_required", [
    (["dbs_check"], None, True),
    (["school_leavers"], None, False),
    (["no_experience"], None, False),
    (["school_leavers"], "yes", True),
    (["dbs_check"], "no", False),
    (["dbs_check"], "", True),
], ids=["unchosen-ordinary-job-asks", "unchosen-school-leavers-job-does-not", "unchosen-no-experience-job-does-not",
        "school-leavers-job-can-ask", "ordinary-job-can-skip", "empty-choice-is-unchosen"])
def test_the_web_form_saves_whether_a_cv_is_needed(app, recruiter_client, vacancy_form, site_ids,
                                                   flags, chosen, cv_required):
    client, organisation = recruiter_client()
    response = client.post("/recruiter/vacancies/new", data=vacancy_form(
        site_ids(organisation), flags=flags, cv_required=chosen, apply_method="portal", apply_url="",
    ))
    assert response.status_code == 302, response.get_data(as_text=True)
    assert _only_vacancy(app).cv_required is cv_required


def test_an_unknown_answer_is_refused_with_a_message(app, recruiter_client, vacancy_form, site_ids):
    client, organisation = recruiter_client()
    response = client.post("/recruiter/vacancies/new", data=vacancy_form(site_ids(organisation), cv_required="maybe"))
    assert response.status_code == 200
    assert "Select yes or no for whether applicants need to send a CV" in response.get_data(as_text=True)


def test_editing_shows_the_saved_choice_and_keeps_it(app, recruiter_client, make_vacancy, vacancy_form, site_ids):
    client, organisation = recruiter_client()
    vacancy = make_vacancy(organisation, status="draft", school_leavers=True, cv_required=True)
    page = client.get(f"/recruiter/vacancies/{vacancy.id}/edit").get_data(as_text=True)
    assert 'value="yes" checked' in page
    client.post(f"/recruiter/vacancies/{vacancy.id}/edit", data=vacancy_form(
        site_ids(organisation), flags=["school_leavers"], cv_required="yes",
    ))
    assert _only_vacancy(app).cv_required is True
