"""What keeps a web page from driving the admin API (`/__targ/*`).

The admin API moves the clock, resets the world and hands out the demo seller's secrets, and it answers without
credentials. A page in the developer's browser could reach it in two ways, both refused here:

* **Cross-site requests** (a form, `fetch` with a "simple" body): browsers send `Origin` on every cross-origin POST
  and on CORS reads, so a request whose `Origin` is not targ's own origin is refused. As a second line, a
  state-changing call with a body must say `Content-Type: application/json`, which no simple request can carry
  without a CORS preflight (that targ never answers).
* **DNS rebinding** (a hostile name re-pointed at 127.0.0.1, so the page is same-origin with it): its requests carry
  that name in `Host`, so `Host` must be a loopback name, the address targ is bound to, or a name the user allowed
  (`--allow-host`).

**An admin token** (`--admin-token`, `TARG_ADMIN_TOKEN`), for a targ bound to every address (a container, a shared
QA stand): every admin call but the health check must then carry `Authorization: Bearer <token>`, and one that does
may use any `Host` and `Origin` (a page cannot know the token, and a browser sends no `Authorization` cross-origin
without a CORS preflight, which targ never answers). Off by default: on 127.0.0.1 the rules above suffice.

`GET /__targ/health` is not guarded (it tells nothing but the version, and container probes call it by the pod's
address), nor are vendor paths: they need credentials, and integrators reach them through Docker mappings and other
names (URLs targ hands out are built from `Host`).
"""

from __future__ import annotations

import hmac
import ipaddress
from collections.abc import Iterable

from targ.http.errors import AdminError
from targ.http.media import essence
from targ.http.request import Headers

HEALTH = "/__targ/health"
_WRITES = frozenset({"POST", "PUT", "PATCH", "DELETE"})
_ANY_ADDRESS = frozenset({"", "0.0.0.0", "::"})


class AdminGuard:
    def __init__(self, bound_host: str, allowed: Iterable[str] = (), token: str | None = None) -> None:
        self._token = f"Bearer {token}".encode() if token else None
        names = {name.strip().lower().strip("[]") for name in allowed if name.strip()}
        bound = bound_host.lower().strip("[]")
        if bound not in _ANY_ADDRESS:
            names.add(bound)
        self._names = frozenset(names)

    def refusal(self, method: str, path: str, headers: Headers, base_url: str, body: bytes) -> AdminError | None:
        """Why this admin request is refused, or None."""
        if path == HEALTH and method in ("GET", "HEAD"):
            return None   # reveals nothing; container probes call it by the pod's address
        if self._token is not None:
            given = (headers.get("authorization") or "").encode()
            if not hmac.compare_digest(given, self._token):
                return AdminError(401, "unauthorized",
                                  "this targ's admin API requires its admin token: send Authorization: Bearer "
                                  "<the --admin-token / TARG_ADMIN_TOKEN value>",
                                  headers={"WWW-Authenticate": 'Bearer realm="targ admin"'})
            return self._media_refusal(method, headers, body)
        host = headers.get("host")
        if host is not None and not self._host_allowed(_hostname(host)):
            return AdminError(403, "forbidden_host",
                              f"the admin API answers only to loopback names and --allow-host names, not {host!r}")
        origin = headers.get("origin")
        if origin is not None and origin.rstrip("/").lower() != base_url.lower():
            return AdminError(403, "forbidden_origin",
                              f"the admin API refuses requests from another origin ({origin})")
        return self._media_refusal(method, headers, body)

    @staticmethod
    def _media_refusal(method: str, headers: Headers, body: bytes) -> AdminError | None:
        if method in _WRITES:
            media = essence(headers.get("content-type"))
            if (media or body.strip()) and media != "application/json":
                return AdminError(415, "unsupported_media_type",
                                  "admin calls with a body must send Content-Type: application/json")
        return None

    def _host_allowed(self, name: str) -> bool:
        if name == "localhost" or name.endswith(".localhost") or name in self._names or "*" in self._names:
            return True
        try:
            return ipaddress.ip_address(name).is_loopback
        except ValueError:
            return False


def _hostname(host: str) -> str:
    """`Host` without its port, lower-cased; IPv6 without brackets."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:host.find("]")] if "]" in host else host[1:]
    name, _, port = host.rpartition(":")
    return name if name and port.isdigit() else host
