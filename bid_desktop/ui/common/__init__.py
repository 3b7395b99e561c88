"""Widgets shared by the tabs: scan box, feedback banner, table model, PIN prompt."""
