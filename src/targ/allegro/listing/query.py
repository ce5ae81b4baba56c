"""Reading `GET /offers/listing`'s query (checked against the spec by the pipeline) into a `search.Query`, with the
vendor's refusals for what the spec's schema cannot say:

* at least one of `phrase`, `category.id`, `seller.id`, `seller.login` (the spec; the guide), else 400, the status
  the spec gives "Check if all necessary parameters are provided";
* `seller.id` and `seller.login` each "may be provided more than once", but not together (the spec; the guide: "you
  can only use one parameter out of seller.id and seller.login") → 422;
* `category.id` unknown → 404 (the spec: "Given category was not found"), the catalogue's not-found body;
* `marketplaceId`, `currency`, `shipping.country` must be the marketplace's own (GET /marketplaces) → 422;
  `searchMode=CLOSED` only on allegro-pl (the spec) → 422;
* `offset + limit` at most 600 (the spec: "Max offset is 600 - <limit>") → 422;
* `include`: entity names, `all`, a `-` prefix to leave one out, applied in order (the spec) → unknown names 422;
* dynamic filters (`<filter id>=<value>`, the spec's "Dynamic filters"): `sellingMode.format`, `price.from/.to`,
  `parameter.<id>` (dictionary value ids) and `parameter.<id>.from/.to` (numbers); a value a known filter cannot take
  → 422 naming it; other query parameters are ignored, as the vendor ignores unknown ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from targ.allegro.catalog.marketplaces import marketplaces
from targ.allegro.catalog.tree import category_not_found, tree
from targ.allegro.errors import AllegroError
from targ.allegro.listing.search import FORMATS, Query, Range
from targ.allegro.sellers import seller_by_login
from targ.http.request import Request
from targ.spec.multivalued import values_of

SEARCH_WINDOW = 600
ENTITIES = ("items", "categories", "filters", "searchMeta", "sort")
NUMERIC_TYPES = ("integer", "float")


@dataclass(frozen=True)
class Page:
    offset: int
    limit: int
    include: frozenset[str]


def invalid(message: str, path: str) -> AllegroError:
    return AllegroError(422, "VALIDATION_ERROR", message, path=path)


def _marketplace(req: Request) -> tuple[str, str]:
    """(marketplace id, currency) of the search."""
    wanted = req.param("marketplaceId") or "allegro-pl"
    found = next((m for m in marketplaces() if m["id"] == wanted), None)
    if found is None:
        raise invalid(f"Unknown marketplace: {wanted}.", "marketplaceId")
    currencies = [found["currencies"]["base"]["code"], *(c["code"] for c in found["currencies"]["additional"])]
    currency = req.param("currency") or currencies[0]
    if currency not in currencies:
        raise invalid(f"Currency {currency} is not available on marketplace {wanted}.", "currency")
    country = req.param("shipping.country")
    if country is not None and country not in [c["code"] for c in found["shippingCountries"]]:
        raise invalid(f"Shipping country {country} is not available on marketplace {wanted}.", "shipping.country")
    if req.param("searchMode") == "CLOSED" and wanted != "allegro-pl":
        raise invalid("searchMode CLOSED is available only for the allegro-pl marketplace.", "searchMode")
    return wanted, currency


def _list(req: Request, name: str) -> list[str]:
    value = req.param(name)
    return [v for v in values_of(value) if v] if value is not None else []


def _sellers(req: Request) -> frozenset[str] | None:
    """The sellers' user ids the search is limited to (an unknown login: none), None when not limited."""
    ids, logins = _list(req, "seller.id"), _list(req, "seller.login")
    if ids and logins:
        raise invalid("seller.id and seller.login cannot be used together.", "seller.login")
    if logins:
        return frozenset(found["id"] for login in logins if (found := seller_by_login(req.world, login)))
    return frozenset(ids) if ids else None


