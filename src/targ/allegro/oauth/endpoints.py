"""`POST /auth/oauth/token`, `GET /auth/oauth/authorize` and `POST /auth/oauth/device`, as Allegro answers them
(reference/allegro-behaviour.md §1).

Every check happens before anything is written, and writes run in one transaction that raises nothing: a refused
request changes nothing (so a code survives a failed PKCE attempt).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import html
import re
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, quote, urlencode

from targ.allegro.auth import token_key
from targ.allegro.oauth import OAUTH
from targ.allegro.oauth.tokens import Minted, ScopeError, lookup, mint, narrow_scopes, revoke_key, token_response
from targ.allegro.sellers import DEVICE_GRANT, find_seller, get_client, get_seller, redirect_allowed
from targ.http.errors import OAuthError
from targ.http.request import Reply, Request

if TYPE_CHECKING:
    from targ.world import World

CODE_KIND = "oauth_code"
DEVICE_KIND = "device_code"
DEFAULT_LOGIN = "demo-seller"
VERIFICATION_URI = "https://allegro.pl/skojarz-aplikacje"
DEVICE_INTERVAL = 5

_VERIFIER = re.compile(r"^[A-Za-z0-9\-._~]{43,128}$")
_JSON = "application/json"
_NO_STORE = {"cache-control": "no-store", "pragma": "no-cache"}


# --- errors ----------------------------------------------------------------------------------------------------------
def unauthorized() -> OAuthError:
    """Bad Basic credentials, as the vendor words it."""
    return OAuthError(401, "Unauthorized", "Unauthorized", {"www-authenticate": 'Basic realm="oauth2/client"'})


def not_authenticated() -> OAuthError:
    return OAuthError(401, "unauthorized", "Full authentication is required to access this resource",
                      {"www-authenticate": 'Basic realm="oauth2/client"'})


def invalid_request(description: str) -> OAuthError:
    return OAuthError(400, "invalid_request", description)


def invalid_grant(description: str) -> OAuthError:
    return OAuthError(400, "invalid_grant", description)


def method_not_allowed(method: str) -> OAuthError:
    return OAuthError(405, "method_not_allowed", f"Request method '{method}' not supported", {"allow": "POST"})


# --- request parts ---------------------------------------------------------------------------------------------------
def oauth_params(req: Request) -> dict[str, str]:
    """Query-string parameters (legacy, before 2025-08) overlaid by form-body ones (the current rule).
    With the `oauthParameters` setting at `form-only`, the query string is ignored, as the vendor does since
    2025-08-23."""
    lenient = req.world.config.get("oauthParameters") == "form-or-query"
    params = dict(req.query_pairs) if lenient else {}
    ctype = (req.headers.get("content-type") or "").lower()
    if req.raw_body.strip() and ("application/x-www-form-urlencoded" in ctype or not ctype):
        params.update(parse_qsl(req.raw_body.decode("utf-8", "replace"), keep_blank_values=True))
    return params


def basic_client(req: Request) -> dict[str, Any]:
    """The client named by `Authorization: Basic base64(client_id:client_secret)`."""
    auth = req.headers.get("authorization")
    if not auth:
        raise not_authenticated()
    scheme, _, value = auth.strip().partition(" ")
    if scheme.lower() != "basic":
        raise unauthorized()
    try:
        decoded = base64.b64decode(value.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise unauthorized() from None
    client_id, sep, secret = decoded.partition(":")
    client = get_client(req.world, client_id) if sep else None
    if client is None or not hmac.compare_digest(client["clientSecret"].encode(), secret.encode()):
        raise unauthorized()
    return client


def _token_client(req: Request, params: dict[str, str]) -> tuple[dict[str, Any], bool]:
    """(client, public). A public PKCE client may redeem a code with `client_id` + `code_verifier` and no secret,
    and refresh a token obtained that way (RFC 7636); everyone else authenticates with Basic."""
    if req.headers.get("authorization") is None and params.get("client_id"):
        grant = params.get("grant_type")
        public = (grant == "authorization_code" and params.get("code_verifier")) or (
            grant == "refresh_token" and (lookup(req.world, params.get("refresh_token") or "") or {}).get("public"))
        client = get_client(req.world, params["client_id"])
        if public and client is not None:
            return client, True
    return basic_client(req), False


def _json(body: dict[str, Any], status: int = 200) -> Reply:
    return Reply(body, status, dict(_NO_STORE), media_type=_JSON)


def _scopes_or_error(requested: str | None, ceiling: list[str]) -> list[str]:
    try:
        return narrow_scopes(requested, ceiling)
    except ScopeError as exc:
        raise OAuthError(400, "invalid_scope", str(exc)) from None


# --- token -----------------------------------------------------------------------------------------------------------
@OAUTH.route("GET", "/token")
def token_get(req: Request) -> Reply:
    # Since 2025-08-23 the vendor refuses GET on the token endpoint.
    raise method_not_allowed("GET")


@OAUTH.route("POST", "/token")
def token(req: Request) -> Reply:
    params = oauth_params(req)
    client, public = _token_client(req, params)
    grant = params.get("grant_type")
    if not grant:
        raise invalid_request("OAuth 2.0 Parameter: grant_type")
    granter = _GRANTS.get(grant)
    if granter is None:
        raise OAuthError(400, "unsupported_grant_type", f"Unsupported grant type: {grant}")
    if grant not in client.get("grants", ()):
        raise OAuthError(400, "unauthorized_client", f"Client does not have the {_grant_name(grant)} grant.")
    return _json(token_response(granter(req.world, client, params, public)))


def _grant_name(grant: str) -> str:
    return "device_code" if grant == DEVICE_GRANT else grant


def _authorization_code(world: World, client: dict[str, Any], params: dict[str, str], public: bool) -> Minted:
    code = params.get("code")
    if not code:
        raise invalid_request("An authorization code must be supplied")
    doc = world.store.get(CODE_KIND, code)
    if doc is None or doc["expiresAt"] <= world.clock.now_ms() or doc["clientId"] != client["clientId"]:
        raise invalid_grant(f"Invalid authorization code: {code}")
    if params.get("redirect_uri") != doc["redirectUri"]:
        raise invalid_grant("Redirect URI mismatch.")
    if doc.get("codeChallenge"):
        verifier = params.get("code_verifier") or ""
        if not _VERIFIER.match(verifier) or _s256(verifier) != doc["codeChallenge"]:
            raise invalid_request("Unauthorized")
    elif public:
        raise unauthorized()
    seller = get_seller(world, doc["sellerId"])
    if seller is None:
        raise invalid_grant(f"Invalid authorization code: {code}")
    world.store.delete(CODE_KIND, code)
    return mint(world, client_id=client["clientId"], seller_id=seller["id"], scopes=doc["scopes"],
                grant="authorization_code", public=public)


def _s256(verifier: str) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(verifier.encode("ascii")).digest()).rstrip(b"=").decode("ascii")


def _refresh_token(world: World, client: dict[str, Any], params: dict[str, str], public: bool) -> Minted:
    text = params.get("refresh_token")
    doc = lookup(world, text) if text else None
    if (doc is None or doc.get("type") != "refresh" or doc.get("revoked")
            or doc["expiresAt"] <= world.clock.now_ms() or doc["clientId"] != client["clientId"]):
        raise invalid_grant(f"Invalid refresh token: {text}")
    scopes = _scopes_or_error(params.get("scope"), doc["scopes"])
    assert text is not None
    revoke_key(world, token_key(text))
    revoke_key(world, doc["accessKey"])
    return mint(world, client_id=client["clientId"], seller_id=doc["sellerId"], scopes=scopes,
                grant="refresh_token", public=bool(doc.get("public")))


def _client_credentials(world: World, client: dict[str, Any], params: dict[str, str], public: bool) -> Minted:
    scopes = _scopes_or_error(params.get("scope"), client["scopes"])
    return mint(world, client_id=client["clientId"], seller_id=None, scopes=scopes, refresh=False,
                grant="client_credentials")


def _device_code(world: World, client: dict[str, Any], params: dict[str, str], public: bool) -> Minted:
    code = params.get("device_code") or ""
    doc = world.store.get(DEVICE_KIND, code) if code else None
    if doc is None or doc["expiresAt"] <= world.clock.now_ms() or doc["clientId"] != client["clientId"]:
        raise invalid_request("Invalid device code")
    if doc.get("status") != "APPROVED":
        raise OAuthError(400, "authorization_pending", "User has not authorized the device code yet.")
    world.store.delete(DEVICE_KIND, code)
    return mint(world, client_id=client["clientId"], seller_id=doc["sellerId"], scopes=doc["scopes"],
                grant=DEVICE_GRANT)


_GRANTS = {
    "authorization_code": _authorization_code,
    "refresh_token": _refresh_token,
    "client_credentials": _client_credentials,
    DEVICE_GRANT: _device_code,
}


# --- authorize -------------------------------------------------------------------------------------------------------
@OAUTH.route("GET", "/authorize")
def authorize(req: Request) -> Reply:
    """Consents at once as the seller named by `login_hint` (default demo-seller) and redirects with a code."""
    world = req.world
    q = dict(req.query_pairs)
    client = get_client(world, q.get("client_id") or "")
    if client is None:
        return error_page("unknown client_id")
    redirect_uri = q.get("redirect_uri") or ""
    if not redirect_uri and len(client.get("redirectUris") or []) == 1:
        redirect_uri = client["redirectUris"][0]
    if not redirect_uri or not redirect_allowed(client, redirect_uri):
        return error_page("redirect_uri is not registered for this application")
    state = q.get("state")
    if q.get("response_type") != "code":
        return _redirect(redirect_uri, {"error": "unsupported_response_type",
                                        "error_description": f"Unsupported response types: [{q.get('response_type')}]"},
                         state, fragment=False)
    try:
        scopes = narrow_scopes(q.get("scope"), client["scopes"])
    except ScopeError as exc:
        return _redirect(redirect_uri, {"error": "invalid_scope", "error_description": str(exc)}, state)
    challenge = q.get("code_challenge") or None
    method = q.get("code_challenge_method") or ("S256" if challenge else None)
    if challenge and method != "S256":
        # `plain` was dropped by the vendor on 2024-12-30; its exact rejection is unconfirmed.
        return _redirect(redirect_uri, {"error": "invalid_request",
                                        "error_description": f"Unsupported code challenge method: {method}"}, state)
    seller = find_seller(world, q.get("login_hint") or DEFAULT_LOGIN)
    if seller is None:
        return error_page(f"no seller with login {q.get('login_hint') or DEFAULT_LOGIN!r}")
    code = world.ids.token("oauth_code", 32)
    world.store.put(CODE_KIND, code, {
        "clientId": client["clientId"], "sellerId": seller["id"], "redirectUri": redirect_uri, "scopes": scopes,
        "codeChallenge": challenge, "codeChallengeMethod": method,
        "expiresAt": world.clock.now_ms() + world.config.ms("authorizationCodeTtl"),
    }, owner=seller["id"])
    return _redirect(redirect_uri, {"code": code}, state, fragment=False)


def _redirect(uri: str, params: dict[str, str], state: str | None, *, fragment: bool = True) -> Reply:
    if state is not None:
        params = {**params, "state": state}
    query = urlencode(params, quote_via=quote, safe=":")
    # Errors go in the fragment (as the vendor reports invalid_scope), the code in the query.
    sep = "&" if "?" in uri else "?"
    location = f"{uri.split('#', 1)[0]}#{query}" if fragment else f"{uri}{sep}{query}"
    return Reply(None, 302, {"location": location, "cache-control": "no-store"})


def error_page(reason: str) -> Reply:
    """What a browser shows instead of a redirect: the vendor's HTML error page (not OAuth JSON)."""
    body = (
        "<!DOCTYPE html>\n<html lang=\"pl\"><head><meta charset=\"utf-8\"><title>Allegro - błąd</title></head>"
        "<body><h1>Nie możemy wyświetlić strony</h1><p>Numer błędu: 400</p>"
        f"<p class=\"targ-reason\">{html.escape(reason)}</p></body></html>\n"
    )
    return Reply(body, 400, {"cache-control": "no-store"}, media_type="text/html")


