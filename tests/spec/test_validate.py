"""Request/response validation against the compiled bundle (targ.spec.validate, targ.spec.schemas)."""

from __future__ import annotations

from typing import Any

import pytest

from targ.spec import schemas
from targ.spec.bundle import Bundle, Operation, load_bundle
from targ.spec.validate import Problem, parse_parameters, validate_body, validate_response

ALLEGRO_JSON = "application/vnd.allegro.public.v1+json"


@pytest.fixture(scope="module")
def allegro() -> Bundle:
    return load_bundle("allegro")


@pytest.fixture(scope="module")
def voucherify() -> Bundle:
    return load_bundle("voucherify")


def body_op(schema: dict[str, Any], vendor: str = "allegro", media: str = ALLEGRO_JSON) -> Operation:
    """A hand-made operation taking `schema` as its (required) JSON body; $refs resolve into the vendor bundle."""
    raw = {"operationId": "handMade", "method": "POST", "path": "/hand-made", "parameters": [],
           "requestBody": {"required": True, "content": {media: {"schema": schema}}},
           "responses": {"200": {"content": {media: {"schema": schema}}}}, "successStatus": "200"}
    return Operation(vendor=vendor, operation_id="handMade", method="POST", path="/hand-made", source="test", raw=raw)


def by_path(problems: list[Problem]) -> dict[str, Problem]:
    return {p.path: p for p in problems}


# ---------------------------------------------------------------------------------------------- parameters


def test_defaults_and_integer_bounds(allegro: Bundle) -> None:
    op = allegro.by_id["getListOfOrdersUsingGET"]
    values, problems = parse_parameters(op, {}, [], {})
    assert problems == []
    assert values["limit"] == 100 and values["offset"] == 0
    values, problems = parse_parameters(op, {}, [("limit", "100"), ("offset", "20")], {})
    assert problems == [] and values["limit"] == 100 and values["offset"] == 20

    _, problems = parse_parameters(op, {}, [("limit", "0")], {})
    assert [(p.location, p.path, p.kind, p.params["limit"]) for p in problems] == [("query", "limit", "minimum", 1)]
    _, problems = parse_parameters(op, {}, [("limit", "101")], {})
    assert [(p.path, p.kind, p.params["limit"]) for p in problems] == [("limit", "maximum", 100)]
    assert "limit" in problems[0].message and "100" in problems[0].message
    _, problems = parse_parameters(op, {}, [("limit", "ten")], {})
    assert [(p.path, p.kind) for p in problems] == [("limit", "type")]


def test_wrong_enum_in_query_and_dotted_names(allegro: Bundle) -> None:
    op = allegro.by_id["getListOfOrdersUsingGET"]
    _, problems = parse_parameters(op, {}, [("sort", "price")], {})
    assert [(p.path, p.kind) for p in problems] == [("sort", "enum")]
    assert "-updatedAt" in problems[0].params["allowed"]
    assert problems[0].message.startswith("sort must be one of [lineItems.boughtAt, ")
    values, problems = parse_parameters(op, {}, [("fulfillment.status", "SENT"), ("sort", "-updatedAt")], {})
    assert problems == [] and values["fulfillment.status"] == ["SENT"] and values["sort"] == "-updatedAt"


def test_date_time_query_format(allegro: Bundle) -> None:
    op = allegro.by_id["getListOfOrdersUsingGET"]
    ok = parse_parameters(op, {}, [("lineItems.boughtAt.gte", "2026-01-01T10:00:00.000Z")], {})
    assert ok[1] == []
    _, problems = parse_parameters(op, {}, [("lineItems.boughtAt.gte", "yesterday")], {})
    assert [(p.path, p.kind, p.params) for p in problems] == [("lineItems.boughtAt.gte", "format",
                                                               {"format": "date-time"})]


def test_unknown_query_parameters_are_ignored(allegro: Bundle) -> None:
    values, problems = parse_parameters(allegro.by_id["getListOfOrdersUsingGET"], {}, [("nope", "x")], {})
    assert problems == [] and "nope" not in values


