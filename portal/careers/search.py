"""The careers search index on this machine, kept in step with what is published.

The index records a digest of :func:`portal.careers.services.published_signature` it was built from. Each
careers search compares it with the database's (one small query) and rebuilds on a difference, and a request
that published something rebuilds as it ends, so a page published in the admin area is found at once and an
index left behind by a crash, or by another machine's publish, is brought up to date by the next search.
Careers matches only add to job search: when this index cannot be read or built, job search carries on.
"""
from __future__ import annotations

import hashlib
import logging
import threading
from pathlib import Path

from flask import Flask, current_app
from sqlalchemy import event, select
from sqlalchemy.orm import Session, selectinload

from portal.careers.documents import pathway_document, role_document
from portal.careers.models import CareerDocument
from portal.careers.services import published_content, published_signature
from portal.extensions import db
from portal.reference.models import JobRole
from portal.reference.synonyms import synonyms
from search import CareerHit, CareersIndex, IndexUnavailable

log = logging.getLogger(__name__)

# Matches shown above the jobs.
SHOWN_MATCHES = 3
# A rebuild in another process of this machine is waited for this long; meanwhile the previous index answers.
REBUILD_LOCK_TIMEOUT = 2.0
# Session.info keys: this transaction changed what is published; such a change was committed.
UNCOMMITTED_PUBLISH = "careers_publish_uncommitted"
COMMITTED_PUBLISH = "careers_publish_committed"

_rebuild_lock = threading.Lock()


def init_app(app: Flask) -> None:
    directory = app.config.get("CAREERS_INDEX_DIR") or Path(app.config["SEARCH_INDEX_DIR"]) / "careers"
    app.extensions["careers_index"] = CareersIndex(directory)

    @app.after_request
    def index_what_this_request_published(response):
        if db.session.info.pop(COMMITTED_PUBLISH, False):
            try:
                sync_careers_index()
            except (IndexUnavailable, OSError):
                log.warning("Careers index not rebuilt after a publish; the next careers search rebuilds it",
                            exc_info=True)
        return response


def get_careers_index() -> CareersIndex:
    return current_app.extensions["careers_index"]


@event.listens_for(Session, "after_flush")
def _note_publishing(session: Session, _flush_context) -> None:
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, CareerDocument):
            session.info[UNCOMMITTED_PUBLISH] = True
            return


@event.listens_for(Session, "after_commit")
def _publishing_committed(session: Session) -> None:
    if session.info.pop(UNCOMMITTED_PUBLISH, False):
        session.info[COMMITTED_PUBLISH] = True


@event.listens_for(Session, "after_rollback")
def _publishing_rolled_back(session: Session) -> None:
    session.info.pop(UNCOMMITTED_PUBLISH, None)


def database_signature() -> str:
    """A digest of which revisions are published."""
    published = ",".join(map(str, published_signature()))
    return hashlib.sha256(published.encode()).hexdigest()


def careers_documents() -> list[dict]:
    content = published_content()
    roles = {
        role.code: role
        for role in db.session.scalars(select(JobRole).options(selectinload(JobRole.family)))
    }
    documents = [role_document(page, roles[code]) for code, page in content.roles.items() if code in roles]
    names = {code: role.name for code, role in roles.items()}
    documents += [pathway_document(pathway, names) for pathway in content.pathways.values()]
    return documents


def rebuild_careers_index(index: CareersIndex | None = None, signature: str | None = None) -> bool:
    """Build the index from what is published and swap it in; False when another process was rebuilding."""
    index = index or get_careers_index()
    signature = signature or database_signature()
    return index.rebuild(careers_documents(), signature, lock_timeout=REBUILD_LOCK_TIMEOUT)


def sync_careers_index(index: CareersIndex | None = None) -> bool:
    """Rebuild the index when it is missing or was built from other published revisions; True when it did."""
    index = index or get_careers_index()
    signature = database_signature()
    if index.signature() == signature:
        return False
    with _rebuild_lock:
        if index.signature() == signature:  # another thread rebuilt it meanwhile
            return False
        built = rebuild_careers_index(index, signature)
    if built:
        log.info("Careers index rebuilt")
    return built


def search_careers(text: str, limit: int = SHOWN_MATCHES) -> list[CareerHit]:
    """Roles and pathways matching the keywords, best first; none when the index cannot be read or built
    (logged), so the jobs are still shown."""
    if not text.strip() or not published_signature():
        return []  # nothing published: no index to build
    index = get_careers_index()
    try:
        sync_careers_index(index)
        return index.search(text, synonyms(), limit=limit)
    except (IndexUnavailable, OSError):
        log.warning("Careers index unreadable; rebuilding it", exc_info=True)
    index.close()
    try:
        with _rebuild_lock:
            rebuild_careers_index(index)
        return index.search(text, synonyms(), limit=limit)
    except (IndexUnavailable, OSError):
        log.error("Careers search unavailable; showing jobs only", exc_info=True)
        return []
