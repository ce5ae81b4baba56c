"""Allegro REST API providers: the hand-written behaviour behind the spec's operations."""