def test_repeated_array_query_parameters(allegro: Bundle) -> None:
    op = allegro.by_id["getAdvanceShipNotices"]
    values, problems = parse_parameters(op, {}, [("status", "DRAFT"), ("limit", "5"), ("status", "IN_TRANSIT")], {})
    assert problems == [] and values["status"] == ["DRAFT", "IN_TRANSIT"] and values["limit"] == 5
    values, problems = parse_parameters(op, {}, [("status", "DRAFT,CANCELLED")], {})  # Spring splits a lone value
    assert problems == [] and values["status"] == ["DRAFT", "CANCELLED"]
    _, problems = parse_parameters(op, {}, [("status", "DRAFT"), ("status", "LOST")], {})
    assert [(p.path, p.kind) for p in problems] == [("status", "enum")]
    assert problems[0].message.startswith("status[1] must be one of [DRAFT, ")


def test_path_uuid_format_and_headers(allegro: Bundle) -> None:
    op = allegro.by_id["updateAdvanceShipNotice"]
    good = "6d3c2a9e-0f1b-4c2d-8e3f-0123456789ab"
    values, problems = parse_parameters(op, {"id": good}, [], {"IF-MATCH": '"v1"', "accept-language": "pl-PL"})
    assert problems == [] and values["id"] == good and values["if-match"] == '"v1"'
    assert values["Accept-Language"] == "pl-PL"
    # An unsupported Accept-Language is no error: the edge falls back to the default language, like the vendor.
    _, problems = parse_parameters(op, {"id": "123"}, [], {"Accept-Language": "de-DE"})
    assert {(p.location, p.path, p.kind) for p in problems} == {
        ("path", "id", "format"), ("header", "if-match", "required")}


def test_edge_headers_are_not_checked_here(allegro: Bundle) -> None:
    op = allegro.by_id["getAdvanceShipNoticeLabels"]  # declares a required `accept` header with an enum
    required = [p for p in op.parameters if p["in"] != "header" and p.get("required")]
    path = {p["name"]: "6d3c2a9e-0f1b-4c2d-8e3f-0123456789ab" for p in required if p["in"] == "path"}
    _, problems = parse_parameters(op, path, [], {})
    assert all(p.location != "header" for p in problems)


def test_voucherify_parameters(voucherify: Bundle) -> None:
    op = voucherify.by_id["list-orders"]
    values, problems = parse_parameters(op, {}, [("limit", "5"), ("order", "-created_at")], {})
    assert problems == [] and values == {"limit": 5, "order": "-created_at"}
    _, problems = parse_parameters(op, {}, [("limit", "500"), ("order", "price")], {})
    assert {(p.path, p.kind) for p in problems} == {("limit", "maximum"), ("order", "enum")}


def test_deep_object_query(voucherify: Bundle) -> None:
    op = voucherify.by_id["list-vouchers"]
    query = [("created_at[before]", "2024-01-02T03:04:05+00:00"), ("limit", "10")]
    values, problems = parse_parameters(op, {}, query, {})
    assert problems == []
    assert values["created_at"] == {"before": "2024-01-02T03:04:05+00:00"} and values["limit"] == 10


# ---------------------------------------------------------------------------------------------- bodies


def test_missing_required_body_field_has_dotted_path(allegro: Bundle) -> None:
    op = allegro.by_id["createOrderShipmentsUsingPOST"]
    body = {"carrierId": "ALLEGRO", "waybill": "AD-1", "lineItems": [{"id": "a"}, {}]}
    problems = validate_body(op, ALLEGRO_JSON, body)
    assert [(p.location, p.path, p.kind, p.params) for p in problems] == [
        ("body", "lineItems[1].id", "required", {"property": "id"})]
    assert problems[0].message == "lineItems[1].id is required"
    problems = validate_body(op, ALLEGRO_JSON, {"waybill": "x" * 65})
    assert {(p.path, p.kind) for p in problems} == {("carrierId", "required"), ("waybill", "maxLength")}


