"""Voucherify's credential rules: a key pair per API family (server-side, client-side, management), each belonging
to a project (targ.voucherify.projects writes them)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from targ.cache import Cache
from targ.http.errors import VoucherifyError
from targ.http.request import Principal

if TYPE_CHECKING:
    from targ.http.request import Request
    from targ.spec.bundle import Operation
    from targ.world import World

VOUCHERIFY_KEY_KIND = "vf_key"
DOWNLOAD_EXPORT = "download-export"

VOUCHERIFY_HEADERS = {
    "server": ("x-app-id", "x-app-token"),
    "client": ("x-client-application-id", "x-client-token"),
    "management": ("x-management-id", "x-management-token"),
}


def voucherify_key_kind(path: str) -> str:
    if path.startswith("/client/"):
        return "client"
    if path.startswith("/management/"):
        return "management"
    return "server"


def download_token(req: Request) -> str | None:
    return next((v for k, v in req.query_pairs if k == "token"), None)


class VoucherifyAuth:
    def __init__(self, world: World) -> None:
        self.world = world
        self._keys: Cache[str, tuple[Any, dict[str, Any] | None]] = Cache("voucherify.keys")

    def authenticate(self, req: Request, op: Operation) -> None:
        # The vendor serves the download from another host that knows no key pairs: the token alone authorises it,
        # and the handler checks it.
        if op.operation_id == DOWNLOAD_EXPORT and download_token(req) is not None:
            return
        if op.security:
            req.principal = self.principal(req)

    def principal(self, req: Request) -> Principal:
        kind = voucherify_key_kind(req.path)
        id_header, token_header = VOUCHERIFY_HEADERS[kind]
        app_id, secret = req.headers.get(id_header), req.headers.get(token_header)
        doc = self._key(app_id) if app_id else None
        if doc is None or doc.get("kind") != kind or doc.get("secret") != secret:
            raise VoucherifyError(401, "unauthorized", "Unauthorized")
        return Principal("voucherify", project_id=doc["projectId"], key_kind=kind)

    def _key(self, app_id: str) -> dict[str, Any] | None:
        store = self.world.store
        generation = store.generation(VOUCHERIFY_KEY_KIND)
        kept = self._keys.lookup(app_id)
        if kept is None or kept[0] != generation:
            kept = (generation, store.get(VOUCHERIFY_KEY_KIND, app_id))
            self._keys.put(app_id, kept)
        return kept[1]
