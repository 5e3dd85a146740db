"""Removing a job, a qualification or the CV from a profile asks first, on a page of its own."""
import pytest
from sqlalchemy import select

from portal.extensions import db
from portal.profiles.models import Qualification, WorkHistory
from tests.confirmation import assert_no_form_posts_to
from tests.factories import sign_in
from tests.privacy.helpers import fill_profile


@pytest.fixture
def profile_ids(app, client, make_user):
    user = make_user()
    fill_profile(app, user)
    sign_in(client, user)
    with app.app_context():
        return {
            "job": db.session.scalar(select(WorkHistory.id).where(WorkHistory.user_id == user.id)),
            "qualification": db.session.scalar(select(Qualification.id).where(Qualification.user_id == user.id)),
        }


REMOVALS = [
    pytest.param("/profile/work-history/{job}/edit", "/profile/work-history/{job}/delete",
                 "from your work history?", id="job"),
    pytest.param("/profile/qualifications/{qualification}/edit", "/profile/qualifications/{qualification}/delete",
                 "from your qualifications?", id="qualification"),
    pytest.param("/profile/cv", "/profile/cv/remove", "Are you sure you want to remove your CV?", id="cv"),
]


@pytest.mark.parametrize("edit_page, action, question", REMOVALS)
def test_each_removal_asks_first_and_only_the_post_removes(client, profile_ids, edit_page, action, question):
    edit_page, action = edit_page.format(**profile_ids), action.format(**profile_ids)
    page = client.get(edit_page).get_data(as_text=True)
    assert_no_form_posts_to(page, action)
    assert f'href="{action}"' in page

    question_page = client.get(action).get_data(as_text=True)

    assert question in question_page and f'<form method="post" action="{action}"' in question_page
    assert f'<a class="nhsuk-link" href="{edit_page}">Cancel</a>' in question_page
    assert f'href="{action}"' in client.get(edit_page).get_data(as_text=True)
    assert client.post(action).status_code == 302
    after = client.get(edit_page)
    assert after.status_code == 404 or f'href="{action}"' not in after.get_data(as_text=True)
