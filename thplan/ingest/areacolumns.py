"""Which columns of a table with an area in each row name its areas: the names (the most specific of several:
a region's name repeating beside its authorities is a parent area), their ONS codes, and the columns that only
describe the areas (a region, Inner or Outer London); and each row's area, by its code where the code is known."""

from __future__ import annotations

import re
from collections.abc import Sequence

from thplan.area import area_key, canonical_area, clean_name, is_known_area
from thplan.ingest.grid import Grid
from thplan.ingest.headers import heading, role_of
from thplan.ingest.parsed import Parsed
from thplan.ingest.problems import error
from thplan.value import CellError, parse_value

AREA_HEADERS = {"area label", "area name", "area", "local authority", "local authority name", "la name",
                "borough", "geography", "geography name", "areaname", "area long label", "place",
                "dataset name"}  # fmt: skip
_CODE = re.compile(r"^[EWSNK]\d{8}$")
#: ONS's codes of Westminster parliamentary constituencies, many named as a district is.
_CONSTITUENCY = re.compile(r"^(?:E14|W07|S14|N06)\d{6}$")


def find_area_column(grid: Grid, row: int) -> int | None:
    """The column naming each row's area: of the columns headed as area names, the one whose rows differ most (a
    region's name repeats beside each of its boroughs, an authority's beside each of its LSOAs); names are
    preferred to codes, which are the fallback."""
    sample = range(row + 1, min(grid.height, row + 200))
    candidates = [c for c in grid.filled(row) if not _LONG_LABEL.search(heading(grid.value(row, c))) and (
        _names_areas(heading(grid.value(row, c))) or (
            heading(grid.value(row, c)) in ("name", "names") and _places(grid, sample, c)))]  # fmt: skip
    if not candidates:
        return _beside_codes(grid, row, sample)
    names, varied = [], []
    for column in candidates:
        # the headings LG Inform repeats under its header row ('area label | area long label | area') are no names
        texts = [t for r in sample if (t := grid.text(r, column)) and heading(t) not in AREA_HEADERS]
        if len(texts) >= 3 and len(set(texts)) == 1:
            continue  # one place in every row says where the rows are, not which area each is ('County: London')
        varied.append(column)
        if texts and not all(_CODE.match(t) for t in texts):
            names.append((len(set(texts)), column))
    # the most distinct names; of equals, the later column (the smaller area is written after the larger)
    return max(names)[1] if names else next(iter(varied), None)


#: LG Inform's 'area long label' describes an area ('Hartlepool (unitary authority)'): its 'area label' names it.
_LONG_LABEL = re.compile(r"\blong label$")


def _beside_codes(grid: Grid, row: int, sample: range) -> int | None:
    """A column of names under another heading ('Description', as ASHE heads its areas) or none (ONS's 'NUTS Code'
    over the codes only) beside a column headed as codes holding an area's code on nearly every row of the table
    (to its first blank row: the notes below it name no areas)."""
    filled = grid.filled(row)
    sample = range(sample.start, _notes_start(grid, sample))
    for codes in filled:
        if not _codes_areas(heading(grid.value(row, codes))):
            continue
        for column in (codes - 1, codes + 1):
            if column >= 0 and not _codes_areas(heading(grid.value(row, column))) and (
                    _named_beside_codes(grid, sample, column, codes)):  # fmt: skip
                return column
    return None


def _notes_start(grid: Grid, rows: range) -> int:
    """The first row of the notes below a table: after a blank row, a row with no figure in it (rows spaced out by
    blank ones go on)."""
    for row in rows:
        filled = grid.filled(row)
        if (
            row > rows.start
            and not grid.filled(row - 1)
            and filled
            and not any(is_number(grid.text(row, c)) for c in filled)
        ):
            return row
    return rows.stop


#: The codes of the UK's NUTS areas (Eurostat's; ONS published by them until 2021): 'UKI' London, 'UKI42' Tower
#: Hamlets.
_NUTS = re.compile(r"^UK[C-N][0-9A-Z]{0,3}$")


def _named_beside_codes(grid: Grid, rows: Sequence[int], column: int, codes: int) -> bool:
    """Whether a column's names have an ONS or NUTS code beside nearly every one (one row may be a line of
    headings or an unclassified row)."""
    named = [r for r in rows if grid.text(r, column) and not is_number(grid.text(r, column))]
    coded = sum(bool(_CODE.match(code) or _NUTS.match(code)) for r in named if (code := grid.text(r, codes)))
    return len(named) >= 3 and coded >= min(len(named) - 1, 0.9 * len(named))


