"""Where minuted items begin, what they are called, and who was there.

Item numbers come in many shapes: ``107/20``, ``FGB 98/2122``, ``21.01.01``, ``45.``,
``4.4.4.5``, ``Item 83``, ``Item 2:``, ``Minute 12``, an "Agenda item" line with the title
on the next line, or a Markdown/web heading. The meeting's date is read in
:mod:`ledger.readers.meeting_date`.
"""

from __future__ import annotations

import re

from ledger.readers.minutes_layout import Line, title_case

NUMBERED = re.compile(
    r"^(?P<no>(?:[A-Z]{1,6}\s?)?\d{1,4}[a-z]?/\d{2,4}|\d{1,3}(?:\.\d{1,3}){1,4}\.?|\d{1,3}[.)]"
    r"|(?:agenda\s+)?item\s+\d{1,3}[a-z]?\s*[:.–-]?|minute\s+(?:no\.?\s*)?\d{1,4}[a-z]?\s*[:.]?)"
    r"\s+(?P<title>\S.*)$",
    re.IGNORECASE,
)
CAPITALS_NUMBERED = re.compile(  # "334 APOLOGIES FOR ABSENCE", "338 PLANNING COMMITTEE (For ...)"
    r"^(?P<no>\d{1,3})\s+(?P<title>[A-Z][A-Z&'’/,-]{2,}(?:\s+[A-Z&'’/,-]+)*(?:\s+\(.*\))?)$|"
    r"^(?P<comma>\d{1,2}),\s+(?P<asked>[A-Z].{0,118})$"  # "1, To elect a Chairman"
)
AGENDA_ITEM = re.compile(r"^\s*agenda\s+item\s*\d*\s*$", re.IGNORECASE)
NUMBER_ALONE = re.compile(
    r"^\s*(?P<no>\d{1,3}[.)]|\d{1,4}/\d{2,4})\s*$"
)  # "78.", "295/19": title below
LABEL = re.compile(r"^(?:minutes|decision|notes?)\s*:?\s*$", re.IGNORECASE)
PEOPLE_HEAD = re.compile(
    r"^(?:present|in\s+attendance|attendance|apologies(?:\s+for\s+absence)?|members(?:\s+present)?|"
    r"panel|councillors(?:\s+present)?|officers(?:\s+present)?|also\s+present|attendees|"
    r"governors|trustees|chair(?:ed)?(?:\s+by)?|clerk(?:ed)?(?:\s+by)?|minute\s+taker|secretariat|"
    r"other\s+attendees|ex\s+officio)\b\s*[:\-–]?",
    re.IGNORECASE,
)
NAME_WORD = re.compile(r"\b[A-Z][a-z'’-]{1,20}\b")
INITIALS_LEGEND = re.compile(r"\(([A-Z][A-Za-z]{1,4})\)")
STOP_WORDS = {
    "The",
    "And",
    "Councillor",
    "Councillors",
    "Cllr",
    "Cllrs",
    "Chair",
    "Clerk",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Present",
    "Apologies",
    "Members",
    "Officers",
    "Council",
    "Committee",
    "Board",
    "Panel",
    "In",
    "For",
    "Of",
    "With",
    "From",
    "Also",
    "Plus",
    "Attendance",
    # an agenda's words on the lines after "Apologies for Absence" name no one
    *("To", "A", "An", "Any", "No", "None", "Absence", "At", "By", "On", "As", "If", "This"),
    *("That", "Item", "Items", "Agenda", "Minutes", "Receive", "Declarations", "Interest"),
}


NOT_NAMES = {  # words that open a sentence before a verb without naming anyone
    *("This", "That", "These", "Those", "It", "There", "Members", "Governors", "Trustees"),
    *("Parish", "Town", "District", "County", "City", "Borough", "Health", "Chief", "Head"),
    *("Deputy", "Vice", "Executive", "Director", "Officer", "Forum", "Group", "Cabinet"),
    *("Authority", "Trust", "Services", "Service", "Team", "Department", "Scrutiny"),
    *("Following", "After", "Also", "Finally", "Further", "However", "Then", "When"),
}


def heading(line: Line, following: Line | None, after: str = "") -> tuple[str, str] | None:
    """An item's number and title when ``line`` begins one, else None; ``after`` is the
    number of the item being read: the next number standing alone takes a title below it
    in sentence case too ("127.", then "Dates of future meetings")."""
    text = line.text
    if line.titled and not NUMBERED.match(text):
        return "", text  # "### Finances": a Markdown heading names the item
    if bare_number(line):
        return line.cells[0][1], " ".join(cell for _, cell in line.cells[1:])
    if AGENDA_ITEM.match(text) and following is not None:
        return text.split()[-1] if text.split()[-1].isdigit() else "", following.text
    if (alone := NUMBER_ALONE.match(text)) and titles_below(
        following, minute="/" in text or follows_on(after, alone["no"])
    ):
        return alone["no"].rstrip(".)"), following.text if following else ""
    found = NUMBERED.match(text) or CAPITALS_NUMBERED.match(text)
    if not found:
        return None
    if found.re is CAPITALS_NUMBERED and found["comma"]:
        return found["comma"], found["asked"].strip()
    number = found["no"].rstrip(":.–- ")
    title = found["title"].strip()
    if re.match(r"\d{1,3}[.)]$", found["no"]) and (
        title[:1].islower() or title.lower().startswith("that ")
    ):
        return None  # a numbered part of a resolution, not an item
    if re.fullmatch(r"\d{1,2}\.\d{1,2}\.\d{4}", number):
        return None  # a date such as 12.03.2021; "21.01.03" numbers a parish council's minute
    return number, title


