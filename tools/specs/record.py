"""What the last build from the vendor specs produced: `tools/specs/last-build.json`, committed with the bundle.

It records the sha256 of each bundle file and of the compiler's own source files. A checkout without the specs (a
clone without `../shared`) cannot rebuild the bundle, but `--check` still checks it against this record: a bundle
edited by hand, or a compiler changed without a rebuild, fails there instead of passing unchecked. With the specs,
`--check` rebuilds, and the record is one more output that must match.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import orjson
from generated import Outputs

from .common import BUNDLE_DIR, REPO_ROOT

RECORD = REPO_ROOT / "tools" / "specs" / "last-build.json"
TOOLS = REPO_ROOT / "tools"


def compiler_files() -> list[Path]:
    """The compiler's source: its command line, the shared generator code and the `specs` package."""
    return sorted([TOOLS / "compile_specs.py", TOOLS / "generated.py", *(TOOLS / "specs").glob("*.py")])


def compiler_sha256() -> str:
    digest = hashlib.sha256()
    for path in compiler_files():
        digest.update(path.relative_to(REPO_ROOT).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def record(bundle: Outputs) -> bytes:
    files = {path.relative_to(REPO_ROOT).as_posix(): hashlib.sha256(data).hexdigest()
             for path, data in sorted(bundle.items())}
    return orjson.dumps({"compiler": compiler_sha256(), "bundle": files}, option=orjson.OPT_INDENT_2) + b"\n"


def check_committed() -> int:
    """Without the specs: the committed bundle and the compiler against the record. 0 when both match."""
    if not RECORD.exists():
        print(f"{RECORD.relative_to(REPO_ROOT)} is missing: run python tools/compile_specs.py with the vendor specs",
              file=sys.stderr)
        return 1
    recorded = orjson.loads(RECORD.read_bytes())
    current = orjson.loads(record({path: path.read_bytes() for path in sorted(BUNDLE_DIR.glob("*.json"))}))
    names = sorted(set(recorded["bundle"]) | set(current["bundle"]))
    problems = [f"{name} differs from the last build from the specs" for name in names
                if recorded["bundle"].get(name) != current["bundle"].get(name)]
    if recorded["compiler"] != current["compiler"]:
        problems.append("the compiler (tools/compile_specs.py, tools/generated.py, tools/specs/) changed since the "
                        "last build from the specs")
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print("run: python tools/compile_specs.py --shared DIR, DIR holding the vendor specs (specs/, reference/) "
              "whose sha256 the bundle's sources list", file=sys.stderr)
        return 1
    print(f"bundle check: no vendor specs here, so the committed bundle and its compiler were checked against "
          f"{RECORD.relative_to(REPO_ROOT)} (both as the last build from the specs left them)")
    return 0
