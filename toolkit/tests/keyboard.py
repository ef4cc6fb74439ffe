"""Keyboard-only journeys for the browser tests: press Tab until focus reaches what a reader wants."""

import pytest

MAX_TABS = 120


def focused(page):
    """A short description of the focused element, for assertions and failure messages."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            return {
                tag: el.tagName.toLowerCase(),
                id: el.id,
                text: (el.innerText || "").trim(),
                label: el.getAttribute("aria-label") || "",
                href: el.getAttribute("href"),
                type: el.getAttribute("type"),
                inResults: el.closest(".search-results") !== null,
            };
        }"""
    )


def tab_until(page, wanted, what):
    """Press Tab (only) until ``wanted(focused element)`` is true; fail after MAX_TABS presses."""
    trail = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        element = focused(page)
        if wanted(element):
            return element
        trail.append(element)
    pytest.fail(f"Could not reach {what} with the keyboard; focus went through: {trail[-15:]}")


def link(text):
    return lambda el: el["tag"] == "a" and el["text"] == text


def button(label):
    """A button named by its aria-label (as the pack's buttons are)."""
    return lambda el: el["tag"] == "button" and el["label"] == label
