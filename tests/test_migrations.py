"""The migrations build the whole schema from empty, and it matches the models."""
import os
import uuid

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import upgrade
from sqlalchemy import create_engine, text

from portal import create_app
from portal.extensions import db


@pytest.fixture
def empty_database_url(tmp_path):
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        yield f"sqlite:///{tmp_path / 'migrated.db'}"
        return
    schema = f"migrations_{uuid.uuid4().hex[:8]}"
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    separator = "&" if "?" in url else "?"
    yield f"{url}{separator}options=-csearch_path%3D{schema}"
    with engine.begin() as connection:
        connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    engine.dispose()


def test_migrations_create_the_schema_the_models_describe(empty_database_url, tmp_path):
    app = create_app({
        "SQLALCHEMY_DATABASE_URI": empty_database_url,
        "SEARCH_INDEX_DIR": str(tmp_path / "index"),
        "INSTANCE_PATH": str(tmp_path / "instance"),
    })
    with app.app_context():
        upgrade()
        with db.engine.connect() as connection:
            differences = compare_metadata(
                MigrationContext.configure(connection, opts={"compare_type": True}), db.metadata
            )
        db.engine.dispose()
    assert differences == []


def test_the_migration_withdraws_verifications_holders_made_of_their_own_records(tmp_path):
    """Records verified before the rule: the holder's own verification goes and its credential is
    revoked; a colleague's stays."""
    # Always a SQLite database of its own, whichever database the suite runs on.
    migrated = create_app({
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'migrated.db'}",
        "SEARCH_INDEX_DIR": str(tmp_path / "index"), "INSTANCE_PATH": str(tmp_path / "instance"),
    })
    with migrated.app_context():
        upgrade(revision="b990be500948")
        with db.engine.begin() as connection:
            connection.execute(text(
                "INSERT INTO sectors (code, name, position, is_nhs) VALUES ('home_care', 'Home care', 1, 0)"))
            connection.execute(text(
                "INSERT INTO organisations (id, name, slug, sector_code, about, status, created_at) "
                "VALUES (1, 'Quorn Care', 'quorn-care', 'home_care', '', 'approved', '2026-11-01')"))
            for user_id in (1, 2):
                connection.execute(text(
                    "INSERT INTO users (id, email, full_name, password_hash, organisation_id, is_active_account, created_at) "
                    f"VALUES ({user_id}, 'person{user_id}@example.org', 'Person', 'x', 1, 1, '2026-11-01')"))
            connection.execute(text(
                "INSERT INTO competences (code, category, title, description, expiry_entered, is_active, position) "
                "VALUES ('fire_safety', 'core_skills', 'Fire safety', '', 0, 1, 1)"))
            for record_id, verifier in ((1, 1), (2, 2)):
                connection.execute(text(
                    "INSERT INTO training_records (id, holder_id, competence_code, completed_on, provider, method, "
                    "reference, verified_by_organisation_id, verified_by_user_id, verified_at, created_at, updated_at) "
                    f"VALUES ({record_id}, 1, 'fire_safety', '2026-10-01', '', 'workplace', '', 1, {verifier}, "
                    "'2026-10-02', '2026-10-01', '2026-10-01')"))
                connection.execute(text(
                    "INSERT INTO passport_credentials (id, record_id, issued_at, revocation_reason) "
                    f"VALUES ('credential-{record_id}', {record_id}, '2026-10-02', '')"))
        upgrade()
        with db.engine.connect() as connection:
            verified = dict(connection.execute(text("SELECT id, verified_by_user_id FROM training_records")).all())
            revoked = dict(connection.execute(text("SELECT id, revocation_reason FROM passport_credentials")).all())
        db.engine.dispose()
    assert verified == {1: None, 2: 2}
    assert revoked == {"credential-1": "Verified by its own holder", "credential-2": ""}
