"""Snippets keep sentence, heading and field boundaries."""
import pytest

from search.highlight import Highlighter, passage_fragment

ABOUT_THE_HOME = (
    "About the home\n"
    "A friendly team running the home\n"
    "Support with personal care\n"
    "Working for High Leicestershire County Council\n"
    "High Leicestershire is a rural district."
)
LONG_PARAGRAPH = (
    "We are a large acute trust with many wards and departments across three sites in the county. "
    "Our medical wards look after older people with complex needs and long stays. "
    "You will give personal care to patients and help them eat and drink. "
    "The team works early, late and night shifts on a rota agreed four weeks ahead."
)


@pytest.mark.parametrize("words, summary, text, expected", [
    pytest.param(["personal"], "", ABOUT_THE_HOME, "Support with <mark>personal</mark> care",
                 id="a list item alone, not run into the heading before or after"),
    pytest.param(["high"], "", ABOUT_THE_HOME, "Working for <mark>High</mark> Leicestershire County Council",
                 id="a heading not run into the paragraph after it"),
    pytest.param(["rural", "district"], "", ABOUT_THE_HOME,
                 "High Leicestershire is a <mark>rural</mark> <mark>district</mark>.", id="the line with most matches"),
    pytest.param(["personal"], "", LONG_PARAGRAPH,
                 "\u2026You will give <mark>personal</mark> care to patients and help them eat and drink. "
                 "The team works early, late and night shifts on a rota agreed four weeks ahead.",
                 id="a long paragraph from the start of the sentence"),
    pytest.param(["care"], "Care home in Melton.", ABOUT_THE_HOME, "<mark>Care</mark> home in Melton.",
                 id="the summary alone, never joined to the description"),
    pytest.param(["gardens"], "", ABOUT_THE_HOME, "About the home", id="no match: the first line"),
])
def test_snippet_boundaries(words, summary, text, expected):
    from search.schema import stem

    assert Highlighter([stem(word) for word in words]).snippet(summary, text) == expected


def test_an_empty_text_gives_an_empty_snippet():
    assert passage_fragment("\n \n", []) == ""
