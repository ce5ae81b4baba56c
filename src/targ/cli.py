"""The `targ` command.

Every way `targ serve` can fail to start (a bad option, a port in use, an address that does not resolve, a `--data`
file targ must not or cannot open) is one line on stderr naming the cause and the fix, and exit status 2; nothing is
printed on stdout then. `targ listening on http://HOST:PORT` is printed once the server answers (docs/behaviour.md,
Runtime).
"""

from __future__ import annotations

import errno
import gc
import socket
import sys
from typing import Any, NoReturn

import click

from targ import __version__
from targ.clock import parse_time

START_FAILED = 2   # the exit status of every start-up failure, as of a usage error


def fail(message: str) -> NoReturn:
    """A start-up failure: one line on stderr, exit status 2."""
    print(f"targ: {message}", file=sys.stderr, flush=True)
    sys.exit(START_FAILED)


class OneLineErrors(click.Group):
    """click's usage errors (an unknown option, a value of the wrong type) as one line too, instead of the usage
    block; --help and --version answer as usual."""

    def __call__(self, args: list[str] | None = None, **extra: Any) -> Any:
        try:
            result = self.main(args, standalone_mode=False, **extra)
        except click.UsageError as exc:
            command = exc.ctx.command_path if exc.ctx is not None else "targ"
            fail(f"{exc.format_message()} ({command} --help lists the options)")
        except click.ClickException as exc:
            print(f"targ: {exc.format_message()}", file=sys.stderr, flush=True)
            sys.exit(exc.exit_code)
        except click.Abort:
            print("targ: aborted", file=sys.stderr, flush=True)
            sys.exit(1)
        sys.exit(result if isinstance(result, int) else 0)


@click.group(cls=OneLineErrors)
@click.version_option(__version__, prog_name="targ")
def main() -> None:
    """targ: a local, stateful Allegro REST API and Voucherify Orders API."""


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, envvar="TARG_HOST",
              help="Address to bind (also TARG_HOST).")
@click.option("--port", default=8080, show_default=True, type=int, envvar="TARG_PORT",
              help="Port; 0 picks a free one (also TARG_PORT).")
@click.option("--data", default=None,
              help="SQLite file for the state (created if missing; targ opens only files it wrote); in memory "
                   "without it.")
@click.option("--move-damaged", is_flag=True,
              help="If the --data file is a damaged targ store, move it aside (to FILE.damaged) and start with a "
                   "fresh one.")
@click.option("--seed", default=0, show_default=True, type=int, help="Seed of every generated id and value.")
@click.option("--clock-start", default=None, help="RFC 3339 start of the virtual clock (default: wall time).")
@click.option("--frozen", is_flag=True, help="Start with the virtual clock frozen.")
@click.option("--validate-responses", is_flag=True, help="Check every response against the vendor's schema.")
@click.option("--access-log", is_flag=True, help="Log every request.")
@click.option("--strict-requests", is_flag=True,
              help="Check Allegro request bodies against the spec's schema as written, instead of reading them as "
                   "the vendor's lenient binder does (nulls, numbers as strings, unknown properties).")
@click.option("--no-examples", is_flag=True,
              help="Answer 501, in the vendor's error envelope, for operations targ answers only from the spec's "
                   "example (see GET /__targ/coverage), so a test suite can insist on real state.")
@click.option("--allow-host", "allow_hosts", multiple=True, envvar="TARG_ALLOW_HOSTS",
              help="A Host name the admin API (/__targ/) also answers to, besides loopback names (repeatable; "
                   "TARG_ALLOW_HOSTS takes a comma list).")
@click.option("--admin-token", envvar="TARG_ADMIN_TOKEN", default=None,
              help="Require this bearer token on every admin call (/__targ/*, the health check excepted); meant for "
                   "--host 0.0.0.0 (containers, shared stands). Also TARG_ADMIN_TOKEN.")
