"""Closing and reposting a vacancy ask first, on a page of their own; nothing changes until the form there is sent."""
import re

import pytest
from sqlalchemy import func, select

from portal.extensions import db
from portal.vacancies.models import Vacancy

CONFIRMATIONS = [
    pytest.param("close", "Are you sure you want to close Care Worker?", "Applicants can no longer apply", "Close this vacancy",
                 id="close"),
    pytest.param("repost", "Repost Care Worker as a new vacancy?", "itself and its applicants stay as they are",
                 "Make a new draft", id="repost"),
]


def _state(app, organisation):
    with app.app_context():
        return (
            db.session.scalar(select(func.count()).select_from(Vacancy).where(Vacancy.organisation_id == organisation.id)),
            sorted(db.session.scalars(select(Vacancy.status).where(Vacancy.organisation_id == organisation.id))),
        )


@pytest.mark.parametrize("action, question, consequence, button", CONFIRMATIONS)
def test_the_confirmation_page_says_what_will_happen_and_changes_nothing(app, recruiter_client, make_vacancy,
                                                                          action, question, consequence, button):
    client, organisation = recruiter_client()
    vacancy = make_vacancy(organisation, title="Care Worker")
    before = _state(app, organisation)

    response = client.get(f"/recruiter/vacancies/{vacancy.id}/{action}")

    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert f"<h1 class=\"nhsuk-heading-l\">{question}</h1>" in page and consequence in page
    assert re.search(rf'<form method="post" action="/recruiter/vacancies/{vacancy.id}/{action}"', page)
    assert f">{button}</button>" in page
    assert '<a class="nhsuk-link" href="/recruiter/vacancies">Cancel</a>' in page
    assert _state(app, organisation) == before


@pytest.mark.parametrize("action, expected", [
    pytest.param("close", (1, ["closed"]), id="close-closes"),
    pytest.param("repost", (2, ["draft", "published"]), id="repost-makes-a-draft"),
])
def test_the_post_from_the_confirmation_page_acts(app, recruiter_client, make_vacancy, action, expected):
    client, organisation = recruiter_client()
    vacancy = make_vacancy(organisation)

    assert client.post(f"/recruiter/vacancies/{vacancy.id}/{action}").status_code == 302
    assert _state(app, organisation) == expected


@pytest.mark.parametrize("action", ["close", "repost"])
def test_another_organisations_vacancy_has_no_confirmation_page(recruiter_client, make_organisation, make_vacancy, action):
    client, _ = recruiter_client()
    theirs = make_vacancy(make_organisation())

    assert client.get(f"/recruiter/vacancies/{theirs.id}/{action}").status_code == 404


def test_the_list_links_to_the_confirmation_pages_and_posts_nothing_destructive(recruiter_client, make_vacancy):
    client, organisation = recruiter_client()
    live = make_vacancy(organisation)
    closed = make_vacancy(organisation, status="closed")

    page = client.get("/recruiter/vacancies").get_data(as_text=True)

    assert not re.search(r'<form[^>]*action="[^"]*/(close|repost)"', page)
    for vacancy_id, action in [(live.id, "close"), (live.id, "repost"), (closed.id, "repost")]:
        assert f'href="/recruiter/vacancies/{vacancy_id}/{action}"' in page


def test_the_list_shows_each_vacancys_pay_and_place(recruiter_client, make_vacancy):
    client, organisation = recruiter_client(town="Melton Mowbray")
    make_vacancy(organisation, pay_min=12.6, pay_max=13.5, pay_period="hour")

    page = client.get("/recruiter/vacancies").get_data(as_text=True)

    assert "£12.60 to £13.50 an hour" in page
    assert "Melton Mowbray" in page
