"""i16: piagam prints record what they listed (stale piagam warning); invitee confirmation

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Versions captured before this revision lack the new key; a merge rebuilds rows from the
# payload, so they get the column's default too.
_PAYLOADS = """
UPDATE version SET payload = json_set(payload, '$.{column}', {value})
WHERE entity = '{entity}' AND json_type(payload, '$.{column}') IS NULL
"""


def upgrade() -> None:
    with op.batch_alter_table("piagam_print", schema=None) as batch_op:
        batch_op.add_column(sa.Column("listed", sa.Text(), nullable=False, server_default=""))
    op.execute(_PAYLOADS.format(entity="piagam_print", column="listed", value="''"))
    with op.batch_alter_table("participant", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("confirmation", sa.String(length=12), nullable=False, server_default="belum")
        )
        batch_op.add_column(
            sa.Column("confirmed_by", sa.String(length=120), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("confirmed_at", sa.DateTime(), nullable=True))
    for column, value in (("confirmation", "'belum'"), ("confirmed_by", "''")):
        op.execute(_PAYLOADS.format(entity="participant", column=column, value=value))
    op.execute(
        "UPDATE version SET payload = json_set(payload, '$.confirmed_at', json('null')) "
        "WHERE entity = 'participant' AND json_type(payload, '$.confirmed_at') IS NULL"
    )


def downgrade() -> None:
    with op.batch_alter_table("participant", schema=None) as batch_op:
        batch_op.drop_column("confirmed_at")
        batch_op.drop_column("confirmed_by")
        batch_op.drop_column("confirmation")
    with op.batch_alter_table("piagam_print", schema=None) as batch_op:
        batch_op.drop_column("listed")
