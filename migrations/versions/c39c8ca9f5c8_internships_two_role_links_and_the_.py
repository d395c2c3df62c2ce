"""Internships: two role links and the results that belong to them

Revision ID: c39c8ca9f5c8
Revises: a3f1c9e2d7b4
Create Date: 2026-11-22 17:27:41.245162

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c39c8ca9f5c8'
down_revision = 'a3f1c9e2d7b4'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('internships',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('trainee_token', sa.String(length=64), nullable=False),
    sa.Column('mentor_token', sa.String(length=64), nullable=False),
    sa.Column('trainee_name', sa.String(length=60), nullable=True),
    sa.Column('mentor_name', sa.String(length=60), nullable=True),
    sa.Column('company', sa.String(length=120), nullable=True),
    sa.Column('starts', sa.Date(), nullable=True),
    sa.Column('ends', sa.Date(), nullable=True),
    sa.Column('trainee_opened', sa.DateTime(timezone=True), nullable=True),
    sa.Column('mentor_opened', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('internships', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_internships_created'), ['created'], unique=False)
        batch_op.create_index(batch_op.f('ix_internships_mentor_token'), ['mentor_token'], unique=True)
        batch_op.create_index(batch_op.f('ix_internships_trainee_token'), ['trainee_token'], unique=True)

    op.create_table('internship_results',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('internship_id', sa.Integer(), nullable=False),
    sa.Column('response_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('created', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['internship_id'], ['internships.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['response_id'], ['responses.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('response_id')
    )
    with op.batch_alter_table('internship_results', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_internship_results_internship_id'), ['internship_id'], unique=False)



def downgrade():
    with op.batch_alter_table('internship_results', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_internship_results_internship_id'))

    op.drop_table('internship_results')
    with op.batch_alter_table('internships', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_internships_trainee_token'))
        batch_op.drop_index(batch_op.f('ix_internships_mentor_token'))
        batch_op.drop_index(batch_op.f('ix_internships_created'))

    op.drop_table('internships')
