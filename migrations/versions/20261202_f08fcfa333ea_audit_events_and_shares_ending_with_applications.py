"""audit events; passport shares made with an application end with it

Revision ID: f08fcfa333ea
Revises: 033890a7d558
Create Date: 2026-12-02 06:30:00

Shares made when applying already point at their application, so they are linked. Two kinds of
earlier share are ended here, as the new rule would have ended them (the holder was never offered
the choice to keep them, and can share again from the passport's sharing page):
- a live share whose application was withdrawn;
- a live share made when applying whose application has since been deleted by the retention purge.
  Its link is gone, so it is recognised by the passport history's "Shared with X when applying for
  a job" entry written in the same moment (within a minute of the share) for the same person and
  organisation. Shares that cannot be matched so are left as they are.
Each ended share gets a line in the holder's passport history saying why.

An organisation's review history starts with its last review as far as it is known: the single
``reviewed_at`` kept until now, as an approval (or a suspension, when it is suspended) by an unknown
administrator.
"""
from datetime import datetime, timedelta, timezone

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'f08fcfa333ea'
down_revision = '033890a7d558'
branch_labels = None
depends_on = None

MADE_WHEN_APPLYING = " when applying for a job"
SAME_MOMENT = timedelta(minutes=1)

shares = sa.table(
    'passport_shares',
    sa.column('id', sa.Integer), sa.column('holder_id', sa.Integer), sa.column('kind', sa.String),
    sa.column('organisation_id', sa.Integer), sa.column('application_id', sa.Integer), sa.column('label', sa.String),
    sa.column('created_at', sa.DateTime), sa.column('revoked_at', sa.DateTime), sa.column('end_reason', sa.String),
)
applications = sa.table('applications', sa.column('id', sa.Integer), sa.column('status', sa.String))
organisations = sa.table(
    'organisations', sa.column('id', sa.Integer), sa.column('status', sa.String), sa.column('reviewed_at', sa.DateTime),
)
audit_events = sa.table(
    'audit_events',
    sa.column('occurred_at', sa.DateTime), sa.column('action', sa.String), sa.column('outcome', sa.String),
    sa.column('actor_label', sa.String), sa.column('organisation_id', sa.Integer), sa.column('subject_type', sa.String),
    sa.column('subject_id', sa.Integer), sa.column('ip_address', sa.String), sa.column('detail', sa.JSON),
)
LAST_REVIEWS = {'approved': 'organisation_approved', 'suspended': 'organisation_suspended'}
passport_audit = sa.table(
    'passport_audit',
    sa.column('holder_id', sa.Integer), sa.column('organisation_id', sa.Integer), sa.column('action', sa.String),
    sa.column('detail', sa.Text), sa.column('at', sa.DateTime),
)


def upgrade():
    op.create_table('audit_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('occurred_at', sa.DateTime(), nullable=False),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('outcome', sa.String(length=20), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('actor_label', sa.String(length=254), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=True),
    sa.Column('subject_type', sa.String(length=40), nullable=False),
    sa.Column('subject_id', sa.Integer(), nullable=True),
    sa.Column('ip_address', sa.String(length=45), nullable=False),
    sa.Column('detail', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['users.id'], name=op.f('fk_audit_events_actor_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_audit_events_organisation_id_organisations'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_events'))
    )
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_events_action'), ['action'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_events_actor_id'), ['actor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_events_occurred_at'), ['occurred_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_events_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index('ix_audit_events_subject', ['subject_type', 'subject_id'], unique=False)

    with op.batch_alter_table('passport_shares', schema=None) as batch_op:
        batch_op.add_column(sa.Column('keep_after_application', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('end_reason', sa.String(length=30), nullable=True))
        batch_op.create_index(batch_op.f('ix_passport_shares_application_id'), ['application_id'], unique=False)

    _end_shares_of_ended_applications(op.get_bind())
    _start_review_histories(op.get_bind())


def _start_review_histories(connection) -> None:
    reviewed = connection.execute(
        sa.select(organisations.c.id, organisations.c.status, organisations.c.reviewed_at)
        .where(organisations.c.reviewed_at.is_not(None), organisations.c.status.in_(list(LAST_REVIEWS)))
    ).all()
    if reviewed:
        connection.execute(audit_events.insert(), [
            {"occurred_at": organisation.reviewed_at, "action": LAST_REVIEWS[organisation.status], "outcome": "succeeded",
             "actor_label": "an administrator, before the audit trail began", "organisation_id": organisation.id,
             "subject_type": "Organisation", "subject_id": organisation.id, "ip_address": "", "detail": {}}
            for organisation in reviewed
        ])


def _end_shares_of_ended_applications(connection) -> None:
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    withdrawn = connection.execute(
        sa.select(shares.c.id, shares.c.holder_id, shares.c.organisation_id, shares.c.label)
        .join(applications, applications.c.id == shares.c.application_id)
        .where(shares.c.revoked_at.is_(None), applications.c.status == 'withdrawn')
    ).all()
    _end(connection, withdrawn, 'application_withdrawn', 'your application was withdrawn', now)

    made_when_applying = connection.execute(
        sa.select(passport_audit.c.holder_id, passport_audit.c.organisation_id, passport_audit.c.at)
        .where(passport_audit.c.action == 'share_created', passport_audit.c.detail.like(f'%{MADE_WHEN_APPLYING}'))
    ).all()
    unlinked = connection.execute(
        sa.select(shares.c.id, shares.c.holder_id, shares.c.organisation_id, shares.c.label, shares.c.created_at)
        .where(shares.c.revoked_at.is_(None), shares.c.application_id.is_(None), shares.c.kind == 'organisation')
    ).all()
    purged = [
        share for share in unlinked
        if any(entry.holder_id == share.holder_id and entry.organisation_id == share.organisation_id
               and abs(entry.at - share.created_at) <= SAME_MOMENT for entry in made_when_applying)
    ]
    _end(connection, purged, 'application_deleted', 'your application was deleted', now)


def _end(connection, ended, reason: str, because: str, now: datetime) -> None:
    for share in ended:
        connection.execute(shares.update().where(shares.c.id == share.id).values(revoked_at=now, end_reason=reason))
        connection.execute(passport_audit.insert().values(
            holder_id=share.holder_id, organisation_id=share.organisation_id, action='share_ended',
            detail=f'Sharing with {share.label} ended because {because}', at=now,
        ))


def downgrade():
    with op.batch_alter_table('passport_shares', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_passport_shares_application_id'))
        batch_op.drop_column('end_reason')
        batch_op.drop_column('keep_after_application')

    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_events_subject')
        batch_op.drop_index(batch_op.f('ix_audit_events_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_audit_events_occurred_at'))
        batch_op.drop_index(batch_op.f('ix_audit_events_actor_id'))
        batch_op.drop_index(batch_op.f('ix_audit_events_action'))

    op.drop_table('audit_events')
