"""The generated scale datasets: every London borough, London and England, hundreds of measures in the Plan's four
themes, twenty years. Deterministic (seeded), written as a tidy CSV (one row per value) or as a report-style
workbook (one row per measure and area, one column per year)."""

from __future__ import annotations

import csv
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

BOROUGHS = (
    "Barking and Dagenham", "Barnet", "Bexley", "Brent", "Bromley", "Camden", "City of London", "Croydon", "Ealing",
    "Enfield", "Greenwich", "Hackney", "Hammersmith and Fulham", "Haringey", "Harrow", "Havering", "Hillingdon",
    "Hounslow", "Islington", "Kensington and Chelsea", "Kingston upon Thames", "Lambeth", "Lewisham", "Merton",
    "Newham", "Redbridge", "Richmond upon Thames", "Southwark", "Sutton", "Tower Hamlets", "Waltham Forest",
    "Wandsworth", "Westminster",
)  # fmt: skip
AREAS = (*BOROUGHS, "London", "England")
TOPICS = ("Employment rate", "Residents with a degree", "Pupils achieving the expected standard",
          "Adults who are physically active", "Smoking prevalence", "Households in temporary accommodation",
          "Children in low income families", "Recorded crime", "Satisfaction with the local area",
          "Volunteering at least once a month")  # fmt: skip
#: The Plan's four themes, so the generated measures fill the theme pages.
THEMES = ("A better deal for children and young people", "Good jobs and employment",
          "Strong, resilient and safe communities", "Better health and wellbeing")  # fmt: skip
POLARITIES = ("Higher is better", "Lower is better", "No polarity")
MISSING = ("Data not published", "[x]", "Suppressed")
MISSING_SHARE = 0.02


@dataclass(frozen=True)
class Scale:
    name: str
    measures: int
    periods: int
    areas: int = len(AREAS)

    @property
    def observations(self) -> int:
        return self.measures * self.periods * self.areas

    @property
    def series_count(self) -> int:
        return self.measures * self.areas


#: The issue's sizes: about 350,000 values (35 areas x 500 measures x 20 years), and a million; the million-value
#: workbook has 100,000 rows (2,858 measures x 35 areas) of 10 years.
SCALES = {
    "scale": Scale("scale", 500, 20),
    "million": Scale("million", 1429, 20),
    "million-wide": Scale("million-wide", 2858, 10),
    # every row a measure of its own, new to the database: the import's work per measure (issue 19)
    "many-measures": Scale("many-measures", 100_000, 10, areas=1),
}


def periods(count: int, last: int = 2024) -> list[str]:
    """Financial years, oldest first, ending with last/last+1 ('2005/06' ... '2024/25')."""
    return [f"{y}/{(y + 1) % 100:02d}" for y in range(last - count + 1, last + 1)]


def measure_name(number: int) -> str:
    return f"{TOPICS[number % len(TOPICS)]} (scale indicator {number + 1:04d})"


@dataclass(frozen=True)
class Series:
    measure: str
    area: str
    polarity: str
    theme: str
    values: list[str]  # as written in a cell: "64.7", or a missing-value marker


def series(scale: Scale, seed: int = 2026) -> Iterator[Series]:
    """Every measure's series for every area: a random walk, about 1 value in 50 missing."""
    rng = random.Random(seed)
    for m in range(scale.measures):
        name, polarity, theme = measure_name(m), POLARITIES[m % 3], THEMES[m % len(THEMES)]
        for area in AREAS[: scale.areas]:
            level, values = rng.uniform(5, 90), []
            for _ in range(scale.periods):
                level = min(99.0, max(0.5, level + rng.gauss(0, 1.5)))
                values.append(rng.choice(MISSING) if rng.random() < MISSING_SHARE else f"{level:.1f}")
            yield Series(name, area, polarity, theme, values)


def write_csv(scale: Scale, path: Path) -> Path:
    """A tidy CSV: Indicator, Area name, Time period, Value, Polarity, Theme."""
    labels = periods(scale.periods)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Indicator", "Area name", "Time period", "Value", "Polarity", "Theme"])
        for s in series(scale):
            writer.writerows((s.measure, s.area, label, value, s.polarity, s.theme)
                             for label, value in zip(labels, s.values, strict=True))  # fmt: skip
    return path


def write_report_xlsx(scale: Scale, path: Path) -> Path:
    """A report-style workbook: a sheet per theme, each with a title row and one table (Measure, Area, Polarity,
    one column per year), numbers stored as numbers with a one-decimal format."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    sheets = {}
    for theme in THEMES:
        sheet = sheets[theme] = book.create_sheet(theme[:31])
        sheet.append([f"Tower Hamlets data: {theme.lower()}"])
        sheet.append([])
        sheet.append(["Measure", "Area", "Polarity", *periods(scale.periods)])
    for s in series(scale):
        sheet = sheets[s.theme]
        cells: list[object] = [s.measure, s.area, s.polarity]
        for value in s.values:
            if value in MISSING:
                cells.append(value)
            else:
                cell = WriteOnlyCell(sheet, value=float(value))
                cell.number_format = "0.0"
                cells.append(cell)
        sheet.append(cells)
    book.save(path)
    return path
