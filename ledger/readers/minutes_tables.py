"""Tables of actions at the foot of minutes (ITEM / ACTION / BY WHOM / BY WHEN), each row's
cells continued on the lines below it, read into draft actions; and how an action the text
gave already is told from a new one."""

from __future__ import annotations

import re

from ledger.readers import minutes_actions as acts
from ledger.readers.minutes_dates import when
from ledger.readers.minutes_draft import DraftAction, MinutesDraft, When
from ledger.readers.minutes_layout import Line

TABLE_HEAD = re.compile(
    r"^(?:action(?:s|\s+point)?|by\s+whom|who|owner|lead|responsible|by\s+when|when|due|"
    r"deadline|target(?:\s+date)?|item|ref|no\.?|status|date)$",
    re.IGNORECASE,
)


def action_table(
    lines: list[Line],
    index: int,
    columns: dict[str, int],
    year: int | None,
    refs: dict[int, str] | None = None,
) -> tuple[list[DraftAction], int]:
    """The actions of the table whose rows start at ``lines[index]``, and the index of
    the first line after it (three blank lines or a line owing nobody end it); ``refs``
    is given each row's minute number, by the line its action starts on."""
    rows: list[dict[str, str]] = []
    numbers: list[int] = []
    blanks = 0
    columns = {**columns, **what_column(lines, index, columns)}
    while index < len(lines) and blanks < 3:
        line = lines[index]
        if line.blank:
            blanks += 1
        else:
            blanks = 0
            row = table_row(line.cells, columns)
            starts_row = row.get("item") or not rows
            if starts_row and rows and not row.get("who"):
                break  # the table has ended: this line owes nobody anything
            if starts_row:
                rows.append(row)
                numbers.append(line.number)
            else:
                for key, value in row.items():
                    rows[-1][key] = f"{rows[-1].get(key, '')} {value}".strip()
        index += 1
    found = (row_action(row, year, number) for row, number in zip(rows, numbers, strict=True))
    if refs is not None:
        refs.update((n, r["item"]) for r, n in zip(rows, numbers, strict=True) if r.get("item"))
    return [action for action in found if action], index


def what_column(lines: list[Line], index: int, columns: dict[str, int]) -> dict[str, int]:
    """Where the actions' own words start when the header names no ACTION column ("ITEM
    ... BY WHOM ... BY WHEN"): the second cell of the first row, left of the owners."""
    if "what" in columns or "item" not in columns:
        return {}
    first = next((line for line in lines[index : index + 4] if line.cells), None)
    if first is None or len(first.cells) < 2 or first.cells[1][0] >= columns["who"] - 4:
        return {}
    return {"what": first.cells[1][0]}


def row_action(row: dict[str, str], year: int | None, number: int) -> DraftAction | None:
    names = acts.owners(row.get("who", ""))
    if not (names and row.get("what")):
        return None
    said = row.get("due", "")
    due = (when(said, year_hint=year) or When(said)) if said else None
    return DraftAction(names, row["what"], due, number)


def table_columns(cells: list[tuple[int, str]]) -> dict[str, int] | None:
    """The columns of a table of actions, from its header line, or None if it is not one."""
    if len(cells) < 2 or not all(TABLE_HEAD.match(text) for _, text in cells):
        return None
    columns: dict[str, int] = {}
    for start, text in cells:
        word = text.lower()
        if word.startswith(("by whom", "who", "owner", "lead", "responsible")):
            columns["who"] = start
        elif word.startswith(("by when", "when", "due", "deadline", "target", "date")):
            columns["due"] = start
        elif word.startswith("action"):
            columns["what"] = start
        elif word.startswith(("item", "ref", "no")):
            columns["item"] = start
    return columns if "who" in columns and len(columns) >= 2 else None


def table_row(cells: list[tuple[int, str]], columns: dict[str, int]) -> dict[str, str]:
    """A row's cells sorted into the table's columns by where each cell starts."""
    order = sorted(columns.items(), key=lambda pair: pair[1])
    row: dict[str, str] = {}
    for start, text in cells:
        name = order[0][0]
        for column, at in order:
            if start >= at - 4:
                name = column
        row[name] = f"{row[name]} {text}".strip() if name in row else text
    if "what" not in columns and "item" in row:
        item, _, what = row["item"].partition(" ")
        row["item"], row["what"] = item, what
    return row


