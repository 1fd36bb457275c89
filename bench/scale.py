"""Generate the scale datasets: the reference framework's areas grown to every London borough, London and England,
hundreds of measures and twenty years, as a tidy CSV and as a report-style workbook (deterministic: seeded)."""

from __future__ import annotations

import csv
import random
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


@dataclass(frozen=True)
class Scale:
    name: str
    measures: int
    periods: int
    areas: int = len(AREAS)

    @property
    def observations(self) -> int:
        return self.measures * self.periods * self.areas


#: The issue's two sizes: about 350,000 and 1,000,000 observations.
SCALES = {"scale": Scale("scale", 500, 20), "million": Scale("million", 1429, 20)}


def periods(count: int, last: int = 2024) -> list[str]:
    """Financial years ending with last/last+1, oldest first ('2005/06' ... '2024/25')."""
    return [f"{y}/{(y + 1) % 100:02d}" for y in range(last - count + 1, last + 1)]


def measure_name(number: int) -> str:
    return f"{TOPICS[number % len(TOPICS)]} (scale indicator {number + 1:04d})"


def _series(rng: random.Random, count: int) -> list[float]:
    level = rng.uniform(5, 90)
    values = []
    for _ in range(count):
        level = min(99.0, max(0.5, level + rng.gauss(0, 1.5)))
        values.append(round(level, 1))
    return values


def rows(scale: Scale, seed: int = 2026) -> list[tuple[str, str, str, str, str, str]]:
    """(measure, area, period, value, polarity, theme), one per observation; about 1 in 50 values missing."""
    rng = random.Random(seed)
    labels = periods(scale.periods)
    out = []
    for m in range(scale.measures):
        name, polarity, theme = measure_name(m), POLARITIES[m % 3], THEMES[m % len(THEMES)]
        for area in AREAS[: scale.areas]:
            for label, value in zip(labels, _series(rng, scale.periods), strict=True):
                text = rng.choice(MISSING) if rng.random() < 0.02 else f"{value:.1f}"
                out.append((name, area, label, text, polarity, theme))
    return out


def write_csv(scale: Scale, path: Path) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Indicator", "Area name", "Time period", "Value", "Polarity", "Theme"])
        writer.writerows(rows(scale))
    return path


def write_report_xlsx(path: Path, row_count: int = 100_000, period_count: int = 10, seed: int = 2026) -> Path:
    """A report-style workbook: per theme a sheet with a title row and one table (Measure, Area, Polarity, one
    column per year), `row_count` measure rows in all, values formatted to one decimal place."""
    from openpyxl import Workbook

    rng = random.Random(seed)
    labels = periods(period_count)
    book = Workbook(write_only=True)
    per_sheet = -(-row_count // len(THEMES))
    written = 0
    number = 0
    for theme in THEMES:
        sheet = book.create_sheet(theme[:31])
        sheet.append([f"Tower Hamlets data: {theme.lower()}"])
        sheet.append([])
        sheet.append(["Measure", "Area", "Polarity", *labels])
        for _ in range(min(per_sheet, row_count - written) // len(AREAS) + 1):
            name, polarity = measure_name(number), POLARITIES[number % 3]
            number += 1
            for area in AREAS:
                if written >= row_count or sheet_rows_full(written, per_sheet, theme):
                    break
                values = [v if rng.random() >= 0.02 else rng.choice(MISSING) for v in _series(rng, period_count)]
                sheet.append([name, area, polarity, *values])
                written += 1
    book.save(path)
    return path


def sheet_rows_full(written: int, per_sheet: int, theme: str) -> bool:
    return written >= per_sheet * (THEMES.index(theme) + 1)
