"""Recruiters work through the applicants for their organisation's vacancies."""
from __future__ import annotations

import csv
import io

from portal.applications.models import ApplicationNote
from portal.extensions import db
from tests.applications.conftest import signed_in_client
from tests.storage.samples import PDF


def test_the_manage_page_links_to_each_vacancys_applicants_with_a_count(recruiter_of, employer, vacancy, applicant):
    applicant(vacancy)
    applicant(vacancy, full_name="Jo Brown")
    page = recruiter_of(employer).get("/recruiter/vacancies").get_data(as_text=True)
    assert f"/recruiter/vacancies/{vacancy.id}/applications" in page
    assert "Applicants (2)" in page


def test_the_applicants_list_shows_each_with_status_and_date(recruiter_of, employer, vacancy, applicant):
    first = applicant(vacancy, full_name="Sam Taylor")
    applicant(vacancy, full_name="Jo Brown")
    page = recruiter_of(employer).get(f"/recruiter/vacancies/{vacancy.id}/applications").get_data(as_text=True)
    assert "Sam Taylor" in page and "Jo Brown" in page
    assert f"/recruiter/applications/{first.id}" in page
    assert "All (2)" in page and "New (2)" in page


def test_the_list_filters_by_status(recruiter_of, employer, vacancy, applicant):
    client = recruiter_of(employer)
    sam = applicant(vacancy, full_name="Sam Taylor")
    applicant(vacancy, full_name="Jo Brown")
    client.post(f"/recruiter/applications/{sam.id}/status", data={"status": "reviewing"})
    page = client.get(f"/recruiter/vacancies/{vacancy.id}/applications?status=reviewing").get_data(as_text=True)
    assert "Sam Taylor" in page and "Jo Brown" not in page


def test_the_detail_page_shows_the_application(recruiter_of, employer, vacancy, applicant):
    application = applicant(vacancy, supporting_statement="I love this work.\nTruly.", right_to_work="not_sure")
    page = recruiter_of(employer).get(f"/recruiter/applications/{application.id}").get_data(as_text=True)
    for text in ("Sam Taylor", "sam@example.org", "07700 900982", "LE11 1AA", "I love this work.\nTruly.",
                 "I&#39;m not sure", f"/recruiter/applications/{application.id}/cv"):
        assert text in page


def test_the_cv_downloads_for_the_organisations_recruiters(recruiter_of, employer, vacancy, applicant):
    application = applicant(vacancy)
    response = recruiter_of(employer).get(f"/recruiter/applications/{application.id}/cv")
    assert response.status_code == 200
    assert response.data == PDF
    assert response.headers["Content-Disposition"].startswith("attachment")


def test_a_status_change_is_recorded_emailed_and_shown_to_the_applicant(app, recruiter_of, employer, vacancy, applicant, applications, outbox):
    application = applicant(vacancy)
    client = recruiter_of(employer)
    response = client.post(f"/recruiter/applications/{application.id}/status", data={"status": "interview"})
    assert response.status_code == 302
    [changed] = applications(vacancy.id)
    assert changed.status == "interview"
    assert [change.status for change in changed.history] == ["new", "interview"]
    [email] = [message for message in outbox() if "Invited to interview" in message["Subject"]]
    assert email["To"] == "sam@example.org"
    assert "would like to interview you" in email.get_body(("plain",)).get_content()

    seeker = signed_in_client(app, changed.user_id)
    assert "Invited to interview" in seeker.get("/applications").get_data(as_text=True)


def test_internal_steps_are_not_emailed_or_shown_to_the_applicant(app, recruiter_of, employer, vacancy, applicant, outbox):
    application = applicant(vacancy)
    emails_before = len(outbox())
    recruiter_of(employer).post(f"/recruiter/applications/{application.id}/status", data={"status": "reviewing"})
    assert len(outbox()) == emails_before
    page = signed_in_client(app, application.user_id).get("/applications").get_data(as_text=True)
    assert "Received" in page and "Reviewing" not in page


def test_setting_the_same_status_again_sends_nothing(recruiter_of, employer, vacancy, applicant, outbox):
    application = applicant(vacancy)
    client = recruiter_of(employer)
    client.post(f"/recruiter/applications/{application.id}/status", data={"status": "shortlisted"})
    emails = len(outbox())
    client.post(f"/recruiter/applications/{application.id}/status", data={"status": "shortlisted"})
    assert len(outbox()) == emails


def test_a_withdrawn_application_cannot_be_moved_on(app, recruiter_of, employer, vacancy, applicant, applications):
    application = applicant(vacancy)
    signed_in_client(app, application.user_id).post(f"/applications/{application.id}/withdraw")
    client = recruiter_of(employer)
    page = client.get(f"/recruiter/applications/{application.id}").get_data(as_text=True)
    assert "withdrew their application" in page
    response = client.post(f"/recruiter/applications/{application.id}/status", data={"status": "shortlisted"})
    assert "has withdrawn their application" in response.get_data(as_text=True)
    assert applications(vacancy.id)[0].status == "withdrawn"


def test_an_unknown_status_is_refused_with_a_message(recruiter_of, employer, vacancy, applicant):
    application = applicant(vacancy)
    response = recruiter_of(employer).post(f"/recruiter/applications/{application.id}/status", data={"status": "withdrawn"})
    assert "Select a status from the list" in response.get_data(as_text=True)


