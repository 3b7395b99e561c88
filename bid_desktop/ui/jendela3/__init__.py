"""Jendela 3 (station 4): piagam exchange and Kartu Ide."""
