"""`GET /pricing/offer-quotes`: the fees the seller's listed offers will be charged at their next cycle, moving with
the clock and with the offers' publication."""

from __future__ import annotations

from typing import Any

import httpx
from pricing_helpers import SEND, error, promote, promotion_price, publication, quotes

from targ.testing import TargServer

EMPHASIZED = {"modificationType": "CHANGE", "packageType": "BASE", "packageId": "emphasized10d"}
DEPARTMENT = {"modificationType": "CHANGE", "packageType": "EXTRA", "packageId": "departmentPage"}


def refreshed(targ: TargServer, allegro: httpx.Client) -> httpx.Client:
    """The demo token after the clock moved past its expiry."""
    allegro.headers["Authorization"] = f"Bearer {targ.demo['accessToken']}"
    return allegro


def test_an_offer_without_paid_options_has_no_quotes(allegro: httpx.Client, offers: dict[str, str]) -> None:
    """Listing is free, and only fees with an amount are quoted (allegro-api #4, #11059)."""
    assert quotes(allegro, *offers.values()) == {"count": 0, "quotes": []}


def test_promotion_packages_are_quoted_for_their_next_cycle(targ: TargServer, allegro: httpx.Client,
                                                            offers: dict[str, str]) -> None:
    promote(allegro, offers["A"], EMPHASIZED, DEPARTMENT)          # at 2026-01-01T00:00:00Z
    first = quotes(allegro, offers["A"], offers["B"])
    assert first == {"count": 2, "quotes": [
        {"type": "EMPHASIZED", "name": "Wyróżnienie", "nextDate": "2026-01-11T00:00:00.000Z",
         "fee": {"amount": "19.90", "currency": "PLN"}, "offer": {"id": offers["A"]}, "enabled": True},
        {"type": "DEPARTMENT_PAGE", "name": "Strona działu", "nextDate": "2026-01-11T00:00:00.000Z",
         "fee": {"amount": promotion_price("departmentPage"), "currency": "PLN"}, "offer": {"id": offers["A"]},
         "enabled": True}]}
    targ.clock.advance("P10DT1H")                                   # the first cycle has been charged
    later = quotes(refreshed(targ, allegro), offers["A"])["quotes"]
    assert {q["nextDate"] for q in later} == {"2026-01-21T00:00:00.000Z"}
    english = quotes(allegro, offers["A"], **{"Accept-Language": "en-US"})["quotes"]
    assert [q["name"] for q in english] == ["Featured offer", "Department page"]


def test_quotes_follow_the_offers_publication(targ: TargServer, http: httpx.Client, allegro: httpx.Client,
                                              offers: dict[str, str]) -> None:
    promote(allegro, offers["B"], EMPHASIZED)
    assert quotes(allegro, offers["B"])["count"] == 1
    publication(allegro, http, offers["B"], "END")
    assert quotes(allegro, offers["B"]) == {"count": 0, "quotes": []}        # an ended offer has no next cycle
    targ.clock.advance("P3D")
    publication(refreshed(targ, allegro), http, offers["B"], "ACTIVATE")
    again = quotes(allegro, offers["B"])["quotes"]
    assert [(q["type"], q["nextDate"]) for q in again] == [("EMPHASIZED", "2026-01-11T00:00:00.000Z")]


def test_a_package_ending_with_its_cycle_is_quoted_switched_off(allegro: httpx.Client,
                                                               offers: dict[str, str]) -> None:
    promote(allegro, offers["A"], EMPHASIZED)
    promote(allegro, offers["A"], {**EMPHASIZED, "modificationType": "REMOVE_WITH_END_OF_CYCLE"})
    assert [q["enabled"] for q in quotes(allegro, offers["A"])["quotes"]] == [False]
    promote(allegro, offers["A"], {**EMPHASIZED, "modificationType": "REMOVE_NOW"})
    assert quotes(allegro, offers["A"])["count"] == 0


def test_other_sellers_and_unknown_offers_have_no_quotes(targ: TargServer, allegro: httpx.Client,
                                                        offers: dict[str, str]) -> None:
    promote(allegro, offers["A"], EMPHASIZED)
    other = targ.admin.call("POST", "/sellers", {"login": "inny-sprzedawca"})
    theirs = httpx.get(f"{targ.url}/pricing/offer-quotes", params={"offer.id": offers["A"]},
                       headers={"Accept": SEND["Content-Type"], "Authorization": f"Bearer {other['accessToken']}"})
    assert theirs.status_code == 200 and theirs.json() == {"count": 0, "quotes": []}
    assert quotes(allegro, "1", offers["A"], offers["A"])["count"] == 1      # the same id twice counts once


def test_offer_ids_are_required_and_at_most_twenty(allegro: httpx.Client, offers: dict[str, str]) -> None:
    e = error(allegro.get("/pricing/offer-quotes"), 400)
    assert e["path"] == "offer.id"
    many: dict[str, Any] = {"offer.id": [str(7_700_000_000 + i) for i in range(21)]}
    e = error(allegro.get("/pricing/offer-quotes", params=many), 400)
    assert (e["code"], e["path"]) == ("VALIDATION_ERROR", "offer.id")
    assert "21" in e["message"]
    comma = allegro.get("/pricing/offer-quotes", params={"offer.id": f"{offers['A']},{offers['B']}"})
    assert comma.status_code == 200
    assert allegro.get("/pricing/offer-quotes", params={"offer.id": offers["A"]},
                       headers={"Accept": "application/json"}).status_code == 406
