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


def test_the_migration_moves_logos_from_the_instance_folder_into_the_storage_and_back(tmp_path):
    """A logo found in instance/logos becomes a stored file; one that is missing leaves its organisation
    without a logo. Downgrading writes each logo back to the folder."""
    from flask_migrate import downgrade

    from portal.storage import get_storage
    from tests.storage.samples import IMAGE_JPEG, IMAGE_PNG

    instance = tmp_path / "instance"
    migrated = create_app({
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'migrated.db'}",
        "SEARCH_INDEX_DIR": str(tmp_path / "index"), "INSTANCE_PATH": str(instance),
    })
    (instance / "logos").mkdir(parents=True)
    (instance / "logos" / f"{'a' * 32}.png").write_bytes(IMAGE_PNG)
    (instance / "logos" / f"{'b' * 32}.jpg").write_bytes(IMAGE_JPEG)
    logos = {1: f"{'a' * 32}.png", 2: f"{'b' * 32}.jpg", 3: f"{'c' * 32}.png", 4: "../secret-key", 5: None}
    with migrated.app_context():
        upgrade(revision="7c4e2a91d0b6")
        with db.engine.begin() as connection:
            connection.execute(text(
                "INSERT INTO sectors (code, name, position, is_nhs) VALUES ('home_care', 'Home care', 1, 0)"))
            for organisation_id, filename in logos.items():
                connection.execute(text(
                    "INSERT INTO organisations (id, name, slug, sector_code, about, status, created_at, logo_filename) "
                    f"VALUES ({organisation_id}, 'Care {organisation_id}', 'care-{organisation_id}', 'home_care', '', "
                    "'approved', '2026-11-01', :filename)"), {"filename": filename})
            connection.execute(text(
                "INSERT INTO sites (id, organisation_id, name, town, postcode) VALUES (1, 1, 'Head office', 'Oakham', 'LE15 6AA')"))
            connection.execute(text(
                "INSERT INTO users (id, email, full_name, password_hash, organisation_id, is_active_account, created_at) "
                "VALUES (1, 'sam@example.org', 'Sam', 'x', 1, 1, '2026-11-01')"))

        def kept_in_place():
            with db.engine.connect() as connection:
                return (connection.execute(text("SELECT organisation_id FROM sites")).scalars().all(),
                        connection.execute(text("SELECT organisation_id FROM users")).scalars().all(),
                        connection.exec_driver_sql("PRAGMA foreign_keys").scalar())

        upgrade()
        # SQLite recreates the table: its sites and members stay, and foreign keys are checked again after.
        assert kept_in_place() == ([1], [1], 1)
        with db.engine.connect() as connection:
            moved = connection.execute(text(
                "SELECT organisations.id, stored_files.key, stored_files.purpose, stored_files.content_type, "
                "stored_files.size, stored_files.owner_id FROM organisations "
                "JOIN stored_files ON stored_files.id = organisations.logo_id ORDER BY organisations.id")).all()
            without = connection.execute(text("SELECT id FROM organisations WHERE logo_id IS NULL ORDER BY id")).scalars().all()
        assert [(row.id, row.purpose, row.content_type, row.size, row.owner_id) for row in moved] == [
            (1, "logo", "image/png", len(IMAGE_PNG), None), (2, "logo", "image/jpeg", len(IMAGE_JPEG), None),
        ]
        assert without == [3, 4, 5]
        storage = get_storage()
        assert storage.get(moved[0].key) == IMAGE_PNG and storage.get(moved[1].key) == IMAGE_JPEG

        downgrade(revision="7c4e2a91d0b6")
        with db.engine.connect() as connection:
            restored = dict(connection.execute(text("SELECT id, logo_filename FROM organisations")).all())
            stored_rows = connection.execute(text("SELECT count(*) FROM stored_files")).scalar()
        assert kept_in_place() == ([1], [1], 1)
        db.engine.dispose()
    assert (instance / "logos" / restored[1]).read_bytes() == IMAGE_PNG
    assert (instance / "logos" / restored[2]).read_bytes() == IMAGE_JPEG
    assert [restored[n] for n in (3, 4, 5)] == [None, None, None]
    assert stored_rows == 0
