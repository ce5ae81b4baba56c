"""Every package pinned in pyproject.toml is used (issue 20: `starlette` was pinned for months and never imported;
`requests` and `urllib3` were pinned though only the vendors' SDKs, which declare them themselves, import urllib3).

A pin is used when the repository imports it, or when it is a tool the Makefile runs. A new pin needs its import
name in IMPORT_NAMES when that differs from its distribution name."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CODE = ("src", "tests", "tools", "benchmarks")
IMPORT_NAMES = {"jsonschema-rs": "jsonschema_rs", "pyjwt": "jwt", "fpdf2": "fpdf", "pyyaml": "yaml",
                "allegro-pl-rest-api": "allegro_api"}
# Run, not imported: by the Makefile (`make lint`, `make test`), or named by targ.server (uvicorn's HTTP parser).
RUN = {"ruff": "Makefile", "mypy": "Makefile", "pytest": "Makefile", "httptools": "src/targ/server.py"}


def pins() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    specs = [*project["dependencies"], *(s for extra in project["optional-dependencies"].values() for s in extra)]
    return [re.split(r"[=<>!~\[ ;]", spec, maxsplit=1)[0].lower() for spec in specs]


def imported() -> set[str]:
    found: set[str] = set()
    pattern = re.compile(r"^\s*(?:from|import)\s+([A-Za-z_][A-Za-z0-9_]*)", re.M)
    for folder in CODE:
        for path in (ROOT / folder).rglob("*.py"):
            found.update(pattern.findall(path.read_text()))
    return found


def test_every_pin_is_imported_or_run() -> None:
    names = imported()
    unused = []
    for pin in pins():
        if pin in RUN:
            assert pin in (ROOT / RUN[pin]).read_text(), f"{pin} is no longer named in {RUN[pin]}"
        elif IMPORT_NAMES.get(pin, pin.replace("-", "_")) not in names:
            unused.append(pin)
    assert unused == [], "pinned in pyproject.toml, imported nowhere: drop them"


def test_the_pins_are_exact() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    specs = [*project["dependencies"], *(s for extra in project["optional-dependencies"].values() for s in extra)]
    assert all(re.fullmatch(r"[a-z0-9-]+==[0-9][0-9a-z.]*", spec) for spec in specs), specs
