"""Applications' part of a person's data: the export archive, account deletion and the retention purge."""
from __future__ import annotations

from sqlalchemy import Select, delete, select, update
from sqlalchemy.orm import selectinload

from portal.accounts.models import User
from portal.applications.models import (
    Application, ApplicationEmailSetting, ApplicationNote, ApplicationNotice, ApplicationStatusChange,
)
from portal.extensions import db
from portal.passport.models import ShareEndReason
from portal.passport.sharing import end_application_shares
from portal.privacy.services import register_personal_data, register_retention_purge
from portal.storage import delete_file
from portal.vacancies.models import Vacancy


def export_applications(user: User) -> list[dict]:
    applications = db.session.scalars(
        select(Application).where(Application.user_id == user.id)
        .options(selectinload(Application.vacancy).selectinload(Vacancy.organisation), selectinload(Application.history))
        .order_by(Application.submitted_at, Application.id)
    )
    return [
        {
            "reference": application.reference,
            "vacancy": {"id": application.vacancy_id, "title": application.vacancy.title,
                        "employer": application.vacancy.organisation.name},
            "submitted_at": application.submitted_at,
            "full_name": application.full_name,
            "email": application.email,
            "phone": application.phone,
            "address_line_1": application.address_line_1,
            "address_line_2": application.address_line_2,
            "town": application.town,
            "postcode": application.postcode,
            "supporting_statement": application.supporting_statement,
            "right_to_work": application.right_to_work,
            "cv_file_id": application.cv_id,
            "status": application.status,
            "status_history": [{"status": change.status, "changed_at": change.changed_at} for change in application.history],
        }
        for application in applications
    ]


def delete_application(application: Application) -> None:
    """The application with its status history, notes and CV (the file once the transaction commits)."""
    cv = application.cv
    db.session.delete(application)
    if cv is not None:
        delete_file(cv)


def delete_applications(user: User) -> None:
    for application in db.session.scalars(select(Application).where(Application.user_id == user.id)):
        delete_application(application)
    # A recruiter leaving keeps the records of what they did, without their name.
    db.session.execute(
        update(ApplicationStatusChange).where(ApplicationStatusChange.changed_by_id == user.id).values(changed_by_id=None)
    )
    db.session.execute(update(ApplicationNote).where(ApplicationNote.author_id == user.id).values(author_id=None))


def purge_applications(expired_vacancy_ids: Select) -> int:
    applications = list(db.session.scalars(select(Application).where(Application.vacancy_id.in_(expired_vacancy_ids))))
    for application in applications:
        end_application_shares(application.id, ShareEndReason.APPLICATION_DELETED)
        delete_application(application)
    return len(applications)


def export_application_emails(user: User) -> dict | None:
    """A recruiter's choice of emails about new applications, if they have made one."""
    setting = db.session.get(ApplicationEmailSetting, user.id)
    return {"choice": setting.choice} if setting else None


def delete_application_emails(user: User) -> None:
    db.session.execute(delete(ApplicationNotice).where(ApplicationNotice.recipient_id == user.id))
    db.session.execute(delete(ApplicationEmailSetting).where(ApplicationEmailSetting.user_id == user.id))


register_personal_data("applications", export_applications, delete_applications)
register_personal_data("application_emails", export_application_emails, delete_application_emails)
register_retention_purge("applications", purge_applications)
