"""When the meeting minuted was held, read from the way minutes state it.

Minutes name their meeting's date in a title ("Minutes of the Cabinet held on Tuesday 24
September 2009 at 7pm"), under a label ("Date:", "Meeting date:", a "DATE" cell, ModernGov's
"Date: Thursday, 12th March, 2020 7.00 pm"), or on a line at their head, above those present.
They also carry dates that are not the meeting's: the next meeting, the earlier minutes
approved, a governor's term of office, the day a page was published, the meeting an agenda
pack summons, dates inside the minuted items. Every date in the head of the document (and
just above the list of those present) is a candidate, weighed by the words that introduce
it; a stated weekday that fits the day makes it stronger, one that does not, weaker. With no
candidate strong enough, or two different days equally strong, there is no answer: asking
the clerk for ``--meeting`` is better than recording minutes on the wrong day.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from ledger.readers.minutes_dates import MONTH, YEAR, dates_in, spans_of_dates, to_date, weekday_fit
from ledger.readers.minutes_items import heading
from ledger.readers.minutes_layout import Line

# Weights: what introduces a date, or where it stands when nothing does.
HELD, LABEL, TOP, BARE, BODY = 5, 4, 4, 3, 1
ENOUGH = 3  # the least weight a date needs to be taken as the meeting's
HEAD_LINES = 40  # non-blank lines read as the document's head at most
HELD_WORDS = re.compile(r"\b(?:held|meeting|minutes|sitting|took\s+place|convened)\b", re.I)
LABEL_WORDS = re.compile(r"\b(?:date|when)\b", re.IGNORECASE)
DISTRUST = re.compile(  # words before a date that tie it to something other than the meeting
    r"\b(?:next|previous|last|following|future|forthcoming|upcoming|prior|earlier|subsequent|"
    r"approved?|approval|confirm(?:ed|ation)?|sign(?:ed)?|circulated|published|publication|"
    r"printed|issued|despatched|dispatched|posted|updated|revised|modified|terms?|ends?|ended|"
    r"expires?|expiry|appointed|re-?elected|elected|resigned|deadline|due|received|dated|"
    r"as\s+at|effective|adjourned|postponed|rescheduled|deferred|letter|reports?|"
    r"(?:its|their|his|her)\s+meeting|(?:correct|true|accurate)\s+record)\b|"
    r"\b(?:from|between|to|until|till|since|and)\W*$",
    re.IGNORECASE,
)
AFTER_DISTRUST = re.compile(  # "... held on 14 July 2021 be agreed as a correct record"
    r"\b(?:(?:were|was|had\s+been|have\s+been)\s+(?:approved|confirmed|signed|agreed|accepted|"
    r"circulated)|be\s+(?:signed|approved|confirmed|agreed|accepted)\s+as|(?:correct|true|"
    r"accurate)\s+record|previously\s+circulated|for\s+confirmation)\b",
    re.IGNORECASE,
)
SUMMONS = re.compile(
    r"\b(?:(?:will|is\s+to|are\s+to|to)\s+be\s+held|will\s+take\s+place|summon(?:s|ed)|"
    r"notice\s+is\s+(?:hereby\s+)?given|(?:requested|invited)\s+to\s+attend)\b",
    re.IGNORECASE,
)
ITEM_START = re.compile(  # ModernGov's item number on a line of its own, its "Minutes:" label
    r"^\s*(?:\d{1,3}(?:\.\d{1,2})?\.?|(?:minutes|decisions?|notes?)\s*:)\s*$", re.IGNORECASE
)
PRESENT = re.compile(
    r"^(?:present|members\s+present|those\s+present|in\s+attendance|attendance|attendees)\b",
    re.IGNORECASE,
)
TITLE_LINE = re.compile(r"^\s*title\s*:\s*(?P<title>.+)$", re.IGNORECASE)
MINUTES_OF = re.compile(r"\bminutes\s+of\b", re.IGNORECASE)
TIME_AND_DAY = (  # what a date line holds besides its date: "At 7.30pm on Wednesday"
    r"\b(?:on|at|the|time|noon|\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.?\s?m\.?)?|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b|[^\w\s]"
)
LEAD_FILLER = re.compile(TIME_AND_DAY, re.IGNORECASE)
ISO_FORM = re.compile(r"\d{4}-\d\d-\d\d")
TITLE_MONTH = re.compile(  # "Minutes July 2013", "Annual Minutes - May"
    rf"\b(?P<m>{MONTH})\.?(?:,?\s+(?P<y>\d{{4}})\b|\W*$)", re.IGNORECASE
)


@dataclass(frozen=True)
class Candidate:
    """A date the document gives, its weight, and where (line index; -1 for the title)."""

    day: date
    weight: int
    where: int


def meeting_date(lines: list[Line], title: str) -> date | None:
    """When the meeting minuted was held, or None when the document does not say it plainly."""
    return Reading(lines, title).meeting()


@dataclass
class Reading:
    """The document's non-blank lines, read for the dates they give."""

    lines: list[Line]
    title: str
    texts: dict[int, str] = field(init=False)
    order: list[int] = field(init=False)

    def __post_init__(self) -> None:
        self.texts = {i: text for i, line in enumerate(self.lines) if (text := full_text(line))}
        self.order = list(self.texts)

    def meeting(self) -> date | None:
        head, present = self.head(), self.above_present()
        years = year_hints(self.title, [self.texts[i] for i in head])
        found = [Candidate(day, weight, -1) for day, weight in weighed(self.title, HELD, years)]
        for i in sorted({*head, *present}):
            given = TITLE_LINE.match(self.texts[i])
            if given and given["title"].strip() == self.title.strip():
                continue  # the "Title: ..." line gives the title, weighed already
            found += self.on_line(i, self.place(i, head, present), years)
        summoned = self.summoned()
        found += self.agenda_pack(summoned)
        return strongest([c for c in found if c.day not in summoned], month_of(self.title))

    def place(self, i: int, head: list[int], present: list[int]) -> int:
        """A line's weight by where it stands: among the first three, a date line in the head,
        just above those present; any other line's dates need words naming the meeting."""
        if i in present:
            return LABEL
        if i in self.order[:3]:
            return TOP
        return BARE if i in head and bare(self.texts[i]) else BODY

    def head(self) -> list[int]:
        """The non-blank lines before the list of those present or the first minuted item,
        at most HEAD_LINES of them."""
        found = []
        for position, i in enumerate(self.order[:HEAD_LINES]):
            line = self.lines[i]
            after = self.order[position + 1 : position + 2]
            if PRESENT.match(line.text) or ITEM_START.match(line.text):
                break
            if heading(line, self.lines[after[0]] if after else None):
                break
            found.append(i)
        return found

    def above_present(self) -> list[int]:
        """The few lines just above the first list of those present: minutes printed in an
        agenda pack give their meeting's date there, under the committee's name."""
        for position, i in enumerate(self.order[:400]):
            if PRESENT.match(self.texts[i]):
                return self.order[max(0, position - 4) : position]
        return []

    def on_line(self, i: int, place: int, years: list[int]) -> list[Candidate]:
        """The dates on line ``i``; a date alone on its line is introduced by the line above
        ("Date of next meeting:"), and a sentence running on to the next line ends there."""
        if self.in_column_of_dates(i):
            return []  # a table's column of dates: terms of office, actions' due dates
        text, position = self.texts[i], self.order.index(i)
        above = self.texts[self.order[position - 1]] if position else ""
        below = self.texts[self.order[position + 1]] if position + 1 < len(self.order) else ""
        return [Candidate(d, w, i) for d, w in weighed(text, place, years, above, below)]

    def in_column_of_dates(self, i: int) -> bool:
        """Whether line ``i`` is a table row with a date beside another such row."""
        position = self.order.index(i)
        near = self.order[max(0, position - 1) : position] + self.order[position + 1 : position + 2]
        return row_with_date(self.lines[i]) and any(row_with_date(self.lines[n]) for n in near)

    def summoned(self) -> set[date]:
        """Days of a meeting the document summons ("A meeting ... will be held: Date: 22
        October 2009"): an agenda pack's own meeting, not the one whose minutes it carries."""
        found: set[date] = set()
        for position, i in enumerate(self.order[:HEAD_LINES]):
            if SUMMONS.search(self.texts[i]):
                for n in self.order[position : position + 4]:
                    found.update(day for _, day in dates_in(self.texts[n]))
        return found

    def agenda_pack(self, summoned: set[date]) -> list[Candidate]:
        """An agenda pack summons a meeting and carries the minutes its agenda puts up for
        approval ("3. Minutes of the meeting held on 24 September 2009"), with those present."""
        for position, i in enumerate(self.order if summoned else ()):
            text = self.texts[i]
            if PRESENT.match(text):
                return []
            if MINUTES_OF.search(text) and heading(self.lines[i], None) and dates_in(text):
                later = self.order[position + 1 :]
                carried = any(PRESENT.match(self.texts[n]) for n in later)
                return [Candidate(dates_in(text)[0][1], LABEL, i)] if carried else []
        return []


