"""TA database: many events (event_key) and the indexes lists need at "all events"

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_INDEXES = (
    ("desa", "ix_desa_event_code", ["event_id", "code"]),
    ("idea", "ix_idea_event_desa", ["event_id", "desa_code"]),
    ("piagam", "ix_piagam_event_desa", ["event_id", "desa_code"]),
)


def upgrade() -> None:
    op.create_table(
        "event_key",
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.Column("package_key", sa.LargeBinary(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_event_key")),
    )
    for table, name, columns in _INDEXES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.create_index(name, columns, unique=False)


def downgrade() -> None:
    for table, name, _columns in _INDEXES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(name)
    op.drop_table("event_key")
