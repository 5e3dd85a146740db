"""Every page: one h1, a skip link to the main content, and a label for every field."""
from datetime import date, timedelta
from html.parser import HTMLParser

import pytest

from portal.accounts.roles import Role
from tests.factories import sign_in


class PageStructure(HTMLParser):
    def __init__(self):
        super().__init__()
        self.h1_count = 0
        self.skip_link = False
        self.main_id = None
        self.label_targets: set[str] = set()
        self.fields: list[dict] = []
        self._label_depth = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "h1":
            self.h1_count += 1
        elif tag == "a" and "nhsuk-skip-link" in (attrs.get("class") or "") and attrs.get("href") == "#maincontent":
            self.skip_link = True
        elif tag == "main":
            self.main_id = attrs.get("id")
        elif tag == "label":
            self._label_depth += 1
            if attrs.get("for"):
                self.label_targets.add(attrs["for"])
        elif tag in {"input", "select", "textarea"}:
            if attrs.get("type") not in {"hidden", "submit", "button"}:
                self.fields.append({**attrs, "_inside_label": self._label_depth > 0})

    def handle_endtag(self, tag):
        if tag == "label":
            self._label_depth -= 1

    def unlabelled_fields(self):
        return [
            field for field in self.fields
            if not (field["_inside_label"] or field.get("aria-label") or field.get("id") in self.label_targets)
        ]


@pytest.fixture
def world(make_organisation, make_vacancy, make_recruiter, make_admin, make_user):
    organisation = make_organisation(name="Quorn Care")
    live = make_vacancy(organisation, title="Care Worker")
    closed = make_vacancy(organisation, title="Night Carer", status="closed",
                          closing_date=date.today() - timedelta(days=3))
    draft = make_vacancy(organisation, title="Cook", status="draft")
    return {
        "organisation": organisation, "live": live, "closed": closed, "draft": draft,
        "recruiter": make_recruiter(organisation), "admin": make_admin(),
        "newcomer": make_user(roles=(Role.JOB_SEEKER,)),
    }


def public_pages(world):
    live, closed, organisation = world["live"], world["closed"], world["organisation"]
    return [
        "/", "/jobs", "/jobs?q=care", "/jobs?q=zzqqxx", "/jobs?q=" + "long " * 300, "/jobs?location=Atlantis",
        f"/jobs/{live.id}/{live.slug}", f"/jobs/{closed.id}/{closed.slug}",
        "/employers", f"/employers/{organisation.slug}",
        "/sign-in", "/register", "/forgot-password", "/reset-password/not-a-token", "/no-such-page",
    ]


def recruiter_pages(world):
    draft = world["draft"]
    return [
        "/recruiter/vacancies", "/recruiter/vacancies/new", f"/recruiter/vacancies/{draft.id}/edit",
        f"/recruiter/vacancies/{draft.id}/preview", "/recruiter/organisation", "/recruiter/organisation/invitations",
        "/account",
    ]


def check(client, path):
    response = client.get(path)
    assert response.status_code in {200, 400, 404}, path
    page = PageStructure()
    page.feed(response.get_data(as_text=True))
    assert page.h1_count == 1, f"{path} has {page.h1_count} h1"
    assert page.skip_link and page.main_id == "maincontent", path
    assert page.unlabelled_fields() == [], path


def test_public_pages(client, world):
    for path in public_pages(world):
        check(client, path)


def test_recruiter_pages(client, world):
    sign_in(client, world["recruiter"])
    for path in recruiter_pages(world):
        check(client, path)


def test_admin_and_newcomer_pages(client, app, world):
    sign_in(client, world["admin"])
    check(client, "/admin")
    check(client, "/admin/audit")
    check(client, f"/admin/organisations/{world['organisation'].id}")
    client.post("/sign-out")
    sign_in(client, world["newcomer"])
    check(client, "/employers/register")
    for path in ("/account", "/account/password", "/account/email"):
        check(client, path)
