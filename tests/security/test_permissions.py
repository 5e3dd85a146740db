"""Who may act for an organisation, and on whose passport.

Nobody vouches for their own training: the holder of a passport cannot verify, add verified records
to or accept records on it, whatever role they hold at their employer, while a colleague can. A
suspended organisation's members and API tokens are refused on every door at once, and reinstating it
opens them all again, tokens included.

The first test is the matrix: each actor tries each action against Quorn Care (the holder's employer,
which posts the vacancy) and the outcome is read from the answer and from what was stored.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import date, timedelta
from collections.abc import Callable

import pytest
from sqlalchemy import func, select

from portal.accounts.models import User
from portal.accounts.roles import Role
from portal.admin.services import reinstate_organisation, suspend_organisation
from portal.applications.models import Application
from portal.employers import services as employers
from portal.employers.models import Invitation, Organisation
from portal.extensions import db
from portal.integrations import services as integrations
from portal.integrations.models import ApiToken
from portal.passport import services as passports, sharing
from portal.passport.models import Credential, RecordAcceptance, TrainingRecord
from portal.vacancies.models import Vacancy
from tests.storage.samples import PDF
from tests.session_stores import start_session_without_form

TODAY = date.today()
NEWCOMER = "newcomer@example.org"


def signed_in(app, user_id: int):
    """A client signed in as the user without the sign-in form (whose rate limit many clients would hit)."""
    client = app.test_client()
    start_session_without_form(app, client, user_id)
    return client


def _application_form() -> dict:
    return {
        "full_name": "Ria Applicant", "email": "ria@example.org", "phone": "07700 900982",
        "address_line_1": "1 High Street", "town": "Loughborough", "postcode": "LE11 1AA",
        "supporting_statement": "I have cared for my grandmother for three years.", "right_to_work": "yes",
        "cv": (io.BytesIO(PDF), "Ria Applicant CV.pdf"),
    }


def _vacancy_json(reference: str) -> dict:
    return {
        "external_ref": reference, "title": "Senior Care Worker", "role_code": "senior_care_worker",
        "contract_type": "permanent", "working_time": "full_time", "hours_per_week": 37.5,
        "pay_min": 12.9, "pay_max": 14.8, "pay_period": "hour",
        "closing_date": (TODAY + timedelta(days=21)).isoformat(),
        "summary": "Lead a small team supporting people at home.",
        "description": "## About the role\n\nYou will lead visits across Charnwood.",
        "requirements": "- Level 3 Diploma in Adult Care", "benefits": "- Paid mileage",
        "sites": ["Head office"], "apply_method": "external", "apply_url": "https://jobs.example.org/apply/42",
    }


def _token_for(app, organisation_id: int, user_id: int, name: str) -> tuple[int, str]:
    with app.app_context():
        api_token, token = integrations.create_token(
            db.session.get(Organisation, organisation_id), name, db.session.get(User, user_id))
        db.session.commit()
        return api_token.id, token


def _invitation_to(app, organisation_id: int, user_id: int, email: str) -> str:
    with app.app_context():
        _, token = employers.invite_colleague(
            db.session.get(Organisation, organisation_id), email, db.session.get(User, user_id), Role.RECRUITER)
        db.session.commit()
        return token


@pytest.fixture
def world(app, catalogue, make_organisation, make_user, make_vacancy, make_record, make_employment, make_link):
    """Quorn Care employs Jo, a trainer there with her own passport, and Sam, her fellow trainer; Kim
    recruits and trains for Quorn Care; Lee recruits for Stranger Care. Ria has applied for Quorn
    Care's vacancy, and each organisation has an API token and an open invitation to a newcomer."""
    quorn = make_organisation(name="Quorn Care")
    stranger = make_organisation(name="Stranger Care")
    holder = make_user(full_name="Jo Trainer", roles=(Role.TRAINER,), organisation=quorn)
    colleague = make_user(full_name="Sam Trainer", roles=(Role.TRAINER,), organisation=quorn)
    manager = make_user(full_name="Kim Manager", roles=(Role.RECRUITER, Role.TRAINER), organisation=quorn)
    outsider = make_user(full_name="Lee Outsider", roles=(Role.RECRUITER, Role.TRAINER), organisation=stranger)
    make_employment(holder, quorn, job_title="Trainer")
    record = make_record(holder, "fire_safety", "1", completed_on=TODAY - timedelta(days=10))
    _share_id, link = make_link(holder)
    vacancy = make_vacancy(quorn, apply_method="portal", apply_url=None)
    seeker = make_user(full_name="Ria Applicant", email="ria@example.org")
    response = signed_in(app, seeker.id).post(f"/jobs/{vacancy.id}/apply", data=_application_form(),
                                              content_type="multipart/form-data")
    assert response.status_code == 302
    with app.app_context():
        application_id = db.session.scalar(select(Application.id).where(Application.vacancy_id == vacancy.id))
    tokens = {quorn.id: _token_for(app, quorn.id, manager.id, "Trac"),
              stranger.id: _token_for(app, stranger.id, outsider.id, "Trac")}
    spare_token_id, _ = _token_for(app, quorn.id, manager.id, "Spare")
    newcomers = {quorn.id: (make_user(email="new.quorn@example.org"),
                            _invitation_to(app, quorn.id, manager.id, "new.quorn@example.org")),
                 stranger.id: (make_user(email="new.stranger@example.org"),
                               _invitation_to(app, stranger.id, outsider.id, "new.stranger@example.org"))}
    return {
        "quorn": quorn, "stranger": stranger, "holder": holder, "colleague": colleague, "manager": manager,
        "outsider": outsider, "record": record, "link": link, "vacancy": vacancy, "application_id": application_id,
        "tokens": tokens, "spare_token_id": spare_token_id, "newcomers": newcomers,
    }


