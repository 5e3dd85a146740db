"""Synonyms applied at query time: abbreviations and everyday words people type.

A synonym list maps a term (one word such as "hca", or several such as
"pharmacy tech") to its meanings ("healthcare assistant", "healthcare support
worker"...). A query word, or run of words, that is a term stands for an OR of
alternatives: what was typed, or any of its meanings. A meaning of several
words matches a document holding all of them (the vacancy index keeps no word
positions; the careers index matches them as a phrase).

Expansion goes one way only: "physio" finds physiotherapists, but
"physiotherapist" is not widened into anything else, so a search for a job
title as it is written finds that title. Words are compared as the index
stores them (lower case, stemmed, stop words left out), so "carers" is the
term "carer" and "ot" can only ever match the word "ot", never "not" or "hot".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from whoosh.analysis import STOP_WORDS

from .schema import WORD, stem

# The longest term, in searchable words, looked for in a query.
MAX_TERM_WORDS = 4


def stems_of(text: str) -> tuple[str, ...]:
    """The stems of the searchable words of ``text``, in order."""
    words = (word.lower() for word in WORD.findall(text))
    return tuple(stem(word) for word in words if len(word) >= 2 and word not in STOP_WORDS)


@dataclass(frozen=True)
class Group:
    """The query words ``words`` and what they may match: any one alternative,
    each a tuple of stems that must all be present. The first alternative is
    the typed words themselves."""

    words: tuple[str, ...]
    alternatives: tuple[tuple[str, ...], ...]

    @property
    def expanded(self) -> bool:
        return len(self.alternatives) > 1

    @property
    def stems(self) -> tuple[str, ...]:
        """Every stem of every alternative, each once."""
        return tuple(dict.fromkeys(s for alternative in self.alternatives for s in alternative))


class Synonyms:
    """A reviewed synonym list, ready to expand queries.

    ``entries``: (term, meanings) pairs of plain text; a term given twice
    has the meanings of both lines. Raises ValueError for a term or meaning
    without a searchable word, or a term longer than ``MAX_TERM_WORDS`` words.
    """

    def __init__(self, entries: Iterable[tuple[str, Iterable[str]]] = ()) -> None:
        self._meanings: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
        for term, meanings in entries:
            key = stems_of(term)
            if not key:
                raise ValueError(f"synonym term {term!r} has no searchable word")
            if len(key) > MAX_TERM_WORDS:
                raise ValueError(f"synonym term {term!r} is longer than {MAX_TERM_WORDS} words")
            alternatives = self._meanings.setdefault(key, [])
            for meaning in meanings:
                stems = stems_of(meaning)
                if not stems:
                    raise ValueError(f"meaning {meaning!r} of {term!r} has no searchable word")
                if stems != key and stems not in alternatives:
                    alternatives.append(stems)

    def __len__(self) -> int:
        return len(self._meanings)

    def __contains__(self, term: str) -> bool:
        return stems_of(term) in self._meanings

    def meanings(self, term: str) -> list[tuple[str, ...]]:
        """The stems of each meaning of ``term`` (empty when it is not a term)."""
        return list(self._meanings.get(stems_of(term), ()))

    def groups(self, words: list[str]) -> list[Group]:
        """Searchable lower-case query ``words`` grouped: the longest term
        starting at each word becomes one group with its meanings; any other
        word is a group of its own. Repeated groups are dropped."""
        stems = [stem(word) for word in words]
        groups: dict[tuple, Group] = {}
        i = 0
        while i < len(words):
            for length in range(min(MAX_TERM_WORDS, len(words) - i), 0, -1):
                key = tuple(stems[i : i + length])
                meanings = self._meanings.get(key)
                if meanings:
                    group = Group(tuple(words[i : i + length]), (key, *meanings))
                    break
            else:
                length = 1
                group = Group((words[i],), ((stems[i],),))
            groups.setdefault(group.alternatives, group)
            i += length
        return list(groups.values())


NO_SYNONYMS = Synonyms()
