"""Tests for csf_analysis.reading.notes: one note -> interviews, segments, contacts, problems.

Every form of DESIGN.md's "What the notes look like" has a test here, on the
fixture notes of ``tests/fixtures/notes`` (written for the tests in the team's
style) or on a few inline lines. No spaCy: segments are checked before
sentence splitting.
"""
from __future__ import annotations

import doctest
from functools import lru_cache
from pathlib import Path

import pytest

from csf_analysis.reading import notes
from csf_analysis.reading.notes import ParsedNote, Segment, parse_note, slugify

FIXTURE_NOTES = Path(__file__).parent / "fixtures" / "notes"
MULTI = "entretiens-partenaires.md"


@lru_cache(maxsize=None)
def _source(name: str) -> str:
    return (FIXTURE_NOTES / name).read_text("utf-8")


def parse_fixture(name: str) -> ParsedNote:
    return parse_note(_source(name), name)


def line_of(name: str, needle: str) -> int:
    """1-based number of the first line of fixture ``name`` that contains ``needle``."""
    return next(n for n, line in enumerate(_source(name).split("\n"), 1) if needle in line)


def segment(note: ParsedNote, needle: str) -> Segment:
    found = [s for s in note.segments if needle in s.text]
    assert len(found) == 1, (needle, [s.text for s in note.segments])
    return found[0]


def interview_of(note: ParsedNote, seg: Segment) -> dict:
    return note.interviews[seg.interview] if seg.interview >= 0 else {}


def test_docstring_examples_hold():
    assert doctest.testmod(notes).failed == 0


@pytest.mark.parametrize("title, slug", [
    ("(300h) 6 : Plone DGESCO & DNE", "300h-6-plone-dgesco-dne"),
    ("Échange avec la coordinatrice", "echange-avec-la-coordinatrice"),
    ("???", ""),
])
def test_slugify(title, slug):
    assert slugify(title) == slug


# -- interviews -------------------------------------------------------------

def test_several_interviews_in_one_file_with_their_heading_fields():
    note = parse_fixture(MULTI)
    found = [(i["title"], i["line"], i["company_ref"], i["clause_hours"], i["clause_label"],
              i["date"], i["actor"]) for i in note.interviews]
    assert found == [
        ("(450h) 22 : Nettoyage des locaux", line_of(MULTI, "### (450h) 22"), "22", 450, "450h",
         "", "entreprise"),
        ('31 (autre) Lyon : "maintenance des ascenseurs"', line_of(MULTI, "### 31 (autre)"),
         "31", None, "autre", "", "entreprise"),
        ("Échange avec la coordinatrice du bassin", line_of(MULTI, "## Échange"), "", None, "",
         "", "mlds"),
        ("Entretien du 12/03/2020 avec un jeune", line_of(MULTI, "# Entretien du 12/03"), "",
         None, "", "2020-03-12", "jeune"),
    ]
    assert note.problems == []


def test_interview_ids_are_file_stem_and_heading_slug_and_unique():
    note = parse_note("# Entretien du 3/02/2020\n\nTexte.\n\n# Entretien du 3/02/2020\n\nAutre.\n",
                      "dossier/double.md")
    assert [i["interview_id"] for i in note.interviews] == [
        "dossier/double:entretien-du-3-02-2020", "dossier/double:entretien-du-3-02-2020-2"]
    assert all(i["source_file"] == "dossier/double.md" for i in note.interviews)


def test_plural_entretiens_container_is_not_an_interview():
    note = parse_fixture(MULTI)
    assert "Entretiens" not in [i["title"] for i in note.interviews]
    container = line_of(MULTI, "## Entretiens")
    assert not [i for i in note.interviews if i["line"] == container]


def test_content_before_any_interview_is_file_level():
    note = parse_fixture(MULTI)
    guide = segment(note, "Depuis quand accueillez-vous")
    assert guide.interview == -1


def test_non_interview_heading_at_the_interview_level_closes_it():
    note = parse_note("## Entretien du 3/02/2020\n\n- Dedans.\n\n## Annexe\n\n- Dehors.\n", "a.md")
    assert segment(note, "Dedans").interview == 0
    dehors = segment(note, "Dehors")
    assert (dehors.interview, dehors.section) == (-1, "Annexe")


