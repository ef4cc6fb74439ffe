// Progressive enhancement only: every page works without this file.

// The header's "Menu" button (GOV.UK's header on small screens): below 40em the navigation folds
// away behind it, Enter or Space opens it, Escape closes it and returns to the button. Without
// this script the button stays hidden and the navigation shows.
(function () {
    const header = document.querySelector(".site-header");
    const button = header && header.querySelector(".menu-toggle");
    const nav = button && document.getElementById(button.getAttribute("aria-controls"));
    if (!nav || !window.matchMedia) return;
    const small = window.matchMedia("(max-width: 39.9375em)");
    const isOpen = () => button.getAttribute("aria-expanded") === "true";
    function setOpen(open) {
        button.setAttribute("aria-expanded", open ? "true" : "false");
        nav.classList.toggle("site-nav--closed", !open);
    }
    setOpen(false);
    button.hidden = false;
    header.classList.add("site-header--menu");
    button.addEventListener("click", () => setOpen(!isOpen()));
    [button, nav].forEach((element) => {
        element.addEventListener("keydown", (event) => {
            if (event.key === "Escape" && isOpen() && small.matches && !event.defaultPrevented) {
                event.preventDefault();
                setOpen(false);
                button.focus();
            }
        });
    });
})();

// Close the "Get started" menu with Escape or when focus leaves it, as readers expect of a menu;
// open, it stays on screen even when its summary is near the right edge.
document.querySelectorAll("details.menu").forEach((menu) => {
    const list = menu.querySelector(".menu__list");
    menu.addEventListener("keydown", (event) => {
        if (event.key === "Escape" && menu.open) {
            event.preventDefault();
            menu.open = false;
            menu.querySelector("summary").focus();
        }
    });
    menu.addEventListener("focusout", (event) => {
        if (!menu.contains(event.relatedTarget)) menu.open = false;
    });
    menu.addEventListener("toggle", () => {
        if (!list || !menu.open) return;
        list.style.left = "";
        const overflow = list.getBoundingClientRect().right - (document.documentElement.clientWidth - 8);
        if (overflow > 0 && getComputedStyle(list).position === "absolute") list.style.left = `${-overflow}px`;
    });
});

// A form sent back with mistakes: its error summary takes focus, so a screen reader reads it out
// and the keyboard starts from it (GOV.UK's error summary). Its links go to the field with the
// field's label in view, not hidden above the top of the screen.
(function () {
    const summary = document.querySelector(".error-summary[tabindex='-1']");
    if (!summary) return;
    summary.focus();
    summary.querySelectorAll("a[href^='#']").forEach((link) => {
        link.addEventListener("click", (event) => {
            const field = document.getElementById(link.getAttribute("href").slice(1));
            if (!field) return;
            const legend = field.closest("fieldset") && field.closest("fieldset").querySelector("legend");
            const label = document.querySelector(`label[for="${field.id}"]`) || legend || field;
            event.preventDefault();
            label.scrollIntoView();
            window.scrollBy(0, -16);
            field.focus({ preventScroll: true });
        });
    });
})();

