"""Errors the services raise for the UI and CLI to show as they are."""

from __future__ import annotations


class UserError(Exception):
    """Input refused: the message names the file, row and field where there is one."""


class InputRefused(UserError):
    """A file, package or passphrase was refused (CLI exit 3)."""
