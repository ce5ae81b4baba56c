"""`GET /__targ/openapi/{vendor}.json`: the compiled bundle as one OpenAPI 3.1 document, errata marked where they
were applied, holding exactly the schemas the edge validates with (issue 20; docs/spec-bundle.md, "Served")."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import httpx
import jsonschema_rs
import orjson
import pytest

from targ.spec.bundle import BUNDLE_DIR, VENDORS, load_bundle
from targ.testing import TargServer

Json = Any
ALLEGRO_JSON = "application/vnd.allegro.public.v1+json"
FULFILLMENT = "/order/checkout-forms/{id}/fulfillment"


def fetch(targ: TargServer, vendor: str) -> Json:
    resp = httpx.get(f"{targ.url}/__targ/openapi/{vendor}.json", timeout=30)
    assert resp.status_code == 200 and resp.headers["content-type"] == "application/json; charset=utf-8"
    return resp.json()


def raw_bundle(vendor: str) -> Json:
    return orjson.loads((BUNDLE_DIR / f"{vendor}.json").read_bytes())


def nodes(value: Json) -> Iterator[Json]:
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from nodes(item)
    elif isinstance(value, list):
        for item in value:
            yield from nodes(item)


def pointer(doc: Json, ref: str) -> Json:
    node = doc
    for token in ref.removeprefix("#/").split("/"):
        node = node[token.replace("~1", "/").replace("~0", "~")]
    return node


def unmarked(value: Json) -> Json:
    """The value without targ's errata marks: what the bundle holds."""
    if isinstance(value, dict):
        return {key: unmarked(item) for key, item in value.items() if key != "x-targ-errata"}
    if isinstance(value, list):
        return [unmarked(item) for item in value]
    return value


def validator(doc: Json, ref: str) -> jsonschema_rs.Validator:
    return jsonschema_rs.validator_for({"$ref": ref, "components": doc["components"]})


@pytest.mark.parametrize("vendor", VENDORS)
def test_the_document_has_every_operation_of_the_bundle(targ: TargServer, vendor: str) -> None:
    doc = fetch(targ, vendor)
    assert doc["openapi"] == "3.1.0" and doc["jsonSchemaDialect"] == "https://json-schema.org/draft/2020-12/schema"
    assert doc["servers"] == [{"url": targ.url, "description": "targ"}]
    bundle = raw_bundle(vendor)
    pinned = next(s for s in bundle["sources"] if s["label"] == "pinned")
    assert doc["info"]["version"] == f"{pinned['file']} sha256:{pinned['sha256'][:12]}"
    assert doc["info"]["x-targ-sources"] == bundle["sources"]
    served = [(method.upper(), path, op["operationId"]) for path, item in doc["paths"].items()
              for method, op in item.items()]
    assert sorted(served) == sorted((op["method"], op["path"], op["operationId"]) for op in bundle["operations"])
    for op in bundle["operations"]:
        mine = doc["paths"][op["path"]][op["method"].lower()]
        assert mine["x-targ-source"] == op["source"] and mine["x-targ-success-status"] == op["successStatus"]
        assert mine["security"] == op["security"] and mine.get("parameters", []) == op["parameters"]
        assert mine.get("requestBody") == op["requestBody"]
        assert unmarked({code: {k: v for k, v in r.items() if k != "description"}
                         for code, r in mine["responses"].items()}) == op["responses"]
        assert all(isinstance(r["description"], str) and r["description"] for r in mine["responses"].values())
    # Every reference resolves inside the document, and the whole of it compiles as JSON Schema 2020-12.
    refs = {node["$ref"] for node in nodes(doc["paths"]) if isinstance(node.get("$ref"), str)}
    refs |= {node["$ref"] for node in nodes(doc["components"]["schemas"]) if isinstance(node.get("$ref"), str)}
    assert refs and all(ref.removeprefix("#/components/schemas/") in doc["components"]["schemas"] for ref in refs)
    jsonschema_rs.Draft202012Validator({"components": doc["components"],
                                        "anyOf": [{"$ref": ref} for ref in sorted(refs)]})


@pytest.mark.parametrize("vendor", VENDORS)
def test_the_schemas_are_the_ones_the_edge_validates_with(targ: TargServer, vendor: str) -> None:
    doc = fetch(targ, vendor)
    edge = load_bundle(vendor)
    assert list(doc["components"]["schemas"]) == list(edge.schemas)
    assert unmarked(doc["components"]["schemas"]) == dict(edge.schemas.items())
    for op in edge.operations:
        mine = doc["paths"][op.path][op.method.lower()]
        assert mine.get("requestBody") == op.request_body and mine.get("parameters", []) == op.parameters


