"""A resolution that spans lines: the words after its ``RESOLVED:`` heading and its
lettered parts, up to where the minutes' narrative takes over again."""

from __future__ import annotations

import re

from ledger.readers import minutes_actions as acts
from ledger.readers import minutes_decisions as decide
from ledger.readers.minutes_items import heading
from ledger.readers.minutes_layout import Line, title_case

LEAD_IN = re.compile(r"^(?:that\b|[“\"]\s*\S|\(?[a-z][.)]\s|\(?\d{1,2}\)\s)", re.IGNORECASE)
ANNOUNCED_PART = re.compile(  # "1. ...", "(a) ...", "- ...": a point under "the following:"
    r"^(?:\(?[a-z][.)]|\(?\d{1,2}[.)]|\(?[ivx]{1,4}[.)]|[-•●*])\s+\S", re.I
)
COLON_PART = re.compile(r"^[A-Qa-q]:\s+\S")  # "That Cabinet:" then "A: Welcomes ...", "B: ..."


def part_of(text: str, texts: list[str], parts: list[str]) -> bool:
    """Whether a line is one of the resolution's parts: "(a) ...", "2) ...", or "A: ..."
    under words that announce parts ("That Cabinet:") or after an "A: ..." part."""
    if decide.is_part(text):
        return True
    announced = bool(texts) and texts[-1].rstrip().endswith(":") and not parts
    return bool(COLON_PART.match(text)) and (
        announced or bool(parts and COLON_PART.match(parts[-1]))
    )


def resolution(lines: list[Line], index: int) -> tuple[str, list[str], int]:
    """The text and parts of the resolution whose marker is on ``lines[index]``, and the
    index of the first line after it."""
    body = decide.body_after_marker(lines[index].text)
    lettered = decide.is_part(body)  # "RESOLVED: (A) That ..." opens the first of its parts
    texts = [body] if body and not lettered else []
    parts: list[str] = [body] if lettered else []
    below = next((n for n in lines[index + 1 : index + 4] if n.text), None)
    opening = decide.opens_below(lines[index].text) or (  # "RESOLVED", then "THAT:" or "(a)"
        not body
        and lines[index].text.isupper()
        and below is not None
        and LEAD_IN.match(below.text) is not None
    )
    nested = False  # the last part holds roman-numbered points of its own
    scheduled = 0  # 1 in a table of payments below the marker, 2 after it: resolved below
    index += 1
    while index < len(lines):
        line = lines[index]
        nxt = next((n for n in lines[index : index + 6] if n.text), None)
        if not (texts or parts) and line.text and (scheduled == 1 or len(line.cells) >= 3):
            scheduled = 1  # "Resolved 14/06/9.02", "Payee  Net  VAT ...", then "Invoices
            index += 1  # were checked, payments were approved ...": the resolution
            continue
        scheduled = 2 if scheduled else 0  # the table has ended
        if empty(line) and (opening or scheduled) and not (texts or parts):
            index += 1  # "RESOLVED:", a blank line, then what was resolved
            continue
        if empty(line) and broken(texts, parts, nxt) and nxt is not None:
            at = lines.index(nxt, index)  # "Resolved – That the minutes ... be", a gap, then
            (parts or texts)[-1] += f" {nxt.text}"  # "agreed as a correct record."
            index = at + 1
            continue
        if empty(line):
            if nxt is None or not part_of(nxt.text, texts, parts) or next_item(texts, parts, nxt):
                break
        elif ends_block(line):
            break
        elif texts and not parts and texts[-1].endswith(".") and next_item(texts, parts, line):
            break  # "Resolved – to defer the map board.", then "11) Planning": the next item
        elif texts and not parts and not texts[-1].endswith(":") and LISTED.match(line.text):
            break  # "AGREED to recommend APPROVAL", then "- 20/501113/FULL ...": the next entry
        elif decide.is_part(line.text) and parts and within(parts[-1], line.text, nested):
            parts[-1] = f"{parts[-1]} {line.text}"  # "(2) That ... as follows:", "(i) ..."
            nested = True
        elif part_of(line.text, texts, parts):
            parts.append(line.text)
            nested = False
        elif (parts or texts) and (parts or texts)[-1].endswith("."):
            break  # the resolution has ended; what follows is the minutes' narrative
        elif parts:
            parts[-1] = f"{parts[-1]} {line.text}"
        else:
            texts.append(line.text)
        index += 1
    return " ".join(texts), parts, index


