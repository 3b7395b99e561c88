"""BID Desktop: offline-first Bursa Inovasi Desa application."""

__version__ = "0.1.0"
