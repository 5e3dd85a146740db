"""Screenshots of the main pages for the README: `make screenshots` while `make run` is serving."""
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, set_up_two_step_sign_in

OUT = Path(__file__).resolve().parents[2] / "static" / "screenshots"
PAGES = [
    ("home", "/", None),
    ("search", "/jobs?q=nurse&location=Leicester&radius=10", None),
    ("vacancy", None, None),
    ("employer", "/employers", None),
    ("recruiter-vacancies", "/recruiter/vacancies", ("recruiter@soarvalley.example", "demo-recruiter-2026")),
    ("admin", "/admin", ("admin@proudtocare.example", "demo-admin-2026")),
    ("passport-employer", None, ("recruiter@soarvalley.example", "demo-recruiter-2026")),
    ("passport-verify", "/verify", None),
]


def sign_in(page, base, email, password):
    page.goto(base + "/sign-in")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: "/sign-in" not in url)
    if page.url.endswith("/account/two-factor/set-up"):
        # The demo admin sets up two-step sign-in at first sign-in; `make screenshots` resets it first.
        set_up_two_step_sign_in(page)


def main(base: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for name, path, account in PAGES:
            context = browser.new_context(viewport={"width": 1100, "height": 900})
            page = context.new_page()
            if account:
                sign_in(page, base, *account)
            if name == "vacancy":
                page.goto(base + "/jobs?q=care+worker&location=Loughborough")
                page.locator("main a[href^='/jobs/']").first.click()
            elif name == "employer":
                page.goto(base + path)
                page.locator("main a[href^='/employers/']").first.click()
            elif name == "passport-employer":
                page.goto(base + "/recruiter/passports")
                page.locator("[data-shared] a").first.click()
            else:
                page.goto(base + path)
            page.screenshot(path=str(OUT / f"{name}.png"), full_page=False)
            context.close()
        phone = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=1)
        page = phone.new_page()
        page.goto(base + "/jobs?q=healthcare+support+worker")
        page.screenshot(path=str(OUT / "search-phone.png"))
        sign_in(page, base, "carer@example.org", "demo-carer-2026")
        page.goto(base + "/passport")
        page.screenshot(path=str(OUT / "passport-phone.png"))
        phone.close()
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:5000")
