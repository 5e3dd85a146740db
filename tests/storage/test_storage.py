"""The storage API, run on local disk and on S3 (moto's server over HTTP) alike."""
from __future__ import annotations

import io
import logging
import os
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from sqlalchemy import func, select
from werkzeug.exceptions import NotFound

from portal.extensions import db
from portal.storage import (
    CV_TYPES,
    EVIDENCE_TYPES,
    StoredFile,
    UploadRejected,
    delete_file,
    download_response,
    read_bytes,
    remove_orphans,
    save_upload,
)
from portal.storage.backends import KEY_PATTERN, LocalStorage, S3Storage, create_backend, new_key
from tests.storage.samples import DOCX, EXE, HTML, JPEG, PDF, upload

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def object_keys(storage) -> list[str]:
    return sorted(stored_object.key for stored_object in storage.objects())


def row_count() -> int:
    return db.session.scalar(select(func.count()).select_from(StoredFile))


def test_a_file_is_saved_read_and_deleted(app, storage, make_user):
    owner = make_user()
    with app.test_request_context():
        stored = save_upload(upload(PDF, "My CV.pdf"), owner_id=owner.id, purpose="cv")
        db.session.commit()
        key = stored.key
        assert (stored.owner_id, stored.purpose, stored.filename, stored.content_type, stored.size) == (
            owner.id, "cv", "My CV.pdf", "application/pdf", len(PDF)
        )
        assert read_bytes(stored) == PDF
        assert object_keys(storage) == [key]

        delete_file(stored)
        db.session.commit()
        assert object_keys(storage) == []
        assert row_count() == 0


def test_the_type_comes_from_the_content_and_the_name_follows_it(app, storage):
    with app.test_request_context():
        stored = save_upload(
            upload(DOCX, "cv.pdf", content_type="application/pdf"), owner_id=None, purpose="cv"
        )
        assert (stored.content_type, stored.filename) == (DOCX_TYPE, "cv.docx")
        photo = save_upload(upload(JPEG, "badge.png"), owner_id=None, purpose="evidence", allowed=EVIDENCE_TYPES)
        assert (photo.content_type, photo.filename) == ("image/jpeg", "badge.jpg")


def test_keys_are_made_by_the_server_never_from_the_file_name(app, storage, tmp_path):
    with app.test_request_context():
        stored = save_upload(upload(PDF, "../../etc/passwd.pdf"), owner_id=None, purpose="cv")
        db.session.commit()
        assert KEY_PATTERN.fullmatch(stored.key) and stored.key.startswith("cv/")
        assert "passwd" not in stored.key
        assert stored.filename == "passwd.pdf"
        assert read_bytes(stored) == PDF
        assert object_keys(storage) == [stored.key]
    assert not (tmp_path / "etc").exists()


@pytest.mark.parametrize(
    "key", ["../../etc/passwd", "cv/../../" + "a" * 32, "cv/" + "a" * 31, "/cv/" + "a" * 32, "CV/" + "A" * 32]
)
def test_a_backend_refuses_any_key_it_did_not_make(storage, key):
    for action in (storage.get, storage.exists, storage.delete, lambda k: storage.put(k, PDF, "application/pdf")):
        with pytest.raises(ValueError, match="Not a storage key"):
            action(key)
    assert object_keys(storage) == []


@pytest.mark.parametrize(
    ("data", "filename", "message"),
    [
        (HTML, "cv.pdf", "The selected file must be a PDF, DOCX or ODT"),
        (EXE, "cv.docx", "The selected file must be a PDF, DOCX or ODT"),
        (b"", "cv.pdf", "The selected file is empty"),
        (PDF, "", "Select a file"),
    ],
)
def test_a_refused_upload_leaves_nothing_behind(app, storage, data, filename, message):
    with app.test_request_context():
        with pytest.raises(UploadRejected) as rejected:
            save_upload(upload(data, filename), owner_id=None, purpose="cv", allowed=CV_TYPES)
        assert str(rejected.value) == message
        assert row_count() == 0
    assert object_keys(storage) == []


def test_a_zip_bomb_dressed_as_a_word_document_is_refused(app, storage, docx_bomb):
    with app.test_request_context():
        with pytest.raises(UploadRejected, match="could not be opened"):
            save_upload(upload(docx_bomb, "cv.docx"), owner_id=None, purpose="cv")
        assert row_count() == 0
    assert object_keys(storage) == []


