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
from dataclasses import replace

from ledger.readers import minutes_actions as acts
from ledger.readers import minutes_decisions as decide
from ledger.readers.meeting_date import meeting_date
from ledger.readers.minutes_blocks import ANNOUNCED_PART, next_point, resolution
from ledger.readers.minutes_dates import when
from ledger.readers.minutes_decision_tables import decision_table, margin, verdict_at
from ledger.readers.minutes_draft import (
    DraftAction,
    DraftItem,
    MinutesDraft,
    ReportBack,
)
from ledger.readers.minutes_earlier_actions import settled
from ledger.readers.minutes_items import (
    NUMBER_ALONE,
    body_title,
    heading,
    is_label,
    people,
    takes_title_below,
)
from ledger.readers.minutes_layout import (
    Line,
    joined,
    lines_of,
    sentences,
    title_case,
)
from ledger.readers.minutes_paragraphs import mid_sentence, movers_only, runs_on
from ledger.readers.minutes_planning import VERDICT_ONLY, answered, answers
from ledger.readers.minutes_prose import Prose
from ledger.readers.minutes_report_backs import (
    NEXT_AGENDA,
    agenda_heading,
    agenda_list,
    asked_once,
)
from ledger.readers.minutes_restatements import (
    CLOSING_LIST,
    listed_again,
    received_then_resolved,
    restated,
)
from ledger.readers.minutes_reviews import reviewed
from ledger.readers.minutes_tables import action_table, once, table_columns, tabled
from ledger.readers.minutes_vote_counts import ROW, VOTE_LABEL

RESOLVED_WORDS = re.compile(r"(?<!\bto)\s+be\s+[a-z]+ed\b")
BULLET = re.compile(r"^[-*•●]\s+\S")
AGREED_ACTION = re.compile(  # "Action: It was agreed X would ...": a decision that gives an action
    r"^(?:it\s+was\s+)?(?:unanimously\s+)?(?:agreed|resolved|decided)\b", re.IGNORECASE
)
RULES_ONLY = re.compile(r"[|\s]+")


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
    title = body_title(lines, title)
    draft = MinutesDraft(source, kind, title, meeting_date(lines, title))
    year = draft.meeting_date.year if draft.meeting_date else None
    walk = Walk(draft, people(lines), year, margin(lines))
    walk.read(lines)
    once(draft)
    tabled(draft, walk.table_refs)
    restated(draft)
    received_then_resolved(draft)
    asked_once(draft.items)
    acts.told_again(draft.items, lines)
    listed_again(draft, walk.listed_from)
    draft.items = [item for item in draft.items if item.number or item.title or holds(item)]
    if not (draft.decisions or draft.actions or draft.report_backs):
        draft.notes.append("no decisions, actions or report-backs found in these minutes")
    if draft.meeting_date is None:
        draft.notes.append("the minutes do not say when the meeting was held")
    return draft


def prose(title: str) -> bool:
    """Whether a numbered line's words are a paragraph rather than an item's title ("To
    Consider Adoption of Risk Assessment and Management." is a title, in title case)."""
    if len(title) > 70 or (title.endswith((".", ";")) and RESOLVED_WORDS.search(title)):
        return True  # "16.1 Councillor Dev Patel be appointed Vice-Chair for the year."
    found = decide.MARKER.match(title)  # "11.1 Agreed – to take no further action"
    if found and title[found.end() :].strip() and re.search(r"[:–—-]|\bthat\b", found[0]):
        return True
    if acts.owed_in_title(title):
        return True  # "8.1 Millennium Wood is in a poor state – TD & AV to inspect"
    return len(title.split()) > 6 and title.endswith(".") and not title_case(title)


def holds(item: DraftItem) -> bool:
    return bool(item.decisions or item.actions or item.report_backs)


