"""The profile's part of a person's data, for the export archive and account deletion."""
from __future__ import annotations

from sqlalchemy import delete, select

from portal.accounts.models import User
from portal.extensions import db
from portal.privacy.services import register_personal_data
from portal.profiles import services
from portal.profiles.models import Qualification, SavedVacancy, SeekerProfile, WorkHistory


def export_profile(user: User) -> dict | None:
    profile = services.get_profile(user.id)
    if profile is None:
        return None
    return {
        "phone": profile.phone,
        "address_line_1": profile.address_line_1,
        "address_line_2": profile.address_line_2,
        "town": profile.town,
        "postcode": profile.postcode,
        "default_cv_file_id": profile.default_cv_id,
        "updated_at": profile.updated_at,
    }


def export_work_history(user: User) -> list[dict]:
    return [
        {
            "job_title": entry.job_title,
            "employer": entry.employer,
            "start_month": entry.start_date.strftime("%Y-%m"),
            "end_month": entry.end_date.strftime("%Y-%m") if entry.end_date else None,
            "duties": entry.duties,
        }
        for entry in services.work_history(user.id)
    ]


def export_qualifications(user: User) -> list[dict]:
    return [
        {"title": item.title, "awarding_body": item.awarding_body, "awarded_year": item.awarded_year}
        for item in services.qualifications(user.id)
    ]


def export_saved_vacancies(user: User) -> list[dict]:
    saved = db.session.scalars(
        select(SavedVacancy).where(SavedVacancy.user_id == user.id).order_by(SavedVacancy.created_at)
    )
    return [
        {"vacancy_id": item.vacancy_id, "title": item.vacancy.title, "employer": item.vacancy.organisation.name,
         "saved_at": item.created_at}
        for item in saved
    ]


def _deleting(model):
    def delete_rows(user: User) -> None:
        db.session.execute(delete(model).where(model.user_id == user.id))

    return delete_rows


register_personal_data("profile", export_profile, _deleting(SeekerProfile))
register_personal_data("work_history", export_work_history, _deleting(WorkHistory))
register_personal_data("qualifications", export_qualifications, _deleting(Qualification))
register_personal_data("saved_vacancies", export_saved_vacancies, _deleting(SavedVacancy))
