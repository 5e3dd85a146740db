"""Careers content: loading it from the repository's files, editing it as versions, and reading what
is published.

The files in ``content/`` seed the database; from then on the workforce team edit in the admin area.
A load adds a file's text when it changed, and publishes it only where nobody has edited the document
since the files last gave it, so a deployment never overwrites the team's work.
"""
from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.orm import selectinload

from portal.accounts.models import User
from portal.audit.models import AuditAction
from portal.audit.services import record
from portal.careers.content import (
    ContentInvalid, ContentKind, Interest, Pathway, Quiz, RoleContent, Vocabulary, known_traits, parse_interests,
    parse_pathway, parse_quiz, parse_role,
)
from portal.careers.models import CareerDocument, CareerRevision
from portal.extensions import db
from portal.refusals import Conflict
from portal.reference.models import JobRole, Sector
from portal.time import utcnow

log = logging.getLogger(__name__)

CONTENT_DIR = Path(__file__).parent / "content"
# The documents there is only one of.
SINGLE_KEYS = {ContentKind.QUIZ: "quiz", ContentKind.INTERESTS: "interests"}
FILE_NOTE = "Loaded from the content files"


@dataclass(frozen=True)
class CareersContent:
    """Everything published, parsed: what the public pages read."""

    roles: dict[str, RoleContent] = field(default_factory=dict)
    pathways: dict[str, Pathway] = field(default_factory=dict)
    interests: tuple[Interest, ...] = ()
    quiz: Quiz | None = None

    def interest(self, code: str) -> Interest | None:
        return next((interest for interest in self.interests if interest.code == code), None)


def vocabulary(interests: tuple[Interest, ...] | None = None) -> Vocabulary:
    if interests is None:
        interests = published_content().interests
    return Vocabulary(
        roles=frozenset(db.session.scalars(select(JobRole.code))),
        sectors=frozenset(db.session.scalars(select(Sector.code))),
        interests=frozenset(interest.code for interest in interests),
    )


def parse(kind: ContentKind, key: str, text: str, known: Vocabulary | None = None):
    """The document read and checked; raises :class:`ContentInvalid` listing every problem."""
    known = known or vocabulary()
    if kind is ContentKind.ROLE and key not in known.roles:
        raise ContentInvalid([f"There is no role with the code “{key}” in the role list"])
    parsed = _parsed(kind, key, text, known)
    if kind is ContentKind.INTERESTS:
        in_use = _interests_in_use() - {interest.code for interest in parsed}
        if in_use:
            raise ContentInvalid([f"Roles still use these interest areas: {', '.join(sorted(in_use))}"])
    return parsed


@lru_cache(maxsize=1024)
def _parsed(kind: ContentKind, key: str, text: str, known: Vocabulary):
    """A text read against the codes it may use; the result is immutable, so the same text and codes are
    read once per process (every page view and every load reads what is published)."""
    if kind is ContentKind.ROLE:
        return parse_role(key, text, known)
    if kind is ContentKind.PATHWAY:
        return parse_pathway(key, text, known)
    if kind is ContentKind.QUIZ:
        return parse_quiz(text, known_traits(known.sectors, known.interests))
    return parse_interests(text)


def _interests_in_use() -> set[str]:
    return {code for role in published_content().roles.values() for code in role.interests}


# Loading the files ---------------------------------------------------------------------------------

@dataclass
class LoadReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    kept_edits: list[str] = field(default_factory=list)
    unchanged: int = 0

    def lines(self) -> list[str]:
        lines = [f"{len(self.added)} added, {len(self.updated)} updated, {self.unchanged} unchanged"]
        if self.kept_edits:
            lines.append("Kept the workforce team's edits (the file's text is in each one's history): "
                         + ", ".join(self.kept_edits))
        return lines


