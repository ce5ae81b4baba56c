"""The advance ship notice (ASN, "awizo"): its document, its view, its version (the etag) and its life cycle.

Storage: a doc of kind `asn`, id = the notice's UUID, owner = the seller, holding the notice as the vendor shows it
(`id`, `displayNumber`, `status`, `createdAt`, `updatedAt`, `submittedAt`, `items`, `handlingUnit`, `shipping`,
`declaredVolumeInCc`), plus:

* `receiving` - the warehouse's count once the notice has arrived: `{stage, updatedAt, content: [{product,
  received: [{quantity, receivedType, reasonCode?}]}]}`; SELLABLE entries are stored without `reasonCode` (the
  view adds `SELLABLE`, as the vendor does);
* `_targ` - never sent: `version` (the etag), `labels` (the labels file is ready), `labelsRound` (moves whenever a
  change clears the labels, so a label job scheduled before it does nothing), `counted` (the warehouse recorded a
  count by hand, so completing does not assume the declared quantities arrived).

Life cycle (seed 003, "Jak zarządzać awizo"): DRAFT → (submit command) IN_TRANSIT → (arrival) UNPACKING →
(unpacked) COMPLETED; IN_TRANSIT → CANCELLED when the seller cancels. Only a DRAFT may be deleted or fully edited.
"""

from __future__ import annotations

import copy
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from targ.allegro.errors import AllegroError, access_denied
from targ.allegro.fulfillment.common import error
from targ.clock import iso, parse_time
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.world import World


ASN_KIND = "asn"
DRAFT, IN_TRANSIT, UNPACKING, COMPLETED, CANCELLED = "DRAFT", "IN_TRANSIT", "UNPACKING", "COMPLETED", "CANCELLED"
LABELS_JOB = "allegro.fulfillment.labels"
# What the seller writes; everything else in the view is the notice's own (read-only) data.
CONTENT = ("items", "handlingUnit", "shipping", "declaredVolumeInCc")
READ_ONLY = ("id", "displayNumber", "status", "createdAt", "updatedAt", "submittedAt", "labels", "volumeInCc")
_TIMES = ("createdAt", "updatedAt", "submittedAt")


# --- storage -----------------------------------------------------------------------------------------------------
def create(world: World, seller: str, content: Json, *, created_ms: int | None = None,
           labels_job: bool = True) -> Json:
    """A new DRAFT with a display number `A-YYMMDD-NNNNNNN` (the creation day and a running number); its labels
    follow as a job unless `labels_job` is False (a notice seeded with its history)."""
    created = world.clock.now_ms() if created_ms is None else created_ms
    day = datetime.fromtimestamp(created / 1000, UTC).strftime("%y%m%d")
    asn: Json = {
        "id": world.ids.uuid(ASN_KIND),
        "displayNumber": f"A-{day}-{world.ids.sequence('asn_display'):07d}",
        "status": DRAFT,
        "createdAt": iso(created),
        "updatedAt": iso(created),
        **{k: copy.deepcopy(content[k]) for k in CONTENT if content.get(k) is not None},
        "_targ": {"version": 1, "labels": False, "labelsRound": 0, "counted": False},
    }
    world.store.put(ASN_KIND, asn["id"], asn, owner=seller)
    if labels_job:
        schedule_labels(world, seller, asn)
    return asn


def load(world: World, asn_id: str) -> tuple[str, Json] | None:
    """(owner, notice) or None."""
    doc = world.store.get_doc(ASN_KIND, asn_id)
    return (doc.owner, doc.data) if doc is not None else None


def owned(world: World, seller: str, asn_id: str) -> Json:
    """The caller's notice: 404 when there is none, 403 AccessDenied when it is another seller's."""
    found = load(world, asn_id)
    if found is None:
        raise not_found(asn_id)
    owner, asn = found
    if owner != seller:
        raise access_denied()
    return asn


def not_found(asn_id: str) -> AllegroError:
    return error(404, "NOT_FOUND", "asn_not_found", {"id": asn_id})


def save(world: World, seller: str, asn: Json) -> Json:
    """Stores a change: a new version (etag) and `updatedAt`."""
    asn["_targ"]["version"] = int(asn["_targ"]["version"]) + 1
    asn["updatedAt"] = iso(world.clock.now_ms())
    world.store.put(ASN_KIND, asn["id"], asn, owner=seller)
    return asn


def etag(asn: Json) -> str:
    return str(asn["_targ"]["version"])


def of_seller(world: World, seller: str) -> list[Json]:
    """The seller's notices in creation order (insertion order is creation order: ids are never reused)."""
    return [d.data for d in world.store.find(ASN_KIND, seller)]


# --- checks ------------------------------------------------------------------------------------------------------
def require_status(asn: Json, *allowed: str) -> None:
    """422 INVALID_ASN_STATE unless the notice is in one of `allowed` (the code the submit command reports too)."""
    if asn["status"] in allowed:
        return
    wanted = " or ".join(allowed)
    raise error(422, "INVALID_ASN_STATE", "asn_state",
                {"id": asn["id"], "number": asn["displayNumber"], "status": asn["status"], "wanted": wanted},
                metadata={"status": asn["status"]})


