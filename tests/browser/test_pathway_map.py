"""The pathway map in Chromium: at 320 px the page never scrolls sideways (the map scrolls inside its own
labelled box instead), the map's words stay readable at every width, its roles are reached by keyboard, and
the step list is read before it. No JavaScript is needed: the map is drawn on the server."""
import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

SLUGS = ["care-worker-to-registered-nurse", "therapy-assistant-to-allied-health-professional"]


@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("slug", SLUGS)
def test_the_map_scrolls_inside_its_box_and_its_words_stay_readable(live_server, browser, careers_content, slug,
                                                                     width):
    context = browser.new_context(viewport={"width": width, "height": 800}, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{live_server}/careers/pathways/{slug}")
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        scroller = page.locator(".portal-map__scroll")
        box = scroller.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width
        # The smallest text drawn in the map, in CSS pixels on the screen.
        smallest = page.evaluate("""() => Math.min(...[...document.querySelectorAll('.portal-map__svg text')]
            .map(t => t.getBoundingClientRect().height))""")
        assert smallest >= 12
        scroller.focus()
        expect(scroller).to_be_focused()
        label = page.locator(f"#{scroller.get_attribute('aria-labelledby')}")
        expect(label).to_be_visible()
    finally:
        context.close()


def test_the_maps_roles_are_links_reached_by_keyboard_after_the_step_list(live_server, browser, careers_content):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(f"{live_server}/careers/pathways/care-worker-to-registered-nurse")
        order = page.evaluate("""() => [...document.querySelectorAll('main a, main [tabindex="0"]')]
            .map(e => e.closest('svg') ? 'map' : e.closest('.portal-steps') ? 'steps' : 'other')""")
        assert order.index("steps") < order.index("map")
        first_role = page.locator(".portal-map__svg a").first
        first_role.focus()
        expect(first_role).to_be_focused()
        page.keyboard.press("Enter")
        page.wait_for_url("**/careers/roles/new_to_care_worker")
    finally:
        context.close()
