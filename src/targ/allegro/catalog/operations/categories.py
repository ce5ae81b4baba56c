"""Categories and their parameters: `GET /sale/categories`, `/sale/categories/{categoryId}`, `.../parameters`,
`.../product-parameters`. Public data: application tokens are accepted (the edge checks that)."""

from __future__ import annotations

from targ.allegro.catalog.tree import Requirement, category_not_found, require_category, tree
from targ.allegro.messages import localised
from targ.handlers import handler
from targ.http.request import Reply, Request
from targ.json_types import Json


def category_dto(category: Json) -> Json:
    """CategoryDto in the vendor's key order. The vendor sends `"parent": null` for main categories, which the
    spec's schema (an object, not nullable) does not allow: targ leaves the key out instead."""
    out: Json = {"id": category["id"], "name": localised(category, "name")}
    if category["parent"] is not None:
        out["parent"] = {"id": category["parent"]}
    out["leaf"] = category["leaf"]
    out["options"] = tree().options(category)
    return out


@handler("allegro", "getCategoriesUsingGET", backing="dataset")
def list_categories(req: Request) -> Reply:
    categories = tree()
    parent_id = req.param("parent.id") or categories.root
    if parent_id == categories.root:
        children = categories.children.get(None, [])
    elif categories.get(parent_id) is None:
        raise category_not_found(parent_id, in_tree=True)
    else:
        children = categories.children.get(parent_id, [])   # a leaf has none: an empty list, as the vendor
    return Reply({"categories": [category_dto(c) for c in children]})


@handler("allegro", "getCategoryUsingGET_1", backing="dataset")
def get_category(req: Request) -> Reply:
    return Reply(category_dto(require_category(req.param("categoryId"))))


def _dictionary(definition: Json) -> list[Json]:
    return [{"id": entry["id"], "value": localised(entry, "value"),
             "dependsOnValueIds": list(entry["dependsOnValueIds"])} for entry in definition["dictionary"]]


def parameter_dto(req: Requirement, *, product: bool) -> Json:
    """CategoryParameter (offer parameters) or CategoryProductParameter (`product=True`: `required` is the
    product's requirement, and the offer-only fields are left out)."""
    definition, ref = req.definition, req.ref
    out: Json = {"id": definition["id"], "name": localised(definition, "name"), "type": definition["type"]}
    if product:
        out["required"] = ref["requiredForProduct"]
    else:
        out["required"] = req.required
        out["requiredForProduct"] = ref["requiredForProduct"]
    for key in ("requiredIf", "displayedIf"):
        if key in ref:
            out[key] = ref[key]
    out["unit"] = definition["unit"]
    if not product:
        out["options"] = dict(definition["options"])
    if "dictionary" in definition:
        out["dictionary"] = _dictionary(definition)
    out["restrictions"] = dict(definition["restrictions"])
    return out


@handler("allegro", "getFlatParametersUsingGET_2", backing="dataset")
def category_parameters(req: Request) -> Reply:
    category = require_category(req.param("categoryId"))
    requirements = tree().requirements(req.world, category)
    return Reply({"parameters": [parameter_dto(r, product=False) for r in requirements]})


@handler("allegro", "getFlatProductParametersUsingGET", backing="dataset")
def product_parameters(req: Request) -> Reply:
    category = require_category(req.param("categoryId"))
    requirements = [r for r in tree().requirements(req.world, category) if r.definition["options"]["describesProduct"]]
    return Reply({"parameters": [parameter_dto(r, product=True) for r in requirements]})
