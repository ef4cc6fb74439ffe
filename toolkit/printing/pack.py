"""A reader's print pack: a title and an ordered list of sheet ids, with its rules.

Pure logic, no Django: the views keep a pack in the session and check the ids against the
database; this module only says what adding, removing and moving do and when a pack is full.
"""

from dataclasses import dataclass, field

MAX_SHEETS = 60
MAX_TITLE_CHARS = 100
DEFAULT_TITLE = "Selected sheets"  # the booklet cover's title until the reader names it


class PackFull(Exception):
    """Adding would take the pack past MAX_SHEETS; nothing was added."""

    def __init__(self, room):
        self.room = room
        super().__init__(
            f"Your pack holds at most {MAX_SHEETS} sheets. "
            + (
                f"There is room for {room} more: remove some sheets or add fewer."
                if room
                else "Remove some sheets before you add more."
            )
        )


def clean_title(text):
    """One line of at most MAX_TITLE_CHARS characters, or the default title when empty."""
    title = " ".join(str(text or "").split())[:MAX_TITLE_CHARS].strip()
    return title or DEFAULT_TITLE


@dataclass
class Pack:
    title: str = DEFAULT_TITLE
    sheet_ids: list = field(default_factory=list)

    @classmethod
    def from_data(cls, data):
        """A pack from what was stored (the session), ignoring anything malformed."""
        if not isinstance(data, dict):
            return cls()
        ids = []
        for value in data.get("sheets") or []:
            if isinstance(value, int) and value > 0 and value not in ids:
                ids.append(value)
        return cls(title=clean_title(data.get("title")), sheet_ids=ids[:MAX_SHEETS])

    def to_data(self):
        return {"title": self.title, "sheets": list(self.sheet_ids)}

    def __len__(self):
        return len(self.sheet_ids)

    def __contains__(self, sheet_id):
        return sheet_id in self.sheet_ids

    def add(self, sheet_ids):
        """Append the ids not already in the pack, in order; all or nothing when it would overflow.

        Returns the ids that were new.
        """
        new = []
        for sheet_id in sheet_ids:
            if sheet_id not in self.sheet_ids and sheet_id not in new:
                new.append(sheet_id)
        room = MAX_SHEETS - len(self.sheet_ids)
        if len(new) > room:
            raise PackFull(room)
        self.sheet_ids.extend(new)
        return new

    def remove(self, sheet_id):
        if sheet_id in self.sheet_ids:
            self.sheet_ids.remove(sheet_id)
            return True
        return False

    def move(self, sheet_id, step):
        """Move a sheet one place up (step -1) or down (+1); False when it cannot move."""
        if sheet_id not in self.sheet_ids or step not in (-1, 1):
            return False
        index = self.sheet_ids.index(sheet_id)
        target = index + step
        if not 0 <= target < len(self.sheet_ids):
            return False
        ids = self.sheet_ids
        ids[index], ids[target] = ids[target], ids[index]
        return True

    def keep_only(self, available_ids):
        """Drop ids that are no longer available (unpublished or deleted); returns how many went."""
        before = len(self.sheet_ids)
        self.sheet_ids = [pk for pk in self.sheet_ids if pk in available_ids]
        return before - len(self.sheet_ids)

    def clear(self):
        self.sheet_ids = []
