"""Rules about participants: search text, Kepala Desa detection, phone numbers."""

from __future__ import annotations

import re

from bid_desktop.domain.text import fold, search_key

_KEPALA_DESA = re.compile(
    r"\b(kepala desa|kades|pj kepala desa|plt kepala desa|kepala kampung|kakam|peratin|kepala pekon)\b"
)


def participant_search_text(
    name: str, number: str, desa_name: str = "", institution: str = "", jabatan: str = ""
) -> str:
    """What the registration search box matches (stored in ``Participant.search``)."""
    return search_key(" ".join([number, name, desa_name, institution, jabatan]))


def is_kepala_desa(jabatan: str) -> bool:
    return bool(_KEPALA_DESA.search(fold(jabatan)))


def normalize_phone(text: str) -> str:
    """'0812 3456 7890' → '+6281234567890'; empty stays empty; invalid raises ValueError."""
    text = (text or "").strip()
    if not text:
        return ""
    from lokal import parse_phone  # lokal takes ~130 ms to import: not at start-up

    info = parse_phone(text)
    if not info.valid or not info.e164:
        raise ValueError(f"nomor HP '{text}' tidak sah")
    return info.e164


def parse_yes_no(text: object) -> bool | None:
    """Ya/Tidak cells: Ya, Y, 1, true → True; Tidak, T, N, 0, false → False; blank → None."""
    value = fold(str(text if text is not None else ""))
    if value in {"", "none"}:
        return None
    if value in {"ya", "y", "1", "true", "benar", "yes"}:
        return True
    if value in {"tidak", "t", "n", "0", "false", "no", "tdk", "bukan"}:
        return False
    raise ValueError(f"'{text}' bukan Ya/Tidak")


def parse_gender(text: object) -> str:
    value = fold(str(text or ""))
    if value in {"", "none"}:
        return ""
    if value in {"l", "laki laki", "pria", "lk"}:
        return "L"
    if value in {"p", "perempuan", "wanita", "pr"}:
        return "P"
    raise ValueError(f"'{text}' bukan L/P")
