"""Passport factories as pytest fixtures: the catalogue, and records, employments and shares made
through the services, so each has its audit entries as in real use."""
from __future__ import annotations

from datetime import date

import pytest

from portal.accounts.models import User
from portal.employers.models import Organisation
from portal.extensions import db
from portal.passport import services, sharing
from portal.passport.catalogue import load_catalogue
from portal.passport.models import Method, TrainingRecord


def date_fields(name, value):
    """A date as the three boxes of the date input named ``name`` post it."""
    return {f"{name}-day": str(value.day), f"{name}-month": str(value.month), f"{name}-year": str(value.year)}


@pytest.fixture
def catalogue(app):
    with app.app_context():
        load_catalogue()
        db.session.commit()


@pytest.fixture
def make_record(app):
    """make_record(holder, "fire_safety", level="1", completed_on=date(...), verified_by=(organisation, user))"""

    def make(holder, competence_code="fire_safety", level="1", completed_on=None, expires_on=None,
             provider="Skills for Care e-learning", method=Method.E_LEARNING.value, verified_by=None):
        details = services.RecordDetails(
            competence_code=competence_code, level_code=level, completed_on=completed_on or date.today(),
            expires_on=expires_on, provider=provider, method=method,
        )
        with app.app_context():
            user = db.session.get(User, holder.id)
            record = services.add_record(user, details)
            if verified_by is not None:
                organisation, verifier = verified_by
                services.verify_record(record, db.session.get(Organisation, organisation.id), db.session.get(User, verifier.id))
            db.session.commit()
            record = db.session.get(TrainingRecord, record.id)
            db.session.expunge(record)
        return record

    return make


@pytest.fixture
def make_employment(app):
    def make(holder, organisation, job_title="Care worker", started_on=date(2024, 1, 1), ended_on=None, confirmed=True):
        with app.app_context():
            employment = services.add_employment(db.session.get(User, holder.id), services.EmploymentDetails(
                organisation_id=organisation.id, job_title=job_title, started_on=started_on,
                ended_on=ended_on, confirmed=confirmed,
            ))
            db.session.commit()
            employment_id = employment.id
        return employment_id

    return make


@pytest.fixture
def share_with(app):
    def share(holder, organisation):
        with app.app_context():
            created = sharing.share_with_organisation(db.session.get(User, holder.id), db.session.get(Organisation, organisation.id))
            db.session.commit()
            return created.id

    return share


@pytest.fixture
def make_link(app):
    def make(holder, label="For my new employer", days=30):
        with app.app_context():
            share, token = sharing.create_link(db.session.get(User, holder.id), label, days)
            db.session.commit()
            return share.id, token

    return make
