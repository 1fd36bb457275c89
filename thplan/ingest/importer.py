"""Import a file: read it, understand its tables, match its measures, write it in one transaction, and check
what it states against what the classifier computes. A file with any error writes nothing."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from thplan.area import BENCHMARKS, area_key, canonical_area, is_known_area
from thplan.breakdown import PARTS, Breakdown, from_label, headline, split_name
from thplan.classification import Classification, classify, ordered, status_against_target
from thplan.formula import strip_control
from thplan.framework import Framework
from thplan.gcpause import paused_gc
from thplan.ingest import cells
from thplan.ingest.accountability import RAG, RAG_STATUS, payload_frames
from thplan.ingest.across import read_areas_across, read_areas_down
from thplan.ingest.catalogue import is_catalogue, read_catalogue
from thplan.ingest.categories import read_category_table
from thplan.ingest.census import read_census_table
from thplan.ingest.crosstab import read_survey_table
from thplan.ingest.diagnosis import describe
from thplan.ingest.ees import read_ees
from thplan.ingest.filenotes import is_notes_sheet, notes_text
from thplan.ingest.fingertips import read_fingertips
from thplan.ingest.grid import Grid
from thplan.ingest.options import MODES, ImportOptions
from thplan.ingest.parsed import Location, MeasureRef, Parsed, StatedLabel, TableInfo
from thplan.ingest.problems import Problem, Rejected, Severity, cell_ref, error, info, quoted, warning
from thplan.ingest.report import read_report_tables
from thplan.ingest.sandbox import Reading
from thplan.ingest.series import read_period_rows
from thplan.ingest.subjects import separate_subjects
from thplan.ingest.tidy import read_tidy_table
from thplan.ingest.tracker import frames as tracker_frames
from thplan.ingest.tracker import is_tracker, read_tracker
from thplan.ingest.wide import read_area_rows, read_measure_columns, sheet_title, sheet_unit
from thplan.measure import Kind, Measure, MeasureError, Unit, parse_unit, slugify
from thplan.observation import Observation
from thplan.outcome import Outcome
from thplan.period import PeriodError, PeriodKind, parse_period
from thplan.polarity import Polarity
from thplan.rowkeys import distinct, repeated_keys, row_keys
from thplan.stated import StatedError, check
from thplan.store import (
    Abort,
    Diff,
    Payload,
    Store,
    StoreError,
    measures_frame,
    outcomes_frame,
    settings_frame,
    themes_frame,
)
from thplan.targets import Target, TargetError, parse_rag
from thplan.value import MAX_PUBLISHED_DECIMALS, decimals_of

PREVIEW_MEASURES = 40  # measures whose new series a dry run keeps for before/after charts


@dataclass
class ImportResult:
    file: str
    sha256: str
    options: ImportOptions
    tables: list[TableInfo] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    matched: dict[str, str] = field(default_factory=dict)
    new_measures: list[Measure] = field(default_factory=list)
    #: Library measures the file places in the Plan (it names their Plan theme and outcome).
    placed: list[Measure] = field(default_factory=list)
    #: Names in the file that are a catalogued measure's name with a breakdown in brackets, and that breakdown.
    breakdowns: dict[str, Breakdown] = field(default_factory=dict)
    diff: Diff | None = None
    import_id: int | None = None
    rows: int = 0
    stated_checked: int = 0
    #: Names in the file that nearly match a catalogued measure: (name, candidate id, candidate name).
    near_matches: list[tuple[str, str, str]] = field(default_factory=list)
    #: For the first PREVIEW_MEASURES measures the file changes, their series for every area after the import
    #: (dry runs only: for previews).
    after: dict[str, list[Observation]] = field(default_factory=dict)
    #: Names the importer gave measures after their file or sheet (the table names none): the officer may rename
    #: each (`ImportOptions.names`).
    named_by_title: list[str] = field(default_factory=list)
    #: Whether a table names no period anywhere, so that a period given on upload (`ImportOptions.period`) would
    #: let it be read.
    period_needed: bool = False
    #: The text of the file's Notes, Metadata and Contents sheets, by sheet (`filenotes`): kept with the import.
    file_notes: dict[str, str] = field(default_factory=dict)
    #: The data version the import was checked (dry run) or written against.
    version: tuple[int, int] | None = None

    @property
    def stale(self) -> bool:
        """Refused because other data were published after the preview it was to publish."""
        return any(p.code == STALE for p in self.errors)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]

    @property
    def notes(self) -> list[Problem]:
        """What was read and what was assumed in reading it (a polarity inferred, a new measure's home)."""
        return [p for p in self.problems if p.severity is Severity.INFO]

    @property
    def rejected(self) -> bool:
        return bool(self.errors)

    def changes(self, status: str) -> pd.DataFrame:
        if self.diff is None or self.diff.observations.empty:
            return pd.DataFrame()
        frame = self.diff.observations
        return frame[frame["status"] == status]


def import_path(store: Store, path: str | Path, options: ImportOptions) -> ImportResult:
    path = Path(path)
    return import_bytes(store, path.read_bytes(), path.name, options)


def import_bytes(
    store: Store, data: bytes, name: str, options: ImportOptions, reading: Reading | None = None
) -> ImportResult:
    """Import one file's bytes (`reading`: the same bytes already being read). Never raises for bad input:
    problems are in the result."""
    if options.mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}")
    with paused_gc():  # a large file's rows are millions of objects, which each pass of the collector walks
        return _import(store, data, name, options, reading)


