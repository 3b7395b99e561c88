"""Blank spreadsheet templates per import kind: headers, notes, validation lists, Petunjuk sheet."""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from bid_desktop.reports.output import atomic_output
from bid_desktop.reports.sheets import ColumnSpec, safe_text

YA_TIDAK = ("Ya", "Tidak")
C = ColumnSpec
# Usual spellings of the same column in office lists (matched ignoring case, spaces,
# punctuation and a parenthetical hint; "No. HP/WA" also matches by its parts).
NAMA = ("Nama Lengkap", "Nama Peserta", "Nama Undangan", "Nama Lengkap dan Gelar")
JABATAN = ("Jabatan/Posisi", "Posisi", "Kedudukan", "Jabatan di Desa")
GENDER = (
    "JK",
    "L/P",
    "Kelamin",
    "Jns Kelamin",
    "Gender",
    "Jenis Kelamin L/P",
    "Laki-laki/Perempuan",
)
KODE_DESA = (
    "Kode Wilayah",
    "Kode Kemendagri",
    "Kode Permendagri",
    "Kode Desa/Kelurahan",
    "Kode Desa Kemendagri",
    "Kode Wilayah Desa",
)
DESA = (
    "Nama Desa",
    "Desa/Kelurahan",
    "Desa/Kel",
    "Asal Desa",
    "Pekon",
    "Kampung",
    "Nagari",
    "Gampong",
)
INSTANSI = ("Instansi", "Lembaga", "Asal Instansi", "Asal Lembaga", "Unit Kerja", "Organisasi")
PHONE = (
    "HP",
    "No HP",
    "Nomor HP",
    "No. HP/WA",
    "No WA",
    "Nomor WA",
    "WA",
    "WhatsApp",
    "Telepon",
    "No Telp",
    "Nomor Telepon",
    "Telp",
    "Handphone",
    "No Handphone",
    "Nomor Handphone",
    "Kontak HP",
)
WOMAN_REP = (
    "Keterwakilan Perempuan",
    "Wakil Perempuan",
    "Perwakilan Wanita",
    "Keterwakilan Wanita",
)
SPECS: dict[str, tuple[str, list[ColumnSpec]]] = {
    "invitations": (
        "Daftar Undangan",
        [
            C("Nama", True, NAMA, "Nama lengkap peserta", width=28),
            C("Jabatan", aliases=JABATAN, note="Mis. Kepala Desa, Sekretaris Desa, BPD"),
            C("Jenis Kelamin", aliases=GENDER, note="L atau P", choices=("L", "P")),
            C(
                "Kode Desa",
                aliases=KODE_DESA,
                note="Kode wilayah desa, mis. 18.06.20.2001",
                width=16,
            ),
            C("Desa", aliases=DESA, note="Nama desa (boleh kosong jika Kode Desa diisi)"),
            C("Instansi/Lembaga", aliases=INSTANSI, note="Untuk tamu undangan"),
            C("No HP", aliases=PHONE, note="Mis. 0812 3456 7890"),
            C(
                "Kategori",
                aliases=("Kategori Peserta", "Jenis Peserta"),
                note="Peserta Utama atau Undangan",
                choices=("Peserta Utama", "Undangan"),
            ),
            C("Kategori Tamu", note="Untuk Undangan: TIK, P2KTD, Media, ..."),
            C("Perwakilan Perempuan", aliases=WOMAN_REP, note="Ya atau Tidak", choices=YA_TIDAK),
        ],
    ),
    "providers": (
        "Direktori P2KTD",
        [
            C(
                "Nama Lembaga",
                True,
                ("Nama", "Lembaga", "Penyedia"),
                "Nama lembaga penyedia",
                width=30,
            ),
            C("Bidang", aliases=("Bursa",), note="A, B atau C", choices=("A", "B", "C")),
            C("Layanan", note="Layanan yang ditawarkan", width=40),
            C("Kontak", note="Nama narahubung"),
            C("No HP", aliases=PHONE, note="Mis. 0812 3456 7890"),
            C("Alamat", width=30),
        ],
    ),
    "innovations": (
        "Menu Inovasi",
        [
            C("Kode", True, ("Kode Inovasi",), "Kode unik, mis. A01", width=10),
            C("Judul Inovasi", True, ("Judul", "Inovasi"), "Judul inovasi", width=40),
            C("Bursa", True, ("Bidang",), "A, B atau C", choices=("A", "B", "C"), width=8),
            C("Desa Asal"),
            C("Kabupaten Asal"),
            C("Ringkasan", width=50),
            C(
                "Perkiraan Biaya (Rp)",
                aliases=("Perkiraan Biaya", "Biaya"),
                note="Mis. 150jt, Rp 150.000.000, 1,5 M",
            ),
            C("Penyedia (P2KTD)", aliases=("Penyedia", "P2KTD"), note="Nama lembaga penyedia"),
            C("Video", note="Tautan atau nama berkas video"),
        ],
    ),
    "ideas": (
        "Kartu Ide",
        [
            C("Nama Pengusul", True, ("Pengusul", "Nama"), "Nama yang menulis kartu", width=26),
            C("Kode Desa", aliases=KODE_DESA, note="Kode wilayah desa", width=16),
            C("Desa", aliases=DESA, note="Nama desa (jika Kode Desa kosong)"),
            C("Judul Ide", True, ("Judul",), "Judul ide", width=36),
            C("Deskripsi", width=50),
            C("Sudah Dilaksanakan", note="Ya atau Tidak", choices=YA_TIDAK),
            C("Hasil", width=40),
        ],
    ),
    "commitments": (
        "Kartu Komitmen",
        [
            C("Kode Desa", aliases=KODE_DESA, note="Kode wilayah desa", width=16),
            C("Desa", aliases=DESA, note="Nama desa (jika Kode Desa kosong)"),
            C("Nama Kepala Desa", aliases=("Kepala Desa", "Nama Kades", "Kades"), width=26),
            C("Kode Inovasi", True, ("Kode",), "Kode inovasi dari menu, mis. A01", width=12),
            C("Perkiraan Anggaran (Rp)", aliases=("Anggaran",), note="Mis. 150jt, Rp 150.000.000"),
            C("Tahun Rencana", note="Mis. 2027", width=12),
            C("Meja", note="Kode meja konsultasi", width=10),
            C("Catatan", width=40),
        ],
    ),
}
NOTES = {
    "commitments": "Satu baris per Kartu Komitmen (desa + inovasi). Kode Inovasi wajib.",
    "ideas": "Satu baris per Kartu Ide. Nama Pengusul dan Judul Ide wajib.",
    "innovations": "Satu baris per inovasi. Kode, Judul Inovasi dan Bursa wajib.",
    "providers": "Satu baris per lembaga. Nama Lembaga wajib dan unik.",
    "invitations": "Satu baris per orang. Kolom bertanda * wajib. Desa boleh diisi kode atau nama.",
}