def test_the_storage_layer_reads_no_more_than_one_byte_past_the_limit(app, storage):
    oversize = upload(PDF + bytes(2048))
    with app.test_request_context():
        with pytest.raises(UploadRejected) as rejected:
            save_upload(oversize, owner_id=None, purpose="cv", max_bytes=1024)
        assert str(rejected.value) == "The selected file must be smaller than 1 KB"
        assert oversize.stream.tell() == 1025

        with pytest.raises(UploadRejected) as rejected:
            save_upload(upload(PDF + bytes(app.config["UPLOAD_MAX_BYTES"])), owner_id=None, purpose="cv")
        assert str(rejected.value) == "The selected file must be smaller than 5 MB"

        at_limit = save_upload(upload(PDF + bytes(1024 - len(PDF))), owner_id=None, purpose="cv", max_bytes=1024)
        assert at_limit.size == 1024
    assert len(object_keys(storage)) == 1


def test_flask_refuses_a_request_over_max_content_length(app, client):
    too_big = io.BytesIO(bytes(app.config["MAX_CONTENT_LENGTH"] + 1))
    response = client.post(
        "/sign-in",
        data={"email": "sam@example.org", "password": "secret", "cv": (too_big, "cv.pdf")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 413
    assert "That file is too large" in response.get_data(as_text=True)


def test_a_local_download_is_a_private_attachment(app, local_storage):
    with app.test_request_context():
        stored = save_upload(upload(DOCX, "Zoë’s CV.docx"), owner_id=None, purpose="cv")
        response = download_response(stored)
        response.direct_passthrough = False
        body = response.get_data()
        response.close()
    assert response.status_code == 200
    assert body == DOCX
    assert response.headers["Content-Type"] == DOCX_TYPE
    assert response.headers["Content-Disposition"] == (
        "attachment; filename=\"Zoes CV.docx\"; filename*=UTF-8''Zo%C3%AB%E2%80%99s%20CV.docx"
    )
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cache-Control"] == "private, no-store"


def test_an_s3_download_redirects_to_a_url_signed_for_one_minute(app, s3_storage):
    with app.test_request_context():
        stored = save_upload(upload(DOCX, "Zoë’s CV.docx"), owner_id=None, purpose="cv")
        response = download_response(stored)
    assert response.status_code == 302
    assert response.headers["Cache-Control"] == "private, no-store"
    location = response.headers["Location"]
    assert location.startswith(f"{app.config['S3_ENDPOINT_URL']}/{app.config['S3_BUCKET']}/cv/")
    signed = parse_qs(urlsplit(location).query)
    assert signed["X-Amz-Expires"] == ["60"]
    assert "X-Amz-Signature" in signed

    fetched = requests.get(location, timeout=10)
    assert fetched.status_code == 200
    assert fetched.content == DOCX
    assert fetched.headers["Content-Type"] == DOCX_TYPE
    assert fetched.headers["Content-Disposition"] == (
        "attachment; filename=\"Zoes CV.docx\"; filename*=UTF-8''Zo%C3%AB%E2%80%99s%20CV.docx"
    )


def test_the_presigned_lifetime_comes_from_config(app, s3_storage, monkeypatch):
    monkeypatch.setitem(app.config, "S3_PRESIGN_SECONDS", 5)
    monkeypatch.setitem(app.extensions, "storage", create_backend(app.config, app.instance_path))
    with app.test_request_context():
        location = download_response(save_upload(upload(PDF), owner_id=None, purpose="cv")).headers["Location"]
    assert parse_qs(urlsplit(location).query)["X-Amz-Expires"] == ["5"]


def test_a_row_whose_object_has_gone_is_not_found_and_is_reported(app, storage, caplog):
    with app.test_request_context():
        stored = save_upload(upload(PDF), owner_id=None, purpose="cv")
        db.session.commit()
        storage.delete(stored.key)
        with pytest.raises(NotFound):
            download_response(stored)
        with pytest.raises(FileNotFoundError):
            read_bytes(stored)
        with caplog.at_level(logging.WARNING, logger="portal.storage.services"):
            assert remove_orphans(timedelta(0)).orphans == 0
        assert row_count() == 1
    assert f"Stored file {stored.key} has a row but no object" in caplog.text


def test_a_file_whose_transaction_never_commits_is_unreachable_and_swept_after_the_grace(app, storage):
    with app.test_request_context():
        kept = save_upload(upload(PDF, "kept.pdf"), owner_id=None, purpose="cv")
        db.session.commit()
        kept_key = kept.key
        orphan_key = save_upload(upload(PDF, "lost.pdf"), owner_id=None, purpose="cv").key
        db.session.rollback()

        assert db.session.scalar(select(StoredFile).filter_by(key=orphan_key)) is None
        assert object_keys(storage) == sorted([kept_key, orphan_key])
        assert remove_orphans().orphans == 0
        assert object_keys(storage) == sorted([kept_key, orphan_key])
        assert remove_orphans(older_than=timedelta(0)).orphans == 1
        assert object_keys(storage) == [kept_key]


def test_the_sweep_never_touches_objects_the_portal_did_not_write(app, storage):
    foreign = "exports/re/report.csv"
    if isinstance(storage, S3Storage):
        storage.client.put_object(Bucket=storage.bucket, Key=foreign, Body=b"a,b")
    else:
        (storage.root / foreign).parent.mkdir(parents=True)
        (storage.root / foreign).write_text("a,b")
    with app.test_request_context():
        assert remove_orphans(timedelta(0)).orphans == 0
    if isinstance(storage, S3Storage):
        assert storage.client.get_object(Bucket=storage.bucket, Key=foreign)["Body"].read() == b"a,b"
    else:
        assert (storage.root / foreign).read_text() == "a,b"


def test_deleting_a_file_removes_its_object_only_when_the_transaction_commits(app, storage):
    with app.test_request_context():
        stored = save_upload(upload(PDF), owner_id=None, purpose="cv")
        db.session.commit()
        key = stored.key

        delete_file(stored)
        assert storage.exists(key)
        db.session.rollback()
        assert storage.exists(key)

        stored = db.session.scalar(select(StoredFile).filter_by(key=key))
        with db.session.begin_nested():
            delete_file(stored)
        assert storage.exists(key)
        db.session.commit()
        assert not storage.exists(key)


def unreachable(*_args):
    raise ConnectionError("storage unreachable")


def test_an_object_that_cannot_be_deleted_after_commit_is_swept_later(app, storage, monkeypatch, caplog):
    with app.test_request_context():
        stored = save_upload(upload(PDF), owner_id=None, purpose="cv")
        db.session.commit()
        key = stored.key
        with monkeypatch.context() as patch:
            patch.setattr(storage, "delete", unreachable)
            delete_file(stored)
            db.session.commit()
        assert row_count() == 0
        assert storage.exists(key)
        assert remove_orphans(timedelta(0)).orphans == 1
        assert not storage.exists(key)
    assert f"Could not delete stored file {key}" in caplog.text


def test_the_scheduled_command_removes_orphans_past_the_grace(app, storage):
    with app.test_request_context():
        save_upload(upload(PDF), owner_id=None, purpose="cv")
        db.session.rollback()
    runner = app.test_cli_runner()

    result = runner.invoke(args=["files", "remove-orphans"])
    assert (result.exit_code, result.output) == (0, "Removed 0 orphaned files and 0 half-written uploads\n")
    result = runner.invoke(args=["files", "remove-orphans", "--older-than-minutes", "0"])
    assert (result.exit_code, result.output) == (0, "Removed 1 orphaned file and 0 half-written uploads\n")
    assert object_keys(storage) == []


def test_a_local_write_that_fails_half_way_leaves_no_file(local_storage, monkeypatch):
    monkeypatch.setattr(os, "replace", unreachable)
    with pytest.raises(ConnectionError):
        local_storage.put(new_key("cv"), PDF, "application/pdf")
    assert [path for path in local_storage.root.rglob("*") if path.is_file()] == []


def test_the_sweep_removes_stale_partial_local_writes(app, local_storage):
    local_storage.partial.mkdir(parents=True)
    stale, fresh = local_storage.partial / "tmp-stale", local_storage.partial / "tmp-fresh"
    stale.write_bytes(b"%PDF-")
    fresh.write_bytes(b"%PDF-")
    two_hours_ago = (datetime.now(timezone.utc) - timedelta(hours=2)).timestamp()
    os.utime(stale, (two_hours_ago, two_hours_ago))
    with app.test_request_context():
        assert remove_orphans().partial_writes == 1
    assert (stale.exists(), fresh.exists()) == (False, True)


def test_the_scheduled_command_counts_the_half_written_uploads_it_removes(app, local_storage):
    local_storage.partial.mkdir(parents=True)
    two_hours_ago = (datetime.now(timezone.utc) - timedelta(hours=2)).timestamp()
    for name in ("tmp-crashed-1", "tmp-crashed-2", "tmp-in-progress"):
        (local_storage.partial / name).write_bytes(b"%PDF-")
        if "crashed" in name:
            os.utime(local_storage.partial / name, (two_hours_ago, two_hours_ago))

    result = app.test_cli_runner().invoke(args=["files", "remove-orphans"])

    assert (result.exit_code, result.output) == (0, "Removed 0 orphaned files and 2 half-written uploads\n")
    assert [path.name for path in local_storage.partial.iterdir()] == ["tmp-in-progress"]


def test_the_app_stores_files_in_its_instance_folder_by_default(app):
    storage = app.extensions["storage"]
    assert isinstance(storage, LocalStorage)
    assert storage.root == Path(app.instance_path) / "files"


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"STORAGE_BACKEND": "ftp"}, "must be 'local' or 's3'"),
        ({"STORAGE_BACKEND": "s3", "S3_BUCKET": ""}, "S3_BUCKET must be set"),
    ],
)
def test_a_misconfigured_backend_stops_the_app_starting(app, settings, message):
    with pytest.raises(ValueError, match=message):
        create_backend({**app.config, **settings}, app.instance_path)