# The actors: who signs in, and what has happened to Quorn Care first.

@dataclass(frozen=True)
class Actor:
    user: str
    quorn: tuple[Callable[[Organisation], None], ...] = ()


ACTORS = {
    "holder-as-trainer": Actor("holder"),
    "colleague-trainer": Actor("colleague"),
    "recruiter-of-another-org": Actor("outsider"),
    "suspended-org-recruiter": Actor("manager", (suspend_organisation,)),
    "reinstated-org-recruiter": Actor("manager", (suspend_organisation, reinstate_organisation)),
}


def _prepare(app, world, actor: Actor) -> User:
    with app.app_context():
        for change in actor.quorn:
            change(db.session.get(Organisation, world["quorn"].id))
        db.session.commit()
    return world[actor.user]


# The actions: the request the actor makes, and whether it took effect.

def _count(app, query) -> int:
    with app.app_context():
        return db.session.scalar(query)


def _record(app, world) -> TrainingRecord:
    with app.app_context():
        record = db.session.get(TrainingRecord, world["record"].id)
        db.session.expunge(record)
        return record


def _verify(client, world, user):
    return client.post(f"/recruiter/passports/{world['holder'].id}/records/{world['record'].id}/verify")


def _add_verified(client, world, user):
    return client.post(f"/recruiter/passports/{world['holder'].id}/records/new/moving_handling", data={
        "level": "2", "completed_on-day": str(TODAY.day), "completed_on-month": str(TODAY.month),
        "completed_on-year": str(TODAY.year), "provider": "Quorn Care", "method": "workplace",
    })


def _accept(client, world, user):
    return client.post(f"/recruiter/passports/{world['holder'].id}/records/{world['record'].id}/accept")


def _applicants(client, world, user):
    return client.get(f"/recruiter/vacancies/{world['vacancy'].id}/applications")


def _cv(client, world, user):
    return client.get(f"/recruiter/applications/{world['application_id']}/cv")


def _csv(client, world, user):
    return client.get(f"/recruiter/vacancies/{world['vacancy'].id}/applications.csv")


def _status(client, world, user):
    return client.post(f"/recruiter/applications/{world['application_id']}/status", data={"status": "reviewing"})


def _invite(client, world, user):
    return client.post("/recruiter/organisation/invitations", data={"email": NEWCOMER, "role": "recruiter"})


def _accept_invitation(client, world, user):
    """The person the actor's organisation invited accepts."""
    newcomer, token = world["newcomers"][user.organisation_id]
    return signed_in(client.application, newcomer.id).post(f"/invitations/{token}")


def _create_token(client, world, user):
    return client.post("/recruiter/organisation/api-tokens", data={"name": "New system"})


def _api_write(client, world, user):
    _token_id, token = world["tokens"][user.organisation_id]
    return client.post("/api/v1/employer/vacancies", json=_vacancy_json("API-1"),
                       headers={"Authorization": f"Bearer {token}"})


