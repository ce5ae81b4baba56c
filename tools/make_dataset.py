#!/usr/bin/env python3
"""Generate targ's Allegro reference dataset: what Allegro owns and sellers only read (docs/datasets.md).

Writes ``src/targ/data/allegro-categories.json``, ``allegro-delivery.json``, ``allegro-compatibility.json`` and
``allegro-reference.json``. The curated content (names, tree shape, parameter definitions, delivery methods, ...)
lives in the ``dataset`` package next to this file; ``--seed`` draws everything a real service would assign
arbitrarily (ids not pinned by the spec's examples or the seeds, UUIDs, pickup point addresses and coordinates).
Same seed, byte-identical files. ``--check`` rebuilds in memory and exits 1 when the committed files differ (like
tools/compile_specs.py).

Times that must stay meaningful whatever the virtual clock says (category events, scheduled parameter changes,
campaign windows) are written as day offsets from the world's clock start; the server turns them into dates.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

# Run as a script, this folder is already on sys.path; loaded by file path (tests/allegro/catalog/test_dataset.py)
# it is not, and the package next to this file must import all the same.
TOOLS_DIR = str(Path(__file__).resolve().parent)
if TOOLS_DIR not in sys.path:
    sys.path.insert(0, TOOLS_DIR)

from dataset.output import build, check, write  # noqa: E402
from generated import check_or_write  # noqa: E402

# build and check are also this module's API: the tests load it by path and call them.
__all__ = ["build", "check", "main"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=0, help="seed for everything drawn (default 0)")
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed files differ")
    args = parser.parse_args(argv)
    return check_or_write(build(args.seed), args.check, check, write)


if __name__ == "__main__":
    sys.exit(main())
