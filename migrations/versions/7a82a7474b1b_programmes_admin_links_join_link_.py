"""Programmes: admin links, join link, consent per role, shared results, the coordinator's results, SWOT

Revision ID: 7a82a7474b1b
Revises: d5b8e41c7a20
Create Date: 2026-11-22 18:19:34.890739

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '7a82a7474b1b'
down_revision = 'd5b8e41c7a20'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('programmes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('sending', sa.String(length=120), nullable=True),
    sa.Column('receiving', sa.String(length=120), nullable=True),
    sa.Column('languages', sa.JSON(), nullable=False),
    sa.Column('start_on', sa.Date(), nullable=False),
    sa.Column('middle_on', sa.Date(), nullable=False),
    sa.Column('end_on', sa.Date(), nullable=False),
    sa.Column('min_group', sa.Integer(), nullable=False),
    sa.Column('join_token', sa.String(length=64), nullable=True),
    sa.Column('secret', sa.String(length=64), nullable=False),
    sa.Column('submission_key', sa.String(length=64), nullable=True),
    sa.Column('created', sa.DateTime(timezone=True), nullable=False),
    sa.Column('swot_strengths', sa.Text(), nullable=False),
    sa.Column('swot_weaknesses', sa.Text(), nullable=False),
    sa.Column('swot_opportunities', sa.Text(), nullable=False),
    sa.Column('swot_threats', sa.Text(), nullable=False),
    sa.Column('swot_revision', sa.Integer(), nullable=False),
    sa.Column('swot_saved', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('programmes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_programmes_created'), ['created'], unique=False)
        batch_op.create_index(batch_op.f('ix_programmes_join_token'), ['join_token'], unique=True)
        batch_op.create_index(batch_op.f('ix_programmes_submission_key'), ['submission_key'], unique=True)

    op.create_table('admin_links',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('label', sa.String(length=60), nullable=False),
    sa.Column('token', sa.String(length=64), nullable=False),
    sa.Column('created', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revoked', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['programme_id'], ['programmes.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('admin_links', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_admin_links_programme_id'), ['programme_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_admin_links_token'), ['token'], unique=True)

    op.create_table('programme_results',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('response_id', sa.Integer(), nullable=False),
    sa.Column('admin_link_id', sa.Integer(), nullable=True),
    sa.Column('created', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['admin_link_id'], ['admin_links.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['programme_id'], ['programmes.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['response_id'], ['responses.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('response_id')
    )
    with op.batch_alter_table('programme_results', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_programme_results_programme_id'), ['programme_id'], unique=False)

    with op.batch_alter_table('internship_results', schema=None) as batch_op:
        batch_op.add_column(sa.Column('shared', sa.DateTime(timezone=True), nullable=True))

    with op.batch_alter_table('internships', schema=None) as batch_op:
        batch_op.add_column(sa.Column('programme_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('label', sa.String(length=60), nullable=True))
        batch_op.add_column(sa.Column('trainee_agreed', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('mentor_agreed', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('submission_key', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('trainee_decision', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('mentor_decision', sa.String(length=64), nullable=True))
        batch_op.create_index(batch_op.f('ix_internships_mentor_decision'), ['mentor_decision'], unique=True)
        batch_op.create_index(batch_op.f('ix_internships_programme_id'), ['programme_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_internships_submission_key'), ['submission_key'], unique=True)
        batch_op.create_index(batch_op.f('ix_internships_trainee_decision'), ['trainee_decision'], unique=True)
        batch_op.create_foreign_key('fk_internships_programme_id', 'programmes', ['programme_id'], ['id'], ondelete='SET NULL')



def downgrade():
    with op.batch_alter_table('internships', schema=None) as batch_op:
        batch_op.drop_constraint('fk_internships_programme_id', type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_internships_trainee_decision'))
        batch_op.drop_index(batch_op.f('ix_internships_submission_key'))
        batch_op.drop_index(batch_op.f('ix_internships_programme_id'))
        batch_op.drop_index(batch_op.f('ix_internships_mentor_decision'))
        batch_op.drop_column('mentor_decision')
        batch_op.drop_column('trainee_decision')
        batch_op.drop_column('submission_key')
        batch_op.drop_column('mentor_agreed')
        batch_op.drop_column('trainee_agreed')
        batch_op.drop_column('label')
        batch_op.drop_column('programme_id')

    with op.batch_alter_table('internship_results', schema=None) as batch_op:
        batch_op.drop_column('shared')

    with op.batch_alter_table('programme_results', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_programme_results_programme_id'))

    op.drop_table('programme_results')
    with op.batch_alter_table('admin_links', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_admin_links_token'))
        batch_op.drop_index(batch_op.f('ix_admin_links_programme_id'))

    op.drop_table('admin_links')
    with op.batch_alter_table('programmes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_programmes_submission_key'))
        batch_op.drop_index(batch_op.f('ix_programmes_join_token'))
        batch_op.drop_index(batch_op.f('ix_programmes_created'))

    op.drop_table('programmes')
