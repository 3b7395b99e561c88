"""First-start setup: create or join an event."""
