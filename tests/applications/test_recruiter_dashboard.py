"""The recruiter's dashboard: live vacancies, new applications and drafts of their own organisation only."""
import re
from datetime import date, timedelta

import pytest
from sqlalchemy import update

from portal.applications.models import Application
from portal.extensions import db
from tests.factories import sign_in
from tests.privacy.helpers import make_application


def _mark_new(app, application_id):
    with app.app_context():
        db.session.execute(update(Application).where(Application.id == application_id).values(status="new"))
        db.session.commit()


def test_the_dashboard_counts_the_organisations_own_vacancies_and_applications(app, recruiter_client, make_vacancy,
                                                                               make_organisation, make_user):
    client, organisation = recruiter_client()
    live = make_vacancy(organisation, title="Care Worker", apply_method="portal", apply_url=None)
    make_vacancy(organisation, closing_date=date.today() - timedelta(days=1))
    make_vacancy(organisation, status="draft")
    make_vacancy(organisation, status="closed")
    _mark_new(app, make_application(app, make_user(), live)["id"])
    make_application(app, make_user(), live)
    someone_elses = make_vacancy(make_organisation(), title="Their Job", apply_method="portal", apply_url=None)
    _mark_new(app, make_application(app, make_user(), someone_elses)["id"])

    page = client.get("/recruiter").get_data(as_text=True)

    glance = dict((label, int(count)) for count, label in
                  re.findall(r'portal-glance__count">(\d+)</span> ([a-z ]+)</a>', page))
    assert glance == {"live vacancy": 1, "new application": 1, "draft": 1}
    assert re.search(r'Care Worker</a>.*?New </span>\s*1\s*</td>.*?All </span>\s*2\s*</td>', page, re.S)
    assert "Their Job" not in page


@pytest.mark.parametrize("who, expected", [
    pytest.param("signed-out", 302, id="signed-out-visitor-sent-to-sign-in"),
    pytest.param("job-seeker", 403, id="job-seeker-refused"),
])
def test_only_recruiters_see_the_dashboard(app, make_user, who, expected):
    client = app.test_client()
    if who == "job-seeker":
        sign_in(client, make_user())

    assert client.get("/recruiter").status_code == expected
