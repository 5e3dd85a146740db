"""Who sees a passport: the holder; their confirmed current employer; an organisation or link holder
with a live share. Everyone else gets a 404 on every passport route, and revoking or expiry takes
effect on the very next request."""
import io
from datetime import date, timedelta

import pytest
from werkzeug.datastructures import FileStorage

from portal.accounts.roles import Role
from portal.employers.models import Organisation
from portal.extensions import db
from portal.passport.models import Employment, PassportShare, PassportView, TrainingRecord
from portal.passport.services import EVIDENCE_PURPOSE
from portal.storage import save_upload
from portal.time import utcnow
from tests.factories import sign_in
from tests.storage.samples import PDF

# Every route an employer uses on someone's passport, GET or POST; {h} is the holder, {r} a record.
EMPLOYER_ROUTES = [
    ("get", "/recruiter/passports/{h}"),
    ("get", "/recruiter/passports/{h}/pdf"),
    ("get", "/recruiter/passports/{h}/records/{r}/evidence"),
    ("post", "/recruiter/passports/{h}/records/{r}/accept"),
    ("post", "/recruiter/passports/{h}/records/{r}/verify"),
    ("post", "/recruiter/passports/{h}/records/{r}/withdraw-verification"),
    ("get", "/recruiter/passports/{h}/records/new"),
    ("get", "/recruiter/passports/{h}/records/new/fire_safety"),
    ("post", "/recruiter/passports/{h}/records/new/fire_safety"),
]
# Only an employer (not a share) verifies or adds records.
EMPLOYER_ONLY = {route for route in EMPLOYER_ROUTES if "verify" in route[1] and "withdraw" not in route[1] or "/new" in route[1]}
HOLDER_ROUTES = [
    ("get", "/passport/records/{r}"),
    ("get", "/passport/records/{r}/edit"),
    ("post", "/passport/records/{r}/edit"),
    ("post", "/passport/records/{r}/delete"),
    ("get", "/passport/records/{r}/evidence"),
    ("post", "/passport/records/{r}/evidence/remove"),
    ("get", "/passport/records/{r}/credential"),
    ("get", "/passport/employments/{e}/edit"),
    ("post", "/passport/employments/{e}/edit"),
    ("post", "/passport/employments/{e}/delete"),
    ("post", "/passport/sharing/{s}/revoke"),
]


@pytest.fixture
def world(app, make_user, make_organisation, make_recruiter, make_record, make_employment, share_with):
    holder = make_user(full_name="Jo Carter")
    employer = make_organisation(name="Current Employer")
    stranger = make_organisation(name="Stranger Care")
    record = make_record(holder, "fire_safety", "1", completed_on=date.today() - timedelta(days=10))
    with app.app_context():
        stored = save_upload(FileStorage(io.BytesIO(PDF), "certificate.pdf"), owner_id=holder.id,
                             purpose=EVIDENCE_PURPOSE, allowed={"pdf"})
        db.session.get(TrainingRecord, record.id).evidence = stored
        db.session.commit()
    employment_id = make_employment(holder, employer)
    share_id = share_with(holder, stranger)
    return {
        "holder": holder, "record": record, "employer": employer, "stranger": stranger,
        "employer_recruiter": make_recruiter(employer), "stranger_recruiter": make_recruiter(stranger),
        "employment_id": employment_id, "share_id": share_id,
    }


def _path(template, world):
    return template.format(h=world["holder"].id, r=world["record"].id, e=world["employment_id"], s=world["share_id"])


def _revoke_all_shares(app):
    with app.app_context():
        for share in db.session.scalars(db.select(PassportShare)):
            share.revoked_at = utcnow()
        db.session.commit()


def test_without_a_live_share_another_employer_sees_nothing_on_any_route(app, client, world):
    _revoke_all_shares(app)
    sign_in(client, world["stranger_recruiter"])
    for method, template in EMPLOYER_ROUTES:
        assert getattr(client, method)(_path(template, world)).status_code == 404, template
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(PassportView.id))) == 0


def test_a_live_share_opens_the_passport_and_revoking_closes_it_on_the_next_request(app, client, world):
    sign_in(client, world["stranger_recruiter"])
    for method, template in EMPLOYER_ROUTES:
        expected = {404} if (method, template) in EMPLOYER_ONLY else {200, 302}
        assert getattr(client, method)(_path(template, world)).status_code in expected, template
    _revoke_all_shares(app)
    for method, template in EMPLOYER_ROUTES:
        assert getattr(client, method)(_path(template, world)).status_code == 404, template


def test_an_expired_share_opens_nothing(app, client, world):
    with app.app_context():
        share = db.session.get(PassportShare, world["share_id"])
        share.expires_at = utcnow() - timedelta(seconds=1)
        db.session.commit()
    sign_in(client, world["stranger_recruiter"])
    for method, template in EMPLOYER_ROUTES:
        assert getattr(client, method)(_path(template, world)).status_code == 404, template