def check_if_match(asn: Json, if_match: str | None) -> None:
    """The optimistic lock: 400 without a version, 412 when the notice has changed since (seed 003)."""
    given = _bare_etag(if_match)
    if not given:
        raise error(400, "VALIDATION_ERROR", "if_match_missing", path="if-match")
    if given != etag(asn):
        raise error(412, "CONCURRENT_MODIFICATION", "asn_modified",
                    {"id": asn["id"], "version": etag(asn), "given": given},
                    path="if-match", metadata={"etag": etag(asn)})


def _bare_etag(value: str | None) -> str:
    """`123`, `"123"` and `W/"123"` name the same version."""
    text = (value or "").strip()
    if text.startswith("W/"):
        text = text[2:]
    return text.strip('"').strip()


def changed_read_only(asn: Json, body: Json, base_url: str) -> list[str]:
    """Read-only properties the body sends with a value other than the server's (sending them unchanged is fine)."""
    current = view(asn, base_url)
    out = []
    for key in READ_ONLY:
        if key not in body or (body[key] is None and key not in current):
            continue
        if not _same(key, body[key], current.get(key)):
            out.append(key)
    return out


def _same(key: str, given: Any, current: Any) -> bool:
    if key in _TIMES and isinstance(given, str) and isinstance(current, str):
        try:
            return parse_time(given) == parse_time(current)
        except ValueError:
            return False
    return bool(given == current)


# --- labels ------------------------------------------------------------------------------------------------------
def labelled(asn: Json) -> bool:
    """Labels exist for notices the seller labels itself (labelsType ONE_FULFILMENT) with a known number of units;
    with NONE the warehouse labels the units (seed 003)."""
    unit = asn.get("handlingUnit") or {}
    return bool(asn.get("items")) and unit.get("labelsType") == "ONE_FULFILMENT" and int(unit.get("amount") or 0) > 0


def clear_labels(world: World, seller: str, asn: Json) -> None:
    """A content change clears `labels` (spec: "Any content property update will clear labels"); new labels for the
    new content follow as a job, like the vendor's label generation."""
    asn["_targ"]["labels"] = False
    asn["_targ"]["labelsRound"] = int(asn["_targ"]["labelsRound"]) + 1
    schedule_labels(world, seller, asn)


def schedule_labels(world: World, seller: str, asn: Json) -> None:
    if labelled(asn) and asn["status"] in (DRAFT, IN_TRANSIT):
        world.schedule(LABELS_JOB, world.config.ms("jobDelay"),
                       {"asnId": asn["id"], "round": asn["_targ"]["labelsRound"]}, owner=seller)


def labels_url(base_url: str, asn_id: str) -> str:
    return f"{base_url}/fulfillment/advance-ship-notices/{asn_id}/labels"


# --- views -------------------------------------------------------------------------------------------------------
def view(asn: Json, base_url: str, *, listing: bool = False) -> Json:
    """AdvanceShipNoticeResponse (or, with `listing`, AdvanceShipNoticeListItemResponse). Absent parts are left out,
    not null: the schemas declare none of them nullable."""
    out: Json = {k: asn[k] for k in ("id", "displayNumber", "status", "createdAt", "updatedAt")}
    out["items"] = copy.deepcopy(asn.get("items") or [])
    if asn.get("handlingUnit"):
        out["handlingUnit"] = dict(asn["handlingUnit"])
    if asn["_targ"].get("labels"):
        out["labels"] = {"fileUrl": labels_url(base_url, asn["id"])}
    if asn.get("shipping"):
        out["shipping"] = copy.deepcopy(asn["shipping"])
    if asn.get("submittedAt"):
        out["submittedAt"] = asn["submittedAt"]
    if not listing and asn.get("declaredVolumeInCc") is not None:
        out["volumeInCc"] = asn["declaredVolumeInCc"]
    return out


def receiving_view(asn: Json) -> Json:
    """ReceivingState: one entry per declared product (expected = declared quantity) and one per product the
    warehouse found without it being declared (expected 0), so a difference is reported, never hidden."""
    receiving = asn.get("receiving") or {"stage": "IN_PROGRESS", "updatedAt": asn["updatedAt"], "content": []}
    counted = {e["product"]["id"]: e["received"] for e in receiving.get("content") or ()}
    content = []
    for item in asn.get("items") or ():
        pid = item["product"]["id"]
        content.append(_entry(pid, int(item["quantity"]), counted.pop(pid, [])))
    content += [_entry(pid, 0, received) for pid, received in counted.items()]
    return {"updatedAt": receiving["updatedAt"], "stage": receiving["stage"], "displayNumber": asn["displayNumber"],
            "content": content}


def _entry(product_id: str, expected: int, received: list[Json]) -> Json:
    return {"expected": expected, "product": {"id": product_id},
            "received": [{"quantity": int(r["quantity"]), "receivedType": r["receivedType"],
                          "reasonCode": r.get("reasonCode") or "SELLABLE"} for r in received]}
