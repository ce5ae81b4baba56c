"""Courier pickups: `POST /shipment-management/pickup-proposals`, pickup create commands and `GET …/pickups/{id}`.

**Proposals** come from the clock: for each shipment whose carrier takes pickups, the carrier's window on the next
three working days of the pickup address's country (targ.allegro.shipping.calendar), from `readyDate` when it is
later than today; today only before the carrier's same-day cut-off, its window starting now. The vendor's answers
show exactly that shape (#12350: three days of `08:00 15:00`; #13727: today's window `08:48-17:00` starting at the
time of the request, then `08:00-17:00` on the next days). A proposal's id is `YYYYMMDDhhmmhhmm` (the date, the
window's start and end: "2025100108001500"), its name `YYYY-MM-DD hh:mm-hh:mm` (#13727). A shipment the courier
cannot come for (the carrier takes no pickups, the shipment is cancelled, already booked, or the carrier has the
parcels already) gets an empty list (#12369, #6999: "zwraca puste tablice").

**Ordering** a pickup (`pickups/create-commands`, a command of targ.allegro.shipping.commands) checks, when it runs:
the shipments are the seller's (`SHIPMENT_NOT_FOUND`), of one carrier, that takes pickups; none is cancelled or with
the carrier already (`BAD_REQUEST` "Package status forbids pickup orders", #12369, #9635) or booked before
(#11524: "Błąd zlecenia odbioru"); the proposal names a window the carrier offers as of when the command was sent
(`INVALID_PICKUP_PROPOSAL_ID`, #13237, #9386); the address has a name or company (#12376), a phone number and a
postal code. The pickup then has its id (a UUID) and the carrier's own number (`carrierPickupId`), and its
shipments are booked: `pickupAvailable` false, and they can no longer be cancelled once the window has started.

Storage: one document of kind `wza_pickup` per pickup (id = the pickup id; owner = the seller): the `PickupDto`
fields and `_targ` (`date`, `from`, `to`: the window; `startMs`: when it starts; the command id).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from targ.allegro.errors import AllegroProblem
from targ.allegro.shipping import shipments
from targ.allegro.shipping.calendar import working_day, zone
from targ.allegro.shipping.checks import address_problems
from targ.allegro.shipping.errors import problem
from targ.allegro.shipping.services import service_of
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.world import World

PICKUP_KIND = "wza_pickup"
PROPOSALS = 3
HORIZON_DAYS = 30        # how far ahead a proposal may be ordered (a readyDate further off has no proposals)
PROPOSAL_ID = re.compile(r"^(\d{8})(\d{4})(\d{4})$")


def _hhmm(text: str) -> dt.time:
    return dt.time(int(text[:2]), int(text[3:5]))


def local_now(world: World, country: str, at_ms: int | None = None) -> dt.datetime:
    ms = world.clock.now_ms() if at_ms is None else at_ms
    return dt.datetime.fromtimestamp(ms / 1000, dt.UTC).astimezone(zone(country))


def _item(day: dt.date, start: dt.time, end: dt.time) -> Json:
    return {"id": f"{day:%Y%m%d}{start:%H%M}{end:%H%M}", "name": f"{day:%Y-%m-%d} {start:%H:%M}-{end:%H:%M}",
            "description": ""}


def _today_start(window: Mapping[str, str], now: dt.datetime) -> dt.time | None:
    """Today's window start (now, rounded up to the minute, or the window's start), or None past the cut-off."""
    opens, cut_off = _hhmm(window["from"]), _hhmm(window["cutOff"])
    current = now.time().replace(second=0, microsecond=0)
    if now.time() >= cut_off:
        return None
    if now.second or now.microsecond:
        current = (dt.datetime.combine(now.date(), current) + dt.timedelta(minutes=1)).time()
    return max(opens, current)


def proposals_for(window: Mapping[str, str] | None, country: str, now: dt.datetime,
                  ready: dt.date | None) -> list[Json]:
    """The carrier's next windows (none for a carrier without pickups)."""
    if window is None:
        return []
    end = _hhmm(window["to"])
    day = max(now.date(), ready or now.date())
    items: list[Json] = []
    while len(items) < PROPOSALS and (day - now.date()).days <= HORIZON_DAYS:
        if working_day(day, country):
            start = _today_start(window, now) if day == now.date() else _hhmm(window["from"])
            if start is not None:
                items.append(_item(day, start, end))
        day += dt.timedelta(days=1)
    return items


def proposals(world: World, shipment: Json, country: str, ready: dt.date | None) -> list[Json]:
    """A shipment's `proposalItems`: empty when the courier cannot come for it."""
    if not shipments.pickup_available(world, shipment):
        return []
    window = service_of(shipment["deliveryMethodId"])["pickup"]
    return proposals_for(window, country, local_now(world, country), ready)


