"""python -m bench.corpus_restore DIR NN RAW [--html]: write corpus document NN into DIR from
the text a look-up tool returned, converted by the rules the corpus was keyed with, and say
whether its bytes are the keyed ones (bench/corpus_keys.json); then `bench.corpus_keys thaw`.

RAW holds one or more JSON string literals, one a line, copied as the tool showed them
(read_file's "text", or a `search` pages excerpt; a file longer than one read_file page is
one literal per page): copying the escaped form keeps tabs, quotes and newlines exact.
Two rules are not visible in what the tools show, so they live here rather than in
anyone's memory (bench/corpus_sources.md explains them):
- documents 42-54 were keyed with non-breaking spaces where the pages had them, which the
  `search` tool shows as plain spaces (``nbsp_rule``);
- document 17 is a Jekyll HTML page converted like realdocs 09/10 (``html_to_text``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

from bench.corpus_keys import FROZEN

NBSP = "\u00a0"
FIRST_NBSP_DOCUMENT = 42
BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "table", "ul", "ol"}
BLOCKS |= {"br", "blockquote", "td", "th", "thead", "tbody", "pre", "hr", "dl", "dt", "dd"}


def nbsp_rule(text: str) -> str:
    """Put back the non-breaking spaces of 42-54: a paragraph of one space is one; inside a
    line every run of 2+ spaces is all but its last; a lone space at a line's start or end is
    one; a leading run of 2+ is all but its last unless a bullet follows (then plain)."""
    return "\n".join(_nbsp_line(line) for line in text.split("\n"))


def _nbsp_line(line: str) -> str:
    if line == " ":
        return NBSP
    lead = line[: len(line) - len(line.lstrip(" "))]
    body = line[len(lead) :]
    trail = body[len(body.rstrip(" ")) :]
    core = body[: len(body) - len(trail)]
    core = re.sub(r" {2,}", lambda run: NBSP * (len(run.group()) - 1) + " ", core)
    if lead == " ":
        lead = NBSP
    elif len(lead) > 1 and not core.startswith("\u2022"):
        lead = NBSP * (len(lead) - 1) + " "
    if trail == " ":
        trail = NBSP
    elif trail:
        trail = NBSP * (len(trail) - 1) + " "
    return lead + core + trail


class _Paragraphs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.words: list[str] = []
        self.bullet = False

    def flush(self) -> None:
        text = re.sub(r"\s+", " ", "".join(self.words)).strip()
        if text:
            self.paragraphs.append(("\u2022 " if self.bullet else "") + text)
            self.bullet = False
        self.words = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in BLOCKS:
            self.flush()
            self.bullet = self.bullet or tag == "li"

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCKS:
            self.flush()

    def handle_data(self, data: str) -> None:
        self.words.append(data)


def html_to_text(page: str) -> str:
    """The realdocs rule for a Jekyll page with an HTML body: `Title: <title>`, then block
    elements as blank-line paragraphs, `<li>` as "• ", entities read, whitespace collapsed."""
    front = re.match(r"^---\n(.*?)\n---\n", page, re.S)
    if front is None:
        raise ValueError("no Jekyll front matter")
    title = re.search(r"^title:\s*(.*)$", front.group(1), re.M)
    parser = _Paragraphs()
    parser.feed(page[front.end() :])
    parser.close()
    parser.flush()
    heading = f"Title: {title.group(1).strip() if title else ''}"
    return "\n\n".join([heading, *parser.paragraphs]) + "\n"


def restore(number: int, raw: str, html: bool = False) -> str:
    """The document's text from the literals in RAW, by the rules it was keyed with."""
    text = "".join(json.loads(line) for line in raw.splitlines() if line.strip())
    if html:
        text = html_to_text(text)
    if number >= FIRST_NBSP_DOCUMENT and NBSP not in text:
        text = nbsp_rule(text)
    return text


def keyed(number: int) -> dict:
    frozen = json.loads(FROZEN.read_text(encoding="utf-8"))
    return next(e for e in frozen.values() if e["file"].startswith(f"{number:02d}_"))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.corpus_restore", description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("number", type=int)
    parser.add_argument("raw", type=Path)
    parser.add_argument("--html", action="store_true", help="convert a Jekyll HTML page (17)")
    args = parser.parse_args(argv)
    entry = keyed(args.number)
    text = restore(args.number, args.raw.read_text(encoding="utf-8"), args.html)
    if hashlib.sha256(text.encode("utf-8")).hexdigest() != entry["sha256"]:
        print(f"{entry['file']}: {len(text)} chars, keyed {entry['length']}: bytes differ")
        return 1
    (args.folder / entry["file"]).write_text(text, encoding="utf-8", newline="")
    print(f"{entry['file']}: identical to the keyed text; run bench.corpus_keys thaw")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