def follows_on(number: str, alone: str) -> bool:
    """Whether a number standing alone ("127.") is the one after the item's ("126")."""
    number, alone = number.rstrip(".)"), alone.rstrip(".)")
    return number.isdigit() and alone.isdigit() and int(alone) == int(number) + 1


ATTACHED = re.compile(r"\s+pdf\s+icon\s+PDF\s+[\d.]+\s*[KM]B\s*$", re.IGNORECASE)  # a web page's


def titles_below(following: Line | None, *, minute: bool = False) -> bool:
    """Whether the line below a number standing alone is its item's title: short, in
    title case or capitals, and no sentence ("Accounts for Payment", "PLANNING"); below a
    minute's number ("295/19"), or over the papers a web page links ("pdf icon PDF 1 MB"),
    in sentence case too ("Questions from the public")."""
    if following is None or not following.text or len(following.text) > 100:
        return False
    title = ATTACHED.sub("", following.text)
    sentence_case = minute or title != following.text  # "Waste review pdf icon PDF 1 MB"
    if sentence_case and title[:1].isupper() and not title.rstrip().endswith((".", ":")):
        return True
    words = title.rstrip(":.").split()
    capitalised = [w for w in words if len(w) >= 4 and w[:1].isalpha()]
    return (
        bool(words)
        and words[0][:1].isupper()
        and (not capitalised or sum(w[:1].isupper() for w in capitalised) >= 0.6 * len(capitalised))
    )


def takes_title_below(line: Line) -> bool:
    """Whether an item's heading line is followed by its title ("Agenda item", "78."),
    or by the title again (a web page's "Agenda item 5 Budget", then "Budget")."""
    return line.text.lower().startswith("agenda item") or bool(NUMBER_ALONE.match(line.text))


def bare_number(line: Line) -> bool:
    """A number standing alone in its column, an upper-case title in the next: "2   MINUTES"."""
    cells = line.cells
    return (
        len(cells) >= 2
        and re.fullmatch(r"\d{1,3}[a-z]?", cells[0][1]) is not None
        and cells[1][1][:1].isupper()
        and cells[1][1][:12].upper() == cells[1][1][:12]
    )


SPEAKER = re.compile(  # "Robin Crofts noted ...", "Maggie Waller agreed to ...": a person
    r"(?<![\w'’-])(?P<first>[A-Z][a-z'’-]{1,20}) (?P<last>[A-Z][a-z'’-]{1,20}) (?:noted|said|"
    r"reported|advised|explained|confirmed|stated|agreed|asked|presented|introduced|updated|"
    r"thanked|welcomed|informed|suggested|proposed|seconded|offered|undertook)\b"
)


def people(lines: list[Line]) -> set[str]:
    """First names, surnames and initials of the people the minutes list as present,
    apologising or attending, or name as speaking ("Robin Crofts noted ..."), to tell
    "Esme will contact ..." from "Payment will ..."."""
    found: set[str] = set()
    for line in lines:
        for speaker in SPEAKER.finditer(line.text):
            if not {speaker["first"], speaker["last"]} & (STOP_WORDS | NOT_NAMES):
                found.update((speaker["first"], speaker["last"]))
    reading = 0
    for line in lines[:400]:
        if PEOPLE_HEAD.match(line.text.lstrip("-*•● ")):  # "- Present: Valentine, Dyana"
            reading = 4
        elif not line.text:
            reading = max(0, reading - 2)
        if reading and listing_names(line.text):
            found.update(w for w in NAME_WORD.findall(line.text) if w not in STOP_WORDS)
            found.update(INITIALS_LEGEND.findall(line.text))
            reading -= 0 if line.text else 1
    return found


def listing_names(text: str) -> bool:
    """Whether a line below "Present:" lists people: not a table's row ("| Call to Order
    |"), nor a sentence whose small words outnumber its capitalised ones."""
    if "|" in text:
        return False
    words = text.split()
    capitalised = sum(1 for w in words if w[:1].isupper())
    return capitalised * 2 >= len(words) - capitalised


def is_label(line: Line) -> bool:
    """A ModernGov "Minutes:" or "Decision:" label, which carries no words of its own."""
    return bool(LABEL.match(line.text))


TITLE_LINE = re.compile(r"^\s*title\s*:\s*(?P<title>.+)$", re.IGNORECASE)
MINUTES_OF = re.compile(  # "Minutes of the Town Board meeting held on ...": the body named
    r"^minutes\s+of\s+(?:the\s+|a\s+)?\S.{0,150}?\bheld\b", re.IGNORECASE
)
MINUTES_LINE = re.compile(r"^minutes\b", re.IGNORECASE)


def body_title(lines: list[Line], title: str) -> str:
    """The minutes' title, naming their body, when the reader was given none: a "title:"
    line, a Markdown heading, "Minutes of the Parish Council held on ...", or the body's
    name on the line above "Minutes of the meeting" ("Welsh Technical Standards Board")."""
    shown = [line for line in lines[:60] if line.text][:2]
    if not shown:
        return title
    first = shown[0]
    if not title and (found := TITLE_LINE.match(first.text)):
        return found["title"].strip()
    if first.titled:  # "## Plenum 2019-01-16 Minutes" names the page
        first.titled = False
        return title or first.text
    if title:
        return title
    if MINUTES_OF.match(first.text):
        return first.text[:200]
    named = len(first.text) <= 80 and title_case(first.text) and first.text[-1:] not in ".:;,"
    if named and len(shown) > 1 and MINUTES_LINE.match(shown[1].text):
        return first.text
    return title
