"""Library first (issue 9): a command module parses its options, calls one library function through
the public API (cspdocs/api.py) and prints. It imports only click, the standard library, the
commands' shared helpers (common, sortie), the public API and the one French formatting module
(cspdocs/formats.py: printing a date or an amount is the command's job); and no function in it
grows past ``MAX_LINES`` lines (logic that long belongs in the library).

Exceptions are listed below, each with its reason; every entry must still be needed (a stale entry
fails), so the lists only shrink."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.paths import ROOT

COMMANDS = ROOT / "cspdocs" / "commands"
MAX_LINES = 40
ALLOWED = {"click", "cspdocs.api", "cspdocs.commands", "cspdocs.commands.common", "cspdocs.commands.sortie",
           "cspdocs.formats"}

# file -> imports beyond ALLOWED, with the reason.
EXTRA_IMPORTS = {
    # « vouliez-vous dire » for an unknown command: click's own usage error, no library call behind it.
    "__init__.py": {"cspdocs.render.messages"},
}
# "file:function" -> its length today (may only shrink).
LONG_FUNCTIONS: dict[str, int] = {}


def _modules() -> list[Path]:
    return sorted(COMMANDS.glob("*.py"))


def _resolve(path: Path, node: ast.ImportFrom) -> list[str]:
    if not node.level:
        return [node.module or ""]
    base = ["cspdocs", "commands"][: 3 - node.level] if node.level <= 2 else []
    if node.module:
        return [".".join(base + [node.module])]
    return [".".join(base + [alias.name]) for alias in node.names]  # from .. import api


def imports(path: Path) -> set[str]:
    """Every module ``path`` imports, at module level or inside a function (a lazy import counts)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            found |= set(_resolve(path, node))
    return found


def _library(name: str) -> bool:
    top = name.split(".")[0]
    return top not in sys.stdlib_module_names and top != "__future__"


def test_the_import_reader_sees_relative_and_lazy_imports(tmp_path):
    found = imports(COMMANDS / "check.py")
    assert {"cspdocs.api", "cspdocs.commands.common", "cspdocs.commands.sortie", "click", "json"} <= found
    module = tmp_path / "lazy.py"
    module.write_text("from .. import api\n\ndef f():\n    from ..document_check import collect\n"
                      "    import cspdocs.engine.dates\n", encoding="utf-8")
    assert imports(module) == {"cspdocs.api", "cspdocs.document_check", "cspdocs.engine.dates"}  # inside a function


@pytest.mark.parametrize("path", _modules(), ids=lambda p: p.name)
def test_a_command_imports_only_click_the_helpers_and_the_public_api(path):
    extra = EXTRA_IMPORTS.get(path.name, set())
    outside = {name for name in imports(path) if _library(name)} - ALLOWED
    assert outside <= extra, (f"{path.name} imports {sorted(outside - extra)}: call the library through "
                              "cspdocs/api.py (or justify an entry in EXTRA_IMPORTS)")
    assert extra <= outside, f"stale EXTRA_IMPORTS entries for {path.name}: {sorted(extra - outside)}"


def _functions(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield node.name, node.end_lineno - node.lineno + 1  # from "def" (decorators are option declarations)


@pytest.mark.parametrize("path", _modules(), ids=lambda p: p.name)
def test_no_command_function_is_long(path):
    for name, length in _functions(path):
        key = f"{path.name}:{name}"
        limit = LONG_FUNCTIONS.get(key, MAX_LINES)
        assert length <= limit, f"{key} is {length} lines (at most {limit}): move its logic into the library"
        if key in LONG_FUNCTIONS:
            assert length > MAX_LINES, f"{key} is {length} lines now: remove its LONG_FUNCTIONS entry"


def test_every_allowance_names_an_existing_command():
    names = {p.name for p in _modules()}
    assert set(EXTRA_IMPORTS) <= names and {k.split(":")[0] for k in LONG_FUNCTIONS} <= names


def test_the_public_api_is_lazy_and_complete():
    code = ("import sys, cspdocs.api as api; "
            "print(sorted(m for m in sys.modules if m.startswith('cspdocs')))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert loaded.stdout.strip() == "['cspdocs', 'cspdocs.api']"  # nothing heavy until a function is called
    from cspdocs import api

    for name in api.__all__:
        assert getattr(api, name) is not None, name
    assert issubclass(api.CheckError, ValueError) and "lettre" in api.ARTEFACTS
