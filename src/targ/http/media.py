"""Media types: Accept parsing and the vendors' content types."""

from __future__ import annotations

from functools import lru_cache

ALLEGRO_PUBLIC = "application/vnd.allegro.public.v1+json"
ALLEGRO_BETA = "application/vnd.allegro.beta.v1+json"
JSON = "application/json"


def essence(value: str | None) -> str:
    """`Application/JSON; charset=utf-8` → `application/json`."""
    return (value or "").split(";", 1)[0].strip().lower()


@lru_cache(maxsize=256)
def accepted(header: str | None) -> list[str]:
    """The values of an Accept-style header (Accept, Accept-Language), most preferred first, lower-cased;
    q=0 dropped."""
    if not header:
        return []
    ranges: list[tuple[float, int, str]] = []
    for i, part in enumerate(header.split(",")):
        bits = [b.strip() for b in part.split(";")]
        q = 1.0
        for b in bits[1:]:
            if b.lower().startswith("q="):
                try:
                    q = float(b[2:])
                except ValueError:
                    q = 0.0
        if bits[0] and q > 0:
            ranges.append((-q, i, bits[0].lower()))
    return [r for _, _, r in sorted(ranges)]


def pick(accept: str | None, offered: list[str], *, wildcards: bool) -> str | None:
    """The offered type the client accepts best; wildcards (`*/*`, `type/*`) count only where the vendor allows."""
    offered_l = {o.lower(): o for o in offered}
    for rng in accepted(accept):
        if rng in offered_l:
            return offered_l[rng]
        if "*/*" in offered_l and "*" not in rng:
            # The operation serves any type (binary attachments): the concrete type asked for is the answer.
            return rng
        if wildcards and rng == "*/*" and offered:
            return offered[0]
        if wildcards and rng.endswith("/*"):
            for o in offered:
                if o.lower().startswith(rng[:-1]):
                    return o
    return None


def is_json(media_type: str | None) -> bool:
    mt = essence(media_type)
    return mt == JSON or mt.endswith("+json")


@lru_cache(maxsize=256)
def content_type_header(media_type: str) -> str:
    """The Content-Type targ sends: JSON types carry the charset the vendors send."""
    if is_json(media_type):
        return f"{media_type};charset=UTF-8" if media_type != JSON else "application/json; charset=utf-8"
    if media_type.startswith("text/"):
        return f"{media_type}; charset=utf-8"
    return media_type