def weighed(
    text: str, place: int, years: list[int], above: str = "", below: str = ""
) -> list[tuple[date, int]]:
    """Each date in ``text`` with its weight: ``place`` (where the line stands) raised by
    words naming the meeting or a date label before it, and by a weekday that fits; lowered
    by a weekday that does not. A date other words tie to another meeting, a term of office,
    a publication or an approval is left out."""
    found = []
    previous_end = 0
    for start, end, day, year_given in spans_of_dates(text, years):
        lead = text[previous_end:start][-120:]
        if wrapped(above, LEAD_FILLER.sub(" ", lead)):
            lead = f"{above} {lead}"  # "Date of next meeting:" above, or a heading run on
        rest = text[end:]
        after = rest if len(rest) > 40 or rest.rstrip().endswith((".", ":")) else f"{rest} {below}"
        previous_end = end
        if DISTRUST.search(lead) or SUMMONS.search(lead) or AFTER_DISTRUST.search(after[:90]):
            continue
        weight = HELD if HELD_WORDS.search(lead) else LABEL if LABEL_WORDS.search(lead) else 0
        weight = max(weight, place) + weekday_fit(text, start, day)
        weight -= (not year_given) + bool(ISO_FORM.match(text, start))
        found.append((day, weight))
    return found


def wrapped(above: str, lead: str) -> bool:
    """Whether the words before a date go on from the line above: none ("Date:" above, the
    date below it), or a few naming nothing, after a line that ends mid-sentence."""
    if HELD_WORDS.search(lead) or LABEL_WORDS.search(lead):
        return False  # "Meeting: 21/10/2021", "Date: ...": the line says what its date is
    words = lead.split()
    return not words or (len(words) < 6 and not above.rstrip().endswith((".", ";", "!", "?")))


