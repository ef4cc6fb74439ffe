"""Every public form, filled in with hostile values, posted with and without its CSRF token (the
client enforces CSRF as a browser's session would), from this site, from another or from
nowhere, and as the wrong content type.

Forms are read from the pages that show them, as a reader's browser would, so a renamed or new
field is fuzzed without changing this file.
"""

import json
from urllib.parse import urlencode

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from . import strategies as hostile
from .answers import check_answer, check_log
from .conftest import examples
from .html_forms import forms_in

pytestmark = pytest.mark.django_db

TOKEN = "csrfmiddlewaretoken"


def add_a_sheet(client, site):
    client.post("/pack/add/", {"sheet": site.definition.pk}, headers={"origin": "http://testserver"})


# label -> (the page showing the form, the form's action ("": the page itself), what to do first)
FORMS = {
    "suggest a sheet": (lambda site: "/suggest/", "/suggest/", None),
    "suggest a change": (
        lambda site: f"/suggest/change/?sheet={site.definition.pk}",
        "/suggest/change/",
        None,
    ),
    "useful, on a sheet": (lambda site: site.definition.url, "/feedback/useful/", None),
    "useful, on the home page": (lambda site: site.home.url, "/feedback/useful/", None),
    "useful, on search": (lambda site: "/search/?q=plan", "/feedback/useful/", None),
    "contact": (lambda site: site.contact.url, "", None),
    "email a sheet": (lambda site: site.definition.url + "email/", "", None),
    "add to pack": (lambda site: site.definition.url, "/pack/add/", None),
    "pack title": (lambda site: "/pack/", "/pack/title/", add_a_sheet),
    "pack change": (lambda site: "/pack/", "/pack/change/", add_a_sheet),
}

ORIGINS = (None, "http://testserver", "https://evil.example", "null", "http://testserver.evil.example")


def the_form(client, site, label):
    page_of, action, prepare = FORMS[label]
    if prepare:
        prepare(client, site)
    page = page_of(site)
    response = client.get(page)
    assert response.status_code == 200, page
    html = response.content.decode()
    here = ("", page.split("?")[0]) if action == "" else (action,)
    matching = [
        form for form in forms_in(html) if form.method == "post" and form.action.split("?")[0] in here
    ]
    assert matching, f"{label}: no form posting to {action} on {page}"
    return max(matching, key=lambda form: len(form.fields))


def encode(data, how):
    """(body, content type) for the posted fields: the way the form says, or a wrong way."""
    pairs = [(name, value) for name, values in data.items() for value in values]
    if how == "json":
        return json.dumps(dict(pairs)), "application/json"
    if how == "text":
        return "\n".join(f"{name}={value}" for name, value in pairs), "text/plain"
    if how == "no boundary":
        return urlencode(pairs), "multipart/form-data"
    return urlencode(pairs), "application/x-www-form-urlencoded"


@pytest.mark.parametrize("label", sorted(FORMS))
@examples(8)
@given(data=st.data())
def test_every_public_form_with_hostile_values(site, reader, caplog, label, data):
    client = reader(enforce_csrf_checks=True)
    form = the_form(client, site, label)

    def values_for(name, kind, value):
        if name == TOKEN:
            mode = data.draw(st.sampled_from(["kept", "kept", "missing", "doubled", "wrong"]), label="csrf")
            return {"kept": [value], "missing": [], "doubled": [value, value], "wrong": ["x" * 64]}[mode]
        choice = data.draw(st.sampled_from(["hostile", "hostile", "keep", "omit", "repeat"]), label=name)
        if choice == "keep":
            return [value]
        if choice == "omit":
            return []
        typed = data.draw(
            hostile.hostile_number if kind == "hidden" else hostile.form_text, label=f"{name} value"
        )
        return [typed, typed] if choice == "repeat" else [typed]

    posted = form.data(values_for)
    how = data.draw(
        st.sampled_from(["form", "form", "form", "json", "text", "no boundary"]), label="encoding"
    )
    origin = data.draw(st.sampled_from(ORIGINS), label="origin")
    body, content_type = encode(posted, how)
    headers = {"origin": origin} if origin else {}
    response = client.post(form.action, body, content_type=content_type, headers=headers)
    check_answer(response, f"{label}: POST {form.action}")
    check_log(caplog, label)


@pytest.mark.parametrize("origin", [None, "http://testserver"])
@examples(4)
@given(page_id=hostile.hostile_number)
@example(page_id="99999999999999999999")  # issue 18: a 20-digit id overflowed SQLite's integer (500)
@example(page_id="-9223372036854775809")
@example(page_id="²")
def test_was_this_useful_with_hostile_ids(site, reader, caplog, origin, page_id):
    """The known bug, re-checked: whatever names the page (a page or a sheet), any id is a 4xx
    or a thank-you, in the design, never a 500 or an error in the log."""
    client = reader(enforce_csrf_checks=True)
    headers = {"origin": origin} if origin else {}
    for field in ("page", "sheet"):
        response = client.post("/feedback/useful/", {field: page_id, "useful": "yes"}, headers=headers)
        check_answer(response, f"useful {field}={page_id[:40]!r} origin={origin}")
        assert response.status_code in (200, 303, 302, 400, 403, 404, 429), response.status_code
    check_log(caplog, page_id[:40])
