"""Logos kept in the storage layer, local or S3, and served from the one route for images."""
import pytest
from sqlalchemy import func, select

from portal import create_app
from portal.config import TestConfig
from portal.employers.models import Organisation
from portal.extensions import db
from portal.storage import StoredFile, get_storage, save_upload
from tests.employers.helpers import PNG, organisation_form, upload
from tests.factories import sign_in
from tests.storage.samples import IMAGE_WEBP, PDF, TRUNCATED_PNG, png_claiming
from tests.storage.samples import upload as file_upload

YEAR = 365 * 24 * 60 * 60


@pytest.fixture(params=["local", "s3"])
def storage(request, app):
    """Each test runs once with the app's own local storage and once on S3 (moto over HTTP)."""
    if request.param == "s3":
        return request.getfixturevalue("s3_storage")
    with app.app_context():
        return get_storage()


def _logo(app, name="Wreake Valley Care") -> StoredFile | None:
    with app.app_context():
        organisation = db.session.scalar(select(Organisation).where(Organisation.name == name))
        return organisation.logo if organisation else None


def _register(client, logo):
    return client.post("/employers/register", data=organisation_form(logo=logo), content_type="multipart/form-data")


def _edit(client, app, **changes):
    with app.app_context():
        site_id = db.session.scalar(select(Organisation).where(Organisation.name == "Wreake Valley Care")).sites[0].id
    return client.post("/recruiter/organisation", content_type="multipart/form-data",
                       data=organisation_form(**{"sites-0-site_id": str(site_id), **changes}))


def _approve(app, name="Wreake Valley Care"):
    with app.app_context():
        db.session.scalar(select(Organisation).where(Organisation.name == name)).status = "approved"
        db.session.commit()


def _stored_files(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count(StoredFile.id)))


def test_a_logo_is_uploaded_replaced_and_served_from_the_storage(client, app, storage, make_user):
    recruiter = make_user()
    sign_in(client, recruiter)
    assert _register(client, upload(PNG, "logo.png")).status_code == 302
    first = _logo(app)
    assert storage.get(first.key) == PNG
    _approve(app)
    first_url = f"/images/{first.key}.png"
    assert first_url in client.get("/recruiter/organisation").get_data(as_text=True)

    _edit(client, app, logo=upload(IMAGE_WEBP, "new.webp"))
    second = _logo(app)
    second_url = f"/images/{second.key}.webp"
    assert second_url != first_url, "a new logo has a new address, so caches never show the old one"
    assert not storage.exists(first.key) and storage.get(second.key) == IMAGE_WEBP
    assert _stored_files(app) == 1

    client.post("/sign-out")
    assert client.get(first_url).status_code == 404
    response = client.get(second_url)
    assert response.status_code == 200 and response.data == IMAGE_WEBP
    assert response.mimetype == "image/webp"
    assert response.headers["Cache-Control"] in (f"public, max-age={YEAR}, immutable", f"max-age={YEAR}, public, immutable")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'none'" in response.headers["Content-Security-Policy"]
    again = client.get(second_url, headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""


def test_a_logo_written_through_one_machine_is_served_by_another(client, app, storage, make_user, s3_settings, tmp_path):
    sign_in(client, make_user())
    _register(client, upload(PNG, "logo.png"))
    _approve(app)
    logo = _logo(app)
    shared = dict(s3_settings) if app.config["STORAGE_BACKEND"] == "s3" else {
        "STORAGE_BACKEND": "local", "STORAGE_LOCAL_DIR": str(storage.root),
    }
    other_machine = create_app({
        **{key: getattr(TestConfig, key) for key in dir(TestConfig) if key.isupper()},
        "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"],
        "SEARCH_INDEX_DIR": str(tmp_path / "index"),
        "INSTANCE_PATH": str(tmp_path / "other-instance"),
        **shared,
    })
    try:
        response = other_machine.test_client().get(f"/images/{logo.key}.png")
        assert response.status_code == 200 and response.data == PNG
        with other_machine.app_context():
            page = other_machine.test_client().get("/employers/wreake-valley-care").get_data(as_text=True)
        assert f'src="/images/{logo.key}.png"' in page
    finally:
        with other_machine.app_context():
            db.engine.dispose()


