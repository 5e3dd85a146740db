"""The on-disk vacancy index: generations, pointer, cursor, locking, refresh.

Layout of ``base_dir``::

    CURRENT              name of the live generation (replaced atomically)
    REBUILD.lock         held while a generation is built and swapped in
    gen-<time>-<pid>/    a Whoosh index plus
        STATE.json       {"format": FORMAT_VERSION, "cursor": n}, replaced atomically
        APPLY.lock       held by ``apply`` around the Whoosh commit and the cursor write

The database is the source of truth. Whoosh commits are not crash-safe, so
anything unreadable is reported as ``IndexUnavailable`` and the caller
rebuilds. ``rebuild`` writes a whole new generation and only then swaps the
pointer, so searches keep using the previous generation meanwhile.
"""

from __future__ import annotations

import json
import os
import pickle
import shutil
import struct
import threading
import time
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path

from whoosh.filedb.filestore import FileStorage
from whoosh.index import TOC, FileIndex, LockError
from whoosh.util.filelock import FileLock, try_for

from .building import BulkWriter
from .engine import View
from .query import SearchQuery, SearchResult
from .schema import CODEC, FORMAT_VERSION, SCHEMA, doc_key, to_whoosh

POINTER = "CURRENT"
STATE = "STATE.json"
APPLY_LOCK = "APPLY.lock"
REBUILD_LOCK = "REBUILD.lock"
GENERATION_PREFIX = "gen-"
LOCK_POLL_SECONDS = 0.01
OPEN_ATTEMPTS = 3
# Rebuilds are rare; this only bounds how often apply follows a pointer swap.
APPLY_ATTEMPTS = 3

# What reading a damaged Whoosh index raises (missing files, truncated data).
_READ_ERRORS = (OSError, EOFError, struct.error, zlib.error, pickle.UnpicklingError)


class IndexUnavailable(Exception):
    """The index is missing, damaged or from an incompatible version: rebuild it."""


