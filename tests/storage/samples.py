"""Small real-shaped files of each type, and files that only pretend to be one."""
from __future__ import annotations

import io
import random
import zipfile

from werkzeug.datastructures import FileStorage

PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
    b"\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
)
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"
HTML = b"<!DOCTYPE html><html><body><script>document.location='https://evil.example'</script></body></html>"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"This program cannot be run in DOS mode."
CONTENT_TYPES_XML = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
DOCUMENT_XML = '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'


def zipped(entries: dict[str, str | bytes], *, stored_first: bool = False) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for index, (name, content) in enumerate(entries.items()):
            method = zipfile.ZIP_STORED if stored_first and index == 0 else zipfile.ZIP_DEFLATED
            archive.writestr(name, content, compress_type=method)
    return buffer.getvalue()


DOCX = zipped({"[Content_Types].xml": CONTENT_TYPES_XML, "word/document.xml": DOCUMENT_XML})
ODT = zipped(
    {"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<office:document-content/>"},
    stored_first=True,
)
ODS = zipped(
    {"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<office:document-content/>"},
    stored_first=True,
)


def zip_bomb(unzipped_megabytes: int) -> bytes:
    """A DOCX whose document is megabytes of zeros, written a megabyte at a time."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES_XML)
        with archive.open("word/document.xml", "w") as handle:
            megabyte = bytes(1024 * 1024)
            for _ in range(unzipped_megabytes):
                handle.write(megabyte)
    return buffer.getvalue()


def upload(data: bytes, filename: str = "cv.pdf", content_type: str = "application/pdf") -> FileStorage:
    """What Flask gives a view for a file field; the browser's name and type are whatever it claims."""
    return FileStorage(stream=io.BytesIO(data), filename=filename, content_type=content_type)


def image(image_format: str, size: tuple[int, int] = (4, 3), noise: bool = False) -> bytes:
    """A real image that decodes, made by Pillow; with ``noise`` it barely compresses."""
    from PIL import Image

    picture = Image.new("RGB", size, (0, 94, 184))
    if noise:
        picture = Image.frombytes("RGB", size, random.Random(1).randbytes(size[0] * size[1] * 3))
    buffer = io.BytesIO()
    picture.save(buffer, image_format)
    return buffer.getvalue()


IMAGE_PNG = image("PNG")
IMAGE_JPEG = image("JPEG")
IMAGE_WEBP = image("WEBP")
# The first half of a real picture: its header reads, its pixels stop short.
TRUNCATED_PNG = image("PNG", (64, 64), noise=True)[:1500]


def png_claiming(width: int, height: int) -> bytes:
    """A small PNG whose header claims ``width`` by ``height`` pixels, as a decompression bomb does."""
    import struct
    import zlib

    data = bytearray(IMAGE_PNG)
    header = b"IHDR" + struct.pack(">II", width, height) + bytes(data[24:29])
    data[12:29] = header
    data[29:33] = struct.pack(">I", zlib.crc32(header))
    return bytes(data)
