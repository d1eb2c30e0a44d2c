"""Real trackers from other public bodies (../shared/data): every row and every word in the
right field, and a re-import of the next version recording exactly the true changes, as
computed here from the answer keys and the raw data, independently of the importer."""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from ledger.readers.tracker_files import read_tracker
from tests.conftest import Clerk

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
TRACKERS = DATA / "realdocs" / "trackers"
GMPP = DATA / "gmpp" / "projects.csv"
MEETING_COLUMN = "Meeting date & action number"


@pytest.fixture
def trackers() -> Path:
    if not TRACKERS.is_dir():
        pytest.skip(f"the real trackers are not beside the project ({TRACKERS})")
    return TRACKERS


def words(text: str | None) -> list[str]:
    return re.findall(r"\w+", (text or "").lower())


def answers(folder: Path, stem: str) -> dict:
    found = next(folder.glob(f"{stem}*.answers.json"))
    return json.loads(found.read_text(encoding="utf-8"))


def only(folder: Path, pattern: str) -> str:
    return str(next(folder.glob(pattern)))


# -- every row, every word in the right field ----------------------------------------------------


@pytest.mark.parametrize("ending", ["pdf", "txt"])
@pytest.mark.parametrize("stem", ["T1a", "T1b"])
def test_an_action_log_pdf_or_its_text_is_read_row_by_row_into_the_right_fields(
    trackers, stem, ending
):
    """The PDF read from its tables, or its text as a layout extraction gives it."""
    key = answers(trackers, stem)
    draft = read_tracker(only(trackers, f"{stem}_*.{ending}"))
    assert len(draft.items) == key["row_count"]
    assert draft.keyed == "order" and draft.extra == [MEETING_COLUMN]
    for item, row in zip(draft.items, key["rows"], strict=True):
        assert words(item.action) == words(row["action"]), row["row"]
        assert words(item.lines[0].timescale) == words(row["deadline"]), row["row"]
        assert words(item.update) == words(row["status"]), row["row"]
        assert item.fields == {MEETING_COLUMN: row["meeting_date"]}
        section = "Actions completed" if row["section"] == "Actions completed" else ""
        assert item.theme == section and not item.issue and not item.rating


@pytest.mark.parametrize(
    ("stem", "fields"),
    [
        ("T3a", {"issue": "issue", "action": "action", "latest_position": "update"}),
        (
            "T3b",
            {"issue": "issue", "action": "action", "owner": "who", "latest_position": "update"},
        ),
    ],
)
def test_an_actions_report_csv_is_read_into_the_right_fields(trackers, stem, fields):
    key = answers(trackers, stem)
    draft = read_tracker(only(trackers, f"{stem}_*.csv"))
    assert len(draft.items) == key["row_count"] and not draft.extra
    for item, row in zip(draft.items, key["rows"], strict=True):
        for name, field in fields.items():
            value = item.lines[0].who if field == "who" else getattr(item, field)
            assert value.split() == row[name].split(), (row["row"], name)


def test_a_status_table_is_keyed_by_the_column_named(trackers):
    key = answers(trackers, "T4")
    draft = read_tracker(only(trackers, "T4_*.csv"), key="Department")
    assert [i.id for i in draft.items] == [r["department"] for r in key["rows"]]
    for item, row in zip(draft.items, key["rows"], strict=True):
        assert item.fields == {k: v for k, v in row.items() if k != "department"}


def in_section(theme: str, section: str) -> bool:
    """The key nests every benefits case under its group; a heading over items is the
    theme, with the group heading only where it stands right above (an interpretation)."""
    return theme == section or theme == section.split(" > ")[-1]


@pytest.mark.parametrize("ending", ["pdf", "txt"])
def test_a_log_without_a_header_row_is_read_by_what_its_columns_hold(trackers, ending):
    """T2 has no header: its action and status columns are told by their content, its
    workstream headings are the themes of the rows under them."""
    key = answers(trackers, "T2")
    draft = read_tracker(only(trackers, f"T2_*.{ending}"))
    assert len(draft.items) == key["row_count"] and draft.keyed == "order"
    assert set(draft.columns.values()) == {"action", "update"} and not draft.extra
    for item, row in zip(draft.items, key["rows"], strict=True):
        assert words(item.action) == words(row["action"]), row["row"]
        assert words(item.update) == words(row["status"]), row["row"]
        assert in_section(item.theme, row["section"]), row["row"]
        assert not item.rating and not item.fields and not item.lines[0].who


def test_a_log_read_from_its_pdf_and_from_its_text_is_the_same_log(trackers, db):
    clerk = ready(db, "2013-01-01")
    first = clerk.ok("tracker", "import", "log", only(trackers, "T2_*.pdf"), "--on", "2013-05-14")
    assert "Recorded 41 events" in first.output and "39 new actions" in first.output
    again = clerk.ok("tracker", "import", "log", only(trackers, "T2_*.txt"), "--on", "2013-05-14")
    assert "Recorded 0 events" in again.output and "39 actions unchanged" in again.output


# -- the next version records exactly what changed ------------------------------------------------


def ready(db: str, board_since: str) -> Clerk:
    clerk = Clerk(db)
    clerk.ok("init")
    clerk.ok("board", "add", "tb", "A board", "--on", board_since)
    clerk.ok("tracker", "add", "log", "Its tracker", "--board", "tb", "--on", board_since)
    return clerk


def recorded(clerk: Clerk, since: int) -> Counter:
    rows = json.loads(clerk.ok("log", "--format", "json", "--limit", "100000").output)
    return Counter((r["event"], r["subject"]) for r in rows if r["position"] > since)


