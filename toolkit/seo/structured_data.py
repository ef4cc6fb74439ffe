"""schema.org structured data (JSON-LD) for the toolkit's pages, built from plain values.

Pure Python (no Django): ``templatetags/seo_tags.py`` reads the page and passes values in. Each
builder returns a dict with the properties that schema.org and the search engines that read it
expect for that type; ``to_script_json`` turns a graph of them into text that is safe inside a
``<script type="application/ld+json">`` element.
"""

import json

CONTEXT = "https://schema.org"
# The same escapes as Django's json_script: no "</script>", "<!--" or "&" can survive in the text.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def to_script_json(nodes):
    """A JSON-LD ``@graph`` of ``nodes`` as text for a script element (``</script>`` cannot end it)."""
    data = {"@context": CONTEXT, "@graph": [node for node in nodes if node]}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_ESCAPES)


def organization(name, url):
    return {"@type": "Organization", "@id": f"{url}#publisher", "name": name, "url": url}


def breadcrumb_list(trail):
    """``trail``: (name, absolute URL) pairs from the home page down to the current page."""
    if not trail:
        return None
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(trail, start=1)
        ],
    }


def defined_term_set(name, url, terms=None):
    node = {"@type": "DefinedTermSet", "@id": url, "name": name, "url": url}
    if terms is not None:
        node["hasDefinedTerm"] = terms
    return node


def defined_term(name, description, url, alternate_names=(), term_set=None):
    node = {"@type": "DefinedTerm", "name": name, "description": description, "url": url}
    if alternate_names:
        node["alternateName"] = list(alternate_names)
    if term_set:
        node["inDefinedTermSet"] = term_set
    return node


def how_to(name, description, url, steps, publisher_id=None, date_modified=None):
    """``steps``: (name, text) pairs, in order; each becomes a numbered HowToStep."""
    node = {
        "@type": "HowTo",
        "name": name,
        "description": description,
        "url": url,
        "step": [
            {"@type": "HowToStep", "position": position, "name": step_name, "text": text or step_name}
            for position, (step_name, text) in enumerate(steps, start=1)
        ],
    }
    if publisher_id:
        node["publisher"] = {"@id": publisher_id}
    if date_modified:
        node["dateModified"] = date_modified
    return node
