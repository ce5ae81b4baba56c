"""Parsing the category tree text into nodes that know their parent and inherit flags from it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_LINE = re.compile(
    r"^(?P<indent> *)(?P<pl>[^|]+?) \| (?P<en>.+?)(?:  #(?P<id>\d+))?(?:  \[(?P<flags>[^\]]+)\])?"
    r"(?:  \{(?P<sets>[^}]+)\})?(?:  ~(?P<kw>\S+))?$"
)


@dataclass
class Node:
    """One line of the tree text; ``id`` is set once the pinned ids are reserved and the others drawn."""

    pl: str
    en: str
    pinned: str | None
    flags: dict[str, str]
    sets: list[str]
    keywords: list[str]
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    id: str = ""

    def inherited(self, flag: str) -> str | None:
        node: Node | None = self
        while node is not None:
            if flag in node.flags:
                return node.flags[flag]
            node = node.parent
        return None


def parse_tree(text: str) -> list[Node]:
    """The root nodes of ``text``, children nested by indentation (two spaces a level)."""
    roots: list[Node] = []
    stack: list[Node] = []
    for line in text.strip("\n").splitlines():
        m = _LINE.match(line)
        if m is None:
            raise ValueError(f"bad tree line: {line!r}")
        depth = len(m["indent"]) // 2
        flags = {}
        for flag in (m["flags"] or "").split(","):
            if flag:
                key, _, value = flag.partition("=")
                flags[key] = value or "yes"
        node = Node(m["pl"], m["en"], m["id"], flags, (m["sets"] or "").split(",") if m["sets"] else [],
                    (m["kw"] or "").split(",") if m["kw"] else [])
        del stack[depth:]
        if stack:
            node.parent = stack[-1]
            stack[-1].children.append(node)
        else:
            roots.append(node)
        stack.append(node)
    return roots


def walk(nodes: list[Node]) -> list[Node]:
    """Every node depth first, in text order: the order categories are written in and their ids drawn in."""
    out: list[Node] = []
    for node in nodes:
        out.append(node)
        out.extend(walk(node.children))
    return out


def find(nodes: list[Node], name: str) -> Node:
    """The node with this Polish name: curated history and schedules name categories, as their ids are drawn."""
    return next(n for n in nodes if n.pl == name)