def names_areas_below(grid: Grid, header_row: int, column: int) -> bool:
    """Whether an unheaded column's cells under the header name areas: with a code beside nearly every one, or
    places this program knows for at least half (a table beside another, with its own areas)."""
    sample = [r for r in range(header_row + 1, min(grid.height, header_row + 100)) if grid.text(r, column)]
    names = [grid.text(r, column) for r in sample if not is_number(grid.text(r, column))]
    if len(set(names)) < max(3, len(names) / 2):
        return False  # a few names shared by many rows ('Inner London', 'Outer London') describe the areas
    return bool(column and _named_beside_codes(grid, sample, column, column - 1)) or _mostly_places(names)


def unheaded_area_column(grid: Grid, row: int, first: int) -> int | None:
    """The column of areas' names in a table whose headings name only its periods (ONS's business demography:
    no heading over the codes and names left of the years; Sport England's Active Lives): unheaded, left of the
    first period, with an ONS code beside nearly every name, or places this program knows for at least half."""
    if any(grid.text(row, c) for c in range(first)):
        return None
    sample = [r for r in range(row + 1, min(grid.height, row + 100)) if grid.filled(r)]
    coded = next((c for c in range(first - 1, 0, -1) if _named_beside_codes(grid, sample, c, c - 1)), None)
    if coded is not None or first == 0:
        return coded
    names = [grid.text(r, first - 1) for r in sample if grid.text(r, first - 1)]
    return first - 1 if _mostly_places(names) else None


def _mostly_places(names: Sequence[str]) -> bool:
    """Two names or more, at least half of them places this program knows."""
    known = sum(map(is_known_area, names))
    return known >= 2 and 2 * known >= len(names)


_PLACE = re.compile(r"\b(area|region|country|authority|la|lad|ua|utla|ltla|county|borough|ward|lsoa|msoa|district|"
                    r"constituency|geography|place) names?$")  # fmt: skip
#: Headings that are a kind of area alone ('Region', 'Parliamentary Constituency'; not 'Floor area').
_KINDS_OF_AREA = re.compile(r"^(?:region|country|county|borough|ward|electoral ward|lsoa|msoa|district|lad|utla|ltla|"
                            r"local authority district|(?:parliamentary |westminster )?constituency)$")  # fmt: skip


def _places(grid: Grid, rows: range, column: int) -> bool:
    """Whether a column headed just 'Name' names places: some are places this program knows, or an ONS code stands
    beside each."""
    codes = [grid.text(r, column - 1) for r in rows if grid.text(r, column)] if column else []
    return any(is_known_area(grid.text(r, column)) for r in rows) or (
        bool(codes) and all(_CODE.match(code) for code in codes)
    )


#: ONS's field names for a geography's names and codes ('LSOA21NM', 'LAD22CD', 'lsoa_nm', 'WD22NM').
_GSS_FIELD = re.compile(
    r"^(?:lsoa|msoa|oa|lad|la|wd|rgn|ctry|utla|ltla|cty|cauth|pcon|icb|sicbl|lep)\s?\d{0,2}\s?(nm|cd)$"
)


#: The year of the areas' boundaries after a heading ('LSOA name (2011)', 'Local Authority District code (2019)').
_BOUNDARIES = re.compile(r" (?:19|20)\d\d$")


def is_area_names(grid: Grid, row: int, column: int) -> bool:
    """Whether a column's heading in `row` says it names areas ('Borough', 'Area name')."""
    return _names_areas(heading(grid.value(row, column)))


def _names_areas(header: str) -> bool:
    """A heading over the names of areas: 'Area name', 'Local authority name', 'LSOA Name (2011)', 'Region/Country
    name', 'LAD22NM' (a plain 'Name' counts where it names known places)."""
    header = _BOUNDARIES.sub("", header)
    return (header in AREA_HEADERS or bool(_PLACE.search(header) or _KINDS_OF_AREA.match(header))
            or _gss_field(header) == "nm")  # fmt: skip


def _codes_areas(header: str) -> bool:
    """A heading over areas' codes: 'Code', 'GSS code', 'Local authority code (2019)', 'Area Codes', 'LAD22CD'."""
    header = _BOUNDARIES.sub("", header)
    return (header in ("code", "codes", "new code", "old code", "ecode") or header.endswith((" code", " codes"))
            or _gss_field(header) == "cd")  # fmt: skip


def _gss_field(header: str) -> str:
    m = _GSS_FIELD.match(header)
    return m.group(1) if m else ""


