from contextlib import contextmanager
from datetime import date

import pytest
from sqlalchemy import func, select

from portal.employers.models import Organisation
from portal.extensions import db
from portal.indexing.models import SearchChange
from portal.indexing.services import search_vacancies
from search import SearchQuery
from tests.factories import sign_in


def _search_ids(app, text="therapist"):
    with app.test_request_context():
        return [hit.id for hit in search_vacancies(SearchQuery(text=text, today=date.today())).hits]


@contextmanager
def _index_updated_only_by_the_changing_request(app):
    """Searching no longer catches the index up, so only the admin request's own hook can have changed it."""
    app.config["SEARCH_SYNC_ON_REQUEST"] = False
    try:
        yield
    finally:
        app.config["SEARCH_SYNC_ON_REQUEST"] = True


def _status(app, organisation):
    with app.app_context():
        return db.session.get(Organisation, organisation.id).status


def test_the_dashboard_lists_pending_organisations_first(admin_client, make_organisation):
    make_organisation(name="Approved Care")
    make_organisation(name="Waiting Care", status="pending")
    make_organisation(name="Suspended Care", status="suspended")
    page = admin_client.get("/admin").get_data(as_text=True)
    assert page.index("Waiting Care") < page.index("Approved Care")
    for name in ("Approved Care", "Waiting Care", "Suspended Care"):
        assert name in page
    assert "Reinstate" in page and "Suspend" in page and "Approve" in page
    assert page.count("<h1") == 1


def test_approving_makes_its_vacancies_public_and_searchable(app, admin_client, client, outbox, make_organisation,
                                                              make_recruiter, make_vacancy):
    organisation = make_organisation(name="Soar Therapy", status="pending")
    recruiter = make_recruiter(organisation, email="lead@soar.example.org")
    vacancy = make_vacancy(organisation, title="Occupational Therapist")
    assert _search_ids(app) == []
    with _index_updated_only_by_the_changing_request(app):
        assert admin_client.post(f"/admin/organisations/{organisation.id}/approve").status_code == 302
        assert _search_ids(app) == [vacancy.id]
    assert _status(app, organisation) == "approved"
    assert client.get(f"/employers/{organisation.slug}").status_code == 200
    assert client.get(f"/jobs/{vacancy.id}/{vacancy.slug}").status_code == 200
    [message] = outbox()
    assert message["To"] == recruiter.email
    assert "Soar Therapy is approved" in message["Subject"]
    assert f"http://localhost/employers/{organisation.slug}" in message.get_body(("plain",)).get_content()
    assert message.get_body(("html",)) is not None


def test_suspending_removes_its_vacancies_from_search_at_once_and_reinstating_restores_them(
    app, admin_client, client, make_organisation, make_vacancy
):
    organisation = make_organisation()
    vacancy = make_vacancy(organisation, title="Occupational Therapist")
    assert _search_ids(app) == [vacancy.id]
    with _index_updated_only_by_the_changing_request(app):
        admin_client.post(f"/admin/organisations/{organisation.id}/suspend")
        assert _search_ids(app) == []
        assert client.get(f"/jobs/{vacancy.id}/{vacancy.slug}").status_code == 404
        assert client.get(f"/employers/{organisation.slug}").status_code == 404
        admin_client.post(f"/admin/organisations/{organisation.id}/reinstate")
        assert _search_ids(app) == [vacancy.id]
    assert _status(app, organisation) == "approved"


def test_a_status_change_writes_search_changes_in_the_same_transaction(app, make_organisation, make_vacancy):
    from portal.admin.services import suspend_organisation

    organisation = make_organisation()
    first, second = make_vacancy(organisation), make_vacancy(organisation)
    with app.app_context():
        before = db.session.scalar(select(func.coalesce(func.max(SearchChange.id), 0)))
        written_since = select(SearchChange.vacancy_id).where(SearchChange.id > before)
        suspend_organisation(db.session.get(Organisation, organisation.id))
        assert set(db.session.scalars(written_since)) == {first.id, second.id}
        db.session.rollback()
        assert list(db.session.scalars(written_since)) == []


@pytest.mark.parametrize("action,status", [
    ("approve", "approved"), ("approve", "suspended"), ("suspend", "pending"), ("suspend", "suspended"),
    ("reinstate", "pending"), ("reinstate", "approved"),
])
def test_changes_that_make_no_sense_are_refused(app, admin_client, make_organisation, action, status, outbox):
    organisation = make_organisation(status=status)
    response = admin_client.post(f"/admin/organisations/{organisation.id}/{action}", follow_redirects=True)
    assert "so it cannot be" in response.get_data(as_text=True)
    assert _status(app, organisation) == status
    assert outbox() == []


def test_an_unknown_organisation_is_404(admin_client):
    assert admin_client.post("/admin/organisations/999/approve").status_code == 404


@pytest.mark.parametrize("path", ["/admin", "/admin/organisations/{id}/approve", "/admin/organisations/{id}/suspend",
                                  "/admin/organisations/{id}/reinstate"])
def test_only_admins_may_review(app, client, path, make_organisation, make_user, make_recruiter):
    organisation = make_organisation(status="pending")
    path = path.format(id=organisation.id)
    send = client.get if path == "/admin" else client.post
    anonymous = send(path)
    assert anonymous.status_code == 302 and "/sign-in" in anonymous.headers["Location"]
    for person in (make_user(), make_recruiter(organisation)):
        signed_in = app.test_client()
        sign_in(signed_in, person)
        assert (signed_in.get if path == "/admin" else signed_in.post)(path).status_code == 403
    assert _status(app, organisation) == "pending"
