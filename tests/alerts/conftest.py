"""Helpers for job alert tests: alerts made straight through the service, digest runs at a chosen time."""
from __future__ import annotations

import re
from datetime import timedelta

import pytest
from werkzeug.datastructures import MultiDict

from portal.accounts.models import User
from portal.alerts import services
from portal.alerts.models import AlertDelivery, JobAlert
from portal.extensions import db
from portal.jobsearch.params import parse_search_args
from portal.time import utcnow

JOB_LINK = re.compile(r"/jobs/(\d+)/")
CONFIRM_LINK = re.compile(r"http://localhost(/alerts/confirm/\S+)")
OAKHAM = dict(town="Oakham", postcode="LE15 6AA", latitude=52.6706, longitude=-0.7272)


@pytest.fixture
def employer(make_organisation):
    return make_organisation(name="Charnwood Care Home")


@pytest.fixture
def make_alert(app):
    """make_alert(recipient, frequency="daily", confirmed=True, **search) -> alert id.

    ``recipient`` is a user (signed in) or an email address."""

    def make(recipient, frequency="daily", confirmed=True, **search):
        with app.app_context():
            params = parse_search_args(MultiDict(search)).params
            if not isinstance(recipient, str):
                recipient = db.session.get(User, recipient.id)
            alert, _ = services.create_alert(params, frequency, recipient)
            if confirmed:
                services.confirm_alert(alert)
            db.session.commit()
            return alert.id

    return make


@pytest.fixture
def run_digests(app):
    """Run the digest service as the scheduler would, ``days`` from now."""

    def run(days=1, **options):
        with app.app_context():
            return services.send_due_digests(utcnow() + timedelta(days=days), **options)

    return run


@pytest.fixture
def deliveries(app):
    """{(alert id, vacancy id): state} for every ledger row."""

    def read():
        with app.app_context():
            return {
                (row.alert_id, row.vacancy_id): row.state for row in db.session.scalars(db.select(AlertDelivery))
            }

    return read


@pytest.fixture
def get_alert(app):
    def get(alert_id):
        with app.app_context():
            alert = db.session.get(JobAlert, alert_id)
            if alert is not None:
                db.session.expunge(alert)
            return alert

    return get


def text_part(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def html_part(message) -> str:
    return message.get_body(preferencelist=("html",)).get_content()


def jobs_in(message) -> list[int]:
    """The vacancy ids a digest links to, in order."""
    return [int(found) for found in JOB_LINK.findall(text_part(message))]


def digests(messages, to=None) -> list:
    """The digest emails among ``messages`` (not confirmation requests), optionally to one address."""
    return [m for m in messages if " new job" in m["Subject"] and (to is None or m["To"] == to)]


def sent_pairs(messages) -> list[tuple[str, int]]:
    """(recipient, vacancy id) for every job in every digest."""
    return [(m["To"], vacancy_id) for m in digests(messages) for vacancy_id in jobs_in(m)]


def confirm_path(message) -> str:
    """The path of the confirmation link in a confirmation email."""
    return CONFIRM_LINK.search(text_part(message)).group(1)
