"""Word lists and region choices for the demo generator (plausible, not real people)."""

from __future__ import annotations

import random

from bid_desktop.domain import regions

# Kecamatan Padang Ratu, Kabupaten Lampung Tengah: 15 desa and no kelurahan (Pringsewu, used
# before, has 10 desa and 5 kelurahan, which are not desa)
EVENT_KECAMATAN = "18.02.03"
KABUPATEN = "18.06"  # Kabupaten Tanggamus: 20 kecamatan
PROVINCE = "18"  # Lampung: 229 kecamatan

MEN = [
    "Ahmad",
    "Agus",
    "Bambang",
    "Budi",
    "Dedi",
    "Darmawan",
    "Eko",
    "Fajar",
    "Hendra",
    "Hasan",
    "Imam",
    "Joko",
    "Kurniawan",
    "Lukman",
    "Made",
    "Nyoman",
    "Ketut",
    "Wayan",
    "Rahmat",
    "Rudi",
    "Slamet",
    "Sugeng",
    "Sutrisno",
    "Taufik",
    "Wahyu",
    "Yusuf",
    "Zainal",
    "Arif",
    "Gunawan",
    "Heru",
    "Iwan",
    "Mulyadi",
    "Nurdin",
    "Paijo",
    "Riyanto",
    "Suparman",
    "Teguh",
    "Untung",
    "Yanto",
]
WOMEN = [
    "Siti",
    "Sri",
    "Ani",
    "Dewi",
    "Endang",
    "Fitri",
    "Hartini",
    "Indah",
    "Kartini",
    "Lestari",
    "Maya",
    "Nur",
    "Ratna",
    "Rina",
    "Sari",
    "Suryani",
    "Tuti",
    "Umi",
    "Wati",
    "Yuliana",
    "Aminah",
    "Fatimah",
    "Halimah",
    "Juwita",
    "Kurnia",
    "Mega",
    "Nia",
    "Puji",
    "Rohmah",
    "Sumiati",
    "Tri",
    "Wulan",
    "Yanti",
    "Zubaidah",
    "Ernawati",
    "Komang",
    "Ayu",
    "Putu",
    "Listiani",
]
FAMILY = [
    "Saputra",
    "Santoso",
    "Wijaya",
    "Hidayat",
    "Prasetyo",
    "Setiawan",
    "Kusuma",
    "Nugroho",
    "Pratama",
    "Susanto",
    "Rahayu",
    "Wibowo",
    "Hartono",
    "Purnomo",
    "Gunawan",
    "Siregar",
    "Nasution",
    "Harahap",
    "Lubis",
    "Simatupang",
    "Sembiring",
    "Tarigan",
    "Effendi",
    "Syahputra",
    "Ismail",
    "Hamzah",
    "Ramadhan",
    "Firmansyah",
    "Permana",
    "Sulistyo",
    "Utomo",
    "Maulana",
    "Fauzi",
    "Anwar",
    "Rosyid",
    "Suhendra",
    "Yulianto",
    "Sanjaya",
    "Kurniasih",
    "Handayani",
    "Wulandari",
    "Anggraini",
]

# (jabatan, usual gender or "" for either) of a desa delegation besides Kepala Desa.
DELEGATES = [
    ("Sekretaris Desa", ""),
    ("Ketua BPD", "L"),
    ("Kaur Perencanaan", ""),
    ("Ketua TPK", "L"),
    ("KPMD", ""),
    ("Ketua BUMDes", ""),
    ("Kader Posyandu", "P"),
    ("Ketua LPM", "L"),
    ("Kasi Pemerintahan", ""),
    ("Kaur Keuangan", "P"),
    ("Anggota BPD", ""),
    ("Ketua Karang Taruna", "L"),
    ("Kader Pembangunan Manusia", "P"),
    ("Tokoh Masyarakat", "L"),
]
WOMAN_REP = ("Ketua TP PKK", "P")

