"""Import a file: read it, understand its tables, match its measures, write it in one transaction, and check
what it states against what the classifier computes. A file with any error writes nothing."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from thplan.analysis import classify_measures
from thplan.area import BENCHMARKS
from thplan.framework import Framework
from thplan.ingest.catalogue import is_catalogue, read_catalogue
from thplan.ingest.fingertips import read_fingertips
from thplan.ingest.grid import Grid
from thplan.ingest.parsed import Parsed, RawObservation, TableInfo
from thplan.ingest.problems import Problem, Rejected, Severity, error, info, warning
from thplan.ingest.report import read_report_tables
from thplan.ingest.sandbox import read_grids_safely
from thplan.ingest.tidy import read_tidy_table
from thplan.ingest.tracker import frames as tracker_frames
from thplan.ingest.tracker import is_tracker, read_tracker
from thplan.ingest.wide import read_area_rows, read_measure_columns
from thplan.measure import Kind, Measure, MeasureError, Unit, parse_unit, slugify
from thplan.observation import Observation, Source
from thplan.period import PeriodError, parse_period
from thplan.polarity import Polarity
from thplan.stated import StatedError, check
from thplan.store import (
    Abort,
    Diff,
    Payload,
    Store,
    measures_frame,
    observations_frame,
    outcomes_frame,
    settings_frame,
    themes_frame,
)

MODES = ("update", "replace")
PREVIEW_MEASURES = 40  # measures whose new series a dry run keeps for before/after charts


@dataclass(frozen=True)
class ImportOptions:
    mode: str = "update"
    dry_run: bool = False
    user: str = "unknown"
    accept_matches: bool = False
    #: The officer's decision on each near match: the catalogued measure id it is, or None for "a new measure".
    matches: Mapping[str, str | None] = field(default_factory=dict)


@dataclass
class ImportResult:
    file: str
    sha256: str
    options: ImportOptions
    tables: list[TableInfo] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    matched: dict[str, str] = field(default_factory=dict)
    new_measures: list[Measure] = field(default_factory=list)
    diff: Diff | None = None
    import_id: int | None = None
    rows: int = 0
    stated_checked: int = 0
    #: Names in the file that nearly match a catalogued measure: (name, candidate id, candidate name).
    near_matches: list[tuple[str, str, str]] = field(default_factory=list)
    #: For each measure the file touches, its series for every area after the import (for previews).
    after: dict[str, list[Observation]] = field(default_factory=dict)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]

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


def import_bytes(store: Store, data: bytes, name: str, options: ImportOptions) -> ImportResult:
    """Import one file's bytes. Never raises for bad input: problems are in the result."""
    if options.mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}")
    result = ImportResult(name, hashlib.sha256(data).hexdigest(), options)
    try:
        grids = read_grids_safely(data, name)
    except Rejected as exc:
        result.problems.extend(exc.problems)
        return result
    framework = store.framework()
    parsed = Parsed(name)
    tracked = None
    if is_catalogue(grids):
        read_catalogue(grids, parsed)
    elif is_tracker(grids):
        tracked = read_tracker(grids, parsed, framework)
    else:
        home = framework.settings.home_area
        for grid in grids:
            if not _read_grid(grid, parsed, framework, home):
                where = f"sheet '{grid.sheet}'" if grid.sheet else "the file"
                parsed.problems.append(info(f"No table found in {where}; skipped.", file=name, sheet=grid.sheet))
        if not parsed.tables:
            parsed.problems.append(
                error(
                    "No table we can read was found. A table needs a header row with a Measure (or Indicator) "
                    "column and period columns (2017/18, 2018/19, ...), or the columns Measure, Period and Value.",
                    file=name,
                )
            )
    result.tables, result.rows = parsed.tables, parsed.rows
    result.problems.extend(parsed.problems)
    if result.rejected:
        return result
    if tracked is not None:
        trackers, items = tracker_frames(*tracked, name, parsed.tables[0].sheet)
        payload = Payload(trackers=trackers, tracker_items=items)
    else:
        payload = _payload(parsed, framework, options, result)
    if result.rejected:
        return result
    _write(store, payload, parsed, result)
    return result


def _read_grid(grid: Grid, parsed: Parsed, framework: Framework, home: str) -> bool:
    """Recognise the layout of one sheet (the officer never picks a parser) and read it."""
    return (
        read_fingertips(grid, parsed)
        or read_report_tables(grid, parsed, framework, home)
        or read_tidy_table(grid, parsed, framework, home)
        or read_area_rows(grid, parsed)
        or read_measure_columns(grid, parsed)
    )


