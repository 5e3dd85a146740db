"""HTML highlighting: matched words in ``<mark>``, everything else escaped."""

from __future__ import annotations

import re
from html import escape

from .query import is_searchable
from .schema import stem

SNIPPET_CHARS = 240
ELLIPSIS = "\u2026"
_SPACES = " \n\t"
_SPACE = re.compile(r"\s")
_LINE = re.compile(r"[^\n]*\S[^\n]*")
_SENTENCE_END = re.compile(r"[.!?]\s+")


class Highlighter:
    def __init__(self, stems: list[str]) -> None:
        self._stems = frozenset(stems)
        # Porter stemming keeps a word's first two letters, so a regex on those
        # finds every candidate in C; only candidates are stemmed in Python.
        prefixes = sorted({s[:2] for s in stems})
        self._candidates = (
            re.compile(r"\b(?:%s)\w*" % "|".join(map(re.escape, prefixes)), re.IGNORECASE)
            if prefixes
            else None
        )

    def spans(self, text: str) -> list[tuple[int, int]]:
        if self._candidates is None or not text:
            return []
        found = []
        for match in self._candidates.finditer(text):
            word = match.group().lower()
            if is_searchable(word) and stem(word) in self._stems:
                found.append(match.span())
        return found

    def title(self, title: str) -> str:
        return mark(title, self.spans(title))

    def snippet(self, summary: str, text: str) -> str:
        """A fragment of the summary, else the body text, around the matches;
        the start of the summary when neither matches. A fragment never runs
        from one field, paragraph, heading or list item into the next."""
        for source in (summary, text):
            spans = self.spans(source)
            if spans:
                return passage_fragment(source, spans)
        return passage_fragment(summary or text, [])


def mark(text: str, spans: list[tuple[int, int]]) -> str:
    out = []
    pos = 0
    for start, end in spans:
        out.append(escape(text[pos:start]))
        out.append("<mark>")
        out.append(escape(text[start:end]))
        out.append("</mark>")
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out)


def passage_fragment(text: str, spans: list[tuple[int, int]], width: int = SNIPPET_CHARS) -> str:
    """A fragment of the line of ``text`` (a paragraph, heading or list item)
    holding the most matches; the first line when nothing matches."""
    best, best_count = None, -1
    for line in _LINE.finditer(text):
        count = sum(1 for s, e in spans if s >= line.start() and e <= line.end())
        if count > best_count:
            best, best_count = line, count
    if best is None:
        return ""
    start = best.start()
    inside = [(s - start, e - start) for s, e in spans if s >= start and e <= best.end()]
    return fragment(best.group(), inside, width)


def fragment(text: str, spans: list[tuple[int, int]], width: int = SNIPPET_CHARS) -> str:
    """About ``width`` characters of ``text`` holding the most matches, from
    the start of the sentence they are in when that is near, else from a word
    boundary."""
    if len(text) <= width:
        return mark(text, spans)
    anchor = 0
    best = 0
    reach = width * 3 // 4
    j = 0
    for i, (start, _) in enumerate(spans):
        while j < len(spans) and spans[j][0] < start + reach:
            j += 1
        if j - i > best:
            best, anchor = j - i, start
    sentence = _sentence_start(text, anchor)
    if anchor - sentence <= width // 2:
        start = sentence
    else:
        start = _word_start(text, anchor - width // 4)
    end = _word_end(text, start + width)
    inside = [(s, e) for s, e in spans if s >= start and e <= end]
    body = mark(text[start:end], [(s - start, e - start) for s, e in inside])
    return (ELLIPSIS if start > 0 else "") + body + (ELLIPSIS if end < len(text) else "")


def _word_start(text: str, pos: int) -> int:
    space = max(text.rfind(c, 0, pos) for c in _SPACES)
    return pos if space < 0 else space + 1


def _word_end(text: str, pos: int) -> int:
    space = _SPACE.search(text, pos)
    return len(text) if space is None else space.start()


def _sentence_start(text: str, pos: int) -> int:
    start = 0
    for end in _SENTENCE_END.finditer(text, 0, pos):
        start = end.end()
    return start
