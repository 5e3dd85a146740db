"""Reading rendered pages in tests."""
from __future__ import annotations

import lxml.html


def parse(response) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(response.get_data(as_text=True))


def text_of(response) -> str:
    return " ".join(parse(response).text_content().split())


def h1_count(response) -> int:
    return len(parse(response).xpath("//h1"))