def test_subheadings_stay_inside_the_interview():
    note = parse_note("# Entretien avec Léa\n\n## Démarche\n\n### Détail\n\n- Dedans.\n", "a.md")
    seg = segment(note, "Dedans")
    assert (seg.interview, seg.section) == (0, "Détail")


def test_interview_spans_until_its_last_statement():
    note = parse_fixture(MULTI)
    first = note.interviews[0]
    assert first["end_line"] == line_of(MULTI, "Les horaires de nuit compliquent")


def test_front_matter_wins_one_interview_and_headings_become_sections():
    note = parse_fixture("visite-menuiserie.md")
    assert len(note.interviews) == 1
    interview = note.interviews[0]
    assert {k: interview[k] for k in ("interview_id", "title", "date", "actor", "company_ref",
                                      "clause_hours", "clause_label", "interviewers")} == {
        "interview_id": "visite-menuiserie", "title": "Visite de l'atelier de menuiserie",
        "date": "2020-03-12", "actor": "entreprise", "company_ref": "22", "clause_hours": 450,
        "clause_label": "450h", "interviewers": ["Camille", "Ahmed"]}
    dated = segment(note, "Ce titre daté")
    assert (dated.interview, dated.section) == (0, "Entretien du 3/02/2020")
    felt = segment(note, "Le tuteur se sent")
    assert (felt.interview, felt.section, felt.category) == (0, "Ressentis", "feelings")
    assert note.problems == []


def test_front_matter_id_is_used_as_interview_id():
    note = parse_note("---\nid: drh-22\n---\n\n- Texte.\n", "a.md")
    assert note.interviews[0]["interview_id"] == "drh-22"


def test_file_without_heading_is_one_interview_named_and_dated_by_its_file_name():
    note = parse_fixture("20200615_visite_atelier.md")
    assert [(i["interview_id"], i["title"], i["date"], i["line"]) for i in note.interviews] == [
        ("20200615_visite_atelier", "20200615_visite_atelier", "2020-06-15", 1)]
    assert {s.interview for s in note.segments} == {0}
    assert len(note.segments) == 3


def test_file_name_date_is_the_fallback_and_gives_the_year():
    note = parse_note("# Entretien du mardi 17 décembre\n\n- Texte.\n\n"
                      "# Échange avec le tuteur\n\n- B.\n",
                      "entretien_tutrice_20191216.md")
    assert [i["date"] for i in note.interviews] == ["2019-12-17", "2019-12-16"]


def test_impossible_date_in_a_heading_is_a_warning_not_a_crash():
    note = parse_fixture("date-impossible.md")
    assert [(i["title"], i["date"]) for i in note.interviews] == [("Entretien du 09/15/2020", "")]
    assert [(p.source_file, p.line, p.severity) for p in note.problems] == [
        ("date-impossible.md", 1, "warning")]
    assert "09/15/2020" in note.problems[0].message
    assert segment(note, "Le tuteur a reçu").interview == 0


# -- sections, labels, speakers ---------------------------------------------

def test_pseudo_heading_label_covers_its_list_and_ends_with_it():
    note = parse_fixture(MULTI)
    for needle in ("Le stage est une bonne occasion", "On pensait recevoir"):
        seg = segment(note, needle)
        assert (seg.section, seg.category) == ("Représentation", "representation")
    context = segment(note, "Nous travaillons surtout la nuit")
    assert (context.section, context.category) == ("Contexte", "context")
    after = segment(note, "Une phrase hors liste")
    assert (after.section, after.category) == ("", "")
    assert not [s for s in note.segments if s.text in ("Représentation", "Contexte")]


def test_label_separated_from_its_list_by_a_blank_line_still_covers_it():
    note = parse_note("# Entretien avec Léa\n\nRessentis :\n\n- Plutôt contente.\n\nAprès.\n",
                      "a.md")
    assert (segment(note, "Plutôt").section, segment(note, "Plutôt").category) == (
        "Ressentis", "feelings")
    assert segment(note, "Après").category == ""


def test_label_with_nothing_under_it_is_kept_as_a_statement():
    note = parse_note("# Entretien avec Léa\n\nRessentis :\n\n----\n", "a.md")
    assert [s.text for s in note.segments] == ["Ressentis"]


