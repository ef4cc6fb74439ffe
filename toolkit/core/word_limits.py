"""Limits on how long a text may be, in words, counted the way editors see them counted.

A sheet's summary and a glossary definition both have one (they appear in listings, search results,
print headers and inline definitions, where a long text does harm); the word counter under the
summary box counts the same way (``word_count``), so what it shows is what the limit checks.
"""

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible


def word_count(text):
    """Words as the limit and the editor's counter count them: runs of non-space characters."""
    return len((text or "").split())


@deconstructible
class MaxWordsValidator:
    """Refuses a text of more than ``limit`` words, saying how many it has and ``why`` the limit.

    ``noun`` names the field in the message ("Keep the summary to 60 words or fewer").
    """

    code = "max_words"
    message = "Keep the %(noun)s to %(limit)d words or fewer (it has %(words)d): %(why)s"

    def __init__(self, limit, noun, why):
        self.limit, self.noun, self.why = limit, noun, why

    def __call__(self, value):
        words = word_count(value)
        if words > self.limit:
            raise ValidationError(
                self.message,
                code=self.code,
                params={"noun": self.noun, "limit": self.limit, "words": words, "why": self.why},
            )

    def __eq__(self, other):
        return isinstance(other, MaxWordsValidator) and (self.limit, self.noun, self.why) == (
            other.limit,
            other.noun,
            other.why,
        )