// Search-as-you-type: the WAI-ARIA 1.2 combobox pattern with a listbox popup.
// Arrow keys move through suggestions, Enter opens the chosen one, Escape closes the list;
// without a chosen suggestion the form submits as usual.
(function () {
    const inputs = document.querySelectorAll("input[data-suggest]");
    if (!inputs.length || !window.fetch) return;
    const endpoint = "/search/suggest/";
    let counter = 0;

    inputs.forEach((input) => {
        counter += 1;
        const listId = `suggest-list-${counter}`;
        const wrapper = document.createElement("div");
        wrapper.className = "suggest";
        input.parentNode.insertBefore(wrapper, input);
        wrapper.appendChild(input);
        const list = document.createElement("ul");
        list.id = listId;
        list.className = "suggest__list";
        list.setAttribute("role", "listbox");
        list.setAttribute("aria-label", "Suggestions");
        list.hidden = true;
        wrapper.appendChild(list);
        const status = document.createElement("div");
        status.className = "visually-hidden";
        status.setAttribute("role", "status");
        wrapper.appendChild(status);

        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", listId);

        let items = [];
        let active = -1;
        let timer = null;
        let lastQuery = "";

        function close() {
            list.hidden = true;
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
            active = -1;
        }

        function setActive(index) {
            const options = list.querySelectorAll("[role=option]");
            options.forEach((option, i) => option.setAttribute("aria-selected", i === index ? "true" : "false"));
            active = index;
            if (index >= 0) {
                input.setAttribute("aria-activedescendant", options[index].id);
                options[index].scrollIntoView({ block: "nearest" });
            } else {
                input.removeAttribute("aria-activedescendant");
            }
        }

        function render() {
            list.textContent = "";
            items.forEach((item, i) => {
                const option = document.createElement("li");
                option.id = `${listId}-option-${i}`;
                option.className = "suggest__option";
                option.setAttribute("role", "option");
                option.setAttribute("aria-selected", "false");
                option.textContent = item.label;
                const kind = document.createElement("span");
                kind.className = "suggest__kind";
                kind.textContent = item.kind;
                option.appendChild(kind);
                option.addEventListener("mousedown", (event) => {
                    event.preventDefault();
                    window.location.href = item.url;
                });
                list.appendChild(option);
            });
            const open = items.length > 0;
            list.hidden = !open;
            input.setAttribute("aria-expanded", open ? "true" : "false");
            active = -1;
            status.textContent = open
                ? `${items.length} suggestion${items.length === 1 ? "" : "s"}. Use the up and down arrows to choose.`
                : "";
        }

        function fetchSuggestions() {
            const query = input.value.trim();
            if (query === lastQuery) return;
            lastQuery = query;
            if (query.length < 2) {
                items = [];
                render();
                return;
            }
            fetch(`${endpoint}?q=${encodeURIComponent(query)}`, { headers: { Accept: "application/json" } })
                .then((response) => (response.ok ? response.json() : { suggestions: [] }))
                .then((data) => {
                    if (input.value.trim() !== query) return;
                    items = data.suggestions || [];
                    render();
                })
                .catch(() => close());
        }

        input.addEventListener("input", () => {
            clearTimeout(timer);
            timer = setTimeout(fetchSuggestions, 120);
        });
        input.addEventListener("keydown", (event) => {
            const open = !list.hidden && items.length > 0;
            if (event.key === "ArrowDown") {
                if (!open) { lastQuery = ""; fetchSuggestions(); return; }
                event.preventDefault();
                setActive(active < items.length - 1 ? active + 1 : 0);
            } else if (event.key === "ArrowUp" && open) {
                event.preventDefault();
                setActive(active > 0 ? active - 1 : items.length - 1);
            } else if (event.key === "Enter" && open && active >= 0) {
                event.preventDefault();
                window.location.href = items[active].url;
            } else if (event.key === "Escape" && open) {
                event.preventDefault();
                close();
            }
        });
        input.addEventListener("blur", () => setTimeout(close, 150));
    });
})();

// The print view's "Print this page" button needs JavaScript, so it stays hidden without it.
document.querySelectorAll("[data-print]").forEach((button) => {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
});

// Inline definitions: each glossary link in a sheet becomes a disclosure button that opens the
// term's short definition in the flow of the text, just after the word (the page moves down to
// make room; nothing is covered), with links to the glossary and the full sheet. Escape or a
// click elsewhere closes it (Escape returns focus to the word). Without this script the words stay
// plain links to the glossary page.
(function () {
    const source = document.getElementById("glossary-definitions");
    const links = document.querySelectorAll("a.glossary-term[data-glossary-term]");
    if (!source || !links.length) return;
    let definitions;
    try {
        definitions = JSON.parse(source.textContent);
    } catch (error) {
        return;
    }
    let current = null;
    // While a pointer is down, focus leaving a definition does not close it: the click decides
    // (below). Closing at once would move the text under the pointer, because the definition
    // takes up room in the page, and the click would land on something else.
    let pressing = false;
    document.addEventListener("pointerdown", () => { pressing = true; }, true);
    document.addEventListener("pointerup", () => setTimeout(() => { pressing = false; }, 0), true);
    document.addEventListener("pointercancel", () => { pressing = false; }, true);

    function close(widget, returnFocus) {
        widget.button.setAttribute("aria-expanded", "false");
        widget.panel.hidden = true;
        if (returnFocus) widget.button.focus();
        if (current === widget) current = null;
    }

    function open(widget) {
        if (current && current !== widget) close(current, false);
        widget.button.setAttribute("aria-expanded", "true");
        widget.panel.hidden = false;
        current = widget;
    }

    function link(href, text) {
        const a = document.createElement("a");
        a.href = href;
        a.textContent = text;
        return a;
    }

    links.forEach((anchor, index) => {
        const entry = definitions[anchor.dataset.glossaryTerm];
        if (!entry) return;
        const id = `glossary-definition-${index + 1}`;
        const wrapper = document.createElement("span");
        wrapper.className = "glossary-inline";
        const button = document.createElement("button");
        button.type = "button";
        button.className = "glossary-inline__term";
        button.textContent = anchor.textContent;
        const hint = document.createElement("span");
        hint.className = "visually-hidden";
        hint.textContent = " (show what this means)";
        button.appendChild(hint);
        button.setAttribute("aria-expanded", "false");
        button.setAttribute("aria-controls", id);

        const panel = document.createElement("span");
        panel.id = id;
        panel.className = "glossary-inline__panel";
        panel.setAttribute("role", "region");
        panel.setAttribute("aria-label", `What “${entry.term}” means`);
        panel.hidden = true;
        const name = document.createElement("span");
        name.className = "glossary-inline__name";
        name.textContent = entry.term;
        const text = document.createElement("span");
        text.textContent = entry.definition;
        const more = document.createElement("span");
        more.className = "glossary-inline__links";
        more.appendChild(link(entry.url, "Open in the glossary"));
        if (entry.sheetUrl) more.appendChild(link(entry.sheetUrl, `Read the sheet: ${entry.sheetTitle}`));
        panel.append(name, text, more);

        wrapper.append(button, panel);
        anchor.replaceWith(wrapper);
        const widget = { wrapper, button, panel };
        button.addEventListener("click", () => {
            if (panel.hidden) open(widget);
            else close(widget, false);
        });
        wrapper.addEventListener("focusout", (event) => {
            if (pressing) return;
            if (!panel.hidden && !wrapper.contains(event.relatedTarget)) close(widget, false);
        });
    });

    document.addEventListener("keydown", (event) => {
        if (event.key === "Escape" && current) {
            event.preventDefault();
            close(current, current.wrapper.contains(document.activeElement) || document.activeElement === document.body);
        }
    });
    document.addEventListener("click", (event) => {
        if (current && !current.wrapper.contains(event.target)) close(current, false);
    });
})();

