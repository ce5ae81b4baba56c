"""Every way `targ serve` fails to start is one line on stderr naming the cause and the fix, exit status 2, nothing
on stdout (no `targ listening on` line), no traceback; a `--data` file that is not a targ store is left byte for byte
as it was, with nothing created beside it (issue 20; docs/behaviour.md, Runtime)."""

from __future__ import annotations

import hashlib
import os
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from targ.store.datafile import TARG_APPLICATION_ID
from targ.store.migrations import LATEST
from targ.store.sqlite import SQLiteStore


def serve(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "targ", "serve", *args], capture_output=True, text=True,
                          timeout=60, stdin=subprocess.DEVNULL)


def refused(*args: str) -> str:
    """The one line a start that must fail printed."""
    done = serve(*args)
    assert done.returncode == 2, done.stderr
    assert done.stdout == ""
    assert done.stderr.startswith("targ: ") and done.stderr.count("\n") == 1 and done.stderr.endswith("\n"), \
        done.stderr
    return done.stderr.rstrip("\n")


def folder_state(folder: Path) -> dict[str, str]:
    """Every file in the folder with the sha256 of its bytes."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def targ_store(path: Path, docs: int = 300) -> None:
    """A targ store with enough documents to span many pages, closed cleanly (its -wal checkpointed away)."""
    store = SQLiteStore(str(path))
    with store.transaction():
        for n in range(docs):
            store.put("thing", f"t{n:04}", {"n": n, "text": "x" * 200}, owner="o")
    store.close()


def application_id(path: Path) -> int:
    return int.from_bytes(path.read_bytes()[68:72], "big")


# ---------------------------------------------------------------------------------------------------- the port


def test_a_port_in_use_says_so_and_offers_port_0() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        line = refused("--port", str(port))
    assert line == (f"targ: port {port} on 127.0.0.1 is in use (another targ serve, or another program): stop it, "
                    "or start with --port 0 to take a free port")


@pytest.mark.parametrize("port", ["70000", "-1"])
def test_a_port_out_of_range(port: str) -> None:
    assert refused("--port", port) == (f"targ: --port {port} is out of range: a port is 1 to 65535, and --port 0 "
                                       "picks a free one")


def test_a_host_that_does_not_resolve() -> None:
    # .invalid never resolves (RFC 2606).
    assert refused("--host", "nosuchhost.invalid", "--port", "0") == (
        "targ: --host nosuchhost.invalid does not resolve to an address: give an IP address (127.0.0.1, 0.0.0.0, "
        "::1) or a name this machine resolves")


def test_a_host_that_is_not_this_machines() -> None:
    # 192.0.2.0/24 is TEST-NET-1 (RFC 5737): no machine has it.
    assert refused("--host", "192.0.2.1", "--port", "0") == (
        "targ: --host 192.0.2.1 is not an address of this machine: use 127.0.0.1, 0.0.0.0 or one of its own "
        "addresses")


def test_usage_errors_are_one_line_too() -> None:
    assert refused("--port", "abc") == ("targ: Invalid value for '--port': 'abc' is not a valid integer. "
                                        "(python -m targ serve --help lists the options)")
    assert refused("--clock-start", "yesterday") == ("targ: --clock-start yesterday is not an RFC 3339 time: write "
                                                     "it like 2026-01-01T00:00:00Z")


# ---------------------------------------------------------------------------------------------------- the folder


def test_a_missing_data_folder(tmp_path: Path) -> None:
    data = tmp_path / "nope" / "targ.db"
    assert refused("--port", "0", "--data", str(data)) == (
        f"targ: --data {data} is in a folder that does not exist ({data.parent}): create it first "
        f"(mkdir -p {data.parent}) or give a file in an existing folder")
    assert not data.parent.exists()


def _unwritable_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    if not os.access(folder, os.W_OK):
        return folder
    # Run as root, which writes wherever permissions say no: sysfs refuses to create a file even for root.
    return Path("/sys")


def test_an_unwritable_data_folder(tmp_path: Path) -> None:
    folder = _unwritable_folder(tmp_path)
    before = sorted(os.listdir(folder))
    data = folder / "targ.db"
    assert refused("--port", "0", "--data", str(data)) == (
        f"targ: --data {data} is in a folder targ cannot write to ({folder}: permission denied; the store keeps its "
        "lock and journal files beside it): give a file in a writable folder")
    assert sorted(os.listdir(folder)) == before


def test_a_folder_given_as_the_data_file(tmp_path: Path) -> None:
    assert refused("--port", "0", "--data", str(tmp_path)) == (
        f"targ: --data {tmp_path} is a folder: give a file in it, e.g. --data {tmp_path / 'targ.db'}")
    assert list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------------------------------------------- foreign files


def _refused_untouched(data: Path, cause: str) -> None:
    before = folder_state(data.parent)
    assert refused("--port", "0", "--data", str(data)) == (
        f"targ: --data {data} is not a targ store ({cause}): targ leaves it untouched: give a new file (targ creates "
        "it) or one targ wrote")
    assert folder_state(data.parent) == before   # the same bytes, and no -wal, -shm or .lock beside it


def test_a_file_that_is_not_a_database_is_left_untouched(tmp_path: Path) -> None:
    data = tmp_path / "notes.txt"
    data.write_text("my notes, not a database\n" * 20)
    _refused_untouched(data, "not an SQLite database")


def test_another_programs_sqlite_database_is_left_untouched(tmp_path: Path) -> None:
    """The issue's worst case: targ used to drop this file's tables and put its own in their place."""
    data = tmp_path / "app.db"
    conn = sqlite3.connect(data)
    conn.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("CREATE TABLE meta (key TEXT, value TEXT)")   # one name in common with targ's is not enough
    conn.executemany("INSERT INTO users (name) VALUES (?)", [(f"user {n}",) for n in range(500)])
    conn.commit()
    conn.close()
    _refused_untouched(data, "an SQLite database with the tables meta, users")


def test_a_database_in_wal_mode_is_read_without_creating_its_wal(tmp_path: Path) -> None:
    data = tmp_path / "wal.db"
    conn = sqlite3.connect(data)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE docs (x)")
    conn.commit()
    conn.close()
    _refused_untouched(data, "an SQLite database with the tables docs")


def test_a_database_marked_by_another_application_is_left_untouched(tmp_path: Path) -> None:
    data = tmp_path / "other.db"
    conn = sqlite3.connect(data)
    conn.execute("PRAGMA application_id = 42")
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    _refused_untouched(data, "the SQLite database of another application, application_id 0x2a")


def test_an_sqlite_database_without_tables_is_not_taken_over(tmp_path: Path) -> None:
    data = tmp_path / "empty.db"
    conn = sqlite3.connect(data)
    conn.execute("PRAGMA user_version = 3")   # written: a valid database with no table
    conn.close()
    _refused_untouched(data, "an SQLite database without tables")


# ---------------------------------------------------------------------------------------------------- targ's stores


def test_a_store_targ_creates_carries_the_mark_and_keeps_it_through_a_reset(tmp_path: Path) -> None:
    from targ.testing import TargServer

    data = tmp_path / "targ.db"
    with TargServer(data=str(data)) as srv:
        assert application_id(data) == TARG_APPLICATION_ID
        srv.reset()   # copies the in-memory image's pages, header included, over the file
    assert application_id(data) == TARG_APPLICATION_ID
    with TargServer(data=str(data)) as again:   # and opens again
        assert again.admin.call("GET", "/health")["status"] == "ok"


def test_a_store_from_before_the_mark_is_recognised_and_marked(tmp_path: Path) -> None:
    data = tmp_path / "old.db"
    conn = sqlite3.connect(data)   # as targ wrote it at schema 1: its tables, no application_id
    conn.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY)")
    from targ.store.migrations import MIGRATIONS

    for sql in MIGRATIONS[0][1]:
        assert isinstance(sql, str)
        conn.execute(sql)
    conn.execute("INSERT INTO schema_version (version) VALUES (1)")
    conn.execute("INSERT INTO docs (kind, id, owner, seq, alt, data) VALUES ('thing', 'a', 'o', 1, NULL, '{}')")
    conn.commit()
    conn.close()
    assert application_id(data) == 0
    store = SQLiteStore(str(data))
    assert store.get("thing", "a") == {} and store.version() == LATEST
    store.close()
    assert application_id(data) == TARG_APPLICATION_ID


def test_a_store_from_before_the_mark_killed_before_its_first_checkpoint(tmp_path: Path) -> None:
    """Its main file holds only the header page (WAL mode is set before anything else); its tables are in the -wal
    file a kill left beside it, which is where they are looked for."""
    from targ.store.migrations import MIGRATIONS

    live = tmp_path / "live.db"
    conn = sqlite3.connect(live)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY)")
    for sql in MIGRATIONS[0][1]:
        assert isinstance(sql, str)
        conn.execute(sql)
    conn.execute("INSERT INTO schema_version (version) VALUES (1)")
    conn.execute("INSERT INTO docs (kind, id, owner, seq, alt, data) VALUES ('thing', 'a', 'o', 1, NULL, '{}')")
    conn.commit()
    killed = tmp_path / "killed.db"
    for suffix in ("", "-wal", "-shm"):   # the files as a kill -9 leaves them, the connection still open
        Path(f"{killed}{suffix}").write_bytes(Path(f"{live}{suffix}").read_bytes())
    conn.close()
    assert killed.stat().st_size <= 4096 and Path(f"{killed}-wal").stat().st_size > 0
    store = SQLiteStore(str(killed))
    assert store.get("thing", "a") == {} and store.version() == LATEST
    store.close()
    assert application_id(killed) == TARG_APPLICATION_ID


def test_a_store_from_a_newer_targ(tmp_path: Path) -> None:
    data = tmp_path / "targ.db"
    targ_store(data, docs=1)
    conn = sqlite3.connect(data)
    conn.execute("INSERT INTO schema_version (version) VALUES (?)", (LATEST + 5,))
    conn.commit()
    conn.close()
    assert refused("--port", "0", "--data", str(data)) == (
        f"targ: --data {data} was written by a newer targ (schema {LATEST + 5}; this targ knows up to {LATEST}): "
        "upgrade targ, or give another file")


def test_a_truncated_store(tmp_path: Path) -> None:
    data = tmp_path / "targ.db"
    targ_store(data)
    whole = data.stat().st_size
    os.truncate(data, whole // 2)
    before = folder_state(tmp_path)
    assert refused("--port", "0", "--data", str(data)) == (
        f"targ: --data {data} is a damaged targ store (truncated: {whole // 2} of its {whole} bytes): start with "
        f"--move-damaged to move it to {data}.damaged and begin with a fresh store, or restore the file from a copy")
    assert folder_state(tmp_path) == before


def _damage_a_page(data: Path) -> None:
    """Overwrites the cell pointers of the documents table's root page: the header stays valid."""
    conn = sqlite3.connect(data)
    (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name='docs'").fetchone()
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with data.open("r+b") as stream:
        stream.seek((root - 1) * page_size + 12)
        stream.write(b"\xff" * 64)


def test_a_store_with_a_damaged_page_is_reported_before_listening_and_can_be_moved_aside(tmp_path: Path) -> None:
    data = tmp_path / "targ.db"
    targ_store(data)
    _damage_a_page(data)
    damaged = data.read_bytes()
    line = refused("--port", "0", "--data", str(data))
    assert line.startswith(f"targ: --data {data} is a damaged targ store (quick_check: ")
    assert line.endswith(f"): start with --move-damaged to move it to {data}.damaged and begin with a fresh store, "
                         "or restore the file from a copy")
    assert data.read_bytes() == damaged

    # As the line says: the file moves aside, and a fresh store starts in its place.
    proc = subprocess.Popen([sys.executable, "-m", "targ", "serve", "--port", "0", "--data", str(data),
                             "--move-damaged"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stderr is not None
        assert proc.stdout.readline().startswith("targ listening on http://127.0.0.1:")
        assert proc.stderr.readline() == (f"targ: moved the damaged {data} to {data}.damaged; starting with a fresh "
                                          "store\n")
    finally:
        proc.terminate()
        proc.communicate(timeout=30)
    assert proc.returncode == 0
    assert Path(f"{data}.damaged").read_bytes() == damaged
    assert application_id(data) == TARG_APPLICATION_ID
    store = SQLiteStore(str(data))   # the fresh store: the demo world, none of the damaged one's documents
    assert store.get("thing", "t0000") is None and store.count("thing") == 0
    store.close()


def test_a_second_damaged_store_goes_beside_the_first(tmp_path: Path) -> None:
    from targ.store.datafile import aside_name, move_aside

    data = tmp_path / "targ.db"
    for expected in (f"{data}.damaged", f"{data}.damaged-2"):
        data.write_bytes(b"damaged")
        assert aside_name(str(data)) == expected
        assert move_aside(str(data)) == expected and not data.exists()
