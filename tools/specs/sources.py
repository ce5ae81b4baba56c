"""Reading the inputs: the recorded source files and the parsed OpenAPI documents."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import orjson
import yaml

from .common import SCHEMA_REF_PREFIX, Json

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


@dataclass
class Source:
    """One input file: its label in the bundle, its path relative to ``shared`` and its bytes."""

    label: str
    name: str  # as recorded in the bundle: spec files relative to specs/, others relative to shared/
    path: Path

    def record(self) -> dict[str, str]:
        return {"label": self.label, "file": self.name, "sha256": hashlib.sha256(self.path.read_bytes()).hexdigest()}


class _SpecLoader(yaml.CSafeLoader):
    """CSafeLoader that keeps unquoted timestamps as the strings they are on the wire (examples, defaults)."""


_SpecLoader.add_constructor("tag:yaml.org,2002:timestamp", yaml.constructor.SafeConstructor.construct_yaml_str)


def load_yaml(path: Path) -> Json:
    with path.open("rb") as stream:
        return yaml.load(stream, Loader=_SpecLoader)  # a CSafeLoader subclass: safe


def load_json(path: Path) -> Json:
    return orjson.loads(path.read_bytes())


@dataclass
class Spec:
    """A parsed OpenAPI document with the label its operations carry in the bundle."""

    label: str
    doc: Json

    def resolve(self, node: Json) -> Json:
        """Follow local $refs to containers (parameters, requestBodies, responses, headers, examples)."""
        while isinstance(node, dict) and "$ref" in node:
            ref = node["$ref"]
            if not ref.startswith("#/") or ref.startswith(SCHEMA_REF_PREFIX):
                raise ValueError(f"unexpected $ref {ref!r} in {self.label}")
            target: Json = self.doc
            for part in ref[2:].split("/"):
                target = target[part.replace("~1", "/").replace("~0", "~")]
            node = target
        return node

    def operations(self) -> Iterator[tuple[str, str, Json]]:
        for path, item in self.doc["paths"].items():
            for method in HTTP_METHODS:
                if method in item:
                    yield method, path, item
