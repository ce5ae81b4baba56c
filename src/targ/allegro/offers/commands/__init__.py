"""Offer commands: the shared machinery (base.py) and one module per family, each binding its operations."""
