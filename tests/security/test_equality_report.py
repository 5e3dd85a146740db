"""The equality report resists differencing: a recruiter who saves the report, waits for one known
person to apply, withdraw or be the last applicant of a vacancy, and compares, learns nothing about
that person's answers.

The organisation's report changes only when a vacancy closes with at least 5 responses (a closed
vacancy never changes again), so the smallest change between two reports is a whole group of five or
more people; and every figure is rounded to the nearest 5, so the group's exact make-up does not show
either.
"""
from __future__ import annotations

import io
import re
from datetime import date

import pytest
from sqlalchemy import select

from portal.applications import equality
from portal.applications.models import Application, EqualityResponse
from portal.applications.services import organisation_equality_report
from portal.extensions import db
from portal.vacancies.models import Vacancy
from tests.storage.samples import PDF
from tests.session_stores import start_session_without_form

MONTH = date.today().replace(day=1)


def signed_in(app, user_id: int):
    client = app.test_client()
    start_session_without_form(app, client, user_id)
    return client


@pytest.fixture
def employer(make_organisation):
    return make_organisation(name="Charnwood Home Care")


@pytest.fixture
def recruiter(app, employer, make_recruiter):
    return signed_in(app, make_recruiter(employer).id)


@pytest.fixture
def closed_vacancy_with(app, employer, make_vacancy):
    """A closed vacancy whose responses are the given answers, as if people had applied before it closed."""

    def make(answers: list[dict[str, str]]):
        vacancy = make_vacancy(employer, status="closed")
        with app.app_context():
            for given in answers:
                db.session.add(EqualityResponse(organisation_id=employer.id, vacancy_id=vacancy.id, month=MONTH, **given))
            db.session.commit()
        return vacancy

    return make


@pytest.fixture
def earlier_vacancies(closed_vacancy_with):
    """What the organisation's report already holds: twelve people, half of them disabled."""
    closed_vacancy_with([{"disability": "yes", "ethnic_group": "white"}] * 6
                        + [{"disability": "no", "ethnic_group": "asian"}] * 6)


@pytest.fixture
def open_vacancy(employer, make_vacancy):
    return make_vacancy(employer, apply_method="portal", apply_url=None)


@pytest.fixture
def apply(app, make_user):
    """A new person applies for the vacancy with these equality answers; returns their user id."""

    def send(vacancy, **answers):
        person = make_user(full_name="Known Applicant")
        data = {
            "full_name": "Known Applicant", "email": "known@example.org", "phone": "07700 900982",
            "address_line_1": "1 High Street", "town": "Loughborough", "postcode": "LE11 1AA",
            "supporting_statement": "I have cared for my grandmother.", "right_to_work": "yes",
            "cv": (io.BytesIO(PDF), "CV.pdf"), **answers,
        }
        response = signed_in(app, person.id).post(f"/jobs/{vacancy.id}/apply", data=data,
                                                  content_type="multipart/form-data")
        assert response.status_code == 302, response.get_data(as_text=True)
        return person.id

    return send


def close(recruiter, vacancy) -> None:
    """Close it as the recruiter does, reading the page that follows (and its message)."""
    assert recruiter.post(f"/recruiter/vacancies/{vacancy.id}/close", follow_redirects=True).status_code == 200
    with recruiter.application.app_context():
        assert db.session.get(Vacancy, vacancy.id).status == "closed"


def report_page(recruiter) -> str:
    """The report page as the recruiter reads it; the sign-out form's token changes by the second, and
    the script nonce with every response."""
    response = recruiter.get("/recruiter/equality")
    assert response.status_code == 200
    page = re.sub(r'name="csrf_token" value="[^"]*"', "", response.get_data(as_text=True))
    return re.sub(r'nonce="[^"]*"', "", page)


def published(app, organisation_id: int) -> list[tuple[str, list[tuple[str, int | None]]]]:
    """Every figure the organisation's report shows, question by question, with the total."""
    with app.app_context():
        report = organisation_equality_report(organisation_id)
        return [("people", [("total", report.responses_shown if report.questions else None)])] + [
            (item.question.name, [(answer.label, answer.count) for answer in item.answers])
            for item in report.questions
        ]


def figure(app, organisation_id: int, question: str, label: str) -> int | None:
    return dict(dict(published(app, organisation_id))[question])[label]


# The attacks: compare the report before and after one known person's step

@pytest.mark.usefixtures("earlier_vacancies")
def test_closing_a_vacancy_with_one_known_applicant_changes_nothing(app, employer, recruiter, open_vacancy, apply):
    apply(open_vacancy, disability="yes", ethnic_group="black", religion="sikh")
    before = report_page(recruiter)
    close(recruiter, open_vacancy)
    assert report_page(recruiter) == before
    vacancy_page = recruiter.get(f"/recruiter/vacancies/{open_vacancy.id}/equality").get_data(as_text=True)
    assert "Fewer than 5 people have answered" in vacancy_page and "Sikh" not in vacancy_page