RECENT = 64  # an owner's actions compared with a new one, the latest first
MINOR_WORDS = {"to", "the", "a", "an", "of", "and", "for", "on", "in", "will", "would", "be"}
MINOR_WORDS |= {"agreed", "undertook", "offered", "volunteered", "is", "was", "should", "shall"}


def gist(owners_of: list[str], text: str) -> frozenset[str]:
    """The words that say what an action is, without its owners' names or small words."""
    names = {w.lower() for name in owners_of for w in name.split()}
    return frozenset(
        w for w in re.findall(r"[a-z0-9']+", text.lower()) if w not in MINOR_WORDS | names
    )


Telling = tuple[frozenset[str], frozenset[str], object]  # its words, figures, and what told it
Seen = dict[frozenset[str], list[Telling]]


def repeats(owners_of: list[str], text: str, seen: Seen, told: object = None) -> object:
    """What an earlier telling of the same action was (``told`` as remembered with it), or
    None, remembering this one if it is new: the same owners, nearly all the same words or
    all the words of the shorter telling, and the same figures. Minutes often give an action
    in the text and again in a table of actions at the end, or in a resolution that adds a
    word ("at Westminster"). "The Clerk to investigate" about two matters, or lamp posts 17
    and 18, are two. Only an owner's last few actions are compared, so the cost stays
    linear."""
    words = gist(owners_of, text)
    figures = frozenset(w for w in words if any(c.isdigit() for c in w))
    earlier = seen.setdefault(frozenset(o.lower() for o in owners_of), [])
    for said, numbers, before in earlier:
        shared = len(words & said)
        alike = shared >= 0.8 * max(len(words), len(said))
        fewer = min(len(words), len(said))  # told again, longer, or with another verb:
        within = (shared >= 4 and shared >= 0.9 * fewer) or (shared >= 5 and shared >= 0.8 * fewer)
        if len(words) >= 2 and numbers == figures and (alike or within):
            return True if before is None else before
    earlier.append((words, figures, told))
    del earlier[:-RECENT]
    return None


def once(draft: MinutesDraft) -> None:
    """Each action once, where the minutes give it in their text and again in a table or
    a closing list of actions; of the two tellings, the fuller one ("MW agreed to write a
    blog post ...", then "MW to produce blog post ... for the webpage" under "Actions")."""
    seen: Seen = {}
    for item in draft.items:
        kept: list[DraftAction] = []
        named = {(a.line, a.text) for a in item.actions if a.owners}  # the owner its line gave
        for action in item.actions:
            if not action.owners and (action.line, action.text) in named:
                continue
            told = repeats(action.owners, action.text, seen, (kept, len(kept)))
            if action.owners and told is not None:
                where, at = told  # type: ignore[misc]
                first = where[at]
                if len(gist(action.owners, action.text)) > len(gist(first.owners, first.text)):
                    where[at] = action
                continue
            kept.append(action)
        item.actions = kept


def tabled(draft: MinutesDraft, refs: dict[int, str]) -> None:
    """A minute's action that the table of actions states for the same minute and owners
    ("113/2122 Forward necessary documents to the new governors ... Clerk", and under
    minute "FGB 113/2122" the text's "Clerk to forward as appropriate"): the table's."""
    if not refs:
        return
    owed: dict[str, list[set[str]]] = {}
    for action in draft.actions:
        if action.line in refs:
            owed.setdefault(refs[action.line].split()[-1], []).append(
                {o.lower() for o in action.owners}
            )
    for item in draft.items:
        stated = owed.get(item.number.split()[-1] if item.number else "", [])
        item.actions = [
            a
            for a in item.actions
            if a.line in refs or not a.owners or {o.lower() for o in a.owners} not in stated
        ]


STANDING = "a standing item"
STANDING_ITEM = re.compile(r"\bstanding\s+(?:agenda\s+)?item\b", re.IGNORECASE)
COLUMN_GAP = 40  # how far right of a line's text a right-hand column's cell starts


def standing_request(lines: list[Line]) -> str:
    """A request in a paragraph's right-hand action column, its words wrapped over several
    lines ("c. To be on" / "agendas as a" / "standing item."), for the matter to come to
    every meeting: the column's words, or "" when it asks none."""
    column = [
        line.cells[-1][1]
        for line in lines
        if len(line.cells) >= 2 and line.cells[-1][0] - line.cells[0][0] >= COLUMN_GAP
    ]
    said = " ".join(column)
    if not STANDING_ITEM.search(said):
        return ""
    pieces = re.split(r"\s(?=[a-z]\.\s)", said)
    return next((p for p in pieces if STANDING_ITEM.search(p)), said).strip()
