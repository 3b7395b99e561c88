"""Registrasi tab (station 1)."""
