"""Persistence: SQLAlchemy models, engine and PRAGMAs, migrate-at-open."""
