"""Shortened text of the report's tables and charts: never a name cut in two."""
from csf_analysis.report.cuts import shorten, snippet, wrap_label


def test_snippet_keeps_the_words_around_a_long_sentence_match():
    sentence = ("Au début tout allait bien, mais ensuite la jeune est restée seulement "
                "15 jours avant de partir sans prévenir personne dans l'entreprise.")
    cut = snippet(sentence, "15 jours", width=40)
    assert "15 jours" in cut and cut.startswith("…") and cut.endswith("…")
    assert len(cut) <= 42


def test_a_shortened_title_never_ends_inside_a_name():
    """names_blind120: « salle Anne de Bretagne » shortened to « salle Anne … » in the
    report's table of sessions: the pseudonymised build was refused for the listed
    Anne Gallou's first name, which the notes never held alone."""
    title = "COPIL CSF Bretagne — 9 janvier 2024 — Rennes, rectorat, salle Anne de Bretagne"
    assert shorten(title, 70) == "COPIL CSF Bretagne — 9 janvier 2024 — Rennes, rectorat, salle …"
    assert shorten("Visite chez Jean-Marc Le Goff, menuiserie", 24) == "Visite chez …"
    assert shorten("le chef de Bretagne et puis encore", 22) == "le chef de Bretagne …"
    assert shorten("Entretien court", 70) == "Entretien court"
    assert shorten("", 70) == "" and shorten("Anticonstitutionnellement", 10) == "…"


def test_a_name_that_fills_the_width_is_cut_where_it_must():
    assert shorten("Jean-Marc Le Goff De La Tour Dupont Martin", 20) == "Jean-Marc Le Goff …"


def test_a_wrapped_label_never_breaks_at_a_hyphen():
    """names_blind120: « siège Saint-Brieuc » of a chart's label wrapped as « Saint- »
    and « Brieuc) », and the leak check found the listed Brieuc Guillemot's first name."""
    label = ("Armor Propreté (agence de Loudéac ; siège Saint-Brieuc) · 300h (28/03/2024) : "
             "« 3 semaines »")
    assert wrap_label(label, width=52).split("\n")[1].startswith("Saint-Brieuc)")
    assert wrap_label("Pourquoi la clause échoue si souvent", width=20) == \
        "Pourquoi la clause\néchoue si souvent"


def test_a_wrapped_label_keeps_short_labels_and_cuts_long_ones_out_of_names():
    assert wrap_label("Calendrier scolaire") == "Calendrier scolaire"
    long = "Un thème au libellé vraiment très long qui ne tient pas sur deux lignes du tout"
    wrapped = wrap_label(long, width=30, max_lines=2)
    lines = wrapped.split("\n")
    assert len(lines) == 2 and all(len(line) <= 30 for line in lines) and wrapped.endswith("…")
    label = "Réunion au lycée professionnel, salle Anne de Bretagne, avec la DDETS"
    for width in (28, 30):  # « salle Anne … », « salle Anne de … » before
        assert wrap_label(label, width=width) == "Réunion au lycée\nprofessionnel, salle …"


def test_a_snippet_starts_and_ends_out_of_names():
    sentence = ("Le tuteur avait prévenu Anne de Bretagne que le jeune resterait 15 jours "
                "puis il a rappelé Marie-Claire Le Goff du rectorat")
    for width in (74, 78):  # « …Bretagne que », « Marie-Claire Le… » before
        cut = snippet(sentence, "15 jours", width=width)
        assert cut == "…que le jeune resterait 15 jours puis il a rappelé…"
