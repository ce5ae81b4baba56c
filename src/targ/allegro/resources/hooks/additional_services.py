"""Additional services groups and their translations.

A group names at least one additional service, each definition once; definitions are reference data
(`Ref(..., "additional-service-definition")`). `managedByAllegro` is false for every group a seller creates.

Translations live under their group, one per language: PATCH creates or updates one (type MANUAL) and may name only
some of the group's services: the ones it names replace their earlier translation, the others stay; a definition
the group does not have is refused.
"""

from __future__ import annotations

from targ.allegro.resources.context import Ctx
from targ.allegro.resources.docpath import values_at
from targ.allegro.resources.model import Doc, Hooks
from targ.allegro.resources.references import BOUND

GROUPS = "additional-service-groups"


class GroupHooks(Hooks):
    def prepare(self, ctx: Ctx, doc: Doc, old: Doc | None) -> None:
        ids = [str(i) for i in values_at(doc, "additionalServices[].definition.id")]
        if not ids:
            raise ctx.invalid("A group needs at least one additional service.", "additionalServices")
        if len(set(ids)) != len(ids):
            raise ctx.invalid("Each additional service definition may appear once in a group.", "additionalServices")
        doc["managedByAllegro"] = False


class TranslationHooks(Hooks):
    def prepare(self, ctx: Ctx, doc: Doc, old: Doc | None) -> None:
        group = ctx.store.get(BOUND[GROUPS].kind, doc["_parent"]) or {}
        known = {str(i) for i in values_at(group, "additionalServices[].definition.id")}
        sent = values_at(doc, "additionalServices.translation[]")
        for i, entry in enumerate(sent):
            if str((entry.get("definition") or {}).get("id")) not in known:
                raise ctx.invalid("The group has no such additional service.",
                                  f"additionalServices.translation[{i}].definition.id")
        named = {str((e.get("definition") or {}).get("id")) for e in sent}
        kept = [e for e in values_at(old or {}, "additionalServices.translation[]")
                if str((e.get("definition") or {}).get("id")) not in named]
        doc["additionalServices"] = {"translation": kept + sent, "type": "MANUAL"}
