"""A passport share made by ticking the box when applying ends with the application (withdrawn, or
deleted by the retention purge) unless the holder chose to keep it, and the holder's history says so."""
from __future__ import annotations

import io
from datetime import date, datetime

import pytest
import sqlalchemy as sa
from dateutil.relativedelta import relativedelta
from sqlalchemy import select, update

from portal.applications.models import Application
from portal.extensions import db
from portal.passport.models import AuditEntry, PassportShare
from portal.vacancies.models import Vacancy
from tests.factories import sign_in
from tests.storage.samples import PDF
from tests.test_migrations import empty_database_url  # noqa: F401  (the fixture)

EMPLOYER = "Charnwood Home Care"


@pytest.fixture
def setting(app, catalogue, make_user, make_organisation, make_recruiter, make_vacancy, make_record):
    holder = make_user(full_name="Sam Taylor")
    make_record(holder, "fire_safety", "1")
    employer = make_organisation(name=EMPLOYER)
    recruiter = make_recruiter(employer)
    vacancy = make_vacancy(employer, apply_method="portal", apply_url=None)
    holder_client = app.test_client()
    sign_in(holder_client, holder)
    recruiter_client = app.test_client()
    sign_in(recruiter_client, recruiter)
    return holder, employer, vacancy, holder_client, recruiter_client


def _apply(client, vacancy, *, share=True, keep=False):
    data = {
        "full_name": "Sam Taylor", "email": "sam@example.org", "phone": "07700 900982",
        "address_line_1": "1 High Street", "town": "Loughborough", "postcode": "LE11 1AA",
        "supporting_statement": "I care.", "right_to_work": "yes", "cv": (io.BytesIO(PDF), "cv.pdf"),
    }
    if share:
        data["share_passport"] = "y"
    if keep:
        data["keep_sharing"] = "y"
    assert client.post(f"/jobs/{vacancy.id}/apply", data=data, content_type="multipart/form-data").status_code == 302


def _share(app) -> PassportShare:
    with app.app_context():
        share = db.session.scalar(select(PassportShare))
        db.session.expunge(share)
        return share


def _withdraw(app, client, vacancy):
    with app.app_context():
        application_id = db.session.scalar(select(Application.id))
    assert client.post(f"/applications/{application_id}/withdraw").status_code == 302


def _purge(app, client, vacancy):
    long_ago = datetime.now() - relativedelta(months=13)
    with app.app_context():
        db.session.execute(update(Vacancy).where(Vacancy.id == vacancy.id).values(
            status="closed", closed_at=long_ago, closing_date=long_ago.date()))
        db.session.commit()
    result = app.test_cli_runner().invoke(args=["privacy", "purge-applications"])
    assert "applications: 1 deleted" in result.output, result.output
    with app.app_context():
        assert db.session.scalar(select(Application.id)) is None


def _keep_on_sharing_page(app, client, keep: str):
    share = _share(app)
    assert client.post(f"/passport/sharing/{share.id}/after-application", data={"keep": keep}).status_code == 302


ENDINGS = {"withdrawn": _withdraw, "deleted": _purge}


@pytest.mark.parametrize("ending", ["withdrawn", "deleted"])
@pytest.mark.parametrize("choice, stays_live", [
    pytest.param("none", False, id="no choice: ends"),
    pytest.param("kept when applying", True, id="kept when applying"),
    pytest.param("kept on the sharing page", True, id="kept later on the sharing page"),
    pytest.param("kept, then changed back", False, id="kept when applying, then set to end"),
])
def test_the_share_ends_with_the_application_unless_kept(app, setting, ending, choice, stays_live):
    holder, employer, vacancy, holder_client, recruiter_client = setting
    _apply(holder_client, vacancy, keep=choice in {"kept when applying", "kept, then changed back"})
    if choice == "kept on the sharing page":
        _keep_on_sharing_page(app, holder_client, "yes")
    elif choice == "kept, then changed back":
        _keep_on_sharing_page(app, holder_client, "no")
    assert recruiter_client.get(f"/recruiter/passports/{holder.id}").status_code == 200

    ENDINGS[ending](app, holder_client, vacancy)

    share = _share(app)
    history = holder_client.get("/passport/history").get_data(as_text=True)
    sharing_page = holder_client.get("/passport/sharing").get_data(as_text=True)
    if stays_live:
        assert share.revoked_at is None and share.end_reason is None
        assert recruiter_client.get(f"/recruiter/passports/{holder.id}").status_code == 200
        assert f"Still sharing with {EMPLOYER} after your application was {ending}, as you chose" in history
    else:
        assert share.revoked_at is not None and share.end_reason == f"application_{ending}"
        assert recruiter_client.get(f"/recruiter/passports/{holder.id}").status_code == 404
        assert f"Sharing with {EMPLOYER} ended because your application was {ending}" in history
        assert f"because your application was {ending}" in sharing_page


