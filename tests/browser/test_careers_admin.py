"""An administrator edits a careers page on a phone: preview, publish, then restore the earlier version from
the history; every step axe-clean and without sideways scrolling. (Each step is a plain form post, so it
works without JavaScript: axe itself needs JavaScript to run.)"""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from portal.careers import services
from portal.careers.content import ContentKind
from portal.extensions import db
from tests.browser.test_accessibility import axe_problems, sign_in

OLD = "You help older people and adults with disabilities or dementia to live well."
NEW = "You help older people and adults with disabilities to live the life they choose."


def no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


@pytest.mark.browser
def test_an_admin_previews_publishes_and_restores_on_a_phone(
        app, live_server, browser, careers_content, make_admin):
    admin = make_admin()
    context = browser.new_context(viewport={"width": 320, "height": 800})
    page = context.new_page()
    axe = Axe()
    problems = []
    try:
        problems += sign_in(page, live_server, admin.email, axe, "phone")
        page.goto(f"{live_server}/admin")
        page.get_by_role("link", name="Careers content").click()
        page.get_by_role("link", name="Care worker", exact=True).click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Care worker")
        assert no_sideways_scroll(page)

        box = page.get_by_label("Text of the page", exact=True)
        box.fill(box.input_value().replace(OLD, NEW))
        page.get_by_role("button", name="Preview").click()
        expect(page.get_by_role("heading", name="Preview")).to_be_visible()
        expect(page.locator("#preview")).to_contain_text(NEW)
        problems += axe_problems(page, axe, "the edit page with its preview")
        assert no_sideways_scroll(page), "the preview scrolls sideways at 320 px"

        page.get_by_label("What you changed (optional)").fill("A kinder summary")
        page.get_by_role("button", name="Publish", exact=True).click()
        expect(page.get_by_text("Published: the public pages show it now.")).to_be_visible()
        with app.app_context():
            assert services.published_content().roles["care_worker"].summary.startswith(NEW)

        page.get_by_role("link", name="Every version of this page").click()
        problems += axe_problems(page, axe, "the history")
        assert no_sideways_scroll(page), "the history scrolls sideways at 320 px"
        page.locator("table a").last.click()  # the oldest: the text from the content files
        problems += axe_problems(page, axe, "one version")
        assert no_sideways_scroll(page), "a version's text scrolls sideways at 320 px"
        page.get_by_role("button", name="Restore this version").click()
        expect(page.get_by_text("is now the draft")).to_be_visible()
        page.get_by_role("button", name="Publish the draft").click()
        expect(page.get_by_text("The draft is published")).to_be_visible()
        with app.app_context():
            assert services.published_content().roles["care_worker"].summary.startswith(OLD)
            document = services.find_document(ContentKind.ROLE, "care_worker")
            assert document.draft_revision_id is None
            db.session.rollback()
    finally:
        context.close()
    assert not problems, "WCAG 2.2 AA violations:\n" + "\n".join(problems)