def _import(store: Store, data: bytes, name: str, options: ImportOptions, reading: Reading | None) -> ImportResult:
    result = ImportResult(name, hashlib.sha256(data).hexdigest(), options)
    if reading is None or reading.data is not data:  # a reading of other bytes is not this file's
        reading = Reading(data, name)
    framework = store.framework()
    try:
        given = parse_period(options.period).label if options.period.strip() else ""
    except PeriodError as exc:
        result.problems.append(error(f"The period given for the file's values: {exc}", code="given-period", file=name))
        return result
    try:
        grids, parsed = _read_as_data(reading, name, framework, given)
    except Rejected as exc:
        result.problems.extend(exc.problems)
        return result
    tracked = None
    if is_catalogue(grids):
        parsed = Parsed(name)
        read_catalogue(grids, parsed)
    elif is_tracker(grids):
        parsed = Parsed(name)
        tracked = read_tracker(grids, parsed, framework)
    elif not parsed.tables and not any(p.severity is Severity.ERROR for p in parsed.problems):
        parsed.problems.append(
            error(
                "No table we can read was found. A table needs a header row with a Measure (or Indicator) "
                "column and period columns (2017/18, 2018/19, ...), or the columns Measure, Period and Value."
                + "".join(f" {describe(grid)}" for grid in grids[:3])
                + (f" ({len(grids) - 3} more sheets like them.)" if len(grids) > 3 else "")
                + _hidden_hint(parsed.hidden_sheets),
                file=name,
            )
        )
    elif not (
        parsed.observations
        or any(len(frame) for frame in parsed.frames)
        or parsed.framework
        or any(p.severity is Severity.ERROR for p in parsed.problems)
    ):
        table = parsed.tables[0]
        where = f"sheet '{table.sheet}', " if table.sheet else ""
        parsed.problems.append(error(
            f"The table's header row ({where}{table.cell_range.split(':')[0]}) has no rows of data below it. Add "
            "the rows of values under the headers, or upload the file that has them.", file=name))  # fmt: skip
    result.tables, result.rows = parsed.tables, parsed.rows
    result.period_needed = parsed.period_needed
    result.file_notes = parsed.file_notes
    result.problems.extend(parsed.problems)
    if result.rejected:
        return result
    if tracked is not None:
        trackers, items = tracker_frames(*tracked, name, parsed.tables[0].sheet)
        payload = Payload(trackers=trackers, tracker_items=items)
    else:
        payload = _payload(parsed, framework, options, result, store.area_counts())
    if result.rejected:
        return result
    try:
        _write(store, payload, parsed, result)
    except StoreError as exc:  # a full disk, a damaged file: said with the file's other problems, nothing written
        result.problems.append(error(str(exc), file=name))
        result.import_id = None
    return result


def _hidden_hint(hidden: list[str]) -> str:
    if not hidden:
        return ""
    return (f" The workbook's hidden sheets ({quoted(hidden, 5)}) were not read: if the data are on one of them, "
            "unhide it in Excel, save and upload again.")  # fmt: skip


def _read_as_data(reading: Reading, name: str, framework: Framework, given: str) -> tuple[list[Grid], Parsed]:
    """The file's grids, each read as data tables as soon as it arrives, while later sheets are still being read.
    A catalogue or a tracker is known only from all its sheets; what was read of it as data is then set aside.
    `given`: the officer's period for tables that name none."""
    grids: list[Grid] = []
    parsed = Parsed(name, given_period=given)
    home = framework.settings.home_area
    for grid in reading.stream():
        if grid.hidden:
            parsed.hidden_sheets.append(grid.sheet)
            parsed.problems.append(warning(
                f"The sheet '{grid.sheet}' is hidden in the workbook: not read. Unhide it to import its figures.",
                code="not-read", file=name, sheet=grid.sheet))  # fmt: skip
            continue
        if grid.hidden_rows:
            shown = ", ".join(str(r + 1) for r in grid.hidden_rows[:8]) + (", ..." if len(grid.hidden_rows) > 8 else "")
            parsed.problems.append(warning(
                f"Row{'s' if len(grid.hidden_rows) > 1 else ''} {shown} of the sheet '{grid.sheet}' "
                f"{'are' if len(grid.hidden_rows) > 1 else 'is'} hidden in the workbook: not read. Unhide "
                f"{'them' if len(grid.hidden_rows) > 1 else 'it'} to import the figures.", code="not-read",
                file=name, sheet=grid.sheet, row=grid.hidden_rows[0] + 1))  # fmt: skip
        grids.append(grid)
        if is_catalogue(grids) or is_tracker([grid]):
            continue
        if is_notes_sheet(grid):
            if text := notes_text(grid):
                parsed.file_notes[grid.sheet] = text
            parsed.problems.append(info(
                f"The sheet '{grid.sheet}' holds notes about the data, not data: not read as a table; its text is "
                "kept with the import.", file=name, sheet=grid.sheet))  # fmt: skip
            continue
        parsed.sheet_titles[grid.sheet] = sheet_title(grid)
        parsed.sheet_units[grid.sheet] = sheet_unit(grid)
        if not _read_grid(grid, parsed, framework, home):
            where = f"sheet '{grid.sheet}'" if grid.sheet else "the file"
            parsed.problems.append(info(f"No table found in {where}; skipped.", file=name, sheet=grid.sheet))
    separate_subjects(parsed)
    return grids, parsed


