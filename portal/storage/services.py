"""Uploads in, downloads out, and the rule that keeps rows and stored objects in step.

A file is stored first and its row added after, in the caller's transaction; a row is deleted in the
caller's transaction and its object removed once that commits. Whatever dies half way, the leftover is
an object with no row: nobody can reach it, because every download starts from a row, and
:func:`remove_orphans` deletes it after a grace period longer than any upload takes to commit.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from enum import Enum

from flask import Flask, Response, abort, current_app, url_for
from sqlalchemy import event, select
from sqlalchemy.orm import Session
from werkzeug.datastructures import FileStorage

from portal.extensions import db
from portal.storage.backends import KEY_PATTERN, Storage, StorageUnavailable, create_backend, new_key
from portal.storage.checks import (
    CV_TYPES, FILE_TYPES, FileType, UploadRejected, check_image, display_name, identify, size_label,
)
from portal.storage.models import StoredFile

log = logging.getLogger(__name__)

DELETE_AFTER_COMMIT = "storage_delete_after_commit"


def init_app(app: Flask) -> None:
    app.extensions["storage"] = create_backend(app.config, app.instance_path)
    app.add_template_global(image_url)


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
    data = _read_upload(upload, max_bytes, "The selected file")
    return _store(data, identify(data, allowed), upload.filename, owner_id=owner_id, purpose=purpose, called=called)


def check_image_upload(upload: FileStorage | None, *, max_bytes: int, called: str = "image") -> FileType:
    """What :func:`save_image` checks, without storing: for a form's validator. The stream is left at its
    start."""
    data = _read_upload(upload, max_bytes, f"The {called}")
    upload.stream.seek(0)
    return check_image(data, called)


def save_image(
    upload: FileStorage | None, *, owner_id: int | None, purpose: str, max_bytes: int, called: str = "image"
) -> StoredFile:
    """An image to show on the site (a PNG, JPEG or WebP that decodes in full and is of a sensible size),
    checked, stored and its row added, as :func:`save_upload` does. Its address is :func:`image_url`."""
    data = _read_upload(upload, max_bytes, f"The {called}")
    return _store(data, check_image(data, called), upload.filename, owner_id=owner_id, purpose=purpose, called=called)


def _read_upload(upload: FileStorage | None, max_bytes: int | None, subject: str) -> bytes:
    limit = max_bytes or current_app.config["UPLOAD_MAX_BYTES"]
    if upload is None or not upload.filename:
        raise UploadRejected("Select a file")
    upload.stream.seek(0)
    data = upload.stream.read(limit + 1)
    if not data:
        raise UploadRejected(f"{subject} is empty")
    if len(data) > limit:
        raise UploadRejected(f"{subject} must be smaller than {size_label(limit)}")
    return data


def _store(data: bytes, file_type: FileType, original_name: str, *, owner_id: int | None, purpose: str,
           called: str) -> StoredFile:
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
        filename=display_name(original_name, file_type.extension),
        content_type=file_type.content_type,
        size=len(data),
    )
    db.session.add(stored)
    db.session.flush()
    return stored


class Shown(Enum):
    """Who may see a public image: anyone, so that any cache may keep it; or only the person asking (such
    as an organisation's own logo before it is approved), so that no cache does."""

    TO_EVERYONE = "everyone"
    TO_THIS_VIEWER = "viewer"


# The purposes of images shown on the site, each with who may see one, registered by the domain that
# uses them. Every other stored file is private and downloaded only through its own domain's route.
_public_images: dict[str, Callable[[StoredFile, object], Shown | None]] = {}
IMAGE_CACHE_SECONDS = 365 * 24 * 60 * 60


def register_public_images(purpose: str, shown: Callable[[StoredFile, object], Shown | None]) -> None:
    """Serve stored files of ``purpose`` at :func:`image_url`; ``shown(stored, user)`` says who may see
    one, or None for nobody (a 404)."""
    _public_images[purpose] = shown


def image_url(stored: StoredFile, **url_options) -> str:
    """The image's address. A new image is stored under a new key, so the address of an image changes
    whenever the image does, and caches may keep each one for a year."""
    purpose, name = stored.key.split("/")
    extension = stored.filename.rpartition(".")[2]
    return url_for("storage.image", purpose=purpose, name=f"{name}.{extension}", **url_options)


def public_image(purpose: str, name: str, user) -> tuple[StoredFile, Shown] | None:
    """The image at ``/images/<purpose>/<name>`` if ``user`` may see it, and who else may."""
    stem, _, extension = name.partition(".")
    key = f"{purpose}/{stem}"
    if purpose not in _public_images or not KEY_PATTERN.fullmatch(key):
        return None
    stored = db.session.scalar(select(StoredFile).where(StoredFile.key == key))
    if stored is None or stored.filename.rpartition(".")[2] != extension:
        return None
    shown = _public_images[purpose](stored, user)
    return (stored, shown) if shown is not None else None


def image_response(stored: StoredFile, shown: Shown) -> Response:
    """The image inline, from whichever backend holds it, with an ETag; kept for a year by any cache when
    everyone may see it. 404 when its object has gone."""
    try:
        data = read_bytes(stored)
    except FileNotFoundError:
        abort(404)
    response = Response(data, mimetype=stored.content_type)
    response.set_etag(stored.key.replace("/", "-"))
    if shown is Shown.TO_EVERYONE:
        response.cache_control.public = True
        response.cache_control.max_age = IMAGE_CACHE_SECONDS
        response.cache_control.immutable = True
    else:
        response.cache_control.private = True
        response.cache_control.no_store = True
    return response


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
