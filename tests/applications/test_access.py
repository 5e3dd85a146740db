"""Every recruiter route is scoped to the recruiter's own organisation: another organisation's
applications, notes and files are not found, by URL or by form post."""
from __future__ import annotations

import pytest

from portal.extensions import db
from portal.vacancies.models import Vacancy
from tests.applications.conftest import signed_in_client

VACANCY_ROUTES = [
    ("get", "/recruiter/vacancies/{vacancy}/applications"),
    ("post", "/recruiter/vacancies/{vacancy}/applications/status"),
    ("get", "/recruiter/vacancies/{vacancy}/applications.csv"),
    ("get", "/recruiter/vacancies/{vacancy}/equality"),
]
APPLICATION_ROUTES = [
    ("get", "/recruiter/applications/{application}"),
    ("get", "/recruiter/applications/{application}/cv"),
    ("post", "/recruiter/applications/{application}/status"),
    ("post", "/recruiter/applications/{application}/notes"),
]
ALL_ROUTES = [*VACANCY_ROUTES, *APPLICATION_ROUTES, ("get", "/recruiter/equality")]


@pytest.fixture
def world(employer, vacancy, applicant):
    application = applicant(vacancy)
    return {"vacancy": vacancy.id, "application": application.id}


def _form(world):
    return {"status": "hired", "body": "Taken over", "application_ids": [str(world["application"])]}


@pytest.mark.parametrize("method,path", [*VACANCY_ROUTES, *APPLICATION_ROUTES])
def test_another_organisations_recruiter_gets_not_found(
    method, path, world, make_organisation, recruiter_of, applications, outbox
):
    intruder = recruiter_of(make_organisation())
    emails_before = len(outbox())
    response = getattr(intruder, method)(path.format(**world), data=_form(world) if method == "post" else None)
    assert response.status_code == 404
    [application] = applications(world["vacancy"])
    assert (application.status, application.notes) == ("new", [])
    assert len(outbox()) == emails_before


def test_a_recruiter_cannot_reach_another_organisations_applications_through_their_own_vacancy(
    world, make_organisation, portal_vacancy, recruiter_of, applications
):
    other = make_organisation()
    own_vacancy = portal_vacancy(other)
    response = recruiter_of(other).post(
        f"/recruiter/vacancies/{own_vacancy.id}/applications/status",
        data={"status": "hired", "application_ids": [str(world["application"])]},
    )
    assert response.status_code == 200
    assert "Select applicants from the list" in response.get_data(as_text=True)
    assert applications(world["vacancy"])[0].status == "new"


def test_the_organisation_report_holds_only_the_organisations_own_answers(
    app, make_organisation, portal_vacancy, applicant, recruiter_of
):
    owner = make_organisation()
    vacancy = portal_vacancy(owner)
    for _ in range(6):
        applicant(vacancy)
    with app.app_context():
        db.session.get(Vacancy, vacancy.id).status = "closed"
        db.session.commit()
    assert "About 5 people answered" in recruiter_of(owner).get("/recruiter/equality").get_data(as_text=True)
    intruder_page = recruiter_of(make_organisation()).get("/recruiter/equality").get_data(as_text=True)
    assert "people answered" not in intruder_page
    assert "no figures to show" in intruder_page


@pytest.mark.parametrize("method,path", ALL_ROUTES)
def test_job_seekers_are_forbidden(app, method, path, world, make_user):
    client = signed_in_client(app, make_user().id)
    assert getattr(client, method)(path.format(**world)).status_code == 403


@pytest.mark.parametrize("method,path", ALL_ROUTES)
def test_anonymous_visitors_are_sent_to_sign_in(client, method, path, world):
    response = getattr(client, method)(path.format(**world))
    assert response.status_code == 302
    assert "/sign-in" in response.headers["Location"]


@pytest.mark.parametrize("method,path", [*VACANCY_ROUTES, *APPLICATION_ROUTES])
def test_unknown_records_are_not_found(method, path, employer, recruiter_of):
    client = recruiter_of(employer)
    assert getattr(client, method)(path.format(vacancy=987654, application=987654)).status_code == 404


def test_an_applicants_own_pages_are_theirs_alone(app, world, make_user):
    client = signed_in_client(app, make_user().id)
    for path in ("/applications/{application}/confirmation", "/applications/{application}/withdraw"):
        assert client.get(path.format(**world)).status_code == 404
