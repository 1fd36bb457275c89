"""Report-style and tidy tables, laid out differently from the reference files, import with the classifications a
careful analyst computes by hand from their figures."""

from __future__ import annotations

from datetime import datetime

import pytest

from thplan.analysis import classify_measures
from thplan.ingest.headers import name_period
from thplan.listing import rows, shown

from .conftest import do_import, stored_values

TH = "Tower Hamlets"


def listing(store):
    framework = store.framework()
    return {r["measure"]: r for r in rows(framework, classify_measures(framework, store.observations()))}


def test_a_report_table_with_other_wording_and_column_order_into_an_empty_database(make_store, make_xlsx):
    store = make_store(framework=False)
    path = make_xlsx(
        {
            "Sheet1": [
                ["Partnership performance report", None],
                [],
                ["Better health and wellbeing"],
                [
                    "Indicator",
                    "2019/20",
                    "2018/19",
                    "Baseline: 2017/18",
                    "Good is",
                    "London 2019/20",
                    "England (latest)",
                    "RAG",
                    "Comments",
                ],
                [
                    "Adults who are active",
                    (0.53, "0.0%"),
                    (0.55, "0.0%"),
                    (0.50, "0.0%"),
                    "High is good",
                    (0.54, "0%"),
                    "57.1%",
                    "Amber",
                    "survey",
                ],
                [
                    "Emergency admissions (rate per 100,000)",
                    100,
                    110,
                    120,
                    "RAG - Low is good",
                    98.5,
                    105,
                    "Green",
                    None,
                ],
                ["Residents moving home", "1,200", "1,100", "1,000", "BOB", "N/A", None, None, None],
                ["Key: Improved / Worsened"],
            ]
        }
    )
    result = do_import(store, path)
    assert not result.rejected, result.errors
    assert [(t.layout, t.title, t.rows) for t in result.tables] == [("report", "Better health and wellbeing", 3)]
    table = listing(store)
    active = table["Adults who are active"]
    # 50.0% (2017/18) -> 53.0% (2019/20): improved; 55.0% -> 53.0%: worsened; 53.0% < London's 54%: worse.
    assert (active["overall_trend"], active["direction_of_travel"], active["vs_london"]) == (
        "Improved",
        "Worsened",
        "Worse",
    )
    assert (shown(active["latest_value"]), shown(active["london_value"]), active["needs_attention"]) == (
        53.0,
        54.0,
        True,
    )
    assert active["vs_england"] == "Worse"  # 53.0 against England's 57.1 (its latest: no period of its own)
    admissions = table["Emergency admissions (rate per 100,000)"]
    # lower is better: 120 -> 100 improved; 110 -> 100 improved; 100 against London 98.5: worse; England 105: better
    assert (
        admissions["overall_trend"],
        admissions["direction_of_travel"],
        admissions["vs_london"],
        admissions["vs_england"],
        admissions["needs_attention"],
    ) == ("Improved", "Improved", "Worse", "Better", False)
    moving = table["Residents moving home"]
    assert (moving["polarity"], moving["overall_trend"], moving["vs_london"]) == (
        "No polarity",
        "Increased",
        "Not compared",
    )
    assert not [p for p in result.problems if "ignored" in p.message]
    # RAG and Comments are what is being done about a measure (issue 21): with no target, a RAG is not checked
    rag = [p.message for p in result.problems if p.header == "RAG"]
    assert "The file's RAG 'Amber' for 'Adults who are active' is not checked: no target for 2019/20." in rag
    [comment] = store.commentary()
    assert (comment.text, comment.period) == ("survey", "2019/20")


def test_several_tables_on_a_sheet_with_titles_legends_and_footnotes(make_store, make_xlsx):
    store = make_store()
    path = make_xlsx(
        {
            "Report tables": [
                ["Tower Hamlets data: good jobs and employment"],
                ["Measure", "Polarity", "2020/21", "2021/22", "Overall Trend from 2017", "London"],
                ["Employment Rate", "Higher is better", "72.6%", "72.9%", "Improved", "74.9%"],
                [None, "Improved", None, "The same", None, "Worsened"],
                [],
                ["Tower Hamlets data: strong, resilient and safe communities"],
                ["Measure", "Polarity", "2018/19", "2020/21", "Overall Trend from 2017", "London"],
                [
                    "Percentage of residents who feel safe during the day",
                    "Higher is better",
                    "86%",
                    "89%*",
                    "Improved",
                    "94%",
                ],
                ["*N.B: Telephone survey, so not comparable to previous years"],
            ]
        }
    )
    result = do_import(store, path)
    assert not result.rejected, result.errors
    assert [(t.theme, t.rows) for t in result.tables] == [("jobs", 1), ("communities", 1)]
    assert result.stated_checked == 2 and not [p for p in result.problems if p.code == "stated"]
    [safe] = store.observations(["feel-safe-during-day"], ["Tower Hamlets"])[1:]
    assert safe.series_break and "Telephone survey" in safe.note and safe.footnote == "*"


def test_a_new_measure_in_a_sheet_named_for_a_theme_goes_to_the_library_saying_so(make_store, make_xlsx):
    store = make_store()
    path = make_xlsx(
        {
            "Better health and wellbeing": [
                ["Measure", "Polarity", "2019/20", "2020/21"],
                ["Care home beds per 1,000 over 75s", "Higher is better", 10, 12],
            ]
        }
    )
    result = do_import(store, path)
    assert [m.theme_id for m in result.new_measures] == [""]  # a sheet's name is not a placement in the Plan
    assert any("titled for the theme 'Better health and wellbeing'" in p.message for p in result.problems)


def test_many_new_measures_are_said_in_one_note_naming_the_first_few(make_store, make_xlsx):
    rows = [
        ["Measure", "Polarity", "2019/20", "2020/21"],
        *([f"Care home beds per 1,000 over 75s in area {n}", "Higher is better", 10, 12] for n in range(8)),
    ]
    result = do_import(make_store(), make_xlsx({"Better health and wellbeing": rows}))
    assert not result.rejected, result.errors
    assert len(result.new_measures) == 8
    [new] = [p for p in result.notes if "new measures will be added" in p.message]
    assert new.message.startswith(
        "8 new measures will be added to the indicator library (it is not in the Plan): "
        "'Care home beds per 1,000 over 75s in area 0' (id "
    )
    assert new.message.endswith(" and 3 more.") and new.row == 2
    [titled] = [p for p in result.notes if "titled for the theme" in p.message]
    assert " and 3 more are in a table titled for the theme 'Better health and wellbeing'" in titled.message


def test_a_tidy_csv_with_header_synonyms_bom_semicolons_and_crlf(make_store, make_csv):
    store = make_store(framework=False)
    text = (
        "\ufeffIndicator;Time period;Area Name;Value;Polarity;Lower CI;Upper CI;Value note\r\n"
        "Smoking prevalence;2019;Tower Hamlets;17.2;Lower is better;15.1;19.3;\r\n"
        "Smoking prevalence;2020;Tower Hamlets;15.0;Lower is better;13.0;17.0;provisional\r\n"
        "Smoking prevalence;2020;London region;12.0;Lower is better;11.8;12.2;\r\n"
        "Smoking prevalence;2020;England;13.9;Lower is better;13.8;14.0;\r\n"
    )
    result = do_import(store, make_csv(text))
    assert not result.rejected, result.errors
    row = listing(store)["Smoking prevalence"]
    # 17.2 -> 15.0 lower is better: improved. London 12.0 is outside 13.0-17.0: worse. England 13.9 is inside: similar.
    assert (row["overall_trend"], row["vs_london"], row["vs_england"]) == ("Improved", "Worse", "Similar")
    [latest] = [o for o in store.observations() if o.area == "Tower Hamlets" and o.period.label == "2020"]
    assert latest.note == "provisional" and (latest.lower_ci, latest.upper_ci) == (13.0, 17.0)


@pytest.mark.parametrize(
    "sheets", [("Tidy", "Report"), ("Report", "Tidy")], ids=["tidy-sheet-first", "report-sheet-first"]
)
def test_details_one_table_gives_and_another_does_not_are_stored_for_its_own_values_only(make_store, make_xlsx, sheets):
    store = make_store(framework=False)
    tables = {
        "Tidy": [["Measure", "Period", "Value", "Lower CI", "Upper CI", "Count", "Flags"],
                 ["Smoking prevalence", "2020", 15.0, 13.0, 17.0, 40, "estimated"]],
        "Report": [["Measure", "2019", "2020"], ["Adults who are active", 50, 55]],
    }  # fmt: skip
    result = do_import(store, make_xlsx({name: tables[name] for name in sheets}))
    assert not result.rejected, result.errors
    stored = {(o.measure_id, o.period.label): (o.lower_ci, o.upper_ci, o.count, o.flags) for o in store.observations()}
    assert stored == {
        ("smoking-prevalence", "2020"): (13.0, 17.0, 40.0, ("estimated",)),
        ("adults-who-are-active", "2019"): (None, None, None, ()),
        ("adults-who-are-active", "2020"): (None, None, None, ()),
    }


def test_a_tidy_table_without_an_area_column_is_the_home_area(make_store, make_csv):
    store = make_store()
    result = do_import(store, make_csv("Measure,Financial year,Value\nEmployment Rate,2022/23,74.1\n"))
    assert not result.rejected
    [stored] = store.observations(["employment-rate"])
    assert (stored.area, stored.period.label, stored.source.cell) == ("Tower Hamlets", "2022/23", "C2")


@pytest.mark.parametrize("heading", ["Ward", "Electoral ward", "LSOA name", "WD22NM", "Ward name (2022)"])
def test_a_tidy_table_s_column_headed_as_a_kind_of_area_names_each_row_s_area(make_store, make_csv, heading):
    store = make_store()
    text = (
        f"Indicator,{heading},Year,Value\n"
        "Crime rate,Spitalfields and Banglatown,2021,12.3\nCrime rate,Bow East,2021,10.1\n"
    )
    result = do_import(store, make_csv(text))
    assert not result.rejected, result.errors
    stored = {(o.area, o.period.label): o.value for o in store.observations(["crime-rate"])}
    assert stored == {("Spitalfields and Banglatown", "2021"): 12.3, ("Bow East", "2021"): 10.1}


@pytest.mark.parametrize(
    ("heading", "first", "second"),
    [("Ethnic group", "Asian", "White"), ("Neighbourhood", "Bow", "Poplar"), ("Provider", "NHS", "Council")],
    ids=["a-breakdown-under-an-unknown-heading", "areas-under-an-unknown-heading", "providers-that-differ"],
)
def test_a_tidy_table_s_unread_column_that_divides_one_measure_area_and_period_is_refused(
    make_store, make_csv, heading, first, second
):
    store = make_store()
    text = f"Indicator,Year,{heading},Value\nCrime rate,2021,{first},12.3\nCrime rate,2021,{second},12.3\n"
    result = do_import(store, make_csv(text))
    assert result.rejected
    [refusal] = [e for e in result.errors if "is not read, but its rows 2 and 3" in e.message]
    assert f"'{first}' and '{second}' for the same measure, area and period" in refusal.message
    assert (refusal.row, refusal.column) == (1, 3)
    assert store.observations() == []


# A file's keys are few measures, areas and periods over many rows (dense), or nearly every row its own measure
# and period (sparse); repeated keys are found either way, and the repeat is the file's last row.
_DENSE = "".join(f"Employment Rate,{2000 + y}/{(y + 1) % 100:02d},{y}\n" for y in range(20))
_SPARSE = "".join(f"Measure number {n},{1980 + n}/{(81 + n) % 100:02d},{n}\n" for n in range(30))


