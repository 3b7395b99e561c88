"""Rekap & Tindak Lanjut tab (station 6)."""
