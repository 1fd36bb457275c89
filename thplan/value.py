"""Values as officers write them in a cell: numbers with %, £, thousands separators and footnote markers,
values with the period they really cover, missing-value markers with their reason, notes, and cells that
hold several benchmark areas at once."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

FOOTNOTE_MARKS = "*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰"

#: Missing-value markers and the reason we keep for each (keys are lower-cased).
MISSING_MARKERS: dict[str, str] = {
    "data not published": "Data not published",
    "not published": "Data not published",
    "data unavailable": "Data Unavailable",
    "data not available": "Data Unavailable",
    "not available": "Data Unavailable",
    "unavailable": "Data Unavailable",
    "n/a": "N/A",
    "na": "N/A",
    "#n/a": "N/A",
    "not applicable": "N/A",
    "-": "Not stated (-)",
    "–": "Not stated (-)",
    "—": "Not stated (-)",
    "--": "Not stated (--)",
    "..": "Not available (..)",
    ".": "Not available (.)",
    "...": "Not available (..)",
    "tbc": "To be confirmed (tbc)",
    "tbd": "To be confirmed (tbc)",
    "suppressed": "Suppressed",
    "supp": "Suppressed (SUPP)",
    "*": "Suppressed (*)",
    "[c]": "Confidential ([c])",
    "[x]": "Not available ([x])",
    "[z]": "Not applicable ([z])",
    "[low]": "Rounds to zero ([low])",
    # As the DfE, NOMIS and Eurostat write them, without brackets: a letter alone in a value cell is never a number.
    "c": "Confidential (c)",
    "x": "Not available (x)",
    "z": "Not applicable (z)",
    "u": "Low reliability (u)",
    "low": "Rounds to zero (low)",
    ":": "Not available (:)",
    "!": "Not available (!)",
    "#": "Not available (#)",
    "~0": "Too small to display (~0)",  # ONS: a figure that rounds to nothing
    "~": "Too small to display (~)",  # APS: an estimate under 500; the DfE: under 0.5%
}


#: More decimal places than this is a computed float (Fingertips' files give 94.7261896202678), not a figure as
#: published: it is shown as Fingertips shows its figures, to one decimal place (a small value to two significant
#: figures). The stored value keeps every digit.
MAX_PUBLISHED_DECIMALS = 4


def published_decimals(value: float, decimals: int) -> int:
    """The decimal places a value is shown with: as written, unless that is a computed float (see above)."""
    if decimals <= MAX_PUBLISHED_DECIMALS:
        return max(decimals, 0)
    if value == 0 or abs(value) >= 1:
        return 1
    return min(MAX_PUBLISHED_DECIMALS, 1 - math.floor(math.log10(abs(value))))


def is_missing_marker(text: str) -> bool:
    """A cell's text is one of the markers written in place of a value ('n/a', '..', '[x]', '[y]')."""
    lowered = " ".join(text.split()).lower()
    return lowered in MISSING_MARKERS or bool(_SHORTHAND.fullmatch(lowered) or _FEWER_THAN.fullmatch(lowered))


_FEWER_THAN = re.compile(r"<\s*(\d+)")
#: A letter in square brackets in place of a value: the shorthand of government statistics for why there is none.
_SHORTHAND = re.compile(r"\[[a-z]\]")
#: Markers that keep the value but flag it.
FLAG_MARKERS = {
    "[u]": "Low reliability ([u])",
    "[p]": "Provisional ([p])",
    "(p)": "Provisional (p)",
    "[r]": "Revised ([r])",
    "(r)": "Revised (r)",
    "[e]": "Estimated ([e])",
    "(e)": "Estimated (e)",
}

_NUMBER = re.compile(
    r"""^(?P<neg>[-+−]?)\s*(?P<cur>£)?\s*(?P<neg2>[-−]?)
        (?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?P<exp>e[-+]?\d{1,2})?
        \s*(?P<pct>%)?\s*(?P<mark>[*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰]+)?
        \s*(?P<note>\[notes?\s+[\w ,]+\])?
        \s*(?:\((?P<covers>[^()]*\d{4}[^()]*)\))?\s*(?P<flag>\[[upre]\]|\([pre]\))?$""",
    re.VERBOSE | re.IGNORECASE,
)
_AREA_VALUE = re.compile(
    r"(?P<area>[A-Za-z][A-Za-z .'&-]*?)\s*:?\s*(?P<value>[-−]?\d[\d,]*(?:\.\d+)?\s*%?)(?=\s|$|;|,\s)"
)


class CellError(ValueError):
    """A cell that is neither a number, nor a known missing marker, nor a note."""


@dataclass(frozen=True)
class CellValue:
    value: float | None = None
    decimals: int = 0
    percent: bool = False
    currency: bool = False
    missing: str | None = None
    note: str | None = None
    footnote: str | None = None
    covers: str | None = None
    flags: tuple[str, ...] = ()
    areas: dict[str, CellValue] = field(default_factory=dict)
    area_period: str | None = None

    @property
    def blank(self) -> bool:
        return self.value is None and self.missing is None and not self.areas

    @property
    def available(self) -> bool:
        return self.value is not None


