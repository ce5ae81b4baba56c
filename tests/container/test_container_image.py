"""The container image (issue 21): no Docker engine runs here, so the Dockerfile is linted (parsed with Docker's own
parser, held to the rules below) and what the image runs is run directly: its CMD with its environment serves, its
HEALTHCHECK command says healthy against it and unhealthy once it is gone."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import dockerfile
import pytest
from served import served

ROOT = Path(__file__).resolve().parents[2]
COMMANDS = dockerfile.parse_file(str(ROOT / "Dockerfile"))


def _all(cmd: str) -> list[dockerfile.Command]:
    return [c for c in COMMANDS if c.cmd == cmd]


def _env() -> dict[str, str]:
    env: dict[str, str] = {}
    for command in _all("ENV"):
        values = command.value
        env.update(zip(values[::2], values[1::2], strict=True))
    return env


def _targ_args(values: tuple[str, ...]) -> list[str]:
    """The arguments of an exec-form `targ …` command."""
    assert values[0] == "targ", values
    return list(values[1:])


def _argv(values: tuple[str, ...]) -> list[str]:
    """An exec-form command as run here: `targ` is this interpreter's `python -m targ`."""
    return [sys.executable, "-m", "targ", *_targ_args(values)]


def test_the_dockerfile_follows_the_rules() -> None:
    (base,) = _all("FROM")
    image = base.value[0]
    assert re.fullmatch(r"python:3\.\d+\.\d+-slim-\w+", image), f"pin the base image's version and flavour: {image}"
    assert not _all("ADD"), "COPY, not ADD (no remote fetches, no archive unpacking)"
    for command in _all("COPY"):
        for source in command.value[:-1]:
            assert (ROOT / source).exists(), f"COPY {source}: not in the repository"
    for command in _all("RUN"):
        text = " ".join(command.value)
        if "pip install" in text:
            assert "--no-cache-dir" in text
        assert "apt-get install" not in text or "--no-install-recommends" in text
    users = _all("USER")
    assert users and users[-1].value[0].split(":")[0] not in ("root", "0"), "the server must not run as root"
    assert COMMANDS.index(users[-1]) > max(COMMANDS.index(c) for c in _all("RUN")), "USER after the last RUN"
    (check,) = _all("HEALTHCHECK")
    assert check.json and check.value[0] == "CMD", "HEALTHCHECK in exec form"
    (cmd,) = _all("CMD")
    assert cmd.json, "CMD in exec form: the server gets the stop signal itself"
    assert _env()["TARG_HOST"] == "0.0.0.0"
    assert str(_env()["TARG_PORT"]) in [c.value[0] for c in _all("EXPOSE")]


def test_only_the_package_goes_into_the_build_context() -> None:
    lines = [line for line in (ROOT / ".dockerignore").read_text().splitlines() if line and not line.startswith("#")]
    assert lines[0] == "*"
    kept = {line[1:].rstrip("/") for line in lines if line.startswith("!")}
    copied = {source.rstrip("/") for c in _all("COPY") for source in c.value[:-1]}
    assert copied <= kept


def _health(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    (check,) = _all("HEALTHCHECK")
    return subprocess.run(_argv(check.value[1:]), env=env, capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("token", [None, "qa-stand-token"])
def test_what_the_image_runs_serves_and_reports_healthy(token: str | None) -> None:
    env = {**os.environ, **_env(), "TARG_PORT": "0"}   # any free port here; 8080 in the image
    if token:
        env["TARG_ADMIN_TOKEN"] = token
    (cmd,) = _all("CMD")
    with served(_targ_args(cmd.value), env, host="0.0.0.0") as (proc, port_number):
        assert proc.stderr is not None
        warning = proc.stderr.readline() if not token else ""
        assert ("beyond this machine" in warning) == (token is None)
        port = str(port_number)
        healthy = _health({**env, "TARG_PORT": port})
        assert healthy.returncode == 0, healthy.stderr
        admin = subprocess.run(["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "-H", "Host: targ:8080",
                                f"http://127.0.0.1:{port}/__targ/demo"]
                               + (["-H", f"Authorization: Bearer {token}"] if token else []),
                               capture_output=True, text=True, timeout=60)
        # A container is called by its service name: only the token opens the admin API to it.
        assert admin.stdout == ("200" if token else "403")
    gone = _health({**env, "TARG_PORT": port})
    assert gone.returncode == 1 and gone.stderr.count("\n") == 1 and "unhealthy" in gone.stderr


def test_the_health_command_takes_a_url() -> None:
    result = subprocess.run(_argv(("targ", "health", "--url", "http://127.0.0.1:9", "--timeout", "1")),
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert shlex.split(result.stderr)[0] == "targ:"


def test_compose_wires_targ_to_its_database() -> None:
    import yaml

    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
    db, targ = compose["services"]["db"], compose["services"]["targ"]
    assert targ["build"] == "." and targ["depends_on"]["db"]["condition"] == "service_healthy"
    url = urlsplit(targ["environment"]["TARG_DB"])
    assert (url.scheme, url.hostname, url.port) == ("postgresql", "db", 5432)
    env = db["environment"]
    assert (url.username, url.password, url.path.lstrip("/")) == (env["POSTGRES_USER"], env["POSTGRES_PASSWORD"],
                                                                   env["POSTGRES_DB"])
    assert int(targ["environment"]["TARG_WORKERS"]) >= 2
    assert targ["ports"] == [f"{_env()['TARG_PORT']}:{_env()['TARG_PORT']}"]
    assert "TARG_ADMIN_TOKEN" in targ["environment"]


def test_the_github_actions_example_matches_the_image() -> None:
    import yaml

    text = (ROOT / "docs" / "container.md").read_text()
    (block,) = re.findall(r"```yaml\n(.*?)```", text, re.S)
    service = yaml.safe_load(block)["jobs"]["test"]["services"]["targ"]
    (check,) = _all("HEALTHCHECK")
    assert f'--health-cmd "{" ".join(check.value[1:])}"' in service["options"]
    assert service["ports"] == [f"{_env()['TARG_PORT']}:{_env()['TARG_PORT']}"]
    assert service["env"]["TARG_ADMIN_TOKEN"]


def test_a_port_that_does_not_speak_http_is_unhealthy_in_one_line() -> None:
    import socket
    import threading

    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)

        def answer_garbage() -> None:
            conn, _ = listener.accept()
            conn.recv(1000)
            conn.sendall(b"garbage\r\n\r\n")
            conn.close()

        threading.Thread(target=answer_garbage, daemon=True).start()
        port = listener.getsockname()[1]
        result = subprocess.run(_argv(("targ", "health", "--url", f"http://127.0.0.1:{port}")),
                                capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and result.stderr.count("\n") == 1 and "unhealthy" in result.stderr
