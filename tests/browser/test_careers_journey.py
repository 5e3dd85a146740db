"""A school leaver who does not know which job they want: from the home page through the quiz to a role,
from the role to a career pathway, and from the pathway to a live apprenticeship they can apply for."""
import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_a_school_leaver_goes_from_the_quiz_to_a_role_a_pathway_and_a_live_apprenticeship(
        live_server, browser, careers_content, make_organisation, make_vacancy):
    trust = make_organisation(name="Leicester Royal Infirmary", sector_code="acute_trust", town="Leicester",
                              postcode="LE1 5WW", latitude=52.6269, longitude=-1.1361)
    make_vacancy(trust, title="Apprentice Nursing Associate - Medicine", role_code="apprentice_nursing_associate",
                 contract_type="apprenticeship", pay_min=24465, pay_max=24465, pay_period="year")
    page = browser.new_page()
    try:
        page.goto(live_server)
        page.get_by_role("link", name="Take the quiz: find jobs that suit you").first.click()
        page.get_by_role("button", name="Start the quiz").click()
        page.get_by_label("Helping people and making them feel better").check()
        page.get_by_role("button", name="Continue").click()
        page.get_by_label("People: talking, helping and looking after them").check()
        page.get_by_role("button", name="Continue").click()
        page.get_by_label("That's fine, it doesn't bother me").check()
        page.get_by_role("button", name="Continue").click()
        page.get_by_label("I'd be happy to do that").check()
        page.get_by_role("button", name="Continue").click()
        page.get_by_role("link", name="Skip this question").click()
        page.get_by_label("No qualifications yet").check()
        page.get_by_role("button", name="Continue").click()
        page.get_by_label("Yes, I want to work and get paid while I train").check()
        page.get_by_role("button", name="Continue").click()
        for _ in range(8, 12):
            page.get_by_role("link", name="Skip this question").click()
        page.get_by_label("What is your town or postcode?").fill("Leicester")
        page.get_by_role("button", name="See your results").click()

        expect(page.get_by_role("heading", level=1)).to_have_text("Jobs that could suit you")
        page.locator("ol > li").get_by_role("link", name="Healthcare support worker", exact=True).first.click()

        expect(page.get_by_role("heading", level=1)).to_have_text("Healthcare support worker")
        onward = page.locator("#where-you-could-go + *")
        onward.get_by_role("link", name="From healthcare support worker to nursing associate").first.click()

        expect(page.get_by_role("heading", level=1)).to_contain_text("From healthcare support worker to nursing associate")
        page.get_by_role("link", name="Apprentice nursing associate (Level 5)").first.click()

        expect(page.get_by_role("heading", level=1)).to_have_text("Apprentice nursing associate (Level 5)")
        page.locator("#apprenticeships ~ p").get_by_role("link", name="1 apprenticeship open now").click()

        page.get_by_role("link", name="Apprentice Nursing Associate - Medicine").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Apprentice Nursing Associate - Medicine")
        expect(page.get_by_text("Apply on the employer's website").first).to_be_visible()
    finally:
        page.close()
