"""The offer command families, one module per family (each binds its PUT/GET operations)."""