def _credential_download(app, world):
    return signed_in(app, world["holder"].id).get(f"/passport/records/{world['record'].id}/credential")


@dataclass(frozen=True)
class Action:
    request: Callable
    took_effect: Callable  # (app, world, user, response) -> bool


ACTIONS = {
    "verify": Action(_verify, lambda app, world, user, response: _record(app, world).is_verified),
    "add-verified-record": Action(_add_verified, lambda app, world, user, response: _count(
        app, select(func.count(TrainingRecord.id)).where(TrainingRecord.added_by_organisation_id.is_not(None))) > 0),
    "accept": Action(_accept, lambda app, world, user, response: _count(
        app, select(func.count(RecordAcceptance.id))) > 0),
    "issue-credential": Action(_verify, lambda app, world, user, response: _count(
        app, select(func.count(Credential.id))) > 0 and _credential_download(app, world).status_code == 200),
    "view-applicants": Action(_applicants, lambda app, world, user, response: "Ria Applicant" in response.get_data(as_text=True)),
    "download-cv": Action(_cv, lambda app, world, user, response: response.get_data() == PDF),
    "export-csv": Action(_csv, lambda app, world, user, response: "Ria Applicant" in response.get_data(as_text=True)),
    "change-status": Action(_status, lambda app, world, user, response: _count(
        app, select(Application.status).where(Application.id == world["application_id"])) == "reviewing"),
    "invite": Action(_invite, lambda app, world, user, response: _count(
        app, select(func.count(Invitation.id)).where(Invitation.email == NEWCOMER)) > 0),
    "accept-invitation": Action(_accept_invitation, lambda app, world, user, response: _count(
        app, select(User.organisation_id).where(User.id == world["newcomers"][user.organisation_id][0].id)) is not None),
    "create-token": Action(_create_token, lambda app, world, user, response: _count(
        app, select(func.count(ApiToken.id)).where(ApiToken.name == "New system")) > 0),
    "api-write-with-token": Action(_api_write, lambda app, world, user, response: _count(
        app, select(func.count(Vacancy.id)).where(Vacancy.external_ref == "API-1")) > 0),
}

# Outcomes: done; own (403, nobody vouches for themselves); role (403, not a recruiter); unseen (404,
# not their organisation's); suspended (403, the organisation is suspended).
DONE, OWN, ROLE, UNSEEN, SUSPENDED = "done", "own", "role", "unseen", "suspended"
PASSPORT_ACTIONS = ("verify", "add-verified-record", "accept", "issue-credential")
APPLICANT_ACTIONS = ("view-applicants", "download-cv", "export-csv", "change-status")
EXPECTED = {
    #                     holder  colleague outsider suspended reinstated
    "verify":               (OWN,  DONE,     UNSEEN,  SUSPENDED, DONE),
    "add-verified-record":  (OWN,  DONE,     UNSEEN,  SUSPENDED, DONE),
    "accept":               (OWN,  DONE,     UNSEEN,  SUSPENDED, DONE),
    "issue-credential":     (OWN,  DONE,     UNSEEN,  SUSPENDED, DONE),
    "view-applicants":      (ROLE, ROLE,     UNSEEN,  SUSPENDED, DONE),
    "download-cv":          (ROLE, ROLE,     UNSEEN,  SUSPENDED, DONE),
    "export-csv":           (ROLE, ROLE,     UNSEEN,  SUSPENDED, DONE),
    "change-status":        (ROLE, ROLE,     UNSEEN,  SUSPENDED, DONE),
    # The outsider invites to, and makes tokens for, their own organisation.
    "invite":               (ROLE, ROLE,     DONE,    SUSPENDED, DONE),
    "accept-invitation":    (DONE, DONE,     DONE,    SUSPENDED, DONE),
    "create-token":         (ROLE, ROLE,     DONE,    SUSPENDED, DONE),
    "api-write-with-token": (DONE, DONE,     DONE,    SUSPENDED, DONE),
}
MATRIX = [
    pytest.param(actor, action, expected, id=f"{actor}-{action}")
    for action, row in EXPECTED.items()
    for actor, expected in zip(ACTORS, row)
]