def test_notes_are_kept_and_shown_to_the_organisations_recruiters(app, recruiter_of, make_recruiter, employer, vacancy, applicant):
    application = applicant(vacancy)
    colleague = make_recruiter(employer, full_name="Priya Shah")
    response = signed_in_client(app, colleague.id).post(
        f"/recruiter/applications/{application.id}/notes", data={"body": "Strong on dementia care."})
    assert response.status_code == 302
    page = recruiter_of(employer).get(f"/recruiter/applications/{application.id}").get_data(as_text=True)
    assert "Strong on dementia care." in page and "Priya Shah" in page

    seeker_pages = signed_in_client(app, application.user_id).get("/applications").get_data(as_text=True)
    assert "dementia" not in seeker_pages


def test_an_empty_note_is_refused_with_a_message(app, recruiter_of, employer, vacancy, applicant):
    application = applicant(vacancy)
    response = recruiter_of(employer).post(f"/recruiter/applications/{application.id}/notes", data={"body": "  "})
    assert "Enter the note" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.query(ApplicationNote).count() == 0


def test_bulk_status_change(recruiter_of, employer, vacancy, applicant, applications, outbox):
    sam = applicant(vacancy, full_name="Sam Taylor")
    jo = applicant(vacancy, full_name="Jo Brown")
    kit = applicant(vacancy, full_name="Kit Lee")
    emails_before = len(outbox())
    response = recruiter_of(employer).post(
        f"/recruiter/vacancies/{vacancy.id}/applications/status",
        data={"application_ids": [str(sam.id), str(jo.id)], "status": "not_progressed"},
        follow_redirects=True,
    )
    assert "2 applicants moved to ‘Not progressed’" in response.get_data(as_text=True)
    statuses = {row.id: row.status for row in applications(vacancy.id)}
    assert statuses == {sam.id: "not_progressed", jo.id: "not_progressed", kit.id: "new"}
    assert len(outbox()) == emails_before + 2


def test_bulk_status_change_needs_a_selection(recruiter_of, employer, vacancy, applicant):
    applicant(vacancy)
    response = recruiter_of(employer).post(
        f"/recruiter/vacancies/{vacancy.id}/applications/status", data={"status": "reviewing"})
    assert response.status_code == 200
    assert "Select at least one applicant" in response.get_data(as_text=True)


def test_csv_export(recruiter_of, employer, vacancy, applicant):
    sam = applicant(vacancy, supporting_statement="=HYPERLINK(\"http://evil.example\",\"click\")",
                    phone="+44 7700 900982")
    response = recruiter_of(employer).get(f"/recruiter/vacancies/{vacancy.id}/applications.csv")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"] == f"attachment; filename=applications-{vacancy.id}.csv"
    rows = list(csv.DictReader(io.StringIO(response.data.decode("utf-8-sig"))))
    [row] = rows
    assert row["Reference"] == sam.reference
    assert (row["Name"], row["Email"], row["Postcode"], row["Status"]) == ("Sam Taylor", "sam@example.org", "LE11 1AA", "New")
    assert row["Phone"] == "'+44 7700 900982"
    assert row["Supporting statement"] == "'=HYPERLINK(\"http://evil.example\",\"click\")"
    assert row["Right to work in the UK"] == "Yes"


def test_anonymised_shortlisting_hides_identity_until_shortlisted(recruiter_of, employer, portal_vacancy, applicant):
    vacancy = portal_vacancy(anonymised_shortlisting=True)
    identity = {"full_name": "Morgan Ellery", "email": "morgan@example.org", "phone": "01509 765432",
                "address_line_1": "9 Quarry Rise", "postcode": "LE12 7ZZ"}
    application = applicant(vacancy, cv_name="Morgan Ellery CV.pdf", **identity)
    client = recruiter_of(employer)
    hidden_pages = [
        client.get(f"/recruiter/vacancies/{vacancy.id}/applications").get_data(as_text=True),
        client.get(f"/recruiter/applications/{application.id}").get_data(as_text=True),
    ]
    for page in hidden_pages:
        assert f"Applicant {application.reference}" in page
        for secret in (*identity.values(), "Morgan"):
            assert secret not in page
    assert client.get(f"/recruiter/applications/{application.id}/cv").status_code == 404
    export = client.get(f"/recruiter/vacancies/{vacancy.id}/applications.csv").data.decode("utf-8-sig")
    assert "Morgan" not in export and "Quarry" not in export
    [row] = csv.DictReader(io.StringIO(export))
    assert (row["Reference"], row["Name"], row["Email"], row["Phone"]) == (application.reference, "", "", "")
    assert row["Supporting statement"]

    client.post(f"/recruiter/applications/{application.id}/status", data={"status": "shortlisted"})
    page = client.get(f"/recruiter/applications/{application.id}").get_data(as_text=True)
    assert "Morgan Ellery" in page and "morgan@example.org" in page and "Morgan Ellery CV.pdf" in page
    assert client.get(f"/recruiter/applications/{application.id}/cv").status_code == 200

    client.post(f"/recruiter/applications/{application.id}/status", data={"status": "not_progressed"})
    assert "Morgan Ellery" in client.get(f"/recruiter/applications/{application.id}").get_data(as_text=True)


def test_the_apply_form_warns_when_shortlisting_is_anonymised(seeker_client, portal_vacancy):
    vacancy = portal_vacancy(anonymised_shortlisting=True)
    page = seeker_client.get(f"/jobs/{vacancy.id}/apply").get_data(as_text=True)
    assert "Do not put your" in page
