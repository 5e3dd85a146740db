"""Rows of other domains built directly through their models, for the privacy tests."""
from __future__ import annotations

import io
import json
from datetime import date, datetime

from werkzeug.datastructures import FileStorage

from portal.alerts.models import AlertDelivery, JobAlert
from portal.applications.models import Application, ApplicationNote, ApplicationStatusChange
from portal.extensions import db
from portal.profiles.models import Qualification, SavedVacancy, SeekerProfile, WorkHistory
from portal.storage import get_storage, save_upload
from tests.storage.samples import PDF


def store(user_id: int, data: bytes = PDF, filename: str = "cv.pdf", purpose: str = "cv"):
    """A stored file owned by the user; call inside an app context, then commit."""
    return save_upload(FileStorage(io.BytesIO(data), filename=filename), owner_id=user_id, purpose=purpose)


def make_application(app, user, vacancy, *, note_by=None, cv: bytes | None = PDF, submitted_at: datetime | None = None) -> dict:
    """An application with a CV copy, two status changes and optionally a recruiter's note; returns
    its id and its CV's storage key."""
    with app.app_context():
        application = Application(
            vacancy_id=vacancy.id, user_id=user.id, full_name=user.full_name, email=user.email,
            phone="07700 900982", address_line_1="1 High Street", town="Oakham", postcode="LE15 6AA",
            supporting_statement="I have cared for my grandmother for three years.", right_to_work="yes",
            status="shortlisted",
        )
        if submitted_at:
            application.submitted_at = submitted_at
        if cv is not None:
            application.cv = store(user.id, cv, "application cv.pdf", purpose="application_cv")
        application.history = [ApplicationStatusChange(status="new", changed_by_id=user.id),
                               ApplicationStatusChange(status="shortlisted", changed_by_id=note_by.id if note_by else None)]
        if note_by is not None:
            application.notes = [ApplicationNote(author_id=note_by.id, body="Strong candidate")]
        db.session.add(application)
        db.session.commit()
        return {"id": application.id, "cv_key": application.cv.key if application.cv else None}


def make_alert(app, email: str, user=None, label: str = "Care worker jobs near Leicester", vacancy=None) -> int:
    with app.app_context():
        alert = JobAlert(user_id=user.id if user else None, email=email, label=label,
                         query=json.dumps({"q": "care worker", "location": "Leicester"}),
                         confirmed_at=datetime(2025, 1, 5, 9, 30))
        db.session.add(alert)
        db.session.flush()
        if vacancy is not None:
            db.session.add(AlertDelivery(alert_id=alert.id, vacancy_id=vacancy.id, state="sent"))
        db.session.commit()
        return alert.id


def fill_profile(app, user, vacancy=None) -> str:
    """Contact details, a job, a qualification, a default CV and a saved vacancy; returns the CV's key."""
    with app.app_context():
        cv = store(user.id, PDF, "My CV.pdf")
        db.session.add_all([
            SeekerProfile(user_id=user.id, phone="0116 496 0000", address_line_1="2 London Road", town="Leicester",
                          postcode="LE2 0QB", default_cv=cv),
            WorkHistory(user_id=user.id, employer="Rutland House", job_title="Care Assistant", start_date=date(2019, 3, 1)),
            Qualification(user_id=user.id, title="Level 2 Diploma in Care", awarding_body="City & Guilds", awarded_year=2021),
        ])
        if vacancy is not None:
            db.session.add(SavedVacancy(user_id=user.id, vacancy_id=vacancy.id))
        db.session.commit()
        return cv.key


def object_exists(app, key: str) -> bool:
    with app.app_context():
        return get_storage().exists(key)