def _read_grid(grid: Grid, parsed: Parsed, framework: Framework, home: str) -> bool:
    """Recognise the layout of one sheet (the officer never picks a parser) and read it."""
    return (
        read_fingertips(grid, parsed)
        or read_survey_table(grid, parsed, home)
        or read_report_tables(grid, parsed, framework, home)
        or read_tidy_table(grid, parsed, framework, home)
        or read_census_table(grid, parsed)
        or read_ees(grid, parsed)
        or read_areas_across(grid, parsed)
        or read_areas_down(grid, parsed)
        or read_area_rows(grid, parsed)
        or read_measure_columns(grid, parsed)
        or read_category_table(grid, parsed)
        or read_period_rows(grid, parsed, home)
    )


def _payload(
    parsed: Parsed, framework: Framework, options: ImportOptions, result: ImportResult, stored_areas: Iterable[str]
) -> Payload:
    if parsed.framework is not None:
        fw = parsed.framework
        return Payload(
            settings=settings_frame(fw.settings),
            themes=themes_frame(fw.themes),
            outcomes=outcomes_frame(fw.outcomes),
            measures=measures_frame(fw.measures),
        )
    measures = _match_measures(parsed, framework, options, result)
    observations = _observations(parsed, measures, result, stored_areas)
    _headlines_given(observations, measures, result)
    changed = [*result.new_measures, *result.placed]
    return Payload(
        measures=measures_frame(changed) if changed else None,
        observations=observations,
        **payload_frames(parsed, result.matched, measures, options.user, result.problems),
    )


def _headlines_given(observations: pd.DataFrame, measures: dict[str, Measure], result: ImportResult) -> None:
    """A new measure the file gives only for one breakdown ('Female, Aged 50+': NOMIS's download of female
    claimants aged 50 and over) has that breakdown as its headline, said; with no values without one, its headline
    would have no figures."""
    if not any(observations["breakdown"].unique()):  # the labels used, from the categories: no Python per row
        return  # no breakdowns (most files: a million rows are not grouped)
    new = {m.id for m in result.new_measures if m.breakdown == ""}
    given = observations.loc[observations["measure_id"].astype(object).isin(new), ["measure_id", "breakdown"]]
    for measure_id, found in given.astype(object).groupby("measure_id")["breakdown"]:
        labels_given = set(found)
        if "" in labels_given:
            continue
        # one breakdown alone is the headline, whatever it is; of several, as Fingertips' headlines are chosen
        chosen = (
            from_label(next(iter(labels_given))) if len(labels_given) == 1 else headline(map(from_label, labels_given))
        )
        if chosen is None or not chosen.label:
            continue
        measure = replace(measures[measure_id], breakdown=chosen.label)
        measures[measure_id] = measure
        result.new_measures = [measure if m.id == measure_id else m for m in result.new_measures]
        given_said = (
            f"only for {chosen.label}: that is its headline"
            if len(labels_given) == 1
            else f"only by breakdown ({len(labels_given)} of them): {chosen.label} is taken as its headline"
        )
        result.problems.append(info(f"The file gives '{measure.name}' {given_said}.", file=result.file))  # fmt: skip


