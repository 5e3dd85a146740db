"""withdraw verifications a holder made of their own records, and revoke their credentials

Revision ID: 5e1f0c9a7b3d
Revises: f08fcfa333ea
Create Date: 2026-12-02 06:10:00

Nobody may vouch for their own training. Before that rule, a trainer listing a job at their own
organisation could verify their own records; those verifications are withdrawn here, as the
organisation withdrawing them would: the record stays, unverified, and its credentials are revoked
so that anyone checking one is told why.
"""
from datetime import datetime, timezone

import sqlalchemy as sa
from alembic import op

revision = '5e1f0c9a7b3d'
down_revision = 'f08fcfa333ea'
branch_labels = None
depends_on = None

REASON = "Verified by its own holder"

records = sa.table(
    'training_records', sa.column('id', sa.Integer), sa.column('holder_id', sa.Integer),
    sa.column('verified_by_user_id', sa.Integer), sa.column('verified_by_organisation_id', sa.Integer),
    sa.column('verified_at', sa.DateTime),
)
credentials = sa.table(
    'passport_credentials', sa.column('record_id', sa.Integer), sa.column('revoked_at', sa.DateTime),
    sa.column('revocation_reason', sa.String),
)
audit = sa.table(
    'passport_audit', sa.column('holder_id', sa.Integer), sa.column('record_id', sa.Integer),
    sa.column('action', sa.String), sa.column('detail', sa.Text), sa.column('at', sa.DateTime),
)


def upgrade():
    connection = op.get_bind()
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    self_verified = list(connection.execute(
        sa.select(records.c.id, records.c.holder_id).where(records.c.verified_by_user_id == records.c.holder_id)
    ))
    for record_id, holder_id in self_verified:
        connection.execute(credentials.update().where(
            credentials.c.record_id == record_id, credentials.c.revoked_at.is_(None),
        ).values(revoked_at=now, revocation_reason=REASON))
        connection.execute(records.update().where(records.c.id == record_id).values(
            verified_by_user_id=None, verified_by_organisation_id=None, verified_at=None,
        ))
        connection.execute(audit.insert().values(
            holder_id=holder_id, record_id=record_id, action="verification_withdrawn",
            detail="Verification withdrawn: nobody may verify their own training", at=now,
        ))


def downgrade():
    # Withdrawn verifications are not restored: they should never have been made.
    pass