class VacancyIndex:
    """A vacancy index in ``base_dir``, shared by any number of processes.

    Searching never waits for writers. One searcher is kept per instance and
    refreshed when another commit or a rebuild is seen; instances are safe to
    share between threads.
    """

    def __init__(self, base_dir: str | os.PathLike) -> None:
        self.base_dir = Path(base_dir)
        self._lock = threading.RLock()
        self._view: View | None = None
        self._view_pointer: tuple | None = None
        self._segments: dict = {}

    # Generations and state

    def _pointer(self) -> str:
        try:
            name = (self.base_dir / POINTER).read_text().strip()
        except FileNotFoundError:
            raise IndexUnavailable(f"no index in {self.base_dir}") from None
        if not name.startswith(GENERATION_PREFIX) or "/" in name:
            raise IndexUnavailable(f"bad generation pointer {name!r}")
        return name

    def _current_path(self) -> Path:
        path = self.base_dir / self._pointer()
        if not path.is_dir():
            raise IndexUnavailable(f"generation {path} is missing")
        return path

    @staticmethod
    def _read_state(path: Path) -> dict:
        try:
            state = json.loads((path / STATE).read_text())
            int(state["cursor"])
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise IndexUnavailable(f"unreadable index state in {path}") from exc
        if state.get("format") != FORMAT_VERSION:
            raise IndexUnavailable(
                f"index format {state.get('format')} in {path}, expected {FORMAT_VERSION}"
            )
        return state

    @staticmethod
    def _write_state(path: Path, cursor: int) -> None:
        _write_atomic(path / STATE, json.dumps({"format": FORMAT_VERSION, "cursor": int(cursor)}))

    def exists(self) -> bool:
        """Whether a live generation with a readable table of contents is in
        place (segment files are only checked when searching)."""
        try:
            path = self._current_path()
            self._read_state(path)
            FileIndex(FileStorage(str(path)), schema=SCHEMA)
        except IndexUnavailable:
            return False
        except Exception:  # whatever Whoosh raises on a missing or damaged TOC
            return False
        return True

    @property
    def cursor(self) -> int:
        """Id of the last change-log record applied to the live generation."""
        return int(self._read_state(self._current_path())["cursor"])

    # Writing

    def create_empty(self, cursor: int = 0) -> None:
        self.rebuild([], cursor)

    def apply(
        self,
        upserts: Iterable[dict],
        deletes: Iterable[int],
        cursor: int,
        lock_timeout: float = 2.0,
    ) -> bool:
        """Add or replace ``upserts`` (invisible ones are removed), remove the
        vacancy ids in ``deletes``, commit, then record ``cursor``.

        Returns False, changing nothing, when another writer keeps the lock
        for ``lock_timeout`` seconds. Applying the same changes twice is
        harmless. Raises ``IndexUnavailable`` if there is no readable index.
        """
        upserts = list(upserts)
        # Convert first: a bad document is the caller's error, not a damaged index.
        added = [to_whoosh(doc) for doc in upserts if doc.get("visible", True)]
        removed = [doc_key(doc["id"]) for doc in upserts if not doc.get("visible", True)]
        removed += [doc_key(vacancy_id) for vacancy_id in deletes]
        deadline = time.monotonic() + lock_timeout
        for _ in range(APPLY_ATTEMPTS):
            path = self._current_path()
            lock = FileLock(str(path / APPLY_LOCK))
            try:
                acquired = try_for(lock.acquire, _remaining(deadline), LOCK_POLL_SECONDS)
            except FileNotFoundError:
                continue  # the generation was swapped out and removed meanwhile
            if not acquired:
                return False
            try:
                if self._pointer() != path.name:
                    continue  # a rebuild swapped generations while we waited
                if added or removed:
                    if not self._commit(path, added, removed, _remaining(deadline)):
                        return False
                self._write_state(path, cursor)
                return True
            finally:
                lock.release()
        return False

    @staticmethod
    def _commit(path: Path, added: list[dict], removed: list[str], timeout: float) -> bool:
        # Documents are already converted, so failures here come from the index.
        try:
            ix = FileIndex(FileStorage(str(path)), schema=SCHEMA)
            writer = ix.writer(timeout=timeout, delay=LOCK_POLL_SECONDS, codec=CODEC)
        except LockError:
            return False
        except Exception as exc:
            raise IndexUnavailable(f"cannot open {path} for writing: {exc!r}") from exc
        try:
            for key in removed:
                writer.delete_by_term("key", key)
            for fields in added:
                writer.update_document(**fields)
            writer.commit()
        except BaseException as exc:
            writer.cancel()
            if isinstance(exc, Exception):
                raise IndexUnavailable(f"cannot update {path}: {exc!r}") from exc
            raise
        return True

    def rebuild(self, docs: Iterable[dict], cursor: int, lock_timeout: float | None = None) -> bool:
        """Index ``docs`` (the complete set; invisible ones are skipped, a
        repeated id keeps its first document) into a new generation, record
        ``cursor`` and make it live. ``cursor`` must be the change-log position
        the documents were read at; later changes are then applied on top.

        Waits up to ``lock_timeout`` seconds (None: as long as it takes) for
        another rebuild to finish, returning False if it is still running.
        """
        def build(path: Path) -> None:
            self._build(path, docs)
            self._write_state(path, cursor)

        return swap_in_generation(
            self.base_dir, build, self._pointer,
            lambda name, previous: self._remove_generations(older_than=name, keep={previous}), lock_timeout,
        )

    @staticmethod
    def _build(path: Path, docs: Iterable[dict]) -> None:
        writer = BulkWriter(FileStorage(str(path)).create_index(SCHEMA))
        seen: set[int] = set()
        try:
            for doc in docs:
                if doc["id"] in seen or not doc.get("visible", True):
                    continue
                seen.add(doc["id"])
                writer.add_document(**to_whoosh(doc))
        except BaseException:
            writer.cancel()
            raise
        writer.commit()

    def _remove_generations(self, older_than: str, keep: set) -> None:
        # The previous generation is kept: other processes may still be opening
        # it, having read the pointer just before the swap. Older ones have had
        # a whole rebuild's time to move on. Newer ones are never touched: when
        # the directory was deleted under a running rebuild, another rebuild can
        # start beside it (its lock file went with the directory), and each must
        # leave the other's generation alone. Names sort by the time they were
        # made, so the newest generation always survives.
        for entry in self.base_dir.iterdir():
            if not entry.name.startswith(GENERATION_PREFIX) or entry.name in keep:
                continue
            if entry.name >= older_than:
                continue
            if not entry.is_dir():
                continue
            lock = FileLock(str(entry / APPLY_LOCK))
            try:
                if not lock.acquire():
                    continue  # a late apply is still writing there
            except FileNotFoundError:
                continue
            try:
                shutil.rmtree(entry, ignore_errors=True)
            finally:
                lock.release()

    # Reading

    def _fresh_view(self) -> View:
        try:
            stat = os.stat(self.base_dir / POINTER)
        except FileNotFoundError:
            raise IndexUnavailable(f"no index in {self.base_dir}") from None
        pointer = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
        view = self._view
        if view is not None and self._view_pointer == pointer:
            try:
                if view.up_to_date():
                    return view
            except _READ_ERRORS as exc:
                raise IndexUnavailable(f"index generation vanished: {exc!r}") from exc
        new = self._open_view()
        self._view, self._view_pointer = new, pointer
        self._drop_segments(keep=new.segment_ids)
        return new

    def _drop_segments(self, keep: set[str]) -> None:
        for segment_id in list(self._segments):
            if segment_id not in keep:
                self._segments.pop(segment_id).close()

    def _open_view(self) -> View:
        error: Exception | None = None
        for attempt in range(OPEN_ATTEMPTS):
            try:
                path = self._current_path()
                self._read_state(path)
            except IndexUnavailable as exc:
                error = exc
            else:
                try:
                    ix = FileIndex(FileStorage(str(path)), schema=SCHEMA)
                    toc = TOC.read(ix.storage, ix.indexname, schema=SCHEMA)
                    return View(ix, toc, self._segments)
                except Exception as exc:  # whatever Whoosh raises on damaged files
                    error = exc
            # A concurrent commit or cleanup may have removed files being
            # opened; a damaged index fails every time.
            time.sleep(0.02 * (attempt + 1))
        if isinstance(error, IndexUnavailable):
            raise error
        raise IndexUnavailable(f"cannot open the index in {self.base_dir}: {error!r}") from error

    def search(self, query: SearchQuery) -> SearchResult:
        """Run a query; see ``SearchQuery`` and ``SearchResult``."""
        with self._lock:
            view = self._fresh_view()
            try:
                return view.execute(query)
            except _READ_ERRORS as exc:
                raise IndexUnavailable(f"index read failed: {exc!r}") from exc

    def doc_count(self) -> int:
        """Number of indexed (visible) vacancies, including expired ones."""
        with self._lock:
            return self._fresh_view().live_count

    def warm(self, common_words: int = 0) -> None:
        """Build the in-memory filter, sort and location structures now rather
        than during the first searches, and the keyword sets of the
        ``common_words`` most frequent title words. Takes seconds on a large
        index (and blocks searches from this instance meanwhile)."""
        with self._lock:
            self._fresh_view().warm(common_words)

    def close(self) -> None:
        with self._lock:
            self._view = self._view_pointer = None
            self._drop_segments(keep=set())