def _match_measures(
    parsed: Parsed, framework: Framework, options: ImportOptions, result: ImportResult
) -> dict[str, Measure]:
    """Map every measure name in the file to a catalogued measure (and, where the name's brackets say so, one of its
    breakdowns), or a new one; near matches need consent. A new measure joins the Plan only where the file names
    its Plan theme and outcome; otherwise it goes to the indicator library."""
    measures = {m.id: m for m in framework.measures}
    taken = set(measures)
    position = max((m.position for m in framework.measures), default=-1) + 1
    said = _Grouped()  # notes of one kind for many measures, said once with the measures listed
    for name, ref in parsed.measures.items():
        where = ref.location.where(parsed.file)
        if ref.by_title:
            result.named_by_title.append(name)
        # an ESC or BEL in a workbook's text: never meant, and it stops exports
        plain = strip_control(options.names.get(name, "").strip() or name)
        found = framework.find_measure(plain)
        if found is None:
            base, breakdown = split_name(plain)
            found = framework.find_measure(base) if breakdown is not None else None
            if found is not None and breakdown is not None:
                result.breakdowns[name] = breakdown
                result.problems.append(info(f"'{name}' read as '{found.name}', breakdown {breakdown.label}.", **where))
        if found is None:
            near = framework.near_measure(plain)
            if near is not None:
                result.near_matches.append((name, near.id, near.name))
            if name in options.matches:  # the officer has decided: that measure, or a new one (None)
                found = framework.measure(options.matches[name] or "")
                near = None
            if near is not None and not options.accept_matches:
                result.problems.append(
                    error(
                        f"'{name}' looks like '{near.name}' (id {near.id}) but is not the same name. To treat them as "
                        "the same measure, import again accepting near matches (--accept-matches); otherwise rename "
                        "it so it cannot be mistaken.",
                        code="near-match",
                        **where,
                    )
                )
                continue
            if near is not None:
                result.problems.append(info(f"'{name}' matched to '{near.name}' (near match accepted).", **where))
                found = near
        if found is not None:
            result.matched[name] = found.id
            if ref.polarity is not None and ref.polarity is not found.polarity:
                result.problems.append(
                    warning(
                        f"The file gives '{name}' the polarity '{ref.polarity}', the catalogue '{found.polarity}'. "
                        "The catalogue's polarity is used; change it in the framework workbook if it is wrong.",
                        code="polarity",
                        **where,
                    )
                )
            placed = _placement(framework, found, ref, result, where, said)
            if placed is not None:
                measures[found.id] = placed
                result.placed.append(placed)
            continue
        measure_id = slugify(plain)
        suffix = 2
        while measure_id in taken:
            measure_id, suffix = f"{slugify(plain)}-{suffix}", suffix + 1
        taken.add(measure_id)
        try:
            unit = parse_unit(ref.unit)
        except MeasureError as exc:
            result.problems.append(warning(f"{exc} The unit of '{name}' is left blank.", **where))
            unit = None
        polarity = ref.polarity
        if polarity is None:
            polarity = _infer_polarity(name, parsed, result, where)
        measure = Measure(
            id=measure_id,
            name=plain,
            kind=Kind.OUTPUT if ref.kind.lower() == "output" else Kind.OUTCOME,
            polarity=polarity or Polarity.NONE,
            unit=unit,
            notes="; ".join(n for n in (ref.note, _unit_note(ref.unit, unit)) if n),
            comparison=ref.comparison or "direct",
            position=position,
            breakdown=ref.breakdown,
            period_type=ref.period_type or PeriodKind.FINANCIAL,
        )
        measure = _placement(framework, measure, ref, result, where, said) or measure
        position += 1
        measures[measure_id] = measure
        result.matched[name] = measure_id
        result.new_measures.append(measure)
        home = "the Plan" if framework.in_plan(measure) else "the indicator library (it is not in the Plan)"
        said.add(("new", home), f"'{plain}' (id {measure_id}, {measure.polarity})", where)
        if ref.breakdown is None:
            result.problems.append(
                warning(f"The file gives '{name}' several breakdowns and none of them is Persons, All ages: no "
                        "breakdown is its headline. Name one in the framework workbook (Breakdown column).",
                        code="breakdown", **where)
            )  # fmt: skip
        if polarity is None:
            result.problems.append(
                warning(f"The file gives no polarity for the new measure '{name}' and its stated labels do not "
                        "imply one: it is not judged better or worse.", code="polarity", **where)
            )  # fmt: skip
    result.problems.extend(said.notes())
    return measures


class _Grouped:
    """Notes of one kind about many measures (a new measure, one in a table titled for a theme), said once for all
    of them, the first few named: a file of 100,000 new measures is one note, not 100,000."""

    SHOWN = 5

    def __init__(self) -> None:
        self._groups: dict[tuple[str, str], tuple[list[str], dict[str, object]]] = {}

    def add(self, kind: tuple[str, str], measure: str, where: dict[str, object]) -> None:
        self._groups.setdefault(kind, ([], where))[0].append(measure)

    def notes(self) -> list[Problem]:
        found = []
        for (kind, about), (measures, where) in self._groups.items():
            shown = ", ".join(measures[: self.SHOWN])
            more = f" and {len(measures) - self.SHOWN:,} more" if len(measures) > self.SHOWN else ""
            if kind == "new":
                found.append(info(f"New measure {shown} will be added to {about}." if len(measures) == 1 else
                                  f"{len(measures):,} new measures will be added to {about}: {shown}{more}.",
                                  **where))  # fmt: skip
            else:
                one = len(measures) == 1
                found.append(info(
                    f"{shown}{more} {'is' if one else 'are'} in a table titled for the theme '{about}' but "
                    f"{'is' if one else 'are'} not in the Plan: {'it goes' if one else 'they go'} to the indicator "
                    "library. An officer can place a measure in the Plan from its measure page.", code="plan",
                    **where))  # fmt: skip
        return found


def _placement(
    framework: Framework, measure: Measure, ref: MeasureRef, result: ImportResult, where: dict[str, object],
    said: _Grouped,
) -> Measure | None:  # fmt: skip
    """The measure placed in the Plan's theme and outcome that the file names for it, when it is not in the Plan
    yet (an outcome measure needs its outcome; an output measure its theme); None when nothing changes."""
    if not ref.theme and not ref.suggested_theme:
        return None  # the file says nothing of the Plan (most files): nothing to place or to warn of
    theme = framework.theme(ref.theme) or (framework.find_theme(ref.theme) if ref.theme else None)
    if framework.in_plan(measure):
        if theme is not None and measure.theme_id and theme.id != measure.theme_id:
            result.problems.append(warning(
                f"The file places '{measure.name}' in the theme '{theme.name}'; the Plan has it in "
                f"'{framework.theme(measure.theme_id).name}', which is kept.", code="plan", **where))  # type: ignore[union-attr]  # fmt: skip
        return None
    outcome = _outcome(framework, ref.outcome, theme.id if theme else "")
    kind = Kind.OUTPUT if (ref.kind or measure.kind.value).lower() == "output" else Kind.OUTCOME
    if theme is not None and (outcome is not None or kind is Kind.OUTPUT):
        result.problems.append(info(
            f"'{measure.name}' is placed in the Plan: theme '{theme.name}'"
            + (f", outcome '{outcome.name}'." if outcome else " (an output measure)."),
            code="plan", **where))  # fmt: skip
        return replace(measure, theme_id=theme.id, outcome_id=outcome.id if outcome else "", kind=kind)
    suggested = framework.theme(ref.suggested_theme)
    if theme is not None:
        result.problems.append(warning(
            f"The file names the theme '{theme.name}' for '{measure.name}' but no outcome of it, so it stays in the "
            "indicator library. Add an Outcome column, or place it from its measure page.",
            code="plan", **where))  # fmt: skip
    elif suggested is not None and framework.themes:
        said.add(("titled", suggested.name), f"'{measure.name}'", where)
    return None


