"""Where uploaded bytes live: a folder on this machine or an S3 bucket (AWS, MinIO, Ceph), behind one
interface. Backends know keys, bytes and responses; rows and rules are in services.py."""
from __future__ import annotations

import os
import re
import tempfile
import unicodedata
import uuid
from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import quote

import boto3
from botocore.config import Config as BotoConfig
from botocore.exceptions import BotoCoreError, ClientError
from flask import Response, abort, redirect, send_file
from werkzeug.http import dump_options_header

# "<purpose>/<32 hex digits>": the only shape a backend reads, writes or lists, so no name a person
# typed can reach the file system or another object in the bucket.
KEY_PATTERN = re.compile(r"([a-z][a-z0-9_]{0,29})/([0-9a-f]{32})")
MISSING_OBJECT_CODES = {"404", "NoSuchKey", "NotFound"}


class StorageUnavailable(Exception):
    """The storage did not answer, or failed: nothing is wrong with the file, and trying again later
    may work."""


def new_key(purpose: str) -> str:
    return check_key(f"{purpose}/{uuid.uuid4().hex}")


def check_key(key: str) -> str:
    if not KEY_PATTERN.fullmatch(key):
        raise ValueError(f"Not a storage key: {key!r}")
    return key


def attachment_disposition(filename: str) -> str:
    """``Content-Disposition: attachment`` with an ASCII name, plus the exact name in RFC 6266 form
    when it has other characters."""
    simple = unicodedata.normalize("NFKD", filename).encode("ascii", "ignore").decode("ascii")
    if simple == filename:
        return dump_options_header("attachment", {"filename": filename})
    exact = quote(filename, safe="!#$&+-.^_`|~")
    return dump_options_header("attachment", {"filename": simple, "filename*": f"UTF-8''{exact}"})


def private(response: Response) -> Response:
    response.headers["Cache-Control"] = "private, no-store"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


@dataclass(frozen=True)
class StoredObject:
    key: str
    modified: datetime  # UTC, timezone-aware


class Storage(ABC):
    @abstractmethod
    def put(self, key: str, data: bytes, content_type: str) -> None: ...

    @abstractmethod
    def get(self, key: str) -> bytes:
        """The object's bytes; FileNotFoundError when there is none. Every method of a remote store
        raises StorageUnavailable when the store cannot be reached."""

    @abstractmethod
    def exists(self, key: str) -> bool: ...

    @abstractmethod
    def delete(self, key: str) -> None:
        """Remove the object; nothing happens when it is already gone."""

    @abstractmethod
    def objects(self) -> Iterator[StoredObject]:
        """Every object whose key has the storage key shape."""

    @abstractmethod
    def download(self, key: str, filename: str, content_type: str) -> Response:
        """A response that gives the object to the browser as an attachment; 404 when there is none."""

    def remove_partial_writes(self, older_than: datetime) -> int:
        """Remove writes a crashed process left unfinished; how many were removed."""
        return 0


class LocalStorage(Storage):
    """Files under ``root/<purpose>/<first two hex digits>/<hex>``, each written to ``root/.partial``
    first and renamed into place, so a reader never sees half a file."""

    def __init__(self, root: str | Path):
        self.root = Path(root)
        self.partial = self.root / ".partial"

    def path(self, key: str) -> Path:
        purpose, name = check_key(key).split("/")
        return self.root / purpose / name[:2] / name

    def put(self, key: str, data: bytes, content_type: str) -> None:
        path = self.path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        self.partial.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=self.partial)
        try:
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def get(self, key: str) -> bytes:
        return self.path(key).read_bytes()

    def exists(self, key: str) -> bool:
        return self.path(key).is_file()

    def delete(self, key: str) -> None:
        self.path(key).unlink(missing_ok=True)

    def objects(self) -> Iterator[StoredObject]:
        for path in self.root.glob("*/??/*"):
            key = f"{path.parent.parent.name}/{path.name}"
            if not KEY_PATTERN.fullmatch(key) or path.parent.name != path.name[:2]:
                continue
            modified = _modified(path)
            if modified is not None:
                yield StoredObject(key, modified)

    def download(self, key: str, filename: str, content_type: str) -> Response:
        path = self.path(key)
        if not path.is_file():
            abort(404)
        response = send_file(path, mimetype=content_type, etag=False)
        response.headers["Content-Disposition"] = attachment_disposition(filename)
        return private(response)

    def remove_partial_writes(self, older_than: datetime) -> int:
        removed = 0
        for path in self.partial.glob("*"):
            modified = _modified(path)
            if modified is not None and modified <= older_than:
                path.unlink(missing_ok=True)
                removed += 1
        return removed


