"""The passport in the data export, and gone with the account (its credentials revoked)."""
import io
import json
import zipfile

from portal.extensions import db
from portal.passport.models import Credential, TrainingRecord
from tests.factories import PASSWORD, sign_in


def test_export_and_deletion_include_the_passport(app, client, make_user, make_organisation, make_recruiter,
                                                  make_record, make_employment, share_with):
    holder = make_user()
    employer = make_organisation(name="Export Care")
    make_record(holder, "fire_safety", "1", verified_by=(employer, make_recruiter(employer)))
    make_employment(holder, employer)
    share_with(holder, employer)
    sign_in(client, holder)
    archive = zipfile.ZipFile(io.BytesIO(client.post("/account/data/export").data))
    passport = json.loads(archive.read("data.json"))["skills_passport"]
    assert passport["records"][0]["verified_by"] == "Export Care"
    assert passport["employments"][0]["employer"] == "Export Care"
    assert passport["shares"][0]["with"] == "Export Care"
    assert {entry["action"] for entry in passport["history"]} >= {"record_added", "record_verified", "share_created"}

    deleted = client.post("/account/delete", data={"password": PASSWORD, "understood": "y"})
    assert "Your account has been deleted" in deleted.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(TrainingRecord.id))) == 0
        credential = db.session.scalar(db.select(Credential))
        assert credential.revoked_at is not None and credential.record_id is None
