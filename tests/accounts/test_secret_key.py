"""SECRET_KEY: made once into the instance folder when not configured; a known or short key is refused."""
from __future__ import annotations

import stat

import pytest
from flask.sessions import SecureCookieSessionInterface

from portal import SECRET_KEY_FILE, create_app
from portal.config import KNOWN_DEVELOPMENT_SECRET_KEY
from portal.secret_files import read_or_create


def _production_app(tmp_path, **settings):
    return create_app({
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'portal.db'}",
        "SEARCH_INDEX_DIR": str(tmp_path / "index"),
        "INSTANCE_PATH": str(tmp_path / "instance"),
        "SECRET_KEY": None,
        **settings,
    })


def test_without_a_configured_key_one_is_made_once_and_kept(tmp_path):
    first = _production_app(tmp_path)
    path = tmp_path / "instance" / SECRET_KEY_FILE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert len(first.secret_key) >= 32
    assert first.secret_key != KNOWN_DEVELOPMENT_SECRET_KEY
    assert _production_app(tmp_path).secret_key == first.secret_key


def test_two_processes_starting_at_once_agree_on_the_key(tmp_path):
    """The other process links its file into place while this one is writing its own: this one reads theirs."""
    path = tmp_path / SECRET_KEY_FILE

    def made_while_another_process_wins():
        path.write_bytes(b"the key the other process made")
        return b"the key this process made"

    assert read_or_create(path, made_while_another_process_wins) == b"the key the other process made"
    assert [p.name for p in tmp_path.iterdir()] == [SECRET_KEY_FILE]


REFUSED = {
    "the old development key": KNOWN_DEVELOPMENT_SECRET_KEY,
    "a short key": "x" * 31,
}


@pytest.mark.parametrize("key", REFUSED.values(), ids=REFUSED.keys())
def test_a_known_or_short_key_stops_the_portal_starting(tmp_path, key):
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        _production_app(tmp_path, SECRET_KEY=key)


def test_a_short_key_from_the_instance_file_is_refused_too(tmp_path):
    (tmp_path / "instance").mkdir()
    (tmp_path / "instance" / SECRET_KEY_FILE).write_text("short")
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        _production_app(tmp_path)


def test_a_long_configured_key_is_used_as_it_is(tmp_path):
    key = "k" * 32
    assert _production_app(tmp_path, SECRET_KEY=key).secret_key == key
    assert not (tmp_path / "instance" / SECRET_KEY_FILE).exists()


def test_tests_may_use_a_short_key(tmp_path):
    assert _production_app(tmp_path, SECRET_KEY="test-secret", TESTING=True).secret_key == "test-secret"


def test_a_cookie_forged_with_the_development_key_does_not_open_admin_of_a_fresh_portal(tmp_path):
    app = _production_app(tmp_path)
    forger = _production_app(tmp_path / "forger", SECRET_KEY=KNOWN_DEVELOPMENT_SECRET_KEY, TESTING=True)
    cookie = SecureCookieSessionInterface().get_signing_serializer(forger).dumps({"_user_id": "1", "_fresh": True})
    client = app.test_client()
    client.set_cookie("session", cookie)
    response = client.get("/admin")
    assert response.status_code == 302
    assert "/sign-in" in response.headers["Location"]