def content_files(directory: Path = CONTENT_DIR) -> list[tuple[ContentKind, str, str]]:
    """(kind, key, text) of every file, interest areas first: the others are checked against them."""
    found = [(ContentKind.INTERESTS, "interests", _read(directory / "interests.toml"))]
    found += [(ContentKind.ROLE, path.stem, _read(path)) for path in sorted((directory / "roles").glob("*.md"))]
    found += [(ContentKind.PATHWAY, path.stem, _read(path)) for path in sorted((directory / "pathways").glob("*.md"))]
    found.append((ContentKind.QUIZ, "quiz", _read(directory / "quiz.toml")))
    return found


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def check_files(directory: Path = CONTENT_DIR) -> list[tuple[ContentKind, str, str, object]]:
    """Every file read and checked; raises :class:`ContentInvalid` naming each file with problems."""
    files = content_files(directory)
    problems: list[str] = []
    checked = []
    known = vocabulary(())
    for kind, key, text in files:
        try:
            if kind is ContentKind.INTERESTS:
                parsed = parse_interests(text)
                known = Vocabulary(known.roles, known.sectors, frozenset(interest.code for interest in parsed))
            else:
                parsed = parse(kind, key, text, known)
        except ContentInvalid as invalid:
            problems.extend(f"{kind.value} {key}: {problem}" for problem in invalid.problems)
            continue
        checked.append((kind, key, text, parsed))
    roles_with_files = {key for kind, key, _text, _parsed in checked if kind is ContentKind.ROLE}
    missing = sorted(known.roles - roles_with_files)
    if missing:
        problems.append("these roles have no file: " + ", ".join(missing))
    if problems:
        raise ContentInvalid(problems)
    return checked


def load_content_files(directory: Path = CONTENT_DIR) -> LoadReport:
    """Bring the files into the database, all or nothing (the caller commits)."""
    report = LoadReport()
    existing = {
        (document.kind, document.key): document
        for document in db.session.scalars(select(CareerDocument).options(selectinload(CareerDocument.from_file)))
    }
    for kind, key, text, _content in check_files(directory):
        document = existing.get((kind, key)) or _new_document(kind, key)
        if document.from_file is not None and document.from_file.text == text:
            report.unchanged += 1
            continue
        first = document.published_revision_id is None
        edited = document.published_revision_id != document.file_revision_id or document.draft_revision_id
        revision = CareerRevision(kind=kind, key=key, text=text, note=FILE_NOTE)
        db.session.add(revision)
        document.from_file = revision
        name = f"{kind.value} {key}"
        if first:
            report.added.append(name)
        elif edited:
            report.kept_edits.append(name)
            continue
        else:
            report.updated.append(name)
        revision.published_at = utcnow()
        document.published = revision
        document.version += 1
    db.session.flush()
    return report


def _document(kind: ContentKind, key: str) -> CareerDocument | None:
    return db.session.scalar(select(CareerDocument).where(CareerDocument.kind == kind, CareerDocument.key == key))


def _new_document(kind: ContentKind, key: str) -> CareerDocument:
    document = CareerDocument(kind=kind, key=key, version=1)
    db.session.add(document)
    return document


def _publish(document: CareerDocument, revision: CareerRevision, user: User | None) -> None:
    revision.published_at = utcnow()
    revision.published_by_id = user.id if user else None
    document.published_revision_id = revision.id
    document.draft_revision_id = None


# Editing -------------------------------------------------------------------------------------------

def documents(kind: ContentKind | None = None) -> list[CareerDocument]:
    query = select(CareerDocument).order_by(CareerDocument.kind, CareerDocument.key)
    if kind is not None:
        query = query.where(CareerDocument.kind == kind)
    return list(db.session.scalars(query))


def find_document(kind: ContentKind, key: str) -> CareerDocument | None:
    return _document(kind, key)


def editing_text(document: CareerDocument) -> str:
    """What an editor starts from: the draft when there is one, else the published text."""
    current = document.draft or document.published
    return current.text if current else ""


def save(kind: ContentKind, key: str, text: str, user: User, *, publish: bool, version: int | None,
         note: str = "") -> CareerRevision:
    """Save ``text`` as a draft or publish it. ``version`` is the document's version the editor started
    from (None for a new document); saving over a newer one is refused, so nobody's work is overwritten."""
    text = text.replace("\r\n", "\n")
    parse(kind, key, text)
    document = _document(kind, key)
    if document is None:
        if version is not None or kind is ContentKind.ROLE:
            raise Conflict("This page is not in the careers content.")
        document = _new_document(kind, key)
        db.session.flush()
    # The same text sent again (a double click, a second tab) changes nothing.
    if publish and document.draft is None and document.published and document.published.text == text:
        return document.published
    if not publish and document.draft and document.draft.text == text:
        return document.draft
    if not _claim(document, version):
        raise Conflict("Someone else saved this page after you opened it. Your text is below: copy what you "
                       "need, then open the page again to see their version.")
    revision = CareerRevision(kind=kind, key=key, text=text, author_id=user.id, note=note[:200])
    db.session.add(revision)
    db.session.flush()
    if publish:
        _publish(document, revision, user)
    else:
        document.draft_revision_id = revision.id
    record(AuditAction.CAREERS_CONTENT_PUBLISHED if publish else AuditAction.CAREERS_CONTENT_SAVED,
           actor=user, subject=("career_document", document.id), detail={"kind": kind.value, "key": key})
    return revision


