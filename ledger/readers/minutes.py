"""Minutes of any layout into a :class:`MinutesDraft`: items, decisions, actions, report-backs.

The reader walks the document's lines once. Item headings open items; a ``RESOLVED:``
style heading gathers the decision and its lettered parts below it; an ``ACTION:`` line or
a table of actions gives owners; every other paragraph is read sentence by sentence for
decisions ("the Committee noted the report"), actions ("the Clerk to write") and requests
to hear back ("an update to the next meeting"). Each step looks at a line or a sentence a
bounded number of times, so the cost is linear in the document's size.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ledger.readers import minutes_actions as acts
from ledger.readers import minutes_decisions as decide
from ledger.readers.minutes_dates import when
from ledger.readers.minutes_draft import (
    DraftAction,
    DraftDecision,
    DraftItem,
    MinutesDraft,
    ReportBack,
    When,
)
from ledger.readers.minutes_items import heading, is_label, meeting_date, people
from ledger.readers.minutes_layout import Line, joined, lines_of, sentences

ASKS_BACK = re.compile(
    r"\b(?:report(?:ed|ing)?(?:\s+back)?|updates?|updated|bring|brought|come\s+back|return|"
    r"reconsider(?:ed)?|considered|consideration|discuss(?:ed|ion)?|present(?:ed|ation)?|"
    r"review(?:ed)?|revisit(?:ed)?|agenda|submit(?:ted)?|provided?|feed\s*back|look\s+at|"
    r"kept\s+(?:advised|informed)|progress)\b",
    re.IGNORECASE,
)
SCHEDULE = re.compile(
    r"\b(?:date\s+(?:and\s+time\s+)?of\s+(?:the\s+)?next\s+meeting|next\s+meeting\s+"
    r"(?:will\s+be|is|to\s+be)\s+(?:held|on)|next\s+meeting\s*[:\-–])",
    re.IGNORECASE,
)
AGENDA_LIST = re.compile(
    r"\b(?:matters|items|topics)\s+(?:for|on)\s+(?:the\s+)?(?:next|future)\s+(?:agenda|meeting)",
    re.IGNORECASE,
)
TRACKER_ACTION = re.compile(r"\baction\s+(?P<no>\d{1,4}[a-z]?)\b", re.IGNORECASE)
RATING = re.compile(r"\b(red|amber|green|blue)\b", re.IGNORECASE)
TITLE_LINE = re.compile(r"^\s*title\s*:\s*(?P<title>.+)$", re.IGNORECASE)


def read_minutes(path: str) -> MinutesDraft:
    """Read the minutes in ``path`` (PDF, Word, web page or text) into a draft."""
    from ledger.readers.document import read_document

    document = read_document(path)
    return parse_minutes(
        document.text, source=document.name, kind=document.kind, title=document.title
    )


def parse_minutes(
    text: str, *, source: str = "", kind: str = "text", title: str = ""
) -> MinutesDraft:
    """The draft of minutes given as text (what every reader turns its document into)."""
    lines = lines_of(text)
    first = next((line.text for line in lines if line.text), "")
    if not title and (found := TITLE_LINE.match(first)):
        title = found["title"].strip()
    draft = MinutesDraft(source, kind, title, meeting_date(lines, title))
    year = draft.meeting_date.year if draft.meeting_date else None
    Walk(draft, people(lines), year).read(lines)
    draft.items = [item for item in draft.items if item.number or item.title or holds(item)]
    if not (draft.decisions or draft.actions or draft.report_backs):
        draft.notes.append("no decisions, actions or report-backs found in these minutes")
    if draft.meeting_date is None:
        draft.notes.append("the minutes do not say when the meeting was held")
    return draft


def prose(title: str) -> bool:
    """Whether a numbered line's words are a paragraph rather than an item's title."""
    return len(title) > 70 or (len(title.split()) > 6 and title.endswith("."))


def holds(item: DraftItem) -> bool:
    return bool(item.decisions or item.actions or item.report_backs)


@dataclass
class Walk:
    """One pass over the lines, keeping the item and paragraph being read."""

    draft: MinutesDraft
    known: set[str]
    year: int | None
    paragraph: list[Line] = field(default_factory=list)
    last_text: str = ""
    listing: When | None = None

    @property
    def item(self) -> DraftItem:
        if not self.draft.items:
            self.draft.items.append(DraftItem("", ""))
        return self.draft.items[-1]

    def read(self, lines: list[Line]) -> None:
        index = 0
        while index < len(lines):
            index = self.step(lines, index)
        self.flush()

    def step(self, lines: list[Line], index: int) -> int:
        line = lines[index]
        if line.blank:
            self.flush()
            return index + 1
        following = next((n for n in lines[index + 1 : index + 4] if n.text), None)
        if (found := heading(line, following)) is not None:
            self.flush()
            self.listing = None
            number, title = found
            if prose(title):  # "1.1 The minutes were accepted ...": a numbered paragraph
                self.draft.items.append(DraftItem(number, ""))
                self.paragraph.append(Line(line.number, title, line.aside))
                return index + 1
            self.draft.items.append(DraftItem(number, title))
            skip = line.text.lower().startswith("agenda item") and following is not None
            return lines.index(following, index) + 1 if skip else index + 1
        if is_label(line):
            self.flush()
            return index + 1
        if (columns := acts.table_columns(line.cells)) is not None:
            self.flush()
            return self.table(lines, index + 1, columns)
        if (deed := acts.action_line(line.text)) is not None:
            self.flush(keep=True)
            self.action_from_line(deed, line)
            return index + 1
        if (outcome := decide.marker(line.text)) is not None and not self.mid_sentence():
            self.flush(keep=True)
            return self.decision_block(lines, index, outcome)
        if self.listing is not None and decide.is_part(line.text):
            self.flush()
        self.paragraph.append(line)
        return index + 1

    def mid_sentence(self) -> bool:
        """Whether the paragraph so far stops mid-sentence ("... it was" / "AGREED to ...")."""
        return bool(self.paragraph) and not self.paragraph[-1].text.endswith((".", ":", ";"))

    # -- paragraphs read sentence by sentence ---------------------------------------

    def flush(self, *, keep: bool = False) -> None:
        lines, self.paragraph = self.paragraph, []
        text = joined(lines)
        if not text:
            return
        start = lines[0].number
        if self.listing is not None and decide.is_part(text):
            self.item.report_backs.append(ReportBack(text, self.listing, start))
        else:
            for sentence in sentences(text):
                self.sentence(sentence, start)
        for line in lines:
            self.aside(line, text)
        self.last_text = text if keep or lines else self.last_text

    def sentence(self, sentence: str, line: int) -> None:
        if AGENDA_LIST.search(sentence):
            self.listing = When("the next meeting", None, "next")
        for mention in TRACKER_ACTION.finditer(sentence):
            if rating := RATING.search(sentence):
                self.item.ratings.append((mention["no"], rating.group(1).lower(), sentence))
        if self.item.decisions and decide.about_the_vote(sentence):
            self.attach_vote(sentence)
            return
        outcome = decide.outcome(sentence)
        asked = self.asks_back(sentence)
        if outcome is not None:
            self.decide(outcome, sentence, [], line, asked, context=sentence)
            return
        owned = acts.owned_sentence(sentence, self.known)
        if owned is not None:
            due = when(sentence, year_hint=self.year)
            self.item.actions.append(DraftAction(owned[0], owned[1], due, line))
        if asked is not None:
            self.item.report_backs.append(ReportBack(sentence, asked, line))

    def asks_back(self, sentence: str) -> When | None:
        if SCHEDULE.search(sentence) or not ASKS_BACK.search(sentence):
            return None
        found = when(sentence, year_hint=self.year)
        if found is None or (found.day and not found.relative and not self.later(found)):
            return None
        return found

    def later(self, found: When) -> bool:
        meeting = self.draft.meeting_date
        return found.day is not None and (meeting is None or found.day > meeting)

    def decide(
        self, outcome: str, text: str, parts: list[str], line: int, asked: When | None, context: str
    ) -> None:
        proposer, seconder = decide.mover(context)
        self.item.decisions.append(
            DraftDecision(
                outcome=outcome,
                text=text,
                parts=parts,
                proposer=proposer,
                seconder=seconder,
                vote=decide.vote(context),
                follow_up=asked,
                line=line,
            )
        )

    def attach_vote(self, sentence: str) -> None:
        """ "Proposed by X, seconded by Y; carried 6 to 2" belongs to the decision above it."""
        last = self.item.decisions[-1]
        proposer, seconder = decide.mover(sentence)
        self.item.decisions[-1] = replace(
            last,
            proposer=last.proposer or proposer,
            seconder=last.seconder or seconder,
            vote=last.vote or decide.vote(sentence),
        )

    def aside(self, line: Line, paragraph: str) -> None:
        """A right-hand column cell naming who owes the action on its line."""
        if not line.aside:
            return
        deed = acts.action_line(line.aside)
        names = deed[0] if deed else acts.owners(line.aside)
        initials = all(re.fullmatch(acts.INITIALS, n) for n in names)
        if not names or not (deed or initials):
            return  # a name alone at the right may be a table's cell, not an owner
        around = next((s for s in sentences(paragraph) if line.text[-25:] in s), line.text)
        self.item.actions.append(DraftAction(names, around, None, line.number))

    # -- blocks that span lines -----------------------------------------------------

    def decision_block(self, lines: list[Line], index: int, outcome: str) -> int:
        first = lines[index]
        body = decide.body_after_marker(first.text)
        texts = [body] if body else []
        parts: list[str] = []
        index += 1
        while index < len(lines):
            line = lines[index]
            nxt = next((n for n in lines[index : index + 3] if n.text), None)
            if line.blank:
                if nxt is None or not decide.is_part(nxt.text):
                    break
            elif self.ends_block(line):
                break
            elif decide.is_part(line.text):
                parts.append(line.text)
            elif (parts or texts) and (parts or texts)[-1].endswith("."):
                break  # the resolution has ended; what follows is the minutes' narrative
            elif parts:
                parts[-1] = f"{parts[-1]} {line.text}"
            else:
                texts.append(line.text)
            index += 1
        text = " ".join(texts)
        if not text and not parts:
            if not self.last_text:
                return index
            text = f"{self.last_text} {first.text}"
        whole = " ".join([text, *parts])
        self.decide(outcome, text or parts[0], parts, first.number, self.asks_back(whole), whole)
        self.last_text = ""
        return index

    @staticmethod
    def ends_block(line: Line) -> bool:
        """An item heading, a new decision or an ACTION line ends a decision's block."""
        if decide.is_part(line.text):
            return False
        return bool(heading(line, None) or decide.marker(line.text) or acts.action_line(line.text))

    def action_from_line(self, deed: tuple[list[str], str], line: Line) -> None:
        names, what = deed
        text = what or self.last_text or self.item.heading
        if not names and what:
            owned = acts.owned_sentence(what, self.known, loose=True)
            names = owned[0] if owned else []
        self.item.actions.append(
            DraftAction(names, text, when(what, year_hint=self.year) if what else None, line.number)
        )

    def table(self, lines: list[Line], index: int, columns: dict[str, int]) -> int:
        """Rows of a table of actions, each row's cells continued on the lines below it."""
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
        for row in rows:
            names = acts.owners(row.get("who", ""))
            if names and row.get("what"):
                due = when(row["due"], year_hint=self.year) if row.get("due") else None
                due = due or (When(row["due"]) if row.get("due") else None)
                self.item.actions.append(DraftAction(names, row["what"], due, 0))
        return index
