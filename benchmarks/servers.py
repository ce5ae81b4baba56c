"""The servers under test (targ and the baseline): spawning them pinned to a CPU, timing their cold starts and
resets, reading their memory and CPU time from /proc, stopping them."""

from __future__ import annotations

import contextlib
import http.client
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from common import HOST, ROOT, BenchError, log, request

BASELINE = Path(__file__).resolve().parent / "baseline_app.py"
LISTENING = re.compile(r"targ listening on (http://\S+)")
SERVER_CPU, WRK_CPU = 0, 1
START_TIMEOUT_S = 60.0


@dataclass
class Server:
    """One server process (targ or the baseline), pinned to SERVER_CPU, whose stdout we drain."""

    name: str
    proc: subprocess.Popen[bytes]
    url: str = ""
    stdout_tail: list[str] = field(default_factory=list)
    stderr_file: Any = None

    @property
    def port(self) -> int:
        return int(self.url.rsplit(":", 1)[1])

    def rss_mb(self) -> float:
        status = Path(f"/proc/{self.proc.pid}/status").read_text()
        match = re.search(r"^VmRSS:\s+(\d+)\s+kB", status, re.M)
        if not match:
            raise BenchError(f"no VmRSS for {self.name} (pid {self.proc.pid})")
        return round(int(match.group(1)) / 1024, 1)

    def cpu_s(self) -> float:
        """User + system CPU seconds the server has used so far (/proc/PID/stat)."""
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stderr_text(self) -> str:
        if self.stderr_file is None:
            return ""
        self.stderr_file.seek(0)
        return self.stderr_file.read().decode(errors="replace")[-4000:]


RUNNING: list[Server] = []


def pin(cpu: int | None, argv: list[str]) -> list[str]:
    return ["taskset", "-c", str(cpu), *argv] if cpu is not None else argv


def server_argv(kind: str) -> list[str]:
    if kind == "targ":
        return [sys.executable, "-m", "targ", "serve", "--host", HOST, "--port", "0", "--frozen"]
    return [sys.executable, str(BASELINE), "--host", HOST, "--port", "0"]


def spawn(kind: str, cpu: int | None, argv: list[str] | None = None,
          env: dict[str, str] | None = None) -> tuple[Server, float, float]:
    """Execs a server (`argv`, by default `server_argv(kind)`) and waits for its `targ listening on` line. Returns
    the server, the perf_counter() at exec and the ms until the line. The line is printed once the server serves
    the socket, so a request sent now is answered."""
    stderr_file = tempfile.TemporaryFile()  # noqa: SIM115 - lives as long as the server; stop_server closes it
    t0 = time.perf_counter()
    proc = subprocess.Popen(pin(cpu, argv or server_argv(kind)), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=stderr_file, cwd=ROOT, env=env)
    srv = Server(kind, proc, stderr_file=stderr_file)
    RUNNING.append(srv)
    # A reader thread keeps readline from blocking past the deadline.
    found: list[str] = []
    seen = threading.Event()
    threading.Thread(target=_drain_stdout, args=(srv, found, seen), daemon=True).start()
    seen.wait(timeout=START_TIMEOUT_S)
    if not found:
        stop_server(srv)
        raise BenchError(f"{kind} did not print 'targ listening on ...' within {START_TIMEOUT_S:.0f} s "
                         f"(exit code {proc.poll()}):\n{srv.stderr_text()}")
    srv.url = found[0]
    return srv, t0, (time.perf_counter() - t0) * 1000


def start_server(kind: str, cpu: int | None) -> tuple[Server, float]:
    """Starts a server; returns it and the ms from spawn to the first 200 of GET /__targ/health."""
    srv, t0, _ = spawn(kind, cpu)
    proc = srv.proc
    deadline = t0 + START_TIMEOUT_S
    while True:
        if proc.poll() is not None:
            raise BenchError(f"{kind} exited with {proc.returncode} while starting:\n{srv.stderr_text()}")
        try:
            status, _, _ = request(srv.port, "GET", "/__targ/health", timeout=max(0.1, deadline - time.perf_counter()))
            if status == 200:
                return srv, (time.perf_counter() - t0) * 1000
        except OSError:
            pass
        if time.perf_counter() > deadline:
            stop_server(srv)
            raise BenchError(f"{kind}: GET /__targ/health gave no 200 within {START_TIMEOUT_S:.0f} s")
        time.sleep(0.002)


def _drain_stdout(srv: Server, found: list[str], seen: threading.Event) -> None:
    stdout = srv.proc.stdout
    assert stdout is not None
    with stdout:  # keeps draining after the line, so the server never blocks on a full pipe; ends at its exit
        for raw in stdout:
            line = raw.decode(errors="replace").rstrip()
            srv.stdout_tail = [*srv.stdout_tail[-20:], line]
            if not found and (match := LISTENING.search(line)):
                found.append(match.group(1))
                seen.set()
    seen.set()  # EOF: the server exited (found stays empty if it never printed the line)


def stop_server(srv: Server) -> None:
    proc = srv.proc
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)  # uvicorn's graceful shutdown
        try:
            proc.wait(timeout=8)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)
    if srv.stderr_file is not None:
        srv.stderr_file.close()
        srv.stderr_file = None
    if srv in RUNNING:
        RUNNING.remove(srv)


def stop_all() -> None:
    for srv in list(RUNNING):
        with contextlib.suppress(Exception):
            stop_server(srv)


def cpus() -> tuple[int | None, int | None, str]:
    if not shutil.which("taskset"):
        return None, None, "none (taskset missing)"
    available = sorted(os.sched_getaffinity(0))
    if SERVER_CPU in available and WRK_CPU in available:
        return SERVER_CPU, WRK_CPU, f"server on CPU {SERVER_CPU}, wrk on CPU {WRK_CPU}"
    return None, None, f"none (only CPUs {available} available)"


def startup(kind: str, runs: int, cpu: int | None) -> tuple[dict[str, Any], Server]:
    """`runs` cold starts; the last server is left running (and returned) for the rest of the benchmark."""
    times: list[float] = []
    srv: Server | None = None
    for i in range(runs):
        srv, ms = start_server(kind, cpu)
        times.append(round(ms, 1))
        log(f"{kind} start {i + 1}/{runs}: {ms:.1f} ms")
        if i < runs - 1:
            stop_server(srv)
    assert srv is not None
    return {"median": round(statistics.median(times), 1), "min": min(times), "runs": times}, srv


def reset_times(srv: Server, n: int) -> dict[str, Any]:
    client: list[float] = []
    server: list[float] = []
    conn = http.client.HTTPConnection(HOST, srv.port, timeout=30)
    try:
        for _ in range(n):
            t0 = time.perf_counter()
            status, headers, data = request(srv.port, "POST", "/__targ/reset", b"", conn=conn)
            client.append((time.perf_counter() - t0) * 1000)
            if not 200 <= status < 300:
                raise BenchError(f"POST /__targ/reset answered {status}: {data[:300]!r}")
            if "x-targ-reset-ms" in headers:
                server.append(float(headers["x-targ-reset-ms"]))
    finally:
        conn.close()
    return {
        "client_median": round(statistics.median(client), 2),
        "client_min": round(min(client), 2),
        "server_median": round(statistics.median(server), 2) if server else None,
        "n": n,
    }
