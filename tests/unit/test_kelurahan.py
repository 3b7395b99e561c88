"""Kelurahan are not desa: an event lists the desa of its kecamatan; a kelurahan only on purpose."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from bid_desktop.cli import run
from bid_desktop.domain import regions
from bid_desktop.services.errors import UserError
from bid_desktop.services.events import EventSetup, create_event, desa_list
from bid_desktop.storage.db import open_database

KOTA_AGUNG = "18.06.01"  # Kecamatan Kota Agung, Tanggamus: kelurahan Baros, Pasar Madang, Kuripan
BAROS = "18.06.01.1001"


def _event(path: Path, kelurahan: list[str]) -> list[str]:
    db = open_database(path)
    with db.begin() as s:
        event = create_event(
            s,
            EventSetup(
                name="BID Kota Agung",
                date=dt.date(2026, 11, 25),
                kecamatan_codes=[KOTA_AGUNG],
                station="SEK1",
                passphrase="bursa-kota-agung",
                kelurahan_codes=kelurahan,
            ),
        )
        codes = [d.code for d in desa_list(s, event.id)]
    db.dispose()
    return codes


def test_event_lists_desa_only_by_default(tmp_path: Path) -> None:
    codes = _event(tmp_path / "a.sqlite", [])
    truth = [w.code for w in regions._wilayah().list_wilayah(KOTA_AGUNG) if w.type == "desa"]
    assert sorted(codes) == sorted(truth) and len(codes) > 10
    assert not any(regions.is_kelurahan(c) for c in codes) and BAROS not in codes


def test_kelurahan_included_on_purpose_gets_kelurahan_wording(tmp_path: Path) -> None:
    codes = _event(tmp_path / "b.sqlite", [BAROS])
    assert BAROS in codes and "18.06.01.1002" not in codes
    assert (regions.village_word(BAROS), regions.plan_name(BAROS)) == (
        "Kelurahan",
        "Rencana Kerja Kelurahan",
    )
    assert (regions.village_word("18.06.01.2016"), regions.plan_name("18.06.01.2016")) == (
        "Desa",
        "RKP Desa",
    )
    with pytest.raises(UserError, match="'18.06.20.2001' bukan kelurahan"):
        _event(tmp_path / "c.sqlite", ["18.06.20.2001"])


def test_cli_includes_a_kelurahan_on_purpose(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from bid_desktop.storage.models import Desa

    monkeypatch.setenv("BID_PASSPHRASE", "bursa-kota-agung")
    monkeypatch.setenv("BID_PIN", "240611")  # the committee PIN, set at event creation
    path = tmp_path / "d.sqlite"
    argv = ["event", "create", "--db", str(path), "--name", "BID Kota Agung", "--date",
            "2026-11-25", "--kecamatan", KOTA_AGUNG, "--station", "SEK1", "--kelurahan", BAROS]  # fmt: skip
    assert run(argv) == 0
    db = open_database(path)
    with db.begin() as s:
        names = set(s.scalars(select(Desa.name)))
    db.dispose()
    assert "Baros" in names and "Kuripan" not in names


def test_piagam_and_badge_of_a_kelurahan_use_the_kelurahan_wording(tmp_path: Path) -> None:
    from pypdf import PdfReader

    from bid_desktop.services import registration_badges as badges
    from bid_desktop.services.commitments import StampInput, stamp_commitment
    from bid_desktop.services.exchange_piagam import issue_many
    from bid_desktop.services.import_catalog import import_csv_menu
    from bid_desktop.services.registration_forms import ParticipantForm, register_walkin
    from bid_desktop.storage.models import Innovation

    path = tmp_path / "e.sqlite"
    _event(path, [BAROS])
    menu = Path(__file__).resolve().parents[2] / "resources" / "demo" / "menu-inovasi-contoh.csv"
    db = open_database(path)
    with db.begin() as s:
        import_csv_menu(s, menu)
        code = s.scalars(select(Innovation.code).order_by(Innovation.code)).first()
        for village in (BAROS, "18.06.01.2016"):
            stamp_commitment(s, StampInput(village, str(code), 150_000_000, 2027))
        from bid_desktop.services.events import current_event

        register_walkin(s, current_event(s).id, ParticipantForm(name="Lurah", desa_code=BAROS))
    with db.begin() as s:
        runs = {r.desa_code: r.path for r in issue_many(s, tmp_path / "piagam", [])}
        badges.print_badges(s, tmp_path / "badge.pdf", badges.ALL)
    db.dispose()

    def text(pdf: Path) -> str:
        return " ".join(" ".join(p.extract_text() for p in PdfReader(str(pdf)).pages).split())

    baros = text(runs[BAROS])
    assert "Pemerintah Kelurahan Baros" in baros and "Rencana Kerja Kelurahan" in baros
    assert "Desa Baros" not in baros and "RKP Desa" not in baros
    desa = text(runs["18.06.01.2016"])
    assert "Pemerintah Desa Negeri Ratu" in desa and "RKP Desa" in desa
    assert "Kelurahan Baros, Kec. Kota Agung" in text(tmp_path / "badge.pdf")


def test_import_row_with_a_kelurahan_code_says_how_to_list_it(tmp_path: Path) -> None:
    from bid_desktop.services.errors import InputRefused
    from bid_desktop.services.imports import import_xlsx
    from tests import office_files as office

    path = tmp_path / "e.sqlite"
    _event(path, [])
    rows = [["Nama", "Kode Desa", "Kategori", "Instansi/Lembaga"],
            ["Pak Lurah", "1806011001", "Peserta Utama", ""],
            ["Bu Sekel", "", "Undangan", "Kelurahan Baros"]]  # fmt: skip
    xlsx = office.xlsx(tmp_path / "u.xlsx", rows)
    db = open_database(path)
    with pytest.raises(InputRefused) as exc, db.begin() as s:
        import_xlsx(s, "invitations", xlsx)
    assert str(exc.value) == (
        "u.xlsx: baris 2, kolom Kode Desa: kode desa '1806011001' bukan desa acara ini "
        "(18.06.01.1001 adalah Kelurahan Baros: kelurahan bukan desa; catat sebagai Undangan "
        "dengan Instansi 'Kelurahan Baros' dan Kode Desa kosong)"
    )
    office.xlsx(xlsx, [rows[0], rows[2]])
    with db.begin() as s:
        assert import_xlsx(s, "invitations", xlsx).added == 1
    db.dispose()
