"""The upload page's pieces: the validation report, the near-match decisions, and the preview of changes."""

from __future__ import annotations

import hashlib

import pandas as pd
import streamlit as st

from thplan.area import ENGLAND, LONDON
from thplan.display import stored_text
from thplan.ingest.headers import name_period
from thplan.ingest.importer import ImportOptions, ImportResult, import_bytes
from thplan.ingest.problems import Problem, Severity
from thplan.store import DIFF_ROWS
from thplan.view import View
from ui import caches, charts
from ui.text import md

CODES = {
    "stated": "Stated trend or comparison differs from the figures",
    "near-match": "Measure name close to a catalogued one",
    "polarity": "Polarity",
    "plan": "The Plan and the indicator library",
    "breakdown": "Breakdowns",
    "given-period": "The period given on upload",
    "not-read": "Rows not read",
    "": "Other",
}


def problems_frame(problems: list[Problem]) -> pd.DataFrame:
    return pd.DataFrame(
        [{"Sheet": p.sheet, "Cell": p.cell or (f"row {p.row}" if p.row else ""), "Column": p.header,
          "Message": p.message} for p in problems],
        columns=["Sheet", "Cell", "Column", "Message"],
    )  # fmt: skip


#: Up to this many problems are listed as sentences (a table's cells cut long messages short); more, as a table.
LISTED = 12


def problems_table(problems: list[Problem]) -> None:
    """Each problem where it is (sheet, cell, column heading) and what it says."""
    if len(problems) > LISTED:
        st.dataframe(problems_frame(problems), hide_index=True)
        return
    lines = []
    for p in problems:
        where = [f"sheet '{p.sheet}'" if p.sheet else "", p.cell or (f"row {p.row}" if p.row else ""),
                 f"column '{p.header}'" if p.header else ""]  # fmt: skip
        place = ", ".join(w for w in where if w)
        lines.append(f"- {'**' + md(place) + '**: ' if place else ''}{md(p.message)}")
    st.markdown("\n".join(lines))


def validation_report(result: ImportResult, view: View) -> None:
    st.subheader("Validation report", anchor=False)
    for table in result.tables:
        theme = view.framework.theme(table.theme)
        where = f"sheet '{md(table.sheet)}', " if table.sheet else ""
        st.caption(f"Read a table ({table.layout}): {where}{table.cell_range}, {table.rows:,} rows"
                   + (f", theme {md(theme.name)}" if theme else ""))  # fmt: skip
    if result.errors:
        st.error(f"{len(result.errors)} problem(s) must be fixed before this file can be published. Nothing has "
                 "been written.")  # fmt: skip
        problems_table(result.errors)
    breaks = _series_breaks(result)
    warnings = [*result.warnings, *breaks, *_benchmark_periods(result, view)]
    if warnings:
        st.warning(f"{len(warnings)} warning(s) to read before publishing.")
        for code, label in CODES.items():  # a warning of a kind not listed is among the others, never left out
            group = [p for p in warnings if (p.code if p.code in CODES else "") == code]
            if group:
                with st.expander(f"{label} ({len(group)})", expanded=code in ("stated", "near-match", "given-period")):
                    problems_table(group)
    if not result.errors and not warnings:
        st.success("No problems found.")
    if result.notes:
        with st.expander(f"What was read and assumed ({len(result.notes):,})", expanded=len(result.notes) <= 10):
            problems_table(result.notes)
    if result.file_notes:
        with st.expander(f"The file's notes, not data ({len(result.file_notes)} sheets: kept with the import)"):
            for sheet, text in result.file_notes.items():
                st.markdown(f"**{md(sheet)}**")
                st.text(text)  # as written: plain text, never Markdown or HTML


def _series_breaks(result: ImportResult) -> list[Problem]:
    if result.diff is None or result.diff.observations.empty:
        return []
    frame = result.diff.observations
    flagged = frame[frame["series_break"].fillna(False).astype(bool) & (frame["status"] != "removed")]
    return [Problem(Severity.WARNING, f"Series break: {r.measure_id}, {r.area}, {r.period} is marked as not "
                    "comparable with earlier values.", result.file, r.source_sheet or "", code="")
            for r in flagged.itertuples()]  # fmt: skip


