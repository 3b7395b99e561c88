"""Application services: one module per area; plain functions that take a Session."""