def full_text(line: Line) -> str:
    """A line's words with its right-hand cell: "COMMITTEE Full Governing Body DATE 23 May"."""
    return f"{line.text} {line.aside}".strip()


def bare(text: str) -> bool:
    """A line holding little but its date, a weekday and a time: a heading's date line,
    perhaps under or after the body's name ("AUDIT COMMITTEE 24 SEPTEMBER 2009")."""
    words = re.sub(rf"\b{MONTH}\b|\d+(?:st|nd|rd|th)?\b|{TIME_AND_DAY}", " ", text, flags=re.I)
    return len(words.split()) <= 4


def row_with_date(line: Line) -> bool:
    """A line of three or more cells (laid out, tabbed or piped) with a date among them."""
    text = full_text(line)
    cells = max(len(line.cells), text.count("|") - 1)
    return cells >= 3 and not LABEL_WORDS.search(text) and bool(dates_in(text))


def year_hints(title: str, head: list[str]) -> list[int]:
    """Years for a date written without one: the title's, then the head's, commonest first."""
    counts = Counter(int(y) for text in [title, *head] for y in YEAR.findall(text))
    titled = [int(y) for y in YEAR.findall(title)]
    return list(dict.fromkeys([*titled, *(y for y, _ in counts.most_common(3))]))


def month_of(title: str) -> tuple[int | None, int] | None:
    """The month (and year) a title names without a day: "Parish Council Minutes July 2013",
    "Annual Parish Council Minutes - May"."""
    match = None if dates_in(title) else TITLE_MONTH.search(title)
    if not match:
        return None
    day = to_date(match["y"] or "2000", match["m"], "1")
    return (int(match["y"]) if match["y"] else None, day.month) if day else None


def month_fit(day: date, month: tuple[int | None, int] | None) -> int:
    """+1 for a day in the month the title names, -1 for a day in another, else 0."""
    if month is None:
        return 0
    return 1 if month[1] == day.month and month[0] in (None, day.year) else -1


def strongest(found: list[Candidate], month: tuple[int | None, int] | None) -> date | None:
    """The day with the most weight, if it has enough and no other day has as much. A day
    stated plainly on two lines gains one; a day in the month the title names gains one, a
    day in another month loses one."""
    weights: dict[date, int] = {}
    plain: dict[date, set[int]] = {}
    for candidate in found:
        weights[candidate.day] = max(weights.get(candidate.day, candidate.weight), candidate.weight)
        if candidate.weight >= ENOUGH:
            plain.setdefault(candidate.day, set()).add(candidate.where)
    for day in weights:
        weights[day] += len(plain.get(day, ())) > 1
        weights[day] += month_fit(day, month)
    ranked = sorted(weights.values(), reverse=True)
    if not ranked or ranked[0] < ENOUGH or ranked[1:2] == ranked[:1]:
        return None  # nothing plain enough, or two days equally plain: ask rather than guess
    return max(weights, key=lambda day: weights[day])
