"""The user-facing errors, for the services and the windows: they live in ``domain/errors.py``
so that ``sync/`` and ``reports/`` can raise them without importing ``services/``."""

from bid_desktop.domain.errors import InputRefused, UserError, as_user_error, plain_reason

__all__ = ["InputRefused", "UserError", "as_user_error", "plain_reason"]