def test_a_body_the_document_refuses_is_refused_by_the_edge_and_one_it_accepts_passes(
        targ: TargServer, voucherify_http: httpx.Client) -> None:
    doc = fetch(targ, "voucherify")
    body_ref = doc["paths"]["/v1/orders"]["post"]["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    check = validator(doc, body_ref)
    for body, field in (({"amount": "abc"}, ".amount"), ({"status": "NOPE"}, ".status"),
                        ({"items": [{"quantity": "x"}]}, ".items[0].quantity")):
        assert not check.is_valid(body)
        resp = voucherify_http.post("/v1/orders", json=body)
        assert resp.status_code == 400 and resp.json()["key"] == "invalid_payload"
        assert resp.json()["details"].startswith(f"Property {field} ")
    good = {"source_id": "from-the-document", "amount": 100, "status": "PAID"}
    assert check.is_valid(good)
    assert voucherify_http.post("/v1/orders", json=good).status_code == 200


def test_allegro_strict_requests_are_held_to_the_served_schema(targ: TargServer) -> None:
    """By default targ reads Allegro bodies as the vendor's lenient binder does; with --strict-requests the edge
    holds them to the schema as written, which is the one the document serves."""
    doc = fetch(targ, "allegro")
    schema = doc["paths"][FULFILLMENT]["put"]["requestBody"]["content"][ALLEGRO_JSON]["schema"]
    check = validator(doc, schema["$ref"])
    assert not check.is_valid({"status": "NOPE"}) and check.is_valid({"status": "PROCESSING"})
    with TargServer(strict_requests=True) as strict:
        headers = {"Authorization": f"Bearer {strict.demo['accessToken']}", "Accept": ALLEGRO_JSON,
                   "Content-Type": ALLEGRO_JSON}
        url = f"{strict.url}/order/checkout-forms/29738e61-7f6a-11e8-ac45-09db60ede9d6/fulfillment"
        refused = httpx.put(url, json={"status": "NOPE"}, headers=headers, timeout=30)
        assert refused.status_code == 422 and refused.json()["errors"][0]["path"] == "status"
        passed = httpx.put(url, json={"status": "PROCESSING"}, headers=headers, timeout=30)
        assert passed.status_code == 404   # valid: on to the handler, which has no such order


@pytest.mark.parametrize("vendor", VENDORS)
def test_every_erratum_is_listed_and_marked_where_it_was_applied(targ: TargServer, vendor: str) -> None:
    doc = fetch(targ, vendor)
    errata = raw_bundle(vendor)["errata"]
    assert [{k: v for k, v in e.items() if k != "marked"} for e in doc["x-targ-errata"]] == errata
    for erratum in doc["x-targ-errata"]:
        assert erratum["marked"], erratum["id"]
        for place in erratum["marked"]:
            assert erratum["id"] in pointer(doc, place)["x-targ-errata"], place
    marked = {id_ for node in nodes(doc) for id_ in node.get("x-targ-errata", []) if isinstance(id_, str)}
    assert marked == {e["id"] for e in errata}


def test_allegro_errata_in_place(targ: TargServer) -> None:
    doc = fetch(targ, "allegro")
    schemas = doc["components"]["schemas"]
    assert schemas["CheckoutForms"]["x-targ-errata"] == ["checkout-forms-count-minimum"]
    assert schemas["CheckoutForms"]["properties"]["count"]["minimum"] == 0
    assert "x-targ-errata" not in schemas["CheckoutForm"]
    change_price = doc["paths"]["/offers/{offerId}/change-price-commands/{commandId}"]["put"]
    assert {"allegro-change-price-default", "allegro-401-undeclared"} <= set(change_price["x-targ-errata"])
    assert "default" not in change_price["responses"]
    # Every 401 is the vendor's AuthError as application/json, by the erratum that says so.
    for item in doc["paths"].values():
        for op in item.values():
            assert op["responses"]["401"]["x-targ-errata"] == ["allegro-401-autherror"]
    assert "x-targ-errata" not in doc["paths"]["/me"]["get"]


def test_allegro_oauth_and_uploads_point_at_targ(targ: TargServer) -> None:
    doc = fetch(targ, "allegro")
    flows = doc["components"]["securitySchemes"]["bearer-token-for-user"]["flows"]
    assert flows["authorizationCode"]["tokenUrl"] == f"{targ.url}/auth/oauth/token"
    assert flows["authorizationCode"]["authorizationUrl"] == f"{targ.url}/auth/oauth/authorize"
    uploads = [op for item in doc["paths"].values() for op in item.values() if "x-targ-vendor-servers" in op]
    assert uploads and all("servers" not in op for op in uploads)
    bundle_uploads = [op["operationId"] for op in raw_bundle("allegro")["operations"] if op.get("servers")]
    assert sorted(op["operationId"] for op in uploads) == sorted(bundle_uploads)


def test_the_served_host_follows_the_request(targ: TargServer) -> None:
    resp = httpx.get(f"{targ.url}/__targ/openapi/voucherify.json", headers={"Host": "localhost:9999"}, timeout=30)
    assert resp.json()["servers"] == [{"url": "http://localhost:9999", "description": "targ"}]


def test_an_unknown_document_is_an_admin_404(targ: TargServer) -> None:
    resp = httpx.get(f"{targ.url}/__targ/openapi/stripe.json", timeout=30)
    assert resp.status_code == 404
    assert resp.json() == {"error": "not_found", "message": "the OpenAPI documents are /__targ/openapi/allegro.json "
                                                            "and /__targ/openapi/voucherify.json"}


def test_the_document_is_a_copy(targ: TargServer) -> None:
    """Marking errata on the served document never touches the schemas the edge validates with."""
    before = copy.deepcopy(dict(load_bundle("allegro").schemas.items()))
    fetch(targ, "allegro")
    assert "x-targ-errata" not in load_bundle("allegro").schemas["CheckoutForms"]
    assert dict(load_bundle("allegro").schemas.items()) == before
