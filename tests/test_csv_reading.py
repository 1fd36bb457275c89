"""How a CSV file's text, delimiter, quoting and decimal separator are read: RFC 4180 quoting, the encodings
officers' tools write, and one decimal separator per file, decided from all its numbers."""

from __future__ import annotations

import pytest

from thplan.ingest.opening import sheets
from thplan.ingest.problems import Rejected


def read(data: bytes) -> list[list[object]]:
    return next(rows for _, rows in sheets(data, "upload.csv"))


@pytest.mark.parametrize(
    "data, cell",
    [
        (b'Measure,Note\nA,"Revised ""final"" figure, see p. 12"\n', 'Revised "final" figure, see p. 12'),
        (b'Measure;Note\nA;"x; y"\n', "x; y"),
        ('Measure\tNote\nA\t"x, y"\n'.encode("utf-16"), "x, y"),  # MOPAC: UTF-16, tab-separated
        ("Measure,Note\nA,Residents’ satisfaction\n".encode(), "Residents’ satisfaction"),
        ("\ufeffMeasure,Note\nA,Residents’ satisfaction\n".encode(), "Residents’ satisfaction"),  # UTF-8 with BOM
        ("Measure,Note\nA,Residents’ satisfaction\n".encode("cp1252"), "Residents’ satisfaction"),
        (b"Measure,Note\nA,Bell\x07 and escape\x1b[0m\n", "Bell and escape"),
    ],
    ids=[
        "rfc4180-doubled-quotes",
        "semicolon-in-quotes",
        "utf-16-tabs",
        "utf-8",
        "utf-8-bom",
        "windows-1252",
        "control-characters-removed",
    ],
)
def test_a_csv_cell_is_read_as_written(data, cell):
    assert read(data)[1][1] == cell


@pytest.mark.parametrize(
    "text, values",
    [
        ("Measure;Value\nA;1.234,5\nB;2,5\n", ["1234.5", "2.5"]),  # a decimal comma settles it for the file
        ("Measure;Value\nA;1.234\nB;2,75\n", ["1234", "2.75"]),  # "1.234" is then a thousand and more
        ("Measure;Value\nA;1.5\nB;2.500\n", ["1.5", "2.500"]),  # a decimal point settles it the other way
        ("Measure;Period;Value\nA;31.03.2022;2,5\n", None),  # a date is not a number
        ('Measure,Value\nA,"2,500"\nB,1.234\n', ["2,500", "1.234"]),  # comma-separated: British, as the reader is
    ],
    ids=["european", "european-thousands", "semicolons-with-points", "dates-untouched", "british"],
)
def test_one_decimal_separator_per_file(text, values):
    rows = read(text.encode())
    if values is None:
        assert rows[1] == ["A", "31.03.2022", "2.5"]
    else:
        assert [r[-1] for r in rows[1:]] == values


@pytest.mark.parametrize(
    "data, message",
    [
        (b"Measure;Value\nA;1.234\nB;2,500\n", "none of its numbers says whether it writes decimals with a comma"),
        (b"Measure;Value\nA;2,5\nB;2.5\n", "decimal comma ('2,5' in B2) and with a decimal point ('2.5' in B3)"),
        ("Measure,Note\nA,Residents’\n".encode() + "B,Café\n".encode("cp1252"), "UTF-8 up to line 3, which is not"),
        (b"Measure,Value\n" + b"A,1\n" * 2000 + b"B\x00,2\n", "line 2002 holds a NUL byte"),
        (b'Measure,Note\nA,"' + b"x" * 200_000 + b'"\n', "Row 2 of the CSV file cannot be read"),
    ],
    ids=["semicolons-ambiguous", "two-separators", "mixed-encodings", "nul-after-4-kb", "over-long-field"],
)
def test_a_csv_that_cannot_be_read_safely_is_refused_saying_where(data, message):
    with pytest.raises(Rejected) as refused:
        read(data)
    assert message in str(refused.value)
