"""Lists at "all events": the desa index covers the names the lists sort by

Every follow-up, idea and participant row finds its desa by (event_id, code) and the lists
sort by kecamatan and desa name: with the names in the index, the probe needs no second
lookup in the desa table (issue 13, P6 at 200 events).

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_OLD = ("ix_desa_event_code", ["event_id", "code"])
_NEW = ("ix_desa_event_code_names", ["event_id", "code", "kecamatan_name", "name"])


def upgrade() -> None:
    with op.batch_alter_table("desa", schema=None) as batch_op:
        batch_op.drop_index(_OLD[0])
        batch_op.create_index(_NEW[0], _NEW[1], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("desa", schema=None) as batch_op:
        batch_op.drop_index(_NEW[0])
        batch_op.create_index(_OLD[0], _OLD[1], unique=False)