# (guest category, jabatan, institution) of the invited guests of one event.
GUESTS = [
    ("Camat dan tim", "Camat", "Kantor Kecamatan {kec}"),
    ("Camat dan tim", "Sekretaris Kecamatan", "Kantor Kecamatan {kec}"),
    ("Camat dan tim", "Kasi PMD", "Kantor Kecamatan {kec}"),
    ("Camat dan tim", "Staf Kecamatan", "Kantor Kecamatan {kec}"),
    ("TIK", "Tenaga Ahli Kabupaten", "TIK Kabupaten {kab}"),
    ("TIK", "Pendamping Desa", "TIK Kecamatan {kec}"),
    ("TIK", "Pendamping Lokal Desa", "TIK Kecamatan {kec}"),
    ("P2KTD", "Direktur", "{provider}"),
    ("P2KTD", "Fasilitator", "{provider}"),
    ("P2KTD", "Staf Teknis", "{provider}"),
    ("Lembaga desa", "Ketua", "Forum BUMDes {kec}"),
    ("LSM/Swasta", "Koordinator", "Yayasan Desa Lestari"),
    ("LSM/Swasta", "Perwakilan", "Bank BPD Cabang {kab}"),
    ("Media", "Wartawan", "Radar {kab}"),
    ("Media", "Jurnalis", "Lampung Post"),
    ("Lainnya", "Kapolsek", "Polsek {kec}"),
    ("Lainnya", "Danramil", "Koramil {kec}"),
    ("Lainnya", "Kepala Puskesmas", "Puskesmas {kec}"),
]

# (name pattern, bidang, services) of innovation providers (P2KTD).
PROVIDERS = [
    ("CV Tirta Mandiri {kab}", "A", "Air bersih, sumur bor, perpipaan"),
    ("PT Surya Desa Energi", "A", "Penerangan tenaga surya, PLTS komunal"),
    ("CV Karya Beton Nusantara", "A", "Jalan rabat beton, drainase, talud"),
    ("Koperasi Tani Makmur {kab}", "B", "Pengolahan hasil pertanian, pupuk organik"),
    ("BUMDes Bersama {kab}", "B", "Pemasaran produk desa, toko daring"),
    ("Yayasan Wirausaha Desa", "B", "Pelatihan usaha, kemasan, sertifikasi PIRT"),
    ("Lembaga Kesehatan Masyarakat Sehati", "C", "Posyandu, stunting, gizi"),
    ("Pusat Belajar Masyarakat Cerdas", "C", "PAUD, literasi, pelatihan kader"),
]

IDEAS = [
    "Bank sampah berbasis dusun",
    "Wisata air terjun dikelola BUMDes",
    "Kebun gizi di pekarangan sekolah",
    "Pasar desa mingguan produk olahan",
    "Jemput bola posyandu lansia",
    "Pelatihan las untuk pemuda putus sekolah",
    "Embung kecil untuk musim kemarau",
    "Aplikasi surat-menyurat desa",
    "Kolam lele bioflok kelompok wanita",
    "Taman baca di balai dusun",
    "Pengolahan kopi robusta kemasan",
    "Rumah produksi keripik pisang",
    "Jalur evakuasi banjir",
    "Kelas bahasa Inggris untuk pemandu wisata",
    "Pupuk kompos dari limbah pasar",
    "Sumur resapan di permukiman padat",
    "Kandang kambing komunal",
    "Sanggar seni budaya Lampung",
    "Ambulans desa siaga",
    "Lapak UMKM di pinggir jalan provinsi",
]

VOID_REASONS = [
    "Salah pilih inovasi, sudah dicap ulang",
    "Kepala desa membatalkan, menunggu musyawarah desa",
    "Kartu dobel dari meja lain",
]
PARTICIPANT_VOID_REASONS = ["Terdaftar dua kali (walk-in dan undangan)", "Salah ketik nama"]
FOLLOWUP_NOTES = [
    ("dihubungi", "Kepala desa akan membahas di musdes bulan depan"),
    ("RAB disusun", "RAB disusun bersama pendamping desa"),
    ("proposal diajukan", "Proposal dikirim ke penyedia"),
]


def person(rng: random.Random, gender: str) -> str:
    first = rng.choice(WOMEN if gender == "P" else MEN)
    if rng.random() < 0.25:
        return first + " " + rng.choice(MEN if gender == "L" else FAMILY)
    return f"{first} {rng.choice(FAMILY)}"


def phone(rng: random.Random) -> str:
    return f"+628{rng.choice('1257')}{rng.randint(10**8, 10**9 - 1)}"


def kecamatan_for(scale: str, rng: random.Random) -> list[str]:
    """Real kecamatan, one per event: 1 (15 desa), a kabupaten's 20, or 200 of a province."""
    if scale == "event":
        return [EVENT_KECAMATAN]
    if scale == "kabupaten":
        return [k.code for k in regions.kecamatan_in(KABUPATEN)][:20]
    every = [
        kec.code
        for kab in regions.kecamatan_in(PROVINCE)
        for kec in regions.kecamatan_in(kab.code)
        if len(regions.desa_of(kec.code)) >= 6
    ]
    return sorted(rng.sample(every, 200))
