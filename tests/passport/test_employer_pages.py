"""An employer verifies its staff's records, adds training it delivered, accepts shared records and
sets its own refresher periods; the holder sees each of these, and who looked."""
import io
import re
from datetime import date, timedelta

from portal.extensions import db
from portal.passport.models import AuditEntry, Credential, PassportShare, RecordAcceptance, TrainingRecord
from tests.factories import sign_in
from tests.passport_factories import date_fields
from tests.storage.samples import PDF

TODAY = date.today()


def test_the_employer_verifies_a_record_and_the_holder_sees_who_and_when(app, client, make_user, make_organisation,
                                                                        make_recruiter, make_record, make_employment):
    holder = make_user(full_name="Jo Carter")
    employer = make_organisation(name="Rutland Care")
    record = make_record(holder, "fire_safety", "1")
    make_employment(holder, employer)
    sign_in(client, make_recruiter(employer, full_name="Priya Shah"))
    staff = client.get("/recruiter/passports").get_data(as_text=True)
    assert "Jo Carter" in staff
    page = client.get(f"/recruiter/passports/{holder.id}").get_data(as_text=True)
    assert "Verify" in page and "Not verified by an employer" in page
    assert client.post(f"/recruiter/passports/{holder.id}/records/{record.id}/verify").status_code == 302
    again = client.post(f"/recruiter/passports/{holder.id}/records/{record.id}/verify", follow_redirects=True)
    assert "already verified" in again.get_data(as_text=True)

    holder_client = app.test_client()
    sign_in(holder_client, holder)
    mine = holder_client.get("/passport").get_data(as_text=True)
    assert f"Verified by Rutland Care on {TODAY.day} {TODAY:%B %Y}" in mine
    history = holder_client.get("/passport/history").get_data(as_text=True)
    assert "verified by Rutland Care" in history and "Priya Shah" in history
    views = holder_client.get("/passport/sharing").get_data(as_text=True)
    assert re.search(r"Rutland Care \(Priya Shah\)\s+viewed it", views)
    with app.app_context():
        assert db.session.scalar(db.select(Credential).where(Credential.record_id == record.id)).revoked_at is None


def test_withdrawing_a_verification_revokes_its_credential(app, client, make_user, make_organisation, make_recruiter,
                                                            make_record, make_employment):
    holder = make_user()
    employer, other = make_organisation(), make_organisation()
    recruiter = make_recruiter(employer)
    record = make_record(holder, "fire_safety", "1", verified_by=(employer, recruiter))
    make_employment(holder, employer)
    make_employment(holder, other)
    other_client = app.test_client()
    sign_in(other_client, make_recruiter(other))
    refused = other_client.post(f"/recruiter/passports/{holder.id}/records/{record.id}/withdraw-verification", follow_redirects=True)
    assert "Only the organisation that verified this record" in refused.get_data(as_text=True)
    sign_in(client, recruiter)
    assert client.post(f"/recruiter/passports/{holder.id}/records/{record.id}/withdraw-verification").status_code == 302
    with app.app_context():
        assert db.session.get(TrainingRecord, record.id).verified_at is None
        credential = db.session.scalar(db.select(Credential).where(Credential.record_id == record.id))
        assert credential.revoked_at is not None and "withdrawn" in credential.revocation_reason


def test_the_employer_adds_training_it_delivered_already_verified(app, client, make_user, make_organisation,
                                                                    make_recruiter, make_employment):
    holder = make_user()
    employer = make_organisation(name="Hinckley Homecare")
    make_employment(holder, employer)
    sign_in(client, make_recruiter(employer))
    page = client.post(f"/recruiter/passports/{holder.id}/records/new/moving_handling", data={
        "level": "2", "provider": "", "method": "workplace",
    }).get_data(as_text=True)
    assert "Enter the date it was completed" in page and "Enter who delivered the training" in page
    response = client.post(f"/recruiter/passports/{holder.id}/records/new/moving_handling", data={
        "level": "2", **date_fields("completed_on", TODAY), "provider": "Hinckley Homecare", "method": "workplace",
    })
    assert response.status_code == 302
    with app.app_context():
        record = db.session.scalar(db.select(TrainingRecord))
        assert record.holder_id == holder.id and record.is_verified
        assert record.added_by_organisation_id == record.verified_by_organisation_id == employer.id
        assert db.session.scalar(db.select(AuditEntry.action).where(AuditEntry.record_id == record.id)) == "record_added_by_employer"


