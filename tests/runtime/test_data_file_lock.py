"""One server per data file (issue 14, defect 2): a second `targ serve` on the same `--data` file exits at once
with one line naming the holder (exit status 2, as every start-up failure: issue 20), instead of both handing out
the same ids and overwriting each other."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from test_persistence import Served

from targ.store import DataFileLocked
from targ.testing import TargServer


def _second_serve(data: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "targ", "serve", "--port", "0", "--data", str(data)],
                          capture_output=True, text=True, timeout=60)


def test_a_second_server_on_the_same_file_is_refused_and_the_first_goes_on(tmp_path: Path) -> None:
    data = tmp_path / "targ.db"
    first = Served(data)
    try:
        second = _second_serve(data)
        assert second.returncode == 2
        assert second.stdout == ""
        assert second.stderr == (f"targ: --data {data} is in use by process {first.proc.pid} (another targ serve?): "
                                 "one server per data file: stop that one, or give another file\n")
        _, demo = first.call("GET", "/__targ/demo")
        offer = demo["offers"][0]["id"]  # type: ignore[index]
        status, body = first.call("POST", "/__targ/buyer/purchases", {"lineItems": [{"offerId": offer, "quantity": 1}]})
        assert status == 201, body
    finally:
        assert first.stop() == 0


def test_a_killed_holder_leaves_no_lock_behind(tmp_path: Path) -> None:
    data = tmp_path / "targ.db"
    Served(data).kill()
    again = Served(data)
    assert again.call("GET", "/__targ/health")[0] == 200
    assert again.stop() == 0


def test_in_process_servers_share_the_rule(tmp_path: Path) -> None:
    data = str(tmp_path / "targ.db")
    with TargServer(data=data), pytest.raises(DataFileLocked, match="one server per data file"):
        TargServer(data=data).start()
    with TargServer(data=data) as srv:   # released on stop
        assert srv.admin.call("GET", "/health")["status"] == "ok"
