"""The careers quiz on a small phone with JavaScript off: question by question to results whose address
carries every answer, with nothing scrolling sideways."""
import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

MARKET_HARBOROUGH = {"town": "Market Harborough", "postcode": "LE16 7AF", "latitude": 52.4777, "longitude": -0.9212}


def fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def test_a_school_leaver_takes_the_quiz_without_javascript_on_a_phone(live_server, browser, careers_content,
                                                                      make_organisation, make_vacancy):
    make_vacancy(make_organisation(**MARKET_HARBOROUGH), role_code="care_worker", title="Care Worker")
    context = browser.new_context(viewport={"width": 320, "height": 640}, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{live_server}/careers/quiz")
        page.get_by_role("button", name="Start the quiz").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("What do you enjoy most?")
        page.get_by_label("Helping people and making them feel better").check()
        page.get_by_role("button", name="Continue").click()
        page.get_by_label("People: talking, helping and looking after them").check()
        page.get_by_role("button", name="Continue").click()
        page.get_by_role("link", name="Skip this question").click()
        page.get_by_label("I'd be happy to do that").check()
        page.get_by_role("button", name="Continue").click()
        for _ in range(5, 11):
            page.get_by_role("link", name="Skip this question").click()
        page.get_by_label("Up to 10 miles").check()
        page.get_by_role("button", name="Continue").click()
        assert fits_the_screen(page)
        page.get_by_label("What is your town or postcode?").fill("LE16")
        page.get_by_role("button", name="See your results").click()

        results = "/careers/quiz/results?enjoy=helping&works_with=people&personal_care=fine&distance=10&place=LE16"
        assert page.url == live_server + results
        expect(page.get_by_role("heading", level=1)).to_have_text("Jobs that could suit you")
        care_worker = page.locator("ol > li").filter(has=page.get_by_role("link", name="Care worker", exact=True))
        expect(care_worker).to_contain_text("1 open care worker job within 10 miles of LE16")
        # The link to copy is the address itself, on the site's own address (SITE_URL).
        expect(page.locator("a.portal-secret")).to_have_attribute("href", results)
        expect(page.locator("a.portal-secret")).to_have_text(re.compile(r"^https?://[^/]+" + re.escape(results) + "$"))
        assert fits_the_screen(page)

        page.get_by_role("link", name="Change your answers").click()
        expect(page.get_by_label("Helping people and making them feel better")).to_be_checked()
    finally:
        context.close()