def test_long_unmapped_label_is_also_a_statement():
    note = parse_note("Un souci majeur remonté est le temps de traitement :\n"
                      "- la tutrice attend\n", "a.md")
    assert [(s.text, s.section) for s in note.segments] == [
        ("Un souci majeur remonté est le temps de traitement", ""),
        ("la tutrice attend", "Un souci majeur remonté est le temps de traitement")]


def test_inline_labels_give_section_and_category_and_leave_the_text():
    note = parse_fixture(MULTI)
    meta = segment(note, "La personne avait préparé")
    assert (meta.section, meta.category, meta.text) == (
        "Méta", "meta", "La personne avait préparé ses réponses.")
    felt = segment(note, "On était un peu perdus")
    assert (felt.section, felt.category, felt.text) == (
        "Ressenti", "feelings", "On était un peu perdus au début.")


@pytest.mark.parametrize("needle, speaker, text", [
    ("nous avons rappelé la gérante", "tutrice pilote",
     "nous avons rappelé la gérante deux fois."),
    ("le planning change", "commercial", "le planning change chaque semaine."),
    ("la fiche de poste", "acheteur", "la fiche de poste a été envoyée en mars."),
    ("jamais reçu de candidature", "entreprise", "nous n'avons jamais reçu de candidature."),
])
def test_speaker_labels_set_the_speaker_and_leave_the_text(needle, speaker, text):
    seg = segment(parse_fixture(MULTI), needle)
    assert (seg.speaker, seg.text, seg.category) == (speaker, text, "")


def test_debrief_heading_gives_category_and_interviewers():
    note = parse_fixture(MULTI)
    seg = segment(note, "Reprendre le guide")
    assert (seg.section, seg.category, seg.interview) == (
        "Debrief (Camille & Ahmed, après l'entretien)", "debrief", 0)
    assert note.interviews[0]["interviewers"] == ["Camille", "Ahmed"]


@pytest.mark.parametrize("needle, section, interview", [
    ("Les horaires de nuit", "On retient :", 0),
    ("Le circuit des candidatures", "A retenir", 1),
    ("Les achats ne suivent pas", "Ce que nous avons appris", 1),
])
def test_takeaway_parts_heading_or_bare_label(needle, section, interview):
    seg = segment(parse_fixture(MULTI), needle)
    assert (seg.section, seg.category, seg.interview) == (section, "takeaway", interview)


def test_bare_debrief_label_without_colon_is_a_section():
    note = parse_note("# Entretien avec Léa\n\n- Texte.\n\nDebrief (Léa & Tom)\n\n- Analyse.\n",
                      "a.md")
    seg = segment(note, "Analyse")
    assert (seg.section, seg.category) == ("Debrief (Léa & Tom)", "debrief")
    assert note.interviews[0]["interviewers"] == ["Léa", "Tom"]


def test_guide_is_file_level_question():
    note = parse_fixture(MULTI)
    for needle in ("Depuis quand accueillez-vous", "Qui est votre interlocuteur"):
        seg = segment(note, needle)
        assert (seg.interview, seg.category, seg.section) == (-1, "question", "Guide d'entretien")


def test_suggestions_after_a_rule_stay_in_the_interview():
    note = parse_fixture(MULTI)
    seg = segment(note, "Simplifier la fiche")
    assert (seg.category, interview_of(note, seg)["title"]) == (
        "suggestions", "Échange avec la coordinatrice du bassin")


# -- contact log ----------------------------------------------------------------

def test_contact_log_lines_become_contacts_not_segments():
    note = parse_fixture(MULTI)
    found = [(c["company_ref"], c["clause_label"], c["status"], c["note"], c["line"])
             for c in note.contacts]
    assert found == [
        ("22", "450h", "no_reply", "", line_of(MULTI, "- 22 (450h)")),
        ("45", "150h", "error", "adresse inconnue", line_of(MULTI, "- 45 (150h)")),
        ("31", "autre", "replied", "rappel le lendemain", line_of(MULTI, "31 (autre) :")),
    ]
    assert all(c["source_file"] == MULTI for c in note.contacts)
    assert not [s for s in note.segments if "Nettoyage des locaux du rectorat" in s.text]


