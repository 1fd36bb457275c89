"""thplan is the pure domain package: importing any of it never pulls in Streamlit; SQL stays in the store."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MODULES = sorted(
    ".".join(p.relative_to(ROOT).with_suffix("").parts)
    for p in (ROOT / "thplan").rglob("*.py")
    if p.name != "__main__.py"
)


@pytest.mark.parametrize("module", MODULES)
def test_importing_thplan_never_imports_streamlit(module):
    code = f"import sys, {module}; sys.exit(1 if 'streamlit' in sys.modules else 0)"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, f"{module} imports streamlit: {result.stderr}"


SQL = re.compile(r"\b(SELECT\s+.+\s+FROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|CREATE\s+TABLE|DELETE\s+FROM)\b", re.I)


def test_no_sql_outside_the_store():
    offenders = []
    for path in [*ROOT.joinpath("thplan").rglob("*.py"), *ROOT.glob("*.py"), *ROOT.joinpath("pages").glob("*.py")]:
        if path.name == "store.py":
            continue
        if SQL.search(path.read_text(encoding="utf-8")):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


# What starts an import must start fast: the command line starts its reading processes before it loads the
# libraries, and the process reading a workbook's values loads none of those it does not use.
LIGHT = {
    "the command line, until its files are being read": ("thplan.cli", ("numpy", "pandas", "duckdb", "pyarrow")),
    "the process reading values": (
        "thplan.ingest.sandbox, thplan.ingest.opening",
        ("numpy", "pandas", "defusedxml", "openpyxl"),
    ),
}


@pytest.mark.parametrize(("modules", "heavy"), LIGHT.values(), ids=LIGHT.keys())
def test_what_starts_an_import_loads_no_heavy_library(modules, heavy):
    code = f"import sys, {modules}; print(sorted(set({heavy!r}) & set(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "[]", result.stderr


def _local_imports(path: Path) -> set[str]:
    """The app's own modules a file imports, anywhere in it (a function's import counts: it closes a cycle too)."""
    import ast

    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def import_graph(root: Path = ROOT) -> dict[str, set[str]]:
    """app.py, ui/ and pages/ as module -> the app's modules it imports."""
    files = {"app": root / "app.py", **{f"{d}.{p.stem}": p for d in ("ui", "pages") for p in (root / d).glob("*.py")
                                        if p.stem != "__init__"}}  # fmt: skip
    return {module: {m for m in _local_imports(path) if m in files} for module, path in files.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every module that can reach itself, with the path (depth first)."""
    found = []
    for start in sorted(graph):
        stack = [(start, [start])]
        seen: set[str] = set()
        while stack:
            module, path = stack.pop()
            for target in sorted(graph[module]):
                if target == start:
                    found.append([*path, start])
                elif target not in seen:
                    seen.add(target)
                    stack.append((target, [*path, target]))
    return found


def test_the_app_has_no_import_cycle():
    assert cycles(import_graph()) == []


def test_the_cycle_finder_finds_a_cycle_through_a_function_s_import(tmp_path):
    (tmp_path / "ui").mkdir()
    (tmp_path / "pages").mkdir()
    (tmp_path / "app.py").write_text("from ui import shell\n")
    (tmp_path / "ui" / "shell.py").write_text("def configure():\n    import app\n")
    assert cycles(import_graph(tmp_path)) == [["app", "ui.shell", "app"], ["ui.shell", "app", "ui.shell"]]


def test_the_view_model_imports_without_streamlit():
    code = "import sys, thplan.view, thplan.filtering, thplan.summary; sys.exit('streamlit' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT, timeout=60).returncode == 0