def _claim(document: CareerDocument, version: int | None) -> bool:
    """Move the document to its next version only if it is still at ``version`` (compare and set)."""
    if version is None:
        return True
    claimed = db.session.execute(
        update(CareerDocument).where(CareerDocument.id == document.id, CareerDocument.version == version)
        .values(version=version + 1, updated_at=utcnow())
        .execution_options(synchronize_session=False)
    ).rowcount == 1
    if claimed:
        db.session.refresh(document)
    return claimed


def publish_draft(document: CareerDocument, user: User, version: int) -> CareerRevision:
    draft = document.draft
    if draft is None:
        raise Conflict("There is no draft to publish: it was published or discarded already.")
    parse(document.kind, document.key, draft.text)
    if not _claim(document, version):
        raise Conflict("Someone else changed this page after you opened it. Open it again to see the latest.")
    _publish(document, draft, user)
    record(AuditAction.CAREERS_CONTENT_PUBLISHED, actor=user, subject=("career_document", document.id),
           detail={"kind": document.kind.value, "key": document.key, "revision": draft.id})
    return draft


def discard_draft(document: CareerDocument, user: User, version: int) -> None:
    if document.draft is None:
        raise Conflict("There is no draft to discard.")
    if not _claim(document, version):
        raise Conflict("Someone else changed this page after you opened it. Open it again to see the latest.")
    document.draft_revision_id = None
    record(AuditAction.CAREERS_DRAFT_DISCARDED, actor=user, subject=("career_document", document.id),
           detail={"kind": document.kind.value, "key": document.key})


def restore(document: CareerDocument, revision_id: int, user: User, version: int) -> CareerRevision:
    """An earlier version becomes the draft again (as a new revision, so history only grows)."""
    old = db.session.get(CareerRevision, revision_id)
    if old is None or (old.kind, old.key) != (document.kind, document.key):
        raise Conflict("That version is not one of this page's.")
    return save(document.kind, document.key, old.text, user, publish=False, version=version,
                note=f"Restored from the version of {old.created_at:%d %B %Y %H:%M}")


def history(document: CareerDocument) -> list[CareerRevision]:
    return list(db.session.scalars(
        select(CareerRevision).where(CareerRevision.kind == document.kind, CareerRevision.key == document.key)
        .order_by(CareerRevision.id.desc())
    ))


# Reading what is published ----------------------------------------------------------------------------

_cache_lock = threading.Lock()
_cache: dict[str, object] = {"signature": None, "content": CareersContent()}


def published_signature() -> tuple[int, ...]:
    """Which revisions are published: it changes whenever anything is published."""
    return tuple(sorted(db.session.scalars(
        select(CareerDocument.published_revision_id).where(CareerDocument.published_revision_id.is_not(None))
    )))


def published_content() -> CareersContent:
    """What is published, parsed once per change in this process."""
    signature = published_signature()
    with _cache_lock:
        if _cache["signature"] == signature:
            return _cache["content"]
    content = _parse_published(signature)
    with _cache_lock:
        _cache.update(signature=signature, content=content)
    return content


def _parse_published(ids: tuple[int, ...]) -> CareersContent:
    rows = db.session.execute(
        select(CareerRevision.kind, CareerRevision.key, CareerRevision.text).where(CareerRevision.id.in_(ids))
    ).all() if ids else []
    interests = next((parse_interests(text) for kind, _key, text in rows if kind is ContentKind.INTERESTS), ())
    known = vocabulary(interests)
    roles, pathways, quiz = {}, {}, None
    for kind, key, text in rows:
        try:
            if kind is ContentKind.ROLE:
                roles[key] = parse(kind, key, text, known)
            elif kind is ContentKind.PATHWAY:
                pathways[key] = parse(kind, key, text, known)
            elif kind is ContentKind.QUIZ:
                quiz = parse(kind, key, text, known)
        except ContentInvalid as invalid:
            # Published texts were checked when published; a reference list changed since.
            log.error("Published careers %s %s no longer reads: %s", kind.value, key, invalid)
    return CareersContent(
        roles=roles,
        pathways=dict(sorted(pathways.items(), key=lambda item: item[1].title)),
        interests=interests,
        quiz=quiz,
    )
