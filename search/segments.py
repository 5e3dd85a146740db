"""In-memory structures for one Whoosh segment.

Segments never change once written (only their deletion lists grow), so these
structures are built once per segment and shared by every searcher generation
that still contains it; a commit therefore only costs the new small segment.
Document numbers here are local to the segment. Postings are read including
deleted documents: callers mask those out with the live-document set.
"""

from __future__ import annotations

import heapq
import math
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter, OrderedDict, defaultdict
from itertools import accumulate, compress

from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching.wrappers import FilterMatcher
from whoosh.reading import SegmentReader

from . import bitsets
from .geo import a_limit, a_to_miles, bounding_box, haversine_miles
from .schema import FOCUS_FIELDS, LOCATION, META, MULTI_VALUED_FIELDS, SCHEMA, TEXT_FIELDS, facet_label


def postings(reader, field: str, text: str) -> tuple[list[int], list[float]]:
    """Document numbers and term frequencies of a term in a segment."""
    matcher = reader.postings(field, text)
    if isinstance(matcher, FilterMatcher):
        matcher = matcher.child
    ids: list[int] = []
    tfs: list[float] = []
    if isinstance(matcher, W3LeafMatcher) and not matcher._byteids:
        # Whole blocks at a time, document numbers delta-decoded in C: several
        # times faster than stepping through the matcher. Whoosh is pinned to
        # 2.7, whose posting format this is.
        while matcher.is_active():
            matcher._read_weights()
            ids.extend(accumulate(matcher._data[0]))
            tfs.extend(matcher._weights)
            matcher._next_block()
        return ids, tfs
    while matcher.is_active():
        ids.append(matcher.id())
        tfs.append(matcher.weight())
        matcher.next()
    return ids, tfs


