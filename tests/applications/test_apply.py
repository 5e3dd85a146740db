"""A signed-in job seeker applies through the portal."""
from __future__ import annotations

import io
from datetime import date, timedelta

from portal.extensions import db
from portal.profiles.models import SeekerProfile
from portal.storage import StoredFile, get_storage, read_bytes
from portal.vacancies.models import Vacancy
from tests.applications.conftest import send, signed_in_client
from tests.storage.samples import DOCX, HTML, PDF


def test_the_vacancy_page_offers_to_apply(client, vacancy):
    page = client.get(f"/jobs/{vacancy.id}/{vacancy.slug}").get_data(as_text=True)
    assert "Apply for this job" in page
    assert f"/jobs/{vacancy.id}/apply" in page
    assert "opening soon" not in page


def test_the_form_is_prefilled_from_the_account_and_profile(app, seeker_client, seeker, vacancy):
    with app.app_context():
        db.session.add(SeekerProfile(user_id=seeker.id, phone="07700 900123", address_line_1="2 Mill Lane",
                                     town="Shepshed", postcode="LE12 9AA"))
        db.session.commit()
    page = seeker_client.get(f"/jobs/{vacancy.id}/apply").get_data(as_text=True)
    for value in ("Sam Taylor", "sam@example.org", "07700 900123", "2 Mill Lane", "Shepshed", "LE12 9AA"):
        assert f'value="{value}"' in page
    assert "Prefer not to say" in page


def test_a_complete_application_is_stored_confirmed_and_emailed(
    app, seeker_client, seeker, vacancy, apply, applications, outbox, equality_rows
):
    response = apply(seeker_client, vacancy, cv=DOCX, cv_name="my cv.docx")
    [application] = applications(vacancy.id)
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/applications/{application.id}/confirmation")
    assert (application.user_id, application.full_name, application.postcode, application.status) == (
        seeker.id, "Sam Taylor", "LE11 1AA", "new")
    assert application.right_to_work == "yes"
    assert application.cv.filename == "my cv.docx"
    assert application.cv.owner_id == seeker.id
    assert [change.status for change in application.history] == ["new"]
    with app.app_context():
        assert read_bytes(db.session.get(StoredFile, application.cv_id)) == DOCX

    confirmation = seeker_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Application sent" in confirmation
    assert application.reference in confirmation

    [email] = outbox()
    assert email["To"] == "sam@example.org"
    assert "Care Worker" in email["Subject"]
    assert application.reference in email.get_body(("plain",)).get_content()

    [answers] = equality_rows()
    assert (answers.age_band, answers.sex, answers.religion) == ("25_34", "prefer_not_to_say", None)


def test_missing_answers_are_shown_beside_their_fields_and_nothing_typed_is_lost(seeker_client, vacancy, apply, applications):
    response = apply(seeker_client, vacancy, cv=None, right_to_work=None, phone="", postcode="nowhere",
                     supporting_statement="   ", town="Coalville")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "There is a problem" in page
    for message in ("Select your CV", "Select whether you have the right to work in the UK",
                    "Enter your phone number", "Enter a full UK postcode", "Enter your supporting statement"):
        assert message in page
    assert 'value="Coalville"' in page
    assert 'value="1 High Street"' in page
    assert 'value="25_34" checked' in page
    assert applications(vacancy.id) == []


def test_a_file_that_is_not_a_cv_is_refused_with_a_message(seeker_client, vacancy, apply, applications, outbox):
    response = apply(seeker_client, vacancy, cv=HTML, cv_name="cv.pdf")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "The selected file must be a PDF, DOCX or ODT" in page
    assert "I have cared for my grandmother" in page
    assert applications(vacancy.id) == []
    assert outbox() == []


def test_a_cv_over_5_mb_is_refused(seeker_client, vacancy, apply, applications):
    big = PDF + b"0" * (5 * 1024 * 1024)
    page = apply(seeker_client, vacancy, cv=big).get_data(as_text=True)
    assert "The selected file must be smaller than 5 MB" in page
    assert applications(vacancy.id) == []


def test_the_saved_cv_is_offered_and_the_application_keeps_its_own_copy(app, seeker_client, seeker, vacancy, apply, applications):
    seeker_client.post("/profile/cv", data={"cv": (io.BytesIO(PDF), "Saved CV.pdf")}, content_type="multipart/form-data")
    page = seeker_client.get(f"/jobs/{vacancy.id}/apply").get_data(as_text=True)
    assert "Use my saved CV (Saved CV.pdf)" in page

    response = apply(seeker_client, vacancy, cv=None, cv_source="saved")
    assert response.status_code == 302
    [application] = applications(vacancy.id)
    with app.app_context():
        saved_id = db.session.get(SeekerProfile, seeker.id).default_cv_id
    assert application.cv_id != saved_id
    assert application.cv.filename == "Saved CV.pdf"

    seeker_client.post("/profile/cv", data={"cv": (io.BytesIO(DOCX), "New CV.docx")}, content_type="multipart/form-data")
    with app.app_context():
        assert read_bytes(db.session.get(StoredFile, application.cv_id)) == PDF


