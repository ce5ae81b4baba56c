"""Voucherify products."""
