"""The reviewed synonym list (``data/synonyms.csv``) that vacancy and careers searches apply to the words
people type: one line per term, its meanings separated by semicolons, and a note saying what the term
means where that is not obvious."""
from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

from search import Synonyms

SYNONYMS_FILE = Path(__file__).parent / "data" / "synonyms.csv"


def read_synonyms(path: Path = SYNONYMS_FILE) -> Synonyms:
    """The list in ``path``; raises ValueError naming the line of a term or meaning with no searchable word."""
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    entries = []
    for line, row in enumerate(rows, start=2):
        meanings = [meaning.strip() for meaning in (row.get("meanings") or "").split(";") if meaning.strip()]
        if not (row.get("term") or "").strip() or not meanings:
            raise ValueError(f"{path.name} line {line}: a term and at least one meaning are needed")
        entries.append((row["term"], meanings))
    try:
        return Synonyms(entries)
    except ValueError as exc:
        raise ValueError(f"{path.name}: {exc}") from exc


@cache
def synonyms() -> Synonyms:
    """The list as shipped with this release, read once per process."""
    return read_synonyms()
