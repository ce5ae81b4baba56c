"""The Allegro bundle: the pinned spec, the operations it lacks, and the errata."""

from __future__ import annotations

from pathlib import Path

from .allegro_errata import apply_allegro_errata
from .allegro_extras import import_newer_operations, line_item_id_mappings_operation
from .common import ERRATA_FILE, FORMAT_VERSION, Json
from .errata import Errata
from .operations import build_operation, build_security_schemes, convert_component_schemas, lowest_success_status
from .sources import Source, Spec, load_yaml

ALLEGRO_PINNED = "allegro-openapi.yaml"
ALLEGRO_NEWER = "allegro-openapi-2026-07-18.yaml"
ALLEGRO_NEWER_LABEL = "2026-07-18"
ALLEGRO_NOTES = "reference/allegro-notes.md"


def build_allegro(shared: Path) -> Json:
    specs = shared / "specs"
    sources = [
        Source("pinned", ALLEGRO_PINNED, specs / ALLEGRO_PINNED),
        Source(ALLEGRO_NEWER_LABEL, ALLEGRO_NEWER, specs / ALLEGRO_NEWER),
        Source("notes", ALLEGRO_NOTES, shared / ALLEGRO_NOTES),
        Source("errata", ERRATA_FILE, shared / ERRATA_FILE),
    ]
    pinned = Spec("pinned", load_yaml(specs / ALLEGRO_PINNED))
    newer = Spec(ALLEGRO_NEWER_LABEL, load_yaml(specs / ALLEGRO_NEWER))

    schemas = convert_component_schemas(pinned.doc)
    operations = [build_operation(pinned, method, path, item) for method, path, item in pinned.operations()]
    extra_ops, extra_schemas, renames = import_newer_operations(newer, schemas)
    schemas.update(extra_schemas)
    operations.extend(extra_ops)
    notes_op, notes_schemas = line_item_id_mappings_operation(schemas)
    schemas.update(notes_schemas)
    operations.append(notes_op)

    bundle: Json = {
        "vendor": "allegro",
        "format": FORMAT_VERSION,
        "sources": [source.record() for source in sources],
        "errata": [],
        "schemaRenames": renames,
        "securitySchemes": build_security_schemes(pinned.doc["components"]["securitySchemes"]),
        "operations": operations,
        "schemas": schemas,
    }
    errata = Errata()
    apply_allegro_errata(bundle, errata)
    for op in operations:
        op["successStatus"] = lowest_success_status(op)
    bundle["errata"] = errata.records
    return bundle
