"""What a table is asked before a stamp is saved, so nothing is overwritten or mistyped
silently: changing a commitment that already exists (perhaps from another table), an amount
outside a plausible range, an innovation of another bursa.

Each check raises ``StampQuestion`` (a ``UserError`` with its ``kind``); the table answers it
and stamps again with that kind in ``confirmed``. The plausible range is relative to the
innovation's estimated cost in the menu (``RELATIVE``× either way) and absolute, per event
(``amount_band``: a replicated ``Setting``, the committee's to change).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from bid_desktop.domain import amounts, ids
from bid_desktop.services.audit import audit
from bid_desktop.services.errors import UserError
from bid_desktop.storage.models import Commitment, Innovation, Setting

CHANGE, AMOUNT, BURSA = "change", "amount", "bursa"
BAND_KEY = "amount_band"
DEFAULT_BAND = (1_000_000, 2_000_000_000)  # Rp 1 juta – Rp 2 miliar: a year of Dana Desa
RELATIVE = 10  # an amount 10× the menu's estimated cost, or a tenth of it, is asked about


class StampQuestion(UserError):
    """Stamp only once the table has answered yes to this."""

    def __init__(self, kind: str, text: str) -> None:
        super().__init__(text)
        self.kind = kind


# --- the absolute band, per event ----------------------------------------------------------


def _band_id(event_id: str) -> str:
    return ids.natural_id("setting", event_id, BAND_KEY)


def amount_band(session: Session, event_id: str) -> tuple[int, int]:
    setting = session.get(Setting, _band_id(event_id))
    if setting is None or ":" not in setting.value:
        return DEFAULT_BAND
    low, _, high = setting.value.partition(":")
    return (int(low), int(high)) if low.isdigit() and high.isdigit() else DEFAULT_BAND


def set_amount_band(session: Session, event_id: str, low: int, high: int) -> tuple[int, int]:
    if not 0 < low < high:
        raise UserError("Batas jumlah wajar: batas bawah harus lebih kecil dari batas atas")
    sid, value = _band_id(event_id), f"{low}:{high}"
    setting = session.get(Setting, sid)
    before = setting.value if setting is not None else None
    if setting is None:
        setting = Setting(id=sid, event_id=event_id, key=BAND_KEY, value=value)
        session.add(setting)
    setting.value = value
    if before != value:
        audit(session, "event.amount_band", "setting", sid, before=before, after=value)
    session.flush()
    return low, high


# --- the questions -------------------------------------------------------------------------


def check_stamp(
    session: Session,
    event_id: str,
    table_bursa: str,
    desa_name: str,
    innovation: Innovation,
    existing: Commitment | None,
    stamp: tuple[int, int | None, str],
    confirmed: frozenset[str],
) -> None:
    """Raise the first question not yet answered (``stamp``: amount, year, notes)."""
    amount = stamp[0]
    reason = implausible(session, event_id, innovation, amount)
    if reason and AMOUNT not in confirmed:
        raise ask_amount(reason, amount)
    if table_bursa and innovation.bursa != table_bursa and BURSA not in confirmed:
        raise ask_bursa(innovation, table_bursa)
    if changes(existing, *stamp) and CHANGE not in confirmed:
        raise ask_change(existing, desa_name, amount)  # type: ignore[arg-type]


def implausible(session: Session, event_id: str, innovation: Innovation, amount: int) -> str:
    """Why ``amount`` is not plausible for this innovation, or '' when it is."""
    low, high = amount_band(session, event_id)
    if amount < low:
        return f"kurang dari {amounts.rupiah(low)}"
    if amount > high:
        return f"lebih dari {amounts.rupiah(high)}"
    cost = innovation.cost_estimate
    if cost and amount > cost * RELATIVE:
        return f"lebih dari {RELATIVE}× biaya di menu ({amounts.rupiah(cost)})"
    if cost and amount * RELATIVE < cost:
        return f"kurang dari 1/{RELATIVE} biaya di menu ({amounts.rupiah(cost)})"
    return ""


def ask_amount(reason: str, amount: int) -> StampQuestion:
    return StampQuestion(
        AMOUNT,
        f"Jumlah {amounts.rupiah(amount)} ({amounts.words(amount)}) tidak wajar: {reason}. "
        "Benar jumlah ini yang ditulis di kartu?",
    )


def ask_bursa(innovation: Innovation, table_bursa: str) -> StampQuestion:
    return StampQuestion(
        BURSA,
        f"{innovation.code} adalah inovasi Bursa {innovation.bursa}, sedangkan meja ini di "
        f"Bursa {table_bursa}. Tetap dicap di meja ini?",
    )


def ask_change(existing: Commitment, desa_name: str, amount: int) -> StampQuestion:
    where = f"Meja {existing.table_code}" if existing.table_code else f"{existing.source}"
    when = _when(existing.stamped_at)
    return StampQuestion(
        CHANGE,
        f"Desa {desa_name} sudah berkomitmen {existing.innovation_code} "
        f"{amounts.rupiah(existing.amount)} tahun {existing.planned_year or '-'}, dicap di "
        f"{where} {when}. Ganti dengan {amounts.rupiah(amount)} dari meja ini?",
    )


def _when(at: dt.datetime | None) -> str:
    return f"pukul {at:%H.%M} tanggal {at:%d-%m-%Y}" if at is not None else ""


def changes(existing: Commitment | None, amount: int, year: int | None, notes: str) -> bool:
    """A live commitment that this stamp would change (the same values again change nothing)."""
    if existing is None or existing.voided:
        return False
    return (existing.amount, existing.planned_year, existing.notes or "") != (
        amount,
        year,
        notes,
    )
