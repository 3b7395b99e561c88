"""Ruang Bursa tab (station 2)."""
