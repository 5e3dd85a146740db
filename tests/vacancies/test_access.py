"""Who may use each recruiter route: only recruiters, and only on their own organisation's vacancies."""
from __future__ import annotations

import pytest

from tests.factories import sign_in

VACANCY_ROUTES = [
    ("get", "/recruiter/vacancies/{id}/edit"),
    ("post", "/recruiter/vacancies/{id}/edit"),
    ("get", "/recruiter/vacancies/{id}/preview"),
    ("post", "/recruiter/vacancies/{id}/publish"),
    ("post", "/recruiter/vacancies/{id}/close"),
    ("post", "/recruiter/vacancies/{id}/repost"),
]
ALL_ROUTES = [("get", "/recruiter/vacancies"), ("get", "/recruiter/vacancies/new"),
              ("post", "/recruiter/vacancies/new"), *VACANCY_ROUTES]
STATUS_FOR_ACTION = {"publish": "draft", "close": "published", "repost": "closed"}


def _vacancy_for(make_vacancy, organisation, path):
    action = path.rsplit("/", 1)[-1]
    return make_vacancy(organisation, status=STATUS_FOR_ACTION.get(action, "draft"))


@pytest.mark.parametrize("method,path", VACANCY_ROUTES)
def test_another_organisations_recruiter_gets_not_found(
    app, client, method, path, make_organisation, make_recruiter, make_vacancy, load_vacancy, vacancy_form, site_ids
):
    owner = make_organisation()
    vacancy = _vacancy_for(make_vacancy, owner, path)
    intruder_organisation = make_organisation()
    sign_in(client, make_recruiter(intruder_organisation))
    data = vacancy_form(site_ids(intruder_organisation), title="Taken over") if method == "post" else None
    response = getattr(client, method)(path.format(id=vacancy.id), data=data)
    assert response.status_code == 404
    unchanged = load_vacancy(vacancy.id)
    assert (unchanged.status, unchanged.title, unchanged.organisation_id) == (vacancy.status, vacancy.title, owner.id)


@pytest.mark.parametrize("method,path", ALL_ROUTES)
def test_job_seekers_are_forbidden(client, method, path, make_organisation, make_user, make_vacancy):
    vacancy = _vacancy_for(make_vacancy, make_organisation(), path)
    sign_in(client, make_user())
    assert getattr(client, method)(path.format(id=vacancy.id)).status_code == 403


@pytest.mark.parametrize("method,path", ALL_ROUTES)
def test_anonymous_visitors_are_sent_to_sign_in(client, method, path, make_organisation, make_vacancy):
    vacancy = _vacancy_for(make_vacancy, make_organisation(), path)
    response = getattr(client, method)(path.format(id=vacancy.id))
    assert response.status_code == 302
    assert "/sign-in" in response.headers["Location"]


@pytest.mark.parametrize("method,path", VACANCY_ROUTES)
def test_an_unknown_vacancy_is_not_found(recruiter_client, method, path):
    recruiter, _organisation = recruiter_client()
    assert getattr(recruiter, method)(path.format(id=987654)).status_code == 404
