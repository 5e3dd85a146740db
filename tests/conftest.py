"""Fixtures shared by the portal's tests.

One application per test session; every test starts from empty tables (the reference lists and the
gazetteer stay loaded), an empty search index and an empty outbox.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from portal import create_app
from portal.config import TestConfig
from portal.extensions import db, limiter

pytest_plugins = ["tests.factories", "tests.passport_factories", "tests.s3", "tests.session_stores", "tests.mail.servers"]

REFERENCE_TABLES = {"sectors", "pay_bands", "role_families", "job_roles", "places", "alembic_version"}


def database_url(tmp_dir: Path) -> str:
    """SQLite in the session's temporary folder, or a schema of its own in TEST_DATABASE_URL's
    PostgreSQL database, so that test runs side by side never share tables."""
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        return f"sqlite:///{tmp_dir / 'portal.db'}"
    schema = f"pytest_{os.getpid()}"
    _execute_once(url, f"DROP SCHEMA IF EXISTS {schema} CASCADE", f"CREATE SCHEMA {schema}")
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}options=-csearch_path%3D{schema}"


def _drop_test_schema(url: str) -> None:
    if "search_path%3D" in url:
        schema = url.rsplit("search_path%3D", 1)[1]
        _execute_once(url, f"DROP SCHEMA IF EXISTS {schema} CASCADE")


def _execute_once(url: str, *statements: str) -> None:
    engine = create_engine(url)
    with engine.begin() as connection:
        for statement in statements:
            connection.execute(text(statement))
    engine.dispose()


@pytest.fixture(scope="session")
def app(tmp_path_factory):
    root = tmp_path_factory.mktemp("portal")
    app = create_app({
        **{key: getattr(TestConfig, key) for key in dir(TestConfig) if key.isupper()},
        "SQLALCHEMY_DATABASE_URI": database_url(root),
        "SEARCH_INDEX_DIR": str(root / "search-index"),
        "INSTANCE_PATH": str(root / "instance"),
    })
    with app.app_context():
        db.create_all()
        from portal.locations.services import load_demo_places
        from portal.reference.services import load_reference_data

        load_reference_data()
        load_demo_places()
        db.session.commit()
    yield app
    with app.app_context():
        db.session.remove()
        db.drop_all()
        db.engine.dispose()
    _drop_test_schema(app.config["SQLALCHEMY_DATABASE_URI"])


@pytest.fixture(autouse=True)
def clean_state(request):
    """Tests hold no application context of their own, so each request gets a fresh session."""
    yield
    if "app" not in request.fixturenames:
        return
    app = request.getfixturevalue("app")
    with app.app_context():
        db.session.remove()
        with db.engine.begin() as connection:
            for table in reversed(db.metadata.sorted_tables):
                if table.name not in REFERENCE_TABLES:
                    connection.execute(table.delete())
        from portal.indexing.services import get_index

        get_index().close()
    shutil.rmtree(app.config["SEARCH_INDEX_DIR"], ignore_errors=True)
    shutil.rmtree(Path(app.instance_path) / "outbox", ignore_errors=True)
    shutil.rmtree(Path(app.instance_path) / "files", ignore_errors=True)
    limiter.reset()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def outbox(app):
    """The emails written so far, oldest first, as parsed messages."""
    from email import policy
    from email.parser import BytesParser

    def read():
        folder = Path(app.instance_path) / "outbox"
        return [
            BytesParser(policy=policy.default).parsebytes(path.read_bytes())
            for path in sorted(folder.glob("*.eml"))
        ] if folder.exists() else []

    return read