def test_code_block_is_kept_as_one_segment_with_its_lines():
    note = parse_note("# Email de contact\n\n```\nBonjour ___,\n\nnous faisons partie "
                      "de l'équipe.\n```\n", "a.md")
    [seg] = note.segments
    assert (seg.block, seg.category, seg.lines) == (
        "code", "meta", [(4, "Bonjour ___,"), (6, "nous faisons partie de l'équipe.")])


# -- noise ------------------------------------------------------------------------

def test_timestamp_goes_to_time():
    seg = segment(parse_fixture(MULTI), "début de l'appel")
    assert (seg.time, seg.text) == ("15:42", "début de l'appel.")


@pytest.mark.parametrize("needle, text", [
    ("Elle relance les entreprises", "Elle relance les entreprises chaque lundi"),
    ("Envoyer la liste", "Envoyer la liste des parcours"),
])
def test_done_markers_go_to_marker(needle, text):
    seg = segment(parse_fixture(MULTI), needle)
    assert (seg.marker, seg.text) == ("done", text)


def test_bare_url_kept_and_bold_italics_removed():
    note = parse_fixture(MULTI)
    assert segment(note, "Voir https").text == "Voir https://exemple.fr/clause pour le détail."
    assert segment(note, "Elle suit").text == "Elle suit vingt jeunes et trois entreprises."


def test_empty_bullets_and_rules_make_no_segment():
    note = parse_fixture(MULTI)
    assert all(s.text and s.text.strip("-* ") for s in note.segments)


def test_lazy_continuation_lines_keep_their_own_line_numbers():
    seg = segment(parse_fixture(MULTI), "Une première idée")
    first = line_of(MULTI, "- Une première idée")
    assert [n for n, _ in seg.lines] == [first, first + 1, first + 2]
    assert seg.lines[2][1] == "Puis une troisième phrase sur sa propre ligne."


def test_segments_never_keep_markdown_markup():
    for name in ("entretiens-partenaires.md", "visite-menuiserie.md",
                 "20200615_visite_atelier.md", "date-impossible.md"):
        for seg in parse_fixture(name).segments:
            assert not seg.text.startswith(("#", "- ", "* ", "> ", "---")), seg.text
            assert "**" not in seg.text and "](" not in seg.text, seg.text


# -- bad front matter -------------------------------------------------------------

@pytest.mark.parametrize("raw", [
    "date: [2020-03-12",
    'title: !!python/object/apply:os.system ["echo hi"]',
    'a: &a ["lol","lol"]\nb: [*a,*a]',
])
def test_bad_front_matter_is_an_error_row_and_the_note_is_still_read(raw):
    note = parse_note(f"---\n{raw}\n---\n\n# Entretien du 3/02/2020\n\n- Texte lu.\n", "bad.md")
    assert [(p.source_file, p.line, p.severity) for p in note.problems] == [("bad.md", 1, "error")]
    assert [i["title"] for i in note.interviews] == ["Entretien du 3/02/2020"]
    assert segment(note, "Texte lu").interview == 0


def test_front_matter_with_only_bad_fields_is_a_warning():
    note = parse_note("---\ndate: bientôt\n---\n\n- Texte.\n", "a.md")
    assert [(p.line, p.severity) for p in note.problems] == [(1, "warning")]
    assert len(note.interviews) == 1


def test_front_matter_of_other_keys_is_kept_in_the_interview_row():
    note = parse_note("---\ndate: 2024-02-01\nprésents: Léa Morin, Tom\n---\n\n- Texte.\n",
                      "a.md")
    assert [i["other_fields"] for i in note.interviews] == ["présents: Léa Morin, Tom"]
    assert [(p.line, p.severity) for p in note.problems] == [(1, "warning")]


# -- regressions: bugs found by this suite, fixed ----------------------------------

def test_rules_at_the_top_are_not_front_matter():
    note = parse_note("----\n\nUne phrase importante sur le stage.\n\n----\n\n- Un point.\n",
                      "a.md")
    assert [s.text for s in note.segments] == ["Une phrase importante sur le stage.", "Un point."]
    # No front matter problem; with no speaker, label, date nor answer, it reads as a
    # document, and says so.
    assert [(p.line, p.message[:50]) for p in note.problems] == [
        (1, "type de note incertain : lu comme « document » ; d")]


