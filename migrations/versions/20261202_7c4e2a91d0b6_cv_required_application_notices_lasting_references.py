"""a vacancy says whether a CV is needed; recruiters are emailed about new applications; application
references are never given out twice

Revision ID: 7c4e2a91d0b6
Revises: 5e1f0c9a7b3d
Create Date: 2026-12-02 07:00:00

Existing vacancies for school and college leavers or needing no experience stop asking for a CV, as
new ones do unless the employer chooses otherwise; every other vacancy keeps asking for one.

On SQLite the applications table is rebuilt with AUTOINCREMENT, so the id (and the reference A-0001
built from it) of a deleted last application is not given to the next one. PostgreSQL sequences
never reuse a value, so nothing changes there.
"""
import sqlalchemy as sa
from alembic import op

revision = '7c4e2a91d0b6'
down_revision = '5e1f0c9a7b3d'
branch_labels = None
depends_on = None

vacancies = sa.table(
    'vacancies', sa.column('cv_required', sa.Boolean), sa.column('school_leavers', sa.Boolean),
    sa.column('no_experience', sa.Boolean),
)


def upgrade():
    with op.batch_alter_table('vacancies', schema=None) as batch_op:
        batch_op.add_column(sa.Column('cv_required', sa.Boolean(), nullable=False, server_default=sa.true()))
    op.execute(
        vacancies.update()
        .where(sa.or_(vacancies.c.school_leavers == sa.true(), vacancies.c.no_experience == sa.true()))
        .values(cv_required=False)
    )

    if op.get_bind().dialect.name == 'sqlite':
        with op.batch_alter_table(
            'applications', schema=None, recreate='always', table_kwargs={'sqlite_autoincrement': True},
        ):
            pass

    op.create_table('application_email_settings',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('choice', sa.String(length=10), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_application_email_settings_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', name=op.f('pk_application_email_settings'))
    )
    op.create_table('application_notices',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('recipient_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('sent_at', sa.DateTime(), nullable=True),
    sa.Column('claim', sa.String(length=32), nullable=True),
    sa.Column('claimed_until', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_application_notices_application_id_applications'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['recipient_id'], ['users.id'], name=op.f('fk_application_notices_recipient_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_application_notices')),
    sa.UniqueConstraint('application_id', 'recipient_id', name='uq_application_notices_once')
    )
    with op.batch_alter_table('application_notices', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_application_notices_application_id'), ['application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_application_notices_recipient_id'), ['recipient_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_application_notices_sent_at'), ['sent_at'], unique=False)


def downgrade():
    with op.batch_alter_table('application_notices', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_application_notices_sent_at'))
        batch_op.drop_index(batch_op.f('ix_application_notices_recipient_id'))
        batch_op.drop_index(batch_op.f('ix_application_notices_application_id'))
    op.drop_table('application_notices')
    op.drop_table('application_email_settings')
    # The applications table keeps AUTOINCREMENT: giving references out again is never wanted.
    with op.batch_alter_table('vacancies', schema=None) as batch_op:
        batch_op.drop_column('cv_required')