def head(clerk: Clerk) -> int:
    rows = json.loads(clerk.ok("log", "--format", "json", "--limit", "1").output)
    return rows[-1]["position"]


def overlap(a: str, b: str) -> float:
    left, right = set(words(a)), set(words(b))
    return len(left & right) / len(left | right)


def log_changes(before: list[dict], after: list[dict]) -> tuple[Counter, set[int]]:
    """The events the next version of an action log means, worked out from the answer keys:
    each row of the new version is the old row with the same words, else the one sharing
    most of its words (at least 60%), else new; the old rows were numbered in order."""
    expected: Counter = Counter({("KeyRecorded", "log"): 1})
    free = dict(enumerate(before, start=1))
    reworded: set[int] = set()
    added = len(before)
    for row in after:
        same = [n for n, old in free.items() if words(old["action"]) == words(row["action"])]
        if not same:
            best = max(free, key=lambda n: overlap(free[n]["action"], row["action"]))
            same = [best] if overlap(free[best]["action"], row["action"]) >= 0.6 else []
        if not same:
            added += 1
            expected[("ActionAdded", f"log#{added}")] += 1
            continue
        old = free.pop(same[0])
        ref = f"log#{same[0]}"
        if words(old["deadline"]) != words(row["deadline"]):
            expected[("TimescaleRevised", ref)] += 1
        if words(old["status"]) != words(row["status"]):
            expected[("NoteAdded", ref)] += 1
        if words(old["action"]) != words(row["action"]) or old["section"] != row["section"]:
            reworded.add(same[0])
    return expected, reworded


def test_the_next_action_log_records_exactly_what_changed(trackers, db):
    expected, reworded = log_changes(
        answers(trackers, "T1a")["rows"], answers(trackers, "T1b")["rows"]
    )
    clerk = ready(db, "2011-01-01")
    clerk.ok("tracker", "import", "log", only(trackers, "T1a_*.pdf"), "--on", "2011-06-08")
    since = head(clerk)
    out = clerk.ok(
        "tracker", "import", "log", only(trackers, "T1b_*.pdf"), "--on", "2011-07-19"
    ).output
    assert recorded(clerk, since) == expected
    assert sum(expected.values()) == 21  # 5 new, 9 deadlines, 6 progress, the heading
    differs = re.search(r"not recorded \(use govledger correct\): (.*)", out)
    assert differs and set(differs.group(1).split(", ")) == {f"log#{n}" for n in reworded}
    again = clerk.ok("tracker", "import", "log", only(trackers, "T1b_*.pdf"), "--on", "2011-07-19")
    assert "Recorded 0 events" in again.output


def gmpp_years(folder: Path) -> tuple[list[dict], list[dict], list[str]]:
    with GMPP.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    columns = list(rows[0])
    years = sorted({r["year"] for r in rows})
    return (
        [r for r in rows if r["year"] == years[0]],
        [r for r in rows if r["year"] == years[1]],
        columns,
    )


def write_year(path: Path, rows: list[dict], columns: list[str]) -> str:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, columns)
        writer.writeheader()
        writer.writerows(rows)
    return str(path)


def project_changes(
    first: list[dict], second: list[dict], columns: list[str]
) -> tuple[Counter, int, int]:
    """The events a year of project ratings means after the year before, from the raw data:
    a project not there before is new (rated if it has a rating); one there before may move
    department, take a new published rating, or change its other columns (a blank never
    erases). Returns the events on known projects, and how many new ones (and rated)."""
    before = {r["project_id"]: r for r in first}
    own = [c for c in columns if c not in ("project_id", "project", "department", "rating")]
    expected: Counter = Counter()
    new = rated = 0
    for row in second:
        old = before.get(row["project_id"]) if row["project_id"] else None
        if old is None:
            new += 1
            rated += bool(row["rating"])
            continue
        ref = f"log#{row['project_id']}"
        if row["department"] != old["department"]:
            expected[("OwnerReassigned", ref)] += 1
        if row["rating"] and row["rating"] != old["rating"]:
            expected[("RatingChanged", ref)] += 1
        if any(row[c].strip() and row[c].strip() != old[c].strip() for c in own):
            expected[("FieldsRevised", ref)] += 1
    return expected, new, rated


def test_a_year_of_major_project_ratings_records_exactly_what_changed(db, tmp_path):
    if not GMPP.is_file():
        pytest.skip(f"the GMPP ratings are not beside the project ({GMPP})")
    first, second, columns = gmpp_years(GMPP)
    expected, new, rated = project_changes(first, second, columns)
    clerk = ready(db, "2024-01-01")
    one = write_year(tmp_path / "gmpp-2024-25.csv", first, columns)
    clerk.ok("tracker", "import", "log", one, "--on", "2024-06-30")
    since = head(clerk)
    two = write_year(tmp_path / "gmpp-2025-26.csv", second, columns)
    clerk.ok("tracker", "import", "log", two, "--on", "2025-06-30")
    got = recorded(clerk, since)
    known = {f"log#{r['project_id']}" for r in first if r["project_id"]}
    assert Counter({k: v for k, v in got.items() if k[1] in known}) == expected
    fresh = Counter(event for (event, ref), n in got.items() if ref not in known for _ in range(n))
    assert fresh == Counter({"ActionAdded": new, "RatingChanged": rated})
    assert sum(1 for e, _ in expected if e == "OwnerReassigned") == 1
