"""Values as officers write them: numbers, percentages, pounds, markers, notes and multi-area cells."""

import pytest

from thplan.value import CellError, parse_value

CASES = [
    # text, value, decimals, missing, extras
    ("64.7%", 64.7, 1, None, {"percent": True}),
    ("£559.87", 559.87, 2, None, {"currency": True}),
    ("1,031", 1031.0, 0, None, {}),
    ("1.43E+07", 14300000.0, 0, None, {}),
    ("2.5e-3", 0.0025, 4, None, {}),
    ("-4.9%", -4.9, 1, None, {"percent": True}),
    ("−0.03", -0.03, 2, None, {}),
    ("89%*", 89.0, 0, None, {"footnote": "*"}),
    ("1005 ²", 1005.0, 0, None, {"footnote": "²"}),
    ("61.9 (2015-2017)", 61.9, 1, None, {"covers": "2015-2017"}),
    ("77% (2016)", 77.0, 0, None, {"covers": "2016", "percent": True}),
    ("12.3 [u]", 12.3, 1, None, {"flags": ("Low reliability ([u])",)}),
    ("580 (p)", 580.0, 0, None, {"flags": ("Provisional (p)",)}),
    ("44,561 [r]", 44561.0, 0, None, {"flags": ("Revised ([r])",)}),
    ("1,414 [note 1]", 1414.0, 0, None, {"footnote": "[note 1]"}),
    ("Data not published", None, 0, "Data not published", {}),
    ("N/A", None, 0, "N/A", {}),
    ("n/a", None, 0, "N/A", {}),
    ("Data Unavailable", None, 0, "Data Unavailable", {}),
    ("tbc", None, 0, "To be confirmed (tbc)", {}),
    ("-", None, 0, "Not stated (-)", {}),
    ("--", None, 0, "Not stated (--)", {}),
    ("—", None, 0, "Not stated (-)", {}),
    ("..", None, 0, "Not available (..)", {}),
    ("Suppressed", None, 0, "Suppressed", {}),
    ("*", None, 0, "Suppressed (*)", {}),
    ("[c]", None, 0, "Confidential ([c])", {}),
    ("[x]", None, 0, "Not available ([x])", {}),
    ("[z]", None, 0, "Not applicable ([z])", {}),
    ("[y]", None, 0, "Marked [y] (see the file's notes)", {}),
    ("[W]", None, 0, "Marked [w] (see the file's notes)", {}),
    ("[low]", None, 0, "Rounds to zero ([low])", {}),
    ("c", None, 0, "Confidential (c)", {}),
    ("x", None, 0, "Not available (x)", {}),
    ("z", None, 0, "Not applicable (z)", {}),
    ("u", None, 0, "Low reliability (u)", {}),
    ("low", None, 0, "Rounds to zero (low)", {}),
    (":", None, 0, "Not available (:)", {}),
    ("!", None, 0, "Not available (!)", {}),
    ("#", None, 0, "Not available (#)", {}),
    ("~0", None, 0, "Too small to display (~0)", {}),
    ("~", None, 0, "Too small to display (~)", {}),
    ("<5", None, 0, "Fewer than 5 (<5)", {}),
    ("SUPP", None, 0, "Suppressed (SUPP)", {}),
    (
        "Annual Resident Survey results will be available in May 2021",
        None,
        0,
        "Annual Resident Survey results will be available in May 2021",
        {"note": "Annual Resident Survey results will be available in May 2021"},
    ),
]


@pytest.mark.parametrize(("text", "value", "decimals", "missing", "extras"), CASES, ids=[c[0] for c in CASES])
def test_value_cells(text, value, decimals, missing, extras):
    cell = parse_value(text)
    assert (cell.value, cell.decimals, cell.missing) == (value, decimals, missing)
    for name, expected in extras.items():
        assert getattr(cell, name) == expected


def test_blank_cell_is_blank_not_missing():
    assert parse_value("").blank and parse_value(None).blank and parse_value("   ").blank


@pytest.mark.parametrize(
    ("number", "fmt_decimals", "value", "decimals"),
    [(0.647, 1, 64.7, 1), (0.42, 0, 42.0, 0), (0.838, 2, 83.8, 2), (0.838, None, 83.8, 1)],
    ids=["0.647-as-0.0%", "0.42-as-0%", "0.838-as-0.00%", "percent-format-without-decimals"],
)
def test_number_in_a_percentage_formatted_cell(number, fmt_decimals, value, decimals):
    cell = parse_value(number, percent_format=True, format_decimals=fmt_decimals)
    assert (cell.value, cell.decimals, cell.percent) == (value, decimals, True)


def test_numeric_cell_keeps_its_published_decimals():
    assert parse_value(263.0, format_decimals=1).decimals == 1
    assert parse_value(0.25).decimals == 2


@pytest.mark.parametrize(
    ("text", "areas", "period"),
    [
        ("Inner: 2.9% Outer: 0.1% Greater London: 1.9%", {"Inner": 2.9, "Outer": 0.1, "Greater London": 1.9}, None),
        (
            "2016 Data Central 100% Inner 48% Outer 3% Greater London 24%",
            {"Central": 100.0, "Inner": 48.0, "Outer": 3.0, "Greater London": 24.0},
            "2016",
        ),
    ],
    ids=["labelled-with-colons", "with-a-leading-period"],
)
def test_several_benchmark_areas_in_one_cell(text, areas, period):
    cell = parse_value(text, allow_areas=True)
    assert {k: v.value for k, v in cell.areas.items()} == areas
    assert cell.area_period == period


@pytest.mark.parametrize(
    "text",
    ["abc", "12 apples", "Inner: 2.9% Outer: 0.1%", "TRUE"],
    ids=["a-word", "number-and-word", "areas-outside-a-benchmark-column", "boolean-text"],
)
def test_anything_else_is_an_error(text):
    with pytest.raises(CellError):
        parse_value(text)


def test_a_boolean_cell_is_an_error():
    with pytest.raises(CellError):
        parse_value(True)


@pytest.mark.parametrize(
    "raw",
    ["9" * 400, "9" * 400 + "%", "-" + "9" * 20, "1,000,000,000,000,000", float("inf"), float("-inf"), 1e300],
    ids=[
        "400-digits",
        "400-digit-percent",
        "negative-20-digits",
        "a-thousand-million-million",
        "infinity-cell",
        "minus-infinity-cell",
        "1e300-cell",
    ],
)
def test_a_number_too_large_to_be_a_value_is_refused_not_stored_as_infinity(raw):
    with pytest.raises(CellError, match="too large to be a value"):
        parse_value(raw)


def test_the_largest_values_an_indicator_has_are_read():
    assert parse_value("999,999,999,999").value == 999_999_999_999
    assert parse_value(12_345_678_901.5).value == 12_345_678_901.5