@pytest.mark.parametrize(
    ("lines", "repeat", "refused"),
    [
        (_DENSE, "Employment Rate,2000/01,0", False),
        (_DENSE, "Employment Rate,2000/01,7.5", True),
        (_SPARSE, "Measure number 0,1980/81,0", False),
        (_SPARSE, "Measure number 0,1980/81,7.5", True),
        (_DENSE.replace(",0\n", ",0.0\n", 1), "Employment Rate,2000/01,0.2", True),
        (_DENSE, "Employment Rate,2000/01,0.0", False),
    ],
    ids=["dense-keys-agreeing-repeat-kept-once", "dense-keys-differing-repeat-refused",
         "sparse-keys-agreeing-repeat-kept-once", "sparse-keys-differing-repeat-refused",
         "a-figure-written-with-a-decimal-is-that-precise", "the-same-figure-written-more-precisely-agrees"],
)  # fmt: skip
def test_a_repeated_measure_area_and_period(make_store, make_csv, lines, repeat, refused):
    store = make_store()
    text = f"Measure,Period,Value\n{lines}{repeat}\n"
    result = do_import(store, make_csv(text), accept_matches=True)
    assert result.rejected is refused
    if refused:
        first, later = ("0.0", "0.2") if repeat.endswith("0.2") else ("0", "7.5")
        assert [e.message for e in result.errors] == [
            f"'{repeat.split(',')[0]}' has two different values for Tower Hamlets, {repeat.split(',')[1]}: {first} in "
            f"cell C2 and {later} here. Keep one of them."
        ]
        assert f"row {text.count(chr(10))}, column C" in str(result.errors[0])
    else:
        assert result.diff.count("observations", "new") == lines.count("\n")


@pytest.mark.parametrize(
    ("lines", "starts"),
    [
        ("Employment Rate,2019/20,70\n", {"employment-rate": "2019-04-01"}),
        ("Progress 8 score at the end of Key Stage 4,2019/20,0.2\n", {"progress-8": "2019-09-01"}),
        (
            "Employment Rate,2019/20,70\nProgress 8 score at the end of Key Stage 4,2019/20,0.2\n",
            {"employment-rate": "2019-04-01", "progress-8": "2019-09-01"},
        ),
    ],
    ids=["a-financial-year-alone", "an-academic-year-alone", "one-label-read-as-each-measure-counts-its-years"],
)
def test_a_period_label_is_read_by_its_measure_s_kind_of_year(make_store, make_csv, lines, starts):
    store = make_store()
    result = do_import(store, make_csv(f"Measure,Period,Value\n{lines}"))
    assert not result.rejected
    assert {o.measure_id: str(o.period.start) for o in store.observations(list(starts))} == starts


def test_duplicate_rows_that_disagree_are_refused_naming_both_cells(make_store, make_csv):
    store = make_store()
    result = do_import(
        store, make_csv("Measure,Period,Value\nEmployment Rate,2022/23,74.1\nEmployment Rate,2022/23,75.0\n")
    )
    assert result.rejected
    assert "two different values for Tower Hamlets, 2022/23: 74.1 in cell C2 and 75.0 here" in str(result.errors[0])


def test_a_near_match_is_refused_unless_accepted(make_store, make_csv):
    store = make_store()
    path = make_csv("Measure,Period,Value\nPupil progress scores in reading for KS2,2019/20,1.2\n")
    refused = do_import(store, path)
    assert refused.rejected and refused.errors[0].code == "near-match"
    assert "looks like 'Pupil progress in reading at the end of Key Stage 2'" in refused.errors[0].message
    accepted = do_import(store, path, accept_matches=True)
    assert not accepted.rejected and accepted.matched == {
        "Pupil progress scores in reading for KS2": "ks2-progress-reading"
    }


def test_an_unknown_polarity_word_is_refused_naming_the_cell(make_store, make_csv):
    store = make_store(framework=False)
    result = do_import(store, make_csv("Measure,Period,Value,Polarity\nX,2019/20,1,Big is best\n"))
    assert result.rejected and "row 2, column D ('Polarity'): 'Big is best' is not a polarity" in str(result.errors[0])


def test_an_impossible_period_is_refused_naming_the_cell(make_store, make_csv):
    store = make_store(framework=False)
    result = do_import(store, make_csv("Measure,Period,Value\nX,2019/21,1\n"))
    assert result.rejected and "row 2, column B ('Period'): '2019/21' is not a period" in str(result.errors[0])


def test_a_file_with_no_table_is_refused(make_store, make_csv):
    store = make_store()
    result = do_import(store, make_csv("Dear colleague,\nPlease find attached the figures.\n"))
    assert result.rejected and "No table we can read was found" in result.errors[0].message


def test_an_officer_decides_each_near_match(make_store, make_csv):
    store = make_store()
    path = make_csv("Measure,Period,Value\nPupil progress scores in reading for KS2,2019/20,1.2\n")
    same = do_import(
        store, path, dry_run=True, matches={"Pupil progress scores in reading for KS2": "ks2-progress-reading"}
    )
    assert not same.rejected and same.matched["Pupil progress scores in reading for KS2"] == "ks2-progress-reading"
    assert same.near_matches == [("Pupil progress scores in reading for KS2", "ks2-progress-reading",
                                  "Pupil progress in reading at the end of Key Stage 2")]  # fmt: skip
    different = do_import(store, path, dry_run=True, matches={"Pupil progress scores in reading for KS2": None})
    assert not different.rejected and [m.name for m in different.new_measures] == [
        "Pupil progress scores in reading for KS2"]  # fmt: skip


def test_a_report_table_with_an_area_column_reads_each_row_for_its_area(make_store, make_xlsx):
    store = make_store()
    path = make_xlsx({"Jobs": [
        ["Tower Hamlets data: good jobs and employment"],
        [],
        ["Measure", "Area", "Polarity", "2020/21", "2021/22", "Overall Trend"],
        ["Employment Rate", "Tower Hamlets", "Higher is better", "70.1%", "72.9%", "Improved"],
        ["Employment Rate", "Newham", "Higher is better", "68.0%", "66.5%", "Worsened"],
        ["Employment Rate", "London region", "Higher is better", "74.0%", "74.9%", ""],
    ]})  # fmt: skip
    result = do_import(store, path)
    assert not result.rejected, result.errors
    got = {(o.area, o.period.label): o.value for o in store.observations(["employment-rate"])
           if o.period.label in ("2020/21", "2021/22") and o.source.file == "upload.xlsx"}  # fmt: skip
    assert got == {("Tower Hamlets", "2020/21"): 70.1, ("Tower Hamlets", "2021/22"): 72.9,
                   ("Newham", "2020/21"): 68.0, ("Newham", "2021/22"): 66.5,
                   ("London", "2020/21"): 74.0, ("London", "2021/22"): 74.9}  # fmt: skip
    assert result.stated_checked >= 2  # each row's stated trend is checked for that row's area


def test_a_measure_name_merged_down_several_rows_names_each_of_them(make_store, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for line in (["Measure", "Area", "2020/21", "2021/22"], ["Employment Rate", "Tower Hamlets", 70.1, 72.9],
                 [None, "Newham", 68.0, 66.5], [None, "London", 70.5, 71.5]):  # fmt: skip
        sheet.append(line)
    sheet.merge_cells("A2:A4")
    book.save(path := tmp_path / "merged.xlsx")
    store = make_store()
    result = do_import(store, path)
    assert not result.rejected, result.errors
    got = {(o.area, o.period.label): o.value for o in store.observations(["employment-rate"])
           if o.source.file == "merged.xlsx"}  # fmt: skip
    assert got == {("Tower Hamlets", "2020/21"): 70.1, ("Tower Hamlets", "2021/22"): 72.9,
                   ("Newham", "2020/21"): 68.0, ("Newham", "2021/22"): 66.5,
                   ("London", "2020/21"): 70.5, ("London", "2021/22"): 71.5}  # fmt: skip


@pytest.mark.parametrize(
    "written, stored",
    [
        ("tower hamlets", "Tower Hamlets"),
        ("TOWER HAMLETS", "Tower Hamlets"),
        ("Tower Hamlets\u200b", "Tower Hamlets"),  # a zero-width space pasted from a web page
        ("Tower\u00a0Hamlets ", "Tower Hamlets"),
        ("E09000030", "Tower Hamlets"),
        ("London Borough of Tower Hamlets", "Tower Hamlets"),
        ("LONDON", "London"),
        ("E12000007", "London"),
        ("england", "England"),
        ("Hammersmith & Fulham", "Hammersmith and Fulham"),
        ("e12000002", "North West region"),
    ],
)
def test_an_area_is_one_place_whatever_its_case_spacing_invisible_characters_or_code(
    written, stored, make_store, make_csv
):
    store = make_store()
    result = do_import(store, make_csv(f"Measure,Period,Area,Value\nEmployment Rate,2022/23,{written},74.1\n"))
    assert not result.rejected, result.errors
    assert list(result.changes("new")["area"]) == [stored]
    assert not [p for p in result.notes if p.code == "area"]


def test_an_area_new_to_the_data_is_named_in_the_preview_and_a_later_spelling_of_it_matches(make_store, make_csv):
    store = make_store()
    first = do_import(store, make_csv("Measure,Period,Area,Value\nEmployment Rate,2022/23,Spitalfields Ward,74.1\n"))
    assert next(p.message for p in first.notes if p.code == "area").startswith("New to the data: 'Spitalfields Ward'")
    again = do_import(store, make_csv("Measure,Period,Area,Value\nEmployment Rate,2023/24,SPITALFIELDS  ward,75.0\n"))
    assert list(again.changes("new")["area"]) == ["Spitalfields Ward"]
    assert not [p for p in again.notes if p.code == "area"]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Borough Name,AvPTAI\nLambeth,22.2\nSouthwark,20.5\n",
         ["an area in each row ('Borough Name') and a measure in each column ('AvPTAI')",
          "nothing says which period its values are for"]),
        ("Ward name,Opened,Closed\nOval,13,9\nHerne Hill,10,7\n",
         ["an area in each row ('Ward name') and a measure in each column ('Opened', 'Closed')",
          "nothing says which period its values are for: not the column headings, a title above the table or the "
          "sheet's name"]),
        ("Venue,Opened,Closed\nOval,13,9\nHerne Hill,10,7\n",
         ["row 1 looks like a table's headings (A1 'Venue', B1 'Opened', C1 'Closed')",
          "In it nothing says which period its values are for",
          "nothing says which measure or area each row is",
          "The nearest layout this program reads: columns Measure, Period (or Year) and Value"]),
    ],
    ids=["areas-down-without-periods", "wards-down-measures-across-without-periods",
         "neither-measures-nor-known-areas-nor-periods"],
)  # fmt: skip
def test_a_refusal_says_which_table_it_tried_what_it_understood_and_what_is_missing(make_store, make_csv, text, said):
    result = do_import(make_store(), make_csv(text))
    [problem] = result.errors
    assert all(part in problem.message for part in said), problem.message


def test_period_headings_that_all_carry_one_word_in_brackets_are_those_periods(make_store, make_csv):
    text = ('"area label","Trend of the council tax base","Trend of the council tax base"\n'
            '"area label","Index","Index"\n"area label","2009/10 (taxbase)","2010/11 (taxbase)"\n'
            '"Tower Hamlets","100.00","104.96"\n"Hackney","100.00","103.10"\n')  # fmt: skip
    store = make_store(framework=False)
    result = do_import(store, make_csv(text))
    assert not result.rejected, result.errors
    [measure_id] = result.matched.values()
    assert {(o.area, o.period.label): o.value for o in store.observations([measure_id])} == {
        ("Tower Hamlets", "2009/10"): 100.0,
        ("Tower Hamlets", "2010/11"): 104.96,
        ("Hackney", "2009/10"): 100.0,
        ("Hackney", "2010/11"): 103.1,
    }
    assert any("carry a word in brackets (2009/10 (taxbase))" in p.message for p in result.notes)


def test_a_table_of_areas_down_ends_at_a_blank_row_and_takes_its_name_from_nomis_s_measure_row(make_store, make_xlsx):
    rows = [["Claimant count by sex and age"], ["ONS Crown Copyright Reserved [from Nomis on 5 April 2023]"], [],
            ["gender", "Total"], ["measure", "Claimant count"], [],
            ["Area", "February 2022", "February 2023"], ["ualad09:Tower Hamlets", 14595, 12270],
            ["ward2021:E05000416 : Bishop's", 430, 350], [],
            ["gender", "Male"], ["date", 2021], ["Area", "February 2022", "February 2023"],
            ["ualad09:Tower Hamlets", 8000, 7000]]  # fmt: skip
    store = make_store(framework=False)
    result = do_import(store, make_xlsx({"Data": rows}))
    assert not result.rejected, result.errors
    assert list(result.matched) == ["Claimant count"]
    assert {(o.area, o.period.label): o.value for o in store.observations(list(result.matched.values()))} == {
        ("Tower Hamlets", "Feb 2022"): 14595.0, ("Tower Hamlets", "Feb 2023"): 12270.0,
        ("Bishop's", "Feb 2022"): 430.0, ("Bishop's", "Feb 2023"): 350.0}  # fmt: skip
    [ended] = [p for p in result.warnings if p.code == "not-read"]
    assert ended.row == 11 and "ends at the blank row 10" in ended.message


