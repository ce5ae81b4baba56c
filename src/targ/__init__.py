"""targ: a local, stateful, spec-faithful Allegro REST API and Voucherify Orders API."""

__version__ = "0.1.0"