#: ONS's field name for the code of an area or of its class ('RUC11CD': rural-urban class 1-6; 'LAD22CD'): numbers,
#: perhaps, but never a measure.
_CODE_FIELD = re.compile(r"^[a-z]{2,8} ?\d{2} ?cd$")


def meta_column(grid: Grid, row: int, column: int) -> bool:
    """Columns that identify or describe areas rather than measure them (names, codes, classes, long labels)."""
    header = heading(grid.value(row, column))
    return (_names_areas(header) or _codes_areas(header) or bool(_CODE_FIELD.match(header))
            or role_of(grid.value(row, column)) == "area_code")  # fmt: skip


def describes_areas(grid: Grid, column: int, rows: list[int]) -> bool:
    """A column of text only ('Inner London', 'North East', 'E3831'), or of a grade: a few values, some of them
    words or codes, each shared by many areas (PTAL's '1b', '2', '6a'). It says where or what kind an area is."""
    texts = [grid.value(r, column) for r in rows if grid.text(r, column)]
    if bool(texts) and all(isinstance(t, str) and not is_number(t) for t in texts):
        return True
    grades = {grid.text(r, column) for r in rows if grid.text(r, column)}
    return len(grades) <= 12 and len(texts) >= 3 * len(grades) and any(not _is_value(t) for t in grades)


def _is_value(text: str) -> bool:
    """A number or a missing-value marker."""
    try:
        parse_value(text)
    except CellError:
        return False
    return True


def is_number(text: str) -> bool:
    try:
        return parse_value(text).value is not None
    except CellError:
        return False


def code_column(grid: Grid, header_row: int, area_column: int) -> int | None:
    """The column of the areas' ONS codes: headed as their names are ('Local authority code' beside 'Local
    authority name', 'Code' beside 'Name'), else the column of codes just left or right of the names; None without
    one."""
    stem = re.sub(r"\s*(?:\bnames?|nm)$", "", heading(grid.value(header_row, area_column)))
    codes = [
        c for c in grid.filled(header_row) if c != area_column and _codes_areas(heading(grid.value(header_row, c)))
    ]
    for column in codes:
        if re.sub(r"\s*(?:\bcodes?|cd)$", "", heading(grid.value(header_row, column))) == stem:
            return column
    beside = next((c for c in (area_column - 1, area_column + 1) if c in codes), None)
    if beside is None and area_column and not grid.text(header_row, area_column - 1):
        rows = [r for r in range(header_row + 1, min(grid.height, header_row + 100)) if grid.text(r, area_column)]
        if rows and all(
            _CODE.match(code) or _NUTS.match(code) for r in rows if (code := grid.text(r, area_column - 1))
        ):
            return area_column - 1  # codes with no heading, left of the names
    if beside is None:  # a column of nothing but codes, headed otherwise (LG Inform's 'area' beside 'area label')
        rows = range(header_row + 1, min(grid.height, header_row + 100))
        for column in grid.filled(header_row):
            texts = [t for r in rows if (t := grid.text(r, column)) and heading(t) not in AREA_HEADERS]
            if column != area_column and texts and all(_CODE.match(t) for t in texts):
                return column
    return beside


def area_of_row(grid: Grid, parsed: Parsed, row: int, area_column: int, name: str, codes: int | None) -> str | None:
    """A row's area: the place its ONS code is where this program knows the code (a code is surer than a name: the
    West Midlands is a region and a county), else the place its name is. A name that is another known place than
    its code is refused (None), naming both cells."""
    code = grid.text(row, codes) if codes is not None else ""
    if _CONSTITUENCY.match(code):  # 'Amber Valley' is a district and a constituency: two areas
        return f"{clean_name(name)} (constituency)"
    by_code = canonical_area(code) if _CODE.match(code) else code
    if by_code == code:
        return canonical_area(name)
    if is_known_area(name) and area_key(name) != area_key(by_code):
        parsed.problems.append(error(
            f"The area's name '{name}' and its code {code} ({grid.ref(row, codes)}, the code of {by_code}) are of two "
            "different places. Correct one of them.", **grid.where(row, area_column)))  # fmt: skip
        return None
    return by_code


def name_columns(grid: Grid, header_row: int, area_column: int) -> list[int]:
    """The area column and the unheaded columns of text right of it: a hierarchy written indented (England and
    its regions under 'Area names', each region's authorities one column to the right)."""
    columns = [area_column]
    rows = range(header_row + 1, min(grid.height, header_row + 200))
    for column in range(area_column + 1, grid.width):
        texts = [grid.text(r, column) for r in rows if grid.text(r, column)]
        if grid.text(header_row, column) or not texts or any(is_number(t) for t in texts):
            break
        columns.append(column)
    return columns
