"""Profiles: the contact details, work history, qualifications and default CV a job seeker keeps
ready for their next application, and their shortlist of saved vacancies."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload
from werkzeug.datastructures import FileStorage

from portal.employers.models import Organisation, OrganisationStatus
from portal.extensions import db
from portal.profiles.models import Qualification, SavedVacancy, SeekerProfile, WorkHistory
from portal.storage import StoredFile, delete_file, save_upload
from portal.vacancies.models import Vacancy, VacancyStatus
from portal.vacancies.services import get_public_vacancy


@dataclass
class ContactDetails:
    phone: str
    address_line_1: str
    address_line_2: str
    town: str
    postcode: str


@dataclass
class WorkHistoryDetails:
    employer: str
    job_title: str
    start_date: date
    end_date: date | None
    duties: str


@dataclass
class QualificationDetails:
    title: str
    awarding_body: str
    awarded_year: int | None


def get_profile(user_id: int) -> SeekerProfile | None:
    return db.session.get(SeekerProfile, user_id)


def _profile_or_new(user_id: int) -> SeekerProfile:
    profile = get_profile(user_id)
    if profile is None:
        profile = SeekerProfile(user_id=user_id)
        db.session.add(profile)
    return profile


def update_contact_details(user_id: int, details: ContactDetails) -> SeekerProfile:
    profile = _profile_or_new(user_id)
    for name, value in asdict(details).items():
        setattr(profile, name, value)
    db.session.flush()
    return profile


def work_history(user_id: int) -> list[WorkHistory]:
    """Current jobs first, then the most recent."""
    return list(db.session.scalars(
        select(WorkHistory).where(WorkHistory.user_id == user_id)
        .order_by(WorkHistory.end_date.is_not(None), WorkHistory.end_date.desc(), WorkHistory.start_date.desc(), WorkHistory.id)
    ))


def get_work_history(entry_id: int, user_id: int) -> WorkHistory | None:
    return db.session.scalar(select(WorkHistory).where(WorkHistory.id == entry_id, WorkHistory.user_id == user_id))


def add_work_history(user_id: int, details: WorkHistoryDetails) -> WorkHistory:
    entry = WorkHistory(user_id=user_id, **asdict(details))
    db.session.add(entry)
    db.session.flush()
    return entry


def update_work_history(entry: WorkHistory, details: WorkHistoryDetails) -> None:
    for name, value in asdict(details).items():
        setattr(entry, name, value)
    db.session.flush()


def delete_work_history(entry: WorkHistory) -> None:
    db.session.delete(entry)
    db.session.flush()


def qualifications(user_id: int) -> list[Qualification]:
    """The most recent first; those without a year last."""
    return list(db.session.scalars(
        select(Qualification).where(Qualification.user_id == user_id)
        .order_by(Qualification.awarded_year.is_(None), Qualification.awarded_year.desc(), Qualification.title, Qualification.id)
    ))


def get_qualification(qualification_id: int, user_id: int) -> Qualification | None:
    return db.session.scalar(
        select(Qualification).where(Qualification.id == qualification_id, Qualification.user_id == user_id)
    )


def add_qualification(user_id: int, details: QualificationDetails) -> Qualification:
    qualification = Qualification(user_id=user_id, **asdict(details))
    db.session.add(qualification)
    db.session.flush()
    return qualification


def update_qualification(qualification: Qualification, details: QualificationDetails) -> None:
    for name, value in asdict(details).items():
        setattr(qualification, name, value)
    db.session.flush()


def delete_qualification(qualification: Qualification) -> None:
    db.session.delete(qualification)
    db.session.flush()


def get_default_cv(user_id: int) -> StoredFile | None:
    profile = get_profile(user_id)
    return profile.default_cv if profile else None


def replace_default_cv(user_id: int, upload: FileStorage) -> StoredFile:
    """Store the new CV (raises UploadRejected) and delete the one it replaces: applications already
    sent keep copies of their own."""
    stored = save_upload(upload, owner_id=user_id, purpose="cv", called="CV")
    profile = _profile_or_new(user_id)
    previous = profile.default_cv
    profile.default_cv = stored
    if previous is not None:
        delete_file(previous)
    db.session.flush()
    return stored


def remove_default_cv(user_id: int) -> bool:
    profile = get_profile(user_id)
    if profile is None or profile.default_cv is None:
        return False
    previous = profile.default_cv
    profile.default_cv = None
    delete_file(previous)
    return True


def is_saved(user_id: int, vacancy_id: int) -> bool:
    return db.session.get(SavedVacancy, (user_id, vacancy_id)) is not None


def save_vacancy(user_id: int, vacancy_id: int) -> Vacancy | None:
    """Shortlist a public vacancy; saving it twice keeps one entry. None when there is no such vacancy."""
    vacancy = get_public_vacancy(vacancy_id)
    if vacancy is not None and not is_saved(user_id, vacancy_id):
        try:
            with db.session.begin_nested():
                db.session.add(SavedVacancy(user_id=user_id, vacancy_id=vacancy_id))
        except IntegrityError:
            pass  # a second click that arrived at the same moment has saved it
    return vacancy


def unsave_vacancy(user_id: int, vacancy_id: int) -> None:
    db.session.execute(delete(SavedVacancy).where(SavedVacancy.user_id == user_id, SavedVacancy.vacancy_id == vacancy_id))


def saved_vacancies(user_id: int) -> list[SavedVacancy]:
    """The shortlist, most recently saved first, leaving out vacancies that are no longer public."""
    return list(db.session.scalars(
        select(SavedVacancy)
        .join(SavedVacancy.vacancy).join(Vacancy.organisation)
        .where(
            SavedVacancy.user_id == user_id,
            Vacancy.status.in_([VacancyStatus.PUBLISHED, VacancyStatus.CLOSED]),
            Organisation.status == OrganisationStatus.APPROVED,
        )
        .options(selectinload(SavedVacancy.vacancy).selectinload(Vacancy.organisation),
                 selectinload(SavedVacancy.vacancy).selectinload(Vacancy.sites))
        .order_by(SavedVacancy.created_at.desc(), SavedVacancy.vacancy_id.desc())
    ))
