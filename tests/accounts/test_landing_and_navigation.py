"""Each role starts on the page of its own work, and sees its own links first in the header."""
import re

import pytest

from portal.accounts.roles import Role
from tests.factories import PASSWORD, sign_in

LANDINGS = [
    pytest.param((Role.JOB_SEEKER,), False, "/", id="job-seeker-lands-on-home"),
    pytest.param((Role.RECRUITER,), True, "/recruiter", id="recruiter-lands-on-dashboard"),
    pytest.param((Role.TRAINER,), True, "/recruiter/passports", id="trainer-lands-on-staff-passports"),
    pytest.param((Role.ADMIN,), False, "/admin", id="admin-lands-on-administration"),
]


@pytest.fixture
def person(make_user, make_admin, make_organisation):
    def make(roles, in_organisation):
        if Role.ADMIN in roles:
            return make_admin()
        return make_user(roles=roles, organisation=make_organisation() if in_organisation else None)

    return make


@pytest.mark.parametrize("roles, in_organisation, landing", LANDINGS)
def test_each_role_lands_on_its_own_home_after_signing_in(client, person, roles, in_organisation, landing):
    response = sign_in(client, person(roles, in_organisation))

    assert response.status_code == 302
    assert response.location == landing
    assert client.get(landing).status_code == 200


@pytest.mark.parametrize("roles, in_organisation, landing", [case for case in LANDINGS if case.id != "admin-lands-on-administration"])
def test_next_still_wins_over_the_role_home(client, person, roles, in_organisation, landing):
    user = person(roles, in_organisation)

    response = client.post("/sign-in?next=/alerts", data={"email": user.email, "password": PASSWORD})

    assert response.location == "/alerts"


def _navigation_texts(html: str) -> list[str]:
    navigation = html[html.index('class="nhsuk-header__navigation'):]
    navigation = navigation[:navigation.index("</nav>")]
    return [re.sub(r"<[^>]+>", "", text).strip() for text in re.findall(r'class="nhsuk-header__navigation-link"[^>]*>(.*?)</a>', navigation, re.S)]


NAVIGATION = [
    pytest.param((Role.JOB_SEEKER,), False, ["Find a job", "Your applications", "Your passport", "Job alerts"], id="job-seeker"),
    pytest.param((Role.RECRUITER,), True, ["Dashboard", "Vacancies", "Applicants", "Organisation"], id="recruiter"),
    pytest.param((Role.TRAINER,), True, ["Staff passports"], id="trainer"),
    pytest.param((Role.ADMIN,), False, ["Administration", "Audit trail", "Organisations"], id="admin"),
]


@pytest.mark.parametrize("roles, in_organisation, first_links", NAVIGATION)
def test_each_role_sees_its_own_links_first(app, person, roles, in_organisation, first_links):
    client = app.test_client()
    sign_in(client, person(roles, in_organisation))

    texts = _navigation_texts(client.get("/account").get_data(as_text=True))

    assert texts[:len(first_links)] == first_links


def test_the_signed_in_name_links_to_the_account(client, make_user):
    user = make_user(full_name="Priya Shah")
    sign_in(client, user)

    html = client.get("/").get_data(as_text=True)

    assert re.search(r'<a[^>]*href="/account"[^>]*>.*?Priya Shah', html, re.S)
