"""What every Allegro request carries in (its language) and every response out (`trace-id`)."""

from __future__ import annotations

from targ.allegro import messages
from targ.http.request import Request
from targ.http.response import Response
from targ.http.traces import TraceIds

MAX_LENIENT_LISTED = 20


class AllegroStamp:
    def __init__(self, traces: TraceIds) -> None:
        self.traces = traces

    def begin(self, req: Request) -> None:
        req.language = messages.language_of(req.headers.get("accept-language"))
        messages.use(req.language)
        req.trace_id = self.traces.allegro()

    def finish(self, req: Request, resp: Response) -> Response:
        resp.headers.append((b"trace-id", req.trace_id.encode()))
        messages.use(messages.DEFAULT)
        if req.lenient:
            # Where the body leaned on the binder's leniency (nulls, scalars read as another type): the real service
            # says nothing, targ tells the integrator what --strict-requests would refuse.
            told = "; ".join(req.lenient[:MAX_LENIENT_LISTED])
            if len(req.lenient) > MAX_LENIENT_LISTED:
                told += "; …"
            resp.headers.append((b"x-targ-lenient", told.encode("utf-8", "replace")))
        return resp
