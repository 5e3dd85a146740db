import pytest

from portal.storage.backends import create_backend
from tests.storage.samples import zip_bomb


@pytest.fixture
def local_storage(app, tmp_path, monkeypatch):
    """The app stores files in this test's own folder."""
    monkeypatch.setitem(app.config, "STORAGE_BACKEND", "local")
    monkeypatch.setitem(app.config, "STORAGE_LOCAL_DIR", str(tmp_path / "files"))
    storage = create_backend(app.config, app.instance_path)
    monkeypatch.setitem(app.extensions, "storage", storage)
    return storage


@pytest.fixture(params=["local", "s3"])
def storage(request):
    """Each test that uses this runs once on local disk and once on S3 (moto over HTTP)."""
    return request.getfixturevalue(f"{request.param}_storage")


@pytest.fixture(scope="session")
def docx_bomb():
    """A 200 MB document in a zip of under a megabyte."""
    return zip_bomb(200)