# --- device flow -----------------------------------------------------------------------------------------------------
@OAUTH.route("GET", "/device")
def device_get(req: Request) -> Reply:
    raise method_not_allowed("GET")


@OAUTH.route("POST", "/device")
def device(req: Request) -> Reply:
    world = req.world
    client = basic_client(req)
    params = oauth_params(req)
    if params.get("client_id") not in (None, client["clientId"]):
        raise unauthorized()
    if DEVICE_GRANT not in client.get("grants", ()):
        raise OAuthError(400, "unauthorized_client", "Client does not have the device_code grant.")
    scopes = _scopes_or_error(params.get("scope"), client["scopes"])
    ttl = world.config.ms("deviceCodeTtl")
    device_code = world.ids.token("device_code", 32)
    user_code = world.ids.lower_token("user_code", 9)
    world.store.put(DEVICE_KIND, device_code, {
        "clientId": client["clientId"], "userCode": user_code, "scopes": scopes, "status": "PENDING",
        "sellerId": None, "expiresAt": world.clock.now_ms() + ttl,
    }, alt=user_code)
    return _json({
        "device_code": device_code,
        "expires_in": ttl // 1000,
        "user_code": user_code,
        "interval": DEVICE_INTERVAL,
        "verification_uri": VERIFICATION_URI,
        "verification_uri_complete": f"{VERIFICATION_URI}?code={user_code}",
    })


def approve_device(world: World, user_code: str, seller: dict[str, Any]) -> dict[str, Any] | None:
    """Approve a pending, unexpired device code as `seller` (the user confirming on the verification page).
    None when there is no such code. Call inside a transaction."""
    stored = world.store.get_by_alt(DEVICE_KIND, "", user_code.lower())
    if stored is None or stored.data["expiresAt"] <= world.clock.now_ms():
        return None
    data = dict(stored.data, status="APPROVED", sellerId=seller["id"], approvedAt=world.clock.now_ms())
    world.store.put(DEVICE_KIND, stored.id, data, owner=stored.owner, alt=stored.alt)
    return data
