"""The README documents every setting and the commands it promises."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _settings_in_code() -> set[str]:
    names: set[str] = set()
    for path in [*ROOT.glob("*.py"), *ROOT.joinpath("thplan").rglob("*.py"), *ROOT.joinpath("pages").glob("*.py"),
                 *ROOT.joinpath("tests").glob("*.py"), ROOT / ".ci" / "run"]:  # fmt: skip
        names.update(re.findall(r"\bTHPLAN_[A-Z_]+\b", path.read_text(encoding="utf-8")))
    return names


def test_every_environment_setting_is_documented():
    settings = _settings_in_code()
    assert "THPLAN_DB" in settings
    assert sorted(s for s in settings if f"`{s}`" not in README) == []


def test_every_command_line_option_is_documented():
    from thplan.cli import _parser

    options: set[str] = set()
    documented = set(re.findall(r"--[a-z-]+", README))
    parser = _parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for command in sub.choices.values():
        options.update(o for a in command._actions for o in a.option_strings if o.startswith("--") and o != "--help")
    assert sorted(options - documented - {"--verbose"}) == []


def test_the_readme_gives_the_two_commands_and_ci_runs_the_test_command():
    start = "python3 -m venv .venv && .venv/bin/pip install -r requirements.txt && .venv/bin/streamlit run app.py"
    test = "python3 -m venv .venv && .venv/bin/pip install -r requirements-dev.txt && .venv/bin/python -m pytest"
    assert start in README and test in README
    assert test in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


LAYOUT = {
    "pages/": ROOT / "pages",
    "ui/": ROOT / "ui",
    "thplan/": ROOT / "thplan",
    "thplan/ingest/": ROOT / "thplan" / "ingest",
}


@pytest.mark.parametrize("folder", LAYOUT.values(), ids=LAYOUT.keys())
def test_every_module_is_named_in_the_readme_layout(folder):
    row = next(line for line in README.splitlines() if line.startswith(f"| `{folder.relative_to(ROOT)}/`"))
    named = set(re.findall(r"`(\w+)`", row))
    modules = {p.stem for p in folder.glob("*.py") if p.stem not in ("__init__", "__main__")}
    assert sorted(modules - named) == []
