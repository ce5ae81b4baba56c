"""Voucherify orders."""
