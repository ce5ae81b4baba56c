"""Voucherify exports."""
