"""Synonyms in the vacancy search: an OR of alternatives for a word, and what they must not do."""
import pytest

from search import Synonyms
from search.synonyms import stems_of

SYNONYMS = Synonyms([
    ("hca", ["healthcare assistant", "healthcare support worker"]),
    ("healthcare assistant", ["hca"]),
    ("ot", ["occupational therapist"]),
    ("physio", ["physiotherapist"]),
    ("nurse", ["rgn", "rmn"]),
    ("admin", ["administrator", "secretary"]),
    ("pharmacy tech", ["pharmacy technician"]),
])


@pytest.fixture
def jobs(kit, search):
    docs = [
        kit.make_doc(1, title="Healthcare Assistant - Ward 7", role_name="Healthcare support worker"),
        kit.make_doc(2, title="HCA (nights)", role_name="Healthcare support worker"),
        kit.make_doc(3, title="Occupational Therapist", role_name="Occupational therapist"),
        kit.make_doc(4, title="Porter", role_name="Porter",
                     text="You will not be a nurse, but nurses and the OT team rely on you. Hot food provided."),
        kit.make_doc(5, title="Band 5 RMN - Ashby Ward", role_name="Mental health nurse"),
        kit.make_doc(6, title="Medical Secretary - Nursing Directorate", role_name="Medical secretary",
                     summary="Typing for the nursing team."),
        kit.make_doc(14, title="Ward Manager - Ward 12", role_name="Ward sister / charge nurse"),
        kit.make_doc(7, title="Administrator", role_name="Administrator"),
        kit.make_doc(8, title="Pharmacy Technician", role_name="Pharmacy technician"),
        kit.make_doc(9, title="Physiotherapist", role_name="Physiotherapist"),
        kit.make_doc(10, title="Assistant Occupational Therapist", role_name="Therapy assistant"),
        kit.make_doc(11, title="Healthcare Support Worker", role_name="Healthcare support worker"),
        kit.make_doc(12, title="Staff Nurse", role_name="Registered nurse (adult)"),
        kit.make_doc(13, title="Support Worker, Otley House", role_name="Care worker"),
    ]
    return search(docs)


def found(jobs, kit, text, synonyms=SYNONYMS, **fields):
    return set(kit.ids(jobs(text=text, synonyms=synonyms, per_page=100, **fields)))


def test_an_abbreviation_finds_its_meanings(jobs, kit):
    assert found(jobs, kit, "hca") == {1, 2, 11}
    assert found(jobs, kit, "HCA nights") == {2}
    assert found(jobs, kit, "physio") == {9}
    assert found(jobs, kit, "pharmacy tech") == {8}
    assert found(jobs, kit, "ot") == {3, 10}


def test_a_multi_word_term_and_multi_word_meanings(jobs, kit):
    # Typed as two words, the term also finds the abbreviation; a meaning of two words needs both.
    assert found(jobs, kit, "healthcare assistant") == {1, 2}
    assert 13 not in found(jobs, kit, "hca")  # "support worker" alone is not "healthcare support worker"


def test_words_with_synonyms_still_combine_with_others(jobs, kit):
    assert found(jobs, kit, "ot assistant") == {10}


def test_without_the_list_words_match_only_themselves(jobs, kit):
    assert found(jobs, kit, "physio", synonyms=None, correct_spelling=False) == set()
    assert found(jobs, kit, "hca", synonyms=None) == {2}


def test_ot_does_not_match_other_words(jobs, kit):
    # Not "not", "hot" or "Otley", and the porter's passing mention of the OT team is no match when
    # some job is named by the word.
    assert found(jobs, kit, "ot") == {3, 10}


def test_a_synonym_does_not_widen_an_exact_title(jobs, kit):
    # "admin" means secretaries too, but a search for a secretary does not bring administrators back.
    assert found(jobs, kit, "medical secretary") == {6}
    assert found(jobs, kit, "secretary") == {6}
    assert found(jobs, kit, "administrator") == {7}
    assert found(jobs, kit, "occupational therapist") == {3, 10}
    assert found(jobs, kit, "admin") == {6, 7}


def test_nurse_puts_nursing_roles_first_and_leaves_out_passing_mentions(jobs, kit):
    result = jobs(text="nurse", synonyms=SYNONYMS, per_page=100)
    assert set(kit.ids(result)) == {5, 6, 12, 14}
    # Every job whose role is a nurse's comes before the secretary whose title names the nursing team.
    assert kit.ids(result)[-1] == 6
    assert 4 not in kit.ids(result)  # the porter's advert mentions nurses only in passing


def test_expanded_words_are_highlighted_and_never_corrected(jobs, kit):
    result = jobs(text="physio", synonyms=SYNONYMS)
    assert result.hits[0].title_html == "<mark>Physiotherapist</mark>"
    assert result.suggestion is None and result.corrected_text is None


def test_terms_are_compared_as_the_index_stores_words():
    assert stems_of("Pharmacy Techs") == stems_of("pharmacy tech")
    assert SYNONYMS.groups(["hcas"])[0].expanded  # the plural is the same term
    assert "hca" in SYNONYMS and "hc" not in SYNONYMS and "not" not in SYNONYMS
    groups = SYNONYMS.groups(["senior", "pharmacy", "tech"])
    assert [group.words for group in groups] == [("senior",), ("pharmacy", "tech")]
