"""Tests for csf_analysis.coding.codebook: the default codebook, notes overrides, validation."""
from __future__ import annotations

import re
import textwrap

import pytest

from csf_analysis.coding.codebook import CodebookError, load_codebook

# Themes the interviews are about: the default codebook must keep them.
REQUIRED_CODES = {
    "contrainte", "penalites", "manque-information", "information-jeune",
    "information-cadre", "interlocuteurs", "relances-attente", "delais",
    "calendrier-scolaire", "abandon-jeune", "bonne-volonte", "preparer-entreprise",
    "perspectives-embauche", "charge-travail", "outillage", "accompagnement",
    "cv-rgpd", "role-acheteur", "appreciation", "turnover-contacts", "profil-jeune",
}


def write_notes_codebook(tmp_path, text: str):
    path = tmp_path / "codebook.yml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_default_codebook_validates():
    codebook = load_codebook()
    table = codebook.table
    assert list(table.columns) == ["code", "label", "parent", "description", "source"]
    assert REQUIRED_CODES <= set(table["code"])
    assert table["code"].is_unique
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", code) for code in table["code"])
    assert (table["source"] == "default").all()
    assert (table["label"].str.len() > 0).all()
    assert (table["description"].str.len() > 0).all()
    parents = set(table["parent"]) - {""}
    assert parents <= set(table["code"])
    assert codebook.version == "1.0"


def test_every_code_with_patterns_compiles_them_in_order():
    codebook = load_codebook()
    for code, written in codebook.written.items():
        assert len(codebook.patterns[code]) == len(written), code
    patterns = codebook.pattern_table()
    assert patterns["pattern"].is_unique
    first = patterns[patterns["code"] == "relances-attente"].iloc[0]
    assert (first["pattern"], first["written"]) == ("relances-attente#0", "relancer")


def test_phrase_words_are_folded_and_elisions_become_lemmas(tmp_path):
    write_notes_codebook(tmp_path, """
        codes:
          - id: qui-appeler
            label: À qui s'adresser
            patterns:
              - "À qui s’adresser"
              - [{_: {csf_lemma: Échéance}}, {_: {csf_lower: {IN: [Été]}}}]
    """)
    phrase, raw = load_codebook(tmp_path).patterns["qui-appeler"]
    assert [token["_"]["csf_lemma"] for token in phrase] == ["a", "qui", "se", "adresser"]
    assert raw == [{"_": {"csf_lemma": "echeance"}}, {"_": {"csf_lower": {"IN": ["ete"]}}}]


def test_notes_codebook_extends_and_overrides(tmp_path):
    write_notes_codebook(tmp_path, """
        version: "local-2"
        codes:
          - id: outillage
            label: Outils numériques
            description: Uniquement les outils en ligne.
            patterns:
              - airtable
          - id: visio
            label: Visioconférence
            parent: outillage
            patterns: [visio, jitsi]
    """)
    codebook = load_codebook(tmp_path)
    table = codebook.table.set_index("code")
    assert table.loc["outillage", "label"] == "Outils numériques"
    assert table.loc["outillage", "source"] == "codebook.yml"  # never an absolute path
    assert codebook.written["outillage"] == ["airtable"]
    assert table.loc["visio", "parent"] == "outillage"
    assert table.loc["contrainte", "source"] == "default"
    assert len(table) == len(load_codebook().table) + 1
    assert re.fullmatch(r"1\.0\+notes-[0-9a-f]{8}", codebook.version)


def test_notes_folder_without_codebook_gives_the_default(tmp_path):
    assert load_codebook(tmp_path).version == load_codebook().version


def test_add_code_while_coding():
    codebook = load_codebook()
    codebook.add_code("frein-mobilite", label="Mobilité du jeune", parent="profil-jeune")
    row = codebook.table.set_index("code").loc["frein-mobilite"]
    assert (row["label"], row["parent"]) == ("Mobilité du jeune", "profil-jeune")
    assert row["source"] == "created"
    assert codebook.patterns["frein-mobilite"] == []
    with pytest.raises(CodebookError, match="already exists"):
        codebook.add_code("frein-mobilite")
    with pytest.raises(CodebookError, match="unknown parent 'nulle-part'"):
        codebook.add_code("autre-code", parent="nulle-part")
    with pytest.raises(CodebookError, match="invalid id 'Pas Bon'"):
        codebook.add_code("Pas Bon")


