"""The event report as a province reader reads it: chart labels that were shortened say so,
the guests explain the gap between the event and the desa totals, every Kartu Ide is listed
with its verification status."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bid_desktop.domain import ids
from bid_desktop.reports.report import fit_label
from bid_desktop.services.followup import VerificationForm, verify_idea
from bid_desktop.services.report import event_summary, write_report
from bid_desktop.storage.models import Innovation
from tests import recap_data
from tests.pdf_read import fragments, page_text

LONG = "Sistem Informasi Desa Terpadu Berbasis Aplikasi Android untuk Pelayanan Warga"


@pytest.fixture
def data(db):  # type: ignore[no-untyped-def]
    built = recap_data.build(db)
    with db.begin() as s:
        s.get(Innovation, ids.innovation_id(built.event_id, "C03")).title = LONG
        verify_idea(
            s, built.idea_ids[0], VerificationForm(feasible=True), today=dt.date(2026, 12, 1)
        )
    return built


def _text(pdf: Path) -> str:
    frags = fragments(pdf)
    return " ".join(page_text(frags, p) for p in range(1, max(f.page for f in frags) + 1))


def test_report_explains_guests_lists_ideas_and_marks_cut_labels(db, data, tmp_path: Path):
    with db.begin() as s:
        summary = event_summary(s)
        pdf = write_report(s, tmp_path / "laporan.pdf").path
    text = _text(pdf)
    # 11 registered: 8 from desa, 3 guests; 9 arrived: 7 + 2
    assert (summary.guests_registered, summary.guests_arrived) == (3, 2)
    assert "Peserta terdaftar (desa + tamu) 11 (8 + 3)" in text
    assert "Peserta hadir (desa + tamu) 9 (7 + 2)" in text
    assert "Tamu undangan (TIK, P2KTD, Camat dan tim, lembaga, media) tidak termasuk: " in text
    assert "3 terdaftar, 2 hadir" in text
    # the long title is shortened on the chart with an ellipsis, whole in the table
    shortened = fit_label(f"C03 {LONG}")
    assert shortened.endswith("…") and shortened in text and LONG in text
    assert "Kartu Ide (2)" in text
    assert "Bank Sampah Keliling" in text and "layak" in text
    assert "-Kolam Lele Bioflok" in text and "belum diverifikasi" in text


def test_fit_label_keeps_short_labels_and_marks_cut_ones():
    assert fit_label("Banjar Manis") == "Banjar Manis"
    cut = fit_label("Gisting " * 20)
    assert cut.endswith("…") and len(cut) < 60