class RangeIndex:
    """Answers ``key >= value`` as a document set.

    Documents are kept sorted by key with the set of "this entry and all later
    ones" precomputed every ``STEP`` entries, so a query costs one bisect plus
    at most ``STEP`` documents.
    """

    STEP = 1024

    def __init__(self, keys, size: int) -> None:
        # NaN (no value) never compares equal to itself and is left out.
        pairs = sorted((key, d) for d, key in enumerate(keys) if key == key)
        self._keys = array("d", [key for key, _ in pairs])
        self._docs = array("i", [d for _, d in pairs])
        self._size = size
        self._suffixes: list[int] = []
        digits = bytearray(b"0") * size
        top = size - 1
        chunks = range(0, len(self._docs), self.STEP)
        for start in reversed(chunks):
            for d in self._docs[start : start + self.STEP]:
                digits[top - d] = ord("1")
            self._suffixes.append(int(digits, 2) if size else 0)
        self._suffixes.reverse()
        self._suffixes.append(0)

    def at_least(self, value) -> int:
        start = bisect_left(self._keys, value)
        chunk = -(-start // self.STEP)
        bits = self._suffixes[chunk]
        end = min(chunk * self.STEP, len(self._docs))
        if start < end:
            bits |= bitsets.from_ids(self._docs[start:end], self._size)
        return bits


class Term:
    """One stemmed word in a segment: the documents containing it, grouped by
    how much the word weighs in each.

    A document's weight is the sum over fields of boost * tf / (tf + K1), the
    saturating term frequency of BM25 without length normalisation, with tf
    bucketed by ``TF_STEPS`` and the sum rounded down to one of ``LEVELS``.
    Bucketing lets the weights be worked out with set operations instead of
    per document; rounding makes equally relevant documents share a level, so
    ranking works on a few sets; levels mean the same in every segment.
    """

    K1 = 1.2
    LEVELS = tuple(0.25 * 1.4**i for i in range(16))
    # tf buckets start at 1 and at each of these; short fields rarely repeat a word.
    TF_STEPS = {"text": (2.0, 3.0, 4.0, 5.0, 7.0, 10.0)}
    SHORT_FIELD_TF_STEPS = (2.0,)

    __slots__ = ("bits", "focus", "names_a_role", "levels")

    def __init__(self, bits: int, focus: int, names_a_role: bool, levels: list[tuple[float, int]]) -> None:
        self.bits = bits
        # The documents with the word in a ``FOCUS_FIELDS`` field.
        self.focus = focus
        # Whether the word is part of some document's role name (like nurse, not night).
        self.names_a_role = names_a_role
        # (weight, documents), heaviest first, only non-empty levels.
        self.levels = levels

    @classmethod
    def read(cls, reader, stemmed: str, size: int) -> Term:
        # Per field: (documents with the word, [(weight, documents)] by tf bucket).
        fields = []
        focus = 0
        names_a_role = False
        for field, boost in TEXT_FIELDS.items():
            if (field, stemmed) not in reader:
                continue
            ids, tfs = postings(reader, field, stemmed)
            steps = cls.TF_STEPS.get(field, cls.SHORT_FIELD_TF_STEPS)
            field_bits, buckets = _tf_buckets(ids, tfs, steps, size)
            if field in FOCUS_FIELDS:
                focus |= field_bits
            names_a_role = names_a_role or field == "role_name"
            weighted = [(boost * tf / (tf + cls.K1), bits) for tf, bits in buckets]
            fields.append((field_bits, weighted))
        matched = 0
        for field_bits, _ in fields:
            matched |= field_bits
        by_level: defaultdict[int, int] = defaultdict(int)

        def split(i: int, bits: int, weight: float) -> None:
            # Partition ``bits`` by the bucket of each remaining field.
            if i == len(fields):
                by_level[max(0, bisect_right(cls.LEVELS, weight) - 1)] |= bits
                return
            field_bits, buckets = fields[i]
            for bucket_weight, bucket_bits in buckets:
                part = bits & bucket_bits
                if part:
                    split(i + 1, part, weight + bucket_weight)
            rest = bits & ~field_bits
            if rest:
                split(i + 1, rest, weight)

        if matched:
            split(0, matched, 0.0)
        levels = sorted(by_level.items(), reverse=True)
        return cls(matched, focus, names_a_role, [(cls.LEVELS[level], bits) for level, bits in levels])

    @classmethod
    def any_of(cls, alternatives: list[list[Term]]) -> Term:
        """The documents matching any alternative, each alternative being
        documents with all of its terms (a synonym and its meanings).

        An alternative of several words weighs the mean of its words' weights,
        so "healthcare assistant" counts as much as "hca", not twice as much;
        a document takes the weight of its heaviest alternative. In focus when
        every word of some alternative is; names a role when every word of
        some alternative does."""
        if len(alternatives) == 1 and len(alternatives[0]) == 1:
            return alternatives[0][0]
        matched = focus = 0
        names_a_role = False
        weighted: list[tuple[float, int]] = []
        for terms in alternatives:
            bits, in_focus = terms[0].bits, terms[0].focus
            levels = terms[0].levels
            for term in terms[1:]:
                bits &= term.bits
                in_focus &= term.focus
                levels = [
                    (weight + other_weight, both)
                    for weight, level_bits in levels
                    for other_weight, other_bits in term.levels
                    if (both := level_bits & other_bits)
                ]
            matched |= bits
            focus |= in_focus
            names_a_role = names_a_role or all(term.names_a_role for term in terms)
            weighted.extend((weight / len(terms), level_bits) for weight, level_bits in levels)
        by_level: defaultdict[int, int] = defaultdict(int)
        assigned = 0
        for weight, bits in sorted(weighted, key=lambda item: -item[0]):
            bits &= ~assigned
            if bits:
                by_level[max(0, bisect_right(cls.LEVELS, weight) - 1)] |= bits
                assigned |= bits
        levels = sorted(by_level.items(), reverse=True)
        return cls(matched, focus, names_a_role, [(cls.LEVELS[level], bits) for level, bits in levels])


def _tf_buckets(ids: list[int], tfs: list[float], steps: tuple[float, ...], size: int):
    """The documents, and [(lowest tf of the bucket, its documents)] for the
    non-empty buckets starting at 1 and at each step."""
    if not ids:
        return 0, []
    if max(tfs) < steps[0]:
        everything = bitsets.from_ids(ids, size)
        return everything, [(1.0, everything)]
    by_tf: defaultdict[float, list[int]] = defaultdict(list)
    for d, tf in zip(ids, tfs):
        by_tf[tf].append(d)
    lowers = (1.0, *steps)
    by_bucket: defaultdict[float, list[int]] = defaultdict(list)
    for tf, docs in by_tf.items():
        by_bucket[lowers[bisect_right(steps, tf)]].extend(docs)
    buckets = [(lower, bitsets.from_ids(docs, size)) for lower, docs in sorted(by_bucket.items())]
    everything = 0
    for _, bits in buckets:
        everything |= bits
    return everything, buckets


class LocationGrid:
    """A segment's sites bucketed into cells of ``CELL_DEGREES``.

    Radius searches take whole cells that lie inside the circle and test only
    the sites of cells crossing its edge; nearest-first ordering visits cells
    by their distance, so a page of results touches only nearby cells.
    """

    # A 10 mile radius spans a few dozen cells.
    CELL_DEGREES = 0.05
    # Cell distance bounds treat cell edges as straight lines; this covers
    # the difference (far below a metre at this cell size).
    BOUND_SLACK_MILES = 0.01

    def __init__(self, reader, size: int) -> None:
        # Raw site bytes per document with sites: bytes are not walked by
        # the garbage collector, unlike tuples.
        self._sites: dict[int, bytes] = {}
        # cell -> per site: latitude and longitude in radians, cos(latitude), document
        cells: defaultdict[tuple[int, int], tuple[array, array, array, array]] = defaultdict(
            lambda: (array("d"), array("d"), array("d"), array("i"))
        )
        cell = self.CELL_DEGREES
        for d, raw in enumerate(reader.column_reader("locations", translate=False)):
            if not raw:
                continue
            self._sites[d] = raw
            for lat, lon in LOCATION.iter_unpack(raw):
                phis, lams, cosines, docs = cells[(math.floor(lat / cell), math.floor(lon / cell))]
                phi = math.radians(lat)
                phis.append(phi)
                lams.append(math.radians(lon))
                cosines.append(math.cos(phi))
                docs.append(d)
        self._cells = dict(cells)
        self.located = bitsets.from_ids(self._sites, size)
        self._size = size

    def _cells_near(self, lat: float, lon: float, radius: float):
        min_lat, max_lat, min_lon, max_lon = bounding_box(lat, lon, radius)
        cell = self.CELL_DEGREES
        rows = range(math.floor(min_lat / cell), math.floor(max_lat / cell) + 1)
        columns = range(math.floor(min_lon / cell), math.floor(max_lon / cell) + 1)
        if len(rows) * len(columns) <= len(self._cells):
            for key in ((i, j) for i in rows for j in columns):
                entry = self._cells.get(key)
                if entry is not None:
                    yield key, entry
        else:
            for key, entry in self._cells.items():
                if key[0] in rows and key[1] in columns:
                    yield key, entry

    def within(self, lat: float, lon: float, radius: float) -> int:
        """Documents with a site within ``radius`` miles of the point."""
        phi, lam = math.radians(lat), math.radians(lon)
        cos_phi = math.cos(phi)
        sin = math.sin
        limit = a_limit(radius)
        # Shrunk slightly so rounding never counts a cell as inside when one
        # of its sites is beyond the radius.
        inner = a_limit(radius * (1 - 1e-9) - 1e-6)
        cell = self.CELL_DEGREES
        found: list[int] = []
        for (i, j), (phis, lams, cosines, docs) in self._cells_near(lat, lon, radius):
            corners_inside = True
            for corner_lat in (i * cell, (i + 1) * cell):
                corner_phi = math.radians(corner_lat)
                cos_corner = math.cos(corner_phi)
                for corner_lon in (j * cell, (j + 1) * cell):
                    a = (sin((corner_phi - phi) * 0.5) ** 2
                         + cos_phi * cos_corner * sin((math.radians(corner_lon) - lam) * 0.5) ** 2)
                    if a > inner:
                        corners_inside = False
                        break
                if not corners_inside:
                    break
            if corners_inside:
                found.extend(docs)
                continue
            for p_phi, p_lam, p_cos, d in zip(phis, lams, cosines, docs):
                a = sin((p_phi - phi) * 0.5) ** 2 + cos_phi * p_cos * sin((p_lam - lam) * 0.5) ** 2
                if a <= limit:
                    found.append(d)
        return bitsets.from_ids(found, self._size)

    def nearest(self, d: int, lat: float, lon: float) -> float | None:
        """Miles from the point to the document's nearest site."""
        raw = self._sites.get(d)
        if raw is None:
            return None
        return min(
            haversine_miles(lat, lon, site_lat, site_lon)
            for site_lat, site_lon in LOCATION.iter_unpack(raw)
        )

    def _bound(self, lat: float, lon: float, key: tuple[int, int]) -> float:
        """Miles from the point to the closest point of a cell, or slightly less."""
        cell = self.CELL_DEGREES
        south, west = key[0] * cell, key[1] * cell
        closest_lat = min(max(lat, south), south + cell)
        closest_lon = min(max(lon, west), west + cell)
        return haversine_miles(lat, lon, closest_lat, closest_lon) - self.BOUND_SLACK_MILES

    def nearest_first(
        self, lat: float, lon: float, member: str, count: int, key, radius: float | None
    ):
        """Yield (miles, key(d), d) for the ``count`` documents marked in
        ``member`` (all with sites), nearest site first."""
        cells = self._cells.items() if radius is None else self._cells_near(lat, lon, radius)
        bounds = [(self._bound(lat, lon, cell), cell) for cell, _ in cells]
        heapq.heapify(bounds)
        phi, lam = math.radians(lat), math.radians(lon)
        cos_phi = math.cos(phi)
        sin = math.sin
        pending: list[tuple[float, tuple, int]] = []
        emitted: set[int] = set()
        while len(emitted) < count:
            next_bound = a_limit(bounds[0][0]) if bounds else 2.0
            while pending and pending[0][0] <= next_bound:
                a, sort_key, d = heapq.heappop(pending)
                if d not in emitted:
                    emitted.add(d)
                    yield a_to_miles(a), sort_key, d
            if not bounds:
                return
            _, cell = heapq.heappop(bounds)
            for p_phi, p_lam, p_cos, d in zip(*self._cells[cell]):
                if member[d] == "1":
                    a = (sin((p_phi - phi) * 0.5) ** 2
                         + cos_phi * p_cos * sin((p_lam - lam) * 0.5) ** 2)
                    heapq.heappush(pending, (a, key(d), d))


class SegmentData:
    """A segment's reader plus the sets, columns and orders derived from it,
    each built on first use."""

    TERM_CACHE_SIZE = 256
    CLOSING_CACHE_SIZE = 4
    # Facets with more values than this are counted by walking the matching
    # documents' values rather than intersecting one set per value.
    SET_COUNT_MAX_VALUES = 48

    def __init__(self, reader) -> None:
        # A segment reader stays valid while its segment exists: deletions
        # are taken from each generation's table of contents instead.
        self.reader = reader
        self.size = reader.doc_count_all()
        blob = b"".join(reader.column_reader("meta", translate=False))
        rows = list(META.iter_unpack(blob)) if blob else []
        # Arrays rather than lists: the garbage collector does not walk them.
        self.vacancy_ids = array("q", [row[0] for row in rows])
        self.posted = array("q", [row[1] for row in rows])
        self.closing = array("i", [row[2] for row in rows])
        self.pay = array("d", [row[3] for row in rows])
        self._terms: OrderedDict[str | tuple, Term] = OrderedDict()
        self._values: dict[str, dict[str, int]] = {}
        self._codes: dict[str, tuple[list, array, Counter[int]]] = {}
        self._ranges: dict[str, RangeIndex] = {}
        self._closing_from: OrderedDict[int, int] = OrderedDict()
        self._orders: dict[str, array] = {}
        self._grid: LocationGrid | None = None

    @classmethod
    def open(cls, storage, segment) -> SegmentData:
        reader = SegmentReader(storage, SCHEMA, segment)
        try:
            return cls(reader)
        except BaseException:
            reader.close()
            raise

    def close(self) -> None:
        self.reader.close()

    # Keyword matches

    def term(self, stemmed: str) -> Term:
        """Documents containing the stemmed word in any searched field."""
        term = self._terms.get(stemmed)
        if term is not None:
            self._terms.move_to_end(stemmed)
            return term
        term = self._terms[stemmed] = Term.read(self.reader, stemmed, self.size)
        if len(self._terms) > self.TERM_CACHE_SIZE:
            self._terms.popitem(last=False)
        return term

    def group_term(self, alternatives: tuple[tuple[str, ...], ...]) -> Term:
        """Documents matching any alternative (each a tuple of stemmed words
        that must all be present); see ``Term.any_of``."""
        if len(alternatives) == 1 and len(alternatives[0]) == 1:
            return self.term(alternatives[0][0])
        term = self._terms.get(alternatives)
        if term is not None:
            self._terms.move_to_end(alternatives)
            return term
        term = Term.any_of([[self.term(s) for s in alternative] for alternative in alternatives])
        self._terms[alternatives] = term
        if len(self._terms) > self.TERM_CACHE_SIZE:
            self._terms.popitem(last=False)
        return term

    # Categorical filters and facets

    def values(self, field: str) -> dict[str, int]:
        """Value -> documents having it, for a filter/facet field."""
        values = self._values.get(field)
        if values is None:
            values = {
                value: bitsets.from_ids(postings(self.reader, field, value)[0], self.size)
                for value in self.reader.field_terms(field)
            }
            self._values[field] = values
        return values

    def count(self, field: str, bits: int) -> Counter:
        """How many documents in ``bits`` have each value of ``field``, keyed
        by ``facet_label``."""
        values = self.values(field)
        counts: Counter = Counter()
        if len(values) <= self.SET_COUNT_MAX_VALUES or field in MULTI_VALUED_FIELDS:
            for value, value_bits in values.items():
                n = (bits & value_bits).bit_count()
                if n:
                    counts[facet_label(field, value)] = n
            return counts
        labels, codes, totals = self._value_codes(field)
        if bits.bit_count() * 2 <= self.size:
            by_code = Counter(compress(codes, bitsets.selectors(bits, self.size)))
        else:
            # Most documents match: count the others and subtract.
            by_code = totals.copy()
            others = bitsets.selectors(bits, self.size, invert=True)
            by_code.subtract(Counter(compress(codes, others)))
        for code, n in by_code.items():
            if code and n:
                counts[labels[code]] = n
        return counts

    def _value_codes(self, field: str) -> tuple[list, array, Counter[int]]:
        """For a single-valued field: the value labels; per document the
        index of its value in them (0 for none); how many documents have each."""
        cached = self._codes.get(field)
        if cached is None:
            values = self.values(field)
            labels = [None, *(facet_label(field, value) for value in values)]
            codes = array("I", [0]) * self.size
            for code, value_bits in enumerate(values.values(), start=1):
                for d in bitsets.iter_ids(value_bits):
                    codes[d] = code
            cached = self._codes[field] = (labels, codes, Counter(codes))
        return cached

    # Ranges

    def _range(self, name: str, keys) -> RangeIndex:
        index = self._ranges.get(name)
        if index is None:
            index = self._ranges[name] = RangeIndex(keys, self.size)
        return index

    def open_on(self, day_ordinal: int) -> int:
        """Documents whose closing date is on or after the given day."""
        bits = self._closing_from.get(day_ordinal)
        if bits is None:
            bits = self._range("closing", self.closing).at_least(day_ordinal)
            self._closing_from[day_ordinal] = bits
            if len(self._closing_from) > self.CLOSING_CACHE_SIZE:
                self._closing_from.popitem(last=False)
        return bits

    def pay_at_least(self, amount: float) -> int:
        return self._range("pay", self.pay).at_least(amount)

    def posted_since(self, epoch_seconds: int) -> int:
        return self._range("posted", self.posted).at_least(epoch_seconds)

    # Sorting

    def sort_key(self, sort: str):
        """Function of a local document number giving its ascending sort key."""
        posted, closing, ids = self.posted, self.closing, self.vacancy_ids
        if sort == "closing":
            return lambda d: (closing[d], -posted[d], -ids[d])
        return lambda d: (-posted[d], -ids[d])

    def order(self, sort: str) -> array:
        """All local document numbers in ``sort`` order."""
        order = self._orders.get(sort)
        if order is None:
            order = array("i", sorted(range(self.size), key=self.sort_key(sort)))
            self._orders[sort] = order
        return order

    # Locations

    def grid(self) -> LocationGrid:
        if self._grid is None:
            self._grid = LocationGrid(self.reader, self.size)
        return self._grid

    def warm(self, fields, common_words: int) -> None:
        for field in fields:
            if len(self.values(field)) > self.SET_COUNT_MAX_VALUES:
                self._value_codes(field)
        self.open_on(0)
        self.pay_at_least(0.0)
        self.posted_since(0)
        self.order("newest")
        self.order("closing")
        self.grid()
        count = min(common_words, self.TERM_CACHE_SIZE)
        for _, stemmed in self.reader.most_frequent_terms("title", count) if count else ():
            self.term(stemmed.decode("utf-8"))
