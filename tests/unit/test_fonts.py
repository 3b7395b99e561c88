"""Every PDF embeds a Unicode font: names outside Latin-1 print (read back from the PDF), those
the font still cannot print are reported by badge number, long texts end in "…"."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from bid_desktop.cli import run
from bid_desktop.reports import fonts
from bid_desktop.reports.badges import BadgeData, write_badges
from bid_desktop.reports.piagam import PiagamData, PiagamLine, Signatory, write_piagam
from bid_desktop.services import registration_badges as badges
from bid_desktop.services.events import current_event
from bid_desktop.services.registration_forms import ParticipantForm, register_walkin
from bid_desktop.storage.models import Participant

VIETNAMESE = "Nguyễn Thị Ánh Tuyết"
OTHERS = "Ξανθή Παπαδοπούλου · Жанна Ковальчук · Łukasz Żółć"
LONG_JABATAN = (
    "Ketua Tim Penggerak Pemberdayaan dan Kesejahteraan Keluarga Desa Banjar Manis "
    "Kecamatan Gisting Kabupaten Tanggamus Provinsi Lampung"
)


def _text(pdf: Path) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(str(pdf)).pages)


def _embedded_fonts(pdf: Path) -> set[str]:
    """BaseFont names of every font that carries its own glyphs (FontFile2) in the PDF."""
    names: set[str] = set()
    for page in PdfReader(str(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            for desc in font.get("/DescendantFonts", [font]):
                desc = desc.get_object()
                descriptor = desc.get("/FontDescriptor")
                if descriptor is not None and "/FontFile2" in descriptor.get_object():
                    names.add(str(font["/BaseFont"]))
    return names


def test_badges_print_letters_outside_latin1_with_an_embedded_font(tmp_path: Path) -> None:
    items = [BadgeData("U0000001", VIETNAMESE, "Kader", "Desa Banjar Manis"),
             BadgeData("U0000002", OTHERS, "Tamu", "Hà Nội")]  # fmt: skip
    out = tmp_path / "badge.pdf"
    write_badges(out, items, "BID Gisting")
    text = _text(out)
    assert VIETNAMESE in text and "Hà Nội" in text
    assert "Ξανθή" in text and "Жанна" in text and "Żółć" in text
    assert any("DejaVu" in name for name in _embedded_fonts(out))


def test_piagam_prints_a_vietnamese_signatory_and_embeds_its_fonts(tmp_path: Path) -> None:
    data = PiagamData(
        "J3B-0001", "Banjar Manis", "Gisting", "Kabupaten Tanggamus", "BID Gisting",
        dt.date(2026, 11, 25), "Aula", (PiagamLine("A01", "Pengolahan kopi robusta", 150_000_000, 2027),),
        (Signatory("Camat Gisting", VIETNAMESE), Signatory(LONG_JABATAN, "Budi")),
    )  # fmt: skip
    out = write_piagam(tmp_path / "piagam.pdf", data)
    text = _text(out)
    assert VIETNAMESE in text
    assert len(_embedded_fonts(out)) >= 2  # serif and sans, embedded


def test_long_jabatan_is_shrunk_then_ends_in_an_ellipsis(tmp_path: Path) -> None:
    out = tmp_path / "badge.pdf"
    twice = f"{LONG_JABATAN} dan {LONG_JABATAN}"  # past two lines even at the smallest size
    write_badges(out, [BadgeData("U0000003", "Siti", twice, "Desa Campang")], "BID")
    text = _text(out)
    assert "Ketua Tim Penggerak" in text and "…" in text
    lines, size = fonts.fit_lines(LONG_JABATAN, fonts.SANS, 9, 230, 1, 6.5)
    assert len(lines) == 1 and lines[0].endswith("…") and size == 6.5
    from reportlab.pdfbase.pdfmetrics import stringWidth

    assert stringWidth(lines[0], fonts.SANS, size) <= 230
    short, size = fonts.fit_lines("Sekretaris Desa", fonts.SANS, 9, 230, 1, 6.5)
    assert (short, size) == (["Sekretaris Desa"], 9)


@pytest.mark.parametrize("width", [40.0, 90.0, 230.0])
def test_fitted_lines_keep_every_word_they_show_and_stay_in_the_box(width: float) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines, size = fonts.fit_lines(LONG_JABATAN, fonts.SANS_BOLD, 12, width, 2, 7)
    assert 1 <= len(lines) <= 2
    assert all(stringWidth(s, fonts.SANS_BOLD, size) <= width + 0.01 for s in lines)
    shown = " ".join(lines).rstrip("…")
    assert LONG_JABATAN.startswith(shown.rstrip()) or shown.split()[0] == "Ketua"


def test_names_the_font_cannot_print_are_reported_by_number(db, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        event_id = current_event(s).id
        register_walkin(s, event_id, ParticipantForm(name="Li Wei 李伟", desa_code="18.06.20.2001"))
        register_walkin(s, event_id, ParticipantForm(name=VIETNAMESE, desa_code="18.06.20.2001"))
    with db.begin() as s:
        number = s.scalars(select(Participant.number).where(Participant.name.like("Li Wei%"))).one()
        result = badges.print_badges(s, tmp_path / "b.pdf", badges.ALL)
    assert result.unprintable == [f"{number}: 李伟"]
    assert (
        run(["badges", "--db", str(db.engine.url.database), "--out", str(tmp_path / "c.pdf")]) == 0
    )
    out = capsys.readouterr().out
    assert f"{number}: 李伟" in out and "tidak ada di font" in out and "Li Wei" not in out


def test_piagam_letters_the_font_lacks_are_reported() -> None:
    from bid_desktop.services.exchange_piagam import _unprintable

    data = PiagamData(
        "J3B-0002", "Banjar Manis", "Gisting", "Kabupaten Tanggamus", "BID Gisting",
        dt.date(2026, 11, 25), "Aula", (PiagamLine("A01", "Teh hijau 绿茶", 1, 2027),),
        (Signatory("Camat", VIETNAMESE),),
    )  # fmt: skip
    assert _unprintable(data) == "绿茶"


def test_report_names_where_the_font_cannot_print(db, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """The report says which text it printed as boxes, by place (desa code), and the rest of
    the name prints: a desa named with a letter outside the font (issue 11, fonts)."""
    from bid_desktop.services.report import write_report
    from bid_desktop.storage.models import Desa

    with db.begin() as s:
        desa = s.scalars(select(Desa).where(Desa.code == "18.06.20.2001")).one()
        desa.name = "Banjar 村 Manis"
    with db.begin() as s:
        result = write_report(s, tmp_path / "laporan.pdf")
    assert result.unprintable == ["desa 18.06.20.2001: 村"]
    assert "Banjar" in _text(tmp_path / "laporan.pdf")
    path = str(db.engine.url.database)
    assert run(["report", "--db", path, "--out", str(tmp_path / "l2.pdf")]) == 0
    out = capsys.readouterr().out
    assert "desa 18.06.20.2001: 村" in out and "tidak ada di font" in out
