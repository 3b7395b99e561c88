"""Offline sync: clock, history capture, packages, merge, conflicts, duplicates."""
