"""How figures and results read on screen and in exports: values with their units and published precision,
status symbols, and plain-English explanations of each classification."""

from __future__ import annotations

import re

from thplan.classification import (
    Classification,
    ComparisonLabel,
    ComparisonResult,
    GapLabel,
    GapResult,
    RankedArea,
    Ranking,
    TargetLabel,
    TargetResult,
    TrendLabel,
    TrendResult,
)
from thplan.measure import Unit
from thplan.observation import Observation
from thplan.polarity import Polarity
from thplan.value import published_decimals

#: A symbol and a colour family for every label, so status never relies on colour alone. Colours are the
#: Okabe-Ito colour-blind-safe palette (see .streamlit/config.toml, which maps Streamlit's names onto them).
STATUS_STYLE: dict[str, tuple[str, str]] = {
    TrendLabel.IMPROVED: ("▲", "green"),
    TrendLabel.WORSENED: ("▼", "red"),
    TrendLabel.SAME: ("●", "orange"),
    TrendLabel.INCREASED: ("↑", "blue"),
    TrendLabel.DECREASED: ("↓", "blue"),
    TrendLabel.UNAVAILABLE: ("○", "gray"),
    ComparisonLabel.BETTER: ("✓", "green"),
    ComparisonLabel.WORSE: ("✗", "red"),
    ComparisonLabel.SIMILAR: ("≈", "orange"),
    ComparisonLabel.HIGHER: ("↑", "blue"),
    ComparisonLabel.LOWER: ("↓", "blue"),
    ComparisonLabel.NOT_COMPARED: ("–", "gray"),
    # the gap to London (R14): no judgement in the colour (a gap closing from above London is no better)
    GapLabel.CLOSING: ("><", "blue"),
    GapLabel.WIDENING: ("<>", "blue"),
    GapLabel.CROSSED: ("×", "blue"),
    GapLabel.NO_CHANGE: ("=", "gray"),
    GapLabel.UNAVAILABLE: ("○", "gray"),
    TargetLabel.ON_TARGET: ("✓", "green"),
    TargetLabel.WITHIN_TOLERANCE: ("◐", "orange"),
    TargetLabel.OFF_TARGET: ("✗", "red"),
    TargetLabel.NO_TARGET: ("–", "gray"),
}
#: Delivery statuses, also by symbol and words as well as colour.
DELIVERY_STYLE: dict[str, tuple[str, str]] = {
    "On Track": ("●", "green"),
    "Completed": ("✓", "blue"),
    "Delayed": ("◔", "orange"),
    "At Risk": ("⚠", "red"),
    "Not Started": ("○", "gray"),
}
#: Okabe-Ito hex values for the colour families (charts and exported workbooks use these directly).
HEX = {"green": "#009E73", "red": "#D55E00", "orange": "#E69F00", "blue": "#0072B2", "gray": "#8C8C8C"}
TINT = {"green": "#D4F0E7", "red": "#F9DFD0", "orange": "#FBEFD2", "blue": "#D6E8F5", "gray": "#EEEEEE"}


def symbol(label: str) -> str:
    return STATUS_STYLE.get(label, ("", "gray"))[0]


def colour(label: str) -> str:
    return STATUS_STYLE.get(label, ("", "gray"))[1]


def badge_text(label: str) -> str:
    """'▲ Improved' – the symbol and the words, never the colour alone."""
    return f"{symbol(label)} {label}".strip()


def published(value: float, decimals: int) -> float:
    """A value rounded as it is shown (for exports: a number, at the precision on screen)."""
    return round(value, published_decimals(value, decimals))


def number(value: float | None, decimals: int = 0) -> str:
    if value is None:
        return ""
    return f"{value:,.{published_decimals(value, decimals)}f}"


def stored_text(value: object, decimals: object, missing: object) -> str:
    """A stored value as a table of values shows it ('72.9', '1,113', or its missing reason), from a frame's cells
    (blank cells are NaN or None)."""
    if value is None or value != value:  # None or NaN
        return "" if missing is None or missing != missing else str(missing)
    places = 0 if decimals is None or decimals != decimals else int(decimals)  # type: ignore[call-overload]
    return number(float(value), places)  # type: ignore[arg-type]


