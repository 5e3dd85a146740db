"""The careers part of a person's data: quiz results they chose to save, and the careers pages they edited
(the edits stay, without their name, when the account is closed)."""
from __future__ import annotations

from sqlalchemy import delete, or_, select, update

from portal.accounts.models import User
from portal.careers.models import CareerRevision, SavedQuizResult
from portal.extensions import db
from portal.privacy.services import register_personal_data


def export_careers(user: User) -> dict:
    return {
        "saved_quiz_results": [
            {"answers": saved.answers, "saved_at": saved.created_at}
            for saved in db.session.scalars(
                select(SavedQuizResult).where(SavedQuizResult.user_id == user.id).order_by(SavedQuizResult.id))
        ],
        "careers_pages_edited": [
            {"page": f"{revision.kind.value} {revision.key}", "saved_at": revision.created_at,
             "published_at": revision.published_at if revision.published_by_id == user.id else None}
            for revision in db.session.scalars(
                select(CareerRevision).where(_touched_by(user)).order_by(CareerRevision.id))
        ],
    }


def _touched_by(user: User):
    return or_(CareerRevision.author_id == user.id, CareerRevision.published_by_id == user.id)


def delete_careers(user: User) -> None:
    db.session.execute(delete(SavedQuizResult).where(SavedQuizResult.user_id == user.id))
    db.session.execute(update(CareerRevision).where(CareerRevision.author_id == user.id).values(author_id=None))
    db.session.execute(
        update(CareerRevision).where(CareerRevision.published_by_id == user.id).values(published_by_id=None))


register_personal_data("careers", export_careers, delete_careers)