@pytest.mark.parametrize(
    ("header", "read"),
    [("2021/22 Outturn", ("2021/22", "outturn")), ("Q3 2022/23 Actual", ("2022/23 Q3", "actual")),
     ("Target 2022/23", ("2022/23", "target")), ("2022/23 (provisional)", ("2022/23", "provisional")),
     ("2022/23 Forecast", ("2022/23", "forecast")), ("Outturn", None), ("Employment 2021/22", None),
     ("LAEI 2016", ("2016", "edition")), ("IMD 2019", ("2019", "edition")), ("GLA 2016", None), ("UK 2020", None),
     ("TH 2019", None)],
)  # fmt: skip
def test_a_period_heading_with_a_word_beside_it(header, read):
    from thplan.ingest.headers import period_and_word

    assert period_and_word(header) == read


def test_a_council_performance_table_outturns_and_actuals_read_targets_rag_and_ref_said_not_imported(
    make_store, make_csv
):
    text = ("Ref,Measure,Polarity,2020/21 Outturn,2021/22 Outturn,2022/23 Target,Q3 2022/23 Actual,RAG,DoT,"
            "Commentary\nKPI02,Households in temporary accommodation,Lower is better,2800,2900,2700,2950,Red,"
            "Worsening,Pressures\n")  # fmt: skip
    store = make_store(framework=False)
    result = do_import(store, make_csv(text, "kpis.csv"))
    assert not result.rejected, result.errors
    [measure] = result.new_measures
    assert {o.period.label: o.value for o in store.observations([measure.id])} == {
        "2020/21": 2800.0, "2021/22": 2900.0, "2022/23 Q3": 2950.0}  # fmt: skip
    said = " ".join(p.message for p in result.notes)
    assert "Column 'Ref' is not a period" in said
    [target] = store.targets()[measure.id]  # a target, not a value (issue 21)
    assert (target.period, target.value) == ("2022/23", 2700.0)
    # the RAG is about the latest figure, a quarter's: no target for it, so it is not checked (and said)
    assert "The file's RAG 'Red' for 'Households in temporary accommodation' is not checked: no target for " \
           "2022/23 Q3." in said  # fmt: skip
    assert "'RAG', 'Commentary' name no period: read as 2022/23 Q3's, the table's latest period." in said
    assert result.stated_checked == 1 and not [p for p in result.problems if p.code == "stated"]  # DoT agrees
    assert [(c.text, c.period) for c in store.commentary()] == [("Pressures", "2022/23 Q3")]


@pytest.mark.parametrize(
    ("dates", "labels", "how"),
    [([datetime(2022, 3, 31), datetime(2023, 3, 31)], ["2021/22", "2022/23"], "the financial years they end"),
     ([datetime(2022, 6, 1), datetime(2022, 7, 1)], ["Jun 2022", "Jul 2022"], "the months they fall in"),
     ([datetime(2022, 6, 30), datetime(2022, 9, 30)], ["Jun 2022", "Sep 2022"], "the months they fall in"),
     ([datetime(2022, 5, 1), datetime(2022, 5, 2)], ["1 May 2022", "2 May 2022"], "days (each a point in time)"),
     ([datetime(2022, 3, 31), datetime(2022, 4, 30)], ["Mar 2022", "Apr 2022"], "the months they fall in")],
    ids=["31-march-ends-a-financial-year", "first-of-the-month", "last-of-the-month",
         "other-days-are-days-the-first-of-the-month-too", "31-march-among-other-month-ends-is-a-month"],
)  # fmt: skip
def test_period_headings_written_as_dates_are_read_one_way_and_said(make_store, make_xlsx, dates, labels, how):
    store = make_store(framework=False)
    result = do_import(store, make_xlsx({"Data": [["Measure", *dates], ["Employment Rate", 72.9, 74.1]]}))
    assert not result.rejected, result.errors
    [measure] = result.new_measures
    assert [o.period.label for o in store.observations([measure.id])] == labels
    assert any(f"dates are read as {how}" in p.message for p in result.notes)


def test_blocks_of_periods_side_by_side_are_measures_of_their_own(make_store, make_xlsx):
    rows = [["Local authority", "Employment rate", None, "Unemployment rate", None, "Number", None],
            ["Local authority", "2021/22", "2022/23", "2021/22", "2022/23", "2021/22", "2022/23"],
            ["Tower Hamlets", 72.9, 74.1, 6.1, 5.5, 1200, 1300],
            ["Hackney", 70.2, 71.0, 6.8, 6.0, 900, 950]]  # fmt: skip
    store = make_store(framework=False)
    result = do_import(store, make_xlsx({"Data": rows}, "borough_summary.xlsx"))
    assert not result.rejected, result.errors
    stored = {(name, o.area, o.period.label): o.value for name, measure_id in result.matched.items()
              for o in store.observations([measure_id]) if o.area == "Tower Hamlets"}  # fmt: skip
    assert stored == {
        ("Employment rate", "Tower Hamlets", "2021/22"): 72.9, ("Employment rate", "Tower Hamlets", "2022/23"): 74.1,
        ("Unemployment rate", "Tower Hamlets", "2021/22"): 6.1,
        ("Unemployment rate", "Tower Hamlets", "2022/23"): 5.5,
        ("Borough summary: Number", "Tower Hamlets", "2021/22"): 1200.0,
        ("Borough summary: Number", "Tower Hamlets", "2022/23"): 1300.0}  # fmt: skip


def test_tables_side_by_side_each_with_its_areas_and_names_of_two_heading_rows(make_store, make_xlsx):
    """A GLA summary sheet: a table of boroughs beside another, each with its own 'Borough' column; the second's
    blocks are named by two rows of headings ('Total' repeats under each age group); a column worked out from the
    periods ('Change') is listed as not imported; the headings name the data's edition beside the year."""
    rows = [
        [None, None, None, None, None, None, "All ages", None, None, None, "Children", None],
        [None, "NO2 concentration", None, None, None, None, "Total", None, "Exceeding", None, "Total", None],
        [
            "Borough",
            "LAEI 2016",
            "LAEI 2019",
            "Change",
            None,
            "Borough",
            "LAEI 2016",
            "LAEI 2019",
            "LAEI 2016",
            "LAEI 2019",
            "LAEI 2016",
            "LAEI 2019",
        ],
        ["Tower Hamlets", 43.0, 33.9, -9.1, None, "Hackney", 273900, 284100, 159100, 3500, 65700, 67400],
        ["Greater London", 36.4, 28.5, -8.0, None, "Tower Hamlets", 305500, 319400, 232900, 23900, 71000, 73600],
    ]
    store = make_store(framework=False)
    result = do_import(store, make_xlsx({"Data": rows}))
    assert not result.rejected, result.errors
    stored = stored_values(store, result)
    assert stored[("NO2 concentration", TH, "2016", "")] == 43.0
    assert stored[("NO2 concentration", "London", "2019", "")] == 28.5
    assert stored[("All ages: Total", TH, "2019", "")] == 319400.0
    assert stored[("All ages: Exceeding", "Hackney", "2016", "")] == 159100.0
    assert stored[("Children: Total", TH, "2016", "")] == 71000.0
    assert len(stored) == 4 + 2 * 2 * 3
    said = " ".join(p.message for p in result.notes)
    assert "the column 'Change'" in said and "'LAEI 2016', 'LAEI 2019' are read as the periods" in said
    assert "'Greater London' as London" in said


def test_a_report_table_whose_headings_name_an_edition_beside_the_year(make_store, make_xlsx):
    rows = [["Measure", "APS 2021", "APS 2022"], ["Residents with a degree (%)", 48.1, 50.2]]
    store = make_store(framework=False)
    result = do_import(store, make_xlsx({"Data": rows}))
    assert not result.rejected, result.errors
    assert stored_values(store, result) == {("Residents with a degree (%)", TH, "2021", ""): 48.1,
                                            ("Residents with a degree (%)", TH, "2022", ""): 50.2}  # fmt: skip
    assert any("'APS 2021', 'APS 2022' are read as the periods" in p.message for p in result.notes)


def test_a_table_below_another_is_read_when_it_has_its_own_heading(make_store, make_xlsx):
    rows = [["Employment rate"], ["Local authority", "2021", "2022"], ["Tower Hamlets", 10, 11], [],
            [None, "Claimants"], ["Local authority", "2021", "2022"], ["Tower Hamlets", 500, 600], [],
            ["Zone", "2021", "2022"], ["Central", 1, 2]]  # fmt: skip
    store = make_store(framework=False)
    result = do_import(store, make_xlsx({"Data": rows}))
    assert not result.rejected, result.errors
    stored = stored_values(store, result)
    assert stored[("Claimants", TH, "2022", "")] == 600.0
    assert sum(name == "Claimants" for name, *_ in stored) == 2 and len(stored) == 4
    [ended] = [p for p in result.warnings if p.code == "not-read"]
    assert ended.row == 9 and "rows are headed 'Zone', which names no areas this program reads" in ended.message


def test_areas_across_with_the_periods_under_each_area(make_store, make_xlsx):
    rows = [["Measure", "Tower Hamlets", None, None, "Inner", None, None],
            [None, "2019", "2020", "Change", "2019", "2020", "Change"],
            ["Employment rate", 70.1, 71.5, 1.4, 72.0, 72.5, 0.5]]  # fmt: skip
    store = make_store(framework=False)
    result = do_import(store, make_xlsx({"Data": rows}))
    assert not result.rejected, result.errors
    assert stored_values(store, result) == {
        ("Employment rate", TH, "2019", ""): 70.1,
        ("Employment rate", TH, "2020", ""): 71.5,
        ("Employment rate", "Inner London", "2019", ""): 72.0,
        ("Employment rate", "Inner London", "2020", ""): 72.5,
    }
    said = " ".join(p.message for p in result.notes)
    assert "the column 'Change'" in said and "'Inner' as Inner London" in said


def _ons_table(title: str, unit: str) -> list[list[object]]:
    rows = [[title], ["Persons aged 16 years and over", None, None, None, None, None, unit],
            [None, None, "Used in the last 3 months", None, None, "Never used"],
            [None, None, 2019, 2020, None, 2019, 2020], [],
            ["All adults", None, 48130, 49041, None, 3993, 3361], [],
            ["Age group (years)"],
            ["16-24", None, 6877, 6844, None, 20, 15],
            ["75+", None, 2471, 2933, None, 2482, "~0"], [],
            ["Disability"],
            ["Equality Act Disabled1", None, 10072, 10950, None, 2336, 2003], [], [],
            ["Discrepancies may occur between totals and the sum of their independently rounded components.", None,
             None, None, None, None, "Source: Office for National Statistics"],
            [None, None, None, None, None, None, "+44 (0)1633 456767"]]  # fmt: skip
    if unit == "%":  # the same table's shares: other figures
        rows = [[v / 1000 if isinstance(v, int) and v > 3000 else v for v in row] for row in rows]
    return rows


def test_a_table_of_a_place_named_in_its_title_by_category_reads_its_rows_as_breakdowns(make_store, make_xlsx):
    """ONS's survey tables: the UK's figures (the place its title names), a row per category in sections, blocks
    of years under each measure's name; the same table in thousands and in per cent on two sheets are two measures,
    told apart by the unit above each; the notes under the table (and the contact beside them) are not read."""
    title = "TABLE 1A: RECENT AND LAPSED INTERNET USERS, UK, 2019 TO 2020"
    store = make_store(framework=False)
    result = do_import(store, make_xlsx({"1a": _ons_table(title, "Thousands"),
                                         "1b": _ons_table(title.replace("1A", "1B"), "%")}))  # fmt: skip
    assert not result.rejected, result.errors
    stored = stored_values(store, result)
    used = "Recent and lapsed internet users, uk (Thousands): Used in the last 3 months"
    assert stored[(used, "UK", "2020", "")] == 49041.0
    assert stored[(used, "UK", "2019", "16-24")] == 6877.0
    assert stored[(used, "UK", "2020", "Disability: Equality Act Disabled")] == 10950.0
    never = "Recent and lapsed internet users, uk (Thousands): Never used"
    assert stored[(never, "UK", "2020", "75+")] == "Too small to display (~0)"
    assert ("Recent and lapsed internet users, uk (%): Never used", "UK", "2019", "") in stored
    assert len(stored) == 2 * 2 * 4 * 2  # two sheets, two measures, four rows, two years
    assert any("figures for UK, the place its title names" in p.message for p in result.notes)


