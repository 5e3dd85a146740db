"""The holder's pages: adding, changing and removing records, employments, sharing and history."""
import io
import re
from datetime import date, timedelta

from portal.extensions import db
from portal.passport.models import AuditEntry, Employment, PassportShare, TrainingRecord
from tests.factories import sign_in
from tests.passport_factories import date_fields
from tests.storage.samples import EXE, PDF

TODAY = date.today()


def _record_form(**overrides):
    data = {"level": "1", **date_fields("completed_on", TODAY - timedelta(days=30)), "provider": "Leicester College",
            "method": "face_to_face", "reference": ""}
    data.update(overrides)
    return data


def test_passport_page_reads_at_a_glance(app, client, make_user, make_record):
    holder = make_user(full_name="Jo Carter")
    make_record(holder, "fire_safety", "1", completed_on=TODAY - timedelta(days=700))  # due within 60 days
    make_record(holder, "conflict_resolution", "1", completed_on=TODAY - timedelta(days=100))
    make_record(holder, "information_governance", "1", completed_on=TODAY - timedelta(days=800))  # expired
    sign_in(client, holder)
    page = client.get("/passport").get_data(as_text=True)
    assert "Your skills passport" in page
    counts = dict((label, int(number)) for number, label in re.findall(r'portal-glance__count">(\d+)</span> ([a-z ]+\d* ?[a-z]*)', page))
    assert counts == {"valid": 1, "due within 60 days": 1, "expired": 1}
    assert "Due now" in page and "Fire safety, Level 1" in page
    assert 'name="viewport"' in page


def test_role_check_lists_missing_requirements_with_links_to_add_them(client, make_user, make_record):
    holder = make_user()
    make_record(holder, "fire_safety", "1")
    sign_in(client, holder)
    page = client.get("/passport?role=care_worker").get_data(as_text=True)
    assert "What care worker roles need" in page
    assert "/passport/records/new/moving_handling" in page
    assert re.search(r"1 of \d+ requirements met", page)
    assert client.get("/passport?role=no_such_role").status_code == 200


def test_add_a_record_with_evidence(app, client, make_user):
    holder = make_user()
    sign_in(client, holder)
    chooser = client.get("/passport/records/new?competence=moving_handling")
    assert chooser.status_code == 302 and chooser.location.endswith("/passport/records/new/moving_handling")
    response = client.post("/passport/records/new/moving_handling", data={
        **_record_form(level="2"), "evidence": (io.BytesIO(PDF), "certificate.pdf"),
    }, content_type="multipart/form-data")
    assert response.status_code == 302
    with app.app_context():
        record = db.session.scalar(db.select(TrainingRecord))
        assert (record.holder_id, record.level_code, record.method, record.provider) == (holder.id, "2", "face_to_face", "Leicester College")
        assert record.evidence.filename == "certificate.pdf"
        assert db.session.scalar(db.select(AuditEntry.action)) == "record_added"
    download = client.get(f"/passport/records/{record.id}/evidence")
    assert download.status_code == 200 and download.data == PDF


def test_bad_record_input_is_explained_and_kept(app, client, make_user):
    sign_in(client, make_user())
    future = TODAY + timedelta(days=3)
    page = client.post("/passport/records/new/moving_handling", data={
        "level": "7", **date_fields("completed_on", future), "provider": "Kept provider", "method": "",
    }).get_data(as_text=True)
    assert "There is a problem" in page
    assert "Select the level" in page
    assert "Date completed must be today or in the past" in page
    assert "Select how it was done" in page
    assert 'value="Kept provider"' in page
    page = client.post("/passport/records/new/nmc_registration", data={
        **date_fields("completed_on", TODAY), "provider": "NMC", "method": "e_learning",
        "expires_on-day": "31", "expires_on-month": "2", "expires_on-year": "2027",
    }).get_data(as_text=True)
    assert "Expiry date must be a real date" in page
    page = client.post("/passport/records/new/moving_handling", data=_record_form(
        level="1", evidence=(io.BytesIO(EXE), "certificate.exe")), content_type="multipart/form-data").get_data(as_text=True)
    assert "There is a problem" in page and 'href="#evidence"' in page and 'value="Leicester College"' in page
    assert client.get("/passport/records/new/no_such_thing").status_code == 404
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(TrainingRecord.id))) == 0


