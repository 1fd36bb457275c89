"""One heading on sheets that measure different things: two measures, not one.

A workbook often repeats one table's headings on several sheets: a sheet a year ('2020', 'LA - Sites 2021') is one
measure over time, but 'Levels' and 'Rates', 'Number' and 'Percent', or 'LA - Sites' and 'LA - Capacity' hold
different measures under the same headings. A sheet's subject is its name without the period and the table number
('LA - Capacity, 2021' -> 'Capacity'; nor the kind of area: 'LAD gardens' and 'Region gardens' are one subject);
where one heading is read on sheets of different subjects, each sheet's measure is named by its subject too
('Capacity: Photovoltaics'), and the preview says so. Where no sheet's name says a subject ('Table 3a', 'Table 3b')
and the sheets give one heading different values for one area and period, their titles name the measures.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from thplan.area import is_known_area
from thplan.ingest.headers import is_header_cell_period, title_period
from thplan.ingest.parsed import Location, Parsed
from thplan.ingest.problems import info, quoted
from thplan.ingest.wide import GEOGRAPHY, TABLE_NUMBER, WORD, title_measure


def subject(sheet: str) -> str:
    """What a sheet's name says is measured, without its period, table number or kind of area ('LAD gardens' and
    'Region gardens' are gardens); "" where it says nothing (a table's code, '1a', 'T2', names no subject; nor
    does a place's name, which says where, not what)."""
    name = TABLE_NUMBER.sub("", title_period(sheet.strip())[0])
    name = GEOGRAPHY.sub(" ", name).strip(" ,:;-")
    return "" if not WORD.search(name) or is_header_cell_period(name) or is_known_area(name) else " ".join(name.split())


def _title_subject(title: str) -> str:
    """What a sheet's title says is measured, without its period, table number and areas."""
    return title_measure(title_period(title)[0]) if title else ""


def _with_unit(name: str, unit: str) -> str:
    """A sheet's subject with the unit it states ('Internet users (Thousands)', 'Internet users (%)')."""
    return f"{name} ({unit})" if name and unit else name


def _disagreeing(parsed: Parsed, headings: set[str]) -> set[str]:
    """The headings two sheets give different values for one area and period: then they are two measures. One pass
    over the observations, whatever the number of headings."""
    seen: dict[tuple[str, str, str, str], tuple[str, object]] = {}
    found: set[str] = set()
    for o in parsed.observations:
        if o.measure not in headings or o.measure in found:
            continue
        key, reading = (o.measure, o.area, o.period, o.breakdown.label), (o.value.value, o.value.missing)
        sheet, earlier = seen.setdefault(key, (o.location.sheet, reading))
        if sheet != o.location.sheet and earlier != reading:
            found.add(o.measure)
    return found


def separate_subjects(parsed: Parsed) -> None:
    """Name each measure read under one heading on sheets of different subjects by its sheet's subject too: the
    subject its name says; where no sheet's name says one, the subject its title says, if the sheets give the
    heading different values for one area and period (Tables 3a and 3b: victims of crime excluding fraud, and
    including it), for otherwise the sheets hold one measure (by region, by local authority)."""
    frames = [f for f in parsed.frames if len(f)]  # each read from one sheet
    on: dict[str, set[str]] = {}  # sheet -> the headings read on it
    for o in parsed.observations:
        on.setdefault(o.location.sheet, set()).add(o.measure)
    for frame in frames:
        on.setdefault(frame["sheet"].iat[0], set()).update(frame["measure"].unique())
    shared = {h for h, n in Counter(h for headings in on.values() for h in headings).items() if n > 1}
    shared &= set(parsed.measures)
    if not shared:
        return
    sheets: dict[str, dict[str, Location]] = {}  # heading -> sheet -> where it is first read
    for o in parsed.observations:
        if o.measure in shared:
            sheets.setdefault(o.measure, {}).setdefault(o.location.sheet, o.location)
    for frame in frames:
        firsts = frame[frame["measure"].isin(shared)].drop_duplicates("measure")
        for measure, sheet, row, column in zip(
            firsts["measure"], firsts["sheet"], firsts["row"], firsts["column"], strict=True
        ):
            sheets.setdefault(measure, {}).setdefault(sheet, Location(sheet, int(row), int(column)))
    by_sheet = {sheet: subject(sheet) for sheet in on}
    unnamed = {heading for heading, where in sheets.items() if not any(by_sheet[sheet] for sheet in where)}
    disagreeing = _disagreeing(parsed, unnamed) if unnamed else set()
    renamed: dict[tuple[str, str], str] = {}
    for heading, where in sheets.items():
        subjects = {sheet: by_sheet[sheet] for sheet in where}
        if heading in disagreeing:
            subjects = {sheet: _title_subject(parsed.sheet_titles.get(sheet, "")) for sheet in where}
            if len({s.lower() for s in subjects.values()}) < len(subjects):  # one title: a count's and a rate's
                subjects = {sheet: _with_unit(name, parsed.sheet_units.get(sheet, "")) for sheet, name in
                            subjects.items()}  # fmt: skip
        if len({s.lower() for s in subjects.values() if s}) < 2:
            continue
        for sheet, name in subjects.items():
            if name:
                renamed[(heading, sheet)] = f"{name}: {heading}"
        parsed.problems.append(info(
            f"'{heading}' heads values on sheets that measure different things ({quoted(list(where), 4)}): read as "
            f"{quoted(sorted({renamed[(heading, s)] for s in where if (heading, s) in renamed}), 4)}, one measure "
            "for each.", file=parsed.file, sheet=next(iter(where))))  # fmt: skip
    if renamed:
        _rename(parsed, renamed, sheets)


def _rename(parsed: Parsed, renamed: dict[tuple[str, str], str], sheets: dict[str, dict[str, Location]]) -> None:
    for (heading, sheet), name in renamed.items():
        parsed.measures[name] = replace(parsed.measures[heading], name=name, location=sheets[heading][sheet])
    for heading in {heading for heading, _ in renamed}:
        if all((heading, sheet) in renamed for sheet in sheets[heading]):
            del parsed.measures[heading]
    parsed.observations = [
        replace(o, measure=renamed.get((o.measure, o.location.sheet), o.measure)) for o in parsed.observations
    ]
    parsed.stated = [replace(s, measure=renamed.get((s.measure, s.location.sheet), s.measure)) for s in parsed.stated]
    for frame in parsed.frames:
        for (heading, sheet), name in renamed.items():
            frame.loc[(frame["measure"] == heading) & (frame["sheet"] == sheet), "measure"] = name
