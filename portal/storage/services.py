"""Uploads in, downloads out, and the rule that keeps rows and stored objects in step.

A file is stored first and its row added after, in the caller's transaction; a row is deleted in the
caller's transaction and its object removed once that commits. Whatever dies half way, the leftover is
an object with no row: nobody can reach it, because every download starts from a row, and
:func:`remove_orphans` deletes it after a grace period longer than any upload takes to commit.
"""
from __future__ import annotations

import logging
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from flask import Flask, Response, current_app
from sqlalchemy import event, select
from sqlalchemy.orm import Session
from werkzeug.datastructures import FileStorage

from portal.extensions import db
from portal.storage.backends import Storage, StorageUnavailable, create_backend, new_key
from portal.storage.checks import CV_TYPES, FILE_TYPES, UploadRejected, display_name, identify, size_label
from portal.storage.models import StoredFile

log = logging.getLogger(__name__)

DELETE_AFTER_COMMIT = "storage_delete_after_commit"


def init_app(app: Flask) -> None:
    app.extensions["storage"] = create_backend(app.config, app.instance_path)


def get_storage() -> Storage:
    return current_app.extensions["storage"]


@dataclass(frozen=True)
class FileRules:
    """What an upload field accepts, for the hint beside it and its ``accept`` attribute."""

    labels: list[str]
    extensions: list[str]
    size_limit: str

    @property
    def labels_text(self) -> str:
        """Like "PDF, DOCX or ODT"."""
        return " or ".join(filter(None, [", ".join(self.labels[:-1]), self.labels[-1]]))


def file_rules(allowed: Collection[str]) -> FileRules:
    types = [file_type for name, file_type in FILE_TYPES.items() if name in allowed]
    return FileRules(
        labels=[file_type.label for file_type in types],
        extensions=[f".{file_type.extension}" for file_type in types],
        size_limit=size_label(current_app.config["UPLOAD_MAX_BYTES"]),
    )


def save_upload(
    upload: FileStorage | None,
    *,
    owner_id: int | None,
    purpose: str,
    allowed: Collection[str] = CV_TYPES,
    max_bytes: int | None = None,
    called: str = "file",
) -> StoredFile:
    """Check an uploaded file by its content, store it under a new key and add its row (flushed, not
    committed). Raises UploadRejected with a message to show beside the file field, which names the
    file as ``called`` when the storage cannot be reached."""
    limit = max_bytes or current_app.config["UPLOAD_MAX_BYTES"]
    if upload is None or not upload.filename:
        raise UploadRejected("Select a file")
    upload.stream.seek(0)
    data = upload.stream.read(limit + 1)
    if not data:
        raise UploadRejected("The selected file is empty")
    if len(data) > limit:
        raise UploadRejected(f"The selected file must be smaller than {size_label(limit)}")
    file_type = identify(data, allowed)
    key = new_key(purpose)
    try:
        get_storage().put(key, data, file_type.content_type)
    except StorageUnavailable:
        log.warning("Could not store an upload for %s", purpose, exc_info=True)
        raise UploadRejected(f"Your {called} could not be saved. Try again.") from None
    stored = StoredFile(
        key=key,
        owner_id=owner_id,
        purpose=purpose,
        filename=display_name(upload.filename, file_type.extension),
        content_type=file_type.content_type,
        size=len(data),
    )
    db.session.add(stored)
    db.session.flush()
    return stored


def read_bytes(stored: StoredFile) -> bytes:
    """The file's bytes; FileNotFoundError when its object has gone."""
    return get_storage().get(stored.key)


def download_response(stored: StoredFile) -> Response:
    """The file as an attachment (or a redirect to it). The caller has already checked who is asking."""
    return get_storage().download(stored.key, stored.filename, stored.content_type)


def delete_file(stored: StoredFile) -> None:
    """Delete the row now (flushed) and the object once the transaction commits."""
    key = stored.key
    db.session.delete(stored)
    db.session.flush()
    db.session.info.setdefault(DELETE_AFTER_COMMIT, []).append((get_storage(), key))


@event.listens_for(Session, "after_commit")
def _delete_objects_of_deleted_rows(session: Session) -> None:
    if session.in_nested_transaction():
        return
    for storage, key in session.info.pop(DELETE_AFTER_COMMIT, []):
        try:
            storage.delete(key)
        except Exception:
            log.warning("Could not delete stored file %s; the orphan sweep will", key, exc_info=True)


@event.listens_for(Session, "after_soft_rollback")
def _keep_objects_of_restored_rows(session: Session, _previous_transaction) -> None:
    # After a savepoint rolls back, deletes made before it are forgotten too: those objects become
    # orphans for the sweep, never files deleted under a row that survived.
    session.info.pop(DELETE_AFTER_COMMIT, None)


@dataclass(frozen=True)
class Sweep:
    """What one run of the orphan sweep removed."""

    orphans: int
    partial_writes: int


def remove_orphans(older_than: timedelta = timedelta(hours=1)) -> Sweep:
    """Delete stored objects that no row names, and writes a crashed process left half done, that are
    older than ``older_than`` (so an upload still in progress, or whose transaction is still open,
    keeps its file). Rows whose object has gone are logged and left alone: their downloads are a 404."""
    storage = get_storage()
    started = datetime.now(timezone.utc)
    objects = {stored_object.key: stored_object.modified for stored_object in storage.objects()}
    rows = dict(db.session.execute(select(StoredFile.key, StoredFile.created_at)).all())
    cutoff = started - older_than
    orphans = sorted(key for key, modified in objects.items() if key not in rows and modified <= cutoff)
    for key in orphans:
        storage.delete(key)
        log.info("Deleted orphaned stored file %s", key)
    partial_writes = storage.remove_partial_writes(cutoff)
    # A row written before the listing began had its object stored before it, so the listing saw it.
    listing_began = started.replace(tzinfo=None)
    for key, created_at in sorted(rows.items()):
        if key not in objects and created_at < listing_began:
            log.warning("Stored file %s has a row but no object", key)
    return Sweep(orphans=len(orphans), partial_writes=partial_writes)
