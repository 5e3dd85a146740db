"""saved quiz results: the same answers once per person

Revision ID: 4a7d2e9b1c53
Revises: ce1d79f9ccf5
Create Date: 2026-12-02 12:30:00

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '4a7d2e9b1c53'
down_revision = 'ce1d79f9ccf5'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('saved_quiz_results', schema=None) as batch_op:
        batch_op.create_unique_constraint(batch_op.f('uq_saved_quiz_results_user_id'), ['user_id', 'answers'])


def downgrade():
    with op.batch_alter_table('saved_quiz_results', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_saved_quiz_results_user_id'), type_='unique')