@pytest.mark.parametrize(
    ("label", "breakdown"),
    [("All residents", ""), ("Total", ""), ("All people aged 16+", ""), ("Men", "Male"), ("16-24", "16-24"),
     ("All other White", "Ethnic group: All other White"), ("Bangladeshi2", "Ethnic group: Bangladeshi")],
    ids=["all-residents-is-the-headline", "total-is-the-headline", "all-people-aged-16-plus-is-the-headline",
         "men-is-a-sex", "16-24-is-an-age", "all-other-white-is-a-category", "a-footnote-number-is-no-part-of-it"],
)  # fmt: skip
def test_a_row_label_of_a_table_by_category_is_its_breakdown(make_store, make_xlsx, label, breakdown):
    rows = [["Residents by ethnic group, Tower Hamlets, 2022 to 2023"], [None, 2022, 2023], ["Other", 1, 2],
            [label, 70, 72]]  # fmt: skip
    store = make_store(framework=False)
    result = do_import(store, make_xlsx({"T1": rows}))
    assert not result.rejected, result.errors
    assert (TH, "2023", breakdown) in {(o.area, o.period.label, o.breakdown.label) for o in store.observations()}


def test_a_table_by_category_whose_title_names_no_place_is_not_read_as_the_home_area(make_store, make_xlsx):
    rows = _ons_table("TABLE 1A: RECENT AND LAPSED INTERNET USERS, 2019 TO 2020", "Thousands")
    result = do_import(make_store(framework=False), make_xlsx({"1a": rows}))
    assert result.rejected  # nothing else to import
    [refused] = [p for p in result.warnings if p.code == "not-read"]
    assert "names no place they are for" in refused.message and "(All adults, Age group (years), 16-24, ...)" in (
        refused.message
    )


def test_estimates_between_their_limits_by_category_for_the_period_and_place_of_the_title(make_store, make_xlsx):
    rows = [["TABLE 10A: INTERNET USERS: 95% CONFIDENCE INTERVALS, BY ETHNIC GROUP, UK, 2020"], [],
            ["Persons aged 16 years and over", None, None, None, None, None, None, None, "%"],
            [None, None, "Used in the last 3 months", None, None, None, "Never used"],
            [None, None, "Lower limit", "Survey estimate", "Upper limit", None, "Lower limit", "Survey estimate",
             "Upper limit"], [],
            ["White", None, 91.3, 91.6, 91.9, None, 8.0, 8.3, 8.6],
            ["Bangladeshi", None, 83.1, 87.8, 92.6, None, 7.0, 11.7, 16.4]]  # fmt: skip
    store = make_store(framework=False)
    result = do_import(store, make_xlsx({"10a": rows}))
    assert not result.rejected, result.errors
    found = {(o.breakdown.label, o.period.label): (o.value, o.lower_ci, o.upper_ci) for o in store.observations()
             if o.area == "UK" and result.matched["Never used"] == o.measure_id}  # fmt: skip
    assert found == {("Ethnic group: White", "2020"): (8.3, 8.0, 8.6),
                     ("Ethnic group: Bangladeshi", "2020"): (11.7, 7.0, 16.4)}  # fmt: skip


def test_areas_by_their_nuts_codes_and_two_tables_of_areas_side_by_side(make_store, make_xlsx):
    """ONS's tables by NUTS area: the names unheaded beside 'NUTS Code'; a second table of areas beside the first,
    its codes and names unheaded, each row's figures its own area's (Tower Hamlets is UKI42)."""
    rows = [["TABLE 9A: INTERNET NON-USERS: 95% CONFIDENCE INTERVALS BY LOW LEVEL GEOGRAPHICAL LOCATION, UK, 2020"],
            [None, None, "Never used", None, None, None, None, None, "Never used"],
            ["NUTS Code", None, "Lower limit", "Survey estimate", "Upper limit", None, None, None, "Lower limit",
             "Survey estimate", "Upper limit"],
            ["UKC", "North East", 202, 236, 271, None, "UKI", "London", 293, 347, 401],
            ["UKC11", "Hartlepool and Stockton-on-Tees", 15, 27, 38, None, "UKI42", "Tower Hamlets", 7, 21, 35],
            ["UKC13", "Darlington", 1, 7, 12, None, "UKI45", "Lambeth", 3, 14, 25]]  # fmt: skip
    store = make_store(framework=False)
    result = do_import(store, make_xlsx({"9a": rows}))
    assert not result.rejected, result.errors
    found = {o.area: (o.value, o.lower_ci, o.upper_ci) for o in store.observations() if o.period.label == "2020"}
    assert found == {"North East": (236.0, 202.0, 271.0), "Hartlepool and Stockton-on-Tees": (27.0, 15.0, 38.0),
                     "Darlington": (7.0, 1.0, 12.0), "London": (347.0, 293.0, 401.0), TH: (21.0, 7.0, 35.0),
                     "Lambeth": (14.0, 3.0, 25.0)}  # fmt: skip


def test_figures_after_an_areas_across_table_in_no_table_it_reads_are_said_not_read(make_store, make_xlsx):
    rows = [["Measure", "Tower Hamlets", "London"], [None, "2019", "2019"], ["Employment rate", 70.1, 74.0], [],
            [None, "Exceeding", "Meeting"], ["LAEI 2016", 0.9, 0.1]]  # fmt: skip
    result = do_import(make_store(framework=False), make_xlsx({"Data": rows}))
    assert not result.rejected, result.errors
    [left] = [p for p in result.warnings if p.code == "not-read"]
    assert left.row == 6 and "hold figures in no table this program reads" in left.message


def test_an_areas_by_period_workbook_reads_percentage_formatted_cells_as_shown(make_store, make_xlsx):
    rows = [["Local authority", "Child poverty (%)", "Child poverty (%)"], ["Local authority", "2021/22", "2022/23"],
            ["Tower Hamlets", (0.4812, "0.0%"), (0.4735, "0.0%")]]  # fmt: skip
    store = make_store(framework=False)
    result = do_import(store, make_xlsx({"Data": rows}))
    assert not result.rejected, result.errors
    [measure_id] = result.matched.values()
    assert [(o.value, o.decimals) for o in store.observations([measure_id])] == [(48.12, 1), (47.35, 1)]


def test_an_ons_table_of_areas_with_codes_and_parent_areas_year_ending_periods_and_rows_spaced_out(
    make_store, make_xlsx
):
    rows = [["Contents"], ["Table 2a"],
            ["Median price paid by local authority, year ending Dec 2020 to year ending Mar 2021"], [],
            ["Region/Country code", "Region/Country name", "Local authority code", "Local authority name",
             "Year ending Dec 2020", "Year ending Mar 2021"],
            ["E12000007", "London", "E09000030", "Tower Hamlets", 440000, 450000], [],
            ["E12000007", "London", "E09000012", "Hackney", 600000, 590000], [],
            ["Notes"], ["1. Prices are medians."]]  # fmt: skip
    store = make_store(framework=False)
    result = do_import(store, make_xlsx({"2a": rows}))
    assert not result.rejected, result.errors
    assert stored_values(store, result) == {
        ("Median price paid", TH, "Jan 2020-Dec 2020", ""): 440000.0,
        ("Median price paid", TH, "Apr 2020-Mar 2021", ""): 450000.0,
        ("Median price paid", "Hackney", "Jan 2020-Dec 2020", ""): 600000.0,
        ("Median price paid", "Hackney", "Apr 2020-Mar 2021", ""): 590000.0,
    }
    assert any("is read as the measure 'Median price paid'" in p.message for p in result.notes)


def test_areas_down_measures_across_with_codes_a_parent_area_confidence_limits_and_cvs(make_store, make_xlsx):
    """The region's name repeats beside its boroughs: the borough is the area. LCI and UCI are the interval of the
    measure they name; the CV and the text column (the region) are listed as not imported."""
    rows = [["Table 2a: Percentage of households by tenure"], [],
            ["Region code", "Region name", "Local authority code", "Local authority name", "Inner/Outer",
             "2020 Social Rent (%)", "2020 Social Rent LCI (%)", "2020 Social Rent UCI (%)", "2020 Social Rent CV (%)"],
            ["E12000007", "London", "E09000030", "Tower Hamlets", "Inner London", 38.5, 35.1, 41.9, 4.5],
            ["E12000007", "London", "E09000012", "Hackney", "Inner London", 40.2, 36.0, 44.4, 5.3]]  # fmt: skip
    store = make_store(framework=False)
    result = do_import(store, make_xlsx({"2a": rows}))
    assert not result.rejected, result.errors
    stored = {(o.area, o.period.label): (o.value, o.lower_ci, o.upper_ci) for o in store.observations()}
    assert stored == {(TH, "2020"): (38.5, 35.1, 41.9), ("Hackney", "2020"): (40.2, 36.0, 44.4)}
    assert list(result.matched) == ["Social Rent (%)"]
    unused = " ".join(p.message for p in result.notes if p.code == "not-imported")
    assert all(f"'{h}'" in unused for h in ("Region code", "Region name", "Inner/Outer", "2020 Social Rent CV (%)"))


@pytest.mark.parametrize(
    ("title", "read"),
    [("Total population (2021)", ("Total population", "2021")),
     ("Renewable electricity generation at Local Authority Level - as at end of 2015",
      ("Renewable electricity generation at Local Authority Level", "2015")),
     ("Fuel Poverty by LSOA [Notes 4 and 6], 2021", ("Fuel Poverty by LSOA [Notes 4 and 6]", "2021")),
     ("Table 3: Fuel Poverty by LSOA [Note A], 2020 [Notes 3 and 4]", ("Table 3: Fuel Poverty by LSOA [Note A]",
                                                                        "2020")),
     ("Claimants, Mar 2022", ("Claimants", "Mar 2022")),
     ("Employment rate, year ending Jun 2022", ("Employment rate", "Jul 2021-Jun 2022")),
     ("Median price paid, year ending Dec 1995 to year ending Jun 2022", None),
     ("Employment, Jul 2021 to Jun 2022", ("Employment", "Jul 2021-Jun 2022")),
     ("Claimants aged 16-64 in the year ending Jun 2022", None),
     ("Population projections, 2018-based", None),
     ("Obesity in Year 6 (%) 2019/20 - 2021/22", ("Obesity in Year 6 (%)", "2019/20 - 21/22")),
     ("Population - 2015", ("Population", "2015"))],
    ids=["in-brackets", "after-as-at-end-of", "after-a-comma", "notes-after-the-period", "a-month", "a-year-ending",
         "a-span-of-year-endings-is-no-period", "months", "a-year-that-ends-a-longer-period-is-not-it",
         "based-is-no-period", "financial-years-pooled-are-all-of-them-not-the-last", "a-dash-before-the-year"],
)  # fmt: skip
def test_the_period_a_table_s_title_ends_with(title, read):
    from thplan.ingest.headers import title_period

    name, period = title_period(title)
    assert (None if period is None else (name, period)) == read


