"""Sending an application, with what the applicant asked for alongside it, in one transaction.

The application, the contact details saved to the profile, the passport shared with the employer and
the draft kept while signing in are written together or not at all: any refusal rolls all of them back.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from portal.accounts.models import User
from portal.applications import notices, services
from portal.applications.models import Application
from portal.applications.services import AlreadyApplied, ApplicationDetails, ApplicationRefused
from portal.extensions import db
from portal.passport.services import has_records
from portal.passport.sharing import share_with_organisation
from portal.profiles.services import ContactDetails, update_contact_details
from portal.storage import UploadRejected
from portal.vacancies.models import Vacancy


@dataclass
class Extras:
    """What the applicant asked for besides the application itself."""

    # Saved to the applicant's profile for next time, when given.
    contact_details: ContactDetails | None = None
    # Share the passport with the employer (only if the applicant holds one), until the application
    # ends unless ``keep_sharing``.
    share_passport: bool = False
    keep_sharing: bool = False
    # The draft kept while the applicant signed in, deleted once the application is sent.
    draft_token: str | None = None


@dataclass
class Outcome:
    """What became of sending. ``application`` is the one sent, or the one sent before when
    ``already_applied``; ``refusal`` says why the vacancy did not take it; ``rejected_upload`` says why
    the CV was not accepted, for the form to show beside the file."""

    application: Application | None = None
    already_applied: bool = False
    refusal: ApplicationRefused | None = None
    rejected_upload: UploadRejected | None = None

    @property
    def sent(self) -> bool:
        return self.application is not None and not self.already_applied


def send_application(vacancy: Vacancy, applicant: User, details: ApplicationDetails, extras: Extras,
                     today: date) -> Outcome:
    """Send the application and commit, or roll everything back and say why not."""
    try:
        application = services.submit_application(vacancy.id, applicant, details, today)
        if extras.contact_details is not None:
            update_contact_details(applicant.id, extras.contact_details)
        if extras.share_passport and has_records(applicant.id):
            share_with_organisation(applicant, vacancy.organisation, application.id,
                                    keep_after_application=extras.keep_sharing)
        services.discard_draft(extras.draft_token)
    except AlreadyApplied:
        db.session.rollback()
        return Outcome(application=services.find_application(vacancy.id, applicant.id), already_applied=True)
    except ApplicationRefused as refusal:
        db.session.rollback()
        # Refused for being full: a vacancy whose maximum was lowered below what it had received closes.
        services.close_full_vacancy(vacancy.id)
        db.session.commit()
        return Outcome(refusal=refusal)
    except UploadRejected as rejection:
        db.session.rollback()
        return Outcome(rejected_upload=rejection)
    # Queued in the same transaction as the application: the mail outbox sends them once it commits.
    services.notify_submitted(application)
    notices.send_at_once(application)
    db.session.commit()
    return Outcome(application=application)