def test_the_confirmed_current_employer_may_do_everything(client, world):
    sign_in(client, world["employer_recruiter"])
    for method, template in EMPLOYER_ROUTES:
        assert getattr(client, method)(_path(template, world)).status_code in {200, 302}, template


@pytest.mark.parametrize("change, refusal", [("unconfirmed", 404), ("ended", 404), ("suspended", 403)])
def test_an_unconfirmed_or_past_employer_or_a_suspended_one_sees_nothing(app, client, world, change, refusal):
    """A suspended organisation is told so (403) on every route, whether or not it had access."""
    with app.app_context():
        employment = db.session.get(Employment, world["employment_id"])
        if change == "unconfirmed":
            employment.confirmed_at = None
        elif change == "ended":
            employment.ended_on = date.today() - timedelta(days=1)
        else:
            db.session.get(Organisation, world["employer"].id).status = "suspended"
        db.session.commit()
    sign_in(client, world["employer_recruiter"])
    for method, template in EMPLOYER_ROUTES:
        assert getattr(client, method)(_path(template, world)).status_code == refusal, template


def test_people_who_are_not_recruiters_or_trainers_are_refused(client, make_user, world):
    sign_in(client, make_user())
    for method, template in EMPLOYER_ROUTES + [("get", "/recruiter/passports"), ("get", "/recruiter/passport-settings")]:
        assert getattr(client, method)(_path(template, world)).status_code == 403, template


def test_signed_out_visitors_are_sent_to_sign_in(app, world):
    client = app.test_client()
    routes = EMPLOYER_ROUTES + HOLDER_ROUTES + [("get", "/passport"), ("get", "/passport/sharing"), ("get", "/passport/history"),
                                                ("get", "/passport/pdf"), ("get", "/recruiter/passports")]
    for method, template in routes:
        response = getattr(client, method)(_path(template, world))
        assert response.status_code == 302 and "/sign-in" in response.location, template


def test_other_people_cannot_reach_a_holders_own_routes(client, make_user, world):
    sign_in(client, make_user())
    for method, template in HOLDER_ROUTES:
        assert getattr(client, method)(_path(template, world)).status_code == 404, template


def test_the_holder_reaches_their_own_routes(client, world):
    sign_in(client, world["holder"])
    for method, template in HOLDER_ROUTES:
        if template.endswith("/delete") or template.endswith("/credential"):
            continue  # deleting is tested on its own; an unverified record has no credential
        assert getattr(client, method)(_path(template, world)).status_code in {200, 302}, template


def test_a_trainer_sees_staff_passports_but_not_vacancies(app, client, make_user, world):
    trainer = make_user(roles=(Role.TRAINER,), organisation=world["employer"])
    sign_in(client, trainer)
    assert client.get(f"/recruiter/passports/{world['holder'].id}").status_code == 200
    assert client.post(f"/recruiter/passports/{world['holder'].id}/records/{world['record'].id}/verify").status_code == 302
    assert client.get("/recruiter/vacancies").status_code == 403


def test_share_links_live_revoked_expired_and_unknown(app, client, make_link, world):
    share_id, token = make_link(world["holder"])
    assert client.get(f"/passport/shared/{token}").status_code == 200
    assert client.get("/passport/shared/not-a-token").status_code == 404
    with app.app_context():
        db.session.get(PassportShare, share_id).expires_at = utcnow() - timedelta(seconds=1)
        db.session.commit()
    assert client.get(f"/passport/shared/{token}").status_code == 404
    _, token = make_link(world["holder"])
    assert client.get(f"/passport/shared/{token}").status_code == 200
    _revoke_all_shares(app)
    assert client.get(f"/passport/shared/{token}").status_code == 404


def test_accepting_through_a_link_needs_a_recruiter_of_an_approved_organisation(app, client, make_user, make_link, world):
    _, token = make_link(world["holder"])
    path = f"/passport/shared/{token}/records/{world['record'].id}/accept"
    sign_in(client, make_user())
    assert client.post(path).status_code == 403
    client.post("/sign-out")
    sign_in(client, world["stranger_recruiter"])
    assert client.post(path).status_code == 302
    _revoke_all_shares(app)
    assert client.post(path).status_code == 404


def test_a_pending_organisation_lists_nobody(app, client, make_user, make_organisation, make_recruiter, make_employment,
                                             share_with):
    holder = make_user(full_name="Jo Carter")
    pending = make_organisation(status="pending")
    make_employment(holder, pending)
    share_with(holder, pending)
    sign_in(client, make_recruiter(pending))
    page = client.get("/recruiter/passports").get_data(as_text=True)
    assert "Jo Carter" not in page and "once it is approved" in page
    assert client.get(f"/recruiter/passports/{holder.id}").status_code == 404


def test_a_trainer_registering_an_organisation_is_sent_to_their_staff_passports(client, make_user, world):
    sign_in(client, make_user(roles=(Role.TRAINER,), organisation=world["employer"]))
    response = client.get("/employers/register")
    assert response.status_code == 302 and response.location.endswith("/recruiter/passports")
