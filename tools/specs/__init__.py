"""The spec bundle compiler behind tools/compile_specs.py (docs/spec-bundle.md).

One module per idea: ``sources`` (input files), ``schema`` (OpenAPI 3.0 -> JSON Schema), ``operations`` (bundle
operations), ``errata`` (the correction record and the generic fix), ``allegro``/``allegro_extras``/
``allegro_errata`` and ``voucherify`` (the vendors), ``output`` (serialising, checking and writing).
"""
