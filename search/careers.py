"""The careers index: role and pathway pages, searched beside the vacancies.

About a hundred documents, so it is always built whole: standard Whoosh
fields (with word positions, so a meaning of several words matches as a
phrase) and standard BM25F scoring. Layout of ``base_dir``::

    CURRENT              name of the live generation (replaced atomically)
    REBUILD.lock         held while a generation is built and swapped in
    gen-<time>-<pid>/    a Whoosh index plus
        STATE.json       {"format": CAREERS_FORMAT, "signature": "..."}

``signature`` is whatever the caller says the documents were built from (the
portal gives a digest of what is published). The caller compares it with its
own and rebuilds when they differ, so a crash at any point loses nothing: a
generation is complete before the pointer names it.
"""

from __future__ import annotations

import json
import os
import shutil
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from whoosh import fields
from whoosh.analysis import StemmingAnalyzer
from whoosh.filedb.filestore import FileStorage
from whoosh.index import FileIndex
from whoosh.query import And, Or, Phrase, Term

from .index import _READ_ERRORS, GENERATION_PREFIX, POINTER, STATE, IndexUnavailable, _write_atomic
from .index import swap_in_generation
from .query import Keywords
from .synonyms import Group, Synonyms

# Bump when the schema changes: older generations are then reported unavailable.
CAREERS_FORMAT = 1
KINDS = ("role", "pathway")
# Query-time boosts: the name of a role or pathway counts most.
FIELD_BOOSTS = {"title": 6.0, "family": 2.0, "summary": 2.0, "routes": 1.5, "text": 1.0}
MAX_LIMIT = 20
# A pathway names roles in its title ("Healthcare support worker to nursing associate"): the role
# itself comes first when both match as well.
KIND_BOOSTS = {"role": 1.0, "pathway": 0.8}

_ANALYZER = StemmingAnalyzer()


def _schema() -> fields.Schema:
    text = {name: fields.TEXT(analyzer=_ANALYZER, stored=name in ("title", "summary")) for name in FIELD_BOOSTS}
    return fields.Schema(key=fields.ID(unique=True, stored=True), kind=fields.ID(stored=True), **text)


CAREERS_SCHEMA = _schema()


@dataclass(frozen=True)
class CareerHit:
    """A role (``key`` is its code) or a pathway (``key`` is its slug)."""

    kind: str
    key: str
    title: str
    summary: str
    score: float


