"""python -m bench.corpus_keys freeze|thaw DIR: keep the hand-written corpus keys in the
project without any of the documents' text.

The corpus (bench/corpus_sources.md lists where each document comes from) lives outside
the project, in ../shared/corpus/minutes, and is lost with the machine; re-keying 54
documents by hand costs a day. ``freeze`` writes bench/corpus_keys.json: per document its
length and SHA-256, and every key field that quotes the document as an offset, a length and
the span's SHA-256 prefix instead of the words (a kind or a date is kept; what paraphrases
the text, such as an item's title or an owner written out, and the notes are left out, as
they may quote it: the scorer matches on the quoted spans). Once the documents are fetched
again, ``thaw`` rebuilds every .answers.json beside them, refusing a document whose bytes
differ from the keyed one.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Any

FROZEN = Path(__file__).with_name("corpus_keys.json")
KINDS = ("decisions", "actions", "report_backs", "votes")
OWN_WORDS = ("kind",)  # a field in the keyer's words, kept as it is
THAWED = re.compile(r"restored by bench\.corpus_keys \((\d+) notes not kept\)")


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def span(text: str, field: str, value: Any) -> Any:
    """A quoted string as where it stands in the text; a label that paraphrases it (an
    item's title, a "when") is dropped; anything else kept as it is."""
    if not isinstance(value, str) or not value:
        return value
    if value not in text:
        if field == "requested_by":  # a trap: what matters is that another body asked
            return "another body"
        return value if field in OWN_WORDS else None
    return {"at": text.index(value), "len": len(value), "sha": digest(value)[:12]}


def unspan(text: str, value: Any) -> Any:
    if not (isinstance(value, dict) and set(value) == {"at", "len", "sha"}):
        return value
    found = text[value["at"] : value["at"] + value["len"]]
    if digest(found)[:12] != value["sha"]:
        raise ValueError(f"span at {value['at']} does not hold the keyed words")
    return found


def notes_count(key: dict[str, Any]) -> int:
    """How many notes the keyer wrote: a thawed key says so in its one note."""
    notes = key.get("notes", [])
    thawed = len(notes) == 1 and THAWED.fullmatch(str(notes[0]))
    return int(thawed.group(1)) if thawed else len(notes)


def freeze(folder: Path, kept: dict[str, Any] | None = None) -> dict[str, Any]:
    """The keys of every document in ``folder``, added to ``kept`` (the keys frozen before,
    so a document not fetched again keeps its key); a thawed key freezes back to itself."""
    frozen = dict(kept or {})
    for key_file in sorted(folder.glob("*.answers.json")):
        key = json.loads(key_file.read_text(encoding="utf-8"))
        text = (folder / key["file"]).read_text(encoding="utf-8")
        entry = {k: key[k] for k in ("file", "organisation", "body", "meeting_date")}
        entry |= {"length": len(text), "sha256": digest(text), "notes": notes_count(key)}
        for kind in KINDS:
            entry[kind] = [
                {f: span(text, f, v) for f, v in item.items()} for item in key.get(kind, [])
            ]
        frozen[key_file.name] = entry
    return frozen


def thaw(folder: Path, frozen: dict[str, Any]) -> list[str]:
    problems = []
    for name, entry in frozen.items():
        document = folder / entry["file"]
        if not document.exists():
            problems.append(f"{entry['file']}: not fetched yet")
            continue
        text = document.read_text(encoding="utf-8")
        if digest(text) != entry["sha256"]:
            problems.append(f"{entry['file']}: differs from the keyed text; key it again")
            continue
        key = {k: entry[k] for k in ("file", "organisation", "body", "meeting_date")}
        for kind in KINDS:
            key[kind] = [{f: unspan(text, v) for f, v in i.items()} for i in entry[kind]]
        key["notes"] = [f"restored by bench.corpus_keys ({entry['notes']} notes not kept)"]
        (folder / name).write_text(json.dumps(key, indent=1, ensure_ascii=False) + "\n")
    return problems


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("freeze", "thaw"):
        print("usage: python -m bench.corpus_keys freeze|thaw DIR", file=sys.stderr)
        return 2
    folder = Path(argv[1])
    if argv[0] == "freeze":
        kept = json.loads(FROZEN.read_text(encoding="utf-8")) if FROZEN.exists() else {}
        FROZEN.write_text(json.dumps(freeze(folder, kept), indent=1, ensure_ascii=False) + "\n")
        print(f"froze {len(json.loads(FROZEN.read_text()))} keys into {FROZEN}")
        return 0
    problems = thaw(folder, json.loads(FROZEN.read_text(encoding="utf-8")))
    print("\n".join(problems) or "every key restored")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
