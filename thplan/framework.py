"""The Plan's framework: objective, themes, outcomes and the measure catalogue, with name lookups."""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass, field

from thplan.area import HOME_AREA
from thplan.measure import Measure, normalise_name
from thplan.outcome import Outcome
from thplan.theme import Theme

DEFAULT_BASELINE = "2017/18"


@dataclass(frozen=True)
class Settings:
    objective: str = ""
    baseline: str = DEFAULT_BASELINE
    home_area: str = HOME_AREA


@dataclass(frozen=True)
class Framework:
    settings: Settings = field(default_factory=Settings)
    themes: tuple[Theme, ...] = ()
    outcomes: tuple[Outcome, ...] = ()
    measures: tuple[Measure, ...] = ()

    def theme(self, theme_id: str) -> Theme | None:
        return self._themes.get(theme_id)

    @functools.cached_property
    def _themes(self) -> dict[str, Theme]:
        found: dict[str, Theme] = {}
        for theme in self.themes:
            found.setdefault(theme.id, theme)  # the first of one id, as a search would find
        return found

    def outcome(self, outcome_id: str) -> Outcome | None:
        return next((o for o in self.outcomes if o.id == outcome_id), None)

    def measure(self, measure_id: str) -> Measure | None:
        return self._by_id.get(measure_id)

    @functools.cached_property
    def _by_id(self) -> dict[str, Measure]:
        return {m.id: m for m in self.measures}

    @functools.cached_property
    def _by_key(self) -> dict[str, Measure]:
        """Normalised id, name and aliases -> measure (the first measure to claim a key keeps it)."""
        index: dict[str, Measure] = {}
        for measure in self.measures:
            for name in (measure.id, *measure.names):
                index.setdefault(normalise_name(name), measure)
        return index

    @functools.cached_property
    def _candidates(self) -> dict[tuple[str, ...], list[tuple[str, Measure]]]:
        """The numbers in a normalised name or alias -> (that name, its measure): what a near match looks at.
        "Measure 1" and "Measure 2", "KS1" and "KS2" are different measures, not a typo, so a near match is looked
        for only among names with the same numbers."""
        index: dict[tuple[str, ...], list[tuple[str, Measure]]] = {}
        for measure in self.measures:
            for key in map(normalise_name, measure.names):
                index.setdefault(tuple(re.findall(r"\d+", key)), []).append((key, measure))
        return index

    def find_measure(self, name: str) -> Measure | None:
        """The catalogued measure with this id, name or alias (compared in normalised form)."""
        return self._by_id.get(name) or self._by_key.get(normalise_name(name))

    def near_measure(self, name: str, cutoff: float = 0.82) -> Measure | None:
        """A catalogued measure whose name is close to `name` without matching it."""
        key = normalise_name(name)
        candidates = self._candidates.get(tuple(re.findall(r"\d+", key)))
        if not candidates:
            return None
        best, best_ratio = None, cutoff
        matcher = difflib.SequenceMatcher(None, key, "")
        for other, measure in candidates:
            matcher.set_seq2(other)
            # The cheap upper bounds first: most candidates are far off.
            if matcher.real_quick_ratio() > best_ratio and matcher.quick_ratio() > best_ratio:
                ratio = matcher.ratio()
                if ratio > best_ratio:
                    best, best_ratio = measure, ratio
        return best

    def find_theme(self, text: str) -> Theme | None:
        """The theme a title or sheet name refers to ('Tower Hamlets data: good jobs and employment')."""
        key = normalise_name(text)
        if not key:
            return None
        for theme in self.themes:
            if key == theme.id or normalise_name(theme.name) in key or key in normalise_name(theme.name):
                return theme
        words = set(key.split()) - _COMMON_WORDS
        best, best_score = None, 0
        for theme in self.themes:
            score = len(words & (set(normalise_name(theme.name).split()) - _COMMON_WORDS))
            if score > best_score:
                best, best_score = theme, score
        return best

    def find_outcome(self, text: str, theme_id: str = "") -> Outcome | None:
        key = normalise_name(text)
        for outcome in self.outcomes:
            if (not theme_id or outcome.theme_id == theme_id) and key in (
                outcome.id,
                normalise_name(outcome.name),
            ):
                return outcome
        return None

    def measures_of_theme(self, theme_id: str) -> list[Measure]:
        return [m for m in self.measures if m.theme_id == theme_id]

    def in_plan(self, measure: Measure) -> bool:
        """Whether a measure is one of the Plan's (in one of its themes); without a Plan (a database created empty)
        every measure counts."""
        return not self.themes or measure.theme_id in self._theme_ids

    @functools.cached_property
    def _theme_ids(self) -> frozenset[str]:
        return frozenset(t.id for t in self.themes)

    @property
    def plan_measures(self) -> tuple[Measure, ...]:
        """The measures every headline counts: the Plan's, in its order."""
        return tuple(m for m in self.measures if self.in_plan(m))

    @property
    def library_measures(self) -> tuple[Measure, ...]:
        """The indicator library: measures imports brought that are not in the Plan (context, found by search)."""
        return tuple(m for m in self.measures if not self.in_plan(m))


_COMMON_WORDS = {"a", "and", "the", "of", "for", "data", "tower", "hamlets", "better", "people", "young"}