def test_nested_required_property_names_itself() -> None:
    op = body_op({"type": "object", "properties": {"lineItems": {"type": "array", "items": {
        "type": "object", "required": ["offer"], "properties": {"offer": {
            "type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}}}}}}})
    problems = validate_body(op, ALLEGRO_JSON, {"lineItems": [{"offer": {}}]})
    assert [(p.path, p.kind) for p in problems] == [("lineItems[0].offer.id", "required")]


def test_body_required_and_invalid_types(allegro: Bundle) -> None:
    op = allegro.by_id["createOrderShipmentsUsingPOST"]
    assert [(p.path, p.kind) for p in validate_body(op, ALLEGRO_JSON, None)] == [("", "required")]
    problems = validate_body(op, ALLEGRO_JSON, [1])
    assert [(p.path, p.kind) for p in problems] == [("", "type")] and problems[0].message.startswith("body ")
    problems = validate_body(op, ALLEGRO_JSON, {"carrierId": 1, "waybill": "w"})
    assert [(p.path, p.kind, p.params) for p in problems] == [("carrierId", "type", {"expected": ["string"]})]


def test_additional_properties_names_the_property() -> None:
    op = body_op({"type": "object", "additionalProperties": False, "properties": {"a": {"type": "object",
                 "additionalProperties": False, "properties": {"b": {"type": "integer"}}}}})
    problems = validate_body(op, ALLEGRO_JSON, {"a": {"b": 1, "c": 2}, "z": 1})
    assert {(p.path, p.kind) for p in problems} == {("a.c", "additionalProperties"), ("z", "additionalProperties")}


def test_unicode_strings_count_characters() -> None:
    op = body_op({"type": "object", "properties": {"name": {"type": "string", "minLength": 2, "maxLength": 5}}})
    assert validate_body(op, ALLEGRO_JSON, {"name": "Poznań"[:5]}) == []
    assert validate_body(op, ALLEGRO_JSON, {"name": "🚀☃ż€😀"}) == []  # five code points, more bytes
    problems = validate_body(op, ALLEGRO_JSON, {"name": "żółćę🚀"})
    assert [(p.path, p.kind, p.params) for p in problems] == [("name", "maxLength", {"limit": 5})]


def test_nullable_fields() -> None:
    op = body_op({"type": "object", "properties": {
        "details": {"type": ["string", "null"]},
        "buyer": {"anyOf": [{"$ref": "#/components/schemas/AuthError"}, {"type": "null"}]}}})
    assert validate_body(op, ALLEGRO_JSON, {"details": None, "buyer": None}) == []
    problems = validate_body(op, ALLEGRO_JSON, {"details": 3, "buyer": {"error_description": "x"}})
    # the null alternative is skipped, so the problem inside the object is named, not "matches no alternative"
    assert {(p.path, p.kind) for p in problems} == {("details", "type"), ("buyer.error", "required")}


def test_read_only_property_not_required_in_requests() -> None:
    schema = {"type": "object", "required": ["id", "name"], "properties": {
        "id": {"type": "string", "readOnly": True}, "name": {"type": "string"},
        "secret": {"type": "string", "writeOnly": True}}}
    op = body_op(schema)
    assert validate_body(op, ALLEGRO_JSON, {"name": "x"}) == []
    assert [p.path for p in validate_body(op, ALLEGRO_JSON, {"id": "1"})] == ["name"]
    assert validate_response(op, 200, ALLEGRO_JSON, {"name": "x"}) == ["handMade 200: id is required"]
    op = body_op({**schema, "required": ["id", "secret"]})
    assert validate_response(op, 200, ALLEGRO_JSON, {"id": "1"}) == []  # writeOnly is not required in responses


def test_read_only_through_ref_and_all_of(allegro: Bundle) -> None:
    marked = {"allOf": [{"$ref": "#/components/schemas/Publication"}]}
    assert not schemas.is_marked("allegro", marked, "readOnly")
    ended_by = schemas.find_property("allegro", schemas.resolve("allegro", marked["allOf"][0]), "endedBy")
    assert schemas.is_marked("allegro", ended_by, "readOnly")


def test_only_real_formats_are_checked() -> None:
    op = body_op({"type": "object", "properties": {
        "lang": {"type": "string", "format": "BCP-47 language code"}, "n": {"type": "integer", "format": "int64"},
        "mail": {"type": "string", "format": "email"}, "id": {"type": "string", "format": "uuid"},
        "day": {"type": "string", "format": "date"}}})
    assert validate_body(op, ALLEGRO_JSON, {"lang": "xx", "n": 1, "mail": "not-mail", "day": "2026-02-28"}) == []
    problems = validate_body(op, ALLEGRO_JSON, {"id": "6d3c2a9e", "day": "2026-02-30"})
    assert {(p.path, p.kind) for p in problems} == {("id", "format"), ("day", "format")}


def test_voucherify_request_date_times_are_lenient(voucherify: Bundle) -> None:
    schema = {"type": "object", "properties": {"created_at": {"type": "string", "format": "date-time"}}}
    op = body_op(schema, "voucherify", "application/json")
    for value in ("2024-01-02T03:04:05+00:00", "2024-01-02T03:04:05.123456", "2024-01-02T03:04:05.594Z"):
        assert validate_body(op, "application/json", {"created_at": value}) == []
    assert [p.kind for p in validate_body(op, "application/json", {"created_at": "soon"})] == ["format"]
    # targ's own responses are held to RFC 3339
    assert validate_response(op, 200, "application/json", {"created_at": "2024-01-02T03:04:05"}) != []


def test_one_of_without_discriminator_accepts_real_requests(allegro: Bundle) -> None:
    op = allegro.by_id["offerAutomaticPricingModificationCommandUsingPOST"]
    body = {"modification": {"set": [{"marketplace": {"id": "allegro-pl"}, "rule": {"id": "r1"}}]},
            "offerCriteria": [{"type": "CONTAINS_OFFERS", "offers": [{"id": "1"}]}]}
    assert validate_body(op, ALLEGRO_JSON, body) == []


# ---------------------------------------------------------------------------------------------- responses


def test_response_envelopes(allegro: Bundle, voucherify: Bundle) -> None:
    op = allegro.by_id["getListOfOrdersUsingGET"]
    empty = {"checkoutForms": [], "count": 0, "totalCount": 0}
    assert validate_response(op, 200, ALLEGRO_JSON, empty) == []
    assert validate_response(op, 200, "text/html", empty) != []
    assert validate_response(op, 200, ALLEGRO_JSON, {"checkoutForms": {}}) != []
    auth = {"error": "invalid_token", "error_description": "Invalid access token"}
    assert validate_response(op, 401, ALLEGRO_JSON, auth) == []
    assert validate_response(op, 429, ALLEGRO_JSON, {"errors": [{"code": "TooManyRequests", "message": "x"}]}) == []
    assert validate_response(op, 429, ALLEGRO_JSON, auth) != []
    assert validate_response(op, 201, ALLEGRO_JSON, empty) != []  # an undeclared success status

    vop = voucherify.by_id["get-order"]
    error = {"code": 404, "key": "not_found", "message": "Resource not found", "request_id": "v-0123456789abcdef01"}
    assert validate_response(vop, 404, "application/json", error) == []
    assert validate_response(vop, 400, "application/json", error) != []  # code must be the HTTP status
    assert validate_response(vop, 404, "application/json", {"code": 404}) != []


def test_no_declared_content_means_no_body(allegro: Bundle, voucherify: Bundle) -> None:
    op = allegro.by_id["setOrderFulfillmentUsingPUT"]
    assert op.success_status == 204
    assert validate_response(op, 204, None, None) == []
    assert validate_response(op, 204, ALLEGRO_JSON, {"x": 1}) != []
    vop = next(o for o in voucherify.operations if o.success_status == 204)  # a "2XX" without content
    assert validate_response(vop, 204, None, None) == []
    assert validate_response(vop, 204, "application/json", {"a": 1}) != []
