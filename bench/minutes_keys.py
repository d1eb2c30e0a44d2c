"""How a minutes draft answers a hand-written answer key: the rules are written out in
bench/minutes_recall.py's docstring, and each function here keeps one of them."""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

KINDS = ("decisions", "actions", "report_backs")
SLACK = 60  # words a candidate may have beyond its key's, when 4x the key's is fewer
MIN_WORDS = 6  # fewer words than this are matched by containment only, never by overlap
_QUOTES = str.maketrans({c: "'" for c in "‘’‚‛′`"} | {c: '"' for c in "“”„‟″«»"})
_DASHES = str.maketrans({c: "-" for c in "‐‑‒–—―−"})
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_ACTION_LINE = re.compile(r"actions?\s*:\s*(.+)")
_NAME_SEPARATORS = re.compile(r"\s*(?:/|,|&|\band\b)\s*")
_TITLES = {"the", "cllr", "councillor", "mr", "mrs", "miss", "dr", "prof", "sir"}


_EMPHASIS = re.compile(r"\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|\\(?=[^\w\s])")


def normalise(text: str) -> str:
    """Text as a reader sees it rendered: Markdown's emphasis and escapes, and HTML's
    entities (&amp;), are not words."""
    text = _EMPHASIS.sub("", unicodedata.normalize("NFKC", html.unescape(text)))
    text = text.translate(_INVISIBLE)
    text = text.translate(_QUOTES).translate(_DASHES)
    return " ".join(text.split()).casefold().strip(".,;:- ")


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def contains(hay: str, needle: str) -> bool:
    """``needle`` in ``hay`` (both normalised), not starting or ending inside a word."""
    start = r"(?<!\w)" if needle[:1].isalnum() else ""
    end = r"(?!\w)" if needle[-1:].isalnum() else ""
    return bool(needle) and re.search(start + re.escape(needle) + end, hay) is not None


def coverage(candidate: str, key: str) -> float:
    """The Dice overlap of words when ``candidate`` covers ``key`` (both normalised), else 0."""
    kw, cw = Counter(words(key)), Counter(words(candidate))
    shared, nk, nc = sum((kw & cw).values()), sum(kw.values()), sum(cw.values())
    if not key or not candidate or nc > max(4 * nk, nk + SLACK):
        return 0.0  # a draft that swallowed a page covers nothing in particular
    covered = (
        contains(candidate, key)
        or (contains(key, candidate) and len(candidate) >= 0.6 * len(key))
        or (nk >= MIN_WORDS and shared >= 0.7 * nk)
    )
    return max(2 * shared / (nk + nc), 0.01) if covered else 0.0


def names_of(owners: list[str]) -> list[str]:
    return [n for o in owners for n in _NAME_SEPARATORS.split(normalise(o)) if n]


def initials(name: str) -> str:
    """A name's initials when it has two words or more besides titles ("John Foster" -> jf)."""
    significant = [w for w in words(name) if w not in _TITLES]
    return "".join(w[0] for w in significant) if len(significant) > 1 else ""


def labels_of(owners: list[str]) -> set[str]:
    """Every word of the owners' names, and each name's initials."""
    labels = {w for name in names_of(owners) for w in [*words(name), initials(name)] if w}
    return labels


def owner_matches(key_owner: str, owners: list[str]) -> bool:
    """Loosely: a key owner name's first significant word, or its initials, is named."""
    labels = labels_of(owners)
    for name in names_of([key_owner.replace("(", "/").replace(")", "")]):
        significant = [w for w in words(name) if w not in _TITLES and len(w) > 1]
        if (significant and significant[0] in labels) or initials(name) in labels - {""}:
            return True
    return False


@dataclass
class KeyItem:
    """One item of an answer key, normalised for matching."""

    kind: str
    text: str
    shown: str  # as in the key, for --show-misses
    owner: str = ""
    anchor: str = ""  # a grant row's first cell
    trap: str = ""  # who asked, for a report-back another body requested
    owner_line: list[str] = field(default_factory=list)  # an "ACTION: AB/CD" line's names


@dataclass
class Unit:
    """One thing a draft says that may answer one key item."""

    kind: str
    source: int  # which draft decision/action/report-back (for counting invented)
    candidates: list[str]
    shown: str
    owners: list[str] = field(default_factory=list)


def owner_line(evidence: str) -> list[str]:
    """The names of an evidence that is only an "ACTION: DT/AHop/SF" line, else none: each
    name one word, or up to four capitalised words ("Action: Chris Taylor", "Action :
    Acting Chief Executive"), so "Action: write to the Lions" stays a deed to match."""
    line = re.fullmatch(_ACTION_LINE.pattern, " ".join(evidence.split()), re.IGNORECASE)
    names = _NAME_SEPARATORS.split(line.group(1).strip(" .")) if line else []
    if not all(re.fullmatch(r"[\w.'-]+", n) or _CAPITALISED.fullmatch(n) for n in names):
        return []
    return [normalise(n) for n in names]


_CAPITALISED = re.compile(r"[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){1,3}")


