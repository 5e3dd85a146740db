"""Writing a whole generation's segment in one pass.

Whoosh's ``SegmentWriter`` pushes every posting through a sorting pool as a
tuple (spilling runs to disk past ``limitmb``), sorts them and writes them one
call at a time. A rebuild adds documents in document-number order, so each
term's postings arrive already sorted: ``BulkWriter`` keeps them as compact
arrays per term and writes each term's posting blocks straight from them.
"""

from __future__ import annotations

import struct
from array import array

from whoosh.writing import SegmentWriter

from .schema import CODEC, CountedText


class BulkWriter(SegmentWriter):
    """A writer that only adds documents to a new, empty index. Handles what
    the vacancy schema uses: indexed, stored and column fields (no term
    vectors or spelling subfields)."""

    def __init__(self, ix) -> None:
        super().__init__(ix, codec=CODEC)
        if self.segments:
            self.cancel()
            raise ValueError("BulkWriter only fills a new index")
        # field -> term -> (document numbers, term frequencies)
        self._postings: dict[str, dict[str, tuple[array, array]]] = {}
        # field -> value -> its terms, for filter fields
        self._analyzed: dict[str, dict[str, dict[str, int]]] = {}
        self._fields = list(self.schema.items())

    def add_document(self, **values) -> None:
        docnum = self.docnum
        perdoc = self.perdocwriter
        perdoc.start_doc(docnum)
        for name, field in self._fields:
            value = values.get(name)
            if value is None:
                continue
            if field.indexed:
                postings = self._postings.setdefault(name, {})
                for term, frequency in self._terms(name, field, value).items():
                    entry = postings.get(term)
                    if entry is None:
                        entry = postings[term] = (array("I"), array("I"))
                    entry[0].append(docnum)
                    entry[1].append(frequency)
            if field.stored:
                perdoc.add_field(name, field, value, 0)
            if field.column_type:
                perdoc.add_column_value(name, field.column_type, field.to_column_value(value))
        perdoc.finish_doc()
        self._added = True
        self.docnum += 1

    def _terms(self, name: str, field, value) -> dict[str, int]:
        if isinstance(field, CountedText):
            return field.terms(value)
        if field.unique:
            return _index_terms(field, value)
        # Filter fields take few values: each is analyzed once.
        analyzed = self._analyzed.setdefault(name, {})
        terms = analyzed.get(value)
        if terms is None:
            terms = analyzed[value] = _index_terms(field, value)
        return terms

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        writer = self.fieldwriter
        for name in sorted(self._postings):
            terms = self._postings[name]
            writer.start_field(name, self.schema[name])
            for term in sorted(terms):
                writer.start_term(term.encode("utf-8"))
                _fill_blocks(writer._postwriter, *terms[term])
                writer.finish_term()
            writer.finish_field()
        self._postings.clear()
        writer.close()


def _fill_blocks(postwriter, docs: array, frequencies: array) -> None:
    """Hand a term's postings to Whoosh 2.7's ``W3PostingsWriter`` a block at a
    time, as its ``add_posting`` would have buffered them one by one (with no
    field lengths); ``finish_term`` writes the last block."""
    limit = postwriter._blocklimit
    for start in range(0, len(docs), limit):
        if start:
            postwriter._write_block()
        chunk = frequencies[start : start + limit]
        postwriter._ids = docs[start : start + limit]
        postwriter._weights = array("f", chunk)
        postwriter._values = [struct.pack(f">{len(chunk)}I", *chunk)]
        postwriter._maxweight = float(max(chunk))


def _index_terms(field, value) -> dict[str, int]:
    return {term.decode("utf-8"): frequency for term, frequency, _, _ in field.index(value)}