def outcome(response) -> str:
    body = response.get_data(as_text=True)
    if response.status_code == 403 and "suspended" in body:
        return SUSPENDED
    if response.status_code == 403 and "your own passport" in body:
        return OWN
    if response.status_code == 403:
        return ROLE
    if response.status_code == 404:
        return UNSEEN
    assert response.status_code in {200, 201, 302}, (response.status_code, body[:500])
    return DONE


@pytest.mark.parametrize("actor_name, action_name, expected", MATRIX)
def test_who_may_do_what(app, world, actor_name, action_name, expected):
    user = _prepare(app, world, ACTORS[actor_name])
    action = ACTIONS[action_name]
    response = action.request(signed_in(app, user.id), world, user)
    assert outcome(response) == expected
    assert action.took_effect(app, world, user, response) == (expected == DONE)


# Nobody vouches for their own training

def test_the_holder_sees_no_verify_accept_or_add_on_their_own_passport_and_a_colleague_does(app, world):
    holder_id, record_id = world["holder"].id, world["record"].id
    verify = f"/recruiter/passports/{holder_id}/records/{record_id}/verify"
    accept = f"/recruiter/passports/{holder_id}/records/{record_id}/accept"
    add = f"/recruiter/passports/{holder_id}/records/new"
    own = signed_in(app, holder_id).get(f"/recruiter/passports/{holder_id}").get_data(as_text=True)
    assert "This is your own passport" in own
    assert verify not in own and accept not in own and add not in own
    colleagues = signed_in(app, world["colleague"].id).get(f"/recruiter/passports/{holder_id}").get_data(as_text=True)
    assert verify in colleagues and accept in colleagues and add in colleagues


@pytest.mark.parametrize("path", ["/recruiter/passports/{h}/records/new", "/recruiter/passports/{h}/records/new/fire_safety"])
def test_the_forms_to_add_verified_training_refuse_the_holder_with_a_reason(app, world, path):
    response = signed_in(app, world["holder"].id).get(path.format(h=world["holder"].id))
    assert response.status_code == 403
    page = response.get_data(as_text=True)
    assert "You cannot vouch for your own training" in page and "Ask a colleague at Quorn Care" in page
    assert page.count("<h1") == 1


@pytest.mark.parametrize("who, status, accepted", [("holder", 403, False), ("colleague", 302, True)],
                         ids=["holder-refused", "colleague-accepts"])
def test_through_a_share_link_the_holder_cannot_accept_their_own_records(app, world, who, status, accepted):
    client = signed_in(app, world[who].id)
    page = client.get(f"/passport/shared/{world['link']}").get_data(as_text=True)
    accept = f"/passport/shared/{world['link']}/records/{world['record'].id}/accept"
    assert (accept in page) == accepted
    assert client.post(accept).status_code == status
    assert _count(app, select(func.count(RecordAcceptance.id))) == int(accepted)


@pytest.mark.parametrize("call", ["verify_record", "add_verified_record", "accept_record"])
def test_the_services_refuse_the_holder_whatever_route_calls_them(app, world, call):
    """The rule lives in the services, so a command, an import or a future API inherits it."""
    with app.app_context():
        holder = db.session.get(User, world["holder"].id)
        quorn = db.session.get(Organisation, world["quorn"].id)
        record = db.session.get(TrainingRecord, world["record"].id)
        arguments = {
            "verify_record": (record, quorn, holder),
            "accept_record": (record, quorn, holder),
            "add_verified_record": (holder, passports.RecordDetails(
                competence_code="moving_handling", level_code="2", completed_on=TODAY, expires_on=None,
                provider="Quorn Care", method="workplace"), quorn, holder),
        }[call]
        with pytest.raises(passports.OwnPassport, match="your own passport"):
            getattr(passports, call)(*arguments)


def test_no_credential_is_issued_for_a_record_its_holder_verified(app, world):
    with app.app_context():
        record = db.session.get(TrainingRecord, world["record"].id)
        record.verified_by_user_id = world["holder"].id
        record.verified_by_organisation_id = world["quorn"].id
        with pytest.raises(passports.OwnPassport):
            passports.issue_credential(record)


def test_the_demo_data_has_no_record_verified_by_its_holder(app, catalogue):
    from portal.demo.loader import load_demo_region

    with app.app_context():
        load_demo_region(date(2026, 11, 29))
        db.session.commit()
        assert db.session.scalar(select(func.count(TrainingRecord.id)).where(TrainingRecord.verified_at.is_not(None))) > 0
        assert db.session.scalar(select(func.count(TrainingRecord.id)).where(
            TrainingRecord.verified_by_user_id == TrainingRecord.holder_id)) == 0


