"""An application's reference (A-0001) names one application for ever, even after its applicant has
deleted their account."""
from __future__ import annotations

from flask_migrate import upgrade
from sqlalchemy import text

from portal import create_app
from portal.accounts.models import User
from portal.extensions import db
from portal.privacy.services import delete_account


def _delete_person(app, user_id: int) -> None:
    with app.app_context():
        delete_account(db.session.get(User, user_id))
        db.session.commit()


def test_a_deleted_applicants_reference_is_not_given_to_the_next(app, vacancy, applicant):
    first = applicant(vacancy, full_name="Sam Taylor")
    _delete_person(app, first.user_id)

    second = applicant(vacancy, full_name="Alex Morgan")

    assert second.id > first.id
    assert second.reference != first.reference


def test_the_migration_stops_sqlite_giving_out_deleted_ids_again(tmp_path):
    # Always a SQLite database of its own, whichever database the suite runs on: PostgreSQL's sequences
    # never give a value out twice, which the test above shows there.
    migrated = create_app({
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'migrated.db'}",
        "SEARCH_INDEX_DIR": str(tmp_path / "index"), "INSTANCE_PATH": str(tmp_path / "instance"),
    })
    with migrated.app_context():
        upgrade()
        with db.engine.connect() as connection:
            created = connection.execute(text("SELECT sql FROM sqlite_master WHERE name = 'applications'")).scalar()
        db.engine.dispose()
    assert "AUTOINCREMENT" in created