def proposed_window(window: Mapping[str, str], country: str, sent: dt.datetime,
                    proposal_id: str) -> tuple[dt.date, dt.time, dt.time] | None:
    """The window a proposal id names, if the carrier offered it when the command was sent (`sent`, local time)."""
    found = PROPOSAL_ID.match(proposal_id)
    if found is None:
        return None
    try:
        day = dt.datetime.strptime(found[1], "%Y%m%d").date()
        start, end = dt.time(int(found[2][:2]), int(found[2][2:])), dt.time(int(found[3][:2]), int(found[3][2:]))
    except ValueError:
        return None
    if not 0 <= (day - sent.date()).days <= HORIZON_DAYS or not working_day(day, country):
        return None
    if end != _hhmm(window["to"]):
        return None
    if day == sent.date():
        today = _today_start(window, sent)
        # Today's window started when the proposals were asked for: any start from the window's to now.
        return (day, start, end) if today is not None and _hhmm(window["from"]) <= start <= today else None
    return (day, start, end) if start == _hhmm(window["from"]) else None


def own(world: World, seller_id: str, pickup_id: str) -> Json | None:
    doc = world.store.get_doc(PICKUP_KIND, pickup_id)
    return doc.data if doc is not None and doc.owner == seller_id else None


def view(pickup: Json) -> Json:
    """`PickupDto`."""
    return {k: v for k, v in pickup.items() if k != "_targ"}


def pickup_started(world: World, shipment: Json) -> bool:
    """A pickup is booked for the shipment and its window has started: the courier has come for it."""
    pickup_id = shipment["_targ"].get("pickupId")
    doc = world.store.get_doc(PICKUP_KIND, pickup_id) if pickup_id else None
    return doc is not None and int(doc.data["_targ"]["startMs"]) <= world.clock.now_ms()


def run_order(world: World, seller_id: str, body: Json, command: Json) -> tuple[list[AllegroProblem], Json]:
    """The pickup create command's work (targ.allegro.shipping.commands)."""
    found: list[AllegroProblem] = []
    booked: list[Json] = []
    for shipment_id in dict.fromkeys(str(s) for s in body["shipmentIds"]):
        shipment = shipments.own(world, seller_id, shipment_id)
        if shipment is None:
            found.append(problem("SHIPMENT_NOT_FOUND", "shipment_not_found", "shipmentIds",
                                 details=f"Requested shipment was not found: {shipment_id}"))
        else:
            booked.append(shipment)
    address = body["address"]
    found += address_problems(address, "address")
    if found or not booked:
        return found, {}
    carriers = {s["carrier"] for s in booked}
    if len(carriers) > 1:
        return [problem("VALIDATION_ERROR", "pickup_carriers", "shipmentIds")], {}
    window = service_of(booked[0]["deliveryMethodId"])["pickup"]
    if window is None or any(service_of(s["deliveryMethodId"])["pickup"] is None for s in booked):
        return [problem("VALIDATION_ERROR", "pickup_not_available", "shipmentIds")], {}
    for shipment in booked:
        if shipments.cancelled(shipment) or shipments.with_carrier(world, shipment):
            found.append(problem("BAD_REQUEST", "pickup_status", details=f"shipmentId: {shipment['id']}"))
        elif shipment["_targ"].get("pickupId"):
            found.append(problem("BAD_REQUEST", "pickup_ordered", details=f"shipmentId: {shipment['id']}"))
    country = str(address.get("countryCode") or "PL")
    sent = local_now(world, country, int(command["createdAt"]))
    chosen = proposed_window(window, country, sent, str(body["pickupDateProposalId"]))
    if chosen is None:
        found.append(problem("INVALID_PICKUP_PROPOSAL_ID", "pickup_proposal", "pickupDateProposalId"))
    if found or chosen is None:
        return found, {}
    pickup = _book(world, seller_id, booked, address, chosen, country, command["commandId"])
    return [], {"pickupId": pickup["id"], "carrierPickupId": pickup["carrierPickupId"]}


def _book(world: World, seller_id: str, booked: list[Json], address: Json,
          chosen: tuple[dt.date, dt.time, dt.time], country: str, command_id: str) -> Json:
    day, start, end = chosen
    carrier = booked[0]["carrier"]
    starts = dt.datetime.combine(day, start, tzinfo=zone(country))
    pickup: dict[str, Any] = {
        "id": world.ids.uuid(PICKUP_KIND),
        "carrier": carrier,
        "carrierPickupId": f"{carrier[:2]}{world.ids.token('wza_carrier_pickup', 9, '0123456789')}",
        "pickupCarrier": carrier,
        "address": dict(address),
        "shipmentIds": [s["id"] for s in booked],
        "waybills": [p["waybill"] for s in booked for p in s["packages"]],
        "_targ": {"date": day.isoformat(), "from": f"{start:%H:%M}", "to": f"{end:%H:%M}",
                  "startMs": int(starts.timestamp() * 1000), "commandId": command_id},
    }
    world.store.put(PICKUP_KIND, pickup["id"], pickup, owner=seller_id)
    for shipment in booked:
        shipment["_targ"]["pickupId"] = pickup["id"]
        shipments.save(world, seller_id, shipment)
    return pickup
