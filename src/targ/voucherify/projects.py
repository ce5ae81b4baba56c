"""Voucherify projects and their three key pairs.

A project is a `vf_project` doc; each key pair is a `vf_key` doc (id = the application id, owner = the project) that
`targ.voucherify.auth.VoucherifyAuth` checks: server-side (`X-App-Id`/`X-App-Token`), client-side
(`X-Client-Application-Id`/`X-Client-Token`) and management (`X-Management-Id`/`X-Management-Token`).
Ids and secrets are UUIDs, as the vendor's dashboard shows them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from targ.voucherify.auth import VOUCHERIFY_KEY_KIND

if TYPE_CHECKING:
    from targ.world import World

PROJECT_KIND = "vf_project"

# key kind → (id field, secret field) in the admin API's answer
KEY_FIELDS = {
    "server": ("applicationId", "secretKey"),
    "client": ("clientApplicationId", "clientSecretKey"),
    "management": ("managementId", "managementToken"),
}


def create_project(world: World, name: str | None = None) -> dict[str, Any]:
    """A new, empty project. Returns the stored project: `{"id", "name", "keys": {applicationId, secretKey,
    clientApplicationId, clientSecretKey, managementId, managementToken}, "createdAt"}`. Call inside a transaction."""
    project_id = "proj_" + world.ids.token("vf_project", 12)
    keys: dict[str, str] = {}
    for kind, (id_field, secret_field) in KEY_FIELDS.items():
        app_id = world.ids.uuid("vf_app_id")
        secret = world.ids.uuid("vf_secret")
        world.store.put(VOUCHERIFY_KEY_KIND, app_id, {"projectId": project_id, "secret": secret, "kind": kind},
                        owner=project_id)
        keys[id_field], keys[secret_field] = app_id, secret
    project = {"id": project_id, "name": name or f"Project {project_id}", "keys": keys,
               "createdAt": world.clock.now_ms()}
    world.store.put(PROJECT_KIND, project_id, project, owner=project_id)
    return project


def get_project(world: World, project_id: str) -> dict[str, Any] | None:
    return world.store.get(PROJECT_KIND, project_id)


def key_pairs(project: dict[str, Any]) -> dict[str, str]:
    """The six fields of `POST /__targ/voucherify/projects`, in their documented order."""
    keys = project["keys"]
    return {f: keys[f] for pair in KEY_FIELDS.values() for f in pair}