def write_template(kind: str, out: Path, desa: list[tuple[str, str]] | None = None) -> Path:
    """Write the blank template for ``kind``; ``desa`` (code, name) pairs fill a pick list."""
    title, specs = SPECS[kind]
    wb = Workbook()
    ws = wb.active
    ws.title = title[:31]
    for col, spec in enumerate(specs, start=1):
        cell = ws.cell(row=1, column=col, value=spec.header + ("*" if spec.required else ""))
        if spec.note:
            cell.comment = Comment(spec.note, "BID")
        ws.column_dimensions[get_column_letter(col)].width = spec.width
        if spec.choices:
            _validation(ws, col, '"' + ",".join(spec.choices) + '"')
    ws.freeze_panes = "A2"
    if desa:
        _desa_sheet(wb, ws, specs, desa)
    _guide(wb, title, specs, NOTES.get(kind, ""))
    buffer = io.BytesIO()  # a full disk must not hit openpyxl's open zip (noise at exit)
    wb.save(buffer)
    with atomic_output(out) as tmp:
        tmp.write_bytes(buffer.getvalue())
    return out


def _validation(ws, col: int, formula: str) -> None:  # type: ignore[no-untyped-def]
    letter = get_column_letter(col)
    dv = DataValidation(type="list", formula1=formula, allow_blank=True)
    dv.add(f"{letter}2:{letter}5000")
    ws.add_data_validation(dv)


def _desa_sheet(wb: Workbook, ws, specs: list[ColumnSpec], desa: list[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    lst = wb.create_sheet("Desa")
    lst.append(["Kode Desa", "Desa"])
    for code, name in desa:
        lst.append([safe_text(code), safe_text(name)])
    n = len(desa) + 1
    headers = [s.header for s in specs]
    for header, col_letter in (("Kode Desa", "A"), ("Desa", "B")):
        if header in headers:
            _validation(ws, headers.index(header) + 1, f"Desa!${col_letter}$2:${col_letter}${n}")


def _guide(wb: Workbook, title: str, specs: list[ColumnSpec], note: str) -> None:
    guide = wb.create_sheet("Petunjuk")
    guide.append([f"Petunjuk pengisian: {title}"])
    guide.append([note])
    guide.append([])
    guide.append(["Kolom", "Wajib", "Keterangan"])
    for spec in specs:
        guide.append([spec.header, "Ya" if spec.required else "Tidak", spec.note])
    guide.column_dimensions["A"].width = 26
    guide.column_dimensions["C"].width = 60
