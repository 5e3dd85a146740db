"""Applications through the portal: applying, withdrawing, and recruiters working through applicants."""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from flask import url_for
from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload
from werkzeug.datastructures import FileStorage

from portal.accounts.models import User
from portal.applications import equality, notices
from portal.applications.models import (
    IDENTITY_REVEALING_STATUSES,
    NOTIFIED_STATUSES,
    RECRUITER_STATUSES,
    RIGHT_TO_WORK_LABELS,
    Application,
    ApplicationDraft,
    ApplicationNote,
    ApplicationStatus,
    ApplicationStatusChange,
    EqualityResponse,
)
from portal.audit.services import organisation_scoped
from portal.extensions import db
from portal.mail import send_email
from portal.passport.models import ShareEndReason
from portal.passport.sharing import end_application_shares
from portal.refusals import Conflict
from portal.storage import StorageUnavailable, StoredFile, UploadRejected, read_bytes, save_upload
from portal.time import utcnow
from portal.vacancies import services as vacancy_services
from portal.vacancies.models import ApplyMethod, Vacancy, VacancyStatus


CV_PURPOSE = "application_cv"
DRAFT_LIFETIME = timedelta(days=1)
# Characters that make a spreadsheet read a cell as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


class ApplicationRefused(Conflict):
    """The vacancy does not take this application; the message tells the applicant why."""


class AlreadyApplied(Conflict):
    """The person has applied for this vacancy before (perhaps a moment ago, in another tab)."""

    message = "You have already applied for this job."


class StatusChangeRefused(Conflict):
    """The message tells the recruiter why."""


@dataclass
class ApplicationDetails:
    full_name: str
    email: str
    phone: str
    address_line_1: str
    address_line_2: str
    town: str
    postcode: str
    supporting_statement: str
    right_to_work: str
    # A new file, or None to send a copy of the CV saved on the applicant's profile (or, where the
    # vacancy does not ask for one, no CV when there is no saved CV either).
    cv_upload: FileStorage | None
    saved_cv: StoredFile | None = None
    equality_answers: dict[str, str | None] = field(default_factory=dict)


@dataclass
class BulkChange:
    changed: list[Application]
    refused: list[str]


# Applying

def vacancy_taking_applications(vacancy_id: int) -> Vacancy | None:
    """A public vacancy that takes applications through the portal (it may have closed)."""
    vacancy = vacancy_services.get_public_vacancy(vacancy_id)
    return vacancy if vacancy is not None and vacancy.apply_method == ApplyMethod.PORTAL else None


def check_taking_applications(vacancy: Vacancy, today: date) -> None:
    """Raises ApplicationRefused when the vacancy no longer takes applications."""
    if not vacancy.is_live(today):
        raise ApplicationRefused("This vacancy has closed, so it is no longer taking applications.")


def find_application(vacancy_id: int, user_id: int) -> Application | None:
    return db.session.scalar(
        select(Application).where(Application.vacancy_id == vacancy_id, Application.user_id == user_id)
    )


def _count_applications(vacancy_id: int) -> int:
    """Every application ever sent counts towards the maximum, withdrawn ones too."""
    return db.session.scalar(select(func.count(Application.id)).where(Application.vacancy_id == vacancy_id))


def _lock_vacancy(vacancy_id: int) -> Vacancy | None:
    # On PostgreSQL the row lock queues applications for one vacancy, so the duplicate check and the
    # count towards the maximum see every earlier application. SQLite takes no row locks: there the
    # first insert takes the database's write lock, which is why the count comes after the insert.
    return db.session.scalar(
        select(Vacancy).where(Vacancy.id == vacancy_id).with_for_update().execution_options(populate_existing=True)
    )


def submit_application(vacancy_id: int, user: User, details: ApplicationDetails, today: date) -> Application:
    """Raises AlreadyApplied, ApplicationRefused or UploadRejected; the caller then rolls back.

    The row goes in before the CV is stored, so a duplicate that loses the race stores no file.
    """
    vacancy = _lock_vacancy(vacancy_id)
    if vacancy is None or vacancy.apply_method != ApplyMethod.PORTAL:
        raise ApplicationRefused("This vacancy does not take applications through this website.")
    if find_application(vacancy.id, user.id) is not None:
        raise AlreadyApplied()
    check_taking_applications(vacancy, today)
    now = utcnow()
    application = Application(
        vacancy_id=vacancy.id, user_id=user.id, full_name=details.full_name, email=details.email,
        phone=details.phone, address_line_1=details.address_line_1, address_line_2=details.address_line_2,
        town=details.town, postcode=details.postcode, supporting_statement=details.supporting_statement,
        right_to_work=details.right_to_work, status=ApplicationStatus.NEW.value, submitted_at=now,
        status_changed_at=now,
    )
    db.session.add(application)
    try:
        db.session.flush()
    except IntegrityError as error:
        raise AlreadyApplied() from error
    if vacancy.max_applications is not None:
        received = _count_applications(vacancy.id)
        if received > vacancy.max_applications:
            raise ApplicationRefused("This vacancy has received all the applications it can take and has closed.")
        if received == vacancy.max_applications:
            vacancy_services.close(vacancy)
    application.cv = _store_cv(user.id, details, vacancy.cv_required)
    application.history.append(ApplicationStatusChange(status=ApplicationStatus.NEW.value, changed_at=now, changed_by_id=user.id))
    _record_equality(vacancy, details.equality_answers, today)
    notices.record_notices(application)
    return application


