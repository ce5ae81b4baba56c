"""`targ serve` as a user starts it: the demo credentials it prints, plain and whole, work as the very first request;
the start leaves out what the first request does not need (docs/architecture.md, start-up)."""

from __future__ import annotations

import http.client
import re
import subprocess
import sys
import threading
from typing import Any

import orjson

ARGS = ["serve", "--port", "0", "--frozen", "--clock-start", "2026-01-01T00:00:00Z", "--seed", "7"]
KEYS = ("login", "sellerId", "clientId", "clientSecret", "accessToken", "refreshToken", "voucherifyApplicationId",
        "voucherifySecretKey")


def call(port: int, path: str, headers: dict[str, str] | None = None) -> tuple[int, Any]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request("GET", path, headers=headers or {})
        resp = conn.getresponse()
        return resp.status, orjson.loads(resp.read())
    finally:
        conn.close()


def start(*python_flags: str) -> tuple[subprocess.Popen[str], int, list[str]]:
    """The server, its port and the lines it printed up to the last offer of the demo world."""
    proc = subprocess.Popen([sys.executable, *python_flags, "-m", "targ", *ARGS], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    first = proc.stdout.readline()
    match = re.fullmatch(r"targ listening on http://127\.0\.0\.1:(\d+)\n", first)
    assert match, first
    lines = [proc.stdout.readline().rstrip("\n") for _ in range(1 + len(KEYS) + 3)]
    threading.Thread(target=proc.stdout.read, daemon=True).start()
    return proc, int(match.group(1)), lines


def stop(proc: subprocess.Popen[str]) -> str:
    proc.terminate()
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    return err


def test_the_printed_credentials_are_plain_whole_and_work_first() -> None:
    proc, port, lines = start()
    try:
        # The first request of this server is the seller's, with the printed token.
        printed = dict(line.strip().split(": ", 1) for line in lines[1:1 + len(KEYS)])
        status, me = call(port, "/me", {"Authorization": f"Bearer {printed['accessToken']}",
                                        "Accept": "application/vnd.allegro.public.v1+json"})
        assert status == 200 and me["login"] == printed["login"]
        status, demo = call(port, "/__targ/demo")
        assert status == 200
    finally:
        stop(proc)
    assert lines[0] == "demo world (also at GET /__targ/demo)"
    assert list(printed) == list(KEYS)
    assert printed == {key: str(demo[key]) for key in KEYS}
    assert all("\x1b" not in line for line in lines)   # no terminal styling in a pipe or a log
    offers = [f"  offer {o['id']}: {o['name']}, stock {o['stock']} "
              f"({'One Fulfillment' if o['oneFulfillment'] else 'seller-fulfilled'})" for o in demo["offers"]]
    assert lines[1 + len(KEYS):] == offers


def test_the_start_leaves_out_what_the_first_request_does_not_need() -> None:
    """PyJWT and rich are not imported by a start and its first request (tokens are signed with cryptography alone,
    the credentials printed plainly); jsonschema_rs waits for the first validation."""
    proc, port, _ = start("-X", "importtime")
    try:
        assert call(port, "/__targ/health")[0] == 200
    finally:
        err = stop(proc)
    imported = {line.split("|")[2].strip() for line in err.splitlines() if line.startswith("import time:")}
    assert {"targ.app", "targ.demo", "uvicorn", "cryptography"} <= imported
    assert not imported & {"jwt", "rich", "jsonschema_rs"}
