"""Plain text as councils save it: the encoding found, and a web page's front matter read.

Minutes saved as text come in UTF-8 (with or without a byte-order mark), UTF-16 from
Notepad, or Windows-1252 from older Office exports; a file that is mostly UTF-8 with a few
Windows-1252 characters pasted in is read as both. Bytes are never guessed into mojibake
("Councillorâ€™s"): what no known encoding reads cleanly is refused.

Minutes published on a static site (Jekyll, Eleventy) start with a YAML front matter block
that holds the title, the date and sometimes the minutes themselves (``minutes: >-``);
:func:`read_front_matter` keeps those and drops the site's settings.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from ledger.errors import InvalidEntry

UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
HIGH_BYTE = re.compile(rb"[\x80-\xff]")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
NEWLINE = re.compile(r"\r\n?|[\u2028\u2029\x85]")
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
TITLE_KEYS = ("title",)
DATE_KEYS = ("date", "meeting_date", "meeting-date", "start", "start_date")
TEXT_KEYS = ("minutes", "content", "body")
FRONT_MATTER_KEYS = frozenset(
    (*TITLE_KEYS, *DATE_KEYS, *TEXT_KEYS, "layout", "permalink", "tags", "categories", "author")
)
ISO_DAY = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|\s*[+-]\d{2}:?\d{2})?)?$")


def decode(data: bytes, name: str) -> str:
    """The text of ``data``, its encoding detected; newlines as ``\\n``, no BOM or NBSP."""
    text = _decoded(data, name)
    controls = len(CONTROL.findall(text))
    if controls > max(8, len(text) // 100):
        raise _not_text(name)
    return normalise(CONTROL.sub("", text))


def normalise(text: str) -> str:
    """One newline convention, spaces for NBSP, no byte-order marks; form feeds kept."""
    text = NEWLINE.sub("\n", text)
    return text.replace("\ufeff", "").replace("\xa0", " ").replace("\u202f", " ")


def _decoded(data: bytes, name: str) -> str:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], encoding, name)
    nuls = data.count(b"\x00")
    if nuls:
        encoding = _utf16_without_bom(data)
        if encoding is not None:
            return _strict(data, encoding, name)
        if nuls > max(8, len(data) // 100):
            raise _not_text(name)  # a binary file; a few NULs are an extractor's marks
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):
        return data.decode("utf-8", errors="windows-1252-bytes")
    return data.decode("cp1252", errors="latin-1-bytes")


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise _not_text(name) from None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 saved without a byte-order mark: mostly ASCII, so one byte of each pair is 0."""
    sample = data[:4096]
    if len(data) % 2 or len(sample) < 4:
        return None
    even_zeros, odd_zeros = sample[0::2].count(0), sample[1::2].count(0)
    pairs = len(sample) // 2
    if odd_zeros > 0.9 * pairs and even_zeros < 0.05 * pairs:
        return "utf-16-le"
    if even_zeros > 0.9 * pairs and odd_zeros < 0.05 * pairs:
        return "utf-16-be"
    return None


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 with a few stray bytes (a Windows-1252 quote pasted in), not Windows-1252 text."""
    sequences = UTF8_SEQUENCE.findall(data)
    covered = sum(len(s) for s in sequences)
    stray = len(HIGH_BYTE.findall(data)) - covered
    return len(sequences) >= stray


def _windows_1252_bytes(error: UnicodeDecodeError) -> tuple[str, int]:
    """Decode the bytes UTF-8 refused as Windows-1252 (Latin-1 where that has no character)."""
    bad = error.object[error.start : error.end]
    return bad.decode("cp1252", errors="latin-1-bytes"), error.end


def _latin1_bytes(error: UnicodeDecodeError) -> tuple[str, int]:
    return error.object[error.start : error.end].decode("latin-1"), error.end


codecs.register_error("windows-1252-bytes", _windows_1252_bytes)
codecs.register_error("latin-1-bytes", _latin1_bytes)


def _not_text(name: str) -> InvalidEntry:
    return InvalidEntry(
        f"{name}: is not text in a known encoding (UTF-8, Windows-1252, Latin-1); "
        "save it as UTF-8 text"
    )


@dataclass(frozen=True)
class FrontMatter:
    """What a page's front matter says of the meeting, and the page's body below it."""

    title: str
    date: str
    texts: tuple[str, ...]  # block values under minutes:, content: or body:
    body: str

    def heading(self) -> str:
        """``Title: ...`` and ``Date: ...`` lines, for the words a parser reads first."""
        lines = [f"Title: {self.title}"] if self.title else []
        return "\n".join(lines + ([f"Date: {self.date}"] if self.date else []))

    def text(self, body: str | None = None) -> str:
        """The heading, the minutes held in the front matter, then ``body`` (the page's)."""
        parts = [self.heading(), *self.texts, self.body if body is None else body]
        return "\n\n".join(p.strip("\n") for p in parts if p.strip()) + "\n"


def read_front_matter(text: str) -> FrontMatter | None:
    """The YAML front matter opening ``text`` (``---`` ... ``---``), or None if there is none."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return None
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if end is None or not _looks_like_yaml(lines[1:end]):
        return None
    values = _top_level_values(lines[1:end])
    return FrontMatter(
        title=_first(values, TITLE_KEYS),
        date=_day(_first(values, DATE_KEYS)),
        texts=tuple(values[k] for k in TEXT_KEYS if values.get(k, "").strip()),
        body="\n".join(lines[end + 1 :]),
    )


def plain_text(text: str) -> tuple[str, str]:
    """A text file's words and title: its front matter read, if it has one."""
    front = read_front_matter(text)
    if front is None:
        return text, ""
    return front.text(), front.title


def _looks_like_yaml(lines: list[str]) -> bool:
    """Every unindented line a ``key:``, one of them a site's: not a text between rules."""
    keys = []
    for line in lines:
        if line.strip() and line[0] not in " \t#":
            match = KEY.match(line)
            if match is None:
                return False
            keys.append(match.group(1).lower())
    return any(key in FRONT_MATTER_KEYS for key in keys)


def _first(values: dict[str, str], keys: tuple[str, ...]) -> str:
    return next((values[k].strip() for k in keys if values.get(k, "").strip()), "")


def _day(said: str) -> str:
    """``2022-05-12T13:00:46.420Z`` as ``2022-05-12``; any other wording as written."""
    match = ISO_DAY.match(said)
    return match.group(1) if match else said


KEY = re.compile(r"([A-Za-z_][\w-]*)\s*:(?:\s+(.*))?$")
BLOCK = re.compile(r"([|>])([+-]?)(\d?)([+-]?)\s*(?:#.*)?$")


def _top_level_values(lines: list[str]) -> dict[str, str]:
    """Each unindented ``key: value`` as text; block scalars (``|``, ``>``) read as YAML does."""
    values: dict[str, str] = {}
    i = 0
    while i < len(lines):
        match = KEY.match(lines[i])
        i += 1
        if not match:
            continue
        start = i
        while i < len(lines) and (not lines[i].strip() or lines[i][0] in " \t"):
            i += 1
        key, value = match.group(1).lower(), (match.group(2) or "").strip()
        values.setdefault(key, _scalar(value, lines[start:i]))
    return values


def _scalar(value: str, more: list[str]) -> str:
    block = BLOCK.match(value)
    if block:
        indent = block.group(3) and int(block.group(3))
        content = _unindented(more, indent or None)
        return _folded(content) if block.group(1) == ">" else "\n".join(content).strip("\n")
    if not value and more and (more[0].lstrip().startswith("- ") or KEY.match(more[0].strip())):
        return ""  # a list or a mapping, not words
    words = " ".join([value, *(line.strip() for line in more)]).strip()
    if len(words) > 1 and words[0] == words[-1] and words[0] in "\"'":
        quote, words = words[0], words[1:-1]
        words = words.replace("''", "'") if quote == "'" else words.replace('\\"', '"')
    return words


def _unindented(lines: list[str], indent: int | None) -> list[str]:
    end = len(lines)
    while end and not lines[end - 1].strip():
        end -= 1
    lines = lines[:end]
    if indent is None:
        first = next((line for line in lines if line.strip()), "")
        indent = len(first) - len(first.lstrip(" "))
    return [line[indent:] if line[:indent].strip() == "" else line.lstrip() for line in lines]


def _folded(lines: list[str]) -> str:
    """YAML folding: wrapped lines joined by a space, each blank line kept as a line break."""
    out: list[str] = []
    blanks, previous = 0, ""
    for line in lines:
        if not line.strip():
            blanks += 1
            continue
        if out:
            literal = line[0] in " \t" or previous[:1] in (" ", "\t")
            out.append("\n" * (blanks + literal) if blanks or literal else " ")
        out.append(line)
        blanks, previous = 0, line
    return "".join(out)
