from sqlalchemy import select

from portal.accounts.models import User
from portal.accounts.roles import Role
from portal.employers.models import Organisation
from portal.extensions import db
from portal.storage import StoredFile
from tests.employers.helpers import JPEG, PNG, organisation_form, upload
from tests.factories import sign_in


def _organisation(app, name="Wreake Valley Care"):
    with app.app_context():
        return db.session.scalar(select(Organisation).where(Organisation.name == name))


def test_registration_needs_an_account(client):
    response = client.get("/employers/register")
    assert response.status_code == 302
    assert "/sign-in" in response.headers["Location"]


def test_registering_creates_a_pending_organisation_with_the_user_as_recruiter(client, app, make_user):
    user = make_user()
    sign_in(client, user)
    response = client.post("/employers/register", data=organisation_form(**{
        "website": "wreakevalley.example.org",
        "sites-1-name": "Willow Court",
        "sites-1-town": "Melton Mowbray",
        "sites-1-postcode": "ZZ9 9ZZ",
    }))
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/recruiter/organisation")
    with app.app_context():
        organisation = db.session.scalar(select(Organisation))
        assert organisation.status == "pending"
        assert organisation.slug == "wreake-valley-care"
        assert organisation.website == "https://wreakevalley.example.org"
        office, willow = organisation.sites
        assert (office.postcode, office.latitude) == ("LE7 1AA", 52.68)
        # ZZ9 is not in the gazetteer, so the town places the site.
        assert willow.latitude == 52.7661
        member = db.session.get(User, user.id)
        assert member.organisation_id == organisation.id and member.has_role(Role.RECRUITER)


def test_errors_are_summarised_and_what_was_typed_is_kept(client, make_user):
    sign_in(client, make_user())
    page = client.post("/employers/register", data=organisation_form(**{
        "name": "",
        "sector_code": "",
        "website": "ftp://files.example.org",
        "sites-0-postcode": "LE7",
        "sites-1-name": "Branch office",
    })).get_data(as_text=True)
    assert "There is a problem" in page
    for message in (
        "Enter your organisation&#39;s name",
        "Select the type of organisation",
        "Enter a website address like https://www.example.org",
        "Site 1: Enter a full UK postcode, like LE1 5WW",
        "Site 2: Enter the town or city",
        "Site 2: Enter the postcode",
    ):
        assert message in page
    assert 'href="#sites-0-postcode"' in page
    assert 'value="ftp://files.example.org"' in page
    assert 'value="Syston"' in page and 'value="LE7"' in page and 'value="Branch office"' in page
    assert "We support **older people** at home." in page
    assert page.count("<h1") == 1


def test_at_least_one_site_is_needed(client, make_user):
    sign_in(client, make_user())
    page = client.post("/employers/register", data=organisation_form(**{
        "sites-0-name": "", "sites-0-town": "", "sites-0-postcode": "",
    })).get_data(as_text=True)
    assert "Add at least one site" in page


def test_add_another_site_keeps_what_was_typed_and_saves_nothing(client, app, make_user):
    sign_in(client, make_user())
    page = client.post("/employers/register", data=organisation_form(add_site="1")).get_data(as_text=True)
    assert "There is a problem" not in page
    assert 'value="Wreake Valley Care"' in page and 'value="LE7 1AA"' not in page and 'value="le7 1aa"' in page
    assert 'name="sites-1-name"' in page
    assert _organisation(app) is None


def test_a_site_the_gazetteer_does_not_know_is_saved_without_coordinates(client, app, make_user):
    sign_in(client, make_user())
    response = client.post("/employers/register", data=organisation_form(**{
        "sites-0-town": "Nowhere Special", "sites-0-postcode": "ZZ9 9ZZ",
    }), follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "Sites missing from distance search" in page and "Head office, Nowhere Special ZZ9 9ZZ" in page
    with app.app_context():
        site = db.session.scalar(select(Organisation)).sites[0]
        assert site.latitude is None and site.longitude is None


def test_slugs_are_unique(app, make_user):
    for user in (make_user(), make_user()):
        client = app.test_client()
        sign_in(client, user)
        client.post("/employers/register", data=organisation_form())
    with app.app_context():
        slugs = set(db.session.scalars(select(Organisation.slug)))
    assert slugs == {"wreake-valley-care", "wreake-valley-care-2"}


def test_an_organisation_named_register_does_not_shadow_the_registration_page(client, app, make_user):
    sign_in(client, make_user())
    client.post("/employers/register", data=organisation_form(name="Register"))
    assert _organisation(app, "Register").slug == "register-2"


def test_someone_in_an_organisation_cannot_register_another(client, app, make_organisation, make_recruiter):
    sign_in(client, make_recruiter(make_organisation()))
    response = client.post("/employers/register", data=organisation_form())
    assert response.status_code == 302
    assert _organisation(app) is None


def test_a_png_or_jpeg_logo_is_stored_under_a_generated_name(client, app, make_user):
    sign_in(client, make_user())
    client.post("/employers/register", data=organisation_form(logo=upload(JPEG, "../../evil name.jpg")),
                content_type="multipart/form-data")
    organisation = _organisation(app)
    with app.app_context():
        logo = db.session.get(StoredFile, organisation.logo_id)
    assert logo.purpose == "logo" and logo.owner_id is None
    assert "evil" not in logo.key and logo.filename == "evil name.jpg"
    response = client.get(f"/images/{logo.key}.jpg")
    assert response.status_code == 200
    assert response.mimetype == "image/jpeg" and response.data == JPEG
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_a_logo_is_judged_by_its_content_not_its_name(client, app, make_user):
    sign_in(client, make_user())
    for content, filename in ((b"<html><script>alert(1)</script></html>", "logo.png"), (b"MZ\x90\x00" * 20, "logo.jpg")):
        page = client.post("/employers/register", data=organisation_form(logo=upload(content, filename)),
                           content_type="multipart/form-data").get_data(as_text=True)
        assert "The logo must be a PNG, JPG or WebP image" in page
        assert 'value="Wreake Valley Care"' in page
    assert _organisation(app) is None


def test_a_logo_over_1_mb_is_refused(client, app, make_user):
    sign_in(client, make_user())
    page = client.post("/employers/register", data=organisation_form(logo=upload(PNG + b"\x00" * 1024 * 1024, "big.png")),
                       content_type="multipart/form-data").get_data(as_text=True)
    assert "The logo must be smaller than 1 MB" in page
    assert _organisation(app) is None
