"""Secrets kept in files of the instance folder, made on first use."""
from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from pathlib import Path


def read_or_create(path: Path, make: Callable[[], bytes]) -> bytes:
    """The bytes of ``path``; when the file is missing, ``make()`` is written there, readable by its owner
    only. The new file is written aside and linked into place, so two processes starting at once end up
    with the same secret: the second one's link fails and it reads the first one's file."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    content = make()
    aside = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    descriptor = os.open(aside, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(aside, path)
        except FileExistsError:
            return path.read_bytes()
    finally:
        aside.unlink(missing_ok=True)
    return content
