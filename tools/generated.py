"""What both generators (tools/compile_specs.py, tools/make_dataset.py) do with the files they build in memory.

Each builds every file first, then either writes them all or, with ``--check``, only compares them with the
committed ones: CI runs the check, so a generator change that forgets to regenerate fails there.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

Outputs = dict[Path, bytes]


def stale(outputs: Outputs) -> list[Path]:
    """The files whose committed bytes differ from a fresh build (or that are not there at all)."""
    return [path for path, data in outputs.items() if not path.exists() or path.read_bytes() != data]


def check_or_write(
    outputs: Outputs, check_only: bool, check: Callable[[Outputs], int], write: Callable[[Outputs], None]
) -> int:
    """The exit status of a generator: ``check``'s with ``--check`` (it reports what is stale), else 0 once written.

    ``check`` and ``write`` are the generator's own, as each tells its user how to regenerate in its own words.
    """
    if check_only:
        return check(outputs)
    write(outputs)
    return 0
