"""The pages every public service has: help, contact, accessibility statement, cookies and terms, each linked
from the footer of every page and listed in the sitemap."""
import pytest

from tests.factories import sign_in
from tests.jobsearch.html import h1_count, parse, text_of

INFORMATION_PAGES = [
    pytest.param("/help", "Help using this site", id="help"),
    pytest.param("/contact", "Contact us", id="contact"),
    pytest.param("/accessibility", "Accessibility statement for Proud to Care LLR", id="accessibility"),
    pytest.param("/cookies", "Cookies", id="cookies"),
    pytest.param("/terms", "Terms of use", id="terms"),
    pytest.param("/developers", "Vacancy API", id="api-documentation"),
]


@pytest.mark.parametrize("path, heading", INFORMATION_PAGES)
def test_each_information_page_has_one_heading(client, path, heading):
    response = client.get(path)

    assert response.status_code == 200
    assert h1_count(response) == 1
    assert parse(response).xpath("//h1")[0].text_content().strip() == heading


@pytest.mark.parametrize("page_with_footer", ["/", "/jobs", "/no-such-page"])
@pytest.mark.parametrize("path, heading", INFORMATION_PAGES)
def test_each_information_page_is_linked_from_the_footer(client, page_with_footer, path, heading):
    footer_links = parse(client.get(page_with_footer)).xpath("//footer//a/@href")

    assert path in footer_links


def test_the_footer_no_longer_links_to_the_raw_openapi_document(client):
    assert "/api/v1/openapi.json" not in parse(client.get("/")).xpath("//footer//a/@href")


@pytest.mark.parametrize("path, heading", INFORMATION_PAGES)
def test_each_information_page_is_in_the_sitemap(client, path, heading):
    assert f"http://localhost{path}</loc>" in client.get("/sitemap.xml").get_data(as_text=True)


@pytest.mark.parametrize("path", ["/contact", "/accessibility", "/terms"])
def test_pages_that_invite_contact_give_the_support_address(app, client, path):
    address = app.config["SUPPORT_EMAIL"]

    assert f"mailto:{address}" in parse(client.get(path)).xpath("//main//a/@href")


@pytest.mark.parametrize("wording", [
    pytest.param("Web Content Accessibility Guidelines version 2.2 AA standard", id="compliance-status"),
    pytest.param("We know of no parts of this website that are not accessible", id="known-problems"),
    pytest.param("Equality and Human Rights Commission (EHRC)", id="enforcement-procedure"),
    pytest.param("Feedback and contact information", id="how-to-report"),
])
def test_the_accessibility_statement_follows_the_model_statement(client, wording):
    assert wording in text_of(client.get("/accessibility"))


def _cookies_listed(client) -> set[str]:
    return {name.strip() for name in parse(client.get("/cookies")).xpath("//td/code[@class='portal-cookie-name']/text()")}


def test_the_cookies_page_lists_every_cookie_a_visitor_gets_on_signing_in_and_no_other(app, make_user):
    client = app.test_client()
    client.get("/")
    client.get("/jobs?q=care")
    sign_in(client, make_user())
    client.get("/profile")

    set_by_the_site = {cookie.key for cookie in client._cookies.values()}

    assert set_by_the_site == {app.config["SESSION_COOKIE_NAME"]}
    assert _cookies_listed(client) == set_by_the_site


def test_the_cookies_page_says_no_analytics_or_advertising_cookies_are_set(client):
    assert "We do not use cookies to measure how you use the site or for advertising" in text_of(client.get("/cookies"))
