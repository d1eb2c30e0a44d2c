"""From a document's text to the lines a clerk reads: markup, page furniture and the
right-hand column taken apart.

Minutes come as text taken from PDFs (columns laid out with runs of spaces, page footers,
"Signed ____ Dated"), from Word (tabs between table cells), from web pages and Markdown
(``**bold**``, ``> quoted`` paragraphs, ``^th^``). Each line becomes a :class:`Line`: its
words, and what stood in a right-hand column (often the owner of an action) apart.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

MARKUP = [
    (re.compile(r"<!--.*?-->"), ""),
    (re.compile(r"</?t[dh]\b[^<>]{0,200}>", re.I), "\t"),  # raw HTML table cells in Markdown
    (re.compile(r"</?(?:table|thead|tbody|tfoot|tr)\b[^<>]{0,200}>", re.I), " "),
    (re.compile(r"(?<=\w)_([.,:;)])_(?=\s|$)"), r"\1"),  # "**15_._ To ...**": an emphasised stop
    (re.compile(r"</?(?:div|span|p|br|strong|em|b|i|u|font|sup|sub)\b[^<>]{0,200}>", re.I), " "),
    (re.compile(r"&nbsp;|&#160;"), " "),
    (re.compile(r"&amp;"), "&"),
    (re.compile(r"\^(st|nd|rd|th)\^"), r"\1"),
    (re.compile(r"\*\*|__|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)"), ""),
    (re.compile(r"\\$"), ""),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~\"'])"), r"\1"),  # Markdown's escapes: "2\." is "2."
    (re.compile(r"^\s{0,3}(?:>\s?)+"), ""),
    (re.compile(r"^\s{0,3}#{1,6}\s+"), ""),
    (re.compile(r"\[([^\]\n]{1,200})\]\([^)\s]{1,500}\)"), r"\1"),
    (re.compile(r"[\u200b\ufeff\u00ad]"), ""),
    (re.compile(r"[\u2018\u2019\u2032]"), "'"),
    (re.compile(r"[\u201c\u201d]"), '"'),
    (re.compile("\ufb01"), "fi"),
    (re.compile("\ufb02"), "fl"),
]
MARKDOWN_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+\S")
FURNITURE = re.compile(
    r"^\s*(?:page\s+\d+(?:\s+of\s+\d+)?|\d+\s*$|-\s*\d+\s*-|signed\b.{0,40}(?:date[d]?\b.*)?|"
    r"chair(?:man|person)?'?s?\s+(?:signature|initials)\b.*|"
    r"this page is intentionally left blank|"
    r"\W*view\s+(?:the\s+)?(?:recorded\s+vote|reasons\s+restricted|webcast|background\s+papers)\b.*)\s*$",
    re.IGNORECASE,
)
MARKER_WORD = re.compile(  # an outcome in the right-hand column: the line's, not an owner
    r"^(?:(?:unanimously\s+)?(?:agreed|resolved|approved|noted|rejected|carried|lost)"
    r"(?:\s+unanimously)?|all\s+(?:in\s+favou?r|agreed))\.?$",
    re.I,
)
ROW_END = re.compile(r"</tr\s*>", re.I)  # a raw HTML table's row ends a line
ASIDE_MAX = 45  # a right-hand column cell holds a name or a few words, not prose
ACTION_TAG = re.compile(  # "... on the agenda for the January meeting.  Action Clerk": the
    r"(?<=[.!?])\s+(?:ACTIONS?|Actions?)\s*[:–—-]?\s*"  # right-hand column, run into the line
    r"(?P<who>{who}(?:\s*(?:/|&|,|\band\b)\s*{who}){{0,3}})[.\s]*$".format(
        who=r"(?:[A-Z]{2,4}|(?:Cllrs?\.?|Councillors?|Mr|Mrs|Ms|Dr)\s+[A-Z][\w'’-]+|(?:the\s+)?"
        r"(?:Clerk|Chair(?:man|person)?|Vice[- ]Chair(?:man)?|Secretary|Treasurer|RFO|Mayor|"
        r"Head(?:teacher)?|Headteacher))"
    )
)


@dataclass
class Line:
    """One line as read: its number in the text (1-based), its words, and a right-hand
    column cell when the layout had one (an owner, "Clerk", "ACTION: NS")."""

    number: int
    text: str
    aside: str = ""
    indent: int = 0
    cells: list[tuple[int, str]] = field(default_factory=list)
    titled: bool = False  # a Markdown heading ("### Finances"): an item's title

    @property
    def blank(self) -> bool:
        return not self.text and not self.aside


def clean(raw: str) -> str:
    """One line with Markdown and typographic noise taken out; spacing kept."""
    for pattern, repl in MARKUP:
        raw = pattern.sub(repl, raw)
    return raw.rstrip()


def repeated_lines(raw_lines: list[str]) -> set[str]:
    """Running headers and footers: lines (page numbers aside) repeated beside the page
    breaks of three or more pages."""
    pages = "\n".join(raw_lines).count("\f") + 1
    if pages < 3:
        return set()
    breaks = [i for i, line in enumerate(raw_lines) if "\f" in line]
    near = set()
    for at in breaks:  # running headers and footers sit just before or after a page break
        near.update(range(max(0, at - 4), at + 5))
    counts = Counter(
        page_free(raw_lines[i]) for i in near if i < len(raw_lines) and len(raw_lines[i]) <= 200
    )
    return {text for text, seen in counts.items() if text and seen >= 3 and seen >= pages // 2}


def unglued(raw: str, footers: list[str]) -> str:
    """A line with a running footer cut out where the PDF's text ran it into the line
    ("... was changed by the 2016-12-15 draft Open Board Minutes"): the line's tail, from
    where a footer starts, is the footer or the start of it."""
    flat = page_free(raw)
    for footer in footers:
        at = flat.find(footer[:20])
        if at > 0 and footer.startswith(flat[at:]):
            starts = [m.start() for m in re.finditer(r"\S+", raw)]
            words = len(flat[at:].split())
            return raw[: starts[-words]].rstrip() if 0 < words <= len(starts) else raw
    return raw


def page_free(line: str) -> str:
    """A line as it repeats from page to page: page numbers and control bytes aside."""
    return " ".join(re.sub(r"[\x00-\x08\d]+", "#", line).split())


def cells_of(text: str) -> list[tuple[int, str]]:
    """The line's cells with the column each starts at. Tabs (Word and web tables) and
    runs of three or more spaces (PDF layout) separate cells; single spaces do not."""
    cells: list[tuple[int, str]] = []
    for match in re.finditer(r"[^\t ]+(?: {1,2}[^\t ]+)*", text):
        cells.append((match.start(), " ".join(match.group(0).split())))
    return cells


def aside_of(text: str, cells: list[tuple[int, str]], width: int) -> str:
    """A right-hand column cell: short, and far to the right after a wide gap or a tab."""
    if len(cells) < 2:
        return ""
    (before, previous), (start, last) = cells[-2], cells[-1]
    gap = text[before + len(previous) : start]
    far = "\t" in gap or (len(gap) >= 6 and start >= max(60, int(width * 0.6)))
    if MARKER_WORD.match(last) or last[:1].islower():
        return ""  # "... closed.        AGREED." and a justified line's last words are its own
    return last if far and len(last) <= ASIDE_MAX else ""


def lines_of(text: str) -> list[Line]:
    """The document's lines, cleaned, with page furniture dropped and page breaks as blanks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    raw_lines = (ROW_END.sub("\n", text) if "</tr" in text.lower() else text).split("\n")
    furniture = repeated_lines(raw_lines)
    footers = [text for text in furniture if len(text) >= 25]
    width = max((len(line) for line in raw_lines[:2000]), default=80)
    found: list[Line] = []
    for number, raw in enumerate(raw_lines, start=1):
        if "\f" in raw or page_free(raw) in furniture or FURNITURE.match(raw):
            found.append(Line(number, ""))
            continue
        if footers:
            raw = unglued(raw, footers)
        text = clean(raw)
        cells = cells_of(text)
        aside = aside_of(text, cells, width)
        words = " ".join(cell for _, cell in (cells[:-1] if aside else cells))
        if not aside and (tag := ACTION_TAG.search(words)):
            words, aside = words[: tag.start()], f"ACTION: {tag['who']}"
        indent = cells[0][0] if cells else 0
        titled = bool(MARKDOWN_HEADING.match(raw)) and 0 < len(words) <= 120
        found.append(Line(number, words, aside, indent, cells, titled))
    return found


