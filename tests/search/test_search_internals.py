import random
from collections import Counter

import pytest
from whoosh.index import open_dir

from search import bitsets
from search.geo import haversine_miles
from search.highlight import Highlighter, fragment
from search.index import POINTER
from search.schema import stem
from search.segments import RangeIndex, SegmentData, postings


def open_reader(index_dir):
    name = (index_dir / POINTER).read_text().strip()
    return open_dir(str(index_dir / name)).reader()


def test_bitsets_round_trip():
    ids = [0, 3, 64, 65, 99]
    bits = bitsets.from_ids(ids, 100)
    assert list(bitsets.iter_ids(bits)) == ids
    assert bits.bit_count() == 5
    flags = bitsets.membership(bits, 100)
    assert len(flags) == 100 and [i for i, c in enumerate(flags) if c == "1"] == ids
    small = bitsets.from_ids([0, 3], 5)
    assert bitsets.selectors(small, 5) == b"\x01\x00\x00\x01\x00"
    assert bitsets.selectors(small, 5, invert=True) == b"\x00\x01\x01\x00\x01"
    assert bitsets.from_ids([], 0) == 0 and list(bitsets.iter_ids(0)) == []


def test_range_index_matches_brute_force():
    rnd = random.Random(3)
    keys = [rnd.choice([float("nan"), *range(50)]) for _ in range(5000)]
    index = RangeIndex(keys, len(keys))
    for value in (-1, 0, 7, 7.5, 25, 49, 50, 1000):
        expected = [d for d, key in enumerate(keys) if key == key and key >= value]
        assert list(bitsets.iter_ids(index.at_least(value))) == expected


def test_fast_postings_match_matcher(kit, build, index_dir):
    docs = [kit.make_doc(i, text="care " * (i % 4 + 1) + "night", sector="nhs" if i % 3 else "voluntary")
            for i in range(1, 400)]
    build(docs)
    reader = open_reader(index_dir)
    for field, text in (("text", stem("care")), ("text", "night"), ("sector", "nhs")):
        matcher = reader.postings(field, text)
        expected = ([], [])
        while matcher.is_active():
            expected[0].append(matcher.id())
            expected[1].append(matcher.weight())
            matcher.next()
        assert postings(reader, field, text) == expected
    reader.close()


def test_facet_counting_by_value_codes_matches_sets(kit, build, index_dir, monkeypatch):
    rnd = random.Random(5)
    build([kit.make_doc(i, employer_id=rnd.randrange(30), role=f"r{rnd.randrange(9)}") for i in range(1, 300)])
    reader = open_reader(index_dir)
    data = SegmentData(reader)
    for fraction in (0.1, 0.9):
        bits = bitsets.from_ids([d for d in range(data.size) if rnd.random() < fraction], data.size)
        by_sets = data.count("employer_id", bits)
        monkeypatch.setattr(SegmentData, "SET_COUNT_MAX_VALUES", 0)
        by_codes = data.count("employer_id", bits)
        monkeypatch.undo()
        assert by_sets == by_codes
        assert sum(by_codes.values()) == bits.bit_count()
        assert all(isinstance(label, int) for label in by_codes)
    reader.close()


def test_radius_and_nearest_first_match_brute_force(kit, build, index_dir):
    rnd = random.Random(11)
    sites = {
        i: [(53.5 + rnd.random() * 0.6, -1.9 + rnd.random() * 0.9) for _ in range(rnd.choice([0, 1, 1, 2, 3]))]
        for i in range(1, 600)
    }
    build([kit.make_doc(i, locations=sites[i]) for i in sites])
    reader = open_reader(index_dir)
    data = SegmentData(reader)
    grid = data.grid()
    by_doc = {d: sites[data.vacancy_ids[d]] for d in range(data.size)}

    def nearest(d, point):
        return min((haversine_miles(*point, *site) for site in by_doc[d]), default=None)

    for point, radius in ((kit.LEEDS, 3), (kit.LEEDS, 12), ((53.8, -1.5), 40), (kit.LONDON, 5)):
        within = list(bitsets.iter_ids(grid.within(*point, radius)))
        expected = [d for d in range(data.size) if by_doc[d] and nearest(d, point) <= radius]
        assert within == expected
        for d in within:
            assert grid.nearest(d, *point) == pytest.approx(nearest(d, point))

    point = (53.81, -1.52)
    located = [d for d in range(data.size) if by_doc[d]]
    chosen = [d for d in located if rnd.random() < 0.5]
    member = bitsets.membership(bitsets.from_ids(chosen, data.size), data.size)
    ordered = list(grid.nearest_first(*point, member, len(chosen), lambda d: 0, None))
    assert [d for _, _, d in ordered] == sorted(chosen, key=lambda d: (nearest(d, point), d))
    assert [miles for miles, _, _ in ordered] == pytest.approx(sorted(nearest(d, point) for d in chosen))
    reader.close()


def test_highlighter_marks_word_forms():
    highlighter = Highlighter([stem("nurse"), stem("support")])
    assert highlighter.title("Nursing & Supported living") == (
        "<mark>Nursing</mark> &amp; <mark>Supported</mark> living"
    )
    assert highlighter.title("Nutritionist") == "Nutritionist"
    assert Highlighter([]).snippet("<b>", "text") == "&lt;b&gt;"


