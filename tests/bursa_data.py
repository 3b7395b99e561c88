"""A small menu, providers and tables for bursa / meja tests, written through the services."""

from __future__ import annotations

from bid_desktop.services import bursa
from bid_desktop.storage.db import Database

MENU = [
    ("A01", "Air bersih perpipaan", "A", "150jt"),
    ("A02", "Jalan usaha tani rabat beton", "A", "Rp 300.000.000"),
    ("B01", "Lumbung pangan desa", "B", "75 juta"),
    ("B02", "BUMDes simpan pinjam", "B", "1,5 M"),
    ("C01", "Posyandu terintegrasi", "C", "25jt"),
]


def add_menu(db: Database) -> None:
    with db.begin() as session:
        provider = bursa.save_provider(
            session, bursa.ProviderForm("CV Tirta Makmur", "A", "Air bersih", phone="0812345678")
        )
        for code, title, letter, cost in MENU:
            bursa.save_innovation(
                session,
                bursa.InnovationForm(
                    code, title, letter, cost_estimate=cost,
                    provider_id=provider["id"] if letter == "A" else None,
                ),
            )  # fmt: skip
