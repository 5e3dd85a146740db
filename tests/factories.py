"""Factories for test data, as pytest fixtures. Each call commits and returns a detached object whose
columns are loaded; read relationships inside ``with app.app_context()`` from a fresh query."""
from __future__ import annotations

import io
import itertools
from datetime import date, timedelta

import pyotp
import pytest
from sqlalchemy import update
from werkzeug.datastructures import FileStorage

from portal.accounts.models import User
from portal.accounts.passwords import hash_password
from portal.accounts.roles import Role
from portal.employers.models import Organisation, OrganisationStatus, Site
from portal.employers.services import LOGO_PURPOSE, MAX_LOGO_BYTES
from portal.extensions import db
from portal.storage import save_image
from portal.time import utcnow
from portal.twofactor.models import TwoFactorSecret
from portal.vacancies.models import Vacancy, VacancyStatus
from tests.storage.samples import IMAGE_PNG

PASSWORD = "correct horse battery staple"
TWO_FACTOR_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
_sequence = itertools.count(1)


def _save(app, obj):
    with app.app_context():
        db.session.add(obj)
        db.session.commit()
        db.session.refresh(obj)
        db.session.expunge(obj)
    return obj


@pytest.fixture
def make_user(app):
    def make(email=None, full_name="Sam Taylor", roles=(Role.JOB_SEEKER,), organisation=None, password=None):
        n = next(_sequence)
        with app.app_context():
            password_hash = hash_password(password or PASSWORD)
        user = User(
            email=email or f"person{n}@example.org",
            full_name=full_name,
            password_hash=password_hash,
            organisation_id=organisation.id if organisation else None,
        )
        for role in roles:
            user.grant(role)
        return _save(app, user)

    return make


@pytest.fixture
def make_organisation(app):
    def make(name=None, sector_code="home_care", status=OrganisationStatus.APPROVED, town="Loughborough",
             postcode="LE11 1AA", latitude=52.7721, longitude=-1.2062, **fields):
        n = next(_sequence)
        organisation = Organisation(
            name=name or f"Charnwood Home Care {n}",
            slug=f"organisation-{n}",
            sector_code=sector_code,
            status=str(status),
            about=fields.pop("about", "A home care agency supporting people to live well at home."),
            website=fields.pop("website", "https://example.org"),
            sites=[Site(name="Head office", town=town, postcode=postcode, latitude=latitude, longitude=longitude)],
            **fields,
        )
        return _save(app, organisation)

    return make


@pytest.fixture
def make_logo(app):
    """A logo in the app's storage, as an upload leaves it: ``make_organisation(logo_id=make_logo().id)``."""
    def make(data=IMAGE_PNG, filename="logo.png"):
        with app.app_context():
            stored = save_image(FileStorage(io.BytesIO(data), filename), owner_id=None,
                                purpose=LOGO_PURPOSE, max_bytes=MAX_LOGO_BYTES, called="logo")
            db.session.commit()
            db.session.refresh(stored)
            db.session.expunge(stored)
        return stored

    return make


@pytest.fixture
def make_recruiter(make_user):
    def make(organisation, **kwargs):
        return make_user(roles=(Role.RECRUITER,), organisation=organisation, **kwargs)

    return make


def turn_on_two_factor(app, user) -> None:
    """Two-step sign-in on for ``user``, with the authenticator secret ``TWO_FACTOR_SECRET``."""
    _save(app, TwoFactorSecret(user_id=user.id, secret=TWO_FACTOR_SECRET, confirmed_at=utcnow()))


@pytest.fixture
def make_admin(app, make_user):
    """An admin with two-step sign-in on, as every admin must have it."""

    def make(**kwargs):
        admin = make_user(roles=(Role.ADMIN,), full_name="Alex Admin", **kwargs)
        turn_on_two_factor(app, admin)
        return admin

    return make


@pytest.fixture
def make_vacancy(app):
    def make(organisation, **fields):
        n = next(_sequence)
        with app.app_context():
            sites = db.session.get(Organisation, organisation.id).sites
            values = dict(
                slug=f"care-worker-{n}",
                title="Care Worker",
                role_code="care_worker",
                sector_code=organisation.sector_code,
                contract_type="permanent",
                working_time="full_time",
                hours_per_week=37.5,
                pay_min=12.6,
                pay_max=13.5,
                pay_period="hour",
                closing_date=date.today() + timedelta(days=30),
                summary="Support people to live well in their own homes.",
                description="## About the role\n\nYou will visit people in their homes.",
                requirements="- Kindness",
                benefits="- Paid mileage",
                status=VacancyStatus.PUBLISHED.value,
                apply_method="external",
                apply_url="https://jobs.example.org/apply/1",
            )
            values.update(fields)
            if values["status"] == VacancyStatus.PUBLISHED and "published_at" not in fields:
                from portal.time import utcnow

                values["published_at"] = utcnow()
            vacancy = Vacancy(organisation_id=organisation.id, sites=list(sites), **values)
            db.session.add(vacancy)
            db.session.commit()
            db.session.refresh(vacancy)
            db.session.expunge(vacancy)
        return vacancy

    return make


@pytest.fixture
def site_ids(app):
    def read(organisation) -> list[int]:
        with app.app_context():
            return [site.id for site in db.session.get(Organisation, organisation.id).sites]

    return read


@pytest.fixture
def recruiter_client(app, make_organisation, make_recruiter):
    """A client signed in as a recruiter of a new approved organisation; returns (client, organisation)."""

    def make(**organisation_fields):
        organisation = make_organisation(**organisation_fields)
        client = app.test_client()
        sign_in(client, make_recruiter(organisation))
        return client, organisation

    return make


@pytest.fixture
def admin_client(app, make_admin):
    """A client signed in as a system admin."""
    client = app.test_client()
    sign_in(client, make_admin())
    return client


def sign_in(client, user, password=PASSWORD):
    """Sign in with the password and, when the password is right and the person has two-step sign-in on,
    a code from ``TWO_FACTOR_SECRET``."""
    response = client.post("/sign-in", data={"email": user.email, "password": password})
    if response.status_code == 302 and response.location.startswith("/sign-in/code"):
        with client.application.app_context():
            # Signing the same person in twice within 30 seconds would otherwise reuse a code, which is refused.
            db.session.execute(update(TwoFactorSecret).where(TwoFactorSecret.user_id == user.id).values(last_used_step=None))
            db.session.commit()
        response = client.post(response.location, data={"code": pyotp.TOTP(TWO_FACTOR_SECRET).now()})
    return response


@pytest.fixture
def careers_content(app):
    """The careers content loaded from the repository's files and published, as the public pages read it."""
    from portal.careers.services import load_content_files, published_content

    with app.app_context():
        load_content_files()
        db.session.commit()
        return published_content()