def title_case(text: str) -> bool:
    """Whether most longer words start with a capital, as an agenda item's title does
    ("To Consider Adoption of the Annual Accounts") and a sentence does not."""
    words = [w for w in text.split() if len(w) >= 4 and w[:1].isalpha()]
    return bool(words) and sum(w[:1].isupper() for w in words) >= 0.6 * len(words)


def joined(lines: list[Line]) -> str:
    """Lines of one paragraph as one string, hyphenation at line ends undone."""
    out: list[str] = []
    for line in lines:
        if not line.text:
            continue
        if out and out[-1].endswith("-") and line.text[:1].islower():
            out[-1] = out[-1][:-1] + line.text
        else:
            out.append(line.text)
    return " ".join(out)


TITLES = ("Cllr", "Cllrs", "Mr", "Mrs", "Ms", "Dr", "Prof", "Rev", "St", "No", "Nos", "Cttee")
SENTENCE_END = re.compile(
    r"(?:(?<=[.!?])|(?<=[.!?][\"')\]]))(?<![\s(][ivx]\.)(?<![\s(][ivx]{2}\.)(?<![\s(][ivx]{3}\.)"
    + "".join(rf"(?<!\b{title}\.)" for title in TITLES)
    + r"(?<!(?<![\w.])[A-Z]\.)\s+(?=[\"'(\[]?[A-Z0-9•])|\s+•\s+"
    + r"|(?<=[.!?])\s+(?=\(?[a-h]\)\s+[A-Z])"  # "... the claim. d) The Chair ...": the next point
    + r"|(?:(?<=\b[Tt]otal: \d)|(?<=\b[Tt]otal: \d\d)|(?<=\b[Tt]otal: \d{3}))\s+(?=[A-Z])"
)
SENTENCE_MAX = 2000