# Suspension closes every door of the organisation, and reinstatement opens them again

# Blueprints whose routes work for an organisation, and those of their routes that do not: each is
# public, or belongs to the signed-in person themselves, whatever organisation they are in.
ORGANISATION_BLUEPRINTS = {"employers", "applications", "integrations", "vacancies", "passport", "api"}
NOT_ORGANISATION_DOORS = {
    "employers.directory", "employers.detail", "employers.register",
    "applications.apply", "applications.mine", "applications.confirmation", "applications.withdraw",
    "integrations.feed_json", "integrations.feed_xml", "vacancies.detail",
    "api.vacancies", "api.vacancy", "api.openapi", "api.verify_credential", "api.credential_status",
    # The passport's public pages, the holder's own passport, and the catalogue admins keep.
    "passport.jwks", "passport.public_key", "passport.verify", "passport.shared", "passport.mine",
    "passport.history", "passport.pdf", "passport.record", "passport.credential", "passport.delete_record",
    "passport.edit_record", "passport.evidence", "passport.remove_evidence", "passport.confirm_remove_evidence", "passport.choose_competence",
    "passport.add_record", "passport.add_employment", "passport.edit_employment", "passport.delete_employment",
    "passport.sharing_page", "passport.revoke_share", "passport.confirm_revoke_share",
    "passport.confirm_delete_record", "passport.confirm_delete_employment", "passport.keep_after_application", "passport.create_link", "passport.share_with_organisation",
    "passport.admin_statistics", "passport.admin_competences", "passport.admin_edit_competence",
    "passport.admin_new_competence",
}
# Doors that someone other than a member opens for the organisation.
INVITATION_DOOR = "employers.invitation"


def organisation_doors(app) -> list[tuple[str, str, str]]:
    """(endpoint, method, rule) for every organisation route, found by walking the URL map."""
    doors = []
    for rule in app.url_map.iter_rules():
        blueprint = rule.endpoint.split(".")[0]
        if blueprint not in ORGANISATION_BLUEPRINTS or rule.endpoint in NOT_ORGANISATION_DOORS:
            continue
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            doors.append((rule.endpoint, method, rule.rule))
    return sorted(doors)