@pytest.mark.parametrize(
    ("rows", "stored", "refused"),
    [([["E12000005", "West Midlands", 49500], ["E11000005", "West Midlands", 46250]],
      {"West Midlands region": 49500.0, "West Midlands": 46250.0}, None),
     ([["E12000007", "LONDON", 72950], ["E09000030", "Tower Hamlets", 67500]],
      {"London": 72950.0, TH: 67500.0}, None),
     ([["E09000012", "Tower Hamlets", 67500]], None,
      "The area's name 'Tower Hamlets' and its code E09000012 (A4, the code of Hackney) are of two different places"),
     ([["E07000032", "Amber Valley", 56435], ["E14000533", "Amber Valley", 40570]],
      {"Amber Valley": 56435.0, "Amber Valley (constituency)": 40570.0}, None),
     ([["E01026680", "Lynn 001A", 838], ["E01033036", "Lynn 001A", 665], ["E01033037", "Lynn 002A", 666]],
      {"Lynn 001A (E01026680)": 838.0, "Lynn 001A (E01033036)": 665.0, "Lynn 002A": 666.0}, None)],
    ids=["a-known-code-names-the-area-a-region-is-not-the-county-of-its-name", "codes-and-names-agree",
         "a-name-that-is-another-place-than-its-code-is-refused", "a-constituency-is-not-the-district-of-its-name",
         "one-name-with-two-codes-is-two-areas-each-named-with-its-code"],
)  # fmt: skip
def test_an_area_with_its_ons_code_beside_it_is_the_place_the_code_names(make_store, make_xlsx, rows, stored, refused):
    table = [
        ["Median price paid, year ending Dec 1995"],
        [],
        ["Code", "Name", "Year ending Dec 1995", "Year ending Mar 1996"],
    ]
    table += [[*r, r[-1]] for r in rows]
    store = make_store(framework=False)
    result = do_import(store, make_xlsx({"1a": table}))
    if refused:
        assert result.rejected and any(refused in p.message for p in result.errors), result.errors
        return
    assert not result.rejected, result.errors
    assert {o.area: o.value for o in store.observations() if o.period.label == "Jan 1995-Dec 1995"} == stored


@pytest.mark.parametrize(
    ("text", "period", "stored", "said"),
    [("Ward name,Opened,Closed\nOval,13,9\n", "2022/23",
      {("Opened", "Oval", "2022/23", ""): 13.0, ("Closed", "Oval", "2022/23", ""): 9.0}, True),
     ("Indicator,Tower Hamlets,London\nClaimant rate,4.1,3.9\n", "Mar 2022",
      {("Claimant rate", TH, "Mar 2022", ""): 4.1, ("Claimant rate", "London", "Mar 2022", ""): 3.9}, True),
     ("Ward name,Opened 2021,Closed 2021\nOval,13,9\n", "2022/23",
      {("Opened", "Oval", "2021", ""): 13.0, ("Closed", "Oval", "2021", ""): 9.0}, False),
     ("Dataset name,Deaths (u75) all causes\nOval,109.4\nStockwell,98\n", "2020",
      {("Deaths (u75) all causes", "Oval", "2020", ""): 109.4,
       ("Deaths (u75) all causes", "Stockwell", "2020", ""): 98.0}, True),
     ("Ward name,Opened\nOval,13\n", "Spring", None, False)],
    ids=["areas-down-measures-across", "areas-across", "a-table-that-names-its-period-keeps-it",
         "a-ward-profile-export-s-dataset-name-column-names-the-areas-of-its-one-measure",
         "a-period-that-is-none-is-refused"],
)  # fmt: skip
def test_a_period_given_on_upload_is_used_only_where_a_table_names_none(
    make_store, make_csv, text, period, stored, said
):
    store = make_store(framework=False)
    result = do_import(store, make_csv(text), period=period)
    if stored is None:
        assert result.rejected and "The period given for the file's values: 'Spring' is not a period" in str(
            result.errors[0]
        )
        return
    assert not result.rejected, result.errors
    assert stored_values(store, result) == stored
    assert any(p.code == "given-period" for p in result.warnings) is said


def test_notes_and_metadata_sheets_are_kept_as_the_file_s_notes_never_read_as_data(make_store, make_xlsx):
    sheets = {
        "Cover sheet": [["Claimant count, 2022"], ["Published by the ONS"]],
        "Notes": [["Note number", "Note text"], ["Note 1", "Figures for 2022 are provisional."], [2, 3]],
        "Data": [["Measure", "2021/22", "2022/23"], ["Claimant rate", 4.1, 3.9]],
    }  # fmt: skip
    store = make_store(framework=False)
    result = do_import(store, make_xlsx(sheets))
    assert not result.rejected, result.errors
    assert list(result.matched) == ["Claimant rate"]
    assert result.file_notes == {
        "Cover sheet": "Claimant count, 2022\nPublished by the ONS",
        "Notes": "Note number Note text\nNote 1 Figures for 2022 are provisional.\n2 3",
    }
    [record] = [r for r in store.imports() if r.id == result.import_id]
    assert record.summary["file_notes"] == result.file_notes


@pytest.mark.parametrize(
    ("header", "read"),
    [("Employment rate (%) (2015)", ("Employment rate (%)", "2015")),
     ("Life satisfaction score 2011-14 (out of 10)", ("Life satisfaction score (out of 10)", "2011-14")),
     ("Claimants Mar-22", ("Claimants", "Mar 2022")),
     ("Claimant rate March 2022", ("Claimant rate", "Mar 2022")),
     ("Total electors (includes attainers) 1 December 2021", ("Total electors (includes attainers)", "Dec 2021")),
     ("Population mid-2020", ("Population", "2020")),
     ("Total population: mid 2015 (excluding prisoners)", ("Total population (excluding prisoners)", "2015")),
     ("Households [note 2][note 3] 2021", ("Households", "2021")),
     ("Inland Area (Hectares)", ("Inland Area (Hectares)", None)),
     ("Obesity in Year 6 (%) – 2019/20 to 2021/22", ("Obesity in Year 6 (%)", "2019/20 - 21/22")),
     ("Obesity (2019/20 - 21/22)", ("Obesity", "2019/20 - 21/22")),
     ("Male life expectancy -2009-13", ("Male life expectancy", "2009-13")),
     ("Homes built, 2022/23 (p)", ("Homes built", "2022/23")), ("Homes built (P)", ("Homes built (P)", None))],
    ids=["year-in-brackets", "rolling-years-inside", "month-abbreviated", "a-month-written-out-is-that-month",
         "a-day-is-its-month", "mid-year", "mid-year-written-with-a-space", "note-references-are-no-part-of-the-name",
         "no-period", "financial-years-pooled-from-one-to-another", "financial-years-pooled-as-fingertips-writes-them",
         "a-dash-before-the-period-is-no-part-of-the-name", "a-provisional-mark-after-the-period-is-no-part-of-it",
         "a-mark-with-no-period-is-part-of-the-name"],
)  # fmt: skip
def test_a_measure_column_s_heading_gives_its_name_and_period(header, read):
    from thplan.ingest.wide import split_measure_header

    assert split_measure_header(header) == read


def _levels(title: str, values: tuple[float, float]) -> list[list[object]]:
    return [[title], [], ["Area name", "Employment", "Unemployment"], ["Tower Hamlets", *values]]


@pytest.mark.parametrize(
    ("sheets", "stored"),
    [({"Levels": _levels("Employment, 2021", (150000, 9000)), "Rates": _levels("Employment, 2021", (70.1, 5.6))},
      {("Levels: Employment", TH, "2021", ""): 150000.0, ("Levels: Unemployment", TH, "2021", ""): 9000.0,
       ("Rates: Employment", TH, "2021", ""): 70.1, ("Rates: Unemployment", TH, "2021", ""): 5.6}),
     ({"LA - Sites 2021": _levels("Sites, 2021", (692, 1)), "LA - Capacity, 2021": _levels("MW, 2021", (5.9, 0.1))},
      {("Sites: Employment", TH, "2021", ""): 692.0, ("Sites: Unemployment", TH, "2021", ""): 1.0,
       ("Capacity: Employment", TH, "2021", ""): 5.9, ("Capacity: Unemployment", TH, "2021", ""): 0.1}),
     ({"2020": _levels("Employment, 2020", (1, 2)), "2021": _levels("Employment, 2021", (3, 4))},
      {("Employment", TH, "2020", ""): 1.0, ("Unemployment", TH, "2020", ""): 2.0,
       ("Employment", TH, "2021", ""): 3.0, ("Unemployment", TH, "2021", ""): 4.0}),
     ({"Table 1 2020": _levels("Employment, 2020", (1, 2)), "Table 2 2021": _levels("Employment, 2021", (3, 4))},
      {("Employment", TH, "2020", ""): 1.0, ("Unemployment", TH, "2020", ""): 2.0,
       ("Employment", TH, "2021", ""): 3.0, ("Unemployment", TH, "2021", ""): 4.0}),
     ({"1a": _levels("Employment, 2020", (1, 2)), "2a": _levels("Employment, 2021", (3, 4))},
      {("Employment", TH, "2020", ""): 1.0, ("Unemployment", TH, "2020", ""): 2.0,
       ("Employment", TH, "2021", ""): 3.0, ("Unemployment", TH, "2021", ""): 4.0})],
    ids=["levels-and-rates-sheets-are-two-measures-each", "sheets-named-for-what-they-measure-and-a-year",
         "a-sheet-a-year-is-one-measure", "a-table-number-and-a-year-say-nothing-of-what-is-measured",
         "a-table-s-code-says-nothing-of-what-is-measured"],
)  # fmt: skip
def test_one_heading_on_sheets_that_measure_different_things_is_a_measure_for_each(
    make_store, make_xlsx, sheets, stored
):
    store = make_store(framework=False)
    result = do_import(store, make_xlsx(sheets))
    assert not result.rejected, result.errors
    assert stored_values(store, result) == stored
    said = [p.message for p in result.notes if "measure different things" in p.message]
    assert len(said) == (2 if any(":" in name for name in result.matched) else 0)


def test_a_column_of_values_without_a_heading_is_listed_as_not_imported(make_store, make_csv):
    store = make_store(framework=False)
    result = do_import(
        store, make_csv("Ward name,At risk employees (%),\nOval,8.4,834\nStockwell,9.1,700\n"), period="Sep 2021"
    )
    assert not result.rejected, result.errors
    assert stored_values(store, result) == {
        ("At risk employees (%)", "Oval", "Sep 2021", ""): 8.4,
        ("At risk employees (%)", "Stockwell", "Sep 2021", ""): 9.1,
    }
    assert any(p.code == "not-imported" and "column C (no heading)" in p.message for p in result.notes)


@pytest.mark.parametrize(
    ("above", "stored"),
    [([["date", 2021], ["area name", "Lambeth"]],
      {("Census: Aged 4 years and under", "Lambeth", "2021", ""): 15265.0,
       ("Census: Aged 4 years and under", "Lambeth", "2021", "Female"): 7488.0,
       ("Census: Aged 4 years and under", "Lambeth", "2021", "Male"): 7777.0}),
     ([["date", 2021]], None)],
    ids=["one-area-named-above-a-column-per-sex-all-persons-the-headline", "no-area-named-is-not-this-layout"],
)  # fmt: skip
def test_a_nomis_table_for_one_area_with_a_column_per_sex(make_store, make_xlsx, above, stored):
    rows = [["Census"], [], *above, [], ["Age", "All persons", "Female", "Male"],
            ["Aged 4 years and under", 15265, 7488, 7777]]  # fmt: skip
    store = make_store(framework=False)
    result = do_import(store, make_xlsx({"Data": rows}))
    if stored is None:
        assert result.rejected
        return
    assert not result.rejected, result.errors
    assert stored_values(store, result) == stored


_BOROUGHS = ["Tower Hamlets", "Hackney", "Camden", "Islington", "Lambeth", "Southwark", "Lewisham", "Newham", "Brent"]


@pytest.mark.parametrize(
    ("grades", "refused"),
    [(["1b", "2", "2", "1b", "2", "6a", "6a", "2", "1b"], False),
     (["1b", "2", "3", "4", "5", "6a", "6b", "1a", "0"], True)],
    ids=["a-few-grades-shared-by-many-areas-describe-them", "a-text-among-many-values-is-refused-naming-the-cell"],
)  # fmt: skip
def test_a_column_of_grades_beside_a_measure_describes_the_areas(make_store, make_csv, grades, refused):
    text = "Borough Name,AvPTAI2015,PTAL\n" + "".join(
        f"{b},{n}.5,{g}\n" for n, (b, g) in enumerate(zip(_BOROUGHS, grades, strict=True))
    )
    result = do_import(make_store(framework=False), make_csv(text))
    if refused:
        assert result.rejected and "this column holds text (C2 '1b'" in result.errors[0].message, result.errors
        return
    assert not result.rejected, result.errors
    assert any(p.code == "not-imported" and "'PTAL'" in p.message for p in result.notes)


