"""The spine chart's rows: for each measure of a theme, where the home area's value lies within its peer group's
spread (R13), beside London and England, as Fingertips draws its area profiles."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from thplan.area import ENGLAND, LONDON
from thplan.classification import (
    Classification,
    RankedArea,
    Ranking,
    Spread,
    peer_spread,
    rank_areas,
    value_in,
)
from thplan.display import badge_text, observation_text, ordinal, value_text
from thplan.measure import Unit
from thplan.observation import Observation
from thplan.peers import PeerGroup
from thplan.polarity import Polarity
from thplan.value import published_decimals
from thplan.view import View


@dataclass(frozen=True)
class SpineRow:
    classification: Classification
    ranking: Ranking
    spread: Spread | None
    london: Observation | None
    england: Observation | None

    @property
    def home(self) -> RankedArea | None:
        return self.ranking.of(self.classification.area)

    @property
    def why_not(self) -> str:
        """Why the row has no spine: '' when it has one."""
        if self.spread is not None:
            return ""
        if not self.ranking.ranked:
            return "no figures for this group yet"
        count = len(self.ranking.ranked)
        return f"only {count} of the group {'has' if count == 1 else 'have'} a value (a spread needs four)"

    @property
    def rank_text(self) -> str:
        """'4th of 32'; '4th highest of 32' for a measure with no polarity (R12a)."""
        mine = self.home
        if mine is None:
            return ""
        highest = "" if self.ranking.by_polarity else " highest"
        return f"{ordinal(mine.rank)}{highest} of {len(self.ranking.ranked)}"

    def position(self, value: float | None) -> float | None:
        """Where a value lies on the row, 0 at the group's worst to 1 at its best (lowest to highest with no
        polarity), so that better is always to the right."""
        if value is None or self.spread is None:
            return None
        low, high = self.spread.lowest, self.spread.highest
        if high == low:
            return 0.5
        where = (value - low) / (high - low)
        return 1 - where if self.classification.measure.polarity is Polarity.LOWER else where


def group_ranking(view: View, c: Classification, group: PeerGroup, benchmark: str) -> Ranking:
    """R12: the measure's areas of the group, ranked, each compared with the benchmark."""
    series = {a: view.observations(c.measure.id, a) for a in group.among(view.areas_of(c.measure.id))}
    return rank_areas(c.measure, series, view.area, benchmark, view.observations(c.measure.id, benchmark))


def spine_rows(view: View, measures: Sequence[Classification], group: PeerGroup, benchmark: str) -> list[SpineRow]:
    """A row for each measure: its ranking in the group (R12) and the group's spread (R13) for that period."""
    rows = []
    for c in measures:
        ranking = group_ranking(view, c, group, benchmark)
        spread = peer_spread(r.observation.value for r in ranking.ranked)  # type: ignore[misc]
        label = ranking.period.label if ranking.period else ""
        london, england = (value_in(view.observations(c.measure.id, a), label) for a in (LONDON, ENGLAND))
        rows.append(SpineRow(c, ranking, spread, london, england))
    return rows


SPINE_COLUMNS = ["Measure", "Period", "Value", "Rank", "Compared with", "London", "England", "Lowest", "Median",
                 "Highest"]  # fmt: skip


def spine_table(rows: Sequence[SpineRow], home: str) -> list[dict[str, str]]:
    """The spine's figures as a table, at published precision."""
    table = []
    for row in rows:
        unit, mine, s = row.classification.measure.unit, row.home, row.spread
        places = max((published_decimals(r.observation.value or 0.0, r.observation.decimals)
                      for r in row.ranking.ranked), default=0)  # fmt: skip

        def shown(value: float | None, places: int = places, unit: Unit | None = unit) -> str:
            return value_text(value, places, unit) if value is not None else ""

        table.append({
            "Measure": row.classification.measure.name,
            "Period": row.ranking.period.label if row.ranking.period else "",
            "Value": observation_text(mine.observation, unit) if mine else f"no value for {home}",
            "Rank": row.rank_text,
            "Compared with": f"{badge_text(mine.comparison.label)} ({mine.comparison.benchmark_area})" if mine else "",
            "London": observation_text(row.london, unit), "England": observation_text(row.england, unit),
            "Lowest": shown(s.lowest if s else None), "Median": shown(s.median if s else None),
            "Highest": shown(s.highest if s else None) or row.why_not,
        })  # fmt: skip
    return table
