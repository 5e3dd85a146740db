"""logos in the storage layer: organisations.logo_id, and the files in instance/logos moved there

Revision ID: 3b8d5f2c6a1e
Revises: 7c4e2a91d0b6
Create Date: 2026-12-02 09:20:00

A logo was a file in this machine's instance/logos folder, named by organisations.logo_filename, so
with several machines a logo uploaded on one was missing on the others. Each logo is now a stored file
(purpose "logo") in the configured storage, local or S3, which every machine shares. Run this upgrade on
the machine that holds instance/logos: each logo found there is copied into the storage; one that is not
there is logged and its organisation is left without a logo. The old folder is left as it was and may
be deleted once the upgrade has committed.
"""
import logging
import re
import uuid
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

import sqlalchemy as sa
from alembic import op
from flask import current_app

revision = '3b8d5f2c6a1e'
down_revision = '7c4e2a91d0b6'
branch_labels = None
depends_on = None

log = logging.getLogger('alembic.runtime.migration')

OLD_FILENAME = re.compile(r'^([0-9a-f]{32})\.(png|jpg)$')
CONTENT_TYPES = {'png': 'image/png', 'jpg': 'image/jpeg', 'webp': 'image/webp'}

organisations = sa.table(
    'organisations', sa.column('id', sa.Integer), sa.column('logo_filename', sa.String),
    sa.column('logo_id', sa.Integer),
)
stored_files = sa.table(
    'stored_files', sa.column('id', sa.Integer), sa.column('key', sa.String), sa.column('owner_id', sa.Integer),
    sa.column('purpose', sa.String), sa.column('filename', sa.String), sa.column('content_type', sa.String),
    sa.column('size', sa.Integer), sa.column('created_at', sa.DateTime),
)


def _logo_folder() -> Path:
    return Path(current_app.instance_path) / 'logos'


def _storage():
    return current_app.extensions['storage']


def upgrade():
    with _foreign_keys_unchecked_on_sqlite():
        with op.batch_alter_table('organisations', schema=None) as batch_op:
            batch_op.add_column(sa.Column('logo_id', sa.Integer(), nullable=True))
            batch_op.create_foreign_key(
                batch_op.f('fk_organisations_logo_id_stored_files'), 'stored_files', ['logo_id'], ['id'],
                ondelete='SET NULL',
            )
        _move_logos_into_storage(op.get_bind())
        with op.batch_alter_table('organisations', schema=None) as batch_op:
            batch_op.drop_column('logo_filename')


@contextmanager
def _foreign_keys_unchecked_on_sqlite():
    """SQLite changes these columns by copying organisations into a new table and dropping the old one. With
    foreign keys checked, dropping it would first delete its rows, and by cascade every site and invitation;
    so they are unchecked for this step (which works only before it writes anything: SQLite runs each
    migration in a transaction of its own), checked by hand at the end, and checked again afterwards."""
    connection = op.get_bind()
    if connection.dialect.name != 'sqlite':
        yield
        return
    connection.exec_driver_sql('PRAGMA foreign_keys=OFF')
    if connection.exec_driver_sql('PRAGMA foreign_keys').scalar():
        raise RuntimeError('SQLite would not turn foreign key checks off, so organisations cannot be recreated safely')
    # The pragma takes effect only outside a transaction: back on when the connection is handed back.
    sa.event.listen(connection.engine, 'checkin', _check_foreign_keys_again, once=True)
    yield
    problems = connection.exec_driver_sql('PRAGMA foreign_key_check').all()
    if problems:
        raise RuntimeError(f'Foreign keys broken while recreating organisations: {problems}')


def _check_foreign_keys_again(dbapi_connection, _record) -> None:
    dbapi_connection.execute('PRAGMA foreign_keys=ON')


def _move_logos_into_storage(connection) -> None:
    with_logos = connection.execute(
        sa.select(organisations.c.id, organisations.c.logo_filename).where(organisations.c.logo_filename.is_not(None))
    ).all()
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    for organisation_id, filename in with_logos:
        match = OLD_FILENAME.match(filename)
        path = _logo_folder() / filename if match else None
        if path is None or not path.is_file():
            log.warning('Organisation %s: its logo %r is not in %s; it is left without one',
                        organisation_id, filename, _logo_folder())
            continue
        data = path.read_bytes()
        extension = match.group(2)
        key = f'logo/{uuid.uuid4().hex}'
        _storage().put(key, data, CONTENT_TYPES[extension])
        connection.execute(stored_files.insert().values(
            key=key, owner_id=None, purpose='logo', filename=f'logo.{extension}',
            content_type=CONTENT_TYPES[extension], size=len(data), created_at=now,
        ))
        stored_id = connection.scalar(sa.select(stored_files.c.id).where(stored_files.c.key == key))
        connection.execute(organisations.update().where(organisations.c.id == organisation_id).values(logo_id=stored_id))


def downgrade():
    with _foreign_keys_unchecked_on_sqlite():
        with op.batch_alter_table('organisations', schema=None) as batch_op:
            batch_op.add_column(sa.Column('logo_filename', sa.String(length=80), nullable=True))
        _move_logos_back_to_the_folder(op.get_bind())
        with op.batch_alter_table('organisations', schema=None) as batch_op:
            batch_op.drop_constraint(batch_op.f('fk_organisations_logo_id_stored_files'), type_='foreignkey')
            batch_op.drop_column('logo_id')


def _move_logos_back_to_the_folder(connection) -> None:
    """Each logo written back to instance/logos; its stored file's row goes, and the orphan sweep removes
    the object."""
    with_logos = connection.execute(
        sa.select(organisations.c.id, stored_files.c.id, stored_files.c.key, stored_files.c.filename)
        .join(stored_files, stored_files.c.id == organisations.c.logo_id)
    ).all()
    for organisation_id, stored_id, key, stored_name in with_logos:
        extension = 'jpg' if stored_name.endswith('.jpg') else 'png'
        filename = f'{uuid.uuid4().hex}.{extension}'
        try:
            data = _storage().get(key)
        except FileNotFoundError:
            filename = None
        else:
            _logo_folder().mkdir(parents=True, exist_ok=True)
            (_logo_folder() / filename).write_bytes(data)
        connection.execute(organisations.update().where(organisations.c.id == organisation_id).values(
            logo_filename=filename, logo_id=None,
        ))
        connection.execute(stored_files.delete().where(stored_files.c.id == stored_id))
