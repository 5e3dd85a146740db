"""Finding the one row a request names among those the person may see, or answering 404.

Each domain's services say what a person may see: a lookup such as ``get_work_history(entry_id, user_id)``
finds a row only within that scope, and answers None otherwise. The view passes the answer through
:func:`found_or_404`, so a row that does not exist and a row that belongs to someone else get the same
404: an id never tells anyone whether another person's record exists.
"""
from __future__ import annotations

from typing import TypeVar

from flask import abort

Row = TypeVar("Row")


def found_or_404(row: Row | None, description: str | None = None) -> Row:
    """``row``, or a 404 (with ``description`` for the API's error body) when the lookup found none."""
    if row is None:
        abort(404, description=description)
    return row
