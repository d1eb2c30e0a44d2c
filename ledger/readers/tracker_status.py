"""A rating column that also holds words of progress: "Complete", "Ongoing", "e.g. Paused".

A scrutiny tracker's Status column mixes ratings (Complete: blue) with words that say
where an item stands without a colour (Ongoing, On hold). Guessing a colour for them would
put words in the council's mouth, and refusing the file would keep it out; so an item whose
word is no rating is left unrated, and the whole column is kept, word for word, as a field
of each item (a later "Ongoing" to "Complete" is then seen in both). Any other word (a typo
such as "Grean") is still refused when the file is imported, naming the accepted words.
"""

from __future__ import annotations

from ledger.rating import is_progress
from ledger.readers.tracker_draft import TrackerDraft


def kept_status(draft: TrackerDraft) -> list[str]:
    """Keep a rating column holding words of progress as a field too; the note saying so."""
    said = [item.rating for item in draft.items if is_progress(item.rating)]
    if not said:
        return []
    header = draft.header_of("ragb")
    for item in draft.items:
        if item.rating:
            item.fields.setdefault(header, item.rating)
    words = ", ".join(repr(w) for w in dict.fromkeys(" ".join(s.split()) for s in said))
    return [
        f"column {header!r} holds words that are no rating ({words}): their items are not "
        "rated, and the column is kept word for word as a field of each item"
    ]
