"""The careers index and synonyms, without Flask."""
import json

import pytest

from search import CareersIndex, IndexUnavailable, Synonyms
from search.careers import CAREERS_FORMAT
from search.index import POINTER, STATE

SYNONYMS = Synonyms([
    ("physio", ["physiotherapist", "physiotherapy"]),
    ("hca", ["healthcare assistant", "healthcare support worker"]),
    ("ot", ["occupational therapist"]),
    ("slt", ["speech and language therapist"]),
    ("admin", ["administrator", "secretary"]),
])


def role(key, title, summary="", text="", family="", routes=()):
    return {"kind": "role", "key": key, "title": title, "summary": summary, "text": text, "family": family,
            "routes": list(routes)}


DOCS = [
    role("physiotherapist", "Physiotherapist", "You help people move again.", family="Allied health professionals"),
    role("occupational_therapist", "Occupational therapist", "You help people do everyday tasks."),
    role("speech_language_therapist", "Speech and language therapist", "You help people talk and swallow."),
    role("healthcare_support_worker", "Healthcare support worker", "You care for patients on a ward."),
    role("porter", "Porter", "You move patients and equipment. You are not a therapist.",
         text="Nurses and therapists ask you to take patients to x-ray. It is hot work."),
    role("medical_secretary", "Medical secretary", "You type letters for doctors."),
    role("administrator", "Administrator", "You keep records in order."),
    {"kind": "pathway", "key": "therapy-careers", "title": "Therapy assistant to therapist",
     "summary": "From assistant to physiotherapist or occupational therapist.", "routes": ["Therapy assistant"]},
]


@pytest.fixture
def careers(tmp_path):
    index = CareersIndex(tmp_path / "careers")
    index.rebuild(DOCS, "sig-1")
    yield index
    index.close()


def keys(hits):
    return [hit.key for hit in hits]


def test_build_records_the_signature_and_finds_roles_and_pathways(careers):
    assert careers.signature() == "sig-1"
    assert careers.doc_count() == len(DOCS)
    hits = careers.search("physiotherapist")
    assert keys(hits)[0] == "physiotherapist"
    assert hits[0].kind == "role" and hits[0].title == "Physiotherapist"
    assert hits[0].summary == "You help people move again."
    assert "therapy-careers" in keys(hits)
    assert keys(careers.search("therapist", kinds=["pathway"])) == ["therapy-careers"]


def test_at_most_the_limit_best_first(careers):
    assert len(careers.search("therapist", limit=2)) == 2
    assert len(careers.search("you", limit=100)) <= 20


def test_synonyms_find_the_role(careers):
    assert keys(careers.search("physio", SYNONYMS))[0] == "physiotherapist"
    assert keys(careers.search("HCA", SYNONYMS)) == ["healthcare_support_worker"]
    assert keys(careers.search("ot", SYNONYMS))[0] == "occupational_therapist"
    assert keys(careers.search("SLT", SYNONYMS)) == ["speech_language_therapist"]
    assert careers.search("physio") == []  # without the list, the abbreviation is only itself


def test_multi_word_meanings_match_as_a_phrase(careers):
    # "speech and language therapist" is a phrase: a therapist who mentions language elsewhere is not it.
    assert "occupational_therapist" not in keys(careers.search("slt", SYNONYMS, limit=10))


def test_must_nots(careers):
    # "ot" is a whole word: never "not", "hot" or the start of another word.
    assert "porter" not in keys(careers.search("ot", SYNONYMS, limit=10))
    # Expansion goes one way: an exact title is not widened by a term whose meanings include it.
    assert keys(careers.search("medical secretary", SYNONYMS, limit=10)) == ["medical_secretary"]
    assert keys(careers.search("administrator", SYNONYMS, limit=10)) == ["administrator"]
    assert set(keys(careers.search("admin", SYNONYMS, limit=10))) == {"medical_secretary", "administrator"}


def test_words_that_match_nothing_are_left_out(careers):
    assert keys(careers.search("physio in Leicester", SYNONYMS))[0] == "physiotherapist"
    assert careers.search("Leicester") == []
    assert careers.search("") == careers.search("!!") == careers.search("the and") == []


def test_rebuild_swaps_generations_and_keeps_one_previous(careers, tmp_path):
    base = tmp_path / "careers"
    for n in range(2, 5):
        careers.rebuild([*DOCS[:1], role("dietitian", "Dietitian")], f"sig-{n}")
    assert careers.signature() == "sig-4"
    assert len(list(base.glob("gen-*"))) == 2
    assert keys(careers.search("dietitian")) == ["dietitian"]
    assert careers.search("porter") == []


def test_a_failed_build_leaves_the_live_generation(careers, tmp_path):
    with pytest.raises(ValueError):
        careers.rebuild([{"kind": "vacancy", "key": "1", "title": "x"}], "sig-bad")
    assert careers.signature() == "sig-1"
    assert keys(careers.search("porter")) == ["porter"]
    assert len(list((tmp_path / "careers").glob("gen-*"))) == 1


def test_missing_damaged_or_old_index_is_unavailable(tmp_path):
    index = CareersIndex(tmp_path / "none")
    assert index.signature() is None
    with pytest.raises(IndexUnavailable):
        index.search("nurse")

    index = CareersIndex(tmp_path / "careers")
    index.rebuild(DOCS, "sig-1")
    generation = tmp_path / "careers" / (tmp_path / "careers" / POINTER).read_text().strip()
    (generation / STATE).write_text(json.dumps({"format": CAREERS_FORMAT + 1, "signature": "sig-1"}))
    assert index.signature() is None
    fresh = CareersIndex(tmp_path / "careers")
    with pytest.raises(IndexUnavailable):
        fresh.search("porter")

    (tmp_path / "careers" / POINTER).write_text("../elsewhere")
    assert index.signature() is None
    with pytest.raises(IndexUnavailable):
        index.search("porter")


def test_synonym_list_must_have_words():
    with pytest.raises(ValueError):
        Synonyms([("!!", ["nurse"])])
    with pytest.raises(ValueError):
        Synonyms([("ot", ["the"])])