INVALID = {
    "bad yaml": ("codes:\n  - id: a\n    label: [unclosed\n", r"line \d+.*invalid YAML"),
    "python tag (safe_load only)": ("codes: !!python/object/apply:os.getcwd []\n",
                                    r"line 1.*invalid YAML"),
    "no codes list": ("version: '1'\n", r"expected a mapping with a 'codes:' list"),
    "empty file": ("", r"found an empty file"),
    "unknown top-level key": ("codes: []\nthemes: []\n", r"unknown top-level key.*themes"),
    "entry not a mapping": ("codes:\n  - just-a-string\n", r"entry 0: expected a mapping"),
    "unknown key": ("codes:\n  - id: a\n    label: A\n    synonyms: [b]\n",
                    r"code 'a' \(entry 0\): unknown key.*synonyms"),
    "missing id": ("codes:\n  - label: A\n", r"entry 0: missing 'id'"),
    "missing label": ("codes:\n  - id: a\n", r"code 'a' \(entry 0\): missing 'label'"),
    "bad id": ("codes:\n  - id: Délais\n    label: A\n", r"invalid id 'Délais'"),
    "duplicate id": ("codes:\n  - id: a\n    label: A\n  - id: a\n    label: B\n",
                     r"code 'a' \(entry 1\): duplicate id"),
    "unknown parent": ("codes:\n  - id: a\n    label: A\n    parent: zzz\n",
                       r"code 'a': unknown parent 'zzz'"),
    "parent cycle": ("codes:\n  - id: a\n    label: A\n    parent: b\n"
                     "  - id: b\n    label: B\n    parent: a\n", r"parent cycle a -> b -> a"),
    "patterns not a list": ("codes:\n  - id: a\n    label: A\n    patterns: relancer\n",
                            r"code 'a' \(entry 0\): 'patterns' must be a list"),
    "pattern of wrong type": ("codes:\n  - id: a\n    label: A\n    patterns: [12]\n",
                              r"pattern 0: expected a phrase"),
    "empty phrase": ("codes:\n  - id: a\n    label: A\n    patterns: ['  ']\n",
                     r"pattern 0: empty phrase"),
    "spacy rejects attribute": ("codes:\n  - id: a\n    label: A\n    patterns:\n"
                                "      - relancer\n      - [{LEMA: relancer}]\n",
                                r"code 'a' \(entry 0\), pattern 1: spaCy rejects.*LEMA"),
    "spacy rejects regex": ("codes:\n  - id: a\n    label: A\n    patterns:\n"
                            "      - [{LOWER: {REGEX: '('}}]\n", r"pattern 0: spaCy rejects"),
    "pattern matching anything": ("codes:\n  - id: a\n    label: A\n    patterns:\n"
                                  "      - [{OP: '*'}]\n", r"pattern 0: .*would match any text"),
}


@pytest.mark.parametrize("case", sorted(INVALID))
def test_invalid_notes_codebook_names_file_entry_and_problem(tmp_path, case):
    text, problem = INVALID[case]
    path = tmp_path / "codebook.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CodebookError) as error:
        load_codebook(tmp_path)
    message = str(error.value)
    assert message.startswith(str(path)), message
    assert re.search(problem, message), message


def test_invalid_parent_override_names_the_notes_file(tmp_path):
    path = write_notes_codebook(tmp_path, """
        codes:
          - id: delais
            label: Délais
            parent: n-existe-pas
    """)
    with pytest.raises(CodebookError, match=re.escape(f"{path}: code 'delais': unknown parent")):
        load_codebook(tmp_path)



def test_validated_codebook_is_cached_and_identical(tmp_path):
    fresh = load_codebook()
    first = load_codebook(cache_dir=tmp_path)
    again = load_codebook(cache_dir=tmp_path)
    assert list((tmp_path / "codebook").glob("*.json"))
    for book in (first, again):
        assert book.version == fresh.version
        assert book.patterns == fresh.patterns and book.written == fresh.written
        assert book.table.equals(fresh.table)


def test_cached_codebook_follows_the_notes_file(tmp_path):
    notes = tmp_path / "notes"
    notes.mkdir()
    load_codebook(notes, cache_dir=tmp_path / "cache")
    (notes / "codebook.yml").write_text(
        "codes:\n  - id: ambassadeurs\n    label: Ambassadeurs\n    patterns: [ambassadeur]\n",
        encoding="utf-8")
    book = load_codebook(notes, cache_dir=tmp_path / "cache")
    assert "ambassadeurs" in set(book.table["code"]) and "+notes-" in book.version
    (notes / "codebook.yml").write_text("codes:\n  - id: Pas Valide\n", encoding="utf-8")
    with pytest.raises(CodebookError):
        load_codebook(notes, cache_dir=tmp_path / "cache")


ALIAS_BOMB = ("version: '1'\n"
              'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
              + "".join(f"{name}: &{name} [{', '.join(['*' + previous] * 9)}]\n"
                        for previous, name in zip("abcdefgh", "bcdefghi"))
              + "codes: *i\n")


def test_an_alias_bomb_is_refused_with_a_short_error(tmp_path):
    (tmp_path / "codebook.yml").write_text(ALIAS_BOMB, encoding="utf-8")
    assert len(ALIAS_BOMB.encode()) < 500
    with pytest.raises(CodebookError, match="billion laughs") as error:
        load_codebook(tmp_path)
    assert len(str(error.value)) < 200 + len(str(tmp_path)) and "lol" not in str(error.value)


def test_aliases_that_expand_to_little_are_still_read(tmp_path):
    (tmp_path / "codebook.yml").write_text(textwrap.dedent("""\
        codes:
          - id: relance
            label: &label Relances
            patterns: &p [relancer]
          - id: rappel
            label: *label
            patterns: *p
        """), encoding="utf-8")
    codebook = load_codebook(tmp_path)
    assert codebook.patterns["rappel"] == codebook.patterns["relance"]


def test_a_huge_wrong_value_is_named_briefly(tmp_path):
    (tmp_path / "codebook.yml").write_text("- " + "\n- ".join(["x" * 50] * 5000),
                                           encoding="utf-8")
    with pytest.raises(CodebookError, match="codes:") as error:
        load_codebook(tmp_path)
    assert len(str(error.value)) < 600 + len(str(tmp_path))  # not 5000 x 50 characters
