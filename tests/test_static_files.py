"""Static files: linked by fingerprinted names, served compressed when the browser accepts it, cached for good
when fingerprinted; and nothing on the site is loaded from another host."""
import re
from pathlib import Path

import pytest
from flask_static_digest.digester import compile as compile_digest

from portal import create_app
from portal.config import REPO_ROOT, TestConfig
from portal.http_headers import CONTENT_SECURITY_POLICY
from portal.static_files import FINGERPRINTED
from tests.jobsearch.html import parse

STATIC = REPO_ROOT / "static"
ONE_YEAR = 365 * 24 * 60 * 60
NHS_CSS = "nhsuk/nhsuk-frontend-10.6.1.min.css"


@pytest.fixture(scope="module")
def static_client(tmp_path_factory):
    """An app started after the digest is compiled (``make static`` does it before ``make test``)."""
    if not (STATIC / "cache_manifest.json").exists():
        compile_digest(f"{STATIC}/", f"{STATIC}/", [], True, False)
    app = create_app({
        **{key: getattr(TestConfig, key) for key in dir(TestConfig) if key.isupper()},
        "INSTANCE_PATH": str(tmp_path_factory.mktemp("instance")),
    })
    return app.test_client()


def _static_links(client, path: str) -> list[str]:
    page = parse(client.get(path))
    return [url for url in page.xpath("//link/@href | //script/@src | //img/@src") if url.startswith("/static/")]


def _fingerprinted_url(client, filename: str) -> str:
    stem, suffix = filename.rsplit(".", 1)
    fingerprinted = re.compile(rf"/static/{re.escape(stem)}-[0-9a-f]{{32}}\.{suffix}")
    [url] = [url for url in _static_links(client, "/help") if fingerprinted.fullmatch(url)]
    return url


def test_pages_link_every_static_file_by_its_fingerprinted_name(static_client):
    links = _static_links(static_client, "/help")

    assert len(links) >= 6
    assert [url for url in links if not re.search(FINGERPRINTED, url)] == []


@pytest.mark.parametrize("filename", ["portal.css", NHS_CSS, "nhsuk/nhsuk-frontend-10.6.1.min.js", "brand/heart.svg"])
def test_a_fingerprinted_file_is_cached_for_at_least_a_year_and_never_revalidated(static_client, filename):
    response = static_client.get(_fingerprinted_url(static_client, filename))

    assert response.status_code == 200
    cache_control = response.headers["Cache-Control"]
    assert "immutable" in cache_control and "public" in cache_control
    assert int(re.search(r"max-age=(\d+)", cache_control)[1]) >= ONE_YEAR
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_a_file_by_its_plain_name_is_cached_briefly_as_it_may_change(static_client):
    cache_control = static_client.get("/static/portal.css").headers["Cache-Control"]

    assert "immutable" not in cache_control
    assert int(re.search(r"max-age=(\d+)", cache_control)[1]) <= 60 * 60


@pytest.mark.parametrize("accept_encoding, encoding, largest", [
    pytest.param("gzip, deflate, br", "gzip", 50_000, id="browser-accepts-gzip"),
    pytest.param("identity", None, None, id="client-without-compression"),
])
def test_the_nhs_css_is_sent_compressed_when_the_browser_accepts_it(static_client, accept_encoding, encoding, largest):
    url = _fingerprinted_url(static_client, NHS_CSS)

    response = static_client.get(url, headers={"Accept-Encoding": accept_encoding})

    assert response.headers.get("Content-Encoding") == encoding
    assert "Accept-Encoding" in response.headers["Vary"]
    size = len(response.get_data())
    if largest:
        assert size < largest
    else:
        assert size == (STATIC / NHS_CSS).stat().st_size


def test_public_pages_may_be_cached_by_the_browser(static_client):
    assert "no-store" not in static_client.get("/help").headers.get("Cache-Control", "")


# Nothing from another host ---------------------------------------------------------------------------------

OFF_SITE = re.compile(r"""(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}""", re.I)
# An XML namespace names a vocabulary; nothing is fetched from it.
NAMESPACE = re.compile(r"""xmlns(?::\w+)?=["'][^"']*["']""")
SOURCE_SUFFIXES = {".css", ".js", ".json", ".svg", ".html"}


def _static_sources() -> list[Path]:
    return [
        path for path in STATIC.rglob("*")
        if path.suffix in SOURCE_SUFFIXES and not re.search(FINGERPRINTED, path.name)
        and path.name != "cache_manifest.json"
    ]


@pytest.mark.parametrize("path", _static_sources(), ids=lambda path: str(path.relative_to(STATIC)))
def test_no_static_file_points_to_another_host(path):
    text = NAMESPACE.sub("", path.read_text())

    assert OFF_SITE.findall(text) == []


def test_no_static_file_declares_a_font_from_elsewhere():
    for path in STATIC.rglob("*.css"):
        assert "@font-face" not in path.read_text(), path


@pytest.mark.parametrize("path", ["/", "/jobs", "/help", "/accessibility", "/developers", "/sign-in", "/no-such-page"])
def test_no_page_loads_anything_from_another_host(client, path):
    page = parse(client.get(path))
    # Everything a browser fetches by itself: links such as <a href> are only followed when chosen.
    loaded = page.xpath("//@src | //@srcset | //link/@href | //form/@action | //@poster | //meta[@property]/@content")

    assert [url for url in loaded if OFF_SITE.match(url)] == []


def test_the_content_security_policy_allows_fonts_from_this_site_only():
    assert CONTENT_SECURITY_POLICY["font-src"] == "'self'"