def test_fragment_picks_the_densest_window():
    text = "care " + "filler " * 60 + "nurse nurse nurse " + "filler " * 60
    spans = [(m, m + 5) for m in range(len(text)) if text.startswith("nurse", m)] + [(0, 4)]
    spans.sort()
    snippet = fragment(text, spans, width=80)
    assert snippet.count("<mark>") == 3
    assert snippet.startswith("\u2026") and snippet.endswith("\u2026")


def test_stem_matches_the_indexing_analyzer():
    from search.schema import STEMMING

    words = "nurses nursing caring carers supported physiotherapists dementia agencies".split()
    assert [stem(w) for w in words] == [t.text for t in STEMMING(" ".join(words))]


def test_term_levels_partition_the_matches(kit, build, index_dir):
    build([
        kit.make_doc(1, title="Nurse", text="nurse " * 5),
        kit.make_doc(2, text="nurse"),
        kit.make_doc(3, summary="nurse"),
        kit.make_doc(4),
    ])
    reader = open_reader(index_dir)
    data = SegmentData(reader)
    term = data.term(stem("nurse"))
    level_ids = [list(bitsets.iter_ids(bits)) for _, bits in term.levels]
    assert sorted(d for ids in level_ids for d in ids) == list(bitsets.iter_ids(term.bits))
    weights = [weight for weight, _ in term.levels]
    assert weights == sorted(weights, reverse=True)
    title_doc = data.vacancy_ids.index(1)
    assert title_doc in level_ids[0]
    assert Counter(len(ids) for ids in level_ids) == Counter({1: 3})
    reader.close()


def test_tf_buckets_partition_by_term_frequency():
    from search.segments import _tf_buckets

    rnd = random.Random(2)
    ids = sorted(rnd.sample(range(500), 200))
    tfs = [float(rnd.choice([1, 1, 1, 2, 3, 6, 12])) for _ in ids]
    everything, buckets = _tf_buckets(ids, tfs, (2.0, 3.0, 5.0, 10.0), 500)
    assert list(bitsets.iter_ids(everything)) == ids
    bounds = {1.0: (1, 2), 2.0: (2, 3), 3.0: (3, 5), 5.0: (5, 10), 10.0: (10, 99)}
    assert sorted(tf for tf, _ in buckets) == [1.0, 2.0, 3.0, 5.0, 10.0]
    for lower, bits in buckets:
        low, high = bounds[lower]
        assert list(bitsets.iter_ids(bits)) == [d for d, tf in zip(ids, tfs) if low <= tf < high]
    assert _tf_buckets(ids, [1.0] * len(ids), (2.0,), 500) == (everything, [(1.0, everything)])
    assert _tf_buckets([3], [4.0], (2.0, 3.0), 10) == (8, [(3.0, 8)])


SAMPLE_TEXTS = (
    "Nurses NURSING nursing; caring & carers - supported living, physiotherapists!",
    "e.g. 3.5 hours a week, U.K. based, band_5 or 07.30-19.30 shifts; i.e. a to z",
    "Café naïve İstanbul Ærøskøbing straße ΣΊΣΥΦΟΣ — \u2019quoted\u2019 words",
    "the and of to in is it be an as at by 1 a b I x GP HR OT A&E 24/7",
    "",
)


def test_counted_terms_match_the_analyzers():
    from search.schema import SPELLING, STEMMING, SpellingText, StemmedText

    for text in SAMPLE_TEXTS:
        assert StemmedText().terms(text) == Counter(t.text for t in STEMMING(text))
        assert SpellingText().terms(text) == Counter(t.text for t in SPELLING(text))


def test_bulk_writer_writes_what_whoosh_writes(kit, build, index_dir, tmp_path):
    from whoosh import fields
    from whoosh.filedb.filestore import FileStorage

    from search.schema import SCHEMA, CountedText, to_whoosh

    rnd = random.Random(4)
    words = " ".join(SAMPLE_TEXTS).split()
    docs = [
        kit.make_doc(
            i,
            title=" ".join(rnd.sample(words, 3)),
            text=" ".join(rnd.choice(words) for _ in range(rnd.randrange(0, 60))) + " care" * (i % 3),
            working_patterns=rnd.sample(["full_time", "nights", "weekends"], rnd.randrange(0, 3)),
            locations=[kit.LEEDS] * rnd.randrange(0, 3),
            pay_annual=None if i % 7 == 0 else 20000.0 + i,
        )
        for i in range(1, 400)
    ]
    build(docs)
    analyzed = fields.Schema(**{
        name: fields.TEXT(analyzer=field.analyzer, phrase=False, stored=field.stored)
        if isinstance(field, CountedText) else field
        for name, field in SCHEMA.items()
    })
    reference = FileStorage(str(tmp_path / "reference")).create()
    writer = reference.create_index(analyzed).writer()
    for doc in docs:
        writer.add_document(**to_whoosh(doc))
    writer.commit()

    def contents(reader):
        terms = {}
        for name in reader.indexed_field_names():
            for term in reader.lexicon(name):
                matcher = reader.postings(name, term)
                postings = terms[name, term] = []
                while matcher.is_active():
                    postings.append((matcher.id(), matcher.weight(), matcher.value()))
                    matcher.next()
        stored = [reader.stored_fields(d) for d in range(reader.doc_count_all())]
        columns = {name: list(reader.column_reader(name)) for name in ("meta", "locations")}
        return terms, stored, columns

    built = open_reader(index_dir)
    expected = reference.open_index().reader()
    assert len(list(built.lexicon("text"))) > 10 and len(list(built.postings("text", "care").all_ids())) > 256
    assert contents(built) == contents(expected)
    built.close()
    expected.close()
