"""Removing a record, its evidence or a job, stopping a share and withdrawing a verification ask first,
each on a page of its own."""
import io

import pytest

from portal.extensions import db
from portal.passport.models import Employment, PassportShare, TrainingRecord
from tests.confirmation import assert_asks_first, assert_no_form_posts_to
from portal.accounts.roles import Role
from tests.factories import sign_in
from tests.passport.test_holder_pages import _record_form
from tests.storage.samples import PDF


def _still_there(app, model, row_id) -> bool:
    with app.app_context():
        row = db.session.get(model, row_id)
        return row is not None and getattr(row, "revoked_at", None) is None


@pytest.fixture
def holder_world(app, client, make_user, make_organisation, make_record, make_employment, share_with):
    holder = make_user()
    organisation = make_organisation(name="Rutland Care")
    ids = {
        "record": make_record(holder, "fire_safety", "1").id,
        "employment": make_employment(holder, organisation),
        "share": share_with(holder, organisation),
    }
    sign_in(client, holder)
    return ids


CONFIRMATIONS = [
    pytest.param(TrainingRecord, "record", "/passport/records/{}/delete", "/passport/records/{}",
                 "Are you sure you want to remove Fire safety, Level 1 from your passport?", "evidence file are deleted",
                 id="remove-record"),
    pytest.param(Employment, "employment", "/passport/employments/{}/delete", "/passport#employments",
                 "Are you sure you want to remove your job at Rutland Care?", "will no longer see your passport",
                 id="remove-job"),
    pytest.param(PassportShare, "share", "/passport/sharing/{}/revoke", "/passport/sharing",
                 "Are you sure you want to stop sharing your passport with Rutland Care?", "no longer be able to see",
                 id="stop-sharing"),
]


@pytest.mark.parametrize("model, key, action, cancel, question, consequence", CONFIRMATIONS)
def test_the_confirmation_page_asks_and_only_the_post_acts(app, client, holder_world, model, key, action, cancel,
                                                            question, consequence):
    row_id = holder_world[key]
    action = action.format(row_id)

    page = client.get(action).get_data(as_text=True)

    assert_asks_first(page, question, consequence, action, cancel.format(row_id))
    assert _still_there(app, model, row_id)
    assert client.post(action).status_code == 302
    assert not _still_there(app, model, row_id)


def test_the_sharing_page_links_to_the_confirmation_instead_of_posting(client, holder_world):
    page = client.get("/passport/sharing").get_data(as_text=True)

    assert_no_form_posts_to(page, "/revoke")
    assert f'href="/passport/sharing/{holder_world["share"]}/revoke"' in page


@pytest.mark.parametrize("action", ["/passport/records/{record}/delete", "/passport/employments/{employment}/delete",
                                    "/passport/sharing/{share}/revoke"])
def test_someone_elses_confirmation_page_is_not_found(app, make_user, holder_world, action):
    stranger = app.test_client()
    sign_in(stranger, make_user())

    assert stranger.get(action.format(**holder_world)).status_code == 404


def test_removing_the_evidence_file_asks_first(app, client, make_user):
    sign_in(client, make_user())
    client.post("/passport/records/new/moving_handling", data={
        **_record_form(level="2"), "evidence": (io.BytesIO(PDF), "certificate.pdf"),
    }, content_type="multipart/form-data")
    with app.app_context():
        record_id = db.session.scalar(db.select(TrainingRecord.id))
    action = f"/passport/records/{record_id}/evidence/remove"

    assert_no_form_posts_to(client.get(f"/passport/records/{record_id}").get_data(as_text=True), "/evidence/remove")
    assert_asks_first(client.get(action).get_data(as_text=True),
                      "Are you sure you want to remove the evidence file from Moving and handling, Level 2?",
                      "The record stays in your passport without it", action, f"/passport/records/{record_id}")
    assert client.get(f"/passport/records/{record_id}/evidence").status_code == 200
    assert client.post(action).status_code == 302
    assert client.get(f"/passport/records/{record_id}/evidence").status_code == 404


def test_withdrawing_a_verification_asks_first(app, make_user, make_organisation, make_record, make_employment):
    organisation = make_organisation(name="Rutland Care")
    trainer = make_user(roles=(Role.TRAINER,), organisation=organisation)
    holder = make_user(full_name="Kim Lee")
    make_employment(holder, organisation)
    record_id = make_record(holder, "fire_safety", "1", verified_by=(organisation, trainer)).id
    client = app.test_client()
    sign_in(client, trainer)
    action = f"/recruiter/passports/{holder.id}/records/{record_id}/withdraw-verification"

    assert_no_form_posts_to(client.get(f"/recruiter/passports/{holder.id}").get_data(as_text=True),
                            "/withdraw-verification")
    assert_asks_first(client.get(action).get_data(as_text=True),
                      "Are you sure you want to withdraw your verification of Fire safety, Level 1?",
                      "its signed credential will stop being valid", action, f"/recruiter/passports/{holder.id}")
    with app.app_context():
        assert db.session.get(TrainingRecord, record_id).verified_at is not None
    assert client.post(action).status_code == 302
    with app.app_context():
        assert db.session.get(TrainingRecord, record_id).verified_at is None

    stranger = app.test_client()
    sign_in(stranger, make_user(roles=(Role.TRAINER,), organisation=make_organisation()))
    assert stranger.get(action).status_code == 404
