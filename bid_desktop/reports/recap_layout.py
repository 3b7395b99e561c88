"""Layout of the recap workbook, shared by the writer (``bid-desktop recap``) and ``import recap``.

Each sheet ends with a hidden column ``ID_HEADER`` holding the record id, so a workbook edited by
the TA (Tanggapan/Penilaian filled in) is matched back to its records whatever the row order.
"""

from __future__ import annotations

ID_HEADER = "ID"
RESPONSE_HEADER = "Tanggapan/Penilaian"

COMMITMENT_SHEET = "Komitmen"
COMMITMENT_HEADERS = [
    "No",
    "Kecamatan",
    "Desa",
    "Kepala Desa",
    "HP Kepala Desa",
    "PD/PLD",
    "Inovasi",
    "Bursa",
    "Perkiraan Anggaran (Rp)",
    "Meja",
    "Waktu Stempel",
    "No Piagam",
    RESPONSE_HEADER,
    "Status Tindak Lanjut",
    "Catatan Tindak Lanjut",
    ID_HEADER,
]

IDEA_SHEET = "Ide"
IDEA_HEADERS = [
    "No",
    "Kecamatan",
    "Desa",
    "Pengusul",
    "Judul Ide",
    "Deskripsi",
    "Sudah Dilaksanakan",
    RESPONSE_HEADER,
    "Status Verifikasi",
    ID_HEADER,
]

DESA_SHEET = "Rekap Desa"
DESA_HEADERS = [
    "No",
    "Kecamatan",
    "Kode Desa",
    "Desa",
    "Hadir",
    "Peserta Hadir",
    "Perwakilan Perempuan",
    "Perempuan Lain Hadir",
    "Komitmen",
    "Total Anggaran (Rp)",
    "Ide",
]

RATING_SHEET = "Rating Inovasi"
RATING_HEADERS = [
    "No",
    "Kecamatan",
    "Kode",
    "Inovasi",
    "Bursa",
    "Jumlah Penilaian",
    "Rata-rata",
    "Nilai 1",
    "Nilai 2",
    "Nilai 3",
    "Nilai 4",
    "Nilai 5",
]

ATTENDANCE_SHEET = "Kehadiran"
ATTENDANCE_HEADERS = [
    "No",
    "Nomor",
    "Nama",
    "Jabatan",
    "L/P",
    "Kecamatan",
    "Desa/Instansi",
    "Kategori",
    "Perwakilan Perempuan",
    "Waktu Datang",
    "Kit Diterima",
]
