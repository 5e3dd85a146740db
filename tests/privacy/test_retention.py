from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta
from sqlalchemy import func, select

from portal.applications.models import Application, ApplicationNote, ApplicationStatusChange
from portal.extensions import db
from portal.storage import StoredFile
from tests.privacy.helpers import make_application, object_exists


def _purge(app):
    result = app.test_cli_runner().invoke(args=["privacy", "purge-applications"])
    assert result.exit_code == 0, result.output
    return result.output


def _remaining(app, model):
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model))


def test_only_applications_for_vacancies_closed_longer_than_the_period_go(app, make_user, make_organisation,
                                                                          make_vacancy, make_recruiter):
    organisation = make_organisation()
    recruiter = make_recruiter(organisation)
    now = datetime.now()
    thirteen_months_ago = now - relativedelta(months=13)
    closed_long_ago = make_vacancy(organisation, status="closed", closed_at=thirteen_months_ago,
                                   closing_date=thirteen_months_ago.date() + timedelta(days=10))
    ran_out_long_ago = make_vacancy(organisation, closing_date=thirteen_months_ago.date())
    closed_recently = make_vacancy(organisation, status="closed", closed_at=now - relativedelta(months=11),
                                   closing_date=date.today() - relativedelta(months=14))
    still_open = make_vacancy(organisation)
    applicant = make_user()
    old = [make_application(app, applicant, vacancy, note_by=recruiter) for vacancy in (closed_long_ago, ran_out_long_ago)]
    kept = [make_application(app, applicant, vacancy, note_by=recruiter) for vacancy in (closed_recently, still_open)]

    output = _purge(app)
    assert "applications: 2 deleted" in output
    assert "(12 months ago)" in output
    with app.app_context():
        remaining = set(db.session.scalars(select(Application.id)))
        assert remaining == {application["id"] for application in kept}
        assert set(db.session.scalars(select(ApplicationNote.application_id))) == remaining
        assert set(db.session.scalars(select(ApplicationStatusChange.application_id))) == remaining
        assert _remaining(app, StoredFile) == 2
    assert not any(object_exists(app, application["cv_key"]) for application in old)
    assert all(object_exists(app, application["cv_key"]) for application in kept)

    assert "applications: 0 deleted" in _purge(app)
    assert _remaining(app, Application) == 2


def test_the_period_comes_from_config(app, make_user, make_organisation, make_vacancy, monkeypatch):
    organisation = make_organisation()
    vacancy = make_vacancy(organisation, status="closed", closed_at=datetime.now() - relativedelta(months=4),
                           closing_date=date.today() - relativedelta(months=4))
    make_application(app, make_user(), vacancy, cv=None)
    assert "applications: 0 deleted" in _purge(app)
    monkeypatch.setitem(app.config, "APPLICATION_RETENTION_MONTHS", 3)
    assert "applications: 1 deleted" in _purge(app)
    assert _remaining(app, Application) == 0