_CENSUS = ("Lower Tier Local Authorities Code,Lower Tier Local Authorities,Household deprivation (6 categories) Code,"
           "Household deprivation (6 categories),Observation\n"
           "E09000030,Tower Hamlets,1,Household is not deprived in any dimension,55936\n"
           "E09000030,Tower Hamlets,2,Household is deprived in one dimension,38337\n"
           "E09000012,Hackney,1,Household is not deprived in any dimension,50116\n")  # fmt: skip


@pytest.mark.parametrize(
    ("period", "stored"),
    [("2021", {("Household deprivation (6 categories): Household is not deprived in any dimension", TH, "2021", ""):
               55936.0,
               ("Household deprivation (6 categories): Household is deprived in one dimension", TH, "2021", ""):
               38337.0,
               ("Household deprivation (6 categories): Household is not deprived in any dimension", "Hackney", "2021",
                ""): 50116.0}),
     ("", None)],
    ids=["each-category-a-measure-each-area-by-its-code-with-the-period-given",
         "no-period-given-is-refused-saying-what-was-understood"],
)  # fmt: skip
def test_a_census_custom_dataset(make_store, make_csv, period, stored):
    store = make_store(framework=False)
    result = do_import(store, make_csv(_CENSUS), period=period)
    if stored is None:
        assert result.rejected and result.period_needed
        assert "a category in the column 'Household deprivation (6 categories)'" in result.errors[0].message
        return
    assert not result.rejected, result.errors
    assert stored_values(store, result) == stored
    assert any(p.code == "not-imported" and "(6 categories) Code'" in p.message for p in result.notes)


@pytest.mark.parametrize(
    ("name", "said"),
    [("nndr1_2022-23.xlsx", "2022-23"), ("internetusers2020.xlsx", "2020"), ("Copy of 2021-22 review (2).xlsx",
     "2021-22"), ("deprivation.xlsx", None), ("counts_2019_2020.csv", None), ("ref20191.csv", None),
     ("claimants.2015.csv", "2015")],
    ids=["a-span-of-years", "a-year-against-a-word", "a-copy-s-number-is-no-year", "no-year", "two-years-are-no-hint",
         "a-year-inside-a-longer-number-is-none", "a-year-between-dots"],
)  # fmt: skip
def test_the_period_a_file_s_name_gives_is_a_hint_for_the_officer(name, said):
    assert name_period(name) == said


def test_ons_field_names_head_the_areas_their_codes_and_parent_areas(make_store, make_csv):
    text = ("LAD22CD,LAD22NM,RGN22NM,RUC11CD,canopy_per\nE09000030,Tower Hamlets,London,1,12.5\n"
            "E09000012,Hackney,London,1,18.25\nE09000007,Camden,London,2,20\n")  # fmt: skip
    store = make_store(framework=False)
    result = do_import(store, make_csv(text), period="2020")
    assert not result.rejected, result.errors
    assert stored_values(store, result) == {("canopy_per", TH, "2020", ""): 12.5,
                                            ("canopy_per", "Hackney", "2020", ""): 18.25,
                                            ("canopy_per", "Camden", "2020", ""): 20.0}  # fmt: skip
    unused = " ".join(p.message for p in result.notes if p.code == "not-imported")
    assert "'LAD22CD'" in unused and "'RGN22NM'" in unused
    assert "'RUC11CD'" in unused  # a classification's code (rural-urban class 1-6) is no measure though a number


def test_columns_that_name_no_period_beside_ones_that_do_ask_for_it_and_keep_their_own(make_store, make_csv):
    text = "Area code,Area name,IMD score,Population mid 2015\nE09000030,Tower Hamlets,27.5,2919\n"
    refused = do_import(make_store(framework=False), make_csv(text))
    assert refused.rejected and refused.period_needed
    store = make_store(framework=False, name="given.duckdb")
    result = do_import(store, make_csv(text), period="2019")
    assert not result.rejected, result.errors
    assert stored_values(store, result) == {("IMD score", TH, "2019", ""): 27.5,
                                            ("Population", TH, "2015", ""): 2919.0}  # fmt: skip
    [said] = [p.message for p in result.warnings if p.code == "given-period"]
    assert "read as 2019, the period given" in said


def test_a_header_of_two_rows_names_each_column_by_its_block_and_its_heading(make_store, make_xlsx):
    rows = [["Region code", "Region name", "Property type: Houses", None, "Property type: Flats"],
            [None, None, "Address count", "Average size (m2)", "Address count"],
            ["E12000007", "London", 1569053, 201.4, 2013050],
            ["E12000001", "North East", 1026431, 212.9, 190552],
            [None, "All households", 2595484, 205.0, 2203602]]  # fmt: skip
    store = make_store(framework=False)
    result = do_import(store, make_xlsx({"Region gardens": rows}), period="2020")
    assert not result.rejected, result.errors
    houses, flats = "Property type: Houses: ", "Property type: Flats: "
    assert stored_values(store, result) == {
        (houses + "Address count", "London", "2020", ""): 1569053.0,
        (houses + "Average size (m2)", "London", "2020", ""): 201.4,
        (flats + "Address count", "London", "2020", ""): 2013050.0,
        (houses + "Address count", "North East region", "2020", ""): 1026431.0,
        (houses + "Average size (m2)", "North East region", "2020", ""): 212.9,
        (flats + "Address count", "North East region", "2020", ""): 190552.0,
    }
    assert any(p.code == "not-read" and "(5)" in p.message for p in result.warnings), "the total row is said"


def test_areas_named_under_no_heading_beside_their_codes_with_a_year_alone_as_the_heading(make_store, make_xlsx):
    """ONS's business demography: the title names the measure (its table number, its years and the line saying
    which areas the rows are set aside), the codes and names have no heading, one year heads the values."""
    rows = [["TABLE 1.1b - COUNT OF BIRTHS OF NEW ENTERPRISES for 2019"], [],
            ["DISTRICT, COUNTIES AND UNITARY AUTHORITIES WITHIN REGION AND COUNTRY by YEAR"], [],
            [None, None, 2019], [], ["E12000007", "LONDON", 50710], [],
            ["E09000030", "            Tower Hamlets", 3495], ["E09000012", "Hackney", 2570]]  # fmt: skip
    store = make_store(framework=False)
    result = do_import(store, make_xlsx({"Table 1.1b": rows}))
    assert not result.rejected, result.errors
    name = "Count of births of new enterprises"
    assert stored_values(store, result) == {(name, "London", "2019", ""): 50710.0, (name, TH, "2019", ""): 3495.0,
                                            (name, "Hackney", "2019", ""): 2570.0}  # fmt: skip


@pytest.mark.parametrize(
    ("title", "measure"),
    [("Median price paid by local authority, year ending Dec 1995 to year ending Jun 2022", "Median price paid"),
     ("TABLE 1.1a - COUNT OF BIRTHS OF NEW ENTERPRISES for 2015 to 2018", "Count of births of new enterprises"),
     ("Table 3: Households in fuel poverty by region, 2020", "Households in fuel poverty"),
     ("Deaths for all causes", "Deaths for all causes")],
    ids=["areas-and-a-span-of-periods-left-out", "a-table-number-years-and-capitals-left-out",
         "a-table-number-areas-and-a-year-left-out", "for-and-no-period-is-part-of-the-name"],
)  # fmt: skip
def test_what_a_table_s_title_says_is_measured(title, measure):
    from thplan.ingest.wide import title_measure

    assert title_measure(title) == measure


def test_a_block_of_confidence_intervals_beside_the_values_is_their_interval_period_by_period(make_store, make_xlsx):
    rows = [[None, None, "Jobs paid below the Living Wage (%)", None, None, "95% Confidence Interval (+/-)"],
            [None, None, 2021, 2022, None, 2021, 2022],
            ["Code", "Area name", None, None, None, None, None],
            ["E09000030", "Tower Hamlets", 12.5, 11.0, None, 3.4, 2.5],
            ["E09000012", "Hackney", 14.0, 13.0, None, 3.0, 2.0],
            ["E09000007", "Camden", 9.0, 8.0, None, 2.0, 1.0]]  # fmt: skip
    store = make_store(framework=False)
    result = do_import(store, make_xlsx({"Percent": rows}))
    assert not result.rejected, result.errors
    found = {o.period.label: (o.value, o.lower_ci, o.upper_ci) for o in store.observations() if o.area == TH}
    assert found == {"2021": (12.5, 9.1, 15.9), "2022": (11.0, 8.5, 13.5)}
    assert list(result.matched) == ["Jobs paid below the Living Wage (%)"]


def test_areas_headed_description_beside_their_codes_under_three_rows_of_headings(make_store, make_xlsx):
    """ASHE: the areas' column is headed 'Description' (its codes beside it say they are areas); the rows of
    headings above the measures' columns head each column together; an unclassified row names no area."""
    rows = [["Table 7 LWF.1 - For all employee jobs: United Kingdom, 2022"], [],
            [None, None, "% earning below Living Wage Foundation rates"], [None, None, "Jobs", "Per cent"],
            ["Description", "Code", "(thousand)"], ["London", "E12000007", 553, 11.9],
            ["  Tower Hamlets", "E09000030", 15, 5.7], ["Hackney", "E09000012", "x", "x"],
            ["Not Classified", None, ":"]]  # fmt: skip
    store = make_store(framework=False)
    result = do_import(store, make_xlsx({"All": rows}))
    assert not result.rejected, result.errors
    jobs, share = (f"% earning below Living Wage Foundation rates: {h}" for h in ("Jobs (thousand)", "Per cent"))
    assert stored_values(store, result) == {
        (jobs, "London", "2022", ""): 553.0, (share, "London", "2022", ""): 11.9,
        (jobs, TH, "2022", ""): 15.0, (share, TH, "2022", ""): 5.7,
        (jobs, "Hackney", "2022", ""): "Not available (x)", (share, "Hackney", "2022", ""): "Not available (x)",
    }  # fmt: skip


def _survey(title: str, heading: str, values: tuple[float, float, float]) -> list[list[object]]:
    return [[title], [], ["Area code", "Police force area", heading, "Confidence interval\nLower bound",
                          "Confidence interval\nUpper bound", "Unweighted base - number of adults"],
            ["E12000007", "City of London / Metropolitan Police", *values, 1500],
            ["E23000013", "Cleveland", 1.3, 0.8, 1.8, 357], ["E23000008", "Durham", 2.5, 1.9, 3.1, 371]]  # fmt: skip


def test_survey_estimates_with_their_limits_and_headings_that_name_nothing_named_by_their_titles(make_store, make_xlsx):
    """An estimate beside its confidence limits' columns; the sample size is not imported; a heading that says
    nothing ('Estimate') takes the title's name; one heading on two sheets whose names say nothing and whose titles
    differ is a measure for each, named by its title."""
    ending = "England and Wales, year ending September 2022 [note 1]"
    sheets = {"Table 3a": _survey(f"Table 3a: Victims of crime (excluding fraud), {ending}", "Personal crime",
                                  (4.27, 2.77, 5.77)),
              "Table 3b": _survey(f"Table 3b: Victims of crime (including fraud), {ending}", "Personal crime",
                                  (11.17, 9.18, 13.16)),
              "Table 4b": _survey(f"Table 4b: Witnessed anti-social behaviour, {ending}", "Estimate",
                                  (32.31, 29.48, 35.15))}  # fmt: skip
    store = make_store(framework=False)
    result = do_import(store, make_xlsx(sheets))
    assert not result.rejected, result.errors
    names = {measure_id: name for name, measure_id in result.matched.items()}
    london = {names[o.measure_id]: (o.period.label, o.value, o.lower_ci, o.upper_ci)
              for o in store.observations() if o.area == "London"}  # fmt: skip
    year = "Oct 2021-Sep 2022"
    assert london == {
        "Victims of crime (excluding fraud), England and Wales: Personal crime": (year, 4.27, 2.77, 5.77),
        "Victims of crime (including fraud), England and Wales: Personal crime": (year, 11.17, 9.18, 13.16),
        "Witnessed anti-social behaviour, England and Wales": (year, 32.31, 29.48, 35.15),
    }
    assert all("Unweighted base" in p.message for p in result.notes if p.code == "not-imported")


