"""Offer attachments: declared (`{type, file: {name}}`), uploaded once (the file, in a format its type allows), read
back with the address of the file, and named by offers (`attachments`, and a product's `safetyInformation`).

Storage: the shared attachment store (targ.allegro.attachments), kind `offer_attachment`, id = the attachment id (a
UUID), owner = the declaring seller, with `type` besides the shared fields; no size is declared.

The vendor's rules (docs/behaviour.md, "Offer images and attachments"):

* formats by type: PDF, except ENERGY_LABEL and TIRE_LABEL (JPEG, JPG, PNG) and SAFETY_INFORMATION_MANUAL (PDF, JPEG,
  JPG, PNG) — the spec, and #7604 NEWS ("bardziej restrykcyjną walidację przesyłanych plików");
* at most 20 MB, 50 MB for SAFETY_INFORMATION_MANUAL (#10670 staff);
* one attachment may be used by any number of offers and products (#10210 staff); an offer's `attachments` hold one
  of each type and no SAFETY_INFORMATION_MANUAL, which belongs in `productSet[].safetyInformation` (#10210, #11075,
  #11001 staff), up to 20 per product (the spec).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from targ.allegro.attachments import Attachments, Formats
from targ.allegro.errors import AllegroError
from targ.allegro.offers import image_formats
from targ.allegro.offers.documents import OfferView
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.world import World

ATTACHMENT_KIND = "offer_attachment"
FILES = Attachments(ATTACHMENT_KIND)
SAFETY = "SAFETY_INFORMATION_MANUAL"
SAFETY_LIMIT = 20                                   # "up to 20 files to one product" (the spec)
_PDF = {"pdf": "application/pdf"}
_PICTURES = {"jpeg": "image/jpeg", "jpg": "image/jpeg", "png": "image/png"}
PICTURE_TYPES = ("ENERGY_LABEL", "TIRE_LABEL")
MB = 1_000_000


def formats_of(attachment_type: str) -> Formats:
    if attachment_type == SAFETY:
        return Formats({**_PDF, **_PICTURES})
    return Formats(_PICTURES if attachment_type in PICTURE_TYPES else _PDF)


def max_bytes_of(attachment_type: str) -> int:
    return 50 * MB if attachment_type == SAFETY else 20 * MB


def file_url(base_url: str, attachment: Json) -> str:
    """Where the uploaded file is served: targ's own host (static_host.py)."""
    return f"{base_url}/allegroimg/attachments/{attachment['id']}"


def view(attachment: Json, base_url: str) -> Json:
    """`OfferAttachment`: the file's address once it is uploaded (#11104 staff: "Url powinno pojawić się po uploadzie
    pliku")."""
    file: Json = {"name": attachment["fileName"]}
    if attachment["uploadedAt"] is not None:
        file["url"] = file_url(base_url, attachment)
    return {"id": attachment["id"], "type": attachment["type"], "file": file}


def declare(world: World, seller_id: str, attachment_type: str, name: str) -> Json:
    return FILES.declare(world, seller_id, name, None, by="SELLER", extra={"type": attachment_type})


def find(world: World, attachment_id: str) -> tuple[str, Json] | None:
    return FILES.find(world, attachment_id)


def _format_error(attachment: Json) -> AllegroError:
    allowed = sorted({ext.upper() for ext in formats_of(attachment["type"]).media_types})
    params = {"type": attachment["type"], "allowed": ", ".join(allowed)}
    return AllegroError(415, "NotSupportedException", user_key="offermedia.attachment_format", user_params=params)


def _is_of_type(content: bytes, media_type: str) -> bool:
    """The file is what its media type says (the vendor validates the files it takes, #7604 NEWS)."""
    if media_type == "application/pdf":
        return content.startswith(b"%PDF-")
    info = image_formats.sniff(content)
    return info is not None and info.media_type == media_type


def upload(world: World, seller_id: str, attachment: Json, content_type: str | None, content: bytes) -> None:
    """The file of a declared attachment, in a format its type allows (415 otherwise, the operation's "Unsupported
    media type")."""
    media_type = (content_type or "").split(";")[0].strip().lower()
    if not _is_of_type(content, media_type):
        raise _format_error(attachment)
    FILES.upload_checked(world, seller_id, attachment, content_type, content, formats=formats_of(attachment["type"]),
                         max_bytes=max_bytes_of(attachment["type"]), unsupported=lambda _: _format_error(attachment),
                         too_large=lambda _size, _limit: _too_large(attachment))


def _too_large(attachment: Json) -> AllegroError:
    # Behind targ's 10 MiB limit on any request body: a larger file is refused by the edge first (413).
    return AllegroError(413, "PayloadTooLargeException",
                        f"A {attachment['type']} attachment can have at most {max_bytes_of(attachment['type'])} bytes.")


# --- offers ---------------------------------------------------------------------------------------------------------
def _invalid(key: str, path: str, **params: object) -> AllegroError:
    return AllegroError(422, "VALIDATION_ERROR", path=path, user_key=f"offermedia.{key}", user_params=params)


def _usable(world: World, seller_id: str, ref: object, path: str) -> Json:
    """The seller's uploaded attachment an offer names; 422 naming the field otherwise (*decided*: the vendor's
    answer for an unknown id is not known)."""
    attachment_id = str(ref.get("id")) if isinstance(ref, dict) else str(ref)
    found = find(world, attachment_id)
    if found is None or found[0] != seller_id:
        raise _invalid("attachment_not_found", path, id=attachment_id)
    if found[1]["uploadedAt"] is None:
        raise _invalid("attachment_not_uploaded", path, id=attachment_id)
    return found[1]


def check_offer(world: World, seller_id: str, offer: OfferView) -> None:
    """Every attachment the offer names exists, is the seller's and has its file; the offer's own attachments are
    one per type and no safety information; a product's safety information is SAFETY_INFORMATION_MANUAL files."""
    types: set[str] = set()
    for i, ref in enumerate(offer.get("attachments") or ()):
        attachment = _usable(world, seller_id, ref, f"attachments[{i}].id")
        if attachment["type"] == SAFETY:
            # The vendor's answer (#11075).
            raise AllegroError(422, "IllegalOfferUpdateException.AttachmentsTypeChange", path="attachments",
                               details="IllegalOfferUpdateException.AttachmentsTypeChange",
                               user_key="offermedia.safety_in_attachments")
        if attachment["type"] in types:
            raise _invalid("attachment_type_twice", f"attachments[{i}].id", type=attachment["type"])
        types.add(attachment["type"])
    for p, element in enumerate(offer.get("productSet") or ()):
        info = element.get("safetyInformation") or {}
        if not isinstance(info, dict) or info.get("type") != "ATTACHMENTS":
            continue
        where = f"productSet[{p}].safetyInformation.attachments"
        refs = info.get("attachments") or []
        if len(refs) > SAFETY_LIMIT:
            raise _invalid("safety_limit", where, limit=SAFETY_LIMIT)
        for j, ref in enumerate(refs):
            if _usable(world, seller_id, ref, f"{where}[{j}].id")["type"] != SAFETY:
                raise _invalid("not_safety", f"{where}[{j}].id")
