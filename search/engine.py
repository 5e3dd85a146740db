"""Query execution against one searcher generation (a "view" of the index).

Every filter, keyword match, facet value and relevance level is a document
set (see ``bitsets``) per segment, so filtering, facet counting and ranking
are set operations rather than per-document Python work.
"""

from __future__ import annotations

import heapq
import math
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timezone
from itertools import islice

from whoosh.support.levenshtein import distance as edit_distance

from . import bitsets
from .highlight import Highlighter
from .query import Hit, Keywords, SearchQuery, SearchResult, is_searchable
from .schema import FACET_FIELDS, epoch_seconds, facet_label, stem
from .segments import SegmentData, Term

# Up to this many candidates are scored one by one; above it, relevance
# levels are combined best-first until a page is filled.
SCORE_EACH_LIMIT = 2000
# Cap on level combinations tried before scoring one by one after all.
MAX_LEVEL_COMBINATIONS = 2000
# A word in at most this many vacancies may be a misspelling ...
FEW_HITS = 2
# ... if the best correction appears in this many times as many.
CORRECTION_RATIO = 20
# Words at least this long with no close match are tried as the start of a longer word.
MIN_COMPLETED_WORD = 5


@dataclass
class Leaf:
    data: SegmentData
    offset: int
    live: int


class _Plan:
    """The sets computed for one leaf while answering one query."""

    __slots__ = ("leaf", "base", "filters", "terms", "match", "candidates")

    def __init__(self, leaf: Leaf) -> None:
        self.leaf = leaf
        self.base = leaf.live
        self.filters: dict[str, int] = {}
        self.terms: list[Term] = []
        self.match: int | None = None
        self.candidates = 0

    def filtered(self, without: str | None = None) -> int:
        bits = self.base if self.match is None else self.base & self.match
        for field, selected in self.filters.items():
            if field != without:
                bits &= selected
        return bits


class _TooManyCombinations(Exception):
    pass


