"""What an upload really is, judged by its bytes and never by its name, and what to call it."""
from __future__ import annotations

import io
import re
import unicodedata
import zipfile
import zlib
from collections.abc import Collection
from dataclasses import dataclass

from portal.refusals import Refused

# Limits on what a document's zip may claim to hold, read from its directory without extracting.
MAX_ZIP_ENTRIES = 1000
MAX_UNZIPPED_BYTES = 50 * 1024 * 1024
# Office XML compresses about ten to one; zeros or repeated text compress a thousand to one.
MAX_ENTRY_RATIO = 100
RATIO_CHECKED_ABOVE = 1024 * 1024

ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
JPEG_SIGNATURE = b"\xff\xd8\xff"
ZIP_SIGNATURE = b"PK\x03\x04"
UNREADABLE = "The selected file could not be opened – save it again and upload the new copy"


class UploadRejected(Refused, ValueError):
    """An upload the portal will not keep; the message is written for the person who chose the file."""


@dataclass(frozen=True)
class FileType:
    name: str
    label: str
    extension: str
    content_type: str


FILE_TYPES = {
    file_type.name: file_type
    for file_type in (
        FileType("pdf", "PDF", "pdf", "application/pdf"),
        FileType(
            "docx", "DOCX", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        ),
        FileType("odt", "ODT", "odt", ODT_MIMETYPE.decode()),
        FileType("png", "PNG", "png", "image/png"),
        FileType("jpeg", "JPG", "jpg", "image/jpeg"),
    )
}
CV_TYPES = frozenset({"pdf", "docx", "odt"})
EVIDENCE_TYPES = frozenset({"pdf", "png", "jpeg", "docx", "odt"})


def identify(data: bytes, allowed: Collection[str]) -> FileType:
    """The type of ``data`` if it is one of ``allowed``; UploadRejected otherwise."""
    unknown = set(allowed) - FILE_TYPES.keys()
    if unknown:
        raise ValueError(f"Unknown file types: {sorted(unknown)}")
    file_type = _sniff(data)
    if file_type is None or file_type.name not in allowed:
        raise UploadRejected(f"The selected file must be a {_labels(allowed)}")
    return file_type


def _labels(allowed: Collection[str]) -> str:
    labels = [file_type.label for name, file_type in FILE_TYPES.items() if name in allowed]
    return labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} or {labels[-1]}"


def _sniff(data: bytes) -> FileType | None:
    if data.startswith(b"%PDF-"):
        return FILE_TYPES["pdf"]
    if data.startswith(PNG_SIGNATURE):
        return FILE_TYPES["png"]
    if data.startswith(JPEG_SIGNATURE):
        return FILE_TYPES["jpeg"]
    if data.startswith(ZIP_SIGNATURE):
        return _sniff_document(data)
    return None


def _sniff_document(data: bytes) -> FileType | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
            _refuse_bombs(entries)
            if entries and entries[0].filename == "mimetype":
                with archive.open(entries[0]) as entry:
                    is_odt = entry.read(len(ODT_MIMETYPE) + 1) == ODT_MIMETYPE
                return FILE_TYPES["odt"] if is_odt else None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError,
            ValueError) as error:
        raise UploadRejected(UNREADABLE) from error
    names = {entry.filename for entry in entries}
    if {"[Content_Types].xml", "word/document.xml"} <= names:
        return FILE_TYPES["docx"]
    return None


def _refuse_bombs(entries: list[zipfile.ZipInfo]) -> None:
    if len(entries) > MAX_ZIP_ENTRIES or sum(entry.file_size for entry in entries) > MAX_UNZIPPED_BYTES:
        raise UploadRejected(UNREADABLE)
    for entry in entries:
        if entry.file_size > RATIO_CHECKED_ABOVE and entry.file_size > MAX_ENTRY_RATIO * entry.compress_size:
            raise UploadRejected(UNREADABLE)


def display_name(original: str, extension: str) -> str:
    """A name to offer when the file is downloaded: no folders, no control or quoting characters, and the
    extension of what the file really is."""
    name = unicodedata.normalize("NFC", original).replace("\\", "/").rsplit("/", 1)[-1]
    stem = name.rpartition(".")[0] or name
    stem = "".join(ch if ch.isalnum() or ch in " -_.,()'’&+" else " " for ch in stem)
    stem = re.sub(r"\s+", " ", stem).strip(" .")[:100].rstrip(" .")
    return f"{stem or 'document'}.{extension}"


def size_label(size: int) -> str:
    """5242880 -> "5 MB", in the units people see in their file browser."""
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= scale:
            return f"{round(size / scale, 1):g} {unit}"
    return f"{size} bytes"