def test_choosing_to_upload_instead_of_the_saved_cv_needs_a_file(seeker_client, vacancy, apply):
    seeker_client.post("/profile/cv", data={"cv": (io.BytesIO(PDF), "Saved CV.pdf")}, content_type="multipart/form-data")
    page = apply(seeker_client, vacancy, cv=None, cv_source="upload").get_data(as_text=True)
    assert "Select the CV to upload" in page


def test_contact_details_can_be_saved_to_the_profile(app, seeker_client, seeker, vacancy, apply):
    apply(seeker_client, vacancy, save_to_profile="y", phone="01509 123456")
    with app.app_context():
        profile = db.session.get(SeekerProfile, seeker.id)
        assert (profile.phone, profile.town, profile.postcode) == ("01509 123456", "Loughborough", "LE11 1AA")


def test_contact_details_stay_off_the_profile_unless_asked(app, seeker_client, seeker, vacancy, apply):
    apply(seeker_client, vacancy)
    with app.app_context():
        assert db.session.get(SeekerProfile, seeker.id) is None


def test_a_second_submission_makes_no_duplicate_and_no_error(seeker_client, vacancy, apply, applications, outbox):
    first = apply(seeker_client, vacancy)
    second = apply(seeker_client, vacancy)
    [application] = applications(vacancy.id)
    assert first.status_code == second.status_code == 302
    assert first.headers["Location"] == second.headers["Location"]
    assert len(outbox()) == 1
    again = seeker_client.get(f"/jobs/{vacancy.id}/apply", follow_redirects=True).get_data(as_text=True)
    assert "You have already applied for this job" in again
    assert application.reference in again


def test_a_vacancy_that_takes_applications_elsewhere_has_no_form(client, seeker_client, make_vacancy, employer):
    external = make_vacancy(employer)
    assert seeker_client.get(f"/jobs/{external.id}/apply").status_code == 404
    assert client.get(f"/jobs/{external.id}/apply").status_code == 404


def test_drafts_and_unapproved_employers_take_no_applications(seeker_client, portal_vacancy, make_organisation):
    draft = portal_vacancy(status="draft")
    pending = portal_vacancy(make_organisation(status="pending"))
    assert seeker_client.get(f"/jobs/{draft.id}/apply").status_code == 404
    assert seeker_client.get(f"/jobs/{pending.id}/apply").status_code == 404


def test_a_closed_vacancy_refuses_applications(seeker_client, portal_vacancy, apply, applications):
    closed = portal_vacancy(status="closed")
    expired = portal_vacancy(closing_date=date.today() - timedelta(days=1))
    for vacancy in (closed, expired):
        response = apply(seeker_client, vacancy)
        assert response.status_code == 302
        assert response.headers["Location"].endswith(f"/jobs/{vacancy.id}/{vacancy.slug}")
        assert applications(vacancy.id) == []
    page = seeker_client.get(f"/jobs/{closed.id}/apply", follow_redirects=True).get_data(as_text=True)
    assert "no longer taking applications" in page


def test_the_vacancy_closes_itself_at_its_maximum(app, make_user, portal_vacancy, application_form, applications):
    vacancy = portal_vacancy(max_applications=2)
    clients = [signed_in_client(app, make_user().id) for _ in range(3)]
    assert send(clients[0], vacancy, application_form()).status_code == 302
    with app.app_context():
        assert db.session.get(Vacancy, vacancy.id).status == "published"
    send(clients[1], vacancy, application_form())
    with app.app_context():
        closed = db.session.get(Vacancy, vacancy.id)
        assert closed.status == "closed" and closed.closed_at is not None
    response = send(clients[2], vacancy, application_form())
    assert response.headers["Location"].endswith(f"/jobs/{vacancy.id}/{vacancy.slug}")
    assert len(applications(vacancy.id)) == 2


def test_a_maximum_lowered_below_what_was_received_closes_the_vacancy_at_the_next_attempt(
    app, make_user, portal_vacancy, application_form, applications
):
    vacancy = portal_vacancy()
    for _ in range(2):
        send(signed_in_client(app, make_user().id), vacancy, application_form())
    with app.app_context():
        db.session.get(Vacancy, vacancy.id).max_applications = 1
        db.session.commit()
    response = send(signed_in_client(app, make_user().id), vacancy, application_form())
    assert response.status_code == 302
    assert len(applications(vacancy.id)) == 2
    with app.app_context():
        assert db.session.get(Vacancy, vacancy.id).status == "closed"


def test_a_saved_cv_whose_file_has_gone_asks_for_an_upload(app, seeker_client, seeker, vacancy, apply, applications):
    seeker_client.post("/profile/cv", data={"cv": (io.BytesIO(PDF), "Saved CV.pdf")}, content_type="multipart/form-data")
    with app.app_context():
        get_storage().delete(db.session.get(SeekerProfile, seeker.id).default_cv.key)
    page = apply(seeker_client, vacancy, cv=None, cv_source="saved").get_data(as_text=True)
    assert "Your saved CV could not be opened. Upload your CV instead" in page
    assert applications(vacancy.id) == []
