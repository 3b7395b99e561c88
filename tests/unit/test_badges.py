"""Badge PDFs read back: text by pypdf, every barcode rendered (pypdfium2) and decoded by an
independent decoder (zxing-cpp) to a participant number that exists."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import zxingcpp
from pypdf import PdfReader
from sqlalchemy import select

from bid_desktop.cli import run
from bid_desktop.services import registration_badges as badges
from bid_desktop.services.events import current_event
from bid_desktop.services.registration_forms import ParticipantForm, register_walkin
from bid_desktop.storage.models import Participant
from tests.registration_data import add_invitees

LONG_NAME = "Raden Ayu Siti Nurhaliza Kusumawardhani Prawirodirdjo Binti Haji Abdullah"


def decode_all(pdf: Path, dpi: int = 300) -> list[str]:
    # 300 dpi, as a laser printer prints: rendered at 200 dpi, anti-aliased 0.25 mm bars gave
    # 3 misreads in 300 random badge numbers (0 at 300 dpi), a rendering artefact.
    doc = pdfium.PdfDocument(str(pdf))
    found: list[str] = []
    for page in doc:
        image = page.render(scale=dpi / 72).to_pil()
        found += [r.text for r in zxingcpp.read_barcodes(image) if r.format.name == "Code128"]
    doc.close()
    return found


def pdf_text(pdf: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(pdf)).pages)


def _numbers_in_db(db) -> set[str]:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        return set(s.scalars(select(Participant.number)))


def _with_walkins(db) -> None:  # type: ignore[no-untyped-def]
    add_invitees(db)
    with db.begin() as s:
        ev = current_event(s).id
        register_walkin(s, ev, ParticipantForm(name=LONG_NAME, desa_code="18.06.20.2009"))
        register_walkin(s, ev, ParticipantForm(name="Yohanes", category="Undangan"))


def test_sheet_of_all_badges_reads_back(db, tmp_path: Path):
    _with_walkins(db)
    out = tmp_path / "badges.pdf"
    with db.begin() as s:
        run_ = badges.print_badges(s, out, badges.ALL)
    assert run_.count == 12
    assert len(PdfReader(str(out)).pages) == 2  # ten per A4 sheet
    text = " ".join(pdf_text(out).split())
    with db.begin() as s:
        people = s.execute(select(Participant.name, Participant.number)).all()
    for name, number in people:
        if name != LONG_NAME:
            assert name in text, name
        assert number in text
    for word in LONG_NAME.split()[:4]:  # the long name wraps over two lines
        assert word in text
    assert "Desa Gisting Permai, Kec. Gisting" in text and "UNDANGAN · MEDIA" in text
    decoded = decode_all(out)
    assert len(decoded) == 12
    assert set(decoded) == set(run_.numbers) == _numbers_in_db(db)


def test_single_badges_for_chosen_numbers_and_unprinted(db, tmp_path: Path):
    numbers = add_invitees(db)
    chosen = [numbers["Suyanto"], numbers["Dewi Lestari"]]
    out = tmp_path / "two.pdf"
    with db.begin() as s:
        badges.print_badges(s, out, numbers=chosen, layout="single")
    pages = PdfReader(str(out)).pages
    assert len(pages) == 2 and float(pages[0].mediabox.width) < 300  # badge-size pages
    assert decode_all(out, dpi=300) == chosen
    rest = tmp_path / "rest.pdf"
    with db.begin() as s:
        run_ = badges.print_badges(s, rest, badges.UNPRINTED)
    assert sorted(decode_all(rest)) == sorted(set(numbers.values()) - set(chosen))
    with db.begin() as s:
        ev = current_event(s).id
        assert badges.select_badges(s, ev, badges.UNPRINTED) == []
        walkin = register_walkin(s, ev, ParticipantForm(name="Ani", desa_code="18.06.20.2003"))
        assert [r.number for r in badges.select_badges(s, ev, badges.UNPRINTED)] == [
            walkin["number"]
        ]
        assert badges.printed_count(s, walkin["id"]) == 0
    assert run_.count == 8


def test_cli_badges_and_unknown_number_exit_3(db, tmp_path: Path, capsys):
    numbers = add_invitees(db)
    db.dispose()
    out = tmp_path / "cli.pdf"
    args = ["badges", "--db", str(db.path), "--out", str(out)]
    assert run([*args, "--participant", numbers["Siti Aminah"]]) == 0
    assert decode_all(out) == [numbers["Siti Aminah"]]
    assert "Siti Aminah" in pdf_text(out)
    before = out.stat().st_mtime_ns
    code = run([*args, "--participant", numbers["Suyanto"], "--participant", "U9999999"])
    assert code == 3
    assert "U9999999" in capsys.readouterr().err
    assert out.stat().st_mtime_ns == before  # nothing written


def test_thousand_badges_make_a_hundred_sheets(tmp_path: Path):
    """1,000 badges: 100 A4 sheets in order; a sample page decodes to its ten numbers."""
    from bid_desktop.reports.badges import BadgeData, write_badges

    items = [BadgeData(f"U{i:07d}", f"Peserta {i}", "Kepala Desa", "Desa X") for i in range(1000)]
    out = tmp_path / "many.pdf"
    assert write_badges(out, items, "Acara") == 1000
    doc = pdfium.PdfDocument(str(out))
    assert len(doc) == 100
    image = doc[57].render(scale=200 / 72).to_pil()
    assert sorted(r.text for r in zxingcpp.read_barcodes(image)) == [
        f"U{i:07d}" for i in range(570, 580)
    ]
