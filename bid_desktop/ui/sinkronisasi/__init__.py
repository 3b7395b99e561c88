"""Sinkronisasi tab: export, import and merge, import log, conflict and duplicate review,
backups."""
