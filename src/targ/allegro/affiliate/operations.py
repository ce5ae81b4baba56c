"""`GET /affiliate/conversions/cps` (getCpsConversions, beta media type): the calling publisher's CPS conversions,
filtered by `orderCreatedAt.gte/.lte`, `lastModifiedAt.gte/.lte` (ISO 8601, inclusive), `status`, paged by
`offset`/`limit` (up to 10 000, 1 000 by default: the spec), with the link parameters `includePublisherUrlParameters`
names. Rules in targ.allegro.affiliate.conversions."""

from __future__ import annotations

from targ.allegro.affiliate import conversions
from targ.allegro.errors import AllegroError, access_denied
from targ.clock import parse_time
from targ.handlers import handler
from targ.http.request import Reply, Request

PARAMETERS = "includePublisherUrlParameters"


def _invalid(message: str, path: str) -> AllegroError:
    return AllegroError(422, "VALIDATION_ERROR", message, path=path)


def _time(req: Request, name: str) -> int | None:
    value = req.param(name)
    if value is None:
        return None
    try:
        return parse_time(str(value))
    except ValueError:
        raise _invalid(f"{name} must be a date and time in ISO 8601 format, got {value!r}.", name) from None


def _range(req: Request, field: str) -> tuple[int | None, int | None]:
    low, high = _time(req, f"{field}.gte"), _time(req, f"{field}.lte")
    if low is not None and high is not None and low > high:
        raise _invalid(f"{field}.gte must not be after {field}.lte.", f"{field}.gte")
    return low, high


def _parameters(req: Request) -> tuple[str, ...]:
    """The keys named by `includePublisherUrlParameters`: comma-separated, the parameter repeated or not (read from
    the query itself: the spec types it as an object, which would take every other query parameter in)."""
    keys = [k for name, value in req.query_pairs if name == PARAMETERS for k in value.split(",") if k]
    return tuple(dict.fromkeys(keys))


@handler("allegro", "getCpsConversions")
def list_conversions(req: Request) -> Reply:
    user = req.principal.seller_id if req.principal else None
    if not user or not conversions.is_publisher(req.world, user):
        raise access_denied()
    status = req.param("status")
    if status is not None and status not in conversions.STATUSES:
        raise _invalid(f"status must be one of {', '.join(conversions.STATUSES)}, got {status!r}.", "status")
    ordered, modified = _range(req, "orderCreatedAt"), _range(req, "lastModifiedAt")
    wanted = conversions.Wanted(order_from=ordered[0], order_to=ordered[1], modified_from=modified[0],
                                modified_to=modified[1], status=status, offset=int(req.param("offset") or 0),
                                limit=int(req.param("limit") or 1000), parameters=_parameters(req))
    return Reply({"conversions": conversions.listing(req.world, user, wanted)})
