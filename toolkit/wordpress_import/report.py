"""What an import did, item by item, printed for a person and written as JSON for a machine."""

import json
from collections import Counter
from dataclasses import asdict, dataclass, field

from django.core.exceptions import ValidationError

IMPORTED, UPDATED, UNCHANGED, SKIPPED, FAILED = "imported", "updated", "unchanged", "skipped", "failed"


def shown_id(wp_id):
    """The WordPress id as a person reads it: "-" for none, and for the stand-ins of id-less items."""
    return str(wp_id) if wp_id is not None and wp_id > 0 else "-"


@dataclass
class Entry:
    kind: str  # post, page, attachment
    wp_id: int | None
    title: str
    outcome: str
    reason: str = ""
    url: str = ""


@dataclass
class Warning:
    wp_id: int | None
    title: str
    message: str


@dataclass
class Report:
    source: str = ""
    dry_run: bool = False
    entries: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)  # sections, topics, authors, redirects...
    not_imported_types: dict = field(default_factory=dict)
    sticky: list = field(default_factory=list)
    comments: int = 0
    interrupted: bool = False

    def add(self, kind, wp_id, title, outcome, reason="", url=""):
        self.entries.append(Entry(kind, wp_id, title, outcome, reason, url))

    def warn(self, wp_id, title, message):
        self.warnings.append(Warning(wp_id, title, message))

    def outcomes(self, kind=None):
        return Counter(e.outcome for e in self.entries if kind is None or e.kind == kind)

    def by_outcome(self, outcome):
        return [e for e in self.entries if e.outcome == outcome]

    @property
    def failed(self):
        return bool(self.by_outcome(FAILED))

    def as_dict(self):
        return {
            "source": self.source,
            "dry_run": self.dry_run,
            "interrupted": self.interrupted,
            "totals": {kind: dict(self.outcomes(kind)) for kind in ("post", "page", "attachment")},
            "created": {name: n for name, n in self.counts.items() if n},
            "comments_not_published": self.comments,
            "sticky": self.sticky,
            "not_imported_types": self.not_imported_types,
            "items": [asdict(e) for e in self.entries],
            "warnings": [asdict(w) for w in self.warnings],
        }

    def write_json(self, path):
        with open(path, "w", encoding="utf-8") as stream:
            json.dump(self.as_dict(), stream, indent=2, ensure_ascii=False)
            stream.write("\n")

    def lines(self):
        """The printed report: totals, then every skipped or failed item, then warnings."""
        heading = "Dry run (nothing was written)" if self.dry_run else "Import finished"
        if self.interrupted:
            heading = "Import interrupted: run the same command again to finish"
        out = [f"{heading}: {self.source}"]
        for kind in ("post", "page", "attachment"):
            counts = self.outcomes(kind)
            if counts:
                parts = ", ".join(
                    f"{counts[o]} {o}" for o in (IMPORTED, UPDATED, UNCHANGED, SKIPPED, FAILED) if counts[o]
                )
                out.append(f"  {kind}s: {parts}")
        counts = sorted((name, n) for name, n in self.counts.items() if n)
        if counts:
            out.append("  also: " + ", ".join(f"{n} {name}" for name, n in counts))
        out.append(f"  comments: {self.comments} counted, none published")
        if self.sticky:
            out.append(f"  sticky in WordPress (Wagtail has no sticky posts): {', '.join(self.sticky)}")
        if self.not_imported_types:
            kinds = ", ".join(f"{n} {name}" for name, n in sorted(self.not_imported_types.items()))
            out.append(f"  not imported (not posts or pages): {kinds}")
        problems = [e for e in self.entries if e.outcome in (SKIPPED, FAILED)]
        if problems:
            out.append("Skipped or failed:")
            out.extend(
                f"  {e.kind} {shown_id(e.wp_id)} “{e.title}”: {e.outcome}, {e.reason}" for e in problems
            )
        if self.warnings:
            out.append(f"Warnings ({len(self.warnings)}):")
            out.extend(f"  {shown_id(w.wp_id)} “{w.title}”: {w.message}" for w in self.warnings)
        return out


def one_line(error):
    """An error as one line of the report (a validation error's messages, joined)."""
    if isinstance(error, ValidationError):
        messages = []
        for field, errors in getattr(error, "message_dict", {"": error.messages}).items():
            messages.extend(f"{field}: {m}" if field and field != "__all__" else m for m in errors)
        text = "; ".join(messages)
    else:
        text = f"{type(error).__name__}: {error}"
    return " ".join(text.split())[:500]
