"""The Allegro REST API as a surface of the request pipeline (targ.http.pipeline): every path that is not the admin
API, the OAuth pages or Voucherify's. Its policies, one module each:

* `targ.allegro.auth` - bearer tokens and scopes (401 in the OAuth shape, 403 AccessDenied);
* `negotiation.py` - `Accept` and `Content-Type` as strict as the vendor (406, 415);
* `body.py` - the vendor's lenient body binder, or the spec's schema as written with --strict-requests;
* `errors.py` - `ErrorsHolder` with a userMessage in the request's language;
* `stamp.py` - the language read from Accept-Language, `trace-id` on every response.
"""

from __future__ import annotations

from targ.allegro.auth import AllegroAuth
from targ.allegro.edge.body import AllegroBinding
from targ.allegro.edge.errors import AllegroErrors
from targ.allegro.edge.negotiation import AllegroNegotiation
from targ.allegro.edge.stamp import AllegroStamp
from targ.http.pipeline import Surface
from targ.http.spec import SpecChecks, SpecReplies, SpecRoutes
from targ.http.traces import TraceIds
from targ.spec.bundle import load_bundle
from targ.world import World


def surface(world: World, traces: TraceIds) -> Surface:
    bundle = load_bundle("allegro")
    errors = AllegroErrors()
    return Surface(
        name="allegro",
        owns=lambda raw_path: True,
        routes=SpecRoutes("allegro", bundle, errors, examples=world.options.examples),
        errors=errors,
        checks=SpecChecks(AllegroAuth(world), AllegroNegotiation(errors),
                          AllegroBinding(bundle, strict=world.options.strict_requests), errors),
        replies=SpecReplies(world, errors),
        stamp=AllegroStamp(traces),
    )
