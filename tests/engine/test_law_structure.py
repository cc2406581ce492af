"""Issue 9: the shape of the law package (cspdocs/engine, cspdocs/rules): small modules, short
functions, imports one way, no import cycle at module level in cspdocs."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.support.imports import PACKAGE, cycles, graph, package_graph

LAW = [PACKAGE / "engine", PACKAGE / "rules"]
MAX_MODULE_LINES = 300
MAX_FUNCTION_LINES = 80
# the law may import only the case model, the calendar, the formats and itself
LAW_MAY_IMPORT = ("cspdocs.engine", "cspdocs.rules", "cspdocs.case.model", "cspdocs.case.places",
                  "cspdocs.calendar", "cspdocs.formats")


def _law_files() -> list[Path]:
    return sorted(p for d in LAW for p in d.glob("*.py"))


def test_no_module_level_import_cycle_in_cspdocs():
    g = graph()
    assert len(g) > 100 and "cspdocs.engine.compute" in g  # the graph is read from the real package
    assert cycles(g) == []


def test_no_package_cycle_through_the_law():
    for component in cycles(package_graph(graph())):
        assert "cspdocs.engine" not in component and "cspdocs.rules" not in component, component


def test_the_law_imports_only_the_case_model_and_itself():
    g = graph()
    for module, targets in g.items():
        if module.startswith(("cspdocs.engine", "cspdocs.rules")):
            outside = [t for t in targets if not t.startswith(LAW_MAY_IMPORT)]
            assert not outside, (module, outside)


def test_law_modules_are_small():
    big = {p.name: n for p in _law_files() if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES}
    assert not big, big


def test_law_functions_are_short():
    long = {}
    for path in _law_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES:
                long[f"{path.name}:{node.name}"] = node.end_lineno - node.lineno + 1
    assert not long, long
