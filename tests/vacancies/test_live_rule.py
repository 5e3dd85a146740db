"""The one rule for a live vacancy: the same answer on a loaded row and as a condition in a query."""
from __future__ import annotations

import itertools
from datetime import date, timedelta

from sqlalchemy import select

from portal.employers.models import OrganisationStatus
from portal.extensions import db
from portal.vacancies.models import Vacancy, VacancyStatus

TODAY = date(2026, 6, 15)


def test_python_and_sql_agree_on_open_listed_and_live_vacancies(app, make_organisation, make_vacancy):
    expected_live = set()
    for organisation_status in OrganisationStatus:
        organisation = make_organisation(status=organisation_status)
        for status, days in itertools.product(VacancyStatus, (-1, 0, 1)):
            vacancy = make_vacancy(organisation, status=status.value, closing_date=TODAY + timedelta(days=days))
            if (organisation_status, status, days >= 0) == (OrganisationStatus.APPROVED, VacancyStatus.PUBLISHED, True):
                expected_live.add(vacancy.id)
    with app.app_context():
        vacancies = db.session.scalars(select(Vacancy)).all()
        assert len(vacancies) == 27
        for rule, in_python in (
            (Vacancy.is_live(TODAY), lambda vacancy: vacancy.is_live(TODAY)),
            (Vacancy.is_open(TODAY), lambda vacancy: vacancy.is_open(TODAY)),
            (Vacancy.is_listed, lambda vacancy: vacancy.is_listed),
        ):
            in_sql = set(db.session.scalars(select(Vacancy.id).where(rule)))
            assert in_sql == {vacancy.id for vacancy in vacancies if in_python(vacancy)}
        assert {vacancy.id for vacancy in vacancies if vacancy.is_live(TODAY)} == expected_live
        assert len({vacancy.id for vacancy in vacancies if vacancy.is_open(TODAY)}) == 6
        assert len({vacancy.id for vacancy in vacancies if vacancy.is_listed}) == 3


def test_a_vacancy_is_live_on_its_closing_date_and_not_the_day_after(app, make_organisation, make_vacancy):
    vacancy = make_vacancy(make_organisation(), closing_date=TODAY)
    with app.app_context():
        row = db.session.get(Vacancy, vacancy.id)
        assert row.is_live(TODAY) and not row.is_live(TODAY + timedelta(days=1))
        assert db.session.scalar(select(Vacancy.id).where(Vacancy.is_live(TODAY))) == vacancy.id
        assert db.session.scalar(select(Vacancy.id).where(Vacancy.is_live(TODAY + timedelta(days=1)))) is None
