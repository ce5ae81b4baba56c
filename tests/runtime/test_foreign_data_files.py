"""`--data` names a file targ may write to only when it is targ's: a new or empty file, or a targ store (SQLite
`application_id` "targ", or, from before the id, targ's own tables). Another program's database and a file that is
not a database are refused in one line, exit code 2, the file byte for byte as it was; a damaged targ store is
reported before the server listens."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from targ.store import DamagedStore, NotATargStore, SQLiteStore
from targ.store.sqlite import APPLICATION_ID


def _serve(data: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "targ", "serve", "--port", "0", "--data", str(data)],
                          capture_output=True, text=True, timeout=60)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _foreign(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER, name TEXT)")
    conn.execute("INSERT INTO customers VALUES (1, 'Anna')")
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize("make", ["foreign", "not_sqlite", "application_id"])
def test_a_file_that_is_not_targs_is_refused_in_one_line_and_left_as_it_was(tmp_path: Path, make: str) -> None:
    path = tmp_path / "theirs.db"
    if make == "foreign":
        _foreign(path)
    elif make == "not_sqlite":
        path.write_bytes(b"name,email\nAnna,anna@example.com\n" * 200)
    else:   # an empty database another program claimed with its own application id
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA application_id=1234")
        conn.close()
    before = _digest(path)
    done = _serve(path)
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"targ: {path}") and "leaves it as it is" in lines[0]
    assert "--data" in lines[0] and "Traceback" not in done.stderr
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["theirs.db"]   # no lock or WAL file beside it


def test_a_new_file_becomes_a_targ_store_and_opens_again(tmp_path: Path) -> None:
    path = tmp_path / "world.db"
    SQLiteStore(str(path)).close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    conn.close()
    SQLiteStore(str(path)).close()


def test_a_targ_store_from_before_the_id_is_recognised_and_marked(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    SQLiteStore(str(path)).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id=0")   # as every store was written before the id
    conn.close()
    SQLiteStore(str(path)).close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    conn.close()


def test_stores_refuse_without_the_command_line_too(tmp_path: Path) -> None:
    path = _foreign(tmp_path / "theirs.db")
    with pytest.raises(NotATargStore, match="another program's SQLite database"):
        SQLiteStore(str(path))


def test_a_damaged_targ_store_is_reported_before_listening(tmp_path: Path) -> None:
    path = tmp_path / "world.db"
    store = SQLiteStore(str(path))
    with store.transaction():
        for i in range(300):
            store.put("order", f"o{i}", {"text": "x" * 500}, owner="s")
    store.close()
    raw = bytearray(path.read_bytes())
    page = 4096
    raw[3 * page:4 * page] = b"\xff" * page   # a page of the documents' table overwritten
    path.write_bytes(bytes(raw))
    with pytest.raises(DamagedStore, match="move it aside"):
        SQLiteStore(str(path))
    done = _serve(path)
    assert done.returncode == 2 and "listening" not in done.stdout
    assert done.stderr.strip().count("\n") == 0 and f"mv {path} {path}.damaged" in done.stderr
