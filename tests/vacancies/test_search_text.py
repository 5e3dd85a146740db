from portal.markdown import markdown_to_text


def test_markdown_becomes_plain_words_for_the_search_index():
    text = (
        "# Heading\n\n* **Bold** and _italic_ `code` ~~gone~~\n"
        "1. [Apply here](https://example.org/a_b) | cell |\n> quoted\n  - nested\n2) second\nsnake_case, 3.5 hours"
    )
    assert markdown_to_text(text) == (
        "Heading\nBold and italic code gone\nApply here   cell \nquoted\nnested\nsecond\nsnakecase, 3.5 hours"
    )
    assert markdown_to_text(None) == ""
