"""Voucherify async actions."""
