"""Every applications page: one h1, a skip link, and a label for every field, including with errors."""
from __future__ import annotations

from tests.applications.conftest import send, signed_in_client
from tests.test_page_structure import PageStructure, check


def _check_html(html: str, what: str) -> None:
    page = PageStructure()
    page.feed(html)
    assert page.h1_count == 1, what
    assert page.unlabelled_fields() == [], what


def test_job_seeker_pages(app, client, seeker, vacancy, applicant, application_form):
    check(client, f"/jobs/{vacancy.id}/apply")
    seeker_client = signed_in_client(app, seeker.id)
    check(seeker_client, f"/jobs/{vacancy.id}/apply")
    check(seeker_client, "/applications")
    _check_html(send(seeker_client, vacancy, application_form(cv=None, phone="")).get_data(as_text=True), "apply errors")
    send(seeker_client, vacancy, application_form())
    application = applicant(vacancy)
    own = signed_in_client(app, application.user_id)
    for path in ("/applications", f"/applications/{application.id}/confirmation", f"/applications/{application.id}/withdraw"):
        check(own, path)


def test_recruiter_pages(app, employer, recruiter_of, portal_vacancy, applicant):
    vacancy = portal_vacancy(anonymised_shortlisting=True)
    empty = portal_vacancy()
    application = applicant(vacancy)
    client = recruiter_of(employer)
    for path in (f"/recruiter/vacancies/{vacancy.id}/applications", f"/recruiter/vacancies/{empty.id}/applications",
                 f"/recruiter/applications/{application.id}", f"/recruiter/vacancies/{vacancy.id}/equality",
                 "/recruiter/equality", f"/recruiter/vacancies/{vacancy.id}/edit", "/recruiter/vacancies"):
        check(client, path)
    bulk_errors = client.post(f"/recruiter/vacancies/{vacancy.id}/applications/status", data={"status": "reviewing"})
    _check_html(bulk_errors.get_data(as_text=True), "bulk errors")
    note_errors = client.post(f"/recruiter/applications/{application.id}/notes", data={"body": ""})
    _check_html(note_errors.get_data(as_text=True), "note errors")