def _store_cv(user_id: int, details: ApplicationDetails, required: bool) -> StoredFile | None:
    """The application keeps its own copy, so replacing the CV on the profile leaves it unchanged."""
    upload = details.cv_upload
    if upload is None and details.saved_cv is None:
        if required:
            raise UploadRejected("Select your CV")
        return None
    if upload is None:
        saved = details.saved_cv
        try:
            data = read_bytes(saved)
        except FileNotFoundError:
            raise UploadRejected("Your saved CV could not be opened. Upload your CV instead") from None
        except StorageUnavailable:
            raise UploadRejected("Your saved CV could not be opened right now. Try again.") from None
        upload = FileStorage(io.BytesIO(data), filename=saved.filename, content_type=saved.content_type)
    return save_upload(upload, owner_id=user_id, purpose=CV_PURPOSE, called="CV")


def _record_equality(vacancy: Vacancy, answers: dict[str, str | None], today: date) -> None:
    given = {name: answers.get(name) or None for name in equality.QUESTION_NAMES}
    if not any(given.values()):
        return
    db.session.add(EqualityResponse(
        organisation_id=vacancy.organisation_id, vacancy_id=vacancy.id, month=today.replace(day=1), **given
    ))


def close_full_vacancy(vacancy_id: int) -> None:
    """After a refusal for being full: a vacancy whose maximum was lowered below what it had received
    is closed, so the page stops offering to apply."""
    vacancy = _lock_vacancy(vacancy_id)
    if (vacancy is not None and vacancy.status == VacancyStatus.PUBLISHED and vacancy.max_applications is not None
            and _count_applications(vacancy.id) >= vacancy.max_applications):
        vacancy_services.close(vacancy)


def notify_submitted(application: Application) -> None:
    """Queue the applicant's receipt in the transaction that saves the application."""
    send_email(
        application.email, f"Application sent: {application.vacancy.title}", "application_submitted",
        application=application, link=url_for("applications.mine", _external=True),
    )


# Drafts kept while a visitor signs in

def save_draft(vacancy_id: int, answers: dict, token: str | None) -> str:
    db.session.execute(delete(ApplicationDraft).where(ApplicationDraft.created_at < utcnow() - DRAFT_LIFETIME))
    if token:
        db.session.execute(delete(ApplicationDraft).where(ApplicationDraft.token == token))
    draft = ApplicationDraft(vacancy_id=vacancy_id, answers=answers)
    db.session.add(draft)
    db.session.flush()
    return draft.token


def load_draft(token: str | None, vacancy_id: int) -> dict | None:
    if not token:
        return None
    draft = db.session.get(ApplicationDraft, token)
    if draft is None or draft.vacancy_id != vacancy_id or draft.created_at < utcnow() - DRAFT_LIFETIME:
        return None
    return draft.answers


def discard_draft(token: str | None) -> None:
    if token:
        db.session.execute(delete(ApplicationDraft).where(ApplicationDraft.token == token))


# The applicant's own applications

def seeker_applications(user_id: int) -> list[Application]:
    return list(db.session.scalars(
        select(Application).where(Application.user_id == user_id)
        .options(selectinload(Application.vacancy).selectinload(Vacancy.organisation), selectinload(Application.history))
        .order_by(Application.submitted_at.desc(), Application.id.desc())
    ))


def seeker_application(application_id: int, user_id: int) -> Application | None:
    return db.session.scalar(
        select(Application).where(Application.id == application_id, Application.user_id == user_id)
    )


def withdraw(application: Application, user: User) -> None:
    if not application.can_withdraw:
        raise StatusChangeRefused("This application can no longer be withdrawn.")
    _set_status(application, ApplicationStatus.WITHDRAWN, user)
    end_application_shares(application.id, ShareEndReason.APPLICATION_WITHDRAWN)
    db.session.flush()