def _benchmark_periods(result: ImportResult, view: View) -> list[Problem]:
    """The measures the file changes that are compared with a benchmark value of another period (before it)."""
    found = []
    for measure_id in result.after:
        c = view.classification(measure_id)
        for area in (LONDON, ENGLAND):
            compared = c.vs(area) if c else None
            if compared is not None and compared.period_differs:
                found.append(Problem(Severity.WARNING, f"{measure_id}: {compared.caveats[0]} (before this import)",
                                     result.file))  # fmt: skip
    return found


def decide_near_matches(result: ImportResult) -> None:
    """Accept or reject each near match; a change of decision makes a new preview."""
    st.markdown("**Decide each near match** (until you do, the file cannot be published):")
    chosen = decisions()
    for name, candidate_id, candidate in result.near_matches:
        options = ["undecided", candidate_id, "new"]
        labels = {"undecided": "Not decided yet", candidate_id: f"Same measure as '{candidate}'",
                  "new": "A different, new measure"}  # fmt: skip
        current = chosen.get(name, "undecided") if name in chosen else "undecided"
        answer = st.radio(f"'{md(name)}'", options, index=options.index(current if current else "new"),
                          format_func=labels.get, horizontal=True, key=f"match:{name}")  # fmt: skip
        if answer != "undecided":
            chosen[name] = candidate_id if answer == candidate_id else None
        else:
            chosen.pop(name, None)
    if chosen != decisions():
        st.session_state["match_decisions"] = chosen
        st.rerun()


def tracker_preview(result: ImportResult) -> None:
    items = result.diff.tables.get("tracker_items") if result.diff else None
    if items is None:
        return
    counts = items["status"].value_counts().to_dict()
    st.markdown(" · ".join(f"**{counts.get(k, 0)}** {k}" for k in ("new", "revised", "removed", "unchanged")))
    changed = items[items["status"] != "unchanged"]
    if len(changed):
        st.dataframe(pd.DataFrame({"Change": changed["status"], "Item": changed["title"], "Kind": changed["kind"],
                                   "Status before": changed["old_item_status"], "Status": changed["item_status"],
                                   "% before": changed["old_percent"], "% complete": changed["percent"],
                                   "Deadline": changed["deadline"]}), hide_index=True)  # fmt: skip


def preview(result: ImportResult, view: View) -> None:
    st.subheader("What will change", anchor=False)
    if result.diff is not None and "tracker_items" in result.diff.tables:
        tracker_preview(result)
        return
    counts = _counts(result)
    for cell, (label, count) in zip(st.columns(len(counts)), counts.items(), strict=True):
        cell.metric(label, f"{count:,}")
    if result.new_measures:
        framework = view.framework
        goes = {m.id: "the Plan" if framework.in_plan(m) else "the indicator library" for m in result.new_measures}
        st.dataframe(pd.DataFrame([{"New measure": m.name, "Id": m.id, "Polarity": m.polarity.value,
                                    "Goes to": goes[m.id], "Theme": m.theme_id} for m in result.new_measures]),
                     hide_index=True)  # fmt: skip
    changes = result.diff.observations if result.diff else pd.DataFrame()
    changed = changes[changes["status"] != "unchanged"] if len(changes) else changes
    if len(changed):
        st.dataframe(_changes_frame(changed), hide_index=True)
    if result.diff is not None and not result.diff.listed_all():
        st.caption(f"The table lists the first {DIFF_ROWS:,} changes of each kind; the counts above are complete.")
    for measure_id in result.after:
        _before_after(measure_id, result, view)
    touched = len(result.diff.measures) if result.diff else 0
    if touched > len(result.after):
        st.caption(f"Before-and-after charts for the first {len(result.after)} of the {touched} measures that change.")


def _changes_frame(changed: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Change": changed["status"],
            "Measure": changed["measure_id"],
            "Area": changed["area"],
            "Period": changed["period"],
            "Breakdown": changed["breakdown"],
            "Before": [stored_text(v, d, m) for v, d, m in zip(changed["old_value"], changed["old_decimals"],
                                                                changed["old_missing"], strict=True)],
            "After": [stored_text(v, d, m) if s != "removed" else "" for v, d, m, s in
                      zip(changed["value"], changed["decimals"], changed["missing"], changed["status"], strict=True)],
        }
    )  # fmt: skip