def test_each_line_of_a_dialogue_paragraph_has_its_speaker():
    note = parse_note("# Entretien avec Léa\n\nAcheteur : on attend le profil.\n"
                      "Entreprise : nous sommes prêts.\n", "a.md")
    turns = [(s.speaker, s.text) for s in note.segments]
    assert turns == [("acheteur", "on attend le profil."),
                     ("entreprise", "nous sommes prêts.")]


def test_label_directly_followed_by_prose_lines_is_a_section():
    note = parse_note("# Entretien avec Léa\n\nRessentis :\nOn était un peu perdus au début.\n",
                      "a.md")
    assert [(s.section, s.category, s.text) for s in note.segments] == [
        ("Ressentis", "feelings", "On était un peu perdus au début.")]


def test_dated_debrief_heading_stays_in_its_interview():
    note = parse_note("# Entretien du 3/02/2020\n\n- Un point.\n\n## Debrief 5/02/2020\n\n"
                      "- Notre analyse.\n", "a.md")
    assert len(note.interviews) == 1
    assert [(s.interview, s.category) for s in note.segments] == [(0, ""), (0, "debrief")]


def test_timestamp_alone_gives_no_empty_statement():
    note = parse_note("# Test du 3/02/2020\n\n- 15:42 :\n- 15:43 : on commence\n", "a.md")
    assert [(s.time, s.text) for s in note.segments] == [("15:43", "on commence")]


DATED_TITLE_OVER_CLAUSE = """# Entretien du 19 février 2020 — plombier

### (450h) 23 : Plomberie du collège

- Gérant : on a eu un jeune en septembre.
- Yannick : vous aviez déjà eu des stagiaires ?
- Gérant : oui, souvent.
- Philippe : on vous enverra le compte-rendu.

## Debrief (Yannick & Philippe)

- Le gérant est content.
"""


def test_dated_title_over_a_clause_heading_is_one_interview_with_both_fields():
    note = parse_note(DATED_TITLE_OVER_CLAUSE, "plombier.md")
    assert len(note.interviews) == 1
    interview = note.interviews[0]
    assert (interview["company_ref"], interview["clause_label"]) == ("23", "450h")
    assert (interview["date"], interview["date_text"]) == ("2020-02-19", "19 février 2020")
    assert all(segment.interview == 0 for segment in note.segments)


def test_debrief_above_the_only_interview_still_belongs_to_it():
    note = parse_note(DATED_TITLE_OVER_CLAUSE, "plombier.md")
    debrief = [s for s in note.segments if s.category == "debrief"]
    assert [s.text for s in debrief] == ["Le gérant est content."]
    assert debrief[0].interview == 0
    assert note.interviews[0]["interviewers"] == ["Yannick", "Philippe"]


def test_debrief_above_several_interviews_stays_at_file_level():
    text = ("## (300h) 6 : Plone\n\n- Un.\n\n## (150h) 7 : Autre\n\n- Deux.\n\n"
            "# Debrief (Léa)\n\n- Les deux se ressemblent.\n")
    note = parse_note(text, "deux.md")
    assert [s.interview for s in note.segments] == [0, 1, -1]


def test_empty_interview_heading_without_a_nested_one_is_kept():
    note = parse_note("### (300h) 6 : Plone\n\n### (150h) 7 : Autre\n\n- Un.\n", "a.md")
    assert [i["company_ref"] for i in note.interviews] == ["6", "7"]


def test_interviewer_turns_are_speaker_enqueteur_and_their_questions_are_questions():
    note = parse_note(DATED_TITLE_OVER_CLAUSE, "plombier.md")
    turns = [(s.speaker, s.category, s.text) for s in note.segments if s.interview == 0][:4]
    assert turns == [
        ("gerant", "", "on a eu un jeune en septembre."),
        (notes.INTERVIEWER, "question", "vous aviez déjà eu des stagiaires ?"),
        ("gerant", "", "oui, souvent."),
        (notes.INTERVIEWER, "", "on vous enverra le compte-rendu."),
    ]


