"""The piagam as it is handed over, read back from the PDF: reprint numbers, a printed piagam
that no longer lists everything, many commitments, and the signature blocks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from reportlab.lib.units import mm

from bid_desktop.domain.amounts import rupiah, words
from bid_desktop.reports.piagam import PiagamData, PiagamLine, Signatory, write_piagam
from bid_desktop.services import exchange
from bid_desktop.services.events import current_event, update_event
from bid_desktop.services.exchange_piagam import issue_piagam
from tests.exchange_data import BANJAR_MANIS, CAMPANG, j3_db
from tests.pdf_read import find, fragments, page_text
from tests.unit.test_badges import decode_all

NOON = dt.datetime(2026, 11, 25, 12, 0)


@pytest.fixture
def jdb(tmp_path: Path):  # type: ignore[no-untyped-def]
    db = j3_db(tmp_path / "j3a.sqlite")
    yield db
    db.dispose()


def test_reprints_are_counted_not_prints(jdb, tmp_path: Path):
    out = tmp_path / "out"
    runs = []
    for n in range(3):
        with jdb.begin() as s:
            when = NOON + dt.timedelta(minutes=n)
            runs.append(issue_piagam(s, CAMPANG, out, reprint=n > 0, now=when))
    original, first_copy, second_copy = runs
    assert "SALINAN" not in page_text(fragments(original.path), 1)
    assert first_copy.path.name.endswith("-salinan-1.pdf")
    assert "SALINAN — cetak ulang ke-1," in page_text(fragments(first_copy.path), 1)
    # one original and one earlier reprint: this is reprint 2, in the PDF and the file name
    assert second_copy.path.name.endswith("-salinan-2.pdf")
    assert "SALINAN — cetak ulang ke-2, 25-11-2026 12:02, J3A" in page_text(
        fragments(second_copy.path), 1
    )


def test_commitment_added_after_printing_makes_the_piagam_stale(jdb, tmp_path: Path):
    out = tmp_path / "out"
    with jdb.begin() as s:
        event_id = current_event(s).id
        issue_piagam(s, CAMPANG, out, now=NOON)
        assert not exchange.piagam_state(s, event_id, CAMPANG).stale
    with jdb.begin() as s:
        card = exchange.CardCommitment(CAMPANG, "B05", 150_000_000, 2027)
        exchange.add_from_card(s, card)
        state = exchange.piagam_state(s, event_id, CAMPANG)
        assert state.stale and state.prints == 1
        assert not exchange.piagam_state(s, event_id, BANJAR_MANIS)  # never printed: no record
    with jdb.begin() as s:
        copy = issue_piagam(s, CAMPANG, out, reprint=True, now=NOON + dt.timedelta(hours=1))
        assert not exchange.piagam_state(s, event_id, CAMPANG).stale
    text = page_text(fragments(copy.path), 1)
    assert "SALINAN" in text and "B05" in text and "Jumlah (2 inovasi)" in text
    assert words(400_000_000) in text


def _many(count: int) -> PiagamData:
    lines = tuple(
        PiagamLine(
            f"A{i:02d}", f"Inovasi pelayanan desa nomor {i} berbasis digital", i * 12_345_000
        )
        for i in range(1, count + 1)
    )
    return PiagamData(
        "J3A-0007", "Banjar Manis", "Gisting", "Kabupaten Tanggamus", "BID Gisting 2026",
        dt.date(2026, 11, 25), "Aula", lines, (Signatory("Camat Gisting", "Budi"),),
    )  # fmt: skip


@pytest.mark.parametrize("count", [3, 22, 60])
def test_many_commitments_total_on_the_framed_page_rows_readable(tmp_path: Path, count: int):
    data = _many(count)
    pdf = write_piagam(tmp_path / "p.pdf", data)
    frags = fragments(pdf)
    first = page_text(frags, 1)
    # the framed page carries the count and the total in figures and words
    assert f"Jumlah ({count} inovasi)" in first
    assert rupiah(data.total) in first and words(data.total) in first
    jumlah = find(frags, f"Jumlah ({count} inovasi)", page=1)
    date = find(frags, "Gisting, 25 November 2026", page=1)
    assert jumlah.y > date.y + 10  # above the signature blocks, clear of them
    pages = max(f.page for f in frags)
    if count > 3:
        assert pages >= 2 and "inovasi lagi (nomor" in first
        assert "LAMPIRAN PIAGAM" in page_text(frags, 2)
    every = " ".join(page_text(frags, p) for p in range(1, pages + 1))
    for line in data.lines:
        assert f"{line.code} — {line.title}" in every and words(line.amount or 0) in every
    # every row in a readable size, on the framed page and on the lampiran
    assert min(f.size for f in frags) >= 9.0
    assert decode_all(pdf) == ["J3A-0007"] * pages


def test_signature_blocks_full_title_nip_place_and_date(jdb, tmp_path: Path):
    with jdb.begin() as s:
        signers = [
            {"title": "Camat", "name": "Drs. Ahmad Fauzi, M.Si", "nip": "196805121990031005"},
            {"title": "Ketua Panitia", "name": "Sri Handayani"},
            {"title": "Kepala Dinas PMD", "name": "Ir. Bambang", "nip": "19700101 199503 1 002"},
        ]
        update_event(s, current_event(s), signatories=signers)
        run = issue_piagam(s, BANJAR_MANIS, tmp_path / "out")
    frags = [f for f in fragments(run.path) if f.page == 1]
    text = page_text(frags, 1)
    assert "Camat Gisting" in text
    assert "Kepala Dinas PMD Kabupaten Tanggamus" in text
    assert "NIP. 19680512 199003 1 005" in text and "NIP. 19700101 199503 1 002" in text
    assert text.count("NIP.") == 2  # the Ketua Panitia has none: no empty NIP line
    date = find(frags, "Gisting, 25 November 2026")
    title = find(frags, "Kepala Dinas PMD")
    name, nip = find(frags, "Ir. Bambang"), find(frags, "NIP. 19700101")
    # place and date above the last signer's title, name under it, NIP under the name
    assert date.y > title.y > name.y > nip.y
    assert abs((date.x + 60) - (title.x + 60)) < 40 * mm  # same column
    assert date.x > find(frags, "Sri Handayani").x
    for other in ("Camat Gisting", "Ketua Panitia"):
        block = next(f for f in frags if f.text == other)
        above = [f for f in frags if f.text == "Mengetahui," and f.y > block.y]
        assert above and abs(above[0].y - date.y) < 1, other  # on the line of the date
    assert len([f for f in frags if f.text == "Mengetahui,"]) == 2


def test_a_usual_desa_fits_the_framed_page(tmp_path: Path):
    """Eight commitments of usual amounts: one page, no lampiran, readable type."""
    amounts = [150, 75, 1200, 225, 60, 175, 80, 110]
    lines = tuple(
        PiagamLine(f"A{i:02d}", "Sistem informasi desa terpadu berbasis aplikasi", a * 1_000_000)
        for i, a in enumerate(amounts, 1)
    )
    data = PiagamData(
        "J3A-0008", "Campang", "Gisting", "Kabupaten Tanggamus", "BID Gisting 2026",
        dt.date(2026, 11, 25), "Aula", lines, (Signatory("Camat Gisting", "Budi"),),
    )  # fmt: skip
    frags = fragments(write_piagam(tmp_path / "p.pdf", data))
    assert max(f.page for f in frags) == 1
    assert "Jumlah (8 inovasi)" in page_text(frags, 1)
    assert min(f.size for f in frags) >= 9.0
