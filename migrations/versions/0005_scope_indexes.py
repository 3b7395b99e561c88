"""Lists at "all events": the desa index covers the names the lists sort by; partial
indexes find a page's Kepala Desa and facilitators

Every follow-up, idea and participant row finds its desa by (event_id, code) and the lists
sort by kecamatan and desa name: with the names in the index, the probe needs no second
lookup in the desa table. The follow-up list's contacts (Kepala Desa, PD/PLD) of a page's
desa are a few people among every participant of their events (issue 13, P6 at 200 events).

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_OLD = ("ix_desa_event_code", ["event_id", "code"])
_NEW = ("ix_desa_event_code_names", ["event_id", "code", "kecamatan_name", "name"])
# the same text as storage.models (KEPALA_DESA, FACILITATOR_JABATAN) at this revision
_PARTIAL = (
    ("ix_participant_kepala_desa", "is_kepala_desa IS 1"),
    (
        "ix_participant_facilitator",
        "lower(jabatan) LIKE '%pendamping%' OR trim(lower(jabatan)) IN ('pd', 'pld')",
    ),
)


def upgrade() -> None:
    with op.batch_alter_table("desa", schema=None) as batch_op:
        batch_op.drop_index(_OLD[0])
        batch_op.create_index(_NEW[0], _NEW[1], unique=False)
    for name, where in _PARTIAL:
        op.create_index(
            name, "participant", ["event_id", "desa_code"], sqlite_where=sa.text(where)
        )


def downgrade() -> None:
    for name, _where in _PARTIAL:
        op.drop_index(name, table_name="participant")
    with op.batch_alter_table("desa", schema=None) as batch_op:
        batch_op.drop_index(_NEW[0])
        batch_op.create_index(_OLD[0], _OLD[1], unique=False)
