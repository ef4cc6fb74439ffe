"""The review workflow's facts for the admin templates this app overrides (the status panel and the
workflow emails), worded in ``toolkit.editorial.review_state``."""

from django import template

from toolkit.editorial import review_state

register = template.Library()


@register.simple_tag
def review_status(workflow_state):
    return review_state.review_status(workflow_state)


@register.simple_tag
def waiting_step(page, task):
    return review_state.waiting_step(page, task)


@register.simple_tag
def signed_off_by(page):
    return review_state.signed_off_by(page)