def test_q_and_question_labels_mark_questions_only_before_a_question():
    text = ("Q : Vous avez déjà vu des pénalités appliquées ?\n\nJamais.\n\n"
            "- Question : c'est quoi pour toi un bon tuteur ?\n- Question : le tutorat.\n")
    note = parse_note(text, "a.md")
    assert [(s.category, s.section, s.text) for s in note.segments] == [
        ("question", "Q", "Vous avez déjà vu des pénalités appliquées ?"),
        ("", "", "Jamais."),
        ("question", "Question", "c'est quoi pour toi un bon tuteur ?"),
        ("", "", "Question : le tutorat."),
    ]


def test_interviewer_names_from_front_matter_split_a_dialogue_paragraph():
    text = ("---\ninterviewers: [Léa]\n---\n\nGérante : on a eu deux jeunes.\n"
            "Léa : combien de temps ?\n")
    note = parse_note(text, "a.md")
    assert [(s.speaker, s.text) for s in note.segments] == [
        ("gerante", "on a eu deux jeunes."), (notes.INTERVIEWER, "combien de temps ?")]


def test_a_first_name_label_seen_once_is_left_in_the_text():
    note = parse_note("- Martine : elle a appelé.\n- Mécanisme : en quoi ça consiste.\n", "a.md")
    assert [(s.speaker, s.text) for s in note.segments] == [
        ("", "Martine : elle a appelé."), ("", "Mécanisme : en quoi ça consiste.")]


def test_a_first_name_opening_two_turns_is_a_speaker():
    text = ("Claire : on a deux jeunes.\nGérante : oui.\nClaire : et un troisième en mai.\n\n"
            "- Attention : rien de signé.\n- Attention : pas de convention.\n")
    note = parse_note(text, "a.md")
    assert [(s.speaker, s.text) for s in note.segments] == [
        ("claire", "on a deux jeunes."), ("gerante", "oui."),
        ("claire", "et un troisième en mai."), ("", "Attention : rien de signé."),
        ("", "Attention : pas de convention.")]


def test_each_message_of_a_chat_export_is_a_turn_of_its_author():
    text = ("[12/03/2024 14:02] Thib: on y va demain ?\n"
            "[12/03/24 14:05:33] bastien : ok pour moi\n"
            "12/03/2024 14:07 - Greg E.: je passe au chantier\n"
            "la suite du message\n"
            "[14:09] Tutrice : il est arrivé à l'heure\n"
            "[14:12] Point chantier : rien à signaler\n")
    note = parse_note(text, "a.md")
    assert [(s.speaker, s.time, s.text) for s in note.segments] == [
        ("thib", "14:02", "on y va demain ?"), ("bastien", "14:05", "ok pour moi"),
        ("greg e.", "14:07", "je passe au chantier la suite du message"),
        ("tutrice", "14:09", "il est arrivé à l'heure"),
        ("", "14:12", "Point chantier : rien à signaler")]


def test_a_chat_pasted_as_code_or_in_bold_is_read_message_by_message():
    text = ("```\nexport du canal\n[04/03/2024 08:12] Nadia AO: Bonjour ! rappel : les ordres\n"
            "[04/03/2024 08:30] jp: reçu.\n```\n\n```\nx: 1\ny: 2\n```\n\n"
            "**[16/03/2020 09:12] nbenkhelifa** : on bascule en visio.\n")
    note = parse_note(text, "a.md")
    assert [(s.speaker, s.time, s.text) for s in note.segments] == [
        ("", "", "export du canal"), ("nadia ao", "08:12", "Bonjour ! rappel : les ordres"),
        ("jp", "08:30", "reçu."), ("", "", "x: 1 y: 2"),
        ("nbenkhelifa", "09:12", "on bascule en visio.")]


def test_an_inline_label_in_a_debrief_keeps_the_debrief():
    text = ("### (300h) 6 : Plone\n\n- Un.\n\n#### Debrief (Léa)\n\n"
            "- Piste : filtrer les parcours.\n")
    [_, piste] = parse_note(text, "a.md").segments
    assert (piste.category, piste.section, piste.text) == (
        "debrief", "Debrief (Léa)", "Piste : filtrer les parcours.")