@pytest.mark.parametrize(
    ("text", "period", "stored"),
    [("Area name,2021\nTower Hamlets,5\nHackney,6\n", "", {("Claimants", TH, "2021", ""): 5.0,
                                                          ("Claimants", "Hackney", "2021", ""): 6.0}),
     ("Area name,Value\nTower Hamlets,5\nHackney,6\n", "2021", {("Claimants", TH, "2021", ""): 5.0,
                                                               ("Claimants", "Hackney", "2021", ""): 6.0})],
    ids=["a-year-alone-over-the-values-names-no-measure", "value-alone-names-no-measure"],
)  # fmt: skip
def test_one_column_of_values_whose_heading_names_no_measure_is_named_after_the_file(
    make_store, make_csv, text, period, stored
):
    store = make_store(framework=False)
    result = do_import(store, make_csv(text, "claimants.csv"), period=period)
    assert not result.rejected, result.errors
    assert stored_values(store, result) == stored
    assert result.named_by_title == ["Claimants"]


@pytest.mark.parametrize(
    ("headings", "stored", "assumed"),
    [(["Electors 1 December 2021", "EU electors 1 December 2021", "EU electors %"],
      {("Electors", "Dec 2021"), ("EU electors", "Dec 2021"), ("EU electors %", "Dec 2021")}, ["EU electors %"]),
     (["Electors 2020", "EU electors 2021", "EU electors %"], None, []),
     (["Electors 2021", "EU electors %"], None, [])],
    ids=["an-undated-column-beside-columns-of-one-date-takes-it-said", "columns-of-two-periods-give-it-none",
         "one-dated-column-is-too-few-to-say"],
)  # fmt: skip
def test_a_column_without_a_period_beside_columns_of_one_period(make_store, make_xlsx, headings, stored, assumed):
    rows = [["Table 5: European Union citizens eligible to vote"], ["This met my needs, please produce it next year"],
            ["LA code", "LA name", *headings],
            ["E09000030", "Tower Hamlets", *range(100, 100 + len(headings))],
            ["E09000012", "Hackney", *range(200, 200 + len(headings))]]  # fmt: skip
    store = make_store(framework=False)
    result = do_import(store, make_xlsx({"Table 5": rows}))
    if stored is None:
        assert result.rejected and any("does not say which period" in e.message for e in result.errors)
        return
    assert not result.rejected, result.errors
    assert {(o.measure_id and {v: k for k, v in result.matched.items()}[o.measure_id], o.period.label)
            for o in store.observations()} == stored  # fmt: skip
    said = [p.message for p in result.warnings if p.code == "assumed-period"]
    assert len(said) == len(assumed) and all(f"'{h}'" in m for h, m in zip(assumed, said, strict=True))


def test_a_line_asking_the_reader_for_something_is_not_the_table_s_title(make_store, make_xlsx):
    rows = [["Table 3: Electors opted out of the open register, by local authority, 2020 to 2021."],
            ["This met my needs, please produce it next year"],
            ["I need something slightly different (please specify)"],
            ["Area Code", "Local Authority", 2021, 2020],
            ["E09000030", "Tower Hamlets", 155008, 158928]]  # fmt: skip
    result = do_import(make_store(framework=False), make_xlsx({"Table 3": rows}))
    assert not result.rejected, result.errors
    assert list(result.matched) == ["Electors opted out of the open register"]


@pytest.mark.parametrize(
    ("names", "stored"),
    [(["England (Nation)", "London AP", "Tower Hamlets LA"],
      {("England", "Nov 2015-Oct 2016"): 27.4, ("London AP", "Nov 2015-Oct 2016"): 26.3,
       (TH, "Nov 2015-Oct 2016"): 29.4, ("England", "Nov 2016-Oct 2017"): 27.4,
       ("London AP", "Nov 2016-Oct 2017"): 26.2, (TH, "Nov 2016-Oct 2017"): 32.1}),
     (["Cycling", "Walking", "Tower Hamlets LA"], None)],
    ids=["places-it-knows-under-no-heading-are-the-areas", "a-column-of-other-words-is-no-column-of-areas"],
)  # fmt: skip
def test_an_unheaded_column_of_places_beside_periods_sport_england_s_active_lives(make_store, make_csv, names, stored):
    values = [("27.4%", "27.4%"), ("26.3%", "26.2%"), ("29.4%", "32.1%")]
    text = '"Trends"\n"Cycling excluding exercise bike and cycle class"\n"","Nov 15-16","Nov 16-17"\n' + "".join(
        f'"{name}","{a}","{b}"\n' for name, (a, b) in zip(names, values, strict=True)
    )
    store = make_store(framework=False)
    result = do_import(store, make_csv(text))
    if stored is None:
        assert result.rejected
        return
    assert not result.rejected, result.errors
    assert list(result.matched) == ["Cycling excluding exercise bike and cycle class"]
    assert {(o.area, o.period.label): o.value for o in store.observations()} == stored


_SURVEY = [
    ["Filter: All respondents\n Share of total: 100%"],
    ["Q:Q013. How safe do you feel walking in your local area?"],
    ["Cell content:\n Column%\n Population"],
    ["Cell content:\n Column%\n Population", "Total", "Female"],
    ["No. of cases", 1606, 820],
    ["WeightingV2", 1606, 815],
    ["Column symbols for T-test"],
    ["Q013.A.1. During the day -"],
    ["[4] Very safe", 0.5567, 0.5],
    [None, 894, 410],
    [],
    ["NET: Safe", 0.9716, 0.96],
    [None, 1560, 787],
    ["Average", 3.5, 3.4],
    ["Q013.A.2. In the evening -"],
    ["[4] Very safe", 0.244, None],
    [None, 392, None],
]
_ASKED = "How safe do you feel walking in your local area? - "


def test_a_survey_s_table_gives_each_answer_s_share_and_count_by_group(make_store, make_xlsx):
    refused = do_import(make_store(framework=False), make_xlsx({"Q013": _SURVEY}, "residents_survey.xlsx"))
    assert refused.rejected and refused.period_needed
    store = make_store(framework=False, name="given.duckdb")
    result = do_import(store, make_xlsx({"Q013": _SURVEY}, "residents_survey.xlsx"), period="2020")
    assert not result.rejected, result.errors
    names = {measure_id: name for name, measure_id in result.matched.items()}
    assert {(names[o.measure_id], o.breakdown.label): (o.value, o.count) for o in store.observations()} == {
        (_ASKED + "During the day: Very safe", ""): (55.67, 894.0),
        (_ASKED + "During the day: Very safe", "Female"): (50.0, 410.0),
        (_ASKED + "During the day: NET: Safe", ""): (97.16, 1560.0),
        (_ASKED + "During the day: NET: Safe", "Female"): (96.0, 787.0),
        (_ASKED + "During the day: Average", ""): (3.5, None),
        (_ASKED + "During the day: Average", "Female"): (3.4, None),
        (_ASKED + "In the evening: Very safe", ""): (24.4, 392.0),
    }
    assert {m.name: m.unit.value for m in result.new_measures}[_ASKED + "During the day: Average"] == "score"
    said = " ".join(p.message for p in result.notes)
    assert "the survey's bases ('No. of cases', 'WeightingV2')" in said
    assert "read as values for Tower Hamlets (the home area" in " ".join(p.message for p in result.warnings)


def test_a_survey_s_filter_other_than_all_respondents_is_part_of_the_name(make_store, make_xlsx):
    rows = [["Filter: Respondents in group B\n Share of total: 48%"], *_SURVEY[1:]]
    store = make_store(framework=False)
    result = do_import(store, make_xlsx({"Q013": rows}), period="2022")
    assert not result.rejected, result.errors
    assert "How safe do you feel walking in your local area? (Respondents in group B) - During the day: Very safe" in (
        result.matched
    )


def test_a_survey_s_banner_over_its_groups_names_each_group_s_kind(make_store, make_xlsx):
    rows = [_SURVEY[0], _SURVEY[1], _SURVEY[2],
            [None, None, "Gender", None, "Age", None, "Tenure", None],
            [None, "Total", "Male", "Female", "16-34", "55+", "Social rented", "Owned"],
            ["No. of cases", 1980, 950, 1010, 700, 520, 600, 800],
            ["[4] Very safe", 0.32, 0.17, 0.23, 0.30, 0.34, 0.28, 0.36]]  # fmt: skip
    store = make_store(framework=False)
    result = do_import(store, make_xlsx({"Q013": rows}), period="2023")
    assert not result.rejected, result.errors
    assert {o.breakdown.label: o.value for o in store.observations()} == {
        "": 32.0,
        "Male": 17.0,
        "Female": 23.0,
        "16-34": 30.0,
        "55+": 34.0,
        "Tenure: Social rented": 28.0,
        "Tenure: Owned": 36.0,
    }


def test_a_column_of_periods_beside_columns_of_measures_gives_each_row_s_period(make_store, make_csv):
    text = ("Borough,Year,Population aged 16-64,Employment rate (%)\n"
            "Tower Hamlets,2021,230000,70.1\nNewham,2021,250000,68.0\nTower Hamlets,2022,235000,71.2\n"
            "Newham,2022/23,252000,69.9\n")  # fmt: skip
    store = make_store(framework=False)
    result = do_import(store, make_csv(text))
    assert not result.rejected, result.errors
    assert sorted(result.matched) == ["Employment rate (%)", "Population aged 16-64"]
    assert stored_values(store, result) == {
        ("Population aged 16-64", TH, "2021", ""): 230000.0, ("Population aged 16-64", "Newham", "2021", ""): 250000.0,
        ("Population aged 16-64", TH, "2022", ""): 235000.0,
        ("Population aged 16-64", "Newham", "2022/23", ""): 252000.0, ("Employment rate (%)", TH, "2021", ""): 70.1,
        ("Employment rate (%)", "Newham", "2021", ""): 68.0, ("Employment rate (%)", TH, "2022", ""): 71.2,
        ("Employment rate (%)", "Newham", "2022/23", ""): 69.9,
    }  # fmt: skip
    bad = do_import(make_store(framework=False, name="bad.duckdb"), make_csv(text.replace("2022/23", "soon")))
    [refusal] = bad.errors
    assert "'soon' is not a period" in refusal.message and (refusal.row, refusal.column) == (5, 2)


def test_lg_inform_s_area_label_names_each_area_and_its_code_is_surer_than_its_name(make_store, make_csv):
    head = "".join(f'"area label","area long label","area",{h}\n' for h in ('"NEET (%)","NEET (%)"', '"%","%"',
                                                                           '"2021","2022"'))  # fmt: skip
    text = head + ('"Hartlepool","Hartlepool (unitary authority)","E06000001","5.1","4.9"\n'
                   '"Inner","Inner London (region)","E13000001","3.3","3.1"\n'
                   '"England","England (country)","E92000001","4.7","5.2"\n')  # fmt: skip
    store = make_store(framework=False)
    result = do_import(store, make_csv(text, "lginform.csv"))
    assert not result.rejected, result.errors
    assert {(o.area, o.period.label): o.value for o in store.observations()} == {
        ("Hartlepool", "2021"): 5.1,
        ("Hartlepool", "2022"): 4.9,
        ("Inner London", "2021"): 3.3,
        ("Inner London", "2022"): 3.1,
        ("England", "2021"): 4.7,
        ("England", "2022"): 5.2,
    }


def test_notes_below_a_table_are_not_said_to_be_a_table_not_read_but_figures_are(make_store, make_xlsx):
    table = [["Claimant count"], [], ["Area", "2022", "2023"], ["Tower Hamlets", 1020, 1090], ["London", 20510, 18890],
             []]  # fmt: skip
    notes = [["All data are rounded to the nearest 5."], [], ["Source: DWP"]]
    figures = [["Borough", "Total"], ["Tower Hamlets", 5]]
    for below, said in ((notes, False), (figures, True)):
        result = do_import(make_store(framework=False, name=f"{said}.duckdb"), make_xlsx({"Data": table + below}))
        assert not result.rejected, result.errors
        assert any("were not read" in p.message for p in result.warnings) is said


