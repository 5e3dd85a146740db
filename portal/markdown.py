"""Markdown written by employers, rendered to HTML that is safe to show."""
import re

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup

_renderer = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "ul", "ol", "li", "a", "h2", "h3", "h4", "blockquote",
    "code", "pre", "hr", "table", "thead", "tbody", "tr", "th", "td",
}


def render_markdown(text: str | None) -> Markup:
    html = _renderer.render(text or "")
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes={"a": {"href", "title"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener nofollow",
    )
    return Markup(clean)


_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_LINE_MARKER = re.compile(r"^\s{0,3}(?:#{1,6}|[-+*]|\d+[.)]|>)\s+", re.MULTILINE)
# Dropped wherever they are; a regular expression matching them too runs three times slower.
_MARKUP_CHARACTERS = str.maketrans("", "", "*_`~|[]")


def markdown_to_text(text: str | None) -> str:
    """Readable plain text for indexing and snippets: markup characters dropped, words kept.

    Rendering every advert to HTML would cost a millisecond each; the index only needs the words."""
    return _LINE_MARKER.sub("", _LINK_TARGET.sub("] ", text or "")).translate(_MARKUP_CHARACTERS).strip()