// Booklets take a few seconds to make: when a download starts, say so in the link's status line,
// which screen readers announce. Without this script the download simply starts.
document.querySelectorAll("[data-busy-area]").forEach((area) => {
    const status = area.querySelector("[data-busy-status]");
    area.querySelectorAll("a[data-busy-message]").forEach((link) => {
        link.addEventListener("click", () => {
            status.textContent = link.dataset.busyMessage;
        });
    });
});

// Search: "Filter results" starts folded so that on a phone the first result is on screen. On a
// wide screen the filters sit beside the results, so they open, unless the reader has folded or
// opened them by hand. Without this file they stay folded, one press away.
document.querySelectorAll("details[data-open-when-wide]").forEach((details) => {
    const wide = window.matchMedia("(min-width: 48rem)");
    let chosenByReader = false;
    details.querySelector("summary").addEventListener("click", () => {
        chosenByReader = true;
    });
    const follow = () => {
        if (!chosenByReader) details.open = wide.matches;
    };
    follow();
    wide.addEventListener("change", follow);
});

// "Is this page useful?" (GOV.UK's feedback component). "Yes" and the form after "No" are sent
// in the background and the bar thanks the reader in place, focus on the thanks. "No" becomes a
// button that opens the form in place (focus on its first field); "Close" or Escape folds it
// back and returns to "No". If anything goes wrong in the background the form is sent the
// ordinary way, so the reader sees the page that says what happened. Without this script "No"
// is a link to the form and each answer comes back to the page's thank-you line.
document.querySelectorAll("[data-useful-bar]").forEach((bar) => {
    const noLink = bar.querySelector("[data-useful-no]");
    const form = bar.querySelector("[data-useful-form]");
    const closeButton = bar.querySelector("[data-useful-close]");
    const thanks = bar.querySelector(".useful-bar__thanks");
    if (!noLink || !form || !thanks || !window.fetch || !window.FormData) return;

    const noButton = document.createElement("button");
    noButton.type = "button";
    noButton.className = noLink.className;
    noButton.append(...noLink.childNodes);
    noButton.setAttribute("aria-expanded", "false");
    noButton.setAttribute("aria-controls", form.id);
    noLink.replaceWith(noButton);
    form.hidden = true;
    closeButton.hidden = false;
    bar.classList.add("useful-bar--js");

    function setOpen(open) {
        form.hidden = !open;
        noButton.setAttribute("aria-expanded", open ? "true" : "false");
        if (open) form.querySelector("input:not([type=hidden]), textarea").focus();
        else noButton.focus();
    }

    function thank() {
        bar.classList.add("useful-bar--thanked");
        thanks.focus();
    }

    function send(sentForm, event) {
        event.preventDefault();
        fetch(sentForm.action, {
            method: "POST",
            body: new FormData(sentForm),
            headers: { Accept: "application/json" },
            credentials: "same-origin",
        })
            .then((response) => {
                if (!response.ok) throw new Error(`answer refused: ${response.status}`);
                thank();
            })
            .catch(() => sentForm.submit());
    }

    noButton.addEventListener("click", () => setOpen(form.hidden));
    closeButton.addEventListener("click", () => setOpen(false));
    form.addEventListener("keydown", (event) => {
        if (event.key === "Escape" && !form.hidden) {
            event.preventDefault();
            setOpen(false);
        }
    });
    form.addEventListener("submit", (event) => send(form, event));
    bar.querySelector("[data-useful-yes]").addEventListener("submit", (event) => send(event.target, event));
});
