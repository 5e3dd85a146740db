"""The job search page with a keyboard, on a phone and on a desktop, with and without JavaScript."""
import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PHONE = {"width": 320, "height": 640}
DESKTOP = {"width": 1280, "height": 900}
FOCUS_YELLOW = "rgb(255, 235, 59)"
MAX_TAB_STOPS = 120

DESCRIBE_FOCUS = """() => {
    const element = document.activeElement;
    return {
        text: (element.innerText || element.getAttribute("aria-label") || element.name || "").trim(),
        in_results: !!element.closest(".portal-result"),
        in_filters: !!element.closest("#filters") && element.matches("input, select, button"),
    };
}"""


@pytest.fixture
def jobs(make_organisation, make_vacancy):
    loughborough = make_organisation(name="Charnwood Home Care", town="Loughborough", postcode="LE11 1AA",
                                     latitude=52.7721, longitude=-1.2062)
    make_vacancy(loughborough, title="Care Worker - Days", contract_type="permanent", works_nights=False)
    make_vacancy(loughborough, title="Care Worker - Bank", contract_type="bank")
    make_vacancy(loughborough, title="Activities Coordinator", role_code="activities_coordinator",
                 contract_type="permanent", summary="Plan days out with our care team.")


def open_jobs(browser, live_server, viewport, query="", javascript=True):
    context = browser.new_context(viewport=viewport, java_script_enabled=javascript)
    page = context.new_page()
    page.goto(f"{live_server}/jobs{query}")
    return page


def tab_stops(page) -> list[dict]:
    stops = []
    for _ in range(MAX_TAB_STOPS):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(DESCRIBE_FOCUS))
        if stops[-1]["in_filters"]:
            break
    return stops


def first(stops, test) -> int:
    return next(index for index, stop in enumerate(stops) if test(stop))


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone-320px", "desktop-1280px"])
def test_the_first_result_comes_before_any_filter_and_a_skip_link_comes_early(browser, live_server, jobs, viewport):
    page = open_jobs(browser, live_server, viewport, "?q=care")

    stops = tab_stops(page)

    skip = first(stops, lambda stop: stop["text"] == "Skip to results")
    first_result = first(stops, lambda stop: stop["in_results"])
    first_filter = first(stops, lambda stop: stop["in_filters"])
    assert skip <= 2
    assert first_result < first_filter
    page.context.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone-320px", "desktop-1280px"])
@pytest.mark.parametrize("javascript", [True, False], ids=["javascript-on", "javascript-off"])
def test_skip_to_results_leads_to_the_first_result(browser, live_server, jobs, viewport, javascript):
    page = open_jobs(browser, live_server, viewport, "?q=care&contract_type=permanent", javascript=javascript)
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate(DESCRIBE_FOCUS)["text"] == "Skip to results":
            break

    page.keyboard.press("Enter")
    page.keyboard.press("Tab")

    focused = page.evaluate(DESCRIBE_FOCUS)
    assert focused["in_results"] and focused["text"] == "Care Worker - Days"
    page.context.close()


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript-on", "javascript-off"])
def test_skip_filters_leads_past_the_filter_panel_to_job_alerts(browser, live_server, jobs, javascript):
    page = open_jobs(browser, live_server, PHONE, javascript=javascript)
    page.get_by_role("link", name="Skip filters").focus()

    page.keyboard.press("Enter")
    page.keyboard.press("Tab")

    expect(page.get_by_label("Email address")).to_be_focused()
    page.context.close()


@pytest.mark.parametrize("viewport, filters_sit", [
    (PHONE, "below the results"),
    (DESKTOP, "right of the results"),
], ids=["phone-320px", "desktop-1280px"])
def test_what_is_seen_follows_the_page_order(browser, live_server, jobs, viewport, filters_sit):
    page = open_jobs(browser, live_server, viewport, "?contract_type=permanent")

    tags = page.locator(".portal-filter-tags").bounding_box()
    results = page.locator("#results").bounding_box()
    last_result = page.locator(".portal-result").last.bounding_box()
    filters = page.locator("#filters").bounding_box()

    assert tags["y"] + tags["height"] <= results["y"]
    if filters_sit == "below the results":
        assert filters["y"] >= last_result["y"] + last_result["height"]
    else:
        assert filters["x"] >= results["x"] + results["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    page.context.close()


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript-on", "javascript-off"])
def test_removing_a_filter_tag_removes_only_that_filter(browser, live_server, jobs, javascript):
    page = open_jobs(browser, live_server, PHONE, "?contract_type=permanent&working_pattern=full_time",
                     javascript=javascript)
    expect(page).to_have_title(re.compile(r"^Jobs, permanent, full time - "))

    page.get_by_role("link", name="Remove filter: Full time").click()

    expect(page.get_by_role("link", name=re.compile("Remove filter"))).to_have_count(1)
    expect(page.get_by_role("link", name="Remove filter: Permanent")).to_be_visible()
    expect(page).to_have_title(re.compile(r"^Jobs, permanent - "))
    expect(page.locator(".portal-result")).to_have_count(2)

    page.get_by_role("link", name="Clear filters").first.click()

    expect(page.get_by_role("link", name=re.compile("Remove filter"))).to_have_count(0)
    expect(page.locator(".portal-result")).to_have_count(3)
    page.context.close()


def relative_luminance(rgb: str) -> float:
    channels = [int(value) / 255 for value in re.findall(r"\d+", rgb)[:3]]
    linear = [value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4 for value in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_matched_words_are_highlighted_unlike_keyboard_focus(browser, live_server, jobs):
    page = open_jobs(browser, live_server, DESKTOP, "?q=care")

    for mark in page.locator(".portal-result mark").all()[:4]:
        background, colour = mark.evaluate("m => [getComputedStyle(m).backgroundColor, getComputedStyle(m).color]")
        lighter, darker = sorted([relative_luminance(background), relative_luminance(colour)], reverse=True)
        assert background != FOCUS_YELLOW
        assert (lighter + 0.05) / (darker + 0.05) >= 4.5
    page.context.close()


def test_the_search_box_clear_icon_loads(browser, live_server, jobs):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    failed = []
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)

    # The search box holds words, so its clear icon is drawn, and fetched, as the page loads.
    with page.expect_response(re.compile(r"/assets/images/nhsuk-icon-cross\.svg$")) as icon:
        page.goto(f"{live_server}/jobs?q=care")

    assert icon.value.status == 200
    assert failed == []
    context.close()