class View:
    """One generation (commit) of the index: its segments in order, each with
    the documents it still holds."""

    def __init__(self, index, toc, segment_cache: dict[str, SegmentData]) -> None:
        self.index = index
        self.generation = toc.generation
        self.leaves: list[Leaf] = []
        offset = 0
        for segment in toc.segments:
            key = segment.segment_id()
            data = segment_cache.get(key)
            if data is None:
                data = segment_cache[key] = SegmentData.open(index.storage, segment)
            live = bitsets.full(data.size)
            if segment.deleted_count():
                live &= ~bitsets.from_ids(segment.deleted_docs(), data.size)
            self.leaves.append(Leaf(data, offset, live))
            offset += data.size
        self.segment_ids = {segment.segment_id() for segment in toc.segments}
        self._offsets = [leaf.offset for leaf in self.leaves]
        self.live_count = sum(leaf.live.bit_count() for leaf in self.leaves)
        self.size = offset

    def warm(self, common_words: int) -> None:
        for leaf in self.leaves:
            leaf.data.warm(FACET_FIELDS, common_words)

    def up_to_date(self) -> bool:
        return self.index.latest_generation() == self.generation

    # Query execution

    def execute(self, query: SearchQuery) -> SearchResult:
        result, every_word = self._execute(query, query.text)
        if result.suggestion and query.correct_spelling and not (result.total and every_word):
            corrected, every_corrected_word = self._execute(query, result.suggestion)
            if corrected.total and every_corrected_word:
                corrected.corrected_text = result.suggestion
                corrected.suggestion = None
                return corrected
        return result

    def _execute(self, query: SearchQuery, text: str) -> tuple[SearchResult, bool]:
        """The result, and whether it matched every word (not any word)."""
        keywords = Keywords.parse(text, query.synonyms)
        sort = query.sort
        if sort == "distance" and query.near is None:
            sort = "relevance"
        if sort == "relevance" and not keywords.groups:
            sort = "newest"
        now = query.now or datetime.now(timezone.utc)
        today = query.today or _utc_date(now)
        plans = [self._restrict(leaf, query, now, today) for leaf in self.leaves]

        if text.strip() and not keywords.groups:
            for plan in plans:
                plan.base = 0
        any_word = False
        if keywords.groups:
            for plan in plans:
                plan.terms = [plan.leaf.data.group_term(group.alternatives) for group in keywords.groups]
            _match_first_found(plans, ALL_WORDS_TIERS)
        total = self._select(plans)
        if total == 0 and len(keywords.groups) > 1 and query.any_word_fallback:
            any_word = True
            _match_first_found(plans, ANY_WORD_TIERS)
            total = self._select(plans)

        frequencies = self._document_frequencies(plans, len(keywords.groups))
        k = query.page * query.per_page
        start = k - query.per_page
        scores: dict[int, float] = {}
        if start >= total:
            ranked = []
        elif sort == "relevance":
            ranked = self._rank_by_relevance(plans, self._idfs(frequencies), any_word, k, total)
            scores = dict(ranked)
            ranked = [docnum for docnum, _ in ranked]
        elif sort == "distance":
            ranked = self._rank_by_distance(plans, query.near, query.radius_miles, k)
        else:
            ranked = self._rank_by_key([(p.leaf, p.candidates) for p in plans], sort, k, total)

        highlighter = Highlighter(keywords.stems)
        hits = [
            self._hit(docnum, scores.get(docnum), query.near, highlighter)
            for docnum in ranked[start:k]
        ]
        result = SearchResult(
            hits=hits,
            total=total,
            page=query.page,
            per_page=query.per_page,
            sort=sort,
            facets={facet: self._facet(plans, query, facet) for facet in query.facets},
            suggestion=self._suggest(keywords, frequencies) if keywords.groups else None,
        )
        return result, not any_word

    @staticmethod
    def _restrict(leaf: Leaf, query: SearchQuery, now: datetime, today: date) -> _Plan:
        plan = _Plan(leaf)
        data = leaf.data
        plan.base &= data.open_on(today.toordinal())
        if query.min_pay is not None:
            plan.base &= data.pay_at_least(float(query.min_pay))
        if query.posted_within_days is not None:
            since = epoch_seconds(now) - int(query.posted_within_days * 86400)
            plan.base &= data.posted_since(since)
        if query.near is not None and query.radius_miles is not None:
            lat, lon = query.near
            plan.base &= data.grid().within(lat, lon, float(query.radius_miles))
        for field in FACET_FIELDS:
            selected = query.selected(field)
            if not selected:
                continue
            values = data.values(field)
            sets = [values.get(value, 0) for value in selected]
            plan.filters[field] = _intersection(sets) if field == "flags" else _union(sets)
        return plan

    @staticmethod
    def _select(plans: list[_Plan]) -> int:
        total = 0
        for plan in plans:
            plan.candidates = plan.filtered()
            total += plan.candidates.bit_count()
        return total

    @staticmethod
    def _document_frequencies(plans: list[_Plan], words: int) -> list[int]:
        """Live documents matching each searched group of words."""
        counts = [0] * words
        for plan in plans:
            for i, term in enumerate(plan.terms):
                counts[i] += (term.bits & plan.leaf.live).bit_count()
        return counts

    def _idfs(self, frequencies: list[int]) -> list[float]:
        n = self.live_count
        return [math.log(1.0 + (n - df + 0.5) / (df + 0.5)) for df in frequencies]

    # Ranking: each returns the first k global document numbers in order.

    def _rank_by_relevance(self, plans, idfs, any_word, k, total) -> list[tuple[int, float]]:
        """Score = sum over words of idf * level weight; equal scores newest first."""
        if total > SCORE_EACH_LIMIT:
            try:
                return self._rank_by_levels(plans, idfs, any_word, k)
            except _TooManyCombinations:
                pass
        items = []
        for plan in plans:
            if not plan.candidates:
                continue
            scores: defaultdict[int, float] = defaultdict(float)
            for term, idf in zip(plan.terms, idfs):
                for weight, bits in term.levels:
                    bits &= plan.candidates
                    if bits:
                        score = idf * weight
                        for d in bitsets.iter_ids(bits):
                            scores[d] += score
            key = plan.leaf.data.sort_key("newest")
            offset = plan.leaf.offset
            items.extend(((-score, key(d)), offset + d) for d, score in scores.items())
        return [(docnum, -negscore) for (negscore, _), docnum in heapq.nsmallest(k, items)]

    def _rank_by_levels(self, plans, idfs, any_word, k) -> list[tuple[int, float]]:
        groups = heapq.merge(
            *(_level_groups(plan, idfs, any_word) for plan in plans if plan.candidates),
            key=lambda group: -group[0],
        )
        ranked: list[tuple[int, float]] = []
        batch: list[tuple[Leaf, int]] = []
        batch_score = None

        def flush() -> None:
            docs = self._rank_by_key(batch, "newest", k - len(ranked), None)
            ranked.extend((docnum, batch_score) for docnum in docs)

        for score, leaf, bits in groups:
            if batch and math.isclose(score, batch_score, rel_tol=1e-9):
                batch.append((leaf, bits))
                continue
            if batch:
                flush()
                if len(ranked) >= k:
                    return ranked
            batch, batch_score = [(leaf, bits)], score
        if batch:
            flush()
        return ranked

    def _rank_by_key(
        self, parts: list[tuple[Leaf, int]], sort: str, k: int, total: int | None
    ) -> list[int]:
        if total is None:
            total = sum(bits.bit_count() for _, bits in parts)
        if total * total <= k * self.size:
            items = []
            for leaf, bits in parts:
                key = leaf.data.sort_key(sort)
                offset = leaf.offset
                items.extend((key(d), offset + d) for d in bitsets.iter_ids(bits))
            return [docnum for _, docnum in heapq.nsmallest(k, items)]
        # Many candidates: walk each segment's presorted order until k are found.
        streams = []
        for leaf, bits in parts:
            if bits:
                data = leaf.data
                member = bitsets.membership(bits, data.size)
                streams.append(_walk(data.order(sort), data.sort_key(sort), leaf.offset, member))
        return [docnum for _, docnum in islice(heapq.merge(*streams), k)]

    def _rank_by_distance(self, plans, near, radius, k) -> list[int]:
        """Nearest site first; vacancies without sites last, newest first."""
        lat, lon = near
        streams = []
        unlocated = []
        for plan in plans:
            if not plan.candidates:
                continue
            leaf = plan.leaf
            grid = leaf.data.grid()
            located = plan.candidates & grid.located
            if located:
                streams.append(_offset_stream(
                    grid.nearest_first(
                        lat, lon, bitsets.membership(located, leaf.data.size), located.bit_count(),
                        leaf.data.sort_key("newest"), radius,
                    ),
                    leaf.offset,
                ))
            unlocated.append((leaf, plan.candidates & ~grid.located))
        ranked = [docnum for *_, docnum in islice(heapq.merge(*streams), k)]
        if len(ranked) < k:
            ranked += self._rank_by_key(unlocated, "newest", k - len(ranked), None)
        return ranked

    def _hit(self, docnum, score, near, highlighter: Highlighter) -> Hit:
        leaf = self.leaves[bisect_right(self._offsets, docnum) - 1]
        d = docnum - leaf.offset
        stored = leaf.data.reader.stored_fields(d)
        miles = None if near is None else leaf.data.grid().nearest(d, near[0], near[1])
        return Hit(
            id=leaf.data.vacancy_ids[d],
            score=score,
            distance_miles=None if miles is None else round(miles, 2),
            title_html=highlighter.title(stored.get("title", "")),
            snippet_html=highlighter.snippet(stored.get("summary", ""), stored.get("text", "")),
        )

    # Facets and suggestions

    def _facet(self, plans, query: SearchQuery, facet: str) -> dict:
        # Flags combine with AND, so their counts keep the flags already ticked.
        without = None if facet == "flags" else facet
        counts: Counter = Counter()
        for plan in plans:
            bits = plan.filtered(without=without)
            if bits:
                counts.update(plan.leaf.data.count(facet, bits))
        result = dict(counts.most_common())
        for value in query.selected(facet):
            result.setdefault(facet_label(facet, value), 0)
        return result

    def _suggest(self, keywords: Keywords, frequencies: list[int]) -> str | None:
        # A word that is a synonym term was typed on purpose: it is never corrected.
        hits = {
            group.alternatives[0][0]: frequency
            for group, frequency in zip(keywords.groups, frequencies)
            if not group.expanded
        }
        corrected = []
        changed = False
        for word in keywords.words:
            replacement = None
            if len(word) >= 3 and word.isalpha() and is_searchable(word) and stem(word) in hits:
                found = hits[stem(word)]
                if found <= FEW_HITS:
                    replacement = self._correct(word, found)
            corrected.append(replacement or word)
            changed = changed or replacement is not None
        return " ".join(corrected) if changed else None

    def _correct(self, word: str, found: int) -> str | None:
        frequency: Counter[str] = Counter()
        for leaf in self.leaves:
            reader = leaf.data.reader
            for candidate in reader.terms_within("spell", word, 2, prefix=1):
                if candidate != word:
                    frequency[candidate] += reader.doc_frequency("spell", candidate)
        if not frequency and len(word) >= MIN_COMPLETED_WORD:
            return self._complete(word, found)
        if not frequency:
            return None
        best = min(frequency, key=lambda c: (edit_distance(word, c), -frequency[c], c))
        if found == 0 or frequency[best] >= CORRECTION_RATIO * found:
            return best
        return None

    def _complete(self, word: str, found: int) -> str | None:
        """The commonest longer word whose start is close to ``word``, for a
        misspelt short form (like "phsyio" for physiotherapist)."""
        frequency: Counter[str] = Counter()
        for leaf in self.leaves:
            reader = leaf.data.reader
            for term in reader.expand_prefix("spell", word[0]):
                candidate = term.decode("utf-8")
                if len(candidate) > len(word) and edit_distance(word, candidate[: len(word)]) <= 2:
                    frequency[candidate] += reader.doc_frequency("spell", candidate)
        if not frequency:
            return None
        best, count = min(frequency.items(), key=lambda item: (-item[1], item[0]))
        return best if count > found else None


