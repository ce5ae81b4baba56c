"""The `targ` command."""

from __future__ import annotations

import gc
import sys
from typing import Any

import click

from targ import __version__
from targ.clock import parse_time


@click.group()
@click.version_option(__version__, prog_name="targ")
def main() -> None:
    """targ: a local, stateful Allegro REST API and Voucherify Orders API."""


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", default=8080, show_default=True, type=int, help="Port; 0 picks a free one.")
@click.option("--data", type=click.Path(dir_okay=False), default=None,
              help="SQLite file for the state (created if missing); in memory without it.")
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
def serve(host: str, port: int, data: str | None, seed: int, clock_start: str | None, frozen: bool,
          validate_responses: bool, access_log: bool, strict_requests: bool, no_examples: bool,
          allow_hosts: tuple[str, ...]) -> None:
    """Serve both vendors' APIs, the OAuth pages and the admin API on one port."""
    # No collection while starting: everything built now (modules, bundle, routes, the reset image) lives as long as
    # the process, so the collector's passes over the growing heap (~100 ms over a start) would free nothing.
    gc.disable()
    from targ.app import TargApp, build_world
    from targ.demo import demo_view
    from targ.server import bind, listening_url, make_server
    from targ.store import DataFileLocked
    from targ.world import Options

    try:
        start = parse_time(clock_start) if clock_start else None
    except ValueError:
        raise click.BadParameter(f"not an RFC 3339 time: {clock_start}", param_hint="--clock-start") from None
    allowed = tuple(name for value in allow_hosts for name in value.split(",") if name.strip())
    options = Options(seed=seed, data=data, clock_start=start, frozen=frozen,
                      validate_responses=validate_responses, access_log=access_log, host=host, allow_hosts=allowed,
                      strict_requests=strict_requests, examples=not no_examples)
    try:
        world = build_world(options)
    except DataFileLocked as exc:
        print(f"targ: {exc}", file=sys.stderr, flush=True)
        sys.exit(1)
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
    sock = bind(host, port)
    url = listening_url(sock)
    print(f"targ listening on {url}", flush=True)
    if not _loopback(host):
        print(f"targ: warning: listening on {host}, beyond this machine: anyone who can reach this port can drive "
              "the admin API (/__targ/: reset, clock, the demo seller's secrets)", file=sys.stderr, flush=True)
    _print_demo(demo_view(world))
    server = make_server(app, access_log=access_log)
    try:
        server.run(sockets=[sock])
    finally:
        world.close()


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
