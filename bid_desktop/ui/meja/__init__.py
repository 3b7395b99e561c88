"""Meja Konsultasi tab (station 3)."""
