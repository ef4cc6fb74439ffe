"""The one word limit that sheets' summaries and glossary definitions share."""

import pytest
from django.core.exceptions import ValidationError
from django.db.migrations.writer import MigrationWriter

from toolkit.core.word_limits import MaxWordsValidator, word_count
from toolkit.glossary.models import Term
from toolkit.sheets.models import SheetPage

LIMIT = MaxWordsValidator(3, "note", "it must fit on 100% of a label.")


def test_a_text_at_the_limit_passes_and_one_word_over_is_refused_with_its_count():
    LIMIT("one two  three\n")
    with pytest.raises(ValidationError) as refused:
        LIMIT("one two three four")
    assert refused.value.messages == [
        "Keep the note to 3 words or fewer (it has 4): it must fit on 100% of a label."
    ]
    assert refused.value.error_list[0].code == "max_words"


def test_words_are_runs_of_non_space_characters():
    assert word_count(None) == word_count("") == 0
    assert word_count(" co-op’s  plan,\tnow ") == 3


def test_the_summary_and_the_definition_use_it_and_migrations_can_write_it():
    for field, limit in (
        (SheetPage._meta.get_field("summary"), 60),
        (Term._meta.get_field("definition"), 40),
    ):
        (validator,) = [v for v in field.validators if isinstance(v, MaxWordsValidator)]
        assert validator.limit == limit
        written, imports = MigrationWriter.serialize(validator)
        assert written.startswith("toolkit.core.word_limits.MaxWordsValidator(") and imports