# Recruiters

def organisation_application(application_id: int, organisation_id: int) -> Application | None:
    return organisation_scoped(
        select(Application).join(Application.vacancy).where(Application.id == application_id),
        Vacancy.organisation_id, organisation_id,
    )


def vacancy_applications(vacancy_id: int, status: str | None = None) -> list[Application]:
    query = select(Application).where(Application.vacancy_id == vacancy_id)
    if status:
        query = query.where(Application.status == status)
    return list(db.session.scalars(
        query.options(selectinload(Application.vacancy)).order_by(Application.submitted_at, Application.id)
    ))


def status_counts(vacancy_id: int) -> dict[str, int]:
    rows = db.session.execute(
        select(Application.status, func.count()).where(Application.vacancy_id == vacancy_id).group_by(Application.status)
    )
    return {key: count for key, count in rows}


def application_counts(organisation_id: int) -> dict[int, int]:
    """How many applications each of the organisation's vacancies has received."""
    rows = db.session.execute(
        select(Application.vacancy_id, func.count()).join(Application.vacancy)
        .where(Vacancy.organisation_id == organisation_id).group_by(Application.vacancy_id)
    )
    return {key: count for key, count in rows}


def _set_status(application: Application, status: ApplicationStatus, user: User) -> None:
    now = utcnow()
    application.status = status.value
    application.status_changed_at = now
    if status in IDENTITY_REVEALING_STATUSES and application.identity_revealed_at is None:
        application.identity_revealed_at = now
    application.history.append(ApplicationStatusChange(status=status.value, changed_at=now, changed_by_id=user.id))


def change_status(application: Application, status: ApplicationStatus, recruiter: User) -> bool:
    """True when the status changed (setting the same status again changes nothing)."""
    if status not in RECRUITER_STATUSES:
        raise StatusChangeRefused("Choose a status from the list.")
    if application.status == ApplicationStatus.WITHDRAWN:
        raise StatusChangeRefused(f"{applicant_label(application)} has withdrawn their application.")
    if application.status == status:
        return False
    _set_status(application, status, recruiter)
    db.session.flush()
    return True


def change_statuses(vacancy_id: int, application_ids: Iterable[int], status: ApplicationStatus, recruiter: User) -> BulkChange:
    """Only applications for this vacancy are touched; any other id is ignored."""
    wanted = set(application_ids)
    result = BulkChange(changed=[], refused=[])
    for application in vacancy_applications(vacancy_id):
        if application.id not in wanted:
            continue
        try:
            if change_status(application, status, recruiter):
                result.changed.append(application)
        except StatusChangeRefused as refusal:
            result.refused.append(str(refusal))
    return result


def applicant_label(application: Application) -> str:
    """The name a recruiter sees: a reference while anonymised shortlisting hides the name."""
    return f"Applicant {application.reference}" if application.identity_hidden else application.full_name


STATUS_EMAIL_MESSAGES = {
    ApplicationStatus.SHORTLISTED: "{employer} has shortlisted you for {title}. They will be in touch about what happens next.",
    ApplicationStatus.INTERVIEW: "{employer} would like to interview you for {title}. They will contact you to arrange it.",
    ApplicationStatus.OFFERED: "{employer} has offered you the job of {title}. Congratulations! They will contact you with the details.",
    ApplicationStatus.HIRED: "{employer} has confirmed that you have been hired as {title}. Welcome to the team!",
    ApplicationStatus.NOT_PROGRESSED: (
        "Thank you for applying for {title}. {employer} has decided not to take your application further this "
        "time. Other jobs in health and care may suit you: keep looking, and good luck."
    ),
}


def notify_status_change(application: Application) -> None:
    status = application.status_enum
    if status not in NOTIFIED_STATUSES:
        return
    vacancy = application.vacancy
    send_email(
        application.email, f"Your application for {vacancy.title}: {status.seeker_label}", "application_status",
        application=application, link=url_for("applications.mine", _external=True),
        message=STATUS_EMAIL_MESSAGES[status].format(employer=vacancy.organisation.name, title=vacancy.title),
    )


def add_note(application: Application, author: User, body: str) -> ApplicationNote:
    note = ApplicationNote(author_id=author.id, body=body, created_at=utcnow())
    application.notes.append(note)
    db.session.flush()
    return note


# CSV export

CSV_HEADINGS = (
    "Reference", "Name", "Email", "Phone", "Address line 1", "Address line 2", "Town", "Postcode",
    "Status", "Submitted", "Status changed", "Right to work in the UK", "Supporting statement",
)