def test_in_a_dialogue_paragraph_a_plain_line_after_a_full_stop_is_the_narrator():
    text = ("Proviseur : on en a eu sept.\nIl dit que quatre sont revenus.\n"
            "CPE : et trois sont restés\njusqu'au bout.\n")
    note = parse_note(text, "a.md")
    assert [(s.speaker, s.text) for s in note.segments] == [
        ("proviseur", "on en a eu sept."), ("", "Il dit que quatre sont revenus."),
        ("cpe", "et trois sont restés jusqu'au bout.")]


# -- a team's whole folder: traps seen in real notes -----------------------------------

def test_an_impossible_heading_date_with_a_file_date_suggests_only_the_date_used():
    note = parse_note("# Entretien du 09/15/2020\n\n- Le tuteur a appelé.\n", "20200615_a.md")
    assert note.interviews[0]["date"] == "2020-06-15"
    [problem] = note.problems
    assert "15/06/2020, est retenue" in problem.message and "15/09" not in problem.message


def test_a_heading_with_a_no_break_space_is_a_heading_with_a_warning():
    note = parse_note("# Test du 3/02/2020\n\n##\u00a0Accueil\n\n- la page est claire\n", "a.md")
    assert [(s.section, s.text) for s in note.segments] == [("Accueil", "la page est claire")]
    assert [(p.line, "espace insécable" in p.message) for p in note.problems] == [(3, True)]


def test_a_keyword_heading_inside_an_interview_is_a_section():
    text = ("# Test acheteuse du 26/05/2020\n\n- 15:42 : début\n\n"
            "## Test du nouveau guide des acheteurs\n\n- elle trouve le guide long\n")
    note = parse_note(text, "a.md")
    assert len(note.interviews) == 1
    assert segment(note, "guide long").section == "Test du nouveau guide des acheteurs"
    assert segment(note, "guide long").category == ""  # a mention of a guide is no guide


def test_an_empty_dated_interview_heading_keeps_its_keyword_section():
    text = ("# Entretien avec l'acheteuse du 03/02/2020\n\n## Échange sur le guide\n\n"
            "- Elle l'a lu.\n\n## Suite\n\n- Rien.\n")
    note = parse_note(text, "a.md")
    assert [i["title"] for i in note.interviews] == ["Entretien avec l'acheteuse du 03/02/2020"]
    assert {s.interview for s in note.segments} == {0}


def test_think_aloud_lines_are_statements_with_their_time_and_marker():
    text = ("# Test du 26/05/2020\n\n15:42 : début\n15:48 je vais sur la page acheteur\n"
            "je clique sur le modèle => 15:49\n=> il manque un exemple\n- [x] lien vers le bilan\n"
            "- 15:51 : retour au site (done)\n")
    note = parse_note(text, "a.md")
    assert [(s.time, s.marker, s.text) for s in note.segments] == [
        ("15:42", "", "début"), ("15:48", "", "je vais sur la page acheteur"),
        ("15:49", "", "je clique sur le modèle"), ("", "arrow", "il manque un exemple"),
        ("", "done", "lien vers le bilan"), ("15:51", "done", "retour au site")]


def test_a_statement_keeps_every_heading_above_it_and_its_label():
    """A label under a heading (« Notes SCD : » under the book read) is the section;
    ``heading`` keeps the headings above, outermost first."""
    note = parse_note("# Lectures\n\n## A. Commande publique\n\n### Dupont (2019)\n\n"
                      "Notes SCD :\n- Utile.\n\n### Martin (2020)\n\nÀ relire.\n\n"
                      "## B. Jeunes\n\nRien encore.\n", "lectures.md")
    assert [(s.heading, s.section, s.text) for s in note.segments] == [
        ("A. Commande publique › Dupont (2019)", "Notes SCD", "Utile."),
        ("A. Commande publique › Martin (2020)", "Martin (2020)", "À relire."),
        ("B. Jeunes", "B. Jeunes", "Rien encore.")]


def test_the_heading_of_an_interview_is_its_title_not_its_heading():
    note = parse_note("# Terrain\n\nIntro.\n\n## Entretien du 3/02/2020 : Tutrice\n\n"
                      "### Accueil\n\nBien reçu.\n\n# Bilan\n\nFin.\n", "t.md")
    assert [(s.interview, s.heading, s.text) for s in note.segments] == [
        (-1, "Terrain", "Intro."), (0, "Accueil", "Bien reçu."), (-1, "Bilan", "Fin.")]
