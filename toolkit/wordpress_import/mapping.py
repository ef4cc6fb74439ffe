"""How WordPress things become toolkit things: the defaults, and an optional mapping file.

A mapping file is YAML (JSON is YAML too). Every key is optional; an unknown key or a wrong value
is refused with a message naming it, before anything is imported. See ``mapping.example.yaml``.

    default_kind: definition        # definition | method: sheets no term marks
    kind_terms:                     # category or tag slugs that mark a sheet's kind
      method: [method, how-to]
      definition: [definition, glossary]
    pages: standard                 # standard | definition | method | skip: WordPress pages become...
    sections:                       # category slug -> section slug (or {slug, title})
      neighbourhood-plans: neighbourhood-planning
      uncategorized: {slug: general, title: General}
    default_section: {slug: imported, title: Imported sheets}   # posts with no category
    old_hosts: [www.example.org]    # more host names the old site answered on
"""

from dataclasses import dataclass, field

import yaml

MAX_MAPPING_BYTES = 1024 * 1024
KINDS = ("definition", "method")
PAGE_TARGETS = ("standard", "definition", "method", "skip")
DEFAULT_KIND_TERMS = {
    "method": ["method", "methods", "method-sheet", "method-sheets", "how-to"],
    "definition": ["definition", "definitions", "definition-sheet", "definition-sheets", "glossary"],
}
KNOWN_KEYS = {"default_kind", "kind_terms", "pages", "sections", "default_section", "old_hosts"}


class MappingError(Exception):
    """The mapping file cannot be used; ``str()`` is one line saying why."""


@dataclass(frozen=True)
class SectionTarget:
    slug: str
    title: str


@dataclass
class Mapping:
    default_kind: str = "definition"
    kind_terms: dict = field(default_factory=dict)  # term slug -> kind
    pages: str = "standard"
    sections: dict = field(default_factory=dict)  # category slug -> SectionTarget (title may be "")
    default_section: SectionTarget = SectionTarget("imported", "Imported from WordPress")
    old_hosts: list = field(default_factory=list)

    @classmethod
    def defaults(cls):
        return cls(kind_terms=_invert(DEFAULT_KIND_TERMS))


def _invert(kind_terms):
    return {slug.lower(): kind for kind, slugs in kind_terms.items() for slug in slugs}


def _section(value, where):
    if isinstance(value, str) and value.strip():
        return SectionTarget(value.strip(), "")
    if isinstance(value, dict) and set(value) <= {"slug", "title"} and isinstance(value.get("slug"), str):
        title = value.get("title", "")
        if not isinstance(title, str):
            raise MappingError(f"{where}: title must be text")
        return SectionTarget(value["slug"].strip(), title.strip())
    raise MappingError(f"{where}: give a section slug, or {{slug: ..., title: ...}}")


def _slug_list(value, where):
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise MappingError(f"{where}: give a list of slugs")
    return [v.strip().lower() for v in value if v.strip()]


def parse_mapping(data):
    """A ``Mapping`` from the loaded YAML value (a dict, or None for an empty file)."""
    mapping = Mapping.defaults()
    if data is None:
        return mapping
    if not isinstance(data, dict):
        raise MappingError("the mapping file must be a set of “key: value” lines")
    unknown = sorted(set(map(str, data)) - KNOWN_KEYS)
    if unknown:
        raise MappingError(f"unknown key “{unknown[0]}” (known: {', '.join(sorted(KNOWN_KEYS))})")
    if "default_kind" in data:
        if data["default_kind"] not in KINDS:
            raise MappingError(f"default_kind must be one of {', '.join(KINDS)}")
        mapping.default_kind = data["default_kind"]
    if "kind_terms" in data:
        value = data["kind_terms"]
        if not isinstance(value, dict) or not set(value) <= set(KINDS):
            raise MappingError(f"kind_terms must map {' and '.join(KINDS)} to lists of slugs")
        mapping.kind_terms = _invert(
            {kind: _slug_list(slugs, f"kind_terms.{kind}") for kind, slugs in value.items()}
        )
    if "pages" in data:
        if data["pages"] not in PAGE_TARGETS:
            raise MappingError(f"pages must be one of {', '.join(PAGE_TARGETS)}")
        mapping.pages = data["pages"]
    if "sections" in data:
        value = data["sections"]
        if not isinstance(value, dict):
            raise MappingError("sections must map category slugs to section slugs")
        mapping.sections = {str(k).lower(): _section(v, f"sections.{k}") for k, v in value.items()}
    if "default_section" in data:
        target = _section(data["default_section"], "default_section")
        mapping.default_section = SectionTarget(target.slug, target.title or target.slug)
    if "old_hosts" in data:
        mapping.old_hosts = _slug_list(data["old_hosts"], "old_hosts")
    return mapping


def load_mapping(path):
    try:
        with open(path, "rb") as stream:
            raw = stream.read(MAX_MAPPING_BYTES + 1)
    except OSError as error:
        raise MappingError(f"cannot read the mapping file ({error.strerror or error})") from error
    if len(raw) > MAX_MAPPING_BYTES:
        raise MappingError("the mapping file is over 1 MB; it should be a few lines")
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark else ""
        problem = getattr(error, "problem", None) or "not valid YAML"
        raise MappingError(f"{where}{problem}") from error
    return parse_mapping(data)
