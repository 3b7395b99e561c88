"""Domain vocabularies. Values are stored as given (stable across versions)."""

from __future__ import annotations

from enum import StrEnum


class Bursa(StrEnum):
    A = "A"
    B = "B"
    C = "C"

    @property
    def label(self) -> str:
        return BURSA_LABELS[self]


BURSA_LABELS = {
    Bursa.A: "Infrastruktur",
    Bursa.B: "Ekonomi & Kewirausahaan",
    Bursa.C: "Sumber Daya Manusia",
}


class Role(StrEnum):
    """Station roles: decide which tab opens first."""

    REGISTRASI = "registrasi"
    BURSA = "bursa"
    MEJA = "meja"
    JENDELA3 = "jendela3"
    SINKRONISASI = "sinkronisasi"
    REKAP = "rekap"


class Category(StrEnum):
    PESERTA_UTAMA = "Peserta Utama"
    UNDANGAN = "Undangan"


class Gender(StrEnum):
    L = "L"
    P = "P"


class Source(StrEnum):
    INVITATION = "undangan"
    WALKIN = "walk-in"
    STAMP = "stempel"
    JENDELA3 = "jendela3"
    IMPORT = "impor"


GUEST_CATEGORIES = [
    "TIK",
    "P2KTD",
    "Camat dan tim",
    "Lembaga desa",
    "LSM/Swasta",
    "Media",
    "Lainnya",
]

FOLLOWUP_STATUSES = [
    "belum dihubungi",
    "dihubungi",
    "RAB disusun",
    "proposal diajukan",
    "masuk RKP Desa",
    "terealisasi",
    "batal",
]
