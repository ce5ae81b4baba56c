"""The compiled spec bundle (src/targ/spec/bundle/*.json, built by tools/compile_specs.py; docs/spec-bundle.md).

Reads the JSON files directly (orjson + pathlib) so that it does not depend on any targ module.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema_rs
import orjson
import pytest

BUNDLE_DIR = Path(__file__).resolve().parent.parent / "src" / "targ" / "spec" / "bundle"
SCHEMA_REF_PREFIX = "#/components/schemas/"
ALLEGRO_PINNED_SHA256 = "2abd785200001541a00769cd2af9adcd1addfb2f36aba8160cd4410dc959d60c"
VENDORS = ("allegro", "voucherify")
PARAMETER_KEYS = {"name", "in", "required", "schema"}

Json = Any


def load(vendor: str) -> Json:
    return orjson.loads((BUNDLE_DIR / f"{vendor}.json").read_bytes())


@pytest.fixture(scope="module")
def allegro() -> Json:
    return load("allegro")


@pytest.fixture(scope="module")
def voucherify() -> Json:
    return load("voucherify")


@pytest.fixture(scope="module", params=VENDORS)
def bundle(request: pytest.FixtureRequest) -> Json:
    return load(request.param)


# ---------------------------------------------------------------------------------------------------- helpers


def operation_schemas(op: Json) -> Iterator[tuple[str, Json]]:
    """Every top-level schema inside an operation (parameters, request body, response contents and headers)."""
    where = f"{op['method']} {op['path']}"
    for param in op["parameters"]:
        yield f"{where} parameter {param['name']}", param["schema"]
    if op["requestBody"]:
        for media_type, entry in op["requestBody"]["content"].items():
            if "schema" in entry:
                yield f"{where} body {media_type}", entry["schema"]
    for code, response in op["responses"].items():
        for media_type, entry in response.get("content", {}).items():
            if "schema" in entry:
                yield f"{where} {code} {media_type}", entry["schema"]
        for name, header in response.get("headers", {}).items():
            if "schema" in header:
                yield f"{where} {code} header {name}", header["schema"]


def all_schemas(bundle: Json) -> Iterator[tuple[str, Json]]:
    for name, schema in bundle["schemas"].items():
        yield f"schemas.{name}", schema
    for op in bundle["operations"]:
        yield from operation_schemas(op)


def schema_nodes(schema: Json, where: str) -> Iterator[tuple[str, dict[str, Json]]]:
    """Every (sub)schema, walking keywords only: keys of `properties` are names, `example` values are data."""
    if not isinstance(schema, dict):
        return
    yield where, schema
    for name, sub in schema.get("properties", {}).items():
        yield from schema_nodes(sub, f"{where}.properties.{name}")
    for key in ("items", "additionalProperties", "not"):
        if key in schema:
            yield from schema_nodes(schema[key], f"{where}.{key}")
    for key in ("allOf", "anyOf", "oneOf"):
        for index, sub in enumerate(schema.get(key, [])):
            yield from schema_nodes(sub, f"{where}.{key}[{index}]")


def every_schema_node(bundle: Json) -> Iterator[tuple[str, dict[str, Json]]]:
    for where, schema in all_schemas(bundle):
        yield from schema_nodes(schema, where)


def operation(bundle: Json, method: str, path: str) -> Json:
    return next(op for op in bundle["operations"] if op["method"] == method and op["path"] == path)


# ---------------------------------------------------------------------------------------------------- shape


def test_allegro_has_the_pinned_and_the_three_extra_operations(allegro: Json) -> None:
    sources = [op["source"] for op in allegro["operations"]]
    assert len(sources) == 270
    assert sources.count("pinned") == 267
    # Pinned first, extras after, in a stable order.
    assert sources[267:] == ["2026-07-18", "2026-07-18", "notes"]
    extras = {(op["method"], op["path"]): op["operationId"] for op in allegro["operations"][267:]}
    assert extras == {
        ("POST", "/order/checkout-forms/{id}/serial-numbers"): "setOrderLineItemsSerialNumbersUsingPOST",
        ("GET", "/fulfillment/returns/refund-dispositions"): "getRefundDispositionsReport",
        ("GET", "/order/line-item-id-mappings"): "findMapping",
    }


def test_voucherify_has_all_241_operations(voucherify: Json) -> None:
    assert len(voucherify["operations"]) == 241
    paths = {op["path"] for op in voucherify["operations"]}
    assert any(path.startswith("/client/v1/") for path in paths)
    assert any(path.startswith("/management/v1/") for path in paths)


def test_operations_are_unique(bundle: Json) -> None:
    routes = [(op["method"], op["path"]) for op in bundle["operations"]]
    operation_ids = [op["operationId"] for op in bundle["operations"]]
    assert len(set(routes)) == len(routes)
    assert len(set(operation_ids)) == len(operation_ids)


def test_header(bundle: Json) -> None:
    assert bundle["vendor"] in VENDORS
    assert bundle["format"] == 1
    assert bundle["securitySchemes"]
    for source in bundle["sources"]:
        assert set(source) == {"label", "file", "sha256"}
        assert len(source["sha256"]) == 64


def test_allegro_pinned_spec_checksum(allegro: Json) -> None:
    pinned = [source for source in allegro["sources"] if source["label"] == "pinned"]
    assert pinned == [{"label": "pinned", "file": "allegro-openapi.yaml", "sha256": ALLEGRO_PINNED_SHA256}]
    assert {source["label"] for source in allegro["sources"]} >= {"pinned", "2026-07-18", "notes"}


def test_operation_fields(bundle: Json) -> None:
    for op in bundle["operations"]:
        assert op["method"] == op["method"].upper()
        assert isinstance(op["security"], list)
        assert op["requestBody"] is None or set(op["requestBody"]) == {"required", "content"}
        for param in op["parameters"]:
            assert PARAMETER_KEYS <= set(param) <= PARAMETER_KEYS | {"style", "explode"}
            assert param["in"] != "path" or param["required"]


def test_every_allegro_operation_has_a_declared_success_status(allegro: Json) -> None:
    for op in allegro["operations"]:
        status = op["successStatus"]
        assert status in op["responses"], op["operationId"]
        assert status == min(code for code in op["responses"] if code.startswith("2"))


def test_voucherify_success_status_is_real(voucherify: Json) -> None:
    for op in voucherify["operations"]:
        assert list(op["responses"]) == ["2XX"], op["operationId"]
        assert op["successStatus"] in {"200", "201", "202", "204"}
        if op["successStatus"] == "204":
            assert "content" not in op["responses"]["2XX"], op["operationId"]
    statuses = {op["operationId"]: op["successStatus"] for op in voucherify["operations"]}
    # From voucherify-docs/*.json.
    assert statuses["delete-customer"] == "204"
    assert statuses["import-customers-using-csv"] == "202"
    assert statuses["create-order"] == "200"
    assert statuses["download-export"] == "200"


def test_voucherify_export_get_and_download_share_the_wire_path(voucherify: Json) -> None:
    get_export = operation(voucherify, "GET", "/v1/exports/{exportId}")
    download = operation(voucherify, "GET", "/v1/exports/{export_Id}")
    assert get_export["operationId"] == "get-export"
    assert list(get_export["responses"]["2XX"]["content"]) == ["application/json"]
    assert download["operationId"] == "download-export"
    assert list(download["responses"]["2XX"]["content"]) == ["text/plain"]


def test_find_mapping_shape(allegro: Json) -> None:
    op = operation(allegro, "GET", "/order/line-item-id-mappings")
    assert op["security"] == [{"bearer-token-for-user": ["allegro:api:orders:read"]}]
    assert [(p["name"], p["in"], p["required"]) for p in op["parameters"]] == [
        ("lineItemId", "query", False),
        ("dealId", "query", False),
    ]
    assert set(op["responses"]) == {"200", "401", "404", "422"}
    body = op["responses"]["200"]["content"]["application/vnd.allegro.public.v1+json"]["schema"]
    assert body == {"$ref": SCHEMA_REF_PREFIX + "LineItemIdMappings"}
    item = allegro["schemas"]["LineItemIdMapping"]
    assert item["required"] == ["dealId", "lineItemId"]
    assert item["properties"]["lineItemId"] == {"type": "string", "format": "uuid"}


def test_examples_only_on_success_responses(bundle: Json) -> None:
    for op in bundle["operations"]:
        for code, response in op["responses"].items():
            for entry in response.get("content", {}).values():
                assert "examples" not in entry
                assert "example" not in entry or code.startswith("2"), (op["operationId"], code)


# ---------------------------------------------------------------------------------------------------- errata


def erratum_ids(bundle: Json) -> set[str]:
    for erratum in bundle["errata"]:
        assert set(erratum) == {"id", "where", "change"}
    return {erratum["id"] for erratum in bundle["errata"]}


def test_allegro_errata(allegro: Json) -> None:
    assert erratum_ids(allegro) >= {
        "checkout-forms-count-minimum",
        "allegro-401-autherror",
        "allegro-401-undeclared",
        "allegro-change-price-default",
        "order-event-stats-latest-event-null",
    }
    latest = allegro["schemas"]["OrderEventStats"]["properties"]["latestEvent"]
    assert {"type": "null"} in latest["anyOf"]
    count = allegro["schemas"]["CheckoutForms"]["properties"]
    assert count["count"]["minimum"] == 0
    assert count["totalCount"]["minimum"] == 0
    change_price = operation(allegro, "PUT", "/offers/{offerId}/change-price-commands/{commandId}")
    assert "default" not in change_price["responses"]
    assert change_price["responses"]["422"]["content"]


def test_every_allegro_401_is_auth_error_json(allegro: Json) -> None:
    expected = {"application/json": {"schema": {"$ref": SCHEMA_REF_PREFIX + "AuthError"}}}
    for op in allegro["operations"]:
        assert op["responses"]["401"]["content"] == expected, op["operationId"]


def test_no_misspelt_media_type(allegro: Json) -> None:
    for op in allegro["operations"]:
        contents = [response.get("content", {}) for response in op["responses"].values()]
        if op["requestBody"]:
            contents.append(op["requestBody"]["content"])
        assert all(" " not in media_type for content in contents for media_type in content)


def test_voucherify_errata(voucherify: Json) -> None:
    assert "voucherify-required-undefined-OrderItem" in erratum_ids(voucherify)
    assert "object" not in voucherify["schemas"]["OrderItem"].get("required", [])


def test_no_schema_requires_an_undefined_property(bundle: Json) -> None:
    for where, node in every_schema_node(bundle):
        if "properties" in node and "allOf" not in node:
            undefined = set(node.get("required", [])) - set(node["properties"])
            assert not undefined, where


# ---------------------------------------------------------------------------------------------------- schemas


def test_every_ref_resolves(bundle: Json) -> None:
    schemas = bundle["schemas"]
    refs = 0
    for where, node in every_schema_node(bundle):
        if "$ref" in node:
            refs += 1
            assert node["$ref"].startswith(SCHEMA_REF_PREFIX), where
            assert node["$ref"][len(SCHEMA_REF_PREFIX) :] in schemas, where
    assert refs > 100


def test_schemas_are_json_schema_2020_12(bundle: Json) -> None:
    dropped = {"description", "title", "externalDocs", "xml", "deprecated", "nullable"}
    for where, node in every_schema_node(bundle):
        assert not dropped & set(node), where
        assert not any(key.startswith("x-") for key in node), where
        for bound in ("exclusiveMinimum", "exclusiveMaximum"):
            assert not isinstance(node.get(bound), bool), where


def test_discriminators_are_kept_for_the_binder(allegro: Json) -> None:
    """An annotation for JSON Schema; the Allegro body binder reads a base type as the subtype it names."""
    mapping = allegro["schemas"]["PriceModification"]["discriminator"]["mapping"]
    assert mapping["FIXED_PRICE"] == "#/components/schemas/PriceModificationFixedPrice"


def test_properties_named_like_dropped_keywords_survive(allegro: Json, voucherify: Json) -> None:
    assert "description" in allegro["schemas"]["AdditionalServiceRequest"]["properties"]
    assert "description" in voucherify["schemas"]["CampaignsCreateRequestBody"]["properties"]


def test_nullable_became_a_type_union(voucherify: Json) -> None:
    item = voucherify["schemas"]["OrderItem"]["properties"]
    assert item["sku_id"]["type"] == ["string", "null"]
    assert item["related_object"]["enum"][-1] is None


def test_every_schema_compiles(bundle: Json) -> None:
    """One root document referencing every component schema and every inline operation schema.

    Compiling it builds each referenced schema (a bad `pattern` or a non-integer `minLength` fails here), and is
    about a hundred times faster than building ~1450 validators one by one.
    """
    roots = [{"$ref": SCHEMA_REF_PREFIX + name} for name in bundle["schemas"]]
    roots += [schema for _, schema in operation_schemas_of(bundle)]
    root = {"components": {"schemas": bundle["schemas"]}, "anyOf": roots}
    jsonschema_rs.Draft202012Validator(root)


def operation_schemas_of(bundle: Json) -> Iterator[tuple[str, Json]]:
    for op in bundle["operations"]:
        yield from operation_schemas(op)


def test_one_schema_compiles_on_its_own(allegro: Json) -> None:
    document = {"$ref": SCHEMA_REF_PREFIX + "CheckoutForms", "components": {"schemas": allegro["schemas"]}}
    validator = jsonschema_rs.validator_for(document)
    assert validator.is_valid({"checkoutForms": [], "count": 0, "totalCount": 0})
