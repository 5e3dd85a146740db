from datetime import date, timedelta

from portal.employers.models import OrganisationStatus
from portal.extensions import db
from portal.profiles.models import SavedVacancy
from tests.factories import sign_in


def test_anonymous_visitors_are_asked_to_sign_in(client, make_organisation, make_vacancy):
    vacancy = make_vacancy(make_organisation())
    page = client.get(f"/jobs/{vacancy.id}/{vacancy.slug}").get_data(as_text=True)
    assert "Sign in to save this job" in page
    assert f"next=/jobs/{vacancy.id}/{vacancy.slug}" in page.replace("%2F", "/")
    response = client.post(f"/jobs/{vacancy.id}/save")
    assert response.status_code == 302 and "/sign-in" in response.headers["Location"]


def test_save_list_and_unsave(client, app, make_user, make_organisation, make_vacancy):
    organisation = make_organisation(name="Oakham Care")
    open_job = make_vacancy(organisation, title="Night Carer")
    closed_job = make_vacancy(organisation, title="Cook", status="closed", closing_date=date.today() - timedelta(days=2))
    user = make_user()
    sign_in(client, user)

    detail = f"/jobs/{open_job.id}/{open_job.slug}"
    assert "Save this job" in client.get(detail).get_data(as_text=True)
    response = client.post(f"/jobs/{open_job.id}/save")
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/jobs/{open_job.id}")
    client.post(f"/jobs/{open_job.id}/save")
    client.post(f"/jobs/{closed_job.id}/save")
    with app.app_context():
        assert db.session.query(SavedVacancy).filter_by(user_id=user.id).count() == 2
    assert "Remove from saved jobs" in client.get(detail).get_data(as_text=True)

    # Each result up to the end of its list item (the page's footer names "Cookies").
    entries = [entry.split("</li>")[0]
               for entry in client.get("/saved-jobs").get_data(as_text=True).split('class="portal-result"')[1:]]
    assert ["Cook" in entry for entry in entries] == [True, False], "most recently saved first"
    assert "Closed" in entries[0] and "Night Carer" in entries[1] and "Closed" not in entries[1]

    response = client.post(f"/jobs/{open_job.id}/unsave", data={"next": "/saved-jobs"})
    assert response.headers["Location"].endswith("/saved-jobs")
    listing = client.get("/saved-jobs").get_data(as_text=True)
    assert "Night Carer" not in listing and "Cook" in listing


def test_unsafe_next_is_ignored(client, make_user, make_organisation, make_vacancy):
    vacancy = make_vacancy(make_organisation())
    sign_in(client, make_user())
    response = client.post(f"/jobs/{vacancy.id}/save", data={"next": "https://evil.example/"})
    assert response.headers["Location"].endswith(f"/jobs/{vacancy.id}")


def test_drafts_and_unknown_vacancies_cannot_be_saved(client, app, make_user, make_organisation, make_vacancy):
    draft = make_vacancy(make_organisation(), status="draft")
    pending = make_vacancy(make_organisation(status=OrganisationStatus.PENDING))
    sign_in(client, make_user())
    assert client.post(f"/jobs/{draft.id}/save").status_code == 404
    assert client.post(f"/jobs/{pending.id}/save").status_code == 404
    assert client.post("/jobs/999999/save").status_code == 404
    with app.app_context():
        assert db.session.query(SavedVacancy).count() == 0


def test_shortlists_are_private(client, make_user, make_organisation, make_vacancy):
    vacancy = make_vacancy(make_organisation(), title="Physiotherapist")
    saver, other = make_user(), make_user()
    sign_in(client, saver)
    client.post(f"/jobs/{vacancy.id}/save")
    client.post("/sign-out")
    sign_in(client, other)
    assert "You have no saved jobs" in client.get("/saved-jobs").get_data(as_text=True)
    assert "Save this job" in client.get(f"/jobs/{vacancy.id}/{vacancy.slug}").get_data(as_text=True)


def test_navigation_offers_profile_and_saved_jobs_when_signed_in(client, make_user):
    assert "Saved jobs" not in client.get("/").get_data(as_text=True)
    sign_in(client, make_user())
    page = client.get("/").get_data(as_text=True)
    assert 'href="/profile"' in page and 'href="/saved-jobs"' in page