@pytest.mark.parametrize("content, filename, message", [
    (TRUNCATED_PNG, "logo.png", "The logo could not be opened – save it again and upload the new copy"),
    (b"Proud to Care\n", "logo.png", "The logo must be a PNG, JPG or WebP image"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "logo.png", "The logo could not be opened – save it again and upload the new copy"),
    (png_claiming(50_000, 50_000), "logo.png", "The logo must be at most 4,000 pixels wide and 4,000 pixels high"),
    (png_claiming(4001, 10), "logo.png", "The logo must be at most 4,000 pixels wide and 4,000 pixels high"),
    (PNG + b"\x00" * 1024 * 1024, "big.png", "The logo must be smaller than 1 MB"),
])
def test_a_bad_image_is_refused_with_a_message_on_the_form(client, app, storage, make_user, content, filename, message):
    sign_in(client, make_user())
    response = _register(client, upload(content, filename))
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert message in page and 'href="#logo"' in page
    assert 'value="Wreake Valley Care"' in page
    assert _logo(app) is None and _stored_files(app) == 0
    assert list(storage.objects()) == []


def test_a_logo_that_cannot_be_stored_keeps_what_was_typed(client, app, make_user, storage_goes_down):
    sign_in(client, make_user())
    storage_goes_down()
    page = _register(client, upload(PNG, "logo.png")).get_data(as_text=True)
    assert "Your logo could not be saved. Try again." in page
    assert 'value="Wreake Valley Care"' in page
    with app.app_context():
        assert db.session.scalar(select(func.count(Organisation.id))) == 0


def test_a_logo_waiting_for_approval_is_seen_only_by_its_own_people_and_never_cached(
    client, app, make_user, make_organisation, make_recruiter,
):
    recruiter = make_user()
    sign_in(client, recruiter)
    _register(client, upload(PNG, "logo.png"))
    url = f"/images/{_logo(app).key}.png"
    own = client.get(url)
    assert own.status_code == 200 and "no-store" in own.headers["Cache-Control"]
    assert "public" not in own.headers["Cache-Control"]
    client.post("/sign-out")
    assert client.get(url).status_code == 404
    sign_in(client, make_recruiter(make_organisation(name="Other Care")))
    assert client.get(url).status_code == 404


def test_an_approved_logo_is_cached_even_for_someone_signed_in(client, app, make_user):
    sign_in(client, make_user())
    _register(client, upload(PNG, "logo.png"))
    _approve(app)
    response = client.get(f"/images/{_logo(app).key}.png")
    assert "no-store" not in response.headers["Cache-Control"]
    assert f"max-age={YEAR}" in response.headers["Cache-Control"]


def test_a_logo_whose_object_has_gone_is_a_404(client, app, make_user):
    sign_in(client, make_user())
    _register(client, upload(PNG, "logo.png"))
    _approve(app)
    logo = _logo(app)
    with app.app_context():
        get_storage().delete(logo.key)
    assert client.get(f"/images/{logo.key}.png").status_code == 404


def test_other_stored_files_are_never_served_as_images(client, app, make_user):
    """A CV stored as a file is not an image of the site, whatever address is tried."""
    owner = make_user()
    with app.app_context():
        cv = save_upload(file_upload(PDF), owner_id=owner.id, purpose="cv")
        db.session.commit()
        key = cv.key
    name = key.split("/")[1]
    for address in (f"/images/{key}.pdf", f"/images/logo/{name}.pdf", f"/images/logo/{name}.png"):
        assert client.get(address).status_code == 404, address


def test_removing_the_logo_deletes_it_and_its_object(client, app, storage, make_user):
    sign_in(client, make_user())
    _register(client, upload(PNG, "logo.png"))
    _approve(app)
    logo = _logo(app)
    page = client.get("/recruiter/organisation").get_data(as_text=True)
    assert "Remove the current logo" in page
    _edit(client, app, remove_logo="y")
    assert _logo(app) is None and _stored_files(app) == 0
    assert not storage.exists(logo.key)
    assert client.get(f"/images/{logo.key}.png").status_code == 404
    assert "Remove the current logo" not in client.get("/recruiter/organisation").get_data(as_text=True)
