from sqlalchemy import select

from portal.employers.models import Organisation, Site
from portal.extensions import db
from portal.storage import StoredFile, get_storage
from tests.employers.helpers import JPEG, PNG, organisation_form, upload
from tests.factories import sign_in


def _site_id(app, organisation) -> int:
    with app.app_context():
        return db.session.scalar(select(Site.id).where(Site.organisation_id == organisation.id))


def _edit(client, app, organisation, **overrides):
    data = organisation_form(**{"sites-0-site_id": str(_site_id(app, organisation)), **overrides})
    return client.post("/recruiter/organisation", data=data, content_type="multipart/form-data")


def test_the_edit_form_shows_the_current_details(client, make_organisation, make_recruiter):
    organisation = make_organisation(name="Charnwood Care", status="pending")
    sign_in(client, make_recruiter(organisation))
    page = client.get("/recruiter/organisation").get_data(as_text=True)
    assert 'value="Charnwood Care"' in page and 'value="LE11 1AA"' in page
    assert "Waiting for approval" in page
    assert page.count("<h1") == 1


def test_a_recruiter_edits_details_and_sites(client, app, make_organisation, make_recruiter):
    organisation = make_organisation(name="Charnwood Care")
    sign_in(client, make_recruiter(organisation))
    response = _edit(client, app, organisation, **{
        "name": "Charnwood Care Services", "sites-0-town": "Loughborough", "sites-0-postcode": "LE11 3AA",
        "sites-1-name": "Hinckley branch", "sites-1-town": "Hinckley", "sites-1-postcode": "le10 1aa",
    })
    assert response.status_code == 302
    with app.app_context():
        saved = db.session.get(Organisation, organisation.id)
        assert saved.name == "Charnwood Care Services"
        assert saved.slug == organisation.slug
        assert [(s.name, s.postcode) for s in saved.sites] == [("Head office", "LE11 3AA"), ("Hinckley branch", "LE10 1AA")]
        assert saved.sites[1].latitude is not None


def test_a_smuggled_status_is_ignored(client, app, make_organisation, make_recruiter):
    organisation = make_organisation(status="pending")
    sign_in(client, make_recruiter(organisation))
    assert _edit(client, app, organisation, status="approved", reviewed_at="2020-01-01").status_code == 302
    with app.app_context():
        saved = db.session.get(Organisation, organisation.id)
        assert saved.status == "pending" and saved.reviewed_at is None


def test_a_site_can_be_removed_unless_a_vacancy_uses_it(client, app, make_organisation, make_recruiter, make_vacancy):
    organisation = make_organisation()
    sign_in(client, make_recruiter(organisation))
    extra = {"sites-1-name": "Branch", "sites-1-town": "Hinckley", "sites-1-postcode": "LE10 1AA"}
    _edit(client, app, organisation, **extra)
    make_vacancy(organisation)  # uses both sites
    page = _edit(client, app, organisation, **extra, **{"sites-0-remove": "y"}).get_data(as_text=True)
    assert "Head office is the place of work for 1 vacancy" in page
    with app.app_context():
        assert len(db.session.get(Organisation, organisation.id).sites) == 2


def test_a_new_logo_replaces_the_old_one_and_its_object(client, app, make_organisation, make_recruiter):
    organisation = make_organisation()
    sign_in(client, make_recruiter(organisation))
    _edit(client, app, organisation, logo=upload(PNG, "logo.png"))
    with app.app_context():
        first = db.session.get(Organisation, organisation.id).logo.key
    _edit(client, app, organisation, logo=upload(JPEG, "logo.jpg"))
    with app.app_context():
        second = db.session.get(Organisation, organisation.id).logo
        storage = get_storage()
        assert second.content_type == "image/jpeg" and storage.get(second.key) == JPEG
        assert not storage.exists(first)
        assert db.session.scalar(select(StoredFile).where(StoredFile.key == first)) is None


def test_only_recruiters_with_an_organisation_may_edit(client, make_user):
    assert client.get("/recruiter/organisation").status_code == 302
    sign_in(client, make_user())
    assert client.get("/recruiter/organisation").status_code == 403


def test_editing_a_site_of_another_organisation_creates_a_new_site_instead(client, app, make_organisation, make_recruiter):
    mine, theirs = make_organisation(), make_organisation(name="Other Care")
    sign_in(client, make_recruiter(mine))
    their_site = _site_id(app, theirs)
    client.post("/recruiter/organisation", data=organisation_form(**{
        "sites-0-site_id": str(their_site), "sites-0-name": "Hijacked",
    }))
    with app.app_context():
        assert db.session.get(Site, their_site).name == "Head office"
        assert db.session.get(Site, their_site).organisation_id == theirs.id
