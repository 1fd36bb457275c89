"""Old Excel workbooks (.xls) read as .xlsx workbooks are: the same cells give the same figures, with the number
formats that change a value's meaning (0.729 shown as 72.9% is 72.9)."""

from __future__ import annotations

from datetime import datetime

import pytest

from .conftest import do_import, stored_values

TH = "Tower Hamlets"

WORKBOOKS = {
    "a-report-table-with-percentages-and-decimals-shown": {
        "Jobs": [["Measure", "2021/22", "2022/23"],
                 ["Employment Rate", (0.729, "0.0%"), (0.741, "0.0%")],
                 ["Jobs growth", (1.5, "0.0"), (2, "0.0")],
                 ["Claimant rate", "..", 4.25]]},
    "periods-written-as-dates-and-a-sheet-of-notes": {
        "Data": [["Indicator", datetime(2022, 3, 31), datetime(2023, 3, 31)], ["Homes completed", 1200, 1350]],
        "Notes": [["These figures are provisional."]]},
    "areas-down-with-codes": {
        "2a": [["Median price paid by local authority"], [],
               ["Local authority code", "Local authority name", "Year ending Dec 2020", "Year ending Dec 2021"],
               ["E09000030", "Tower Hamlets", 440000, 450000], ["E12000007", "LONDON", 480000, 495000]]},
}  # fmt: skip


@pytest.mark.parametrize("sheets", WORKBOOKS.values(), ids=WORKBOOKS.keys())
def test_an_xls_workbook_stores_what_the_same_xlsx_workbook_stores(make_store, make_xlsx, make_xls, sheets):
    stored = []
    for path in (make_xlsx(sheets, "upload.xlsx"), make_xls(sheets, "upload.xls")):
        store = make_store(framework=False)
        result = do_import(store, path)
        assert not result.rejected, result.errors
        stored.append(stored_values(store, result))
    assert stored[0] and stored[1] == stored[0]


def test_an_xls_percentage_is_read_as_shown(make_store, make_xls):
    store = make_store(framework=False)
    result = do_import(store, make_xls(WORKBOOKS["a-report-table-with-percentages-and-decimals-shown"]))
    values = stored_values(store, result)
    assert values[("Employment Rate", TH, "2021/22", "")] == 72.9
    assert values[("Claimant rate", TH, "2021/22", "")] == "Not available (..)"
    [growth] = [o for o in store.observations() if o.measure_id == "jobs-growth" and o.period.label == "2022/23"]
    assert (growth.value, growth.decimals) == (2.0, 1)


def test_an_xls_workbook_named_csv_is_refused(make_store, make_xls):
    result = do_import(make_store(), make_xls({"Jobs": [["Measure", "2021/22"], ["Employment Rate", 72.9]]}, "a.csv"))
    assert result.rejected and "is an old Excel workbook (.xls)" in result.errors[0].message
