import io

from portal.extensions import db
from portal.profiles.models import SeekerProfile
from portal.storage import StoredFile, get_storage
from tests.factories import sign_in
from tests.storage.samples import DOCX, HTML, PDF


def _upload(client, data, filename):
    return client.post("/profile/cv", data={"cv": (io.BytesIO(data), filename)}, content_type="multipart/form-data")


def _default_cv(app, user_id):
    with app.app_context():
        profile = db.session.get(SeekerProfile, user_id)
        stored = profile.default_cv if profile else None
        return (stored.id, stored.key) if stored else None


def _object_exists(app, key):
    with app.app_context():
        return get_storage().exists(key)


def test_upload_then_download_by_the_owner(client, app, make_user):
    user = make_user()
    sign_in(client, user)
    response = _upload(client, PDF, "Sam Taylor CV.pdf")
    assert response.status_code == 302
    file_id, key = _default_cv(app, user.id)
    with app.app_context():
        stored = db.session.get(StoredFile, file_id)
        assert (stored.owner_id, stored.purpose, stored.filename) == (user.id, "cv", "Sam Taylor CV.pdf")
    assert "Sam Taylor CV.pdf" in client.get("/profile").get_data(as_text=True)

    download = client.get("/profile/cv/download")
    assert download.status_code == 200
    assert download.data == PDF
    assert download.headers["Content-Disposition"].startswith("attachment")


def test_another_person_cannot_download_it(client, app, make_user):
    owner, other = make_user(), make_user()
    sign_in(client, owner)
    _upload(client, PDF, "cv.pdf")
    client.post("/sign-out")
    sign_in(client, other)
    assert client.get("/profile/cv/download").status_code == 404
    client.post("/sign-out")
    response = client.get("/profile/cv/download")
    assert response.status_code == 302 and "/sign-in" in response.headers["Location"]


def test_replacing_deletes_the_old_file(client, app, make_user):
    user = make_user()
    sign_in(client, user)
    _upload(client, PDF, "old.pdf")
    old_id, old_key = _default_cv(app, user.id)
    assert _object_exists(app, old_key)
    assert _upload(client, DOCX, "new.docx").status_code == 302
    new_id, new_key = _default_cv(app, user.id)
    assert new_id != old_id
    assert not _object_exists(app, old_key) and _object_exists(app, new_key)
    with app.app_context():
        assert db.session.get(StoredFile, old_id) is None
    assert client.get("/profile/cv/download").data == DOCX


def test_removing_deletes_the_file(client, app, make_user):
    user = make_user()
    sign_in(client, user)
    _upload(client, PDF, "cv.pdf")
    file_id, key = _default_cv(app, user.id)
    assert client.post("/profile/cv/remove").status_code == 302
    assert _default_cv(app, user.id) is None
    assert not _object_exists(app, key)
    with app.app_context():
        assert db.session.get(StoredFile, file_id) is None
    assert client.get("/profile/cv/download").status_code == 404


def test_files_that_are_not_documents_are_refused(client, app, make_user):
    user = make_user()
    sign_in(client, user)
    page = _upload(client, HTML, "cv.pdf").get_data(as_text=True)
    assert "There is a problem" in page and "The selected file must be a PDF, DOCX or ODT" in page
    page = client.post("/profile/cv", data={}, content_type="multipart/form-data").get_data(as_text=True)
    assert "Select a file" in page
    assert _default_cv(app, user.id) is None
    with app.app_context():
        assert db.session.query(StoredFile).count() == 0