def test_an_unverified_record_can_be_changed_and_a_verified_one_cannot(app, client, make_user, make_organisation,
                                                                      make_recruiter, make_record):
    holder = make_user()
    organisation = make_organisation()
    unverified = make_record(holder, "fire_safety", "1")
    verified = make_record(holder, "conflict_resolution", "1", verified_by=(organisation, make_recruiter(organisation)))
    sign_in(client, holder)
    assert client.post(f"/passport/records/{unverified.id}/edit", data=_record_form(provider="Changed")).status_code == 302
    response = client.post(f"/passport/records/{verified.id}/edit", data=_record_form(provider="Changed"))
    assert response.status_code == 302 and response.location.endswith(f"/passport/records/{verified.id}")
    page = client.get(f"/passport/records/{verified.id}").get_data(as_text=True)
    assert "cannot be changed" in page and "add a newer record" in page
    with app.app_context():
        assert db.session.get(TrainingRecord, unverified.id).provider == "Changed"
        assert db.session.get(TrainingRecord, verified.id).provider != "Changed"


def test_removing_a_record_keeps_it_in_the_history(app, client, make_user, make_record):
    holder = make_user()
    record = make_record(holder, "fire_safety", "1")
    sign_in(client, holder)
    assert client.post(f"/passport/records/{record.id}/delete").status_code == 302
    history = client.get("/passport/history").get_data(as_text=True)
    assert "Fire safety, Level 1" in history
    with app.app_context():
        actions = db.session.scalars(db.select(AuditEntry.action).order_by(AuditEntry.id)).all()
    assert actions == ["record_added", "record_deleted"]


def test_employments_list_and_confirm(app, client, make_user, make_organisation):
    holder = make_user()
    organisation = make_organisation(name="Oakham Care")
    sign_in(client, holder)
    page = client.post("/passport/employments/new", data={"organisation_id": "0", "job_title": ""}).get_data(as_text=True)
    assert "Select your employer" in page and "Enter your job title" in page and "Enter the date you started" in page
    response = client.post("/passport/employments/new", data={
        "organisation_id": str(organisation.id), "job_title": "Care worker", **date_fields("started_on", date(2024, 4, 1)),
        "confirmed": "y",
    })
    assert response.status_code == 302
    with app.app_context():
        employment = db.session.scalar(db.select(Employment))
        assert employment.confirmed_at is not None and employment.is_current
    page = client.get("/passport").get_data(as_text=True)
    assert "Oakham Care" in page and "Can see and verify your passport" in page
    client.post(f"/passport/employments/{employment.id}/edit", data={
        "organisation_id": str(organisation.id), "job_title": "Care worker", **date_fields("started_on", date(2024, 4, 1)),
        **date_fields("ended_on", date(2025, 4, 1)), "confirmed": "y",
    })
    assert "Cannot see your passport" in client.get("/passport").get_data(as_text=True)


def test_share_with_an_organisation_and_by_link_then_stop(app, client, make_user, make_organisation):
    holder = make_user()
    organisation = make_organisation(name="Melton Care")
    sign_in(client, holder)
    assert client.post("/passport/sharing/organisation", data={"organisation_id": str(organisation.id)}).status_code == 302
    page = client.post("/passport/sharing/link", data={"label": "Agency", "days": "400"}).get_data(as_text=True)
    assert "Enter a number of days from 1 to 365" in page and 'value="Agency"' in page
    page = client.post("/passport/sharing/link", data={"label": "Agency", "days": ""}).get_data(as_text=True)
    assert "Enter how many days the link should work" in page
    page = client.post("/passport/sharing/link", data={"label": "Agency", "days": "30"}).get_data(as_text=True)
    link = re.search(r'id="new-link" type="text" readonly value="([^"]+)"', page).group(1)
    assert "/passport/shared/" in link
    with app.app_context():
        shares = db.session.scalars(db.select(PassportShare).order_by(PassportShare.id)).all()
        assert [share.kind for share in shares] == ["organisation", "link"]
        assert shares[1].expires_at.date() == (shares[1].created_at + timedelta(days=30)).date()
    for share in shares:
        assert client.post(f"/passport/sharing/{share.id}/revoke").status_code == 302
    page = client.get("/passport/sharing").get_data(as_text=True)
    assert page.count("Stopped") == 2
    history = client.get("/passport/history").get_data(as_text=True)
    assert "Shared with Melton Care" in history and "Stopped sharing with Agency" in history


def test_a_vacancy_offers_to_check_the_passport_against_its_role(client, make_organisation, make_vacancy):
    organisation = make_organisation()
    care = make_vacancy(organisation, role_code="care_worker")
    porter = make_vacancy(organisation, title="Porter", role_code="porter")
    assert "/passport?role=care_worker#role-check" in client.get(f"/jobs/{care.id}/{care.slug}").get_data(as_text=True)
    assert "Check your skills passport" not in client.get(f"/jobs/{porter.id}/{porter.slug}").get_data(as_text=True)
