"""Every image and font the site's stylesheets ask for from this site is there."""
import re
from urllib.parse import urljoin, urlsplit

import pytest

from tests.jobsearch.html import parse

CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+?)['"]?\s*\)""")


def stylesheets(client) -> list[str]:
    return parse(client.get("/jobs")).xpath("//link[@rel='stylesheet']/@href")


def local_targets(client) -> list[str]:
    """The url(...) paths in each stylesheet, resolved as a browser would; data: and other sites left out."""
    targets = set()
    for sheet in stylesheets(client):
        response = client.get(sheet)
        assert response.status_code == 200, sheet
        for found in CSS_URL.findall(response.get_data(as_text=True)):
            address = urljoin(sheet, found)
            if not found.startswith("data:") and not urlsplit(address).netloc:
                targets.add(urlsplit(address).path)
    return sorted(targets)


def test_the_design_system_stylesheet_asks_for_its_icons_under_assets(client):
    assert "/assets/images/nhsuk-icon-cross.svg" in local_targets(client)


@pytest.mark.parametrize("target", [
    "/assets/images/nhsuk-icon-cross.svg",
    "/assets/images/nhsuk-icon-arrow-down.svg",
    "/assets/images/nhsuk-icon-arrow-up.svg",
    "/assets/images/nhsuk-icon-arrow-up-down.svg",
], ids=["search-clear-cross", "sort-arrow-down", "sort-arrow-up", "sort-arrows"])
def test_each_icon_answers_as_an_svg_image(client, target):
    response = client.get(target)

    assert response.status_code == 200
    assert response.mimetype == "image/svg+xml"


def test_every_local_url_in_every_stylesheet_answers(client):
    missing = {target: client.get(target).status_code for target in local_targets(client)}

    assert {target: status for target, status in missing.items() if status != 200} == {}


@pytest.mark.parametrize("path", ["/assets/../portal.css", "/assets/images/no-such-icon.svg", "/assets/"],
                         ids=["climbing-out", "unknown-icon", "the-folder"])
def test_nothing_outside_the_assets_is_served_there(client, path):
    assert client.get(path).status_code == 404
