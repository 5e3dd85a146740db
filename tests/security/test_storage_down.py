"""When the file storage (S3) is down: uploads keep everything typed and say the file could not be
saved, with nothing half saved; downloads say to try again in a few minutes. Never a 500."""
from __future__ import annotations

import io
from datetime import date, timedelta

from sqlalchemy import func, select

from portal.applications.models import Application
from portal.extensions import db
from portal.passport.models import TrainingRecord
from portal.storage import StoredFile
from tests.applications.conftest import send, signed_in_client
from tests.jobsearch.html import parse, text_of
from tests.passport_factories import date_fields
from tests.storage.samples import PDF

FILE_UNAVAILABLE = "Sorry, we cannot get this file right now Try again in a few minutes."


def count(app, model) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model))


def field_error(response, field: str) -> str:
    return " ".join(parse(response).xpath(f"//*[@id='{field}-error']")[0].text_content().split())


def evidence_form(**fields) -> dict:
    return {"level": "1", **date_fields("completed_on", date.today() - timedelta(days=30)),
            "provider": "Leicester College", "method": "face_to_face", "reference": "", **fields}


def test_applying_keeps_what_was_typed_and_asks_to_try_again(app, make_user, vacancy, application_form,
                                                              storage_goes_down):
    client = signed_in_client(app, make_user().id)
    storage_goes_down()

    response = send(client, vacancy, application_form(
        full_name="Priya Shah", supporting_statement="I have cared for my grandmother for three years.",
    ))

    assert response.status_code == 200
    assert field_error(response, "cv") == "Error: Your CV could not be saved. Try again."
    page = parse(response)
    assert page.xpath("//input[@name='full_name']/@value") == ["Priya Shah"]
    assert "I have cared for my grandmother for three years." in page.xpath("//textarea[@name='supporting_statement']")[0].text
    assert (count(app, Application), count(app, StoredFile)) == (0, 0)


def test_applying_with_the_saved_cv_asks_to_try_again(app, make_user, vacancy, application_form, storage_goes_down):
    client = signed_in_client(app, make_user().id)
    client.post("/profile/cv", data={"cv": (io.BytesIO(PDF), "Saved CV.pdf")}, content_type="multipart/form-data")
    storage_goes_down()

    response = send(client, vacancy, application_form(cv=None, cv_source="saved", full_name="Priya Shah"))

    assert response.status_code == 200
    assert field_error(response, "cv") == "Error: Your saved CV could not be opened right now. Try again."
    assert parse(response).xpath("//input[@name='full_name']/@value") == ["Priya Shah"]
    assert (count(app, Application), count(app, StoredFile)) == (0, 1)


def test_saving_a_cv_to_the_profile_asks_to_try_again(app, make_user, storage_goes_down):
    client = signed_in_client(app, make_user().id)
    storage_goes_down()

    response = client.post("/profile/cv", data={"cv": (io.BytesIO(PDF), "cv.pdf")}, content_type="multipart/form-data")

    assert response.status_code == 200
    assert field_error(response, "cv") == "Error: Your CV could not be saved. Try again."
    assert count(app, StoredFile) == 0


def test_adding_passport_evidence_keeps_the_record_typed_and_asks_to_try_again(app, catalogue, make_user,
                                                                               storage_goes_down):
    client = signed_in_client(app, make_user().id)
    storage_goes_down()

    response = client.post("/passport/records/new/moving_handling", content_type="multipart/form-data",
                           data=evidence_form(evidence=(io.BytesIO(PDF), "certificate.pdf")))

    assert response.status_code == 200
    assert field_error(response, "evidence") == "Error: Your evidence could not be saved. Try again."
    assert parse(response).xpath("//input[@name='provider']/@value") == ["Leicester College"]
    assert (count(app, TrainingRecord), count(app, StoredFile)) == (0, 0)


def test_downloading_a_cv_or_evidence_asks_to_try_again_in_a_few_minutes(
    app, catalogue, make_user, recruiter_of, employer, vacancy, applicant, storage_goes_down
):
    application = applicant(vacancy)
    recruiter = recruiter_of(employer)
    holder = make_user()
    holder_client = signed_in_client(app, holder.id)
    holder_client.post("/passport/records/new/moving_handling", content_type="multipart/form-data",
                       data=evidence_form(evidence=(io.BytesIO(PDF), "certificate.pdf")))
    with app.app_context():
        record_id = db.session.scalar(select(TrainingRecord.id))
    storage_goes_down()

    for client, path in [
        (recruiter, f"/recruiter/applications/{application.id}/cv"),
        (holder_client, f"/passport/records/{record_id}/evidence"),
    ]:
        response = client.get(path)

        assert response.status_code == 503, path
        assert FILE_UNAVAILABLE in text_of(response)
