"""Piagam PDFs read back: desa, every commitment with its terbilang, the serial in the text and
the Code128 decoded by zxing-cpp to that serial; reprints are SALINAN and logged; the CLI."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader
from sqlalchemy import select

from bid_desktop.cli import run
from bid_desktop.domain.amounts import rupiah, words
from bid_desktop.reports.piagam import PiagamData, PiagamLine, Signatory, write_piagam
from bid_desktop.services import exchange
from bid_desktop.services.events import current_event, update_event
from bid_desktop.services.exchange_piagam import AlreadyPrinted, issue_piagam
from bid_desktop.storage.models import AuditEntry, Innovation, Piagam, PiagamPrint
from tests.exchange_data import BANJAR_MANIS, CAMPANG, GISTING_PERMAI, STAMPS, j3_db
from tests.unit.test_badges import decode_all, pdf_text


@pytest.fixture
def jdb(tmp_path: Path):  # type: ignore[no-untyped-def]
    db = j3_db(tmp_path / "j3a.sqlite")
    yield db
    db.dispose()


def flat(pdf: Path) -> str:
    return " ".join(pdf_text(pdf).split())


def titles(db) -> dict[str, str]:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        return {c: t for c, t in s.execute(select(Innovation.code, Innovation.title))}


def assert_piagam(pdf: Path, desa: str, serial: str, lines: list[tuple[str, str, int]]) -> None:
    text = flat(pdf)
    assert f"Pemerintah Desa {desa}" in text
    assert f"Nomor: {serial}" in text and f"No. {serial}" in text
    for code, title, amount in lines:
        assert f"{code} — {title}" in text, code
        assert rupiah(amount) in text and words(amount) in text, (code, words(amount))
    total = sum(amount for _c, _t, amount in lines)
    assert f"Jumlah ({len(lines)} inovasi)" in text and words(total) in text
    assert decode_all(pdf) == [serial]


def test_piagam_lists_every_commitment_in_figures_and_words(jdb, tmp_path: Path):
    with jdb.begin() as s:
        event = current_event(s)
        signers = [
            {"title": "Camat Gisting", "name": "Drs. Ahmad Fauzi"},
            {"title": "Ketua Panitia", "name": "Sri Handayani"},
            {"title": "Kepala Dinas PMD", "name": ""},
        ]
        update_event(s, event, signatories=signers)
        run_ = issue_piagam(s, BANJAR_MANIS, tmp_path / "out")
    assert run_.serial == "J3A-0001" and not run_.is_copy and run_.commitments == 3
    names = titles(jdb)
    lines = [(c, names[c], a) for d, c, a, _y in STAMPS if d == BANJAR_MANIS]
    assert_piagam(run_.path, "Banjar Manis", "J3A-0001", lines)
    text = flat(run_.path)
    assert "seratus lima puluh juta rupiah" in text
    assert "Bursa Inovasi Desa Kecamatan Gisting" in text and "Kecamatan Gisting" in text
    assert "Rabu, 25 November 2026" in text and "Gisting, 25 November 2026" in text
    assert "Camat Gisting" in text and "Drs. Ahmad Fauzi" in text and "Sri Handayani" in text
    assert "Kepala Dinas PMD" in text and "SALINAN" not in text
    page = PdfReader(str(run_.path)).pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)  # landscape
    with jdb.begin() as s:
        piagam = s.get(Piagam, exchange.ensure_piagam(s, event.id, BANJAR_MANIS).id)
        assert piagam.first_printed_at is not None and piagam.station == "J3A"
        prints = s.scalars(select(PiagamPrint)).all()
        assert [(p.piagam_id, p.is_copy, p.station) for p in prints] == [(piagam.id, False, "J3A")]


def test_reprint_is_salinan_logged_and_keeps_the_serial(jdb, tmp_path: Path):
    out = tmp_path / "out"
    with jdb.begin() as s:
        first = issue_piagam(s, CAMPANG, out, now=dt.datetime(2026, 11, 25, 13, 0))
    with pytest.raises(AlreadyPrinted, match="SALINAN"), jdb.begin() as s:
        issue_piagam(s, CAMPANG, out)
    with jdb.begin() as s:
        copy = issue_piagam(s, CAMPANG, out, reprint=True, now=dt.datetime(2026, 11, 25, 14, 3))
    assert copy.is_copy and copy.serial == first.serial and copy.path != first.path
    assert "SALINAN" not in flat(first.path)
    text = flat(copy.path)
    assert "SALINAN — cetak ulang ke-1, 25-11-2026 14:03, J3A" in text
    assert_piagam(copy.path, "Campang", first.serial, [("A03", titles(jdb)["A03"], 250_000_000)])
    with jdb.begin() as s:
        prints = s.scalars(select(PiagamPrint).order_by(PiagamPrint.printed_at)).all()
        assert [p.is_copy for p in prints] == [False, True]
        actions = s.scalars(
            select(AuditEntry.action).where(AuditEntry.action.like("piagam.%"))
        ).all()
        assert sorted(actions) == ["piagam.print", "piagam.reprint"]


def test_desa_without_commitments_gets_no_piagam(jdb, tmp_path: Path):
    with pytest.raises(Exception, match="belum punya komitmen"), jdb.begin() as s:
        issue_piagam(s, GISTING_PERMAI, tmp_path)
    assert not list(tmp_path.glob("*.pdf"))


def test_many_commitments_continue_on_a_lampiran_page(tmp_path: Path):
    lines = tuple(
        PiagamLine(
            f"X{i:02d}", f"Inovasi nomor {i} dengan judul agak panjang", i * 12_345_000, 2027
        )
        for i in range(1, 41)
    )
    data = PiagamData(
        "J3B-0042", "Way Ilahan", "Gisting", "Kabupaten Tanggamus", "BID Gisting",
        dt.date(2026, 11, 25), "Aula", lines, (Signatory("Camat", "Budi"),),
    )  # fmt: skip
    out = write_piagam(tmp_path / "long.pdf", data)
    pages = PdfReader(str(out)).pages
    assert len(pages) >= 2 and "LAMPIRAN PIAGAM" in pages[1].extract_text()
    text = flat(out)
    for line in lines:
        assert f"{line.code} — {line.title}" in text and words(line.amount or 0) in text
    assert "Jumlah (40 inovasi)" in text and words(data.total) in text
    doc = pdfium.PdfDocument(str(out))
    assert len(doc) == len(pages)
    doc.close()
    assert decode_all(out) == ["J3B-0042"] * len(pages)


def test_cli_piagam_for_all_one_and_unknown_desa(jdb, tmp_path: Path, capsys):
    jdb.dispose()
    out = tmp_path / "piagam"
    args = ["piagam", "--db", str(jdb.path), "--out", str(out)]
    assert run(args) == 0
    files = sorted(out.glob("*.pdf"))
    assert len(files) == 2  # Banjar Manis and Campang have commitments
    serials = {decode_all(f)[0]: f for f in files}
    assert set(serials) == {"J3A-0001", "J3A-0002"}
    names = titles(jdb)
    for serial, path in serials.items():
        desa = "Banjar Manis" if "banjar" in path.name else "Campang"
        code = BANJAR_MANIS if desa == "Banjar Manis" else CAMPANG
        lines = [(c, names[c], a) for d, c, a, _y in STAMPS if d == code]
        assert_piagam(path, desa, serial, lines)
    printed = capsys.readouterr().out
    assert "2 piagam (0 salinan)" in printed
    assert run([*args, "--desa", CAMPANG]) == 0
    copies = sorted(out.glob("*salinan*.pdf"))
    assert len(copies) == 1 and "SALINAN" in flat(copies[0]) and "Campang" in flat(copies[0])
    assert run([*args, "--desa", "18.06.20.9999"]) == 3
    assert "18.06.20.9999" in capsys.readouterr().err
    assert run([*args, "--desa", GISTING_PERMAI]) == 3
    assert len(list(out.glob("*.pdf"))) == 3  # nothing written by refused runs
    # the code as offices write it, without dots: the same desa (a second copy)
    assert run([*args, "--desa", CAMPANG.replace(".", "")]) == 0
    assert len(sorted(out.glob("*salinan*.pdf"))) == 2
