"""Campaigns Allegro runs: `GET /sale/badge-campaigns`, `GET /sale/alle-discount/campaigns`,
`GET /charity/fundraising-campaigns`.

Campaign windows are day offsets from the world's clock start (dataset.at_day): a campaign is listed while it is
open for applications or visible to buyers, now or later, and drops out once both have ended. AlleDiscount ids and
names carry the dates of their publication window, as the vendor's do (`ALLEOBNIZKA_20240827_PL`).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from targ.allegro.catalog.dataset import REFERENCE, at_day, iso_seconds, load
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.world import World


def campaign_window(world: World, spec: Json) -> Json:
    out: Json = {"type": spec["type"]}
    for key in ("from", "to"):
        if key + "Day" in spec:
            out[key] = iso_seconds(at_day(world, spec[key + "Day"]))
    return out


def _ends(world: World, spec: Json) -> int | None:
    """When a window closes (None: never); NEVER windows count as closed."""
    if spec["type"] == "NEVER":
        return 0
    return at_day(world, spec["toDay"]) if "toDay" in spec else None


def _current(world: World, campaign: Json) -> bool:
    now = world.clock.now_ms()
    ends = [_ends(world, campaign[k]) for k in ("application", "visibility")]
    return any(end is None or end > now for end in ends)


def badge_campaigns(world: World) -> list[Json]:
    return [c for c in load(REFERENCE)["badgeCampaigns"] if _current(world, c)]


def _dates(world: World, spec: Json) -> tuple[datetime, datetime]:
    return tuple(datetime.fromtimestamp(at_day(world, spec[k]) / 1000, UTC)  # type: ignore[return-value]
                 for k in ("fromDay", "toDay"))


def alle_discount_campaigns(world: World) -> list[Json]:
    out = []
    for c in load(REFERENCE)["alleDiscountCampaigns"]:
        if not _current(world, c):
            continue
        start, end = _dates(world, c["publication"])
        out.append({
            "id": c["id"].format(d=start.strftime("%Y%m%d")),
            "name": c["name"].format(d=f"{start:%d.%m}-{end:%d.%m.%Y}"),
            "type": c["type"],
            **{k: campaign_window(world, c[k]) for k in ("visibility", "application", "publication")},
            "marketplace": dict(c["marketplace"]),
        })
    return out