LISTED = re.compile(r"^[-*•●]\s+\S")  # an entry of a bulleted list


def empty(line: Line) -> bool:
    """A blank line, or a web table's empty cells ("||||")."""
    return line.blank or not line.text.strip(" |")


RUNS_ON = {"that", "to", "the", "and", "of", "for", "by", "a", "an", "with", "be", "was", "is"}


def broken(texts: list[str], parts: list[str], below: Line | None) -> bool:
    """Whether a blank line only breaks a sentence of the resolution: its words stop on one
    that cannot end a sentence and go on in lower case below."""
    said = (parts or texts)[-1].rstrip() if (parts or texts) else ""
    last = said.rsplit(" ", 1)[-1].lower()
    if below is None or decide.is_part(below.text) or COLON_PART.match(below.text):
        return False  # "(b) ... and", then "(c) ...": the next part, not the same sentence
    return bool(said) and last in RUNS_ON and below.text[:1].islower()


def next_item(texts: list[str], parts: list[str], line: Line) -> bool:
    """After a blank, "4. Cemetery" opens the next item: the resolution already said what
    it resolved and does not end in a colon announcing its parts, or the numbered line is
    a title ("10. To Consider Adoption of the Accounts"), not a part ("1. The report be
    noted.")."""
    said = " ".join(texts).rstrip()
    if parts or said.endswith(":") or (found := heading(line, None)) is None:
        return False
    return bool(said) or title_case(found[1])


def ends_block(line: Line) -> bool:
    """An item heading, a new decision or an ACTION line ends a decision's block."""
    if decide.is_part(line.text):
        return False
    return bool(heading(line, None) or decide.marker(line.text) or acts.action_line(line.text))


ROMAN = re.compile(r"^\(?([ivx]{1,5})[.)]\s", re.IGNORECASE)
LABEL = re.compile(r"^\(?([a-z]|\d{1,2})[.)]\s", re.IGNORECASE)


def within(part: str, line: str, nested: bool) -> bool:
    """Whether a roman-numbered line is a point of the part above ("(2) That the format be
    agreed as follows:" then "(i) ...", "(ii) ..."), not a part of its own."""
    roman = ROMAN.match(line)
    if not roman or not LABEL.match(part) or ROMAN.match(part):
        return False
    if roman.group(1).lower() == "i" and not part.rstrip().endswith(":"):
        return False  # "(h) ...", "(i) ...": the letter after h
    return part.rstrip().endswith(":") or nested


POINT = re.compile(r"^\(?(?P<mark>[a-z]|[ivx]{1,4})[.)]\s+\S")
ROMAN_POINTS = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x")


def next_point(paragraph: list[Line], line: str) -> bool:
    """Whether ``line`` opens the point after the last one the paragraph opened: "a)
    Councillors received the statements ...", then "b) It was resolved that ...". Each point
    of an item's lettered list is read alone, so one point's decision does not swallow the
    next's."""
    then = POINT.match(line)
    first = then and next((m for n in reversed(paragraph) if (m := POINT.match(n.text))), None)
    if not (first and then):
        return False
    a, b = first["mark"].lower(), then["mark"].lower()
    if a in ROMAN_POINTS and b in ROMAN_POINTS and ROMAN_POINTS.index(b) > ROMAN_POINTS.index(a):
        return True  # "i)" then "ii)", where "i" is no letter between "h" and "j"
    return len(a) == len(b) == 1 and ord(b) > ord(a)
