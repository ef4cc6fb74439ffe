"""The forms of a page as a browser sees them, so a test can fill them in as a person would:
the fields it shows, their current values (hidden fields, CSRF tokens and formset counts kept),
and where the form posts. No Django here: it reads the HTML that was served."""

from dataclasses import dataclass, field
from html.parser import HTMLParser

TYPED_INPUTS = {
    "text",
    "email",
    "url",
    "search",
    "tel",
    "number",
    "password",
    "date",
    "datetime-local",
    "time",
}


@dataclass
class Form:
    action: str
    method: str
    fields: list = field(default_factory=list)  # (name, kind, value)
    choices: dict = field(default_factory=dict)  # select name -> option values

    def data(self, values_for):
        """The data the form would post, with ``values_for(name, kind, value)`` giving the values
        to send for each field (its own value, something typed, nothing, or several)."""
        posted = {}
        for name, kind, value in self.fields:
            if kind in ("checkbox", "radio") and value is None:
                continue
            posted.setdefault(name, []).extend(values_for(name, kind, value))
        return {name: values for name, values in posted.items() if values}


class _FormParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms, self.form, self.select, self.textarea = [], None, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.form = Form(attrs.get("action") or "", (attrs.get("method") or "get").lower())
            self.forms.append(self.form)
        elif self.form is None or "name" not in attrs and tag != "option":
            return
        elif tag == "input":
            kind = "hidden" if "hidden" in attrs else (attrs.get("type") or "text").lower()
            if kind in ("submit", "button", "image", "reset", "file"):
                return
            value = attrs.get("value") or ("on" if kind in ("checkbox", "radio") else "")
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                value = None
            self.form.fields.append((attrs["name"], kind, value))
        elif tag == "textarea":
            self.textarea = [attrs["name"], ""]
        elif tag == "select":
            self.select = [attrs["name"], None, None]  # name, first option, selected option
            self.form.choices[attrs["name"]] = []
        elif tag == "option" and self.select is not None:
            value = attrs.get("value", "")
            self.form.choices[self.select[0]].append(value)
            self.select[1] = value if self.select[1] is None else self.select[1]
            if "selected" in attrs:
                self.select[2] = value

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self.textarea is not None and self.form is not None:
            self.form.fields.append((self.textarea[0], "textarea", self.textarea[1]))
            self.textarea = None
        elif tag == "select" and self.select is not None and self.form is not None:
            name, first, selected = self.select
            if selected is not None or first is not None:
                self.form.fields.append((name, "select", selected if selected is not None else first))
            self.select = None
        elif tag == "form":
            self.form = None


def forms_in(html):
    parser = _FormParser()
    parser.feed(html)
    return parser.forms


def post_form(html, fallback_action):
    """The page's main form that posts (the one with the most fields)."""
    posting = [form for form in forms_in(html) if form.method == "post"]
    assert posting, "the page has no form that posts"
    form = max(posting, key=lambda form: len(form.fields))
    form.action = form.action or fallback_action
    return form