@pytest.mark.parametrize("when", ["vacancy open", "vacancy closed"])
@pytest.mark.usefixtures("earlier_vacancies")
def test_withdrawing_an_application_changes_nothing(app, employer, recruiter, open_vacancy, apply, when):
    for _ in range(5):
        person_id = apply(open_vacancy, disability="no", ethnic_group="white")
    if when == "vacancy closed":
        close(recruiter, open_vacancy)
    before = report_page(recruiter)
    with app.app_context():
        application_id = db.session.scalar(select(Application.id).where(Application.user_id == person_id))
    withdrawn = signed_in(app, person_id).post(f"/applications/{application_id}/withdraw")
    assert withdrawn.status_code == 302
    assert report_page(recruiter) == before


@pytest.mark.usefixtures("earlier_vacancies")
def test_a_vacancy_that_closes_with_4_responses_never_counts(app, employer, recruiter, open_vacancy, apply):
    before = report_page(recruiter)
    for _ in range(4):
        apply(open_vacancy, disability="yes")
    close(recruiter, open_vacancy)
    assert report_page(recruiter) == before


@pytest.mark.usefixtures("earlier_vacancies")
def test_the_fifth_response_adds_the_whole_group_at_once_and_rounding_hides_the_last_persons_answer(
    app, employer, make_organisation, make_vacancy, recruiter, open_vacancy, apply
):
    """The threshold edge. Four people apply, then a fifth the recruiter knows; the vacancy closes
    and all five join the report together. Even a recruiter who knew the first four all answered
    "No" cannot tell the fifth person's answer: the report is the same whichever they gave, though
    the exact counts differ by that one person."""
    before = published(app, employer.id)
    for _ in range(4):
        apply(open_vacancy, disability="no")
    assert published(app, employer.id) == before
    apply(open_vacancy, disability="yes")
    assert published(app, employer.id) == before
    close(recruiter, open_vacancy)
    if_yes = published(app, employer.id)
    assert if_yes != before

    # The same organisation in a world where the fifth person answered "No".
    twin = make_organisation(name="Twin Care")
    with app.app_context():
        rows = [(row.vacancy_id, {name: getattr(row, name) for name in equality.QUESTION_NAMES})
                for row in db.session.scalars(select(EqualityResponse).where(EqualityResponse.organisation_id == employer.id))]
    twin_vacancy = {vacancy_id: make_vacancy(twin, status="closed").id for vacancy_id in {vacancy_id for vacancy_id, _ in rows}}
    with app.app_context():
        for vacancy_id, answers in rows:
            if vacancy_id == open_vacancy.id and answers["disability"] == "yes":
                answers["disability"] = "no"
            db.session.add(EqualityResponse(organisation_id=twin.id, vacancy_id=twin_vacancy[vacancy_id], month=MONTH, **answers))
        db.session.commit()
    if_no = published(app, twin.id)

    assert _exact(app, employer.id, "disability") != _exact(app, twin.id, "disability")
    assert if_yes == if_no
    # What does move is a step of whole fives, made by the group.
    assert figure(app, employer.id, "disability", "Yes") == figure(app, twin.id, "disability", "Yes") == 5
    assert (figure(app, employer.id, "disability", "No") - dict(dict(before)["disability"])["No"]) % equality.ROUNDED_TO == 0


def _exact(app, organisation_id: int, question: str) -> dict[str | None, int]:
    with app.app_context():
        counts: dict[str | None, int] = {}
        for value in db.session.scalars(select(getattr(EqualityResponse, question))
                                        .where(EqualityResponse.organisation_id == organisation_id)):
            counts[value] = counts.get(value, 0) + 1
        return counts


# The rules the defence is made of

@pytest.mark.parametrize("count, shown", [(0, 0), (2, 0), (3, 5), (5, 5), (7, 5), (8, 10), (12, 10), (13, 15)])
def test_figures_are_rounded_to_the_nearest_5(count, shown):
    assert equality.rounded(count) == shown


def test_one_person_more_in_a_count_mostly_does_not_show():
    """Of every count from 5 to 104, one more person changes the figure shown only at a rounding
    boundary: one time in five."""
    changes = sum(equality.rounded(count + 1) != equality.rounded(count) for count in range(5, 105))
    assert changes == 20


def test_the_page_explains_in_plain_words_why_numbers_are_rounded(recruiter, closed_vacancy_with):
    closed_vacancy_with([{"disability": "no"}] * 7)
    page = report_page(recruiter)
    assert "Every number is rounded to the nearest 5" in page
    assert "one person more or less will not show" in page
    assert "A vacancy is only included once it has closed with answers from at least 5 people" in page
    assert "About 5 people answered at least one question" in page
