"""`--data FILE`: every acknowledged write survives a kill -9 and a restart."""

from __future__ import annotations

import http.client
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import orjson


class Served:
    def __init__(self, data: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "targ", "serve", "--port", "0", "--data", str(data), "--frozen",
             "--clock-start", "2026-01-01T00:00:00Z"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        err = self.proc.stderr.read() if self.proc.stderr and not line else ""
        assert line.startswith("targ listening on http://"), line + err
        hostport = line.strip().rsplit("//", 1)[1]
        self.host, port = hostport.rsplit(":", 1)
        self.port = int(port)
        # Keep the pipe drained so the server never blocks on a full stdout.
        threading.Thread(target=self.proc.stdout.read, daemon=True).start()

    def call(self, method: str, path: str, body: object = None) -> tuple[int, object]:
        conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
        conn.request(method, path, body=orjson.dumps(body) if body is not None else None,
                     headers={"Content-Type": "application/json"} if body is not None else {})
        resp = conn.getresponse()
        raw = resp.read()
        conn.close()
        return resp.status, (orjson.loads(raw) if raw else None)

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=10)

    def stop(self) -> int:
        self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(timeout=20)


def test_acknowledged_writes_survive_kill_9(tmp_path: Path) -> None:
    data = tmp_path / "targ.db"
    srv = Served(data)
    acknowledged: list[str] = []
    stop = threading.Event()
    enough = threading.Event()

    def writer() -> None:
        # Writes as fast as the server acknowledges them, until the kill lands mid-stream.
        n = 0
        while not stop.is_set():
            n += 1
            try:
                status, body = srv.call("POST", "/__targ/sellers", {"login": f"seller-{n}"})
            except (ConnectionError, http.client.HTTPException, OSError):
                return
            if status == 201:
                assert isinstance(body, dict)
                acknowledged.append(body["id"])
                if len(acknowledged) >= 40:
                    enough.set()

    thread = threading.Thread(target=writer)
    thread.start()
    assert enough.wait(timeout=60), "the server acknowledged fewer than 40 writes"
    srv.kill()
    stop.set()
    thread.join(timeout=10)

    again = Served(data)
    try:
        for seller_id in acknowledged:
            status, _ = again.call("POST", f"/__targ/sellers/{seller_id}/tokens", {"scopes": []})
            assert status == 201, seller_id
    finally:
        assert again.stop() == 0


def test_clock_and_config_persist_across_a_clean_restart(tmp_path: Path) -> None:
    data = tmp_path / "targ.db"
    srv = Served(data)
    assert srv.call("POST", "/__targ/clock", {"advance": "PT36H"})[0] == 200
    assert srv.call("PATCH", "/__targ/config", {"jobDelay": "PT1M"})[0] == 200
    assert srv.stop() == 0
    again = Served(data)
    try:
        assert again.call("GET", "/__targ/clock")[1] == {"now": "2026-01-02T12:00:00.000Z", "frozen": True}
        config = again.call("GET", "/__targ/config")[1]
        assert isinstance(config, dict) and config["jobDelay"] == "PT1M"
        # reset also rolls the file back to the demo world
        assert again.call("POST", "/__targ/reset")[0] == 204
        assert again.call("GET", "/__targ/clock")[1] == {"now": "2026-01-01T00:00:00.000Z", "frozen": True}
    finally:
        assert again.stop() == 0
    assert os.path.exists(data)