def _spreadsheet_safe(value: str) -> str:
    return f"'{value}" if value.startswith(FORMULA_TRIGGERS) else value


def _csv_time(value: datetime) -> str:
    return value.strftime("%Y-%m-%d %H:%M")


def applications_csv(vacancy_id: int) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_HEADINGS)
    for application in vacancy_applications(vacancy_id):
        hidden = application.identity_hidden
        identity = (
            application.full_name, application.email, application.phone, application.address_line_1,
            application.address_line_2, application.town, application.postcode,
        )
        row = (
            application.reference, *(("",) * len(identity) if hidden else identity),
            application.status_enum.label, _csv_time(application.submitted_at),
            _csv_time(application.status_changed_at), RIGHT_TO_WORK_LABELS[application.right_to_work],
            application.supporting_statement,
        )
        writer.writerow([_spreadsheet_safe(str(value)) for value in row])
    return buffer.getvalue()


# Equality monitoring reports

@dataclass
class EqualityReport:
    responses: int
    questions: list[equality.QuestionReport]  # empty when there are too few responses to show
    first_month: date | None
    last_month: date | None

    @property
    def responses_shown(self) -> int:
        return equality.rounded(self.responses)


def _report(*conditions) -> EqualityReport:
    rows = list(db.session.scalars(select(EqualityResponse).where(*conditions)))
    responses = [{name: getattr(row, name) for name in equality.QUESTION_NAMES} for row in rows]
    months = [row.month for row in rows]
    return EqualityReport(
        responses=len(responses),
        questions=equality.build_report(responses) if len(responses) >= equality.SMALLEST_SHOWN_COUNT else [],
        first_month=min(months, default=None),
        last_month=max(months, default=None),
    )


def vacancy_equality_report(vacancy: Vacancy) -> EqualityReport | None:
    """None while the vacancy is open: figures that change as each person applies would let a
    recruiter work out that person's answers by comparing before and after. Once closed, a vacancy
    takes no more applications, so its report never changes."""
    if vacancy.status != VacancyStatus.CLOSED:
        return None
    return _report(EqualityResponse.vacancy_id == vacancy.id)


def organisation_equality_report(organisation_id: int) -> EqualityReport:
    """Responses for the organisation's closed vacancies that each have at least the smallest shown
    count: the report grows only by whole groups, never by the one person who applied last."""
    counted = (
        select(EqualityResponse.vacancy_id)
        .join(Vacancy, Vacancy.id == EqualityResponse.vacancy_id)
        .where(Vacancy.organisation_id == organisation_id, Vacancy.status == VacancyStatus.CLOSED)
        .group_by(EqualityResponse.vacancy_id)
        .having(func.count() >= equality.SMALLEST_SHOWN_COUNT)
    )
    return _report(EqualityResponse.organisation_id == organisation_id, EqualityResponse.vacancy_id.in_(counted))


@dataclass(frozen=True)
class VacancyApplicants:
    vacancy: Vacancy
    new: int
    total: int


@dataclass(frozen=True)
class RecruiterOverview:
    live: int
    drafts: int
    new_applications: int
    # Vacancies that have applications, those with the most waiting for a first look first.
    by_vacancy: list[VacancyApplicants]


def recruiter_overview(organisation_id: int, today: date) -> RecruiterOverview:
    """What a recruiter sees first: how many vacancies are open, drafted, and how many applications await them."""
    vacancies = vacancy_services.organisation_vacancies(organisation_id)
    rows = db.session.execute(
        select(Application.vacancy_id, Application.status, func.count()).join(Application.vacancy)
        .where(Vacancy.organisation_id == organisation_id).group_by(Application.vacancy_id, Application.status)
    )
    new: dict[int, int] = {}
    total: dict[int, int] = {}
    for vacancy_id, status, count in rows:
        total[vacancy_id] = total.get(vacancy_id, 0) + count
        if status == ApplicationStatus.NEW:
            new[vacancy_id] = new.get(vacancy_id, 0) + count
    every_vacancy = [vacancy for status_list in vacancies.values() for vacancy in status_list]
    by_vacancy = [
        VacancyApplicants(vacancy, new.get(vacancy.id, 0), total[vacancy.id])
        for vacancy in every_vacancy if vacancy.id in total
    ]
    by_vacancy.sort(key=lambda line: (-line.new, -line.total, line.vacancy.title))
    return RecruiterOverview(
        live=sum(1 for vacancy in vacancies[VacancyStatus.PUBLISHED] if vacancy.is_open(today)),
        drafts=len(vacancies[VacancyStatus.DRAFT]),
        new_applications=sum(new.values()),
        by_vacancy=by_vacancy,
    )
