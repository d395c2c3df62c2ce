"""Exactly once: submission keys, one invitation per result and rater, indexes for purge

Revision ID: a3f1c9e2d7b4
Revises: c887ddddc9b0
Create Date: 2026-11-23 09:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'a3f1c9e2d7b4'
down_revision = 'c887ddddc9b0'
branch_labels = None
depends_on = None


def upgrade():
    # Before the unique constraint: two clicks at once may have made two invitations for the
    # same result and rater. Keep one per pair: the one that was answered, else the oldest.
    op.execute(
        """
        DELETE FROM invitations WHERE id IN (
            SELECT i.id FROM invitations i
            WHERE EXISTS (
                SELECT 1 FROM invitations k
                WHERE k.from_id = i.from_id AND k.perspective = i.perspective AND k.id <> i.id
                  AND ((k.answer_id IS NOT NULL AND i.answer_id IS NULL)
                       OR ((k.answer_id IS NULL) = (i.answer_id IS NULL) AND k.id < i.id))
            )
        )
        """
    )
    with op.batch_alter_table('responses', schema=None) as batch_op:
        batch_op.add_column(sa.Column('submission_key', sa.String(length=64), nullable=True))
        batch_op.create_index(batch_op.f('ix_responses_submission_key'), ['submission_key'], unique=True)
        batch_op.create_index(batch_op.f('ix_responses_created'), ['created'], unique=False)

    with op.batch_alter_table('invitations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_invitations_from_id'), ['from_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_invitations_answer_id'), ['answer_id'], unique=False)
        batch_op.create_unique_constraint('uq_invitations_from_perspective', ['from_id', 'perspective'])


def downgrade():
    with op.batch_alter_table('invitations', schema=None) as batch_op:
        batch_op.drop_constraint('uq_invitations_from_perspective', type_='unique')
        batch_op.drop_index(batch_op.f('ix_invitations_answer_id'))
        batch_op.drop_index(batch_op.f('ix_invitations_from_id'))

    with op.batch_alter_table('responses', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_responses_created'))
        batch_op.drop_index(batch_op.f('ix_responses_submission_key'))
        batch_op.drop_column('submission_key')
