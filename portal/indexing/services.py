"""Keeps each machine's search index in step with the database.

Every change that affects search writes a row to ``search_changes`` in the same transaction
(see :func:`record_changes`). Each index remembers the id of the last change it applied, so a
process that dies between the commit and the index update loses nothing: the next sync applies it.
"""
from __future__ import annotations

import logging
import threading
from datetime import timedelta

from flask import Flask, current_app
from sqlalchemy import event, func, insert, select
from sqlalchemy.orm import Session, selectinload

from portal.employers.models import Organisation, Site
from portal.extensions import db
from portal.indexing.models import SearchChange
from portal.time import utcnow
from portal.vacancies.documents import vacancy_document
from portal.vacancies.models import Vacancy, vacancy_sites
from search import IndexUnavailable, VacancyIndex

log = logging.getLogger(__name__)

SYNC_BATCH = 2000
# A change id can commit after a higher one (PostgreSQL sequences); wait this long for a gap to fill.
GAP_GRACE = timedelta(seconds=10)
WRITER_LOCK_TIMEOUT = 0.5
REBUILD_ATTEMPTS = 3
# Session.info keys: this transaction has written changes not yet committed; changes were committed.
UNCOMMITTED_CHANGES = "search_changes_uncommitted"
COMMITTED_CHANGES = "search_changes_committed"

_sync_lock = threading.Lock()


def init_app(app: Flask) -> None:
    app.extensions["vacancy_index"] = VacancyIndex(app.config["SEARCH_INDEX_DIR"])

    @app.after_request
    def apply_changes_made_by_this_request(response):
        if db.session.info.pop(COMMITTED_CHANGES, False):
            try:
                sync_index()
            except IndexUnavailable:
                log.warning("Search index unavailable after a change; it is rebuilt on the next search")
        return response


def get_index() -> VacancyIndex:
    return current_app.extensions["vacancy_index"]


@event.listens_for(Session, "after_flush")
def record_changes(session: Session, _flush_context) -> None:
    vacancy_ids: set[int] = set()
    organisation_ids: set[int] = set()
    site_ids: set[int] = set()
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, Vacancy) and obj.id is not None:
            vacancy_ids.add(obj.id)
        elif isinstance(obj, Organisation) and obj in session.dirty and session.is_modified(obj):
            organisation_ids.add(obj.id)
        elif isinstance(obj, Site) and obj.id is not None and obj not in session.new:
            site_ids.add(obj.id)
    connection = session.connection()
    if organisation_ids:
        vacancy_ids.update(
            connection.scalars(select(Vacancy.id).where(Vacancy.organisation_id.in_(organisation_ids)))
        )
    if site_ids:
        vacancy_ids.update(
            connection.scalars(select(vacancy_sites.c.vacancy_id).where(vacancy_sites.c.site_id.in_(site_ids)))
        )
    if vacancy_ids:
        now = utcnow()
        connection.execute(
            insert(SearchChange), [{"vacancy_id": vid, "created_at": now} for vid in sorted(vacancy_ids)]
        )
        session.info[UNCOMMITTED_CHANGES] = True


@event.listens_for(Session, "after_commit")
def _changes_committed(session: Session) -> None:
    if session.info.pop(UNCOMMITTED_CHANGES, False):
        session.info[COMMITTED_CHANGES] = True


@event.listens_for(Session, "after_rollback")
def _changes_rolled_back(session: Session) -> None:
    session.info.pop(UNCOMMITTED_CHANGES, None)


def _load_vacancies(ids: set[int]) -> list[Vacancy]:
    return db.session.scalars(
        select(Vacancy)
        .where(Vacancy.id.in_(ids))
        .options(selectinload(Vacancy.sites), selectinload(Vacancy.organisation), selectinload(Vacancy.role))
    ).all()


def _safe_cursor(cursor: int, rows) -> int:
    """The highest change id below which nothing can still arrive."""
    now = utcnow()
    for row in rows:
        if row.id != cursor + 1 and now - row.created_at < GAP_GRACE:
            break
        cursor = row.id
    return cursor


def sync_index(index: VacancyIndex | None = None) -> int:
    """Apply pending changes to this machine's index; returns how many were applied.

    Nothing happens while this session holds changes it has not committed: the index must never show
    what may yet roll back (its change id could then be used again), and writing the index is slow
    work that must not keep a database write lock held."""
    index = index or get_index()
    if db.session.info.get(UNCOMMITTED_CHANGES):
        return 0
    if not _sync_lock.acquire(blocking=False):
        return 0
    try:
        if ensure_index(index):
            return 0
        cursor = index.cursor
        rows = db.session.execute(
            select(SearchChange.id, SearchChange.vacancy_id, SearchChange.created_at)
            .where(SearchChange.id > cursor)
            .order_by(SearchChange.id)
            .limit(SYNC_BATCH)
        ).all()
        if not rows:
            return 0
        ids = {row.vacancy_id for row in rows}
        vacancies = _load_vacancies(ids)
        upserts = [vacancy_document(v) for v in vacancies if v.is_listed]
        deletes = sorted(ids - {doc["id"] for doc in upserts})
        if not index.apply(upserts, deletes, _safe_cursor(cursor, rows), lock_timeout=WRITER_LOCK_TIMEOUT):
            log.info("Search index busy; changes after %s are applied by the process holding the lock", cursor)
            return 0
        return len(rows)
    finally:
        _sync_lock.release()


def ensure_index(index: VacancyIndex) -> bool:
    """Build the index from the database when there is none; True when it had to."""
    if index.exists():
        return False
    rebuild_index(index)
    return True


def searchable_documents():
    query = (
        select(Vacancy)
        .where(Vacancy.is_listed)
        .options(selectinload(Vacancy.sites), selectinload(Vacancy.organisation), selectinload(Vacancy.role))
        .order_by(Vacancy.id)
        .execution_options(yield_per=1000)
    )
    for vacancy in db.session.scalars(query):
        yield vacancy_document(vacancy)


def rebuild_index(index: VacancyIndex | None = None) -> None:
    """Build a fresh index from the database in a new directory, then swap it in."""
    index = index or get_index()
    cursor = db.session.scalar(select(func.coalesce(func.max(SearchChange.id), 0)))
    index.rebuild(searchable_documents(), cursor)
    log.info("Search index rebuilt at change %s", cursor)


class SearchUnavailable(Exception):
    """The index could not be read or rebuilt, even after trying again."""


def search_vacancies(query):
    """Search the index. One that cannot be read is opened again, which is enough when a rebuild has
    just swapped generations, and then rebuilt from the database, which is needed when it was deleted
    or damaged; a rebuild running elsewhere at the same time is waited for, never failed by."""
    index = get_index()
    try:
        if current_app.config["SEARCH_SYNC_ON_REQUEST"]:
            sync_index(index)
        return index.search(query)
    except (IndexUnavailable, OSError):
        log.warning("Search index unreadable; opening it again", exc_info=True)
    index.close()
    for _ in range(REBUILD_ATTEMPTS):
        with _sync_lock:
            try:
                return index.search(query)  # opened again, or rebuilt by another thread meanwhile
            except (IndexUnavailable, OSError):
                log.warning("Search index missing or damaged; rebuilding it from the database", exc_info=True)
            try:
                rebuild_index(index)
            except (IndexUnavailable, OSError):
                log.warning("Search index rebuild failed; trying again", exc_info=True)
    raise SearchUnavailable(f"no readable search index after {REBUILD_ATTEMPTS} rebuilds")