def test_a_new_employer_accepts_shared_records_and_the_holder_sees_it(app, client, make_user, make_organisation,
                                                                     make_recruiter, make_record, share_with):
    holder = make_user()
    old_employer, new_employer = make_organisation(name="Old Care"), make_organisation(name="New Care")
    record = make_record(holder, "fire_safety", "1", verified_by=(old_employer, make_recruiter(old_employer)))
    share_with(holder, new_employer)
    sign_in(client, make_recruiter(new_employer))
    assert "Verify" not in client.get(f"/recruiter/passports/{holder.id}").get_data(as_text=True).replace("Verified", "")
    assert client.post(f"/recruiter/passports/{holder.id}/records/{record.id}/accept").status_code == 302
    assert client.post(f"/recruiter/passports/{holder.id}/records/{record.id}/accept").status_code == 302
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(RecordAcceptance.id))) == 1
    holder_client = app.test_client()
    sign_in(holder_client, holder)
    assert "Accepted by New Care" in holder_client.get("/passport").get_data(as_text=True)
    assert "accepted by New Care" in holder_client.get("/passport/history").get_data(as_text=True)


def test_the_employer_sets_a_shorter_refresher_period(app, client, make_user, make_organisation, make_recruiter,
                                                     make_record, share_with):
    holder = make_user()
    employer = make_organisation()
    make_record(holder, "fire_safety", "1", completed_on=TODAY - timedelta(days=400))
    share_with(holder, employer)
    sign_in(client, make_recruiter(employer))
    page = client.post("/recruiter/passport-settings", data={"competence": "fire_safety", "months": "30"}).get_data(as_text=True)
    assert "Enter a period shorter than the standard 24 months" in page
    page = client.post("/recruiter/passport-settings", data={"competence": "fire_safety", "months": "abc"}).get_data(as_text=True)
    assert "There is a problem" in page
    assert client.post("/recruiter/passport-settings", data={"competence": "fire_safety", "months": "12"}).status_code == 302
    assert "Fire safety" in client.get("/recruiter/passport-settings").get_data(as_text=True)
    page = client.get(f"/recruiter/passports/{holder.id}").get_data(as_text=True)
    assert "Expired" in page and "own refresher periods" in page


def test_sharing_with_one_tick_when_applying(app, client, make_user, make_organisation, make_recruiter, make_vacancy, make_record):
    holder = make_user(full_name="Sam Taylor")
    employer = make_organisation(name="Charnwood Home Care")
    recruiter = make_recruiter(employer)
    vacancy = make_vacancy(employer, apply_method="portal", apply_url=None)
    sign_in(client, holder)
    assert "Share my skills passport" not in client.get(f"/jobs/{vacancy.id}/apply").get_data(as_text=True)
    make_record(holder, "fire_safety", "1")
    assert "Share my skills passport" in client.get(f"/jobs/{vacancy.id}/apply").get_data(as_text=True)
    response = client.post(f"/jobs/{vacancy.id}/apply", data={
        "full_name": "Sam Taylor", "email": holder.email, "phone": "07700 900982", "address_line_1": "1 High Street",
        "town": "Loughborough", "postcode": "LE11 1AA", "supporting_statement": "I care.", "right_to_work": "yes",
        "cv": (io.BytesIO(PDF), "cv.pdf"), "share_passport": "y",
    }, content_type="multipart/form-data")
    assert response.status_code == 302
    with app.app_context():
        share = db.session.scalar(db.select(PassportShare))
        assert share.organisation_id == employer.id and share.application_id is not None
    recruiter_client = app.test_client()
    sign_in(recruiter_client, recruiter)
    page = recruiter_client.get(f"/recruiter/applications/{share.application_id}").get_data(as_text=True)
    assert f"/recruiter/passports/{holder.id}" in page
    assert recruiter_client.get(f"/recruiter/passports/{holder.id}").status_code == 200


def test_the_holder_sees_each_viewer_once_a_day_with_how_many_times(app, client, make_user, make_organisation,
                                                                   make_recruiter, share_with):
    holder = make_user()
    employer = make_organisation(name="Count Care")
    share_with(holder, employer)
    sign_in(client, make_recruiter(employer, full_name="Ali Khan"))
    for _ in range(3):
        assert client.get(f"/recruiter/passports/{holder.id}").status_code == 200
    client.get(f"/recruiter/passports/{holder.id}/pdf")
    holder_client = app.test_client()
    sign_in(holder_client, holder)
    page = holder_client.get("/passport/sharing").get_data(as_text=True)
    assert re.search(r"Count Care \(Ali Khan\)\s+viewed it 3 times", page)
    assert re.search(r"Count Care \(Ali Khan\)\s+downloaded it as a PDF\s+on", page)