def swap_in_generation(
    base_dir: Path,
    build: Callable[[Path], None],
    live_name: Callable[[], str],
    remove_old: Callable[[str, str | None], None],
    lock_timeout: float | None,
) -> bool:
    """Under the rebuild lock, ``build`` a whole new generation directory, make it durable, point at it,
    then let ``remove_old(new name, previous name)`` clear older generations. Waits up to ``lock_timeout``
    seconds (None: as long as it takes) for another rebuild, returning False if it is still running."""
    base_dir.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(base_dir / REBUILD_LOCK))
    if lock_timeout is None:
        lock.acquire(blocking=True)
    elif not try_for(lock.acquire, lock_timeout, LOCK_POLL_SECONDS):
        return False
    try:
        try:
            previous = live_name()
        except IndexUnavailable:
            previous = None
        name = f"{GENERATION_PREFIX}{time.time_ns():020d}-{os.getpid()}"
        path = base_dir / name
        path.mkdir()
        try:
            build(path)
            _fsync_tree(path)
        except BaseException:
            shutil.rmtree(path, ignore_errors=True)
            raise
        _write_atomic(base_dir / POINTER, name)
        remove_old(name, previous)
    finally:
        lock.release()
    return True


def _remaining(deadline: float) -> float:
    return max(0.0, deadline - time.monotonic())


def _write_atomic(path: Path, text: str) -> None:
    temp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    with open(temp, "w") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(temp, path)
    _fsync_dir(path.parent)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_tree(path: Path) -> None:
    for entry in path.iterdir():
        if entry.is_file():
            fd = os.open(entry, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
    _fsync_dir(path)
