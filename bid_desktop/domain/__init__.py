"""Pure domain rules: identities, enums, value parsing. No Qt, no SQLAlchemy."""