def _modified(path: Path) -> datetime | None:
    """When the file was last written, or None when another process has just removed it."""
    try:
        return datetime.fromtimestamp(path.stat().st_mtime, timezone.utc)
    except FileNotFoundError:
        return None


class S3Storage(Storage):
    """Objects in one bucket; downloads redirect to a presigned URL that lives ``presign_seconds``."""

    def __init__(self, client, bucket: str, presign_seconds: int):
        self.client = client
        self.bucket = bucket
        self.presign_seconds = presign_seconds

    def put(self, key: str, data: bytes, content_type: str) -> None:
        with _answering(key):
            self.client.put_object(Bucket=self.bucket, Key=check_key(key), Body=data, ContentType=content_type)

    def get(self, key: str) -> bytes:
        with _answering(key):
            return self.client.get_object(Bucket=self.bucket, Key=check_key(key))["Body"].read()

    def exists(self, key: str) -> bool:
        try:
            with _answering(key):
                self.client.head_object(Bucket=self.bucket, Key=check_key(key))
        except FileNotFoundError:
            return False
        return True

    def delete(self, key: str) -> None:
        with _answering(key):
            self.client.delete_object(Bucket=self.bucket, Key=check_key(key))

    def objects(self) -> Iterator[StoredObject]:
        with _answering(self.bucket):
            for page in self.client.get_paginator("list_objects_v2").paginate(Bucket=self.bucket):
                for item in page.get("Contents", []):
                    if KEY_PATTERN.fullmatch(item["Key"]):
                        yield StoredObject(item["Key"], item["LastModified"])

    def download(self, key: str, filename: str, content_type: str) -> Response:
        if not self.exists(key):
            abort(404)
        url = self.client.generate_presigned_url(
            "get_object",
            Params={
                "Bucket": self.bucket,
                "Key": key,
                "ResponseContentDisposition": attachment_disposition(filename),
                "ResponseContentType": content_type,
                "ResponseCacheControl": "private, no-store",
            },
            ExpiresIn=self.presign_seconds,
        )
        return private(redirect(url, 302))


def _is_missing(error: ClientError) -> bool:
    return error.response.get("Error", {}).get("Code") in MISSING_OBJECT_CODES


@contextmanager
def _answering(name: str) -> Iterator[None]:
    """S3's errors as the storage interface states them: FileNotFoundError for a missing object,
    StorageUnavailable when the service cannot be reached or fails."""
    try:
        yield
    except ClientError as error:
        if _is_missing(error):
            raise FileNotFoundError(name) from error
        raise StorageUnavailable(f"S3 refused {name}: {error}") from error
    except BotoCoreError as error:
        raise StorageUnavailable(f"S3 unreachable for {name}: {error}") from error


def s3_client(config: Mapping):
    """A boto3 S3 client from the app's S3_* settings. With an endpoint URL (MinIO, Ceph, a test
    server) buckets are addressed by path, which those servers expect."""
    endpoint_url = config["S3_ENDPOINT_URL"] or None
    return boto3.session.Session().client(
        "s3",
        region_name=config["S3_REGION"] or None,
        endpoint_url=endpoint_url,
        aws_access_key_id=config["S3_ACCESS_KEY_ID"] or None,
        aws_secret_access_key=config["S3_SECRET_ACCESS_KEY"] or None,
        config=BotoConfig(
            signature_version="s3v4",
            s3={"addressing_style": "path" if endpoint_url else "auto"},
            connect_timeout=5,
            read_timeout=30,
            retries={"max_attempts": 3, "mode": "standard"},
        ),
    )


def create_backend(config: Mapping, instance_path: str) -> Storage:
    backend = config["STORAGE_BACKEND"]
    if backend == "local":
        return LocalStorage(config["STORAGE_LOCAL_DIR"] or Path(instance_path) / "files")
    if backend == "s3":
        if not config["S3_BUCKET"]:
            raise ValueError("STORAGE_BACKEND is s3, so S3_BUCKET must be set")
        return S3Storage(s3_client(config), config["S3_BUCKET"], config["S3_PRESIGN_SECONDS"])
    raise ValueError(f"STORAGE_BACKEND must be 'local' or 's3', not {backend!r}")