def _include(req: Request) -> frozenset[str]:
    shown = set(ENTITIES)
    for value in _list(req, "include"):
        name = value[1:] if value.startswith("-") else value
        if name != "all" and name not in ENTITIES:
            raise invalid(f"Unknown entity in include: {value}. Allowed: all, {', '.join(ENTITIES)}.", "include")
        names = set(ENTITIES) if name == "all" else {name}
        shown = shown - names if value.startswith("-") else shown | names
    return frozenset(shown)


def _number(value: str, path: str) -> Decimal:
    try:
        number = Decimal(value.replace(",", "."))
    except InvalidOperation:
        number = Decimal("NaN")
    if not number.is_finite() or number < 0:
        raise invalid(f"'{value}' is not a valid value of {path}.", path)
    return number


def _bounds(found: dict[str, Range], key: str, end: str, value: str, path: str) -> None:
    low, high = found.get(key, (None, None))
    number = _number(value, path)
    found[key] = (number, high) if end == "from" else (low, number)


@dataclass
class _Filters:
    formats: list[str] = field(default_factory=list)
    price: dict[str, Range] = field(default_factory=dict)
    values: dict[str, list[str]] = field(default_factory=dict)
    ranges: dict[str, Range] = field(default_factory=dict)


def _dynamic(req: Request) -> _Filters:
    """The dynamic filters: formats, price range, dictionary values and numeric ranges by parameter."""
    found = _Filters()
    declared = {p["name"] for p in (req.operation.parameters if req.operation else ()) if p.get("in") == "query"}
    for key, raw in req.query_pairs:
        if key in declared:
            continue
        given = [v for v in raw.split(",") if v]
        if key == "sellingMode.format":
            for value in given:
                if value not in FORMATS:
                    raise invalid(f"Unknown selling format: {value}.", key)
                found.formats.append(value)
        elif key in ("price.from", "price.to"):
            _bounds(found.price, "price", key.rpartition(".")[2], raw, key)
        elif key.startswith("parameter."):
            pid, _, end = key.removeprefix("parameter.").partition(".")
            spec = tree().parameters.get(pid)
            if spec is None:
                continue                                 # a filter the category tree does not know: ignored
            if spec["type"] in NUMERIC_TYPES:
                if end not in ("", "from", "to"):
                    continue
                for bound in (("from", "to") if end == "" else (end,)):
                    _bounds(found.ranges, pid, bound, raw, key)
            elif end:
                raise invalid(f"Parameter {pid} is not a numeric filter.", key)
            else:
                known = {e["id"] for e in spec.get("dictionary") or ()}
                for value in given:
                    if known and value not in known:
                        raise invalid(f"'{value}' is not a value of parameter {pid}.", key)
                    found.values.setdefault(pid, []).append(value)
    return found


def read(req: Request) -> tuple[Query, Page]:
    marketplace, currency = _marketplace(req)
    phrase = req.param("phrase")
    category_id = req.param("category.id")
    sellers = _sellers(req)
    if not (phrase or category_id or sellers is not None):
        raise AllegroError(400, "VALIDATION_ERROR", "At least one of: phrase, seller.id, seller.login or "
                           "category.id is required.", path="phrase")
    if category_id and tree().get(str(category_id)) is None:
        raise category_not_found(str(category_id))
    offset, limit = int(req.param("offset") or 0), int(req.param("limit") or 60)
    if offset + limit > SEARCH_WINDOW:
        raise invalid(f"The sum of offset and limit may be at most {SEARCH_WINDOW}: the offset may be at most "
                      f"{SEARCH_WINDOW - limit} for a limit of {limit}.", "offset")
    given = _dynamic(req)
    query = Query(marketplace=marketplace, currency=currency, phrase=phrase or None,
                  category=str(category_id) if category_id else None, sellers=sellers,
                  closed=req.param("searchMode") == "CLOSED", fallback=req.param("fallback") is not False,
                  formats=tuple(dict.fromkeys(given.formats)), price=given.price.get("price"),
                  values={k: tuple(dict.fromkeys(v)) for k, v in given.values.items()}, ranges=given.ranges,
                  sort=req.param("sort") or "relevance")
    return query, Page(offset, limit, _include(req))