def test_a_share_made_before_applying_is_not_ended_by_the_application(app, setting, share_with):
    holder, employer, vacancy, holder_client, recruiter_client = setting
    share_with(holder, employer)
    _apply(holder_client, vacancy)
    _withdraw(app, holder_client, vacancy)
    share = _share(app)
    assert share.application_id is None and share.revoked_at is None
    assert recruiter_client.get(f"/recruiter/passports/{holder.id}").status_code == 200


def test_applying_without_the_tick_shares_nothing(app, setting):
    holder, employer, vacancy, holder_client, recruiter_client = setting
    _apply(holder_client, vacancy, share=False, keep=True)
    with app.app_context():
        assert db.session.scalar(select(PassportShare)) is None


@pytest.mark.parametrize("who, expected", [
    pytest.param("the holder", 302, id="the holder may choose"),
    pytest.param("someone else", 404, id="another person gets a 404"),
    pytest.param("signed out", 302, id="a visitor is sent to sign in"),
])
def test_only_the_holder_chooses_whether_the_share_outlives_the_application(app, setting, make_user, who, expected):
    holder, employer, vacancy, holder_client, recruiter_client = setting
    _apply(holder_client, vacancy)
    client = {"the holder": holder_client, "someone else": app.test_client(), "signed out": app.test_client()}[who]
    if who == "someone else":
        sign_in(client, make_user())
    response = client.post(f"/passport/sharing/{_share(app).id}/after-application", data={"keep": "yes"})
    assert response.status_code == expected
    assert _share(app).keep_after_application is (who == "the holder")


def test_an_ended_share_cannot_be_kept_afterwards(app, setting):
    holder, employer, vacancy, holder_client, recruiter_client = setting
    _apply(holder_client, vacancy)
    _withdraw(app, holder_client, vacancy)
    _keep_on_sharing_page(app, holder_client, "yes")
    share = _share(app)
    assert share.revoked_at is not None and not share.keep_after_application


def test_the_purge_ends_the_share_in_the_same_transaction_before_the_application_goes(app, setting):
    """The share's link to the application is nulled by the database when the row goes, so the share
    must already be ended by then: afterwards nothing could tell it came from an application."""
    holder, employer, vacancy, holder_client, recruiter_client = setting
    _apply(holder_client, vacancy)
    _purge(app, holder_client, vacancy)
    share = _share(app)
    assert share.application_id is None and share.end_reason == "application_deleted"
    with app.app_context():
        entries = list(db.session.scalars(select(AuditEntry.action).where(AuditEntry.holder_id == holder.id)))
    assert "share_ended" in entries


def test_the_data_export_says_why_a_share_ended(app, setting):
    import json
    import zipfile

    holder, employer, vacancy, holder_client, recruiter_client = setting
    _apply(holder_client, vacancy)
    _withdraw(app, holder_client, vacancy)
    archive = zipfile.ZipFile(io.BytesIO(holder_client.post("/account/data/export").get_data()))
    [share] = json.loads(archive.read("data.json"))["skills_passport"]["shares"]
    assert share["ended_because"] == "your application was withdrawn" and share["made_with_application"]


# Shares made before shares could end with their application

def _as_migrated(connection, name: str) -> sa.Table:
    """The table as the database has it at this revision: columns that later migrations add are left out."""
    present = {column["name"] for column in sa.inspect(connection).get_columns(name)}
    return sa.Table(name, sa.MetaData(), *(
        column._copy() for column in db.metadata.tables[name].columns if column.name in present))


