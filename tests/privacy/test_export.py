import io
import json
import zipfile

from tests.factories import sign_in
from tests.privacy.helpers import fill_profile, make_alert, make_application
from tests.storage.samples import PDF


def _archive(client):
    response = client.post("/account/data/export")
    assert response.status_code == 200
    assert response.mimetype == "application/zip"
    assert response.headers["Content-Disposition"].startswith("attachment; filename=your-data-")
    assert "no-store" in response.headers["Cache-Control"]
    return zipfile.ZipFile(io.BytesIO(response.data))


def test_export_needs_sign_in(client):
    response = client.post("/account/data/export")
    assert response.status_code == 302 and "/sign-in" in response.headers["Location"]


def test_archive_holds_every_section_and_every_file(client, app, make_user, make_organisation, make_vacancy):
    vacancy = make_vacancy(make_organisation(name="Oakham Care"), title="Night Carer")
    user = make_user(full_name="Priya Shah", email="priya@example.org")
    fill_profile(app, user, vacancy)
    make_application(app, user, vacancy)
    make_alert(app, user.email, user=user)
    make_alert(app, "priya@example.org", label="Made before signing up")
    stranger = make_user(full_name="Someone Else", email="someone@example.org")
    fill_profile(app, stranger)
    make_alert(app, stranger.email, user=stranger, label="Not Priya's")

    sign_in(client, user)
    archive = _archive(client)
    data = json.loads(archive.read("data.json"))

    assert data["account"]["email"] == "priya@example.org" and data["account"]["full_name"] == "Priya Shah"
    assert "password_hash" not in json.dumps(data) and "argon2" not in json.dumps(data)
    assert data["profile"]["postcode"] == "LE2 0QB"
    assert data["work_history"] == [{"job_title": "Care Assistant", "employer": "Rutland House", "start_month": "2019-03",
                                     "end_month": None, "duties": ""}]
    assert data["qualifications"][0]["awarding_body"] == "City & Guilds"
    assert [item["title"] for item in data["saved_vacancies"]] == ["Night Carer"]
    (application,) = data["applications"]
    assert application["vacancy"]["employer"] == "Oakham Care"
    assert application["supporting_statement"].startswith("I have cared")
    assert [change["status"] for change in application["status_history"]] == ["new", "shortlisted"]
    assert sorted(alert["label"] for alert in data["job_alerts"]) == ["Care worker jobs near Leicester", "Made before signing up"]
    assert all(alert["confirmed_at"] for alert in data["job_alerts"])

    file_names = sorted(entry["in_archive"] for entry in data["files"])
    assert len(file_names) == 2
    assert sorted(name for name in archive.namelist() if name.startswith("files/")) == file_names
    assert all(archive.read(name) == PDF for name in file_names)
    assert any(name.endswith("-My_CV.pdf") for name in file_names)
    assert "Someone Else" not in json.dumps(data) and "Not Priya's" not in json.dumps(data)


def test_archive_for_a_new_account_is_nearly_empty(client, make_user):
    sign_in(client, make_user())
    data = json.loads(_archive(client).read("data.json"))
    assert data["profile"] is None
    assert data["work_history"] == data["qualifications"] == data["saved_vacancies"] == []
    assert data["applications"] == data["job_alerts"] == data["files"] == []


def test_your_data_page_explains_and_lists_files(client, app, make_user):
    user = make_user()
    fill_profile(app, user)
    sign_in(client, user)
    page = client.get("/account/data").get_data(as_text=True)
    assert "My CV.pdf" in page
    assert 'action="/account/data/export"' in page and 'href="/account/delete"' in page
    assert 'href="/privacy"' in page


def test_a_file_lost_from_storage_is_listed_but_not_included(client, app, make_user):
    from portal.storage import get_storage

    user = make_user()
    cv_key = fill_profile(app, user)
    with app.app_context():
        get_storage().delete(cv_key)
    sign_in(client, user)
    archive = _archive(client)
    (entry,) = json.loads(archive.read("data.json"))["files"]
    assert entry["name"] == "My CV.pdf" and entry["in_archive"] is None
    assert archive.namelist() == ["data.json"]