def value_text(value: float | None, decimals: int, unit: Unit | None, *, long: bool = False) -> str:
    """A value as published: '64.7%', '£773.34', '1,031', '263.0 per 100,000' (long) or '263.0' (short)."""
    if value is None:
        return ""
    text = number(value, decimals)
    if unit is Unit.PERCENT:
        return f"{text}%"
    if unit is Unit.POUNDS:
        return f"-£{text[1:]}" if text.startswith("-") else f"£{text}"
    if long and unit in _LONG_UNITS:
        return f"{text} {_LONG_UNITS[unit]}"
    return text


_LONG_UNITS = {Unit.RATE_100K: "per 100,000", Unit.RATE_10K: "per 10,000", Unit.RATE_1K: "per 1,000",
               Unit.YEARS: "years"}  # fmt: skip


def observation_text(o: Observation | None, unit: Unit | None, *, long: bool = False) -> str:
    if o is None:
        return ""
    if o.value is None:
        return o.missing or ""
    return value_text(o.value, o.decimals, unit, long=long)


def polarity_phrase(polarity: Polarity) -> str:
    return {
        Polarity.HIGHER: "higher is better",
        Polarity.LOWER: "lower is better",
        Polarity.NONE: "no polarity: neither direction is better",
    }[polarity]


def trend_sentence(result: TrendResult, unit: Unit | None, polarity: Polarity) -> str:
    """'Improved: 64.7% in 2017/18 to 72.9% in 2021/22; higher is better.'"""
    if result.label is TrendLabel.UNAVAILABLE:
        if result.end is not None:
            only = observation_text(result.end, unit, long=True)
            if result.earlier:
                return (
                    f"Only one value from the baseline on: {only} in {result.end.period.label} (the "
                    f"{_plural(result.earlier, 'earlier value is', 'earlier values are')} before the baseline)."
                )
            return f"One value so far: {only} in {result.end.period.label} (a trend needs two)."
        return "No data yet."
    assert result.start is not None and result.end is not None
    start = observation_text(result.start, unit, long=True)
    end = observation_text(result.end, unit, long=True)
    return (
        f"{trend_words(result)}: {start} in {result.start.period.label} to {end} in {result.end.period.label}; "
        f"{polarity_phrase(polarity)}."
    )


