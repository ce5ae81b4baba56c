"""Types and locations every part of the compiler shares."""

from __future__ import annotations

from pathlib import Path
from typing import Any

Json = Any
Schema = dict[str, Any]
Operation = dict[str, Any]

# tools/specs/common.py -> the repository root is three levels up.
REPO_ROOT = Path(__file__).resolve().parents[2]
BUNDLE_DIR = REPO_ROOT / "src" / "targ" / "spec" / "bundle"
FORMAT_VERSION = 1

SCHEMA_REF_PREFIX = "#/components/schemas/"
# Both vendors record the errata file among their sources.
ERRATA_FILE = "reference/spec-errata.md"