def _payload(parsed: Parsed, framework: Framework, options: ImportOptions, result: ImportResult) -> Payload:
    if parsed.framework is not None:
        fw = parsed.framework
        return Payload(
            settings=settings_frame(fw.settings),
            themes=themes_frame(fw.themes),
            outcomes=outcomes_frame(fw.outcomes),
            measures=measures_frame(fw.measures),
        )
    measures = _match_measures(parsed, framework, options, result)
    observations = _observations(parsed, measures, result)
    return Payload(
        measures=measures_frame(result.new_measures) if result.new_measures else None,
        observations=observations_frame(observations),
    )


def _match_measures(
    parsed: Parsed, framework: Framework, options: ImportOptions, result: ImportResult
) -> dict[str, Measure]:
    """Map every measure name in the file to a catalogued measure, or a new one; near matches need consent."""
    measures = {m.id: m for m in framework.measures}
    taken = set(measures)
    position = max((m.position for m in framework.measures), default=-1) + 1
    for name, ref in parsed.measures.items():
        where = ref.location.where(parsed.file)
        found = framework.find_measure(name)
        if found is None:
            near = framework.near_measure(name)
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
            continue
        measure_id = slugify(name)
        suffix = 2
        while measure_id in taken:
            measure_id, suffix = f"{slugify(name)}-{suffix}", suffix + 1
        taken.add(measure_id)
        try:
            unit = parse_unit(ref.unit)
        except MeasureError as exc:
            result.problems.append(warning(f"{exc} The unit of '{name}' is left blank.", **where))
            unit = None
        theme = framework.theme(ref.theme)
        if ref.theme and theme is None:
            found_theme = framework.find_theme(ref.theme)
            theme = found_theme
        polarity = ref.polarity
        if polarity is None:
            polarity = _infer_polarity(name, parsed, result, where)
        if polarity is None and ref.family:
            polarity = _family_polarity(ref.family, parsed, result, where)
        measure = Measure(
            id=measure_id,
            name=name,
            theme_id=theme.id if theme else "",
            outcome_id=_outcome_id(framework, ref.outcome, theme.id if theme else ""),
            kind=Kind.OUTPUT if ref.kind.lower() == "output" else Kind.OUTCOME,
            polarity=polarity or Polarity.NONE,
            unit=unit,
            notes="; ".join(n for n in (ref.note, _unit_note(ref.unit, unit)) if n),
            comparison=ref.comparison or "direct",
            position=position,
        )
        position += 1
        measures[measure_id] = measure
        result.matched[name] = measure_id
        result.new_measures.append(measure)
        result.problems.append(
            info(f"New measure '{name}' (id {measure_id}, {measure.polarity}) will be added to the catalogue.", **where)
        )
        if polarity is None:
            result.problems.append(
                warning(f"The file gives no polarity for the new measure '{name}' and its stated labels do not "
                        "imply one: it is not judged better or worse.", code="polarity", **where)
            )  # fmt: skip
    return measures


def _unit_note(written: str, unit: Unit | None) -> str:
    return f"Unit as written in the file: {written}." if written and (unit is None or unit.value != written) else ""


def _values_by_measure(parsed: Parsed) -> dict[str, dict[tuple[str, str, str], float | None]]:
    """Each measure's values in the file, keyed (measure, area, period); computed once per file."""
    cached = getattr(parsed, "_values", None)
    if cached is None:
        cached = {}
        for o in parsed.observations:
            cached.setdefault(o.measure, {})[(o.measure, o.area, o.period)] = o.value.value
        parsed._values = cached  # type: ignore[attr-defined]
    return cached


def _infer_polarity(name: str, parsed: Parsed, result: ImportResult, where: dict[str, object]) -> Polarity | None:
    """A polarity implied by the file's own stated labels: 'Better' where the value is below England's means lower
    is better; 'Decreasing and getting worse' means higher is better. Used only when every such label agrees."""
    values = _values_by_measure(parsed).get(name, {})
    latest: dict[str, str] = {}
    for measure, area, period in values:
        if values[(measure, area, period)] is not None and (
            area not in latest or parse_period(period).sort_key > parse_period(latest[area]).sort_key
        ):
            latest[area] = period
    votes: list[int] = []
    for stated in (s for s in parsed.stated if s.measure == name):
        text = " ".join(stated.text.lower().split())
        if stated.what == "vs" and text in ("better", "worse"):
            period = stated.period or latest.get(stated.area, "")
            home, bench = values.get((name, stated.area, period)), values.get((name, stated.benchmark, period))
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