def serve(host: str, port: int, data: str | None, move_damaged: bool, seed: int, clock_start: str | None,
          frozen: bool, validate_responses: bool, access_log: bool, strict_requests: bool, no_examples: bool,
          allow_hosts: tuple[str, ...], admin_token: str | None) -> None:
    """Serve both vendors' APIs, the OAuth pages and the admin API on one port."""
    # No collection while starting: everything built now (modules, bundle, routes, the reset image) lives as long as
    # the process, so the collector's passes over the growing heap (~100 ms over a start) would free nothing.
    gc.disable()
    if not 0 <= port <= 65535:
        fail(f"--port {port} is out of range: a port is 1 to 65535, and --port 0 picks a free one")
    try:
        start = parse_time(clock_start) if clock_start else None
    except ValueError:
        fail(f"--clock-start {clock_start} is not an RFC 3339 time: write it like 2026-01-01T00:00:00Z")
    from targ.store.datafile import DamagedStore, DataFileError, inspect, move_aside

    if data:
        # Read-only, before the port is taken: a file targ must not open is refused with nothing written.
        try:
            inspect(data)
        except DamagedStore:
            pass   # told (or moved aside) below, once the file is locked against another targ
        except DataFileError as exc:
            fail(str(exc))
    from targ.app import TargApp, build_world
    from targ.demo import demo_view
    from targ.server import listening_url, make_server
    from targ.world import Options

    allowed = tuple(name for value in allow_hosts for name in value.split(",") if name.strip())
    options = Options(seed=seed, data=data, clock_start=start, frozen=frozen,
                      validate_responses=validate_responses, access_log=access_log, host=host, allow_hosts=allowed,
                      admin_token=admin_token or None,
                      strict_requests=strict_requests, examples=not no_examples)
    sock = _bind(host, port)
    try:
        try:
            world = build_world(options)
        except DamagedStore:
            if not move_damaged or not data:
                raise
            moved = move_aside(data)
            print(f"targ: moved the damaged {data} to {moved}; starting with a fresh store", file=sys.stderr,
                  flush=True)
            world = build_world(options)
    except DataFileError as exc:
        sock.close()
        fail(str(exc))
    app = TargApp(world)
    # Everything built so far (bundle, routes, the reset image) lives as long as the process: keep it out of the
    # garbage collector's full passes, which otherwise stall a request for ~20 ms every few thousand requests.
    # No gc.collect() first (~50 ms): start-up leaves next to no cyclic garbage.
    gc.freeze()
    gc.enable()
    # Requests allocate many short-lived objects and the store's memos keep many long-lived ones: collecting the
    # young generation less often, and the old one rarely, keeps full collections (100+ ms pauses once 10k orders
    # are in memory) out of the request path.
    gc.set_threshold(20_000, 50, 50)
    url = listening_url(sock)
    demo = demo_view(world)

    def started() -> None:
        # Called once uvicorn serves the socket: whoever reads this line can send a request and get an answer.
        print(f"targ listening on {url}", flush=True)
        if not _loopback(host) and not admin_token:
            print(f"targ: warning: listening on {host}, beyond this machine: anyone who can reach this port can "
                  "drive the admin API (/__targ/: reset, clock, the demo seller's secrets); --admin-token TOKEN "
                  "makes it require a bearer token", file=sys.stderr, flush=True)
        _print_demo(demo)

    server = make_server(app, access_log=access_log, on_started=started)
    try:
        server.run(sockets=[sock])
    finally:
        world.close()


@main.command()
@click.option("--url", default=None,
              help="targ's base URL (default: http://127.0.0.1:$TARG_PORT, port 8080 without TARG_PORT).")
@click.option("--timeout", default=3.0, show_default=True, type=float, help="Seconds to wait for the answer.")
def health(url: str | None, timeout: float) -> int:
    """Exit 0 if targ answers GET /__targ/health with 200, else 1 with one line saying why (a container's
    HEALTHCHECK: the image has no curl)."""
    import http.client
    import os
    from urllib.parse import urlsplit

    parts = urlsplit(url or f"http://127.0.0.1:{os.environ.get('TARG_PORT') or 8080}")
    conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port or 80, timeout=timeout)
    try:
        conn.request("GET", parts.path.rstrip("/") + "/__targ/health")
        status = conn.getresponse().status
    except (OSError, http.client.HTTPException) as exc:   # refused, timed out, or not HTTP at all: one line still
        print(f"targ: unhealthy: {parts.geturl()} does not answer ({exc!r})", file=sys.stderr, flush=True)
        return 1
    finally:
        conn.close()
    if status != 200:
        print(f"targ: unhealthy: GET /__targ/health answered {status}", file=sys.stderr, flush=True)
        return 1
    return 0


def _bind(host: str, port: int) -> socket.socket:
    """The listening socket, or the one line that says why there is none."""
    from targ.server import bind

    where = f"{host}:{port}"
    try:
        return bind(host, port)
    except socket.gaierror:
        fail(f"--host {host} does not resolve to an address: give an IP address (127.0.0.1, 0.0.0.0, ::1) or a "
             "name this machine resolves")
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            fail(f"port {port} on {host} is in use (another targ serve, or another program): stop it, or start "
                 "with --port 0 to take a free port")
        if exc.errno == errno.EADDRNOTAVAIL:
            fail(f"--host {host} is not an address of this machine: use 127.0.0.1, 0.0.0.0 or one of its own "
                 "addresses")
        if exc.errno == errno.EACCES:
            fail(f"cannot listen on {where}: permission denied (ports below 1024 need privileges): use a port "
                 "from 1024 up, or --port 0")
        fail(f"cannot listen on {where} ({exc.strerror or exc}): try another --host or --port (--port 0 picks a "
             "free port)")


def _loopback(host: str) -> bool:
    import ipaddress

    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _print_demo(demo: dict[str, Any]) -> None:
    """The demo credentials, whole (tokens are long; nothing may be cut off), one per line, unstyled."""
    lines = ["demo world (also at GET /__targ/demo)"]
    for key in ("login", "sellerId", "clientId", "clientSecret", "accessToken", "refreshToken",
                "voucherifyApplicationId", "voucherifySecretKey"):
        lines.append(f"  {key}: {demo.get(key, '')}")
    for offer in demo.get("offers", []):
        kind = "One Fulfillment" if offer.get("oneFulfillment") else "seller-fulfilled"
        lines.append(f"  offer {offer['id']}: {offer['name']}, stock {offer['stock']} ({kind})")
    print("\n".join(lines), flush=True)


if __name__ == "__main__":  # pragma: no cover
    main()
