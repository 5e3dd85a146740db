"""A record's status: valid, expiring within 60 days, expired on its expiry day; calendar months from
29 February; an employer's shorter refresher period."""
from datetime import date

import pytest

from portal.accounts.models import User
from portal.extensions import db
from portal.passport import catalogue, services
from portal.passport.models import TrainingRecord
from portal.passport.status import Status, expiry_date, record_status


def _record(_app, record_id):
    return db.session.get(TrainingRecord, record_id)


def test_fire_safety_expires_after_its_two_year_refresher(app, make_user, make_record):
    record = make_record(make_user(), "fire_safety", "1", completed_on=date(2024, 3, 10))
    with app.app_context():
        record = _record(app, record.id)
        assert expiry_date(record) == date(2026, 3, 10)
        assert record_status(record, date(2026, 1, 8)).status == Status.VALID  # 61 days before
        assert record_status(record, date(2026, 1, 9)).status == Status.EXPIRING  # exactly 60 days before
        assert record_status(record, date(2026, 3, 9)).status == Status.EXPIRING  # the last valid day
        assert record_status(record, date(2026, 3, 10)).status == Status.EXPIRED  # the expiry day itself
        assert record_status(record, date(2026, 3, 11)).status == Status.EXPIRED


@pytest.mark.parametrize(("competence", "level", "expected"), [
    ("information_governance", "1", date(2025, 2, 28)),  # 12 months from 29 February: no 29th next year
    ("fire_safety", "1", date(2026, 2, 28)),
    ("conflict_resolution", "1", date(2027, 2, 28)),
])
def test_training_on_29_february_expires_at_the_end_of_february(app, make_user, make_record, competence, level, expected):
    record = make_record(make_user(), competence, level, completed_on=date(2024, 2, 29))
    with app.app_context():
        record = _record(app, record.id)
        assert expiry_date(record) == expected
        assert record_status(record, expected).status == Status.EXPIRED
        assert record_status(record, date.fromordinal(expected.toordinal() - 1)).status == Status.EXPIRING


def test_four_years_from_29_february_lands_on_29_february(app, make_user, make_record):
    record = make_record(make_user(), "fire_safety", "1", completed_on=date(2024, 2, 29))
    with app.app_context():
        competence = catalogue.get_competence("fire_safety")
        competence.levels[0].validity_months = 48
        db.session.flush()
        assert expiry_date(_record(app, record.id)) == date(2028, 2, 29)
        db.session.rollback()


def test_levels_have_their_own_refresher_periods(app, make_user, make_record):
    holder = make_user()
    level_1 = make_record(holder, "infection_prevention_control", "1", completed_on=date(2025, 1, 15))
    level_2 = make_record(holder, "infection_prevention_control", "2", completed_on=date(2025, 1, 15))
    with app.app_context():
        assert expiry_date(_record(app, level_1.id)) == date(2028, 1, 15)
        assert expiry_date(_record(app, level_2.id)) == date(2026, 1, 15)


def test_an_employers_shorter_period_judges_records_for_that_employer_only(app, make_user, make_organisation, make_record):
    holder = make_user()
    strict, other = make_organisation(name="Strict Care"), make_organisation(name="Other Care")
    make_record(holder, "fire_safety", "1", completed_on=date(2025, 6, 1))
    with app.app_context():
        catalogue.set_organisation_refresher(strict.id, catalogue.get_competence("fire_safety"), 12)
        db.session.commit()
        user = db.session.get(User, holder.id)
        today = date(2026, 6, 1)
        strict_view = services.passport(user, today, strict.id).lines[0].status
        other_view = services.passport(user, today, other.id).lines[0].status
        own_view = services.passport(user, today).lines[0].status
    assert (strict_view.status, strict_view.expires_on) == (Status.EXPIRED, date(2026, 6, 1))
    assert (other_view.status, other_view.expires_on) == (Status.VALID, date(2027, 6, 1))
    assert own_view == other_view


def test_an_employer_period_must_be_shorter_than_the_standard(app, make_organisation):
    organisation = make_organisation()
    with app.app_context():
        competence = catalogue.get_competence("fire_safety")
        with pytest.raises(catalogue.RefresherTooLong):
            catalogue.set_organisation_refresher(organisation.id, competence, 24)
        with pytest.raises(catalogue.RefresherTooLong):
            catalogue.set_organisation_refresher(organisation.id, catalogue.get_competence("nmc_registration"), 6)
        catalogue.set_organisation_refresher(organisation.id, competence, 23)
        assert catalogue.organisation_refreshers(organisation.id) == {"fire_safety": 23}
        catalogue.set_organisation_refresher(organisation.id, competence, None)
        assert catalogue.organisation_refreshers(organisation.id) == {}


def test_a_registration_expires_on_the_date_entered(app, make_user, make_record):
    record = make_record(make_user(), "nmc_registration", None, completed_on=date(2024, 5, 1), expires_on=date(2027, 4, 30))
    with app.app_context():
        assert expiry_date(_record(app, record.id)) == date(2027, 4, 30)


def test_care_certificate_standards_do_not_expire(app, make_user, make_record):
    record = make_record(make_user(), "cc_03_duty_of_care", None, completed_on=date(2015, 1, 1))
    with app.app_context():
        status = record_status(_record(app, record.id), date(2026, 11, 29))
    assert (status.status, status.expires_on) == (Status.VALID, None)


def test_a_newer_record_supersedes_the_older_one_of_the_same_level(app, make_user, make_record):
    holder = make_user()
    older = make_record(holder, "moving_handling", "2", completed_on=date(2023, 1, 1))
    make_record(holder, "moving_handling", "1", completed_on=date(2023, 6, 1))
    newer = make_record(holder, "moving_handling", "2", completed_on=date(2025, 1, 1))
    with app.app_context():
        lines = services.passport(db.session.get(User, holder.id), date(2025, 2, 1)).lines
        assert sorted(line.record.id for line in lines if line.record.level_code == "2") == [newer.id]
        assert len(lines) == 2
        assert _record(app, older.id).superseded_at is not None


def test_role_check_shows_what_is_missing(app, make_user, make_record):
    holder = make_user()
    make_record(holder, "moving_handling", "1", completed_on=date.today())  # care workers need level 2
    make_record(holder, "fire_safety", "1", completed_on=date.today())
    make_record(holder, "conflict_resolution", "1", completed_on=date(2000, 1, 1))  # long expired
    with app.app_context():
        checks = {check.requirement.competence_code: check for check in
                  services.check_role(services.passport(db.session.get(User, holder.id), date.today()), "care_worker")}
    assert checks["fire_safety"].met
    assert not checks["moving_handling"].met
    assert not checks["conflict_resolution"].met
    assert not checks["cc_03_duty_of_care"].met
