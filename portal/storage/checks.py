"""What an upload really is, judged by its bytes and never by its name, and what to call it."""
from __future__ import annotations

import io
import re
import struct
import unicodedata
import zipfile
import zlib
from collections.abc import Collection
from dataclasses import dataclass

from PIL import Image

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
# Pictures shown on the site are at most this many pixels a side: a larger one would be made smaller by the
# browser anyway, and one that claims millions of pixels in a small file (a decompression bomb) is refused
# before its pixels are decoded.
MAX_IMAGE_SIDE = 4000


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
        FileType("webp", "WebP", "webp", "image/webp"),
    )
}
CV_TYPES = frozenset({"pdf", "docx", "odt"})
EVIDENCE_TYPES = frozenset({"pdf", "png", "jpeg", "docx", "odt"})
IMAGE_TYPES = frozenset({"png", "jpeg", "webp"})
# Pillow's names for the image types, so that it decodes nothing else.
PILLOW_FORMATS = {"png": "PNG", "jpeg": "JPEG", "webp": "WEBP"}


def identify(data: bytes, allowed: Collection[str]) -> FileType:
    """The type of ``data`` if it is one of ``allowed``; UploadRejected otherwise."""
    unknown = set(allowed) - FILE_TYPES.keys()
    if unknown:
        raise ValueError(f"Unknown file types: {sorted(unknown)}")
    file_type = _sniff(data)
    if file_type is None or file_type.name not in allowed:
        raise UploadRejected(f"The selected file must be a {_labels(allowed)}")
    return file_type


def check_image(data: bytes, called: str = "image", allowed: Collection[str] = IMAGE_TYPES) -> FileType:
    """The type of an image to be shown on the site: one of ``allowed`` by its content, of a sensible size
    in pixels, and decoded in full, so that a truncated or corrupt file is refused now rather than shown
    broken. Messages name the file as ``called``."""
    if not set(allowed) <= IMAGE_TYPES:
        raise ValueError(f"Not image types: {sorted(set(allowed) - IMAGE_TYPES)}")
    file_type = _sniff(data)
    if file_type is None or file_type.name not in allowed:
        raise UploadRejected(f"The {called} must be a {_labels(allowed)} image")
    too_large = (
        f"The {called} must be at most {MAX_IMAGE_SIDE:,} pixels wide and {MAX_IMAGE_SIDE:,} pixels high"
    )
    try:
        with Image.open(io.BytesIO(data), formats=[PILLOW_FORMATS[file_type.name]]) as image:
            width, height = image.size
            if max(width, height) > MAX_IMAGE_SIDE:
                raise UploadRejected(too_large)
            image.load()
    except UploadRejected:
        raise
    except Image.DecompressionBombError as error:
        raise UploadRejected(too_large) from error
    except (OSError, SyntaxError, ValueError, EOFError, struct.error, zlib.error) as error:
        # Pillow's ways of saying the bytes are not a whole, valid image (UnidentifiedImageError is an OSError).
        raise UploadRejected(f"The {called} could not be opened – save it again and upload the new copy") from error
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
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return FILE_TYPES["webp"]
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
