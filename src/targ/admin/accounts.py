"""Admin endpoints for accounts: Allegro sellers, their tokens, OAuth clients, device-code approval, Voucherify
projects and the demo credentials (PRODUCT.md, "Admin API")."""

from __future__ import annotations

from typing import Any

from targ.admin import ADMIN
from targ.admin.core import bad_request, json_object
from targ.allegro.oauth.endpoints import DEFAULT_LOGIN, approve_device
from targ.allegro.oauth.tokens import ScopeError, all_scopes, check_known, mint
from targ.allegro.sellers import (
    FEATURES,
    MARKETPLACES,
    create_client,
    create_seller,
    find_seller,
    get_client,
    get_seller,
    is_loopback,
)
from targ.clock import iso
from targ.demo import demo_view
from targ.http.errors import AdminError
from targ.http.request import Reply, Request
from targ.voucherify.projects import create_project, key_pairs


def not_found(message: str) -> AdminError:
    return AdminError(404, "not_found", message)


def _string_list(body: dict[str, Any], name: str) -> list[str] | None:
    value = body.get(name)
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise bad_request(f"{name} must be an array of non-empty strings")
    return list(dict.fromkeys(value))


def _known_scopes(scopes: list[str]) -> list[str]:
    try:
        check_known(scopes)
    except ScopeError as exc:
        raise bad_request(f"unknown scope {exc.scope!r}") from None
    return scopes


def _only(body: dict[str, Any], allowed: set[str]) -> None:
    extra = sorted(set(body) - allowed)
    if extra:
        raise bad_request(f"unknown field {extra[0]!r}; allowed: {', '.join(sorted(allowed))}")


@ADMIN.route("POST", "/sellers")
def post_seller(req: Request) -> Reply:
    body = json_object(req)
    _only(body, {"login", "features", "marketplace", "firstName", "lastName", "email"})
    login = body.get("login")
    if not isinstance(login, str) or not login.strip() or len(login) > 64 or any(c.isspace() for c in login):
        raise bad_request("login must be a non-empty string without spaces (at most 64 characters)")
    features = _string_list(body, "features") or []
    for f in features:
        if f not in FEATURES:
            raise bad_request(f"unknown feature {f!r}; known: {', '.join(FEATURES)}")
    marketplace = body.get("marketplace", "allegro-pl")
    if marketplace not in MARKETPLACES:
        raise bad_request(f"marketplace must be one of {', '.join(MARKETPLACES)}")
    names = {k: body[k] for k in ("firstName", "lastName", "email") if k in body}
    for k, v in names.items():
        if not isinstance(v, str) or not v:
            raise bad_request(f"{k} must be a non-empty string")
    world = req.world
    if find_seller(world, login) is not None:
        raise AdminError(409, "conflict", f"a seller with login {login!r} already exists")
    seller = create_seller(world, login, features=features, marketplace=marketplace,
                           first_name=names.get("firstName", "Jan"),
                           last_name=names.get("lastName", "Kowalski"), email=names.get("email"))
    client = get_client(world, seller["clientId"]) or {}
    pair = mint(world, client_id=seller["clientId"], seller_id=seller["id"], scopes=all_scopes(), grant="admin")
    return Reply({
        "id": seller["id"],
        "login": seller["login"],
        "accessToken": pair.access_token,
        "refreshToken": pair.refresh_token,
        "clientId": seller["clientId"],
        "clientSecret": client.get("clientSecret"),
        "scopes": pair.scopes,
    }, 201)


@ADMIN.route("POST", "/sellers/{id}/tokens")
def post_seller_token(req: Request) -> Reply:
    world = req.world
    seller = get_seller(world, req.path_params["id"])
    if seller is None:
        raise not_found(f"no seller with id {req.path_params['id']!r}")
    body = json_object(req)
    _only(body, {"scopes", "expiresIn"})
    scopes = _string_list(body, "scopes")
    scopes = list(all_scopes()) if scopes is None else _known_scopes(scopes)
    expires_in = body.get("expiresIn")
    if expires_in is not None and (not isinstance(expires_in, int) or isinstance(expires_in, bool) or expires_in < 0):
        raise bad_request("expiresIn must be a non-negative integer (seconds)")
    pair = mint(world, client_id=seller["clientId"], seller_id=seller["id"], scopes=scopes,
                ttl_ms=None if expires_in is None else expires_in * 1000, grant="admin")
    return Reply({"accessToken": pair.access_token, "refreshToken": pair.refresh_token, "scopes": pair.scopes,
                  "expiresAt": iso(pair.expires_at)}, 201)


@ADMIN.route("POST", "/clients")
def post_client(req: Request) -> Reply:
    body = json_object(req)
    _only(body, {"redirectUris", "scopes", "name", "verified"})
    uris = _string_list(body, "redirectUris") or []
    for uri in uris:
        if not (uri.startswith(("https://", "http://")) or is_loopback(uri)) or "#" in uri:
            raise bad_request(f"redirect URI {uri!r} must be an absolute http(s) URI without a fragment")
    scopes = _string_list(body, "scopes")
    if scopes is not None:
        if not scopes:
            raise bad_request("scopes must not be empty")
        _known_scopes(scopes)
    name = body.get("name", "")
    if not isinstance(name, str):
        raise bad_request("name must be a string")
    verified = body.get("verified", True)
    if not isinstance(verified, bool):
        raise bad_request("verified must be a boolean")
    client = create_client(req.world, redirect_uris=uris, scopes=scopes, name=name, verified=verified)
    return Reply({"clientId": client["clientId"], "clientSecret": client["clientSecret"]}, 201)


@ADMIN.route("POST", "/oauth/device/{user_code}/confirm")
def confirm_device(req: Request) -> Reply:
    world = req.world
    body = json_object(req)
    _only(body, {"login"})
    login = body.get("login", DEFAULT_LOGIN)
    if not isinstance(login, str) or not login:
        raise bad_request("login must be a non-empty string")
    seller = find_seller(world, login)
    if seller is None:
        raise not_found(f"no seller with login {login!r}")
    user_code = req.path_params["user_code"]
    approved = approve_device(world, user_code, seller)
    if approved is None:
        raise not_found(f"no pending device code with user code {user_code!r}")
    return Reply({"userCode": approved["userCode"], "status": approved["status"], "sellerId": seller["id"],
                  "login": seller["login"], "clientId": approved["clientId"]}, 200)


@ADMIN.route("POST", "/voucherify/projects")
def post_project(req: Request) -> Reply:
    body = json_object(req)
    _only(body, {"name"})
    name = body.get("name")
    if name is not None and (not isinstance(name, str) or not name):
        raise bad_request("name must be a non-empty string")
    project = create_project(req.world, name)
    return Reply(key_pairs(project), 201)


@ADMIN.route("GET", "/demo")
def get_demo(req: Request) -> Reply:
    try:
        return Reply(demo_view(req.world), 200)
    except LookupError as exc:
        raise not_found(str(exc)) from None