def test_the_migration_ends_live_shares_of_applications_already_withdrawn_or_deleted(empty_database_url, tmp_path):
    from flask_migrate import upgrade

    from portal import create_app
    from portal.reference.services import load_reference_data

    app = create_app({
        "SQLALCHEMY_DATABASE_URI": empty_database_url,
        "SEARCH_INDEX_DIR": str(tmp_path / "index"),
        "INSTANCE_PATH": str(tmp_path / "instance"),
    })
    old_shares = sa.table("passport_shares", *(sa.column(name) for name in (
        "id", "holder_id", "kind", "organisation_id", "application_id", "label", "created_at")))
    made = datetime(2026, 1, 10, 9, 0)
    with app.app_context():
        upgrade(revision="b990be500948")
        load_reference_data()
        db.session.commit()
        with db.engine.begin() as connection:
            tables = {name: _as_migrated(connection, name)
                      for name in ("users", "organisations", "vacancies", "applications", "passport_audit")}
            connection.execute(tables["users"].insert(), [
                {"id": n, "email": f"person{n}@example.org", "full_name": "Sam", "password_hash": "x"} for n in (1, 2, 3, 4)])
            connection.execute(tables["organisations"].insert(), [
                {"id": 1, "name": EMPLOYER, "slug": "charnwood", "sector_code": "home_care", "status": "approved",
                 "reviewed_at": datetime(2025, 6, 1, 10, 0)}])
            connection.execute(tables["vacancies"].insert(), [{
                "id": 1, "slug": "care-worker", "organisation_id": 1, "title": "Care Worker", "role_code": "care_worker",
                "sector_code": "home_care", "contract_type": "permanent", "working_time": "full_time",
                "closing_date": date(2026, 2, 1), "summary": "s", "description": "d", "status": "published"}])
            connection.execute(tables["applications"].insert(), [{
                "id": n, "vacancy_id": 1, "user_id": n, "full_name": "Sam", "email": "sam@example.org", "phone": "0",
                "address_line_1": "1", "town": "Oakham", "postcode": "LE15 6AA", "supporting_statement": "s",
                "right_to_work": "yes", "status": status} for n, status in ((1, "withdrawn"), (2, "new"))])
            connection.execute(old_shares.insert(), [
                {"id": 1, "holder_id": 1, "kind": "organisation", "organisation_id": 1, "application_id": 1,
                 "label": EMPLOYER, "created_at": made},
                {"id": 2, "holder_id": 2, "kind": "organisation", "organisation_id": 1, "application_id": 2,
                 "label": EMPLOYER, "created_at": made},
                # Made when applying; the application has since been purged, so the link is gone.
                {"id": 3, "holder_id": 3, "kind": "organisation", "organisation_id": 1, "application_id": None,
                 "label": EMPLOYER, "created_at": made},
                # Made on the sharing page.
                {"id": 4, "holder_id": 4, "kind": "organisation", "organisation_id": 1, "application_id": None,
                 "label": EMPLOYER, "created_at": made},
            ])
            connection.execute(tables["passport_audit"].insert(), [
                {"holder_id": 3, "organisation_id": 1, "action": "share_created",
                 "detail": f"Shared with {EMPLOYER} when applying for a job", "at": made},
                {"holder_id": 4, "organisation_id": 1, "action": "share_created", "detail": f"Shared with {EMPLOYER}",
                 "at": made},
            ])
        upgrade()
        with db.engine.connect() as connection:
            ended = dict(connection.execute(sa.text("SELECT id, end_reason FROM passport_shares")).all())
            history = set(connection.execute(sa.text(
                "SELECT holder_id, detail FROM passport_audit WHERE action = 'share_ended'")).all())
            reviews = connection.execute(sa.text("SELECT organisation_id, action, occurred_at FROM audit_events")).all()
        db.engine.dispose()
    assert ended == {1: "application_withdrawn", 2: None, 3: "application_deleted", 4: None}
    assert history == {(1, f"Sharing with {EMPLOYER} ended because your application was withdrawn"),
                       (3, f"Sharing with {EMPLOYER} ended because your application was deleted")}
    # The organisation's review history starts from the one review date kept before.
    assert [(row[0], row[1], str(row[2])[:16]) for row in reviews] == [(1, "organisation_approved", "2025-06-01 10:00")]