def _match_first_found(plans: list[_Plan], tiers) -> None:
    """Match each plan with the first tier that finds a document anywhere.

    Chosen before facet filters apply, so every facet count describes the
    same tier as the results."""
    words = len(plans[0].terms) if plans else 0
    role_words = [i for i in range(words) if any(plan.terms[i].names_a_role for plan in plans)]
    for tier in tiers:
        matches = [tier(plan.terms, [plan.terms[i] for i in role_words]) for plan in plans]
        if any(plan.base & match for plan, match in zip(plans, matches)):
            break
    for plan, match in zip(plans, matches):
        plan.match = match


# Tiers of keyword matches, most focused first: every word in the title or
# role; every word, and a word that names roles (nurse, not night) in the
# title or role; every word anywhere.
ALL_WORDS_TIERS = (
    lambda terms, role_terms: _intersection([term.focus for term in terms]),
    lambda terms, role_terms: (
        _intersection([term.bits for term in terms]) & _union([term.focus for term in role_terms])
    ),
    lambda terms, role_terms: _intersection([term.bits for term in terms]),
)
# When no document has every word: a word that names roles in the title or
# role, else any word anywhere.
ANY_WORD_TIERS = (
    lambda terms, role_terms: _union([term.focus for term in role_terms]),
    lambda terms, role_terms: _union([term.bits for term in terms]),
)