def key_items(answers: dict[str, Any]) -> list[KeyItem]:
    items = []
    for kind, spot in zip(KINDS, ("text", "evidence", "evidence"), strict=True):
        for entry in answers.get(kind) or []:
            text = normalise(entry.get(spot) or "")
            item = KeyItem(kind, text, entry.get(spot) or "", entry.get("owner") or "")
            item.anchor = normalise(re.split(r"\s{3,}", (entry.get("row") or "").strip())[0])
            item.trap = entry.get("requested_by") or ""
            item.owner_line = owner_line(entry.get(spot) or "") if kind == "actions" else []
            items.append(item)
    return items


def keyed_counts(keys: list[KeyItem]) -> dict[str, int]:
    """How many items of each kind the key expects (traps are not expected)."""
    return {kind: sum(1 for k in keys if k.kind == kind and not k.trap) for kind in KINDS}


def draft_units(draft: Any) -> list[Unit]:
    units = []
    for i, d in enumerate(draft.decisions):
        parts = [p for p in d.parts if p.strip()]
        whole = d.text if all(p in d.text for p in parts) else " ".join([d.text, *parts])
        lead = d.text.split(parts[0])[0] if parts and parts[0] in d.text else d.text
        texts = [[d.text, whole, f"{d.outcome} {whole}"]]
        texts += [[p, f"{lead} {p}"] for p in parts[1:]]
        if parts:
            texts[0] += [parts[0], f"{lead} {parts[0]}"]
        units += [Unit("decisions", i, t, f"(line {d.line}) {whole}") for t in texts]
        if d.follow_up is not None:
            said = f"{whole} {d.follow_up.said}"
            units.append(Unit("report_backs", -1 - i, [said], f"(line {d.line}, follow-up) {said}"))
    for i, a in enumerate(draft.actions):
        with_owners = f"{' '.join(a.owners)} {a.text} {' '.join(a.owners)}"
        shown = f"(line {a.line}) {'/'.join(a.owners) or '-'}: {a.text}"
        units.append(Unit("actions", i, [a.text, with_owners], shown, list(a.owners)))
    for i, r in enumerate(draft.report_backs):
        shown = f"(line {r.line}) {r.what} | {r.when.said}"
        units.append(Unit("report_backs", i, [f"{r.what} {r.when.said}", r.what], shown))
    for u in units:
        u.candidates = [normalise(c) for c in u.candidates]
    return units


def pair_score(key: KeyItem, unit: Unit) -> float:
    if key.kind != unit.kind:
        return 0.0
    if key.owner_line:
        named = names_of(unit.owners)
        labels = labels_of(named)
        exact = len(named) == len(key.owner_line) and all(
            set(words(name)) <= labels for name in key.owner_line
        )
        return 1.0 if exact else 0.0
    candidates = [c for c in unit.candidates if not key.anchor or contains(c, key.anchor)]
    return max((coverage(c, key.text) for c in candidates), default=0.0)


def match(keys: list[KeyItem], units: list[Unit]) -> dict[int, int]:
    """Key index -> unit index, one to one, the best overlaps first."""
    pairs = [
        (score, k, u)
        for k, key in enumerate(keys)
        for u, unit in enumerate(units)
        if (score := pair_score(key, unit)) > 0
    ]
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    taken: dict[int, int] = {}
    used: set[int] = set()
    for _, k, u in pairs:
        if k not in taken and u not in used:
            taken[k] = u
            used.add(u)
    return taken


@dataclass
class Row:
    """One document read one way (as keyed, or from its original), scored."""

    document: str
    via: str
    keyed: dict[str, int]
    found: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    invented: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    owner_mismatches: int = 0
    date_right: bool | None = None
    seconds: float = 0.0
    error: str = ""
    original: bool = False  # read from the original beside the keyed text (the PDF, say)
    folder: str = ""  # where its answer key is, for totals per corpus
    misses: list[str] = field(default_factory=list)


def short(text: str, width: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def score(answers: dict[str, Any], draft: Any, document: str = "", via: str = "") -> Row:
    """One document's row: what of the key the draft found, and what it invented."""
    keys, units = key_items(answers), draft_units(draft)
    row = Row(document, via, keyed_counts(keys))
    taken = match(keys, units)
    answered: dict[tuple[str, int], str] = {}  # draft item -> "" or the trap it fell into
    for k, key in enumerate(keys):
        unit = units[taken[k]] if k in taken else None
        if unit is not None and not key.trap:
            answered[(unit.kind, unit.source)] = ""
        elif unit is not None:
            answered.setdefault((unit.kind, unit.source), key.trap)
        if key.trap:
            continue
        if unit is None:
            row.misses.append(f"missed {key.kind[:-1]}: {short(key.shown)}")
            continue
        row.found[key.kind] += 1
        if key.kind == "actions" and key.owner and not owner_matches(key.owner, unit.owners):
            row.owner_mismatches += 1
            row.misses.append(f"owner: key {key.owner!r}, draft {short(unit.shown, 80)}")
    for place, unit in {(u.kind, u.source): u for u in units}.items():
        trap = answered.get(place)
        if trap is None or trap:
            row.invented[unit.kind] += 1
            why = f" (a trap: requested by {trap})" if trap else ""
            row.misses.append(f"invented {unit.kind[:-1]}{why}: {short(unit.shown)}")
    read = draft.meeting_date.isoformat() if draft.meeting_date else None
    row.date_right = read == answers.get("meeting_date")  # a key's null: the page gives none
    return row
