"""Tables of actions at the foot of minutes (ITEM / ACTION / BY WHOM / BY WHEN), each row's
cells continued on the lines below it, read into draft actions."""

from __future__ import annotations

from ledger.readers import minutes_actions as acts
from ledger.readers.minutes_dates import when
from ledger.readers.minutes_draft import DraftAction, When
from ledger.readers.minutes_layout import Line


def action_table(
    lines: list[Line], index: int, columns: dict[str, int], year: int | None
) -> tuple[list[DraftAction], int]:
    """The actions of the table whose rows start at ``lines[index]``, and the index of
    the first line after it (three blank lines or a line owing nobody end it)."""
    rows: list[dict[str, str]] = []
    blanks = 0
    while index < len(lines) and blanks < 3:
        line = lines[index]
        if line.blank:
            blanks += 1
        else:
            blanks = 0
            row = acts.table_row(line.cells, columns)
            starts_row = row.get("item") or not rows
            if starts_row and rows and not row.get("who"):
                break  # the table has ended: this line owes nobody anything
            if starts_row:
                rows.append(row)
            else:
                for key, value in row.items():
                    rows[-1][key] = f"{rows[-1].get(key, '')} {value}".strip()
        index += 1
    return [action for row in rows if (action := row_action(row, year))], index


def row_action(row: dict[str, str], year: int | None) -> DraftAction | None:
    names = acts.owners(row.get("who", ""))
    if not (names and row.get("what")):
        return None
    said = row.get("due", "")
    due = (when(said, year_hint=year) or When(said)) if said else None
    return DraftAction(names, row["what"], due, 0)