@pytest.mark.parametrize(
    "line",
    ["This worksheet contains one table. Some cells refer to notes which can be found in the Notes worksheet.",
     "Some shorthand is used in this table, [x] means data are not available.",
     "Freeze panes are turned off to allow easier keyboard navigation."],
    ids=["this-worksheet-contains", "shorthand", "freeze-panes"],
)  # fmt: skip
def test_an_ons_accessibility_line_above_a_table_does_not_name_its_measure(make_store, make_xlsx, line):
    rows = [["Median price paid for residential properties by ward"], [], [line],
            ["Source: Office for National Statistics (ONS)"],
            ["Ward name", "Year ending Dec 2021", "Year ending Dec 2022"], ["Bow East", 520000, 540000]]  # fmt: skip
    result = do_import(make_store(framework=False), make_xlsx({"1a": rows}))
    assert not result.rejected, result.errors
    assert [m.name for m in result.new_measures] == ["Median price paid for residential properties"]


def test_an_lg_inform_export_of_two_metrics_is_a_measure_for_each(make_store, make_csv):
    stack = [("Adults who are physically active", "6157", "%"), ("Households in temporary accommodation", "11579",
                                                                  "Number")]  # fmt: skip
    head = "".join('"area label","area long label","area",' + ",".join(f'"{part[level]}","{part[level]}"'
                                                                       for part in stack) + "\n"
                   for level in range(3))  # fmt: skip
    head += '"area label","area long label","area","2020/21","2021/22","2020/21","2021/22"\n'
    text = head + '"Tower Hamlets","Tower Hamlets (London borough)","E09000030","55.1","57.3","2,602","2,700"\n'
    store = make_store(framework=False)
    result = do_import(store, make_csv(text, "lginform.csv"))
    assert not result.rejected, result.errors
    assert stored_values(store, result) == {
        ("Adults who are physically active", TH, "2020/21", ""): 55.1,
        ("Adults who are physically active", TH, "2021/22", ""): 57.3,
        ("Households in temporary accommodation", TH, "2020/21", ""): 2602.0,
        ("Households in temporary accommodation", TH, "2021/22", ""): 2700.0,
    }
    [active] = [m for m in result.new_measures if m.name == "Adults who are physically active"]
    assert active.unit is not None and active.unit.value == "%"


def test_tables_stacked_on_a_sheet_each_under_its_own_title_are_each_read(make_store, make_xlsx):
    header = ["Area code", "Police force area", "Estimate", "Confidence interval Lower bound",
              "Confidence interval Upper bound"]  # fmt: skip
    rows = [["Table 2a and 2b: Confidence in the local police, England and Wales, year ending March 2023"],
            ["This worksheet contains two tables presented vertically with one blank row between each table."],
            ["Table 2a: Percentage who have confidence in the local police"], header,
            ["E12000007", "London", 63.0, 60.9, 65.1], ["E09000030", "Tower Hamlets", 61.0, 55.0, 67.0],
            ["E09000012", "Hackney", 60.0, 54.0, 66.0], [],
            ["Table 2b: Percentage who agree the police deal with local concerns"], header,
            ["E12000007", "London", 51.5, 49.2, 53.8], ["E09000030", "Tower Hamlets", 50.0, 44.0, 56.0],
            ["E09000012", "Hackney", 49.0, 43.0, 55.0]]  # fmt: skip
    store = make_store(framework=False)
    result = do_import(store, make_xlsx({"Table 2": rows}))
    assert not result.rejected, result.errors
    year = "Apr 2022-Mar 2023"
    assert stored_values(store, result) == {
        ("Percentage who have confidence in the local police", "London", year, ""): 63.0,
        ("Percentage who have confidence in the local police", TH, year, ""): 61.0,
        ("Percentage who agree the police deal with local concerns", "London", year, ""): 51.5,
        ("Percentage who agree the police deal with local concerns", TH, year, ""): 50.0,
        ("Percentage who have confidence in the local police", "Hackney", year, ""): 60.0,
        ("Percentage who agree the police deal with local concerns", "Hackney", year, ""): 49.0,
    }
    assert {(o.area, o.lower_ci) for o in store.observations() if o.value == 50.0} == {(TH, 44.0)}


def test_the_mps_crime_table_each_row_a_crime_type_of_a_borough_months_as_six_digits(make_store, make_csv):
    text = ("MajorText,MinorText,BoroughName,202212,202301\n"
            "VIOLENCE AGAINST THE PERSON,Violence with Injury,Tower Hamlets,310,295\n"
            "BURGLARY,Burglary - Residential,Tower Hamlets,120,101\n"
            "BURGLARY,Burglary - Residential,Hackney,99,95\n")  # fmt: skip
    store = make_store(framework=False)
    result = do_import(store, make_csv(text, "MPS Borough Level Crime (most recent 24 months).csv"))
    assert not result.rejected, result.errors
    assert stored_values(store, result) == {
        ("VIOLENCE AGAINST THE PERSON: Violence with Injury", TH, "Dec 2022", ""): 310.0,
        ("VIOLENCE AGAINST THE PERSON: Violence with Injury", TH, "Jan 2023", ""): 295.0,
        ("BURGLARY: Burglary - Residential", TH, "Dec 2022", ""): 120.0,
        ("BURGLARY: Burglary - Residential", TH, "Jan 2023", ""): 101.0,
        ("BURGLARY: Burglary - Residential", "Hackney", "Dec 2022", ""): 99.0,
        ("BURGLARY: Burglary - Residential", "Hackney", "Jan 2023", ""): 95.0,
    }


@pytest.mark.parametrize(
    ("heading", "read"),
    [("202301", "Jan 2023"), (202312, "Dec 2023"), ("201011", None), ("201819", None), ("202313", None)],
    ids=["six-digits-a-month", "as-a-number", "could-be-a-financial-year-so-not-read",
         "a-financial-year-is-no-month", "no-thirteenth-month"],
)  # fmt: skip
def test_a_heading_of_six_digits_is_a_month_only_where_it_cannot_be_a_year(heading, read):
    from thplan.ingest.headers import header_period

    assert header_period(heading) == read


def test_ashe_s_table_of_statistics_each_named_with_the_title_and_changes_after_their_statistic(make_store, make_xlsx):
    rows = [["Table 8.5a   Hourly pay - Gross (£) - For all employee jobs: United Kingdom, 2023"], [],
            [None, None, "Number", None, "Annual", None, "Annual", "Percentiles"],
            ["Description", "Code", "of jobs", "Median", "%", "Mean", "%", "10", "20"],
            [None, None, "(thousand)", None, "change", None, "change"],
            ["London", "E12000007", 4300, 23.1, 5.0, 29.8, 4.1, 12.4, 14.2],
            ["Hackney", "E09000012", 150, 24.0, 2.0, 30.0, 1.5, 13.0, 15.0],
            ["Tower Hamlets", "E09000030", 160, 26.5, "x", 32.1, "..", 13.5, 15.9], [],
            ["a Employees on adult rates whose pay for the survey pay-period was not affected by absence."],
            ["b Figures for Number of Jobs are for indicative purposes only."],
            ["Key", "Statistical robustness"], ["CV <= 5%", "Estimates are considered precise"]]  # fmt: skip
    store = make_store(framework=False)
    result = do_import(store, make_xlsx({"All": rows}))
    assert not result.rejected, result.errors
    pay = "Hourly pay - Gross (£) - For all employee jobs: United Kingdom"
    stored = {k: v for k, v in stored_values(store, result).items() if k[1] == TH}
    assert stored == {
        ("Number: of jobs (thousand)", TH, "2023", ""): 160.0, (f"{pay}: Median", TH, "2023", ""): 26.5,
        (f"{pay}: Median: Annual: %: change", TH, "2023", ""): "Not available (x)",
        (f"{pay}: Mean", TH, "2023", ""): 32.1,
        (f"{pay}: Mean: Annual: %: change", TH, "2023", ""): "Not available (..)",
        (f"{pay}: Percentiles: 10", TH, "2023", ""): 13.5, (f"{pay}: Percentiles: 20", TH, "2023", ""): 15.9,
    }  # fmt: skip


def test_nomis_wards_of_one_name_and_two_boundaries_are_two_areas_named_with_their_codes(make_store, make_xlsx):
    rows = [["Claimant count by sex and age"], [], ["measure", "Claimant count"], [],
            ["Area", "February 2022", "February 2023"], ["ward2021:E05000426 : Oval", 700, 600],
            ["ward2022:E05014108 : Oval", 655, 560], ["ward2022:E05014102 : Clapham Town", 610, 540]]  # fmt: skip
    store = make_store(framework=False)
    result = do_import(store, make_xlsx({"Data": rows}))
    assert not result.rejected, result.errors
    assert {(o.area, o.period.label): o.value for o in store.observations() if o.period.label == "Feb 2022"} == {
        ("Oval (E05000426)", "Feb 2022"): 700.0,
        ("Oval (E05014108)", "Feb 2022"): 655.0,
        ("Clapham Town", "Feb 2022"): 610.0,
    }
    assert any("are all named 'Oval'" in p.message for p in result.warnings)


@pytest.mark.parametrize(
    ("heading", "read"),
    [("2020 [note 2]", "2020"), ("2023 [note 3] [p]", "2023"), ("2021/22 (r)", "2021/22"),
     ("Employment [note 1]", None)],
    ids=["a-note-after-the-year", "provisional-after-a-note", "revised", "a-name-with-a-note-is-no-period"],
)  # fmt: skip
def test_a_period_heading_marked_provisional_or_with_a_note_is_its_period(heading, read):
    from thplan.ingest.headers import header_period

    assert header_period(heading) == read


@pytest.mark.parametrize(
    ("stack", "names"),
    [((("Households in temporary accommodation",) * 2, ("Number", "Per 1,000 households"),
       ("raw", "per 1000 households")),
      ["Households in temporary accommodation", "Households in temporary accommodation: per 1000 households"]),
     ((("Households in temporary accommodation", "Households with children in temporary accommodation"),
       ("Number", "%"), ("raw", "percentage")),
      ["Households in temporary accommodation", "Households with children in temporary accommodation"])],
    ids=["one-metric-raw-and-per-1000", "two-metrics-each-of-its-own-data-type"],
)  # fmt: skip
def test_lg_inform_s_data_types_are_kinds_of_its_metric_never_its_name(make_store, make_csv, stack, names):
    head = "".join('"area label","area long label","area",' + ",".join(f'"{t}","{t}"' for t in level) + "\n"
                   for level in stack)  # fmt: skip
    head += '"area label","area long label","area","2021/22 Q4","2022/23 Q4","2021/22 Q4","2022/23 Q4"\n'
    text = head + '"Tower Hamlets","Tower Hamlets (London borough)","E09000030","2,712","2,905","23.1","24.6"\n'
    store = make_store(framework=False)
    result = do_import(store, make_csv(text, "lginform.csv"))
    assert not result.rejected, result.errors
    assert sorted(result.matched) == names
    assert stored_values(store, result)[(names[1], TH, "2022/23 Q4", "")] == 24.6


def test_six_digit_months_that_could_be_financial_years_are_months_among_months(make_store, make_csv):
    text = "MajorText,MinorText,BoroughName,201010,201011,201012\nBURGLARY,Burglary - Residential,Hackney,500,480,470\n"
    store = make_store(framework=False)
    result = do_import(store, make_csv(text, "MPS Borough Level Crime (historical).csv"))
    assert not result.rejected, result.errors
    assert {o.period.label: o.value for o in store.observations()} == {"Oct 2010": 500.0, "Nov 2010": 480.0,
                                                                        "Dec 2010": 470.0}  # fmt: skip


def test_an_ons_dataset_download_s_code_column_beside_its_labels_is_no_measure(make_store, make_csv):
    text = ("v4_1,Data Marking,calendar-years,Time,administrative-geography,Geography,sex,Sex,age,Age\n"
            "312000,,2021,2021,E09000030,Tower Hamlets,0,All,total,Total\n"
            "8800000,,2021,2021,E12000007,London,0,All,total,Total\n"
            "56500000,,2021,2021,E92000001,England,0,All,total,Total\n")  # fmt: skip
    result = do_import(make_store(framework=False), make_csv(text, "mid-year-estimates.csv"))
    assert "sex" not in result.matched and not any(m.name == "sex" for m in result.new_measures)
