"""Every request a page makes goes to this site: no fonts, scripts or images from anywhere else, so the site
works offline and tells no other organisation who visits it. In Chromium."""
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", [
    pytest.param("/", id="home"),
    pytest.param("/jobs?q=care", id="job-search"),
    pytest.param("/developers", id="api-documentation"),
])
def test_every_request_of_the_page_goes_to_this_site(live_server, page, make_organisation, make_vacancy, path):
    make_vacancy(make_organisation(name="Charnwood Home Care"), title="Care Worker")
    requested = []
    page.on("request", lambda request: requested.append(request.url))

    page.goto(f"{live_server}{path}")
    page.wait_for_load_state("networkidle")

    site = urlsplit(live_server).netloc
    assert len(requested) > 3
    assert [url for url in requested if urlsplit(url).netloc != site] == []


def test_text_is_set_in_the_system_fonts_with_no_web_font_and_the_header_shows_the_portal_mark(live_server, page):
    page.goto(f"{live_server}/")

    assert page.evaluate("getComputedStyle(document.body).fontFamily").startswith("-apple-system")
    assert page.evaluate("document.fonts.size") == 0
    home_link = page.get_by_role("link", name="Proud to Care LLR homepage")
    assert home_link.locator("img").get_attribute("src").startswith("/static/brand/heart")
    assert page.locator("header svg").count() == 0