def sentences(paragraph: str) -> list[str]:
    """A paragraph's sentences; a run-on longer than any sentence is cut into pieces, so
    the cost of reading it stays linear."""
    found: list[str] = []
    for sentence in SENTENCE_END.split(paragraph):
        sentence = sentence.strip()
        while len(sentence) > SENTENCE_MAX:
            found.append(sentence[:SENTENCE_MAX])
            sentence = sentence[SENTENCE_MAX:]
        if sentence:
            found.append(sentence)
    if len(found) > 1 and re.fullmatch(r"[-*•●]?\s*\d{1,4}/\d{1,4}[a-z]?\.", found[0]):
        found[:2] = [f"{found[0]} {found[1]}"]  # "- 17/17. Clerk to ask ...": one sentence
    return found


OPENS = re.compile(r'(?:^|(?<=[\s(]))"(?=\S)')
CLOSES = re.compile(r'(?<=\S)"(?=[\s.,;:)]|$)')


def quotation_open(sentence: str, was_open: bool) -> bool:
    """Whether a quotation is still open after ``sentence`` (quotes' direction is read
    from the spaces around them, as the typographic marks were made plain)."""
    marks = sorted(
        [(m.start(), True) for m in OPENS.finditer(sentence)]
        + [(m.start(), False) for m in CLOSES.finditer(sentence)]
    )
    return marks[-1][1] if marks else was_open


QUOTED = re.compile(r'(?:^|(?<=[\s(]))"\S[^"]*(?:"|$)')


def unquoted(sentence: str) -> str:
    """A sentence with what it quotes taken out: the words of whoever it quotes are
    theirs, not the minutes' own. A short quotation that names something (a heading to
    add, a title: 'include in the template "Upcoming events"') is kept."""
    return QUOTED.sub(spoken, sentence).strip() if '"' in sentence else sentence


def spoken(quote: re.Match[str]) -> str:
    """What stands for a quotation: nothing where it quotes someone's words (a motion,
    a statement), itself where it is a name of a few words."""
    words = quote.group(0).strip('"').split()
    if len(words) <= 10 and words and words[0].lower() not in ("that", "to", "we", "i"):
        return quote.group(0)
    return " "
