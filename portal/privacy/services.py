"""Your data: what the portal holds about a person, as one archive, and removing it all.

Each domain that keeps personal data registers a section here from its ``personal_data`` module
(imported through ``PERSONAL_DATA_MODULES`` in this package), with a function that exports the section
and one that deletes it, so this module never reaches into another domain's tables. Files are found
through the storage layer by owner.
"""
from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from dateutil.relativedelta import relativedelta
from sqlalchemy import Select, and_, or_, select
from werkzeug.utils import secure_filename

from portal.accounts.models import User
from portal.accounts.passwords import verify_password
from portal.extensions import db
from portal.storage import StoredFile, delete_file, read_bytes
from portal.time import utcnow
from portal.vacancies.models import Vacancy

ARCHIVE_DATA_NAME = "data.json"


@dataclass(frozen=True)
class PersonalDataSection:
    name: str
    export: Callable[[User], object]
    delete: Callable[[User], None]


_sections: dict[str, PersonalDataSection] = {}
_retention_purges: dict[str, Callable[[Select], int]] = {}


def register_personal_data(name: str, export_fn: Callable[[User], object], delete_fn: Callable[[User], None]) -> None:
    """``export_fn(user)`` returns the section as JSON-ready data (dates allowed); ``delete_fn(user)``
    deletes the section's rows (the files the person owns are deleted here, after every section)."""
    _sections[name] = PersonalDataSection(name, export_fn, delete_fn)


def registered_sections() -> list[PersonalDataSection]:
    return list(_sections.values())


def register_retention_purge(name: str, purge_fn: Callable[[Select], int]) -> None:
    """``purge_fn(expired_vacancy_ids)`` deletes what the domain keeps for those vacancies (a select
    of vacancy ids) and returns how many records it deleted."""
    _retention_purges[name] = purge_fn


def account_data(user: User) -> dict:
    return {
        "id": user.id,
        "email": user.email,
        "full_name": user.full_name,
        "roles": sorted(role.value for role in user.roles),
        "organisation": user.organisation.name if user.organisation else None,
        "created_at": user.created_at,
        "last_sign_in_at": user.last_sign_in_at,
    }


def owned_files(user_id: int) -> list[StoredFile]:
    return list(db.session.scalars(select(StoredFile).where(StoredFile.owner_id == user_id).order_by(StoredFile.id)))


def archive_name(stored: StoredFile) -> str:
    """The file's place in the archive: its id keeps names unique, whatever the person called it."""
    return f"files/{stored.id}-{secure_filename(stored.filename) or 'file'}"


def _file_entry(stored: StoredFile, in_archive: str | None) -> dict:
    return {
        "id": stored.id,
        "name": stored.filename,
        "purpose": stored.purpose,
        "content_type": stored.content_type,
        "size_bytes": stored.size,
        "uploaded_at": stored.created_at,
        "in_archive": in_archive,
    }


def _json_value(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def export_archive(user: User) -> bytes:
    """A zip of data.json (every registered section) and every file the person owns."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        files = []
        for stored in owned_files(user.id):
            try:
                content = read_bytes(stored)
            except FileNotFoundError:
                # Its object was lost from storage: the archive still lists the row, marked absent.
                files.append(_file_entry(stored, in_archive=None))
                continue
            archive.writestr(archive_name(stored), content)
            files.append(_file_entry(stored, in_archive=archive_name(stored)))
        data = {
            "exported_at": utcnow(),
            "account": account_data(user),
            **{section.name: section.export(user) for section in registered_sections()},
            "files": files,
        }
        archive.writestr(ARCHIVE_DATA_NAME, json.dumps(data, indent=2, ensure_ascii=False, default=_json_value))
    return buffer.getvalue()


def export_filename(today: date) -> str:
    return f"your-data-{today.isoformat()}.zip"


def password_matches(user: User, password: str) -> bool:
    return verify_password(user.password_hash, password)


def delete_account(user: User) -> None:
    """Remove the person: every registered section, then their files (each object is removed from
    storage after the commit), then the account itself. An organisation's vacancies are not theirs
    and stay with the organisation."""
    for section in registered_sections():
        section.delete(user)
    db.session.flush()
    for stored in owned_files(user.id):
        delete_file(stored)
    db.session.delete(user)
    db.session.flush()


def retention_cutoff(months: int, now: datetime) -> datetime:
    return now - relativedelta(months=months)


def vacancies_closed_before(cutoff: datetime) -> Select:
    """The ids of vacancies closed before ``cutoff``: by the date they were closed, or by their
    closing date when they simply ran out."""
    return select(Vacancy.id).where(or_(
        Vacancy.closed_at < cutoff,
        and_(Vacancy.closed_at.is_(None), Vacancy.closing_date < cutoff.date()),
    ))


def purge_expired(months: int, now: datetime) -> dict[str, int]:
    """Delete, in every domain that registered a purge, what it keeps for vacancies closed more than
    ``months`` months before ``now``. Running it again deletes nothing more."""
    expired = vacancies_closed_before(retention_cutoff(months, now))
    counts = {name: purge(expired) for name, purge in _retention_purges.items()}
    db.session.flush()
    return counts
