"""The word lists: one file, read once, shared by the parser, the rules and the names."""
import pytest

from csf_analysis import words
from csf_analysis.coding import rules as categories
from csf_analysis.privacy import name_forms
from csf_analysis.reading import dates, vocabulary


def test_the_stages_read_their_words_from_the_one_file():
    shipped = words.WORDS
    assert dates.MONTH_LABELS[7] == "août" == shipped["calendar"]["months"][7]
    assert categories.LEXICONS["months"] == frozenset(dates._MONTH_NAMES)  # one list of months
    assert vocabulary.SPEAKER_ROLES == tuple(shipped["speakers"]["roles"])
    assert categories.LEXICONS["reporting"] == frozenset(
        shipped["category_rules"]["lexicons"]["reporting"])
    assert "DRH" in name_forms.ACRONYMS and "no" in name_forms.TWO_LETTER_WORDS


def test_the_file_is_read_once():
    assert words.load_words() is words.WORDS


def test_a_word_yaml_reads_as_something_else_is_refused_with_the_key(tmp_path):
    path = tmp_path / "words.yml"
    path.write_text("names:\n  two_letter_words: [ai, no, on]\n", encoding="utf-8")
    with pytest.raises(words.WordsError, match=r"words\.names\.two_letter_words holds \[False"):
        words.load_words(path)
    path.write_text("- a list\n", encoding="utf-8")
    with pytest.raises(words.WordsError, match="expected sections"):
        words.load_words(path)