class CareersIndex:
    """The careers index in ``base_dir``, shared by any number of processes.
    Instances are safe to share between threads."""

    def __init__(self, base_dir: str | os.PathLike) -> None:
        self.base_dir = Path(base_dir)
        self._lock = threading.Lock()
        self._opened: tuple | None = None  # (pointer stat, FileIndex)

    # Generations and state

    def _current_path(self) -> Path:
        try:
            name = (self.base_dir / POINTER).read_text().strip()
        except (FileNotFoundError, NotADirectoryError):
            raise IndexUnavailable(f"no careers index in {self.base_dir}") from None
        if not name.startswith(GENERATION_PREFIX) or "/" in name:
            raise IndexUnavailable(f"bad generation pointer {name!r}")
        path = self.base_dir / name
        if not path.is_dir():
            raise IndexUnavailable(f"generation {path} is missing")
        return path

    def signature(self) -> str | None:
        """What the live generation was built from; None when there is no
        readable index."""
        try:
            state = json.loads((self._current_path() / STATE).read_text())
        except (IndexUnavailable, OSError, ValueError):
            return None
        if not isinstance(state, dict) or state.get("format") != CAREERS_FORMAT:
            return None
        return state.get("signature")

    # Writing

    def rebuild(self, docs: Iterable[dict], signature: str, lock_timeout: float | None = None) -> bool:
        """Index ``docs`` (dicts with ``kind``, ``key``, ``title`` and
        optionally ``summary``, ``text``, ``family`` and ``routes``, a list of
        titles) into a new generation recording ``signature``, and make it
        live. Waits up to ``lock_timeout`` seconds (None: as long as it takes)
        for another rebuild, returning False if it is still running."""
        docs = [_to_whoosh(doc) for doc in docs]  # a bad document fails before anything is written

        def build(path: Path) -> None:
            writer = FileStorage(str(path)).create_index(CAREERS_SCHEMA).writer()
            seen: set[str] = set()
            for fields_ in docs:
                if fields_["key"] not in seen:
                    seen.add(fields_["key"])
                    writer.add_document(**fields_)
            writer.commit()
            _write_atomic(path / STATE, json.dumps({"format": CAREERS_FORMAT, "signature": signature}))

        def remove_old(name: str, previous: str | None) -> None:
            # The previous generation stays: another process may be opening it.
            for entry in self.base_dir.iterdir():
                if entry.name.startswith(GENERATION_PREFIX) and entry.name < name and entry.name != previous:
                    shutil.rmtree(entry, ignore_errors=True)

        return swap_in_generation(self.base_dir, build, lambda: self._current_path().name, remove_old, lock_timeout)

    # Reading

    def _index(self) -> FileIndex:
        try:
            stat = os.stat(self.base_dir / POINTER)
        except (FileNotFoundError, NotADirectoryError):
            raise IndexUnavailable(f"no careers index in {self.base_dir}") from None
        pointer = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
        if self._opened is not None and self._opened[0] == pointer:
            return self._opened[1]
        path = self._current_path()
        if self.signature() is None:
            raise IndexUnavailable(f"careers index in {path} is from another version or unreadable")
        try:
            ix = FileIndex(FileStorage(str(path)), schema=CAREERS_SCHEMA)
        except Exception as exc:  # whatever Whoosh raises on damaged files
            raise IndexUnavailable(f"cannot open the careers index in {path}: {exc!r}") from exc
        self._opened = (pointer, ix)
        return ix

    def doc_count(self) -> int:
        with self._lock:
            try:
                return self._index().doc_count()
            except _READ_ERRORS as exc:
                raise IndexUnavailable(f"careers index read failed: {exc!r}") from exc

    def search(
        self,
        text: str,
        synonyms: Synonyms | None = None,
        limit: int = 3,
        kinds: Iterable[str] = KINDS,
    ) -> list[CareerHit]:
        """The best ``limit`` roles and pathways for the keywords, best first.

        Every word (or synonym term, matching any of its meanings) must match;
        words that match no role or pathway at all (a town, "jobs") are left
        out, so "physio leicester" still finds the physiotherapist. Nothing
        matches text without a usable word. Raises ``IndexUnavailable`` when
        there is no readable index.
        """
        keywords = Keywords.parse(text, synonyms)
        limit = max(1, min(MAX_LIMIT, int(limit)))
        kinds = [kind for kind in kinds if kind in KINDS]
        if not keywords.groups or not kinds:
            return []
        with self._lock:
            ix = self._index()
            try:
                with ix.searcher() as searcher:
                    wanted = [
                        query for query in map(_group_query, keywords.groups)
                        if searcher.search(query, limit=1, scored=False)
                    ]
                    if not wanted:
                        return []
                    kind_filter = Or([Term("kind", kind) for kind in kinds])
                    results = searcher.search(And(wanted), filter=kind_filter, limit=limit)
                    return [
                        CareerHit(
                            hit["kind"], hit["key"].split(":", 1)[1], hit.get("title", ""), hit.get("summary", ""),
                            hit.score,
                        )
                        for hit in results
                    ]
            except _READ_ERRORS as exc:
                raise IndexUnavailable(f"careers index read failed: {exc!r}") from exc

    def close(self) -> None:
        with self._lock:
            self._opened = None


def _group_query(group: Group):
    """Any alternative of the group, in any field, boosted by field."""
    options = []
    for alternative in group.alternatives:
        for field, boost in FIELD_BOOSTS.items():
            if len(alternative) == 1:
                options.append(Term(field, alternative[0], boost=boost))
            else:
                options.append(Phrase(field, list(alternative), boost=boost))
    return Or(options)


def _to_whoosh(doc: dict) -> dict:
    kind = doc["kind"]
    if kind not in KINDS:
        raise ValueError(f"unknown careers document kind {kind!r}")
    key = str(doc["key"])
    values = {
        "key": f"{kind}:{key}",
        "kind": kind,
        "title": doc.get("title") or "",
        "summary": doc.get("summary") or "",
        "text": doc.get("text") or "",
        "family": doc.get("family") or "",
        "routes": "\n".join(doc.get("routes") or ()),
    }
    values = {name: value for name, value in values.items() if value != ""}
    values["_boost"] = KIND_BOOSTS[kind]
    return values
