"""How each row of a tracker joins an item: starts one, adds a line to it, or carries it on.

A row with an ID starts an item; a row with no ID but an issue or action of its own is an
unnumbered item under the one before (``4a``, ``4b``); a row with only action text,
owners or timescale is a further action line; a row repeating the ID of the item just
above is a further line of it. Without an ID column, items are numbered in order. An ID
written as a ticket's number (``#119``) is the ref ``TRACKER#119``, and the draft says so.
"""

from __future__ import annotations

import re

from ledger.errors import InvalidEntry
from ledger.readers.tracker_draft import DraftItem, DraftLine, TrackerFileError
from ledger.readers.tracker_rows import EXCEL_DAY, excel_day, joined, letter
from ledger.refs import item_id, parse_day

LINE_FIELDS = ("health", "la", "who", "timescale")
ITEM_FIELDS = ("kloe", "theme", "issue", "action")


class ItemRows:
    """The part of :class:`~ledger.readers.tracker_layout.Layout` that builds items."""

    source: str
    kind: str
    items: list[DraftItem]
    seen: dict[str, int]
    letters: dict[str, int]
    section: str
    told: list[str]
    heading_row: tuple[int, str] | None
    id_column: int | None
    columns: dict[int, str]
    names: dict[int, str]

    def error(self, message: str, row: int | None = None, column: str | None = None) -> None:
        raise TrackerFileError(self.source, message, row, column)

    def take(self, n: int, row: dict[str, str]) -> None:
        self.heading_row = None
        item = self.item_for(n, row)
        for name in ITEM_FIELDS:
            if row.get(name):
                setattr(item, name, joined(getattr(item, name), row[name]))
        if not item.theme and self.section:
            item.theme = self.section
        if any(row.get(f) for f in LINE_FIELDS) or not item.lines:
            item.lines.append(DraftLine(**{f: self.line_cell(n, f, row) for f in LINE_FIELDS}))
        if row.get("update"):
            item.update = joined(item.update, row["update"])
        for name, text in row.items():
            if name.startswith("+"):
                item.fields[name[1:]] = joined(item.fields.get(name[1:], ""), text)
        self.rating(n, item, row)

    def item_for(self, n: int, row: dict[str, str]) -> DraftItem:
        """The item a row starts or continues, by the rules in the module's docstring."""
        own_text = any(row.get(f) for f in ITEM_FIELDS)
        if self.id_column is None:
            if own_text or not self.items:
                self.items.append(DraftItem(str(len(self.items) + 1), n))
            return self.items[-1]
        column = self.names.get(self.id_column, "ID")
        if row.get("id"):
            try:
                ident = item_id(row["id"])
            except InvalidEntry as error:
                self.error(str(error), row=n, column=column)
            if row["id"].startswith("#") and not self.told:
                self.told.append(
                    f"IDs written as ticket numbers ({row['id']!r}) are refs without their "
                    f"'#' (TRACKER#{ident})"
                )
            if self.items and self.items[-1].id == ident:
                return self.items[-1]
            if ident in self.seen:
                self.error(
                    f"ID {ident!r} is already used by row {self.seen[ident]}; each item needs "
                    "its own ID (leave it empty on a further line of the same item)",
                    row=n,
                    column=column,
                )
            return self.new_item(ident, n)
        if not self.items:
            what = "an item with no ID" if own_text else "an action line"
            self.error(f"{what} comes before any item with an ID", row=n, column=column)
        if own_text:
            base = re.sub(r"[a-z]+$", "", self.items[-1].id)
            self.letters[base] = self.letters.get(base, 0) + 1
            return self.new_item(base + letter(self.letters[base]), n)
        return self.items[-1]

    def new_item(self, ident: str, n: int) -> DraftItem:
        self.seen[ident] = n
        self.items.append(DraftItem(ident, n))
        return self.items[-1]

    def line_cell(self, n: int, name: str, row: dict[str, str]) -> str:
        text = row.get(name, "")
        if name == "timescale" and self.kind == "xlsx" and EXCEL_DAY.fullmatch(text):
            return excel_day(text).isoformat()
        return text

    def rating(self, n: int, item: DraftItem, row: dict[str, str]) -> None:
        if row.get("ragb") and not item.rating:
            item.rating, item.rating_row = row["ragb"], n
        said = row.get("rated_on")
        if not said or item.rated_on is not None:
            return
        try:
            kind_of_day = self.kind == "xlsx" and EXCEL_DAY.fullmatch(said)
            item.rated_on = excel_day(said) if kind_of_day else parse_day(said)
        except ValueError:
            column = next(
                (h for i, h in self.names.items() if self.columns.get(i) == "rated_on"), ""
            )
            self.error(f"{said!r} is not a date; write YYYY-MM-DD", row=n, column=column)

    def extend(self, name: str, text: str) -> None:
        item = self.items[-1]
        if name in LINE_FIELDS:
            line = item.lines[-1]
            setattr(line, name, f"{getattr(line, name)} {text}".strip())
        elif name in ITEM_FIELDS or name == "update":
            setattr(item, name, f"{getattr(item, name)} {text}".strip())
        elif name.startswith("+"):
            item.fields[name[1:]] = f"{item.fields.get(name[1:], '')} {text}".strip()
