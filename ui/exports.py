"""Download buttons: the filtered measures as CSV or Excel, a measure's data as CSV, a chart as PNG or SVG."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from thplan import exports, listing, template
from thplan.classification import Classification
from thplan.view import View
from ui import charts


def download_buttons(view: View, shown: list[Classification], csv_place: Any, xlsx_place: Any) -> None:
    # Built only when a button is pressed: a grid of thousands of measures costs nothing until then.
    def table() -> list[dict[str, Any]]:
        return listing.rows(view.framework, shown, view.comments)

    csv_place.download_button("Download CSV", lambda: exports.measures_csv(table()),
                              "tower-hamlets-plan-measures.csv", mime="text/csv", icon=":material/download:",
                              on_click="ignore")  # fmt: skip
    xlsx_place.download_button(
        "Download Excel", lambda: exports.measures_workbook(table(), view.framework, datetime.now(UTC)),
        "tower-hamlets-plan-measures.xlsx", icon=":material/download:", on_click="ignore",
    )  # fmt: skip


def measure_downloads(view: View, c: Classification, chart: dict[str, Any] | None, places: list[Any]) -> None:
    data = [o for area in view.areas_of(c.measure.id) for o in view.series_of(c.measure.id).get(area, ())]
    places[0].download_button("Data (CSV)", lambda: template.csv_text(template.rows(view.framework, data)),
                              f"{c.measure.id}.csv", mime="text/csv", icon=":material/download:",
                              on_click="ignore")  # fmt: skip
    if chart is None:
        return
    as_at = view.last_import.at if view.last_import is not None else datetime.now(UTC)
    source = c.measure.source or (view.last_import.file_name if view.last_import else "")
    for place, fmt, mime in ((places[1], "png", "image/png"), (places[2], "svg", "image/svg+xml")):

        def render(fmt: str = fmt) -> bytes:
            return charts.image(chart, fmt, f"{c.measure.name}: {c.area}", source, as_at)

        place.download_button(f"Chart ({fmt.upper()})", render, f"{c.measure.id}.{fmt}", mime=mime,
                              icon=":material/image:", on_click="ignore")  # fmt: skip
