"""Allegro REST API providers: the hand-written behaviour behind the spec's operations.

Each area binds its operations in its `operations` module or package, found by `targ.handlers.load_providers`.
"""
