"""What a payload value may be: the rules of the forms, as SQL over a staged file (law 8).

A package from a laptop that holds the key is still input. Every payload column is checked
against its model column: type (text, whole number, true/false, date, time), length, range
(amounts, years, scores), identifiers shaped as UUIDs (an ``event_id`` as a JSON number would
otherwise slip past the event check). Tombstones of the event itself or of an audit entry are
refused: neither may ever be deleted. References (a commitment's desa and innovation, a
rating's participant and innovation) are checked by ``apply`` against the merged database.

Each rule is a SQL condition TRUE for a bad value, named by its column, so a refusal says which
field of which version is wrong; all of them run in the one scan of ``validate._check_rows``.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Date, DateTime, Integer, String, Text

from bid_desktop.domain.amounts import MAX_AMOUNT
from bid_desktop.storage.models import SYNCED_MODELS

# The same bounds the forms use (services/commitments.py, services/bursa_floor.py; a test
# keeps them equal: sync must not import services).
MIN_YEAR, MAX_YEAR = 2020, 2040
RANGES: dict[tuple[str, str], tuple[int, int]] = {
    ("commitment", "amount"): (0, MAX_AMOUNT),
    ("commitment", "planned_year"): (MIN_YEAR, MAX_YEAR),
    ("innovation", "cost_estimate"): (0, MAX_AMOUNT),
    ("rating", "score"): (1, 5),
    ("consultation_table", "number"): (0, 9999),
}
TEXT_MAX = 64 * 1024  # a Text column (notes, lists); photos are bounded by the payload size
UNBOUNDED = {("photo", "data_b64")}
NEVER_DELETED = ("event", "audit_entry")
BLANK_IDS = {("audit_entry", "record_id")}
_D = "[0-9]"
DATE_GLOB = f"{_D * 4}-{_D * 2}-{_D * 2}"
TIME_GLOB = f"{DATE_GLOB} {_D * 2}:{_D * 2}:{_D * 2}*"
# (entity, column) → (target entity, target column): checked against the merged database
REFERENCES = {
    ("commitment", "desa_code"): ("desa", "code"),
    ("commitment", "innovation_id"): ("innovation", "id"),
    ("rating", "participant_id"): ("participant", "id"),
    ("rating", "innovation_id"): ("innovation", "id"),
}


def _type_rule(entity: str, name: str, uuid_glob: str) -> str | None:
    """SQL template TRUE when the value ``{v}`` (JSON type ``{t}``) does not fit the column."""
    kind = SYNCED_MODELS[entity].__table__.columns[name].type
    if isinstance(kind, Boolean):
        return "NOT ({t} IN ('true', 'false') OR ({t} = 'integer' AND {v} IN (0, 1)))"
    if isinstance(kind, Integer | BigInteger):
        lo, hi = RANGES.get((entity, name), (-(2**53), 2**53))
        return f"{{t}} <> 'integer' OR {{v}} NOT BETWEEN {lo} AND {hi}"
    if isinstance(kind, DateTime):
        return f"{{t}} <> 'text' OR length({{v}}) > 32 OR {{v}} NOT GLOB '{TIME_GLOB}'"
    if isinstance(kind, Date):
        return f"{{t}} <> 'text' OR {{v}} NOT GLOB '{DATE_GLOB}'"
    if isinstance(kind, String | Text):
        length = getattr(kind, "length", None)
        rule = "{t} <> 'text'"
        if (entity, name) not in UNBOUNDED:
            rule += f" OR length({{v}}) > {length or TEXT_MAX}"
        if name.endswith("_id") and length == 36:
            # an audit entry about no record in particular (a refused PIN) names none: ''
            blank_ok = "{v} <> '' AND " if (entity, name) in BLANK_IDS else ""
            rule += f" OR ({blank_ok}{{v}} NOT GLOB '{uuid_glob}')"
        return rule
    return None


def column_rules(entity: str, uuid_glob: str) -> list[tuple[str, str]]:
    """(column, SQL TRUE for a bad value) of every payload column of ``entity``, over one row
    ``j`` of ``json_each(payload)`` (a key that is absent takes the column default)."""
    out = []
    for col in SYNCED_MODELS[entity].__table__.columns:
        rule = None if col.name == "id" else _type_rule(entity, col.name, uuid_glob)
        if rule is None:
            continue
        # null is allowed where the column may be empty (or has a default to take)
        empty = "j.type = 'null'" if col.nullable or col.default is not None else "0"
        out.append((col.name, f"NOT ({empty}) AND ({rule.format(t='j.type', v='j.value')})"))
    return out


def payload_case(uuid_glob: str, entities: list[str] | None = None) -> str:
    """SQL: '<entity>.<column>' of the first bad value of a version row (``entity``,
    ``payload``, ``deleted``), or NULL. One pass over the payload's keys (``json_each``);
    tombstones of what may never be deleted are named too."""
    whens = []
    for entity in SYNCED_MODELS if entities is None else entities:
        cases = " ".join(
            f"WHEN '{name}' THEN {cond}" for name, cond in column_rules(entity, uuid_glob)
        )
        check = (
            f"(SELECT '{entity}.' || j.key FROM json_each(payload) j "
            f"WHERE CASE j.key {cases} ELSE 0 END LIMIT 1)"
        )
        if entity in NEVER_DELETED:
            check = f"CASE WHEN deleted THEN '{entity}: tidak boleh dihapus' ELSE {check} END"
        whens.append(f"WHEN '{entity}' THEN {check}")
    return f"CASE entity {' '.join(whens)} END"