def _plural(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def comparison_sentence(result: ComparisonResult, area: str, unit: Unit | None) -> str:
    """'Worse than London: 72.9% against 74.9% (2021/22).'"""
    bench = result.benchmark_area
    if result.label is ComparisonLabel.NOT_COMPARED:
        return f"Not compared with {bench}: {result.method}."
    assert result.value is not None and result.benchmark is not None
    ours = observation_text(result.value, unit, long=True)
    theirs = observation_text(result.benchmark, unit, long=True)
    relation = {
        ComparisonLabel.BETTER: f"Better than {bench}",
        ComparisonLabel.WORSE: f"Worse than {bench}",
        ComparisonLabel.SIMILAR: f"Similar to {bench}",
        ComparisonLabel.HIGHER: f"Higher than {bench}",
        ComparisonLabel.LOWER: f"Lower than {bench}",
    }[result.label]
    when = result.value.effective_period.label
    bench_when = result.benchmark.effective_period.label
    if not result.benchmark.dated:
        periods = f"{area} {when}; {bench}'s figure, period not stated in the source"
    elif result.same_period or when == bench_when:
        periods = when
    else:
        periods = f"{area} {when}, {bench} {bench_when}"
    return f"{relation}: {ours} against {theirs} ({periods})."


def change_text(c: Classification) -> tuple[str, str]:
    """The change since the previous value ('+0.3' or '-1.2 points') and how to colour it: 'normal' when a rise is
    good, 'inverse' when a fall is good, 'off' with no polarity (Streamlit's delta colours)."""
    previous, latest = c.previous, c.latest
    if previous is None or latest is None or previous.value is None or latest.value is None:
        return "", "off"
    decimals = max(published_decimals(previous.value, previous.decimals),
                   published_decimals(latest.value, latest.decimals))  # fmt: skip
    delta = latest.value - previous.value
    points = " points" if c.measure.unit is Unit.PERCENT else ""
    text = f"{delta:+,.{decimals}f}{points} since {previous.period.label}"
    mode = {Polarity.HIGHER: "normal", Polarity.LOWER: "inverse", Polarity.NONE: "off"}[c.measure.polarity]
    return text, mode


def since_label(result: TrendResult, baseline: str) -> str:
    """'Since 2018/19': the period the overall trend really starts from (the Plan's baseline when a measure has
    fewer than two values)."""
    if result.label is TrendLabel.UNAVAILABLE or result.start is None:
        return f"Since {baseline}"
    return f"Since {result.start.period.label}"


def data_status(result: TrendResult) -> str:
    """Why a trend is Data Unavailable, in words: 'One value so far' or 'No data yet' ('' for a trend)."""
    if result.label is not TrendLabel.UNAVAILABLE:
        return ""
    if result.end is None:
        return "No data yet"
    return "Only one value" if result.earlier else "One value so far"


def trend_words(result: TrendResult) -> str:
    """A trend's label as a badge says it, with what qualifies it: 'Improved, not comparable: telephone survey
    from 2020/21'; 'One value so far' where Data Unavailable would hide a value on the same screen."""
    if result.label is TrendLabel.UNAVAILABLE:
        return data_status(result)
    if result.series_break is not None:
        return f"{result.label.value}, not comparable: {break_words(result.series_break)}"
    return result.label.value


def break_words(o: Observation) -> str:
    """What a series break is, shortly: the first clause of its note ('telephone survey') and when it began."""
    clause = re.split(r",|;|\.\s| - | so ", re.sub(r"^[\W_]*(n\.?\s?b\.?|note)\s*[:.]?\s*", "", o.note or "",
                                                 flags=re.IGNORECASE), maxsplit=1)[0].strip()  # fmt: skip
    what = f"{clause[0].lower()}{clause[1:]}" if clause else "series break"
    return f"{what} from {o.period.label}"


def trend_badge(result: TrendResult) -> str:
    """'▲ Improved', '○ One value so far': symbol and words, never colour alone."""
    return f"{symbol(result.label)} {trend_words(result)}".strip()


def value_and_unit(o: Observation | None, unit: Unit | None) -> tuple[str, str]:
    """A headline value and the words of its unit apart ('51.6', 'per 100,000'), so that neither is cut off where
    space is short; '%' and '£' stay with the number."""
    if o is None:
        return "No data", ""
    if o.value is None:
        return o.missing or "No data", ""
    return value_text(o.value, o.decimals, unit), _LONG_UNITS.get(unit, "") if unit else ""


def spreadsheet_number(value: float, decimals: int, unit: Unit | None, footnote: str | None = None
                       ) -> tuple[float, str]:  # fmt: skip
    """A value as a spreadsheet cell holds it: the number ('64.7%' is 0.647) and the number format that shows it as
    published ('0.0%', '#,##0', '"£"#,##0.00'), a footnote mark written after it by the format ('0%"*"')."""
    places = published_decimals(value, decimals)
    digits = "0" + ("." + "0" * places if places else "")
    if unit is Unit.PERCENT:
        number, fmt = round(value / 100, places + 2), f"{digits}%"
    elif unit is Unit.POUNDS:
        number, fmt = round(value, places), f'"£"#,##{digits}'
    else:
        number, fmt = round(value, places), f"#,##{digits}"
    if footnote:
        fmt += '"' + footnote.replace('"', "") + '"'
    return number, fmt


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 22nd."""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


_RELATION = {
    ComparisonLabel.BETTER: "better than", ComparisonLabel.WORSE: "worse than", ComparisonLabel.SIMILAR: "similar to",
    ComparisonLabel.HIGHER: "higher than", ComparisonLabel.LOWER: "lower than",
}  # fmt: skip


def rank_sentence(ranking: Ranking, noun: str, home: str) -> str:
    """'Tower Hamlets ranks 12th of 33 London boroughs in 2016 (1st is best); similar to London.' (R12)"""
    counted = len(ranking.ranked)
    if ranking.period is None:
        return f"No {noun} have a value to rank yet."
    first = "1st is best" if ranking.by_polarity else "1st is the highest"
    mine = ranking.of(home)
    if mine is None:
        why = "has no value for" if home in ranking.unranked else "is not one of the areas ranked in"
        return f"{home} {why} {ranking.period.label}; {counted} {noun} are ranked ({first})."
    joint = "joint " if sum(1 for r in ranking.ranked if r.rank == mine.rank) > 1 else ""
    result = mine.comparison
    versus = (f"{_RELATION[result.label]} {result.benchmark_area}" if result.label in _RELATION
              else f"not compared with {result.benchmark_area} ({result.method})")  # fmt: skip
    return (
        f"{home} ranks {joint}{ordinal(mine.rank)} of {counted} {noun} in {ranking.period.label} ({first}); {versus}."
    )


def ranking_rule(ranking: Ranking, home: str) -> str:
    """How the ranking was made: its period, ties, and the areas left out (R12)."""
    if ranking.period is None:
        return ""
    whose = f"{home}'s latest" if ranking.of(home) is not None or home in ranking.unranked else "the latest"
    parts = [f"Ranked on {ranking.period.label}, {whose} period with a value."]
    if ranking.tied:
        parts.append("Areas whose values are equal at published precision share a rank.")
    if ranking.unranked:
        parts.append(f"Not ranked, with no value for {ranking.period.label}: {', '.join(ranking.unranked)}.")
    return " ".join(parts)


def gap_sentence(result: GapResult, home: str, unit: Unit | None) -> str:
    """'Closing: 5.0 points below London in 2017/18, 2.1 below in 2021/22.' (R14)"""
    first, latest = result.first, result.latest
    bench = result.benchmark_area
    if result.label is GapLabel.UNAVAILABLE or first is None or latest is None:
        return f"Not available: {home} and {bench} need values for two periods in common."

    def gap(item: tuple[str, Observation, Observation]) -> str:
        period, ours, theirs = item
        assert ours.value is not None and theirs.value is not None
        decimals = max(published_decimals(ours.value, ours.decimals), published_decimals(theirs.value, theirs.decimals))
        size = abs(round(ours.value - theirs.value, decimals))
        if size == 0:
            return f"level with {bench} in {period}"
        side = "above" if ours.value > theirs.value else "below"
        points = " points" if unit is Unit.PERCENT else ""
        return f"{size:,.{decimals}f}{points} {side} {bench} in {period}"

    return f"{result.label}: {gap(first)}; {gap(latest)}."


def shown_around(ranking: Ranking, home: str, size: int) -> tuple[RankedArea, ...]:
    """At most `size` ranked areas for a chart that must stay readable: all of them when they fit, otherwise the
    run of neighbours in rank with the home area in its middle (the top of the ranking when it is not ranked)."""
    ranked = ranking.ranked
    if len(ranked) <= size:
        return ranked
    mine = next((n for n, r in enumerate(ranked) if r.area == home), 0)
    start = min(max(0, mine - size // 2), len(ranked) - size)
    return ranked[start : start + size]


RANKING_COLUMNS = ["Rank", "Area", "Period", "Value", "Lower 95% CI", "Upper 95% CI", "Compared with"]


def ranking_rows(unit: Unit | None, ranking: Ranking) -> list[dict[str, object]]:
    """The ranked table, as shown and downloaded: values at published precision, tied areas with one rank."""
    rows: list[dict[str, object]] = []
    for r in ranking.ranked:
        o, c = r.observation, r.comparison
        interval = o.lower_ci is not None and o.upper_ci is not None
        decimals = published_decimals(o.value or 0.0, o.decimals)
        rows.append({
            "Rank": str(r.rank),
            "Area": r.area, "Period": o.effective_period.label,
            "Value": observation_text(o, unit),
            "Lower 95% CI": number(o.lower_ci, decimals) if interval else "",
            "Upper 95% CI": number(o.upper_ci, decimals) if interval else "",
            "Compared with": f"{badge_text(c.label)} ({c.benchmark_area})",
        })  # fmt: skip
    rows.extend({"Rank": "Not ranked", "Area": a, "Period": "", "Value": "no value", "Lower 95% CI": "",
                 "Upper 95% CI": "", "Compared with": ""} for a in ranking.unranked)  # fmt: skip
    return rows


def target_sentence(result: TargetResult, unit: Unit | None) -> str:
    """'Off target: 72.9% in 2021/22 against a target of 75% (tolerance 1.5).' (R15)"""
    if result.value is None:
        return "No value to judge against a target yet."
    ours = f"{observation_text(result.value, unit, long=True)} in {result.value.effective_period.label}"
    target = result.target
    if target is None:
        return f"No target for {result.value.effective_period.label}."
    tolerance = f" (tolerance {target.tolerance})" if target.tolerance is not None else ""
    if target.direction is not None:
        if result.previous is None:
            return f"{result.label}: {target.direction} cannot be judged ({result.method})."
        before = f"{observation_text(result.previous, unit, long=True)} in {result.previous.effective_period.label}"
        return f"{result.label}: {ours} against the aim to {target.direction.lower()} on {before}{tolerance}."
    aim = value_text(target.value, target.decimals, unit, long=True)
    return f"{result.label}: {ours} against a target of {aim}{tolerance}."
