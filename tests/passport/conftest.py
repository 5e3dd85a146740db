"""Every passport test starts with the catalogue loaded; a holder, a verifier and signing for the
credential tests."""
import pytest

from portal.extensions import db
from portal.passport import credentials, services
from portal.passport.models import TrainingRecord


@pytest.fixture(autouse=True)
def _catalogue_loaded(catalogue):
    return catalogue


@pytest.fixture
def verifier(make_organisation, make_recruiter):
    organisation = make_organisation(name="Quorn Care")
    return organisation, make_recruiter(organisation, full_name="Jo Recruiter")


@pytest.fixture
def holder(make_user):
    return make_user(full_name="Priya Shah", email="priya@example.org")


@pytest.fixture
def sign(app):
    """sign(record): the signed credential of the record's live credential."""

    def sign(record):
        with app.app_context():
            credential = services.live_credential(db.session.get(TrainingRecord, record.id))
            return credentials.signed_credential(credential)

    return sign
