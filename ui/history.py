"""Tables and sentences for the History page."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pandas as pd

from thplan.display import stored_text
from thplan.editing import EDIT
from thplan.groups import PEER_GROUP
from thplan.placement import PLACEMENT
from thplan.store import ImportRecord

COUNTS = ("Rows", "New", "Revised", "Removed")  # the columns of `imports_frame` that count values
#: What an import that is not a file's was (the store's kinds of import; a file's import says its mode).
WHAT = {"rollback": "rollback", "upgrade": "database upgrade", PLACEMENT: "placed in the Plan",
        EDIT: "edited in the app", PEER_GROUP: "peer group"}  # fmt: skip


def imports_frame(records: Sequence[ImportRecord]) -> pd.DataFrame:
    rows = []
    for r in reversed(records):
        status = f"rolled back by {r.rolled_back_by}" if r.rolled_back_by else ""
        rows.append(
            {
                "Import": r.id,
                "When (UTC)": f"{r.at:%Y-%m-%d %H:%M}",
                "Who": r.user,
                "What": WHAT.get(r.kind, f"{r.mode} import"),
                "File": r.file_name,
                "SHA-256": r.sha256[:8],  # enough to tell files apart; the whole hash is in the description
                "Rows": r.rows,
                "New": r.new_values,
                "Revised": r.revised_values,
                "Removed": r.removed_values,
                "Status": status or (f"undoes import {r.rolls_back}" if r.rolls_back else ""),
            }
        )
    return pd.DataFrame(rows)


def label(records: Sequence[ImportRecord]) -> Callable[[str], str]:
    names = {str(r.id): f"Import {r.id}: {r.file_name} ({r.user}, {r.at:%d %b %Y %H:%M})" for r in records}
    return lambda i: names.get(i, i)


def describe(r: ImportRecord) -> str:
    return (f"{r.file_name}, imported by {r.user} on {r.at:%d %b %Y at %H:%M} UTC in {r.mode} mode; "
            f"SHA-256 {r.sha256 or 'none'}; {r.rows:,} rows read.")  # fmt: skip


def changes_frame(changes: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Change": changes["status"],
            "Measure": changes["measure_id"],
            "Area": changes["area"],
            "Period": changes["period"],
            "Breakdown": changes["breakdown"],
            "Before": [stored_text(v, d, m) for v, d, m in
                       zip(changes["old_value"], changes["old_decimals"], changes["old_missing"], strict=True)],
            "After": [stored_text(v, d, m) for v, d, m in
                      zip(changes["value"], changes["decimals"], changes["missing"], strict=True)],
        }
    )  # fmt: skip


def rolled_back(record: ImportRecord, undone: ImportRecord) -> str:
    return (f"Import {record.id} ({record.file_name}) was rolled back as import {undone.id}: "
            f"{undone.revised_values} values restored, {undone.removed_values} withdrawn. Every page now shows "
            "the data as they were before it.")  # fmt: skip
