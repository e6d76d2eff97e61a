"""pseudonymes.yml: the team's names, forced pseudonyms, exemptions, clear errors."""
from __future__ import annotations

import pytest

from csf_analysis import cli
from csf_analysis.privacy.pseudonym_list import LIST_FILE, PseudonymListError, load_pseudonym_list


def _write(folder, text):
    (folder / LIST_FILE).write_text(text, encoding="utf-8")
    return folder


def test_lists_forced_pseudonyms_and_exemptions(tmp_path):
    listing = load_pseudonym_list(_write(tmp_path, (
        "personnes:\n  - Camille Lefèvre\n  - Hugo Marchand: Enquêteur 1\n"
        "organisations:\n  - Boulangerie Martin\nexemptes:\n  - Jules Ferry\n")))
    assert listing.people == {"Camille Lefèvre": "", "Hugo Marchand": "Enquêteur 1"}
    assert listing.organisations == {"Boulangerie Martin": ""}
    assert list(listing.exempt) == ["Jules Ferry"]


def test_no_file_or_empty_keys_is_an_empty_list(tmp_path):
    assert load_pseudonym_list(tmp_path).people == {}
    assert load_pseudonym_list(_write(tmp_path, "personnes:\nexemptes:\n")).people == {}


@pytest.mark.parametrize("text, line, words", [
    ("personnes:\n  - Camille Lefèvre\n - Hugo\n", 3, "YAML invalide"),
    ("personnes:\n  - Camille\nnoms:\n  - Hugo\n", 3, "clé « noms » inconnue"),
    ("personnes: Camille Lefèvre\n", 1, "doit être une liste"),
    ("personnes:\n  - [Camille, Hugo]\n", 2, "entrée de « personnes » inattendue"),
    ("exemptes:\n  - Jules Ferry: Personne Z\n", 2, "un nom exempté n'a pas de pseudonyme"),
    ("personnes:\n  - 42\n", 2, "sans lettre"),
])
def test_invalid_list_names_file_line_and_fix(tmp_path, text, line, words):
    with pytest.raises(PseudonymListError) as error:
        load_pseudonym_list(_write(tmp_path, text))
    message = str(error.value)
    assert LIST_FILE in message and f"ligne {line}" in message and words in message


def test_cli_reports_an_invalid_list_without_traceback(tmp_path, capsys, reference_note):
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / reference_note.name).write_bytes(reference_note.read_bytes())
    _write(notes, "personnes:\n  - Camille\n  nom: Hugo\n")
    status = cli.main(["tables", str(notes), "--out", str(tmp_path / "out"), "--no-cache",
                       "--pseudonymise"])
    err = capsys.readouterr().err
    assert status == 2 and "Traceback" not in err
    assert LIST_FILE in err and "ligne 3" in err


def test_a_person_with_other_names_in_brackets(tmp_path):
    (tmp_path / LIST_FILE).write_text(
        "personnes:\n  - Gérard Castagnet (Gégé, Gg)\n  - Grzegorz Kowalski (Greg): Grutier\n"
        "  - Ana (la stagiaire\n", encoding="utf-8")
    listing = load_pseudonym_list(tmp_path)
    assert listing.people == {"Gérard Castagnet": "", "Grzegorz Kowalski": "Grutier",
                              "Ana (la stagiaire": ""}
    assert listing.aliases == {"Gérard Castagnet": ["Gégé", "Gg"],
                               "Grzegorz Kowalski": ["Greg"]}