def _unit_note(written: str, unit: Unit | None) -> str:
    return f"Unit as written in the file: {written}." if written and (unit is None or unit.value != written) else ""


def _values_by_measure(parsed: Parsed) -> dict[str, dict[tuple[str, str, str, str], float | None]]:
    """The values in the file of each measure that has stated labels, keyed (measure, area, period, breakdown);
    computed once per file (only stated labels can imply a polarity)."""
    cached = getattr(parsed, "_values", None)
    if cached is None:
        cached = {}
        named = {s.measure for s in parsed.stated}
        if named:
            raw = cells.observations(parsed)
            raw = raw[raw["measure"].isin(named)]
            for m, a, p, b, v in zip(raw["measure"], raw["area"], raw["period"], raw["breakdown"], raw["value"],
                                     strict=True):  # fmt: skip
                cached.setdefault(m, {})[(m, a, p, b)] = None if pd.isna(v) else float(v)
        parsed._values = cached  # type: ignore[attr-defined]
    return cached


def _infer_polarity(name: str, parsed: Parsed, result: ImportResult, where: dict[str, object]) -> Polarity | None:
    """A polarity implied by the file's own stated labels: 'Better' where the value is below England's means lower
    is better; 'Decreasing and getting worse' means higher is better. Used only when every such label agrees."""
    values = _values_by_measure(parsed).get(name, {})
    latest: dict[tuple[str, str], str] = {}
    for measure, area, period, breakdown in values:
        place = (area, breakdown)
        if (
            values[(measure, area, period, breakdown)] is not None
            and parse_period(period).dated
            and (place not in latest or parse_period(period).sort_key > parse_period(latest[place]).sort_key)
        ):
            latest[place] = period
    votes: list[int] = []
    for stated in (s for s in parsed.stated if s.measure == name):
        text = " ".join(stated.text.lower().split())
        label = stated.breakdown.label
        if stated.what == "vs" and text in ("better", "worse"):
            period = stated.period or latest.get((stated.area, label), "")
            home = values.get((name, stated.area, period, label))
            bench = values.get((name, stated.benchmark, period, label))
            if home is not None and bench is not None and home != bench:
                votes.append((1 if home > bench else -1) * (1 if text == "better" else -1))
        elif m := re.fullmatch(r"(increasing|decreasing) and getting (better|worse)", text):
            votes.append((1 if m.group(1) == "increasing" else -1) * (1 if m.group(2) == "better" else -1))
    if not votes:
        return None
    if len(set(votes)) > 1:
        result.problems.append(warning(
            f"The file's stated comparisons for '{name}' disagree about which direction is better "
            f"({votes.count(1)} say higher, {votes.count(-1)} say lower), so no polarity is inferred.",
            code="polarity", **where))  # fmt: skip
        return None
    polarity = Polarity.HIGHER if votes[0] > 0 else Polarity.LOWER
    result.problems.append(info(
        f"Polarity of '{name}' inferred as '{polarity}' from {len(votes)} stated comparison(s) or trend(s) in the "
        "file, all consistent.", code="polarity", **where))  # fmt: skip
    return polarity


def _outcome(framework: Framework, text: str, theme_id: str) -> Outcome | None:
    if not text:
        return None
    outcome = framework.outcome(text) or framework.find_outcome(text, theme_id)
    return outcome if outcome is not None and (not theme_id or outcome.theme_id == theme_id) else None


#: The fields of a value beside its measure, area and periods, as the readers give them (see `cells.FIELDS`).
_DETAILS = ("value", "decimals", "missing", "note", "footnote", "series_break", "lower_ci", "upper_ci", "count",
            "denominator", "flags")  # fmt: skip
#: What a table may give beside a value (another table of the file giving the value alone).
_DETAILS_BESIDE = ("lower_ci", "upper_ci", "count", "denominator")
#: Observation fields two readings of one value must agree on (the source and its table may differ).
_COMPARED = (*_DETAILS, "covers")


