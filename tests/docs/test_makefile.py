"""The README's two commands as the Makefile runs them (`make --dry-run` into a virtualenv that does not exist yet,
as on a fresh machine): `make serve` installs only the server's dependencies, `make test` adds the test extras, and
each install step says what it does (issue 20)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def dry_run(target: str, venv: Path) -> list[str]:
    # Not as a sub-make of `make test` (whose variables would make it print "Entering directory" lines).
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS")}
    done = subprocess.run(["make", "--dry-run", "--no-print-directory", target, f"VENV={venv}"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60, check=True)
    return done.stdout.splitlines()


def installs(lines: list[str]) -> list[str]:
    return [line.split(" install ", 1)[1] for line in lines if "-m pip" in line and " install " in line]


def test_make_serve_installs_only_what_the_server_needs(tmp_path: Path) -> None:
    lines = dry_run("serve", tmp_path / "venv")
    assert installs(lines) == ["--quiet --upgrade pip", "--progress-bar on -e ."]
    assert lines[-1] == f"{tmp_path / 'venv'}/bin/targ serve "
    steps = [line for line in lines if line.startswith('echo "targ: [')]
    assert [step.split("]")[0] for step in steps] == ['echo "targ: [1/3', 'echo "targ: [2/3', 'echo "targ: [3/3']


def test_make_test_adds_the_test_tools_then_checks_and_runs_the_suite(tmp_path: Path) -> None:
    lines = dry_run("test", tmp_path / "venv")
    assert installs(lines) == ["--quiet --upgrade pip", "--progress-bar on -e .", "--progress-bar on -e '.[test]'"]
    bin_ = f"{tmp_path / 'venv'}/bin"
    assert lines[-5:] == [f"{bin_}/python tools/compile_specs.py --check",
                          f"{bin_}/python tools/make_dataset.py --seed 0 --check",
                          f"{bin_}/ruff check src tests tools benchmarks",
                          f"{bin_}/python -m mypy",
                          f"{bin_}/python -m pytest "]