def _before_after(measure_id: str, result: ImportResult, view: View) -> None:
    after = result.after.get(measure_id, [])
    measure = view.framework.measure(measure_id) or next((m for m in result.new_measures if m.id == measure_id), None)
    if measure is None:
        return
    sources = (("Before", lambda area: view.observations(measure_id, area)),
               ("After", lambda area: [o for o in after if o.area == area]))  # fmt: skip
    with st.expander(f"Before and after: {md(measure.name)}"):
        for column, (title, source) in zip(st.columns(2), sources, strict=True):
            candidates = {area: list(source(area)) for area in dict.fromkeys((view.area, LONDON, ENGLAND))}
            series = {a: obs for a, obs in candidates.items() if any(o.value is not None for o in obs)}
            column.caption(title)
            if series:
                column.altair_chart(charts.series_chart(measure, series, view.area, height=200), theme=None)
            else:
                column.caption("No values.")


MODES = {"update": "Update: add and revise", "replace": "Replace the series in the file"}
MAX_MB = 25


def decisions() -> dict[str, str | None]:
    return dict(st.session_state.get("match_decisions", {}))


def names() -> dict[str, str]:
    """The officer's names for measures the importer named after their file or sheet."""
    return dict(st.session_state.get("measure_names", {}))


def name_measures(result: ImportResult) -> None:
    """A box to rename each measure named after its file or sheet; a new name makes a new preview."""
    chosen = names()
    for name in result.named_by_title:
        given = st.text_input(f"Name of the measure the file calls '{md(name)}' (named after the file: the table "
                              "names none)", value=chosen.get(name, name), key=f"name:{name}",
                              max_chars=200)  # fmt: skip
        if given.strip() and given.strip() != name:
            chosen[name] = given.strip()
        else:
            chosen.pop(name, None)
    if chosen != names():
        st.session_state["measure_names"] = chosen
        st.rerun()


def given_period(result: ImportResult) -> str:
    """The period the officer gave for this file's tables that name none ("" until one is given)."""
    return _given_period(result.sha256)


def _given_period(sha256: str) -> str:
    """Kept per file (by its SHA-256), so that it never carries over to the next file uploaded."""
    return str(st.session_state.get("given_periods", {}).get(sha256, ""))


def ask_period(result: ImportResult) -> None:
    """A box for the period of a table that names none anywhere; a new period makes a new preview."""
    given = st.text_input(
        "Period of the figures (the file does not say which period a table's values are for)",
        value=given_period(result), key=f"period:{result.sha256}", max_chars=40,
        placeholder="2022/23, 2021, Mar 2022",
        help="Used only for tables that name no period in their headings, rows, title or sheet name; each such "
        "table is listed as a warning, and the period is recorded with the import.",
    )  # fmt: skip
    if not given and (said := name_period(result.file)):
        st.caption(md(f"The file's name says '{said}': type it above if the figures are for that period (a name's "
                      "year can also be when the file was made)."))  # fmt: skip
    if given.strip() != given_period(result):
        st.session_state["given_periods"] = {result.sha256: given.strip()}
        st.rerun()


def preview_result(data: bytes, name: str, mode: str, officer: str) -> ImportResult:
    """A dry run of the import, remembered for this file, mode, match decisions and data version (the version it
    was made from is its `version`)."""
    version = caches.store().version()
    sha256 = hashlib.sha256(data).hexdigest()
    period = _given_period(sha256)
    key = (sha256, name, mode, tuple(sorted(decisions().items())), tuple(sorted(names().items())), period, version)
    cached = st.session_state.get("preview")
    if cached is None or cached[0] != key:
        options = ImportOptions(mode=mode, dry_run=True, user=officer, matches=decisions(), names=names(),
                                period=period)  # fmt: skip
        cached = (key, import_bytes(caches.store(), data, name, options))
        st.session_state["preview"] = cached
    return cached[1]


def _counts(result: ImportResult) -> dict[str, int]:
    """What an import changes, counted (a value whose details alone changed counts as revised)."""
    counts = result.diff.counts.get("observations", {}) if result.diff else {}
    return {
        "New values": counts.get("new", 0), "Revised": counts.get("revised", 0) + counts.get("changed", 0),
        "Removed": counts.get("removed", 0), "Unchanged": counts.get("unchanged", 0),
        "New measures": len(result.new_measures),
    }  # fmt: skip


def confirmation(published: ImportResult) -> str:
    counts = _counts(published)
    return (
        f"Published {published.file} as import {published.import_id}: {counts['New values']:,} new values, "
        f"{counts['Revised']:,} revised, {counts['Removed']:,} removed, {counts['New measures']:,} new measures. "
        "Every page now shows the new figures; the History page can roll it back."
    )