def _observations(
    parsed: Parsed, measures: dict[str, Measure], result: ImportResult, stored_areas: Iterable[str]
) -> pd.DataFrame:
    """The file's values as rows of the observations table: periods parsed as each measure counts them, every
    value traced to its cell, and two different values for one measure, area and period refused.

    Work is done per distinct measure, area and period (factorised codes), not per row.
    """
    raw = cells.observations(parsed)
    measure = raw["measure"].array
    ids = cells.spread([result.matched.get(n) for n in measure.categories], measure.codes)
    known = ids.codes >= 0
    raw, ids = _where(known, raw, ids)
    raw["measure_id"] = ids
    raw["area"] = _match_areas(raw["area"].array, stored_areas, result, parsed.file)
    periods = _parse_periods(raw, "period", measures, result, parsed.file)
    good = periods["period_label"].notna().to_numpy()
    covers = None
    if "covers" in raw.columns and raw["covers"].notna().any():  # a value that covers another period than its own
        covers = _parse_periods(raw, "covers", measures, result, parsed.file)
        good = good & (raw["covers"].isna() | covers["covers_label"].notna()).to_numpy()
    raw, periods, covers = _where(good, raw, periods, covers)
    if covers is not None:
        own = (covers["covers_label"].astype(object) == periods["period_label"].astype(object)).to_numpy()
        covers.loc[own, :] = None  # covering its own period: no news
    frame = cells.side_by_side(
        {
            "measure_id": raw["measure_id"], "area": raw["area"], "period": periods["period_label"],
            **_breakdowns(raw, measures, result),
            **{f"period_{part}": periods[f"period_{part}"] for part in ("kind", "start", "end")},
            **({} if covers is None else {c.replace("_label", ""): covers[c] for c in covers.columns}),
            **{c: raw[c] for c in (*_DETAILS, "context_period") if c in raw.columns},  # one no table gave: empty
            "source_file": cells.categorical(parsed.file, len(raw)), "source_sheet": raw["sheet"],
            "source_row": raw["row"] + 1, "source_column": raw["column"] + 1,  # as Excel numbers them: D4 is 4, 4
        },
        len(raw),
    )  # fmt: skip
    return _refuse_conflicts(frame, raw.reset_index(drop=True), result, parsed.file)


def _match_areas(areas: pd.Categorical, stored: Iterable[str], result: ImportResult, file: str) -> pd.Categorical:
    """Each area under one name, as measures are matched: by its name or code whatever its case, spacing or invisible
    characters, else by an area already stored under another spelling. Areas new to the data are listed (a
    misspelt area would silently drop out of the home view and the benchmarks)."""
    by_key = {area_key(a): a for a in stored}
    names, new = [], []
    for written in areas.categories:
        name = canonical_area(written)
        known = is_known_area(name)
        names.append(name if known else by_key.get(area_key(name), name))
        if not known and area_key(name) not in by_key:
            new.append(name)
    if new:
        result.problems.append(info(
            f"New to the data: {quoted(sorted(new), 8)} ({len(new)} area{'s' if len(new) > 1 else ''}). Not a London "
            "borough, an English region, London or England, nor an area stored already: check the spelling. Each is "
            "stored as an area of its own.", code="area", file=file))  # fmt: skip
    return cells.spread(names, areas.codes)


def _breakdowns(raw: pd.DataFrame, measures: dict[str, Measure], result: ImportResult) -> dict[str, object]:
    """Each row's breakdown: the one the file gives, else the one its measure's name gives in brackets, else its
    measure's headline breakdown (a value a file gives without a breakdown is the headline's)."""
    given = raw["breakdown"].array
    names = raw["measure"].array
    fallback = [
        (result.breakdowns.get(name) or from_label(measures[measure_id].breakdown or "")) if measure_id else None
        for name, measure_id in zip(names.categories, map(result.matched.get, names.categories), strict=True)
    ]
    if not any(given.categories) and not any(b and b.label for b in fallback):
        return {"breakdown": given}  # the usual file: no breakdowns anywhere (a million rows, not touched)
    parts = [raw[part].array if part in raw.columns else None for part in PARTS]
    rows: list[Breakdown] = []
    for position, (label, name_code) in enumerate(zip(given.astype(object), names.codes, strict=True)):
        if label:
            rows.append(Breakdown(*(("" if p is None or pd.isna(p[position]) else str(p[position])) for p in parts)))
        else:
            rows.append(fallback[name_code] or Breakdown())
    return {"breakdown": cells.categorical([b.label for b in rows], len(rows)),
            **{part: cells.categorical([getattr(b, part) or None for b in rows], len(rows))
               for part in PARTS}}  # fmt: skip


def _where(keep: np.ndarray, *frames: Any) -> list[Any]:
    """The kept rows of each frame or array (or None), renumbered; as they are when all are kept (a million-row
    copy less)."""
    if keep.all():
        return list(frames)
    return [f if f is None else f[keep].reset_index(drop=True) if isinstance(f, pd.DataFrame) else f[keep]
            for f in frames]  # fmt: skip


