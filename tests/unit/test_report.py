"""The event report: figures aggregated in SQL, the PDF read back with pypdf."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest

from bid_desktop import cli
from bid_desktop.services.report import event_summary, write_report
from tests import recap_data


@pytest.fixture
def data(db):  # type: ignore[no-untyped-def]
    return recap_data.build(db)


def test_event_summary(db, data) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        summary = event_summary(s)
    assert (summary.registered, summary.arrived) == (11, 9)
    assert (summary.woman_reps_arrived, summary.other_women_arrived) == (3, 1)
    assert (summary.commitments, summary.amount, summary.ideas) == (5, 450_000_000, 2)
    assert [(f.bursa, f.commitments, f.amount) for f in summary.bursa] == [
        ("A", 2, 275_000_000),
        ("B", 2, 135_000_000),
        ("C", 1, 40_000_000),
    ]
    assert [(i.code, i.ratings, i.mean) for i in summary.top_innovations] == [
        ("C03", 3, 4.33),
        ("A01", 4, 4.25),
        ("B02", 2, 2.5),
    ]
    assert (summary.ratings, summary.mean_rating) == (9, 3.89)
    assert (summary.desa_arrived, summary.desa_with_woman, summary.desa_committed) == (4, 3, 3)
    assert [d.name for d in summary.desa_by_amount()] == [
        "Campang",
        "Banjar Manis",
        "Gisting Bawah",
    ]
    assert summary.followup["belum dihubungi"] == 5


def _text(path: Path) -> str:
    reader = pypdf.PdfReader(str(path))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_report_pdf_read_back(db, data, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        result = write_report(s, tmp_path / "laporan.pdf")
    text = _text(result.path)
    assert result.pages == len(pypdf.PdfReader(str(result.path)).pages) >= 2
    for expected in [
        "Laporan Bursa Inovasi Desa",
        "Bursa Inovasi Desa Kecamatan Gisting",
        "Rabu, 25 November 2026",
        "Ringkasan",
        "Rp450.000.000",  # total of the five live commitments
        "Rp komitmen per bursa",
        "Rp komitmen per desa",
        "Rata-rata nilai",
        "Peserta hadir per desa",
        "Perwakilan perempuan desa (hadir)",
        "Desa dengan perwakilan perempuan hadir: 3 dari 9 (33%)",
        "Rekap per desa",
        "Sistem Air Bersih Desa",
        "4,25",
        "Banjar Manis",
        "Rp190.000.000",
        "Halaman 1",
    ]:
        assert expected in text, expected


def test_cli_report(db, data, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "r" / "laporan.pdf"
    assert cli.run(["report", "--db", str(db.path), "--out", str(out)]) == 0
    assert "laporan ditulis" in capsys.readouterr().out
    assert "Laporan Bursa Inovasi Desa" in _text(out)