def _level_groups(plan: _Plan, idfs: list[float], any_word: bool):
    """Yield (score, leaf, documents) for the plan's candidates, best first.

    Each candidate's score is the sum over words of the word's idf times the
    weight of the level the document is in for that word (0 for a missing
    word, possible when any word may match). Combinations of levels are
    explored best-first, so only as many are formed as the page needs.
    """
    candidates = plan.candidates
    options: list[list[tuple[float, int]]] = []
    for term, idf in zip(plan.terms, idfs):
        levels = []
        for weight, bits in term.levels:
            bits &= candidates
            if bits:
                levels.append((idf * weight, bits))
        if any_word:
            missing = candidates & ~term.bits
            if missing:
                levels.append((0.0, missing))
        options.append(levels)
    first = (0,) * len(options)
    heap = [(-sum(levels[0][0] for levels in options), first)]
    seen = {first}
    tried = 0
    while heap:
        negscore, choice = heapq.heappop(heap)
        tried += 1
        if tried > MAX_LEVEL_COMBINATIONS:
            raise _TooManyCombinations
        bits = candidates
        for levels, i in zip(options, choice):
            bits &= levels[i][1]
            if not bits:
                break
        if bits:
            yield -negscore, plan.leaf, bits
        for w, i in enumerate(choice):
            levels = options[w]
            if i + 1 < len(levels):
                following = choice[:w] + (i + 1,) + choice[w + 1 :]
                if following not in seen:
                    seen.add(following)
                    heapq.heappush(heap, (negscore + levels[i][0] - levels[i + 1][0], following))


def _offset_stream(stream, offset):
    for miles, sort_key, d in stream:
        yield miles, sort_key, offset + d


def _walk(order, key, offset, member):
    for d in order:
        if member[d] == "1":
            yield key(d), offset + d


def _intersection(sets: list[int]) -> int:
    bits = sets[0]
    for other in sets[1:]:
        bits &= other
    return bits


def _union(sets: list[int]) -> int:
    bits = 0
    for other in sets:
        bits |= other
    return bits


def _utc_date(now: datetime) -> date:
    if now.tzinfo is not None:
        now = now.astimezone(timezone.utc)
    return now.date()