def _parse_periods(
    raw: pd.DataFrame, column: str, measures: dict[str, Measure], result: ImportResult, file: str
) -> pd.DataFrame:
    """Label, kind, first and last day of each row's period (None where blank or unreadable: an error).

    Each distinct (label, the measure's kind of year) is parsed once, then spread to its rows.
    """
    names = [f"{column}_{part}" for part in ("label", "kind", "start", "end")]
    text_codes, texts = distinct(raw[column])  # a blank is code -1
    measure_codes, measure_ids = distinct(raw["measure_id"])
    kinds = [measures[m].period_type.value for m in measure_ids]
    kind_codes, kind_list = pd.factorize(pd.Series(kinds, dtype=object))
    read: list[tuple[str | None, str]]  # each code's label and kind of year
    if len(kind_list) <= 1:  # one kind of year (the usual file): each label's code is its pair's
        kind = kind_list[0] if len(kind_list) else ""  # none: there are no rows
        codes, read = text_codes, [(text if kind else None, kind) for text in texts]
    else:
        keys = text_codes.astype(np.int64)  # numbered in place: a million-row temporary costs more than the sums
        keys += 1
        keys *= len(kind_list) + 1
        keys += kind_codes[measure_codes]
        codes, pairs = pd.factorize(keys)
        split = (divmod(int(pair), len(kind_list) + 1) for pair in pairs)
        read = [(texts[text - 1] if text else None, kind_list[kind]) for text, kind in split]
    found: list[tuple[object, ...]] = []
    failed = []
    for number, (text, kind) in enumerate(read):
        if text is None:
            found.append((None, None, None, None))
            continue
        try:
            period = parse_period(text, kind)
            found.append((period.label, str(period.kind), period.start, period.end))
        except PeriodError as exc:
            found.append((str(exc), None, None, None))
            failed.append(number)
    out = pd.DataFrame(
        {name: cells.spread([f[part] for f in found], codes) for part, name in enumerate(names)}, index=raw.index
    )
    if failed:
        broken = np.isin(codes, failed)
        for position in np.flatnonzero(broken):
            row = raw.iloc[position]
            where = _read_at(row, file)
            result.problems.append(error(str(found[codes[position]][0]), **where))
        out.loc[broken, names] = None
    return out


def _refuse_conflicts(frame: pd.DataFrame, raw: pd.DataFrame, result: ImportResult, file: str) -> pd.DataFrame:
    """Keep the first reading of each value; a later reading that differs is an error naming both cells."""
    keys = row_keys(frame, ("measure_id", "area", "period", "breakdown"))
    repeated = repeated_keys(keys)
    if repeated is None:
        return frame
    first: dict[int, int] = {}
    for position in np.flatnonzero(repeated):
        key = int(keys[position])
        if key not in first:
            first[key] = position
            continue
        earlier = first[key]
        if not _same(frame.loc[earlier], frame.loc[position]):
            later = raw.loc[position]
            where = _read_at(later, file)
            result.problems.append(
                error(
                    f"'{later['measure']}' has two different values for {frame.loc[position, 'area']}, "
                    f"{frame.loc[position, 'period']}{_of_breakdown(frame.loc[position])}: "
                    f"{_show(frame.loc[earlier])} in "
                    f"{_cell_name(frame.loc[earlier])} and {_show(frame.loc[position])} here. Keep one of them.",
                    **where,
                )
            )
    return frame[~pd.Series(keys).duplicated(keep="first").to_numpy()].reset_index(drop=True)


def _read_at(row: pd.Series, file: str) -> dict[str, object]:
    """Where a row of the observations frame was read (for a Problem)."""
    return Location(row["sheet"], int(row["row"]), int(row["column"]), row["header"]).where(file)


def _same(a: pd.Series, b: pd.Series) -> bool:
    """Two readings of one value are the same figure: the same numbers, each as precise as the less precise of the
    two writes it (England as a parent and as an area, 94.7261896 and 94.7261896202678), and the same missing
    reason, period covered and series break. Notes, footnotes and flags say something about it: the first stays.
    A confidence interval, count or denominator that one table gives beside the value and another does not is no
    disagreement (an ONS workbook gives them in one table and repeats the values alone in the next)."""
    for column in (c for c in _COMPARED if c in a.index and c not in _ABOUT):
        x, y = a[column], b[column]
        if (pd.isna(x) and pd.isna(y)) or (column in _DETAILS_BESIDE and (pd.isna(x) or pd.isna(y))):
            continue
        if pd.isna(x) or pd.isna(y):
            return False
        if column in _NUMBERS:
            # as written where the file says ('49.0' has one decimal: 49.2 is another figure), else as the float is
            written = [int(r["decimals"]) for r in (a, b) if column == "value" and "decimals" in r.index
                       and not pd.isna(r["decimals"])]  # fmt: skip
            places = min(written) if len(written) == 2 else min(decimals_of(float(x)), decimals_of(float(y)))
            if round(float(x), places) != round(float(y), places):
                return False
        elif x != y:
            return False
    return True


_ABOUT = ("note", "footnote", "flags", "decimals")  # what two readings of one figure may say differently
_NUMBERS = ("value", "lower_ci", "upper_ci", "count", "denominator")


def _cell_name(row: pd.Series) -> str:
    sheet = f"sheet '{row['source_sheet']}' " if row["source_sheet"] else ""
    return f"{sheet}cell {cell_ref(int(row['source_row']), int(row['source_column']))}"


def _of_breakdown(row: pd.Series) -> str:
    return f" ({row['breakdown']})" if row["breakdown"] else ""


