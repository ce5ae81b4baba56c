"""allegro-reference.json: marketplaces, tax settings, campaigns, packages, services, templates and types."""

from __future__ import annotations

from typing import Any

from .base import FORMAT, Draw, Json
from .compatibility import group_id
from .fees import commissions, fees
from .reference_table import (
    ADDITIONAL_SERVICES,
    ALLE_DISCOUNT,
    BADGE_CAMPAIGNS,
    BILLING_TYPES,
    CLASSIFIED_PACKAGES,
    DEPOSITS,
    FUNDRAISING,
    MARKETPLACES,
    PROMOTION_PACKAGES,
    SIZE_TABLE_TEMPLATES,
)
from .tax import TAX_PROFILES


def window(spec: tuple[str, int | None, int | None]) -> Json:
    kind, start, end = spec
    out: dict[str, Any] = {"type": kind}
    if start is not None:
        out["fromDay"] = start
    if end is not None:
        out["toDay"] = end
    return out


def build_reference_file(draw: Draw) -> Json:
    badges = []
    for c in BADGE_CAMPAIGNS:
        refusal = [{"code": c["refusal"][0], "messages": [{"text": c["refusal"][1], "link": None}]}] \
            if "refusal" in c else []
        badges.append({"id": c["id"], "name": c["name"], "marketplace": {"id": "allegro-pl"}, "type": c["type"],
                       "eligibility": {"eligible": c["eligible"], "refusalReasons": refusal},
                       "application": window(c["application"]), "visibility": window(c["visibility"]),
                       "publication": window(c["publication"]),
                       "regulationsLink": f"https://allegro.pl/regulamin/kampania-{c['id'].lower()}",
                       "stockReservationIsRequired": c["stockReservationIsRequired"]})
    alle = [{"id": cid, "name": name, "type": kind, "visibility": {"type": "WITHIN", "fromDay": v[0], "toDay": v[1]},
             "application": {"type": "WITHIN", "fromDay": a[0], "toDay": a[1]},
             "publication": {"type": "WITHIN", "fromDay": p[0], "toDay": p[1]}, "marketplace": {"id": mp}}
            for cid, name, kind, v, a, p, mp in ALLE_DISCOUNT]
    fundraising = [{"id": draw.uuid(), "name": name, "organization": {"name": org}}
                   for org, names in FUNDRAISING for name in names]
    packages = {
        "basePackages": [{"id": i, "name": n, "cycleDuration": d} for i, n, d in PROMOTION_PACKAGES["base"]],
        "extraPackages": [{"id": i, "name": n, "cycleDuration": d} for i, n, d in PROMOTION_PACKAGES["extra"]],
    }
    classified = []
    for pinned, name, kind, duration, promotions, extensions in CLASSIFIED_PACKAGES:
        package: dict[str, Any] = {"id": pinned or draw.uuid(), "name": name, "type": kind,
                                   "extensions": [{"name": n, "description": d} for n, d in extensions],
                                   "promotions": [{"name": n, "duration": d} for n, d in promotions]}
        if duration:
            package["publication"] = {"duration": duration}
        classified.append(package)
    services = [{"name": group, "definitions": [
        {"id": sid, "name": name, "description": {"hint": hint, "editable": editable, "default": None},
         "maxPrice": {"amount": price, "currency": "PLN"},
         "availableConstraints": [{"type": constraint, "availableDeliveryMethods": None}] if constraint else None,
         "updatedAt": None}
        for sid, name, hint, editable, price, constraint in definitions]} for group, definitions in ADDITIONAL_SERVICES]
    templates = [{"id": draw.uuid(), "name": name,
                  "image": {"captions": [{"index": c, "value": h} for c, h in zip(captions, headers[1:], strict=False)],
                            "url": f"https://a.allegroimg.com/original/size-tables/{group_id(name)}.png"},
                  "headers": [{"name": h} for h in headers], "values": [{"cells": row} for row in rows]}
                 for name, headers, rows, captions in SIZE_TABLE_TEMPLATES]
    return {
        "format": FORMAT,
        "seed": draw.seed,
        "marketplaces": MARKETPLACES,
        "taxProfiles": TAX_PROFILES,
        "badgeCampaigns": badges,
        "alleDiscountCampaigns": alle,
        "fundraisingCampaigns": fundraising,
        "promotionPackages": packages,
        "classifiedPackages": classified,
        "additionalServices": services,
        "sizeTableTemplates": templates,
        "billingTypes": [{"id": i, "description": pl, "descriptionEn": en} for i, pl, en in BILLING_TYPES],
        "commissions": commissions(),
        "fees": fees(classified),
        "depositTypes": [{"id": draw.uuid(), "name": name, "marketplaceId": "allegro-pl",
                          "price": {"amount": amount, "currency": "PLN"}} for name, amount in DEPOSITS],
    }
