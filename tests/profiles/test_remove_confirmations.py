"""Removing a job, a qualification or the CV from a profile asks first, on a page of its own."""
import re

import pytest

from tests.confirmation import assert_asks_first
from tests.factories import sign_in
from tests.privacy.helpers import fill_profile


@pytest.fixture
def profile(app, client, make_user):
    user = make_user()
    fill_profile(app, user)
    sign_in(client, user)
    return client


@pytest.mark.parametrize("edit_page, link_text", [
    pytest.param("/profile", "Remove job", id="work-history"),
    pytest.param("/profile", "Remove qualification", id="qualification"),
    pytest.param("/profile/cv", "Remove CV", id="cv"),
])
def test_each_removal_asks_first_and_changes_nothing_until_the_post(profile, edit_page, link_text):
    page = profile.get(edit_page).get_data(as_text=True)
    edit_links = re.findall(r'href="(/profile/(?:work-history|qualifications)/\d+/edit)"', page)
    form_page = page if edit_page == "/profile/cv" else profile.get(
        next(link for link in edit_links if ("work-history" in link) == (link_text == "Remove job"))
    ).get_data(as_text=True)
    action = re.search(r'href="([^"]+/(?:delete|remove))"[^>]*>\s*' + link_text, form_page).group(1)

    question_page = profile.get(action).get_data(as_text=True)

    assert "Are you sure you want to remove" in question_page
    assert f'<form method="post" action="{action}"' in question_page
    assert action in profile.get(edit_page).get_data(as_text=True) or action in form_page
    assert profile.post(action).status_code == 302
