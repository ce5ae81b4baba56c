"""Offer translations: `GET /sale/offers/{offerId}/translations`, `PATCH` and `DELETE …/translations/{language}`.

The offer's own language is its BASE translation (title = the name, description = the description); manual
translations (MANUAL) are kept per language in the offer (`_translations`). Allegro's machine translations (AUTO)
are not modelled: a language nobody translated into has no entry. A manual translation of a listed offer records
OFFER_TRANSLATION_UPDATED.
"""

from __future__ import annotations

from targ.allegro.errors import AllegroError
from targ.allegro.offers import events, model
from targ.allegro.offers.documents import Offer
from targ.handlers import handler
from targ.http.request import Reply, Request
from targ.json_types import Json

ELEMENTS = {"title": "title", "description": "description", "safety_information": "safetyInformation"}


def _base(offer: Offer) -> Json:
    out: Json = {"language": offer.get("language") or "pl-PL",
                 "title": {"translation": offer.get("name") or "", "type": "BASE"}}
    if offer.get("description"):
        out["description"] = {"translation": offer["description"], "type": "BASE"}
    return out


def _entries(offer: Offer) -> list[Json]:
    manual = [{"language": lang, **entry} for lang, entry in (offer.get("_translations") or {}).items() if entry]
    return [_base(offer), *manual]


@handler("allegro", "getOfferTranslationUsingGET")
def read(req: Request) -> Reply:
    offer = model.owned(req, model.seller(req).id)
    language = req.param("language")
    entries = [e for e in _entries(offer) if language in (None, e["language"])]
    return Reply({"translations": entries})


def _changed(req: Request, owner: str, offer: Offer, translation: str) -> None:
    """A listed offer's `translation` (its language tag) changed: the OFFER_TRANSLATION_UPDATED event."""
    if model.status_of(offer) in model.LIVE:
        events.record(req.world, owner, offer, events.TRANSLATION_UPDATED, translations=[{"language": translation}])


@handler("allegro", "updateOfferTranslationUsingPATCH")
def update(req: Request) -> Reply:
    seller = model.seller(req)
    model.owned(req, seller.id)
    owner, before, offer = model.edit(req.world, req.param("offerId"))
    language, body = req.param("language"), req.body or {}
    if language == (offer.get("language") or "pl-PL"):
        raise AllegroError(422, "VALIDATION_ERROR", "The offer's base language cannot be translated into.",
                           path="language")
    if not any(body.get(k) for k in ELEMENTS.values()):
        raise AllegroError(422, "VALIDATION_ERROR", "A translation needs a title, a description or safety "
                                                     "information.", path="title")
    entry = offer.setdefault("_translations", {}).setdefault(language, {})
    if (body.get("title") or {}).get("translation"):
        entry["title"] = {"translation": body["title"]["translation"], "type": "MANUAL"}
    if (body.get("description") or {}).get("translation"):
        entry["description"] = {"translation": body["description"]["translation"], "type": "MANUAL"}
    if (body.get("safetyInformation") or {}).get("products"):
        entry["safetyInformation"] = {"products": [{**p, "type": "MANUAL"} for p in body["safetyInformation"]
                                                   ["products"]]}
    model.save(req.world, owner, before, offer)
    _changed(req, owner, offer, language)
    return Reply(None)


@handler("allegro", "deleteManualTranslationUsingDELETE")
def delete(req: Request) -> Reply:
    """An unknown offer is the vendor's 404, although the operation documents none (every offer path answers so)."""
    seller = model.seller(req)
    model.owned(req, seller.id)
    owner, before, offer = model.edit(req.world, req.param("offerId"))
    language, element = req.param("language"), req.param("element")
    entry = (offer.get("_translations") or {}).get(language)
    if entry:
        if element is None:
            entry.clear()
        elif element == "safety_information" and req.param("products.id"):
            products = (entry.get("safetyInformation") or {}).get("products") or []
            entry["safetyInformation"] = {"products": [p for p in products if p.get("id") != req.param("products.id")]}
        else:
            entry.pop(ELEMENTS[element], None)
        model.save(req.world, owner, before, offer)
        _changed(req, owner, offer, language)
    return Reply(None)
