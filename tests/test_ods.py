"""OpenDocument spreadsheets (.ods, as LibreOffice saves them) read as workbooks are: calamine's values with what
content.xml says of the cells (a percentage shown as 72.9% is 72.9, a merged name names every row it spans)."""

from __future__ import annotations

import io
import zipfile

from thplan.ingest.reader import read_grids

from .conftest import do_import

MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet"
NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')  # fmt: skip


def cell(value: object, kind: str = "", attributes: str = "") -> str:
    if kind == "":
        return f'<table:table-cell office:value-type="string" {attributes}><text:p>{value}</text:p></table:table-cell>'
    return (f'<table:table-cell office:value-type="{kind}" office:value="{value}" {attributes}><text:p>{value}</text:p>'
            "</table:table-cell>")  # fmt: skip


def ods(rows: list[list[str]], path) -> object:
    body = "".join(f"<table:table-row>{''.join(r)}</table:table-row>" for r in rows)
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NS} office:version="1.2"><office:body>'
               f'<office:spreadsheet><table:table table:name="Jobs">{body}'
               '<table:table-row table:number-rows-repeated="1048570"><table:table-cell/></table:table-row>'
               "</table:table></office:spreadsheet></office:body></office:document-content>")  # fmt: skip
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), MIMETYPE)  # first and stored, as the standard requires
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", "<manifest/>")
    path.write_bytes(buffer.getvalue())
    return path


def test_an_ods_workbook_imports_its_percentages_as_shown(make_store, tmp_path):
    path = ods([[cell("Measure"), cell("2021/22"), cell("2022/23")],
                [cell("Employment Rate"), cell("0.729", "percentage"), cell("0.741", "percentage")],
                [cell("Jobs growth"), cell("2.8", "float"), cell("-4.9", "float")]], tmp_path / "jobs.ods")  # fmt: skip
    store = make_store(framework=False)
    result = do_import(store, path)
    assert not result.rejected, result.errors
    stored = {(name, o.period.label): o.value for name, measure_id in result.matched.items()
              for o in store.observations([measure_id])}  # fmt: skip
    assert stored == {("Employment Rate", "2021/22"): 72.9, ("Employment Rate", "2022/23"): 74.1,
                      ("Jobs growth", "2021/22"): 2.8, ("Jobs growth", "2022/23"): -4.9}  # fmt: skip


def test_a_name_merged_down_two_rows_names_both_in_an_ods_workbook(tmp_path):
    path = ods([[cell("Measure"), cell("Area"), cell("2022/23")],
                [cell("Employment Rate", attributes='table:number-rows-spanned="2"'), cell("Tower Hamlets"),
                 cell("74.1", "float")],
                ["<table:covered-table-cell/>", cell("London"), cell("75.1", "float")]],
               tmp_path / "merged.ods")  # fmt: skip
    [grid] = read_grids(path.read_bytes(), path.name)
    assert [grid.value(r, 0) for r in (1, 2)] == ["Employment Rate", "Employment Rate"]


def test_a_text_file_named_ods_is_refused(make_store, tmp_path):
    path = tmp_path / "jobs.ods"
    path.write_text("Measure,Period,Value\nEmployment Rate,2022/23,74.1\n")
    result = do_import(make_store(), path)
    assert result.rejected and "named .ods but is not an Excel workbook" in result.errors[0].message
