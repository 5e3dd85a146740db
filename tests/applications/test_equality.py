"""Equality monitoring: answers kept apart from applications, reported only in aggregate."""
from __future__ import annotations

from portal.applications import equality
from portal.applications.models import EqualityResponse
from portal.extensions import db
from portal.vacancies.models import Vacancy


def _close(app, vacancy_id):
    with app.app_context():
        db.session.get(Vacancy, vacancy_id).status = "closed"
        db.session.commit()


def test_answers_are_stored_with_nothing_that_links_them_to_a_person():
    columns = set(EqualityResponse.__table__.columns.keys())
    assert columns == {"id", "organisation_id", "vacancy_id", "month", *equality.QUESTION_NAMES}
    assert not any(fk.column.table.name in {"users", "applications"} for fk in EqualityResponse.__table__.foreign_keys)


def test_each_question_has_prefer_not_to_say():
    for question in equality.QUESTIONS:
        assert question.choices[-1] == (equality.PREFER_NOT_TO_SAY, "Prefer not to say")


def test_answers_are_stored_apart_from_the_application(vacancy, applicant, equality_rows, employer):
    application = applicant(vacancy, ethnic_group="white", disability="no")
    [row] = equality_rows()
    assert (row.vacancy_id, row.organisation_id) == (vacancy.id, employer.id)
    assert (row.ethnic_group, row.disability, row.age_band) == ("white", "no", "25_34")
    assert row.month.day == 1
    assert len(row.id) == 32 and row.id != str(application.id)


def test_nothing_is_stored_when_every_question_is_skipped(vacancy, applicant, equality_rows):
    applicant(vacancy, age_band=None, sex=None)
    assert equality_rows() == []


def test_an_answer_that_is_not_offered_is_refused(seeker_client, vacancy, apply, applications):
    page = apply(seeker_client, vacancy, religion="pastafarian").get_data(as_text=True)
    assert "Select one of the answers, or leave the question unanswered" in page
    assert applications(vacancy.id) == []


def test_the_recruiter_never_sees_one_persons_answers(recruiter_of, employer, vacancy, applicant):
    application = applicant(vacancy, sexual_orientation="bisexual", religion="sikh")
    client = recruiter_of(employer)
    for path in (f"/recruiter/applications/{application.id}", f"/recruiter/vacancies/{vacancy.id}/applications",
                 f"/recruiter/vacancies/{vacancy.id}/applications.csv"):
        page = client.get(path).get_data(as_text=True)
        assert "Bisexual" not in page and "bisexual" not in page and "Sikh" not in page


def test_small_counts_are_hidden_and_one_hidden_count_takes_another_with_it():
    assert equality.suppress([12, 7, 0, 0]) == [12, 7, None, None]
    assert equality.suppress([12, 7, 3]) == [12, None, None]
    assert equality.suppress([12, 7, 5]) == [12, 7, 5]
    # A lone hidden 3 could be worked out from the total, so the 7 is hidden too.
    assert equality.suppress([12, 7, 3, 9]) == [12, None, None, 9]
    assert equality.suppress([3]) == [None]


def test_the_report_counts_every_answer_including_not_answered():
    responses = [{"sex": "female"}] * 6 + [{"sex": "male"}] * 5 + [{"sex": "prefer_not_to_say"}] * 5 + [{}] * 5
    [_, sex, *_] = equality.build_report(responses)
    assert [(answer.label, answer.count) for answer in sex.answers] == [
        ("Female", 5), ("Male", 5), ("Prefer not to say", 5), ("Not answered", 5),
    ]


def test_an_open_vacancy_shows_no_figures(recruiter_of, employer, vacancy, applicant):
    for _ in range(6):
        applicant(vacancy)
    page = recruiter_of(employer).get(f"/recruiter/vacancies/{vacancy.id}/equality").get_data(as_text=True)
    assert "This vacancy is still open" in page
    assert "25 to 34" not in page


def test_a_closed_vacancy_with_fewer_than_5_responses_shows_no_figures(app, recruiter_of, employer, vacancy, applicant):
    for _ in range(4):
        applicant(vacancy)
    _close(app, vacancy.id)
    page = recruiter_of(employer).get(f"/recruiter/vacancies/{vacancy.id}/equality").get_data(as_text=True)
    assert "Fewer than 5 people have answered" in page
    assert "25 to 34" not in page


def test_a_closed_vacancy_shows_counts_with_small_ones_hidden(app, recruiter_of, employer, vacancy, applicant):
    for _ in range(6):
        applicant(vacancy, age_band="25_34", ethnic_group="white")
    applicant(vacancy, age_band="55_64", ethnic_group="asian")
    _close(app, vacancy.id)
    page = recruiter_of(employer).get(f"/recruiter/vacancies/{vacancy.id}/equality").get_data(as_text=True)
    assert "About 5 people answered at least one question" in page
    assert "Any answer given by fewer than 5 people is shown as" in page
    assert "Every number is rounded to the nearest 5" in page
    assert ">5<" in page.replace(" ", "").replace("\n", "")
    assert ">6<" not in page.replace(" ", "").replace("\n", "")
    assert "fewer than 5" in page
    assert ">1<" not in page.replace(" ", "").replace("\n", "")