def _show(row: pd.Series) -> str:
    """A value as its file writes it ('49.0'; 1213838, not 1.21384e+06), or its missing reason."""
    if pd.isna(row["value"]):
        return f"'{row['missing']}'"
    decimals = row.get("decimals")
    if decimals is not None and not pd.isna(decimals) and int(decimals) <= MAX_PUBLISHED_DECIMALS:
        return f"{row['value']:.{int(decimals)}f}"
    return f"{row['value']:.15g}"


STALE = "changed-since-preview"


def _write(store: Store, payload: Payload, parsed: Parsed, result: ImportResult) -> None:
    options = result.options
    meta = {
        "user": options.user,
        "file_name": result.file,
        "sha256": result.sha256,
        "rows": result.rows,
        "summary": {
            "tables": [t.__dict__ for t in result.tables],
            "new_measures": [m.id for m in result.new_measures],
            "warnings": [str(p) for p in result.warnings],
            "file_notes": result.file_notes,
        },
    }
    with store.transaction() as tx:
        result.version = tx.version()
        if options.expected_version is not None and result.version != tuple(options.expected_version):
            result.problems.append(error(
                "Other data were published after your preview was made, so it no longer shows what publishing "
                "would change. Nothing was written: check the updated preview, then publish again.", code=STALE,
                file=result.file))  # fmt: skip
            raise Abort
        import_id, diff = tx.write(payload, mode=options.mode, meta=meta)
        result.diff = diff
        if options.dry_run:
            # The diff lists a sample of rows; its `measures` are every changed measure, in order.
            result.after = {measure_id: [] for measure_id in diff.measures[:PREVIEW_MEASURES]}
            for o in tx.observations(list(result.after)):
                result.after[o.measure_id].append(o)
        _check_stated(tx, parsed, result)
        if options.dry_run:
            raise Abort
        result.import_id = import_id
    if options.dry_run:
        result.import_id = None


def _check_rag(stated: StatedLabel, measure: Measure, series: list[Observation], targets: Sequence[Target],
               file: str, result: ImportResult) -> None:  # fmt: skip
    """R15c: a stated RAG against the status the figures and targets give; a RAG that cannot be checked says why."""
    where = stated.location.where(file)
    try:
        rag = parse_rag(stated.text)
    except TargetError as exc:
        result.problems.append(warning(str(exc), **where))
        return
    if rag is None:
        return
    computed = status_against_target(measure, series, targets)
    expected = RAG_STATUS.get(rag)
    if computed.label not in RAG_STATUS.values():
        result.problems.append(info(f"The file's RAG '{stated.text}' for '{stated.measure}' is not checked: "
                                    f"{computed.method}.", code="not-checked", **where))  # fmt: skip
        return
    result.stated_checked += 1
    if computed.label is not expected:
        result.problems.append(warning(
            f"The file states '{stated.text}' ({expected}) for '{stated.measure}' against its target; the figures "
            f"give {computed.label} ({computed.method}).", code="stated", **where))  # fmt: skip


def _check_stated(tx: Store, parsed: Parsed, result: ImportResult) -> None:
    """Every stated trend, arrow or comparison against what the classifier computes on the new data, for the
    stated area and breakdown (a label stated without a breakdown is about the measure's headline), and against
    the benchmark it names (England, or the area's region)."""
    if not parsed.stated:
        return
    framework = tx.framework()
    ids = {result.matched[s.measure] for s in parsed.stated if s.measure in result.matched}
    series: dict[tuple[str, str, str], list[Observation]] = {}
    for o in tx.observations(list(ids)):
        series.setdefault((o.measure_id, o.area, o.breakdown.label), []).append(o)
    classified: dict[tuple[str, str, str, str], Classification] = {}
    targets = tx.targets() if any(s.what == RAG for s in parsed.stated) else {}
    for stated in parsed.stated:
        measure = framework.measure(result.matched.get(stated.measure, ""))
        if measure is None:
            continue
        if stated.what == RAG:
            home = [o for o in series.get((measure.id, stated.area, measure.breakdown or ""), []) if o.dated]
            _check_rag(stated, measure, ordered(home), targets.get(measure.id, ()), parsed.file, result)
            continue
        label = (stated.breakdown.label or (result.breakdowns.get(stated.measure) or from_label(measure.breakdown or
                 "")).label)  # fmt: skip
        key = (measure.id, stated.area, label, stated.benchmark)
        if key not in classified:
            if (measure.id, stated.area, label) not in series:
                continue
            benchmarks = {b: series.get((measure.id, b, label), []) for b in {*BENCHMARKS, stated.benchmark} if b}
            classified[key] = classify(measure, stated.area, series[(measure.id, stated.area, label)], benchmarks,
                                       framework.settings.baseline)  # fmt: skip
        where = stated.location.where(parsed.file)
        try:
            outcome = check(stated.text, classified[key], stated.what, stated.benchmark)
        except StatedError as exc:
            result.problems.append(warning(str(exc), **where))
            continue
        if outcome is None:
            continue
        result.stated_checked += 1
        agrees, computed = outcome
        if not agrees:
            what = {"overall": "overall trend", "direction": "direction of travel", "recent": "recent trend"}.get(
                stated.what, f"comparison with {stated.benchmark}"
            )
            result.problems.append(
                warning(
                    f"The file states '{stated.text}' for the {what} of '{stated.measure}'; the figures give "
                    f"{computed}.",
                    code="stated",
                    **where,
                )
            )
