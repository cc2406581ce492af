"""Reading a case file's YAML safely, keeping the line of every key.

The text is composed into nodes with PyYAML's safe loader (no Python object can be built), by
libyaml when PyYAML has it (``CSafeLoader``, about three times faster), and turned into plain data
here, so that:
- every key path gets its line (``lines[("salaries", 3, "date_entree")] == 42``), lines 1-based;
- duplicate keys are errors (PyYAML silently keeps the last one);
- values the model expects as text, dates or numbers are kept as written (``01000`` stays a postal
  code, ``2025-02-30`` does not crash the timestamp constructor, ``2850.10`` stays exact);
- ``oui`` / ``non`` are accepted for yes/no keys.
Merge keys (``<<: *defaut``) and anchors are supported; any other tag (``!!python/...``) is refused.
Nesting, expanded size and the number of employees are bounded (cspdocs/limits.py): a hostile file
gets a French error instead of a RecursionError or gigabytes of memory.

Errors are always those of the pure-Python loader: when libyaml refuses the text, or the tree it
composed is nested deeper than allowed, the text is composed again by ``_BoundedLoader``, which
gives the French message and line it always gave (libyaml itself stops at 1,000 levels, so its
recursive composer cannot exhaust the stack). A text libyaml refuses and the Python loader accepts
is read as before. libyaml is slightly more lenient than the Python loader: a text with a tab, or
with a BOM (U+FEFF) after its first character, always goes to the Python loader (which refuses
them where libyaml reads a space or nothing); a « ? » inside a flow group (``{autorite: DREETS
des? Pays}``) is read by libyaml as text, as YAML says, where the Python loader refused the group.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..limits import MAX_EMPLOYEES, MAX_NESTING, MAX_YAML_NODES
from .bounds import french_number
from .fields import BOOL, DATE, DECIMAL, INT, STR, kind_at
from .yaml_messages import YamlSyntaxError, character_code, syntax_message, too_deep, too_many_employees

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp")}

Loc = tuple  # key path: str keys and int list indices


@dataclass
class Problem:
    loc: Loc
    line: Optional[int]
    message: str


@dataclass
class YamlDocument:
    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


class _TooDeep(Exception):
    def __init__(self, line: int):
        self.line = line


class _BoundedLoader(yaml.SafeLoader):
    """SafeLoader whose (recursive) composer refuses more than MAX_NESTING levels."""

    def __init__(self, stream) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent, index):
        self._depth += 1
        try:
            if self._depth > MAX_NESTING:
                raise _TooDeep(self.peek_event().start_mark.line + 1)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _count_employees(text: str) -> None:
    """Refuse a case with too many employees before parsing it (parsing 10^5 employees takes minutes):
    every employee has a « matricule » key; employees repeated by reference are counted later."""
    count = text.count("matricule")
    if count > MAX_EMPLOYEES:
        at = text.find("salaries")
        line = text.count("\n", 0, at) + 1 if at >= 0 else None
        raise YamlSyntaxError(line, f"{french_number(count)} clés « matricule » : " + too_many_employees(None))


_CLoader = getattr(yaml, "CSafeLoader", None) if getattr(yaml, "__with_libyaml__", False) else None


def _too_deep_tree(root: Node) -> bool:
    """Whether ``_BoundedLoader`` would refuse the tree libyaml composed: a node, or a reference
    (*ancre) to one, deeper than MAX_NESTING, counted as its composer does (the root at depth 1,
    the keys of a mapping one level below it, a node met again through a reference not entered)."""
    seen: set[int] = set()
    stack = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_NESTING:
            return True
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, MappingNode):
            for key, value in reversed(node.value):
                stack.append((value, depth + 1))
                stack.append((key, depth + 1))
        elif isinstance(node, SequenceNode):
            stack.extend((item, depth + 1) for item in reversed(node.value))
    return False


def _compose_fast(text: str) -> Optional[Node]:
    """The tree composed by libyaml, or None when the Python loader must compose (and say why)."""
    # libyaml reads as spaces the tabs the Python loader refuses, and skips a BOM inside the text
    if _CLoader is None or "\t" in text or "\ufeff" in text[1:]:
        return None
    try:
        root = yaml.compose(text, Loader=_CLoader)
    except (yaml.YAMLError, UnicodeError, ValueError):  # its messages: the Python loader's instead
        return None
    if root is None or _too_deep_tree(root):
        return None
    return root


def read_yaml(text: str) -> YamlDocument:
    """Parse one YAML document into plain data with lines; raises YamlSyntaxError."""
    _count_employees(text)
    root = _compose_fast(text)
    if root is not None:
        return _Builder().build(root)
    try:
        root = yaml.compose(text, Loader=_BoundedLoader)
    except _TooDeep as error:
        raise YamlSyntaxError(error.line, too_deep()) from None
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        raise YamlSyntaxError(line, f"caractère de contrôle interdit dans un fichier YAML "
                                    f"({character_code(error.character)}) : supprimez-le") from None
    except yaml.YAMLError as error:
        line, message = syntax_message(error)
        raise YamlSyntaxError(line, message) from None
    if root is None:
        raise YamlSyntaxError(None, "le fichier est vide")
    return _Builder().build(root)


class _Builder:
    def __init__(self) -> None:
        self.doc = YamlDocument(data=None)
        self.constructor = SafeConstructor()
        self.count = 0
        self.active: set[int] = set()

    def build(self, root: Node) -> YamlDocument:
        self.doc.data = self.value(root, ())
        return self.doc

    def problem(self, loc: Loc, node: Node, message: str) -> None:
        self.doc.problems.append(Problem(loc, node.start_mark.line + 1, message))

    def value(self, node: Node, loc: Loc) -> Any:
        self.count += 1
        if self.count > MAX_YAML_NODES:
            raise YamlSyntaxError(node.start_mark.line + 1, "fichier trop volumineux (trop de références YAML)")
        if id(node) in self.active:
            self.problem(loc, node, "référence YAML circulaire (une ancre se contient elle-même)")
            return None
        if len(self.active) >= MAX_NESTING:  # references (*ancre, <<) nest too, without indentation
            raise YamlSyntaxError(node.start_mark.line + 1, too_deep())
        self.active.add(id(node))
        try:
            if isinstance(node, MappingNode):
                return self.mapping(node, loc)
            if isinstance(node, SequenceNode):
                return self.sequence(node, loc)
            return self.scalar(node, loc)
        finally:
            self.active.discard(id(node))

    def _tag_ok(self, node: Node, loc: Loc, expected: str) -> bool:
        if node.tag == _TAG + expected:
            return True
        self.problem(loc, node, f"étiquette YAML non autorisée : {node.tag}")
        return False

    def mapping(self, node: MappingNode, loc: Loc) -> Optional[dict]:
        if not self._tag_ok(node, loc, "map"):
            return None
        result: dict[str, Any] = {}
        seen: dict[str, int] = {}
        merged: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _TAG + "merge":
                self.merge(value_node, loc, merged)
                continue
            if not isinstance(key_node, ScalarNode):
                self.problem(loc, key_node, "clé invalide : une clé doit être un simple mot")
                continue
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in seen:
                self.problem(loc + (key,), key_node, f"clé en double (déjà donnée ligne {seen[key]})")
                continue
            seen[key] = line
            self.doc.lines[loc + (key,)] = line
            result[key] = self.value(value_node, loc + (key,))
        for key, value in merged.items():
            result.setdefault(key, value)
        return result

    def merge(self, node: Node, loc: Loc, into: dict) -> None:
        """``<<: *a`` or ``<<: [*a, *b]``: keys not given explicitly; earlier sources win."""
        sources = node.value if isinstance(node, SequenceNode) else [node]
        for source in sources:
            if not isinstance(source, MappingNode):
                self.problem(loc, source, "« << » doit faire référence à un groupe de clés")
                continue
            if id(source) in self.active:
                self.problem(loc, source, "référence YAML circulaire (une ancre se contient elle-même)")
                continue
            saved = dict(self.doc.lines)
            values = self.value(source, loc) or {}
            # lines of merged keys: where they are written (in the anchored mapping), unless explicit
            for path, line in self.doc.lines.items():
                if path not in saved:
                    saved[path] = line
            self.doc.lines = saved
            for key, value in values.items():
                into.setdefault(key, value)

    def sequence(self, node: SequenceNode, loc: Loc) -> Optional[list]:
        if not self._tag_ok(node, loc, "seq"):
            return None
        if loc == ("salaries",) and len(node.value) > MAX_EMPLOYEES:
            raise YamlSyntaxError(node.start_mark.line + 1, too_many_employees(len(node.value)))
        items = []
        for index, item in enumerate(node.value):
            self.doc.lines[loc + (index,)] = item.start_mark.line + 1
            items.append(self.value(item, loc + (index,)))
        return items

    def scalar(self, node: ScalarNode, loc: Loc) -> Any:
        if node.tag not in _SCALAR_TAGS:
            self.problem(loc, node, f"étiquette YAML non autorisée : {node.tag}")
            return node.value
        if node.tag == _TAG + "null":
            return None
        kind = kind_at(loc)
        if kind in (STR, DATE, DECIMAL, INT):
            return node.value  # as written: the model validates and converts it
        if kind == BOOL and node.value.lower() in ("oui", "non"):
            return node.value.lower() == "oui"
        try:
            return self.constructor.construct_object(node)
        except (ValueError, yaml.YAMLError):
            return node.value