def test_every_route_of_these_blueprints_is_a_door_or_named_as_not_one(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    assert NOT_ORGANISATION_DOORS <= endpoints, "a route named here no longer exists"
    doors = organisation_doors(app)
    assert all(rule == "/recruiter" or rule.startswith(("/recruiter/", "/api/v1/employer/", "/passport/shared/", "/invitations/"))
               for _endpoint, _method, rule in doors), "a new route: add it to the doors or say why it is not one"
    assert len(doors) > 40


def _fill(rule: str, world, token_id: int) -> str:
    values = {
        "vacancy_id": world["vacancy"].id, "application_id": world["application_id"],
        "holder_id": world["holder"].id, "record_id": world["record"].id, "token_id": token_id,
        "invitation_id": 1, "import_id": 1, "competence_code": "fire_safety", "external_ref": "API-1",
    }
    if rule.startswith("/invitations/"):
        values["token"] = world["newcomers"][world["quorn"].id][1]
    else:
        values["token"] = world["link"]
    return re.sub(r"<(?:[a-z]+:)?([a-z_]+)>", lambda match: str(values[match.group(1)]), rule)


def _knock(app, world, endpoint: str, method: str, rule: str):
    if endpoint == INVITATION_DOOR:
        client = signed_in(app, world["newcomers"][world["quorn"].id][0].id)
    else:
        client = signed_in(app, world["manager"].id)
    _token_id, token = world["tokens"][world["quorn"].id]
    headers = {"Authorization": f"Bearer {token}"} if rule.startswith("/api/") else {}
    body = {"json": _vacancy_json("API-1")} if rule.startswith("/api/") and method in {"POST", "PUT"} else {}
    return client.open(_fill(rule, world, world["spare_token_id"]), method=method, headers=headers, **body)


def test_suspension_closes_every_organisation_door_and_reinstatement_reopens_them(app, world):
    doors = organisation_doors(app)
    with app.app_context():
        suspend_organisation(db.session.get(Organisation, world["quorn"].id))
        db.session.commit()
    for endpoint, method, rule in doors:
        response = _knock(app, world, endpoint, method, rule)
        assert response.status_code == 403, (endpoint, method)
        if rule.startswith("/api/"):
            assert "organisation suspended" in response.get_json()["error"]["detail"], endpoint
        else:
            assert "Quorn Care has been suspended" in response.get_data(as_text=True), (endpoint, method)
    with app.app_context():
        reinstate_organisation(db.session.get(Organisation, world["quorn"].id))
        db.session.commit()
    for endpoint, method, rule in doors:
        response = _knock(app, world, endpoint, method, rule)
        assert response.status_code != 403, (endpoint, method, response.get_data(as_text=True)[:300])
        assert b"suspended" not in response.get_data(), (endpoint, method)


def test_a_suspended_member_is_told_at_sign_in_and_keeps_their_personal_pages(app, world):
    from tests.factories import sign_in

    with app.app_context():
        suspend_organisation(db.session.get(Organisation, world["quorn"].id))
        db.session.commit()
    client = app.test_client()
    landing = sign_in(client, world["manager"])
    assert landing.status_code == 302
    home = client.get(landing.headers["Location"]).get_data(as_text=True)
    assert "Quorn Care&#39;s account is suspended" in home and "support@proudtocare.example" in home
    refused = client.get("/recruiter/vacancies")
    page = refused.get_data(as_text=True)
    assert refused.status_code == 403
    assert "Your organisation&#39;s account is suspended" in page and "mailto:support@proudtocare.example" in page
    assert page.count("<h1") == 1
    for personal in ("/passport", "/account", "/account/data", "/applications"):
        assert client.get(personal).status_code == 200, personal


def test_a_suspended_organisations_token_is_refused_with_json_and_works_again_once_reinstated(app, world):
    client = app.test_client()
    _token_id, token = world["tokens"][world["quorn"].id]
    headers = {"Authorization": f"Bearer {token}"}
    with app.app_context():
        suspend_organisation(db.session.get(Organisation, world["quorn"].id))
        db.session.commit()
    refused = client.get("/api/v1/employer/vacancies", headers=headers)
    assert refused.status_code == 403 and refused.is_json
    assert refused.get_json()["error"]["title"] == "Organisation suspended"
    with app.app_context():
        reinstate_organisation(db.session.get(Organisation, world["quorn"].id))
        db.session.commit()
    assert client.get("/api/v1/employer/vacancies", headers=headers).status_code == 200


def test_a_suspended_organisation_sees_no_passport_shared_with_it(app, world, share_with):
    """Shares and staff passports are both closed: the organisation's access needs it approved."""
    share_with(world["holder"], world["stranger"])
    with app.app_context():
        suspend_organisation(db.session.get(Organisation, world["stranger"].id))
        db.session.commit()
        assert sharing.organisation_access(db.session.get(Organisation, world["stranger"].id), world["holder"].id,
                                           sharing.utcnow(), db.session.get(User, world["outsider"].id)) is None
    response = signed_in(app, world["outsider"].id).get(f"/recruiter/passports/{world['holder'].id}")
    assert response.status_code == 403 and "account is suspended" in response.get_data(as_text=True)


def test_a_pending_organisation_keeps_preparing_as_before(app, world, make_organisation, make_recruiter):
    """Awaiting approval is not suspension: its recruiters still prepare vacancies, colleagues and
    tokens, and still see no passports."""
    pending = make_organisation(name="Pending Care", status="pending")
    client = signed_in(app, make_recruiter(pending).id)
    for path in ("/recruiter/vacancies", "/recruiter/organisation", "/recruiter/organisation/invitations",
                 "/recruiter/organisation/api-tokens", "/recruiter/vacancies/import"):
        assert client.get(path).status_code == 200, path
    assert client.get(f"/recruiter/passports/{world['holder'].id}").status_code == 404


def test_an_own_passport_refusal_from_an_api_route_is_a_json_403(app):
    """Any route that reaches the services gets the same refusal; under /api/ it is JSON."""
    from portal.passport.employer_views import own_passport_refused

    with app.test_request_context("/api/v1/anything"):
        response, status = own_passport_refused(passports.OwnPassport("You cannot verify your own passport."))
        assert status == 403 and response.get_json()["error"]["detail"] == "You cannot verify your own passport."