def _family_polarity(family: str, parsed: Parsed, result: ImportResult, where: dict[str, object]) -> Polarity | None:
    """A breakdown with no stated labels of its own takes the polarity inferred for its indicator's other breakdowns."""
    silent = ImportResult(result.file, result.sha256, result.options)
    found = {
        _infer_polarity(name, parsed, silent, where)
        for name, ref in parsed.measures.items()
        if ref.family == family and ref.polarity is None
    } - {None}
    if len(found) != 1:
        return None
    polarity = found.pop()
    result.problems.append(info(
        f"Polarity '{polarity}' taken from the other breakdowns of the same indicator in the file.", code="polarity",
        **where))  # fmt: skip
    return polarity


def _outcome_id(framework: Framework, text: str, theme_id: str) -> str:
    if not text:
        return ""
    outcome = framework.outcome(text) or framework.find_outcome(text, theme_id)
    return outcome.id if outcome else ""


def _observations(parsed: Parsed, measures: dict[str, Measure], result: ImportResult) -> list[Observation]:
    observations: dict[tuple[str, str, str], tuple[Observation, RawObservation]] = {}
    for raw in parsed.observations:
        measure_id = result.matched.get(raw.measure)
        if measure_id is None:
            continue
        measure = measures[measure_id]
        where = raw.location.where(parsed.file)
        try:
            period = parse_period(raw.period, measure.period_type)
            covers = parse_period(raw.value.covers, measure.period_type) if raw.value.covers else None
        except PeriodError as exc:
            result.problems.append(error(str(exc), **where))
            continue
        observation = Observation(
            measure_id=measure_id,
            area=raw.area,
            period=period,
            value=raw.value.value,
            decimals=raw.value.decimals,
            missing=raw.value.missing,
            note=raw.note,
            footnote=raw.value.footnote,
            series_break=raw.series_break,
            covers=covers if covers != period else None,
            period_stated=raw.period_stated,
            lower_ci=raw.lower_ci,
            upper_ci=raw.upper_ci,
            count=raw.count,
            denominator=raw.denominator,
            flags=raw.value.flags,
            source=Source(parsed.file, raw.location.sheet, raw.location.ref),
        )
        if observation.key in observations:
            earlier, earlier_raw = observations[observation.key]
            if replace(earlier, source=observation.source) != observation:
                result.problems.append(
                    error(
                        f"'{raw.measure}' has two different values for {raw.area}, {period.label}: "
                        f"{_show(earlier)} in {_cell_name(earlier_raw)} and "
                        f"{_show(observation)} here. Keep one of them.",
                        **where,
                    )
                )
            continue
        observations[observation.key] = (observation, raw)
    return [o for o, _ in observations.values()]


def _cell_name(raw: RawObservation) -> str:
    sheet = f"sheet '{raw.location.sheet}' " if raw.location.sheet else ""
    return f"{sheet}cell {raw.location.ref}"


def _show(o: Observation) -> str:
    return f"{o.value:g}" if o.value is not None else f"'{o.missing}'"


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
        },
    }
    with store.transaction() as tx:
        import_id, diff = tx.write(payload, mode=options.mode, meta=meta)
        result.diff = diff
        if options.dry_run and len(diff.observations):
            changed = diff.observations[diff.observations["status"] != "unchanged"]
            for o in tx.observations(sorted(set(changed["measure_id"]))[:PREVIEW_MEASURES]):
                result.after.setdefault(o.measure_id, []).append(o)
        _check_stated(tx, parsed, result)
        if options.dry_run:
            raise Abort
        result.import_id = import_id
    if options.dry_run:
        result.import_id = None


def _check_stated(tx: Store, parsed: Parsed, result: ImportResult) -> None:
    """Every stated trend, arrow or comparison against what the classifier computes on the new data."""
    if not parsed.stated:
        return
    framework = tx.framework()
    ids = {result.matched[s.measure] for s in parsed.stated if s.measure in result.matched}
    observations = tx.observations(list(ids))
    classifications = {
        (c.measure.id, area): c
        for area in {s.area for s in parsed.stated}
        for c in classify_measures(framework, observations, area, ids)
    }
    for stated in parsed.stated:
        measure_id = result.matched.get(stated.measure)
        if (measure_id, stated.area) not in classifications:
            continue
        if stated.what == "vs" and stated.benchmark not in BENCHMARKS:
            continue  # the classifier compares with London and England only
        where = stated.location.where(parsed.file)
        try:
            outcome = check(stated.text, classifications[(measure_id, stated.area)], stated.what, stated.benchmark)
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
