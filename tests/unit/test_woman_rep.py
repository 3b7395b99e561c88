"""One definition of *perwakilan perempuan* everywhere: the desa's designated woman
representative who attended. A woman who walks in without being designated, and a designated
one who stays home, are not counted: the registration desk, the recap (Rekap Desa and
Kehadiran, read back with openpyxl), the dashboard figures and the report PDF all agree."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from bid_desktop.reports import recap_layout as L
from bid_desktop.services import counters
from bid_desktop.services.events import current_event
from bid_desktop.services.recap import write_recap
from bid_desktop.services.registration_forms import ParticipantForm, register_walkin
from bid_desktop.services.report import event_summary, write_report
from tests import recap_data
from tests.pdf_read import fragments, page_text
from tests.registration_data import add_invitees

KUTA_DALOM, GISTING_BAWAH = "18.06.20.2003", "18.06.20.2005"


@pytest.fixture
def data(db):  # type: ignore[no-untyped-def]
    built = recap_data.build(db)
    # designated for Gisting Bawah, did not come
    add_invitees(db, [("Ani Suryani", "Ketua PKK", "P", GISTING_BAWAH, "Peserta Utama", "", True)])
    with db.begin() as s:  # a woman of Kuta Dalom walks in, not the designated one
        event_id = current_event(s).id
        register_walkin(s, event_id, ParticipantForm(name="Rina", gender="P", desa_code=KUTA_DALOM))
    return built


def test_every_count_is_the_designated_woman_who_attended(db, data, tmp_path: Path):
    with db.begin() as s:
        desk = counters.registration_counters(s, current_event(s).id)
        summary = event_summary(s)
        recap = write_recap(s, tmp_path / "rekap.xlsx").path
        report = write_report(s, tmp_path / "laporan.pdf").path
    # desa whose designated woman attended: Banjar Manis, Campang, Landbaw (2004)
    indicator = 3
    assert len(desk.desa) - len(desk.desa_without_woman) == indicator
    kuta = next(d for d in desk.desa if d.code == KUTA_DALOM)
    assert (kuta.woman_rep_arrived, kuta.other_women_arrived) == (0, 1)
    assert summary.desa_with_woman == indicator and summary.woman_reps_arrived == indicator
    assert summary.other_women_arrived == 2  # Rina and a TIK guest
    wb = load_workbook(recap)
    rows = [list(r) for r in wb[L.DESA_SHEET].iter_rows(values_only=True)]
    head, body, total = rows[0], rows[1:-1], rows[-1]
    rep, other = head.index("Perwakilan Perempuan"), head.index("Perempuan Lain Hadir")
    assert sum(1 for r in body if r[rep] == "Ya") == total[rep] == indicator
    by_code = {r[head.index("Kode Desa")]: r for r in body}
    assert (by_code[KUTA_DALOM][rep], by_code[KUTA_DALOM][other]) == ("Tidak", 1)
    assert by_code[GISTING_BAWAH][rep] == "Tidak"
    people = [list(r) for r in wb[L.ATTENDANCE_SHEET].iter_rows(values_only=True)]
    col = people[0].index("Perwakilan Perempuan")
    assert people[-1][col] == indicator  # Kehadiran's total: the same indicator
    ani = next(r for r in people if r[2] == "Ani Suryani")
    assert ani[col] == "Ya (tidak hadir)"
    frags = fragments(report)
    text = " ".join(page_text(frags, p) for p in range(1, max(f.page for f in frags) + 1))
    assert f"Desa dengan perwakilan perempuan hadir: {indicator} dari {len(desk.desa)}" in text
    assert "Perempuan lain yang hadir: 2 orang" in text