BLANK = CellValue()


def fifteen(number: float) -> float:
    """A number as a spreadsheet holds it: 15 significant digits (Excel keeps no more)."""
    return float(f"{number:.15g}")


def decimals_of(number: float) -> int:
    """Decimal places of a number as written (a float from a spreadsheet cell)."""
    text = repr(fifteen(number))
    if "e" in text or "." not in text:
        return 0
    return len(text.split(".")[1].rstrip("0"))


def _clean(number: float) -> float:
    """Remove the float noise of a unit conversion (0.647 * 100 is 64.70000000000002)."""
    return float(f"{number:.12g}")


def parse_value(
    raw: object,
    *,
    percent_format: bool = False,
    format_decimals: int | None = None,
    allow_areas: bool = False,
) -> CellValue:
    """Read one value cell. `percent_format` is true when a numeric cell is formatted as a percentage."""
    if raw is None:
        return BLANK
    if isinstance(raw, bool):
        raise CellError(f"'{raw}' is not a number.")
    if isinstance(raw, int | float):
        if math.isnan(raw):
            return BLANK
        if not abs(raw) < LARGEST:
            raise CellError(_too_large(raw))
        number = float(raw)
        if percent_format:
            number = _clean(number * 100)
            decimals = format_decimals if format_decimals is not None else decimals_of(number)
            return CellValue(value=number, decimals=decimals, percent=True)
        decimals = format_decimals if format_decimals is not None else decimals_of(number)
        return CellValue(value=fifteen(number), decimals=decimals)
    text = " ".join(str(raw).replace("\u00a0", " ").split())
    if not text:
        return BLANK
    lowered = text.lower()
    if lowered in MISSING_MARKERS:
        return CellValue(missing=MISSING_MARKERS[lowered])
    if m := _FEWER_THAN.fullmatch(lowered):  # '<5': suppressed, as councils and the police write it
        return CellValue(missing=f"Fewer than {m.group(1)} ({text})")
    if _SHORTHAND.fullmatch(lowered):  # the government's shorthand ([y], [w], ...): each file's notes say which
        return CellValue(missing=f"Marked {lowered} (see the file's notes)")
    if m := _NUMBER.match(text):
        return _number(m)
    if allow_areas and (areas := _areas(text)):
        return areas
    if len(re.findall(r"[A-Za-z]+", text)) >= 4 and not re.search(r"\d+(\.\d+)?\s*%", text):
        # A sentence in a value cell ("Results will be available in May 2021") is a note, not a value.
        return CellValue(missing=text, note=text)
    raise CellError(
        f"'{text}' is neither a number nor a missing-value marker we know "
        "(such as Data not published, N/A, -, .., tbc, Suppressed, [c], [x], [z])."
    )


#: No indicator reaches a thousand million million; a number beyond it (or one too long to be a number at all, read
#: as infinity) is a mistake in the file, refused rather than stored.
LARGEST = 1e15


def _too_large(shown: object) -> str:
    text = str(shown)
    text = text if len(text) <= 24 else f"{text[:12]}...{text[-4:]} ({len(text)} characters)"
    return f"'{text}' is too large to be a value (the largest is {LARGEST:,.0f}): check the cell."


def _number(m: re.Match[str]) -> CellValue:
    digits = m.group("num").replace(",", "")
    exponent = int(m.group("exp")[1:]) if m.group("exp") else 0  # '1.43E+07', as a spreadsheet writes it to CSV
    if not abs(float(digits) * 10.0**exponent) < LARGEST:
        raise CellError(_too_large(m.group(0)))
    sign = (m.group("neg") or "") + (m.group("neg2") or "")
    magnitude = float(digits + (m.group("exp") or ""))
    number = fifteen(-magnitude if sign in ("-", "−") else magnitude)
    decimals = max(0, (len(digits.split(".")[1]) if "." in digits else 0) - exponent)
    if len(digits.replace(".", "").lstrip("0")) > 15:  # more digits than a spreadsheet keeps: float noise
        decimals = decimals_of(number)
    flags = (FLAG_MARKERS[m.group("flag").lower()],) if m.group("flag") else ()
    return CellValue(
        value=number,
        decimals=decimals,
        percent=bool(m.group("pct")),
        currency=bool(m.group("cur")),
        footnote=m.group("mark") or m.group("note"),
        covers=(m.group("covers") or "").strip() or None,
        flags=flags,
    )


def _areas(text: str) -> CellValue | None:
    """'Inner: 2.9% Outer: 0.1% Greater London: 1.9%' or '2016 Data Central 100% Inner 48% ...'."""
    period = None
    body = text
    if m := re.match(r"^(\d{4}(?:\s*[/-]\s*\d{2,4})?)\s+(?:data\s+)?", text, re.IGNORECASE):
        period, body = m.group(1), text[m.end() :]
    found = list(_AREA_VALUE.finditer(body))
    if len(found) < 2:
        return None
    if _AREA_VALUE.sub("", body).strip(" ;,"):
        return None
    areas = {f.group("area").strip(" .:"): parse_value(f.group("value")) for f in found}
    return CellValue(areas=areas, area_period=period)
