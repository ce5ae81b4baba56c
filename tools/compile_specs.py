#!/usr/bin/env python3
"""Compile the pinned vendor specs into targ's compact spec bundle.

Reads ``<shared>/specs`` (default ``../shared`` seen from the repository root) and writes
``src/targ/spec/bundle/allegro.json`` and ``src/targ/spec/bundle/voucherify.json`` in the format described in
``docs/spec-bundle.md``, and ``tools/specs/last-build.json``, the sha256 of both and of the compiler. ``--check``
rebuilds in memory and exits 1 when the committed files differ; without the specs it checks the committed bundle and
the compiler against that record, and exits 1 when either changed since.

The build is deterministic: operations keep spec order (pinned first, extras after), schemas keep spec order,
and every correction applied on top of the vendor specs is recorded in the bundle's ``errata``.
The work is done by the ``specs`` package next to this file; this is its command line.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

# Run as a script, this folder is already on sys.path; loaded some other way (importlib, a test) it may not be,
# and the package next to this file must import all the same.
TOOLS_DIR = str(Path(__file__).resolve().parent)
if TOOLS_DIR not in sys.path:
    sys.path.insert(0, TOOLS_DIR)

from generated import check_or_write  # noqa: E402
from specs.common import REPO_ROOT  # noqa: E402
from specs.output import build_all, check, write  # noqa: E402
from specs.record import check_committed  # noqa: E402


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO_ROOT.parent / "shared", help="default: ../shared")
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed bundle differs")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not (args.shared / "specs").is_dir():
        if args.check:
            # A checkout without the vendor specs beside it (a clone on its own) cannot rebuild the bundle: it checks
            # the committed bundle and the compiler against the record of the last build instead (specs/record.py).
            return check_committed()
        print(f"no specs folder in {args.shared} (use --shared DIR)", file=sys.stderr)
        return 2
    return check_or_write(build_all(args.shared), args.check, check, write)


if __name__ == "__main__":
    sys.exit(main())