class Walk(Prose):
    """One pass over the lines, keeping the item and paragraph being read: headings,
    decision blocks, tables and ACTION lines here; paragraphs read as :class:`Prose`."""

    def read(self, lines: list[Line]) -> None:
        index = 0
        while index < len(lines):
            index = self.step(lines, index)
        self.flush()
        self.seconded()

    def step(self, lines: list[Line], index: int) -> int:
        line = lines[index]
        if line.blank or RULES_ONLY.fullmatch(line.text):  # a web table's empty cells: "||"
            if not runs_on(self.paragraph):
                self.flush()
            return index + 1
        if self.part_announced(line):
            return index + 1
        if agenda_list(line.text):
            self.flush()
            return self.agenda(line.text, line.number, index)
        following = next((n for n in lines[index + 1 : index + 4] if n.text), None)
        if (found := heading(line, following, self.item.number)) is not None:
            self.flush()
            self.listing = None
            self.last_text = self.movers = ""
            self.block = 0
            self.seconded()  # a motion's result is given under its item, or it was agreed
            number, title = found
            if prose(title) and not (agenda_heading(title) and len(title) <= 120):
                self.draft.items.append(DraftItem(number, ""))
                if agenda_list(title):
                    return self.agenda(title, line.number, index)
                self.paragraph.append(Line(line.number, title, line.aside))
                return index + 1
            self.draft.items.append(DraftItem(number, title))
            alone = NUMBER_ALONE.match(line.text)  # a web page's "84." over its title: the
            self.labelled = None if alone else self.item  # agenda's words, then "Minutes:"
            if agenda_heading(title):
                self.listing = NEXT_AGENDA
            skip = takes_title_below(line) and following is not None
            return lines.index(following, index) + 1 if skip else index + 1
        if CLOSING_LIST.match(line.text):
            self.flush()  # "Decisions": what follows restates what the narrative decided
            self.listed_from = len(self.draft.decisions)
            return index + 1
        if is_label(line):
            self.flush()
            if self.labelled is not self.item and line.text.lower().startswith("minutes"):
                agenda = self.item  # what a web page's item says above its first "Minutes:"
                agenda.decisions, agenda.actions, agenda.report_backs = [], [], []  # is the
            self.labelled = self.item  # agenda's wording ("To be confirmed as a correct record")
            self.block = len(self.item.decisions)  # "Decision:" / "Minutes:" may repeat it
            return index + 1
        if (columns := table_columns(line.cells)) is not None:
            self.flush()
            found, index = action_table(lines, index + 1, columns, self.year, self.table_refs)
            self.item.actions.extend(found)
            return index
        if verdict_at(line) is not None and (table := self.decision_table(lines, index)):
            return table
        if (deed := acts.action_line(line.text)) is not None:
            self.flush(keep=True)
            self.action_from_line(deed, line)
            if AGREED_ACTION.match(deed[1]) and (said := decide.outcome(deed[1])):
                self.decide(said, deed[1], [], line.number, None, context=deed[1])
            return index + 1
        if (review := reviewed(line)) is not None and not mid_sentence(self.paragraph):
            self.flush()  # "Financial Regulations      No change": the document re-adopted
            self.decide("approved", review, [], line.number, None, context=review)
            return index + 1
        if (outcome := decide.marker(line.text)) is not None and movers_only(self.paragraph):
            self.movers, self.paragraph = joined(self.paragraph), []
            return self.decision_block(lines, index, outcome)
        if (outcome := decide.marker(line.text)) is not None and not mid_sentence(self.paragraph):
            self.flush(keep=True)
            return self.decision_block(lines, index, outcome)
        if ROW.search(line.text) and self.item.decisions:
            self.flush()  # "| For | A Adams, B Boyce | 2 |": a recorded vote's row, the vote
            self.attach_vote(line.text)  # of the decision above
            return index + 1
        if self.listing is not None and decide.is_part(line.text):
            self.flush()
        if self.paragraph and next_point(self.paragraph, line.text):
            self.flush()  # "a) ... received the accounts", then "b) It was resolved that ..."
        if BULLET.match(line.text) and self.paragraph and self.listing is None:
            self.flush()  # each point of a bulleted list is read on its own
        self.paragraph.append(line)
        if line.text.endswith(" |") or settled(line.text) or answered(self.paragraph):
            self.flush()  # a web table's cell ends here: "Minutes: There were none. |", or an
            # earlier action's state: "- 17/06. Ask the owners ... COMPLETED – NO REPLY"
        return index + 1

    def part_announced(self, line: Line) -> bool:
        """ "THAT a closed meeting be held ... to consider the following:", then "1. Human
        Resources Matter - ...": a numbered line under a decision that announces its parts
        is one of them, not the next item."""
        announced, self.announced = self.announced, None
        if announced is None or self.paragraph or not self.item.decisions or self.listing:
            return False
        last = self.item.decisions[-1]
        if last is announced and re.match(r"that\b", line.text, re.IGNORECASE):
            self.announced = announced  # "... agreed by the Council as set out below:", then
            return False  # "that the Minutes ... be confirmed": the motion it announced
        if last is not announced or not ANNOUNCED_PART.match(line.text):
            return False
        self.item.decisions[-1] = self.announced = replace(last, parts=[*last.parts, line.text])
        return True

    def agenda(self, text: str, number: int, index: int) -> int:
        """ "The following matters were agreed for the next agenda:": each matter listed
        below comes back to the next meeting."""
        self.listing = NEXT_AGENDA
        if (outcome := decide.outcome(text)) is not None:
            self.decide(outcome, text, [], number, self.listing, context=text)
        return index + 1

    # -- blocks that span lines -----------------------------------------------------

    def decision_block(self, lines: list[Line], index: int, outcome: str) -> int:
        first = lines[index]
        tallied = not self.last_text or VOTE_LABEL.fullmatch(self.last_text)  # "In Favour:"
        closes = outcome in ("carried", "lost") and not decide.body_after_marker(first.text)
        if closes and tallied and self.item.decisions:
            self.attach_vote(first.text)  # "RESOLVED: That ...", then "Carried" on its own
            return index + 1  # line, or "Motion status:" then "Carried" and the vote's rows
        text, parts, index = resolution(lines, index)
        if not text and not parts and outcome in ("carried", "lost") and tallied:
            return index
        if not text and not parts:
            if not (self.last_text or self.item.heading) or decide.opens_below(first.text):
                return index  # "Resolved 14/06/9.06", then "It was agreed to ..." below
            text = (
                f"{self.last_text} {first.text}"
                if self.last_text
                else f"{self.item.heading}: {first.text}"
            )
        if self.last_text and not parts and VERDICT_ONLY.fullmatch(text):
            text = f"{self.last_text} {text}"  # "2/2017/0557 Haddon Lea - ...", "Resolved: No
        elif self.last_text and not parts and answers(self.last_text, text):  # Objection.", or
            text = f"{self.last_text.lstrip('-*•● ')} {first.text}"  # "- 20/501/FULL ...", "AGREED"
        whole = " ".join([text, *parts])  # the application and its answer
        self.decide(outcome, text or parts[0], parts, first.number, self.asks_back(whole), whole)
        for part in parts or sentences(text):
            self.owed(part, first.number, decided=True)
        if (owed := acts.aside_action(first, whole)) is not None:
            self.item.actions.append(owed)  # "It was agreed to write ...   Action: Clerk"
        self.last_text = ""
        return index

    def decision_table(self, lines: list[Line], index: int) -> int:
        """A table of applications and the verdict on each: the index after it, or 0."""
        if (found := decision_table(lines, index, self.prose_at)) is None:
            return 0
        decisions, first, after = found
        self.paragraph = [line for line in self.paragraph if line.number < first]
        self.flush()
        self.item.decisions.extend(decisions)
        return after

    def action_from_line(self, deed: tuple[list[str], str], line: Line) -> None:
        names, what = deed
        text = what or self.last_text or self.item.heading
        item, first = self.told
        if names and not what and item == id(self.item):
            del self.item.actions[first:]  # "ACTION: SF/MS" names who owes what the prose told
        self.told = (0, 0)
        if not names and what:
            owned = acts.owned_sentence(what, self.known, loose=True)
            names = owned[0] if owned else []
        self.item.actions.append(
            DraftAction(names, text, when(what, year_hint=self.year) if what else None, line.number)
        )
        for sentence in sentences(what):
            if (asked := self.asks_back(sentence)) is not None:
                self.item.report_backs.append(ReportBack(sentence, asked, line.number))
