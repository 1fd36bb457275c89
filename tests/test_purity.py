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
