"""Voucherify customers."""
