"""Publishing, closing and reposting, and the daily close of expired vacancies."""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from portal.extensions import db
from portal.vacancies.models import Vacancy


def test_publish_makes_a_draft_public(client, recruiter_client, make_vacancy, load_vacancy):
    recruiter, organisation = recruiter_client()
    vacancy = make_vacancy(organisation, status="draft")
    assert client.get(f"/jobs/{vacancy.id}/{vacancy.slug}").status_code == 404
    response = recruiter.post(f"/recruiter/vacancies/{vacancy.id}/publish")
    assert response.status_code == 302 and response.headers["Location"].endswith("/recruiter/vacancies")
    published = load_vacancy(vacancy.id)
    assert published.status == "published" and published.published_at is not None
    assert client.get(f"/jobs/{vacancy.id}/{vacancy.slug}").status_code == 200
    assert "Job seekers can now find it" in recruiter.get("/recruiter/vacancies").get_data(as_text=True)


def test_publish_is_refused_when_the_closing_date_has_passed(recruiter_client, make_vacancy, load_vacancy):
    recruiter, organisation = recruiter_client()
    vacancy = make_vacancy(organisation, status="draft", closing_date=date.today() - timedelta(days=1))
    response = recruiter.post(f"/recruiter/vacancies/{vacancy.id}/publish", follow_redirects=True)
    assert "The closing date has passed. Change the closing date, then publish the vacancy." in response.get_data(as_text=True)
    assert load_vacancy(vacancy.id).status == "draft"


def test_publishing_while_awaiting_approval_says_when_it_will_be_seen(client, recruiter_client, make_vacancy, load_vacancy):
    recruiter, organisation = recruiter_client(status="pending")
    vacancy = make_vacancy(organisation, status="draft")
    page = recruiter.post(f"/recruiter/vacancies/{vacancy.id}/publish", follow_redirects=True).get_data(as_text=True)
    assert "once your organisation is approved" in page
    assert "waiting for approval" in page
    assert load_vacancy(vacancy.id).status == "published"
    assert client.get(f"/jobs/{vacancy.id}/{vacancy.slug}").status_code == 404


def test_close_ends_a_published_vacancy(recruiter_client, make_vacancy, load_vacancy):
    recruiter, organisation = recruiter_client()
    vacancy = make_vacancy(organisation)
    recruiter.post(f"/recruiter/vacancies/{vacancy.id}/close")
    closed = load_vacancy(vacancy.id)
    assert closed.status == "closed" and closed.closed_at is not None


def test_actions_out_of_order_are_refused(recruiter_client, make_vacancy, load_vacancy):
    recruiter, organisation = recruiter_client()
    draft = make_vacancy(organisation, status="draft")
    closed = make_vacancy(organisation, status="closed")
    page = recruiter.post(f"/recruiter/vacancies/{draft.id}/close", follow_redirects=True).get_data(as_text=True)
    assert "Only a published vacancy can be closed." in page
    page = recruiter.post(f"/recruiter/vacancies/{closed.id}/publish", follow_redirects=True).get_data(as_text=True)
    assert "Only a draft can be published." in page
    page = recruiter.post(f"/recruiter/vacancies/{draft.id}/repost", follow_redirects=True).get_data(as_text=True)
    assert "Only a published or closed vacancy can be reposted." in page
    assert (load_vacancy(draft.id).status, load_vacancy(closed.id).status) == ("draft", "closed")


def test_repost_copies_a_closed_vacancy_into_a_new_draft(app, recruiter_client, make_vacancy, load_vacancy):
    recruiter, organisation = recruiter_client()
    original = make_vacancy(organisation, status="closed", title="Night Care Worker", external_ref="NCW-1",
                            works_nights=True, dbs_check=True)
    response = recruiter.post(f"/recruiter/vacancies/{original.id}/repost")
    with app.app_context():
        copy_id = db.session.scalar(select(Vacancy.id).where(Vacancy.reposted_from_id == original.id))
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/recruiter/vacancies/{copy_id}/edit")
    copy = load_vacancy(copy_id)
    assert (copy.status, copy.title, copy.external_ref, copy.organisation_id) == ("draft", "Night Care Worker", None, organisation.id)
    assert copy.works_nights and copy.dbs_check and copy.site_ids == load_vacancy(original.id).site_ids
    assert copy.published_at is None and copy.closed_at is None
    assert load_vacancy(original.id).status == "closed"


def test_repost_of_a_published_vacancy_leaves_it_published(app, recruiter_client, make_vacancy, load_vacancy):
    recruiter, organisation = recruiter_client()
    original = make_vacancy(organisation)
    recruiter.post(f"/recruiter/vacancies/{original.id}/repost")
    with app.app_context():
        statuses = sorted(db.session.scalars(select(Vacancy.status)))
    assert statuses == ["draft", "published"]


def test_manage_lists_vacancies_by_status_with_their_actions(recruiter_client, make_vacancy, make_organisation):
    recruiter, organisation = recruiter_client()
    draft = make_vacancy(organisation, status="draft", title="Draft Nurse")
    make_vacancy(organisation, title="Live Carer")
    make_vacancy(organisation, status="closed", title="Old Cook")
    make_vacancy(make_organisation(), title="Somebody Else's Job")
    page = recruiter.get("/recruiter/vacancies").get_data(as_text=True)
    assert page.count("<h1") == 1
    drafts, published, closed = page.split("<h2>Drafts</h2>")[1].split("<h2>Published</h2>")[0], \
        page.split("<h2>Published</h2>")[1].split("<h2>Closed</h2>")[0], page.split("<h2>Closed</h2>")[1]
    assert "Draft Nurse" in drafts and f"/recruiter/vacancies/{draft.id}/publish" in drafts
    assert "Live Carer" in published and "/close" in published
    assert "Old Cook" in closed and "/repost" in closed
    assert "Somebody Else" not in page
    assert "waiting for approval" not in page


def test_close_expired_command_closes_only_past_vacancies(app, make_organisation, make_vacancy, load_vacancy):
    organisation = make_organisation()
    expired = make_vacancy(organisation, closing_date=date.today() - timedelta(days=1))
    closing_today = make_vacancy(organisation, closing_date=date.today())
    result = app.test_cli_runner().invoke(args=["vacancies", "close-expired"])
    assert result.exit_code == 0 and "Closed 1 vacancies" in result.output
    assert load_vacancy(expired.id).status == "closed" and load_vacancy(expired.id).closed_at is not None
    assert load_vacancy(closing_today.id).status == "published"


def test_a_vacancy_past_its_closing_date_reads_as_closed_before_the_command_runs(client, make_organisation, make_vacancy):
    vacancy = make_vacancy(make_organisation(), closing_date=date.today() - timedelta(days=1))
    page = client.get(f"/jobs/{vacancy.id}/{vacancy.slug}").get_data(as_text=True)
    assert "This vacancy has closed" in page
    assert "application/ld+json" not in page and "Apply on the employer" not in page
