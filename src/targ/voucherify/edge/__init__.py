"""The Voucherify API as a surface of the request pipeline (targ.http.pipeline): `/v1/`, `/client/v1/` and
`/management/v1/`. Key pairs per API family (targ.voucherify.auth), JSON everywhere (text/plain for the CSV
download), errors as `{"code", "key", "message", "details", "request_id"}` (errors.py), and the vendor's limits on
integers beyond its schema (targ.voucherify.integers)."""

from __future__ import annotations

from targ.http.pipeline import Surface
from targ.http.request import Request
from targ.http.response import Response
from targ.http.spec import SpecChecks, SpecReplies, SpecRoutes
from targ.http.traces import TraceIds
from targ.spec.bundle import load_bundle
from targ.voucherify.auth import VoucherifyAuth
from targ.voucherify.edge.errors import VoucherifyErrors
from targ.voucherify.edge.negotiation import VoucherifyBinding, VoucherifyNegotiation, choose
from targ.world import World

PREFIXES = ("/v1/", "/client/v1/", "/management/v1/")
ROOTS = ("/v1", "/client/v1", "/management/v1")


def owns(raw_path: str) -> bool:
    return raw_path.startswith(PREFIXES) or raw_path in ROOTS


class VoucherifyStamp:
    def __init__(self, traces: TraceIds) -> None:
        self.traces = traces

    def begin(self, req: Request) -> None:
        req.trace_id = self.traces.voucherify()

    def finish(self, req: Request, resp: Response) -> Response:
        return resp


def surface(world: World, traces: TraceIds) -> Surface:
    bundle = load_bundle("voucherify")
    errors = VoucherifyErrors()
    return Surface(
        name="voucherify",
        owns=owns,
        routes=SpecRoutes("voucherify", bundle, errors, examples=world.options.examples, choose=choose),
        errors=errors,
        checks=SpecChecks(VoucherifyAuth(world), VoucherifyNegotiation(), VoucherifyBinding(), errors),
        replies=SpecReplies(world, errors),
        stamp=VoucherifyStamp(traces),
    )
