"""Tests for csf_analysis.reading.dates: French dates and durations in free text."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from csf_analysis.reading.dates import (
    FoundDate,
    FoundDuration,
    date_from_filename,
    find_dates,
    find_durations,
    first_date,
)

SHARED_NOTES = Path(__file__).resolve().parents[2] / "shared" / "notes"
ISO_SHAPE = re.compile(r"^$|^\d{4}$|^\d{4}-\d{2}$|^\d{4}-\d{2}-\d{2}$")


def only_date(text: str, **options) -> FoundDate:
    dates = find_dates(text, **options)
    assert len(dates) == 1, dates
    return dates[0]


# --- Dates that resolve --------------------------------------------------------

@pytest.mark.parametrize(
    ("sentence", "written", "iso", "precision"),
    [
        ("### (900h) Entretien du 3/02/2020", "3/02/2020", "2020-02-03", "day"),
        ("Réunion le 06/02/2020 à la DSDEN", "06/02/2020", "2020-02-06", "day"),
        ("Échéance au 31/12/2019.", "31/12/2019", "2019-12-31", "day"),
        ("vu le 3/2/20 au rectorat", "3/2/20", "2020-02-03", "day"),
        ("relance du 4/5/98", "4/5/98", "1998-05-04", "day"),
        ("fichier du 2020-03-12 relu", "2020-03-12", "2020-03-12", "day"),
        ("envoyé le 03.02.2020", "03.02.2020", "2020-02-03", "day"),
        ("envoyé le 03-02-2020", "03-02-2020", "2020-02-03", "day"),
        ("# Visite du chantier du 9 mars 2020", "9 mars 2020", "2020-03-09", "day"),
        ("Début du parcours le 1er mars 2020.", "1er mars 2020", "2020-03-01", "day"),
        ("Début du parcours le 1ᵉʳ mars 2020.", "1ᵉʳ mars 2020", "2020-03-01", "day"),
        ("Début du parcours le premier mars 2020.", "premier mars 2020", "2020-03-01", "day"),
        ("- 19 Février 2018 : le marché est attribué.", "19 Février 2018", "2018-02-19", "day"),
        ("- 14 mai 2018 : appel de la cellule achats", "14 mai 2018", "2018-05-14", "day"),
        ("RDV le 5 FÉVRIER 2020", "5 FÉVRIER 2020", "2020-02-05", "day"),
        ("RDV le 5 fevrier 2020", "5 fevrier 2020", "2020-02-05", "day"),
        ("RDV le 5 fevier 2020", "5 fevier 2020", "2020-02-05", "day"),  # one typo
        ("RDV le 15 aout 2019", "15 aout 2019", "2019-08-15", "day"),
        ("RDV le 15 août 2019", "15 août 2019", "2019-08-15", "day"),
        ("RDV le 2 decembre 2019", "2 decembre 2019", "2019-12-02", "day"),
        ("RDV le 12 janv. 2020 matin", "12 janv. 2020", "2020-01-12", "day"),
        ("RDV le 5 févr. 2020", "5 févr. 2020", "2020-02-05", "day"),
        ("RDV le 9 sept. 2019 à 10h", "9 sept. 2019", "2019-09-09", "day"),
        ("Réunion du mardi 10 décembre 2019", "mardi 10 décembre 2019", "2019-12-10", "day"),
        ("- Septembre 2017 : premier contact.", "Septembre 2017", "2017-09", "month"),
        ("Le parcours a démarré en mai 2019 selon l'acheteur", "mai 2019", "2019-05", "month"),
        ("en fevrier 2020 on a relancé", "fevrier 2020", "2020-02", "month"),
        ("à la sept. 2019", "sept. 2019", "2019-09", "month"),
        ("rentrée d'aout 2021", "aout 2021", "2021-08", "month"),
        ("fin mars 2020 au plus tard", "mars 2020", "2020-03", "month"),
        ("En 2018 la DSDEN nous a appelés.", "2018", "2018", "year"),
        ("On est référencé depuis 2017.", "2017", "2017", "year"),
        ("Le contrat date de 2017 ; rien depuis.", "2017", "2017", "year"),
        ("Objectif mi-2021 pour la signature", "2021", "2021", "year"),
        ("l'année 2019-2020 a été chargée", "2019", "2019", "year"),
        ("- 2018 : premiers échanges", "2018", "2018", "year"),
    ],
)
def test_date_forms(sentence, written, iso, precision):
    found = only_date(sentence)
    assert (found.text, found.iso, found.precision, found.problem) == (written, iso, precision, "")
    assert sentence[found.start:found.end] == written


def test_dates_come_in_text_order_with_offsets():
    text = "Notifié le 19 Février 2018, contact le 14 mai 2018, entretien du 3/02/2020."
    dates = find_dates(text)
    assert [d.iso for d in dates] == ["2018-02-19", "2018-05-14", "2020-02-03"]
    assert [text[d.start:d.end] for d in dates] == [d.text for d in dates]
    assert dates[0].start < dates[1].start < dates[2].start


def test_overlapping_candidates_give_one_date():
    assert only_date("le mardi 10 décembre 2019").text == "mardi 10 décembre 2019"
    assert only_date("en février 2020").precision == "month"
    assert only_date("en 2020-03-12").iso == "2020-03-12"


def test_full_month_name_keeps_a_trailing_period_out():
    found = only_date("Le marché se termine le 11 décembre.", default_year=2019)
    assert found.text == "11 décembre"


def test_first_date():
    assert first_date("Visite du 9 mars 2020, prévue depuis 2019").iso == "2020-03-09"
    assert first_date("Échange du mardi 10 décembre", default_year=2019).iso == "2019-12-10"
    assert first_date("aucune date ici, 3 mois de stage") is None


# --- Not dates ---------------------------------------------------------------

@pytest.mark.parametrize(
    "sentence",
    [
        "Compter 2-3 mois de délai",
        "la clause de 150h",
        "15:42 : arrivée du tuteur",
        "- 16:05: pause",
        "lot n°1",
        "Société de 1000 personnes.",
        "un marché de 40K Euros",
        "### (300h) 6 : Plone DGESCO & DNE",
        "Une dizaine de recrutements",
        "dans 3 mois",
        "48 élèves au lycée",
        "voir le n° 3",
        "06 12 34 56 78",
        "06.12.34.56.78",
        "06/12/34/56/78",
        "+33 6 12 34 56 78",
        "une société de 2000 personnes",
        "un budget de 2020 euros",
        "on a reçu 2019 dossiers",
        "le score 24/7/365",
        "ratio 3/4",
        "il a sept ans",
        "quelques mois plus tard, mais pas en mai",
        "les 45 mai prévus",
    ],
)
def test_not_dates(sentence):
    assert find_dates(sentence) == []


def test_bare_year_needs_plausible_year():
    assert find_dates("en 1850 déjà") == []
    assert find_dates("depuis 2100") == []
    assert only_date("depuis 1990").iso == "1990"


# --- Impossible dates and missing years ---------------------------------------

def test_impossible_month_says_how_to_write_it():
    found = only_date("Entretien du 09/15/2020")
    assert (found.text, found.iso, found.precision) == ("09/15/2020", "", "day")
    assert found.problem.startswith(
        "date impossible « 09/15/2020 » (mois 15) : écrivez-la jj/mm/aaaa")
    assert "15/09/2020 ?" in found.problem


@pytest.mark.parametrize(
    ("sentence", "written", "expected"),
    [
        ("le 31/02/2020", "31/02/2020", "jour 31 ; février 2020 a 29 jours"),
        ("le 30 février 2020", "30 février 2020", "jour 30 ; février 2020 a 29 jours"),
        ("le 29/02/2019", "29/02/2019", "février 2019 a 28 jours"),
        ("le 00/03/2020", "00/03/2020", "jour 0"),
        ("le 12/00/2020", "12/00/2020", "mois 0"),
        ("le 2020-13-01", "2020-13-01", "écrivez-la aaaa-mm-jj"),
        ("le 14 mai 2218", "14 mai 2218", "année entre 1900 et 2099"),
        ("le 3/02/0000", "3/02/0000", "année entre 1900 et 2099"),
    ],
)
def test_impossible_dates_are_problems_not_exceptions(sentence, written, expected):
    found = only_date(sentence)
    assert (found.text, found.iso) == (written, "")
    assert written in found.problem and expected in found.problem


def test_leap_day_is_fine():
    assert only_date("le 29/02/2020").iso == "2020-02-29"


def test_day_without_year_is_a_problem_without_default_year():
    found = only_date("## Échange du jeudi 12 décembre, MLDS")
    assert (found.text, found.iso, found.precision) == ("jeudi 12 décembre", "", "day")
    assert found.problem.startswith("date « jeudi 12 décembre » sans année")
    found = only_date("Point du 8 janvier")
    assert found.problem.startswith("date « 8 janvier » sans année")


def test_default_year_resolves_day_without_year():
    assert only_date("Point du 8 janvier", default_year=2020).iso == "2020-01-08"
    assert only_date("jeudi 12 décembre", default_year=2019).iso == "2019-12-12"
    # The explicit year wins over the default one.
    assert only_date("le 2 mars 2020", default_year=2019).iso == "2020-03-02"


def test_weekday_picks_the_neighbouring_year():
    # Monday 6 January is in 2020, the year after a December 2019 interview.
    found = only_date("prochain point lundi 6 janvier", default_year=2019)
    assert (found.iso, found.problem) == ("2020-01-06", "")


def test_weekday_that_does_not_match_is_reported():
    found = only_date("le mardi 10 décembre 2020")
    assert found.iso == "2020-12-10"
    assert "jeudi, pas un mardi" in found.problem


def test_impossible_day_with_default_year():
    found = only_date("le 29 février", default_year=2019)
    assert found.iso == "" and "février 2019 a 28 jours" in found.problem


def test_bare_month_needs_default_year_and_is_never_a_problem():
    assert find_dates("relance prévue en octobre") == []
    assert find_dates("accueil prévu pour septembre") == []
    found = only_date("relance prévue en octobre", default_year=2019)
    assert (found.text, found.iso, found.precision) == ("octobre", "2019-10", "month")
    assert found.problem == ""
    assert only_date("En Septembre", default_year=2020).iso == "2020-09"
    # Abbreviations are not months on their own ("sept" is also seven).
    assert find_dates("sept jeunes", default_year=2019) == []


# --- File names --------------------------------------------------------------

@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("20200526_acheteur.md", "2020-05-26"),
        ("entretien_tutrice_pilote_20191216.md", "2019-12-16"),
        ("observation-run-20200302.md", "2020-03-02"),
        ("2020-03-12-test.md", "2020-03-12"),
        ("entretien_2019_12_16.md", "2019-12-16"),
        ("26-05-2020_test.md", "2020-05-26"),
        ("notes/2020/20200526_acheteur.md", "2020-05-26"),
        ("20190101/entretien.md", ""),
        ("entretien-entreprises.md", ""),
        ("20201331_impossible.md", ""),
        ("20190229_pas_bissextile.md", ""),
        ("lot_123456789.md", ""),
        ("", ""),
    ],
)
def test_date_from_filename(name, iso):
    assert date_from_filename(name) == iso


# --- Durations ---------------------------------------------------------------

@pytest.mark.parametrize(
    ("sentence", "written", "days_min", "days_max", "unit"),
    [
        ("Le parcours a duré 6 semaines.", "6 semaines", 42, 42, "semaine"),
        ("7 semaines de stage", "7 semaines", 49, 49, "semaine"),
        ("compter 2-3 mois de recherche", "2-3 mois", 60, 90, "mois"),
        ("un stage de 2 ou 3 semaines", "2 ou 3 semaines", 14, 21, "semaine"),
        ("réponse sous 15 jours", "15 jours", 15, 15, "jour"),
        ("absent pendant 3 jours", "3 jours", 3, 3, "jour"),
        ("il faut un mois", "un mois", 30, 30, "mois"),
        ("compter 1 mois et demi", "1 mois et demi", 45, 45, "mois"),
        ("le marché dure 2 ans", "2 ans", 730, 730, "an"),
        ("le marché dure deux ans", "deux ans", 730, 730, "an"),
        ("prochain bilan dans 6 mois", "6 mois", 180, 180, "mois"),
        ("10h de découverte", "10h", 10 / 24, 10 / 24, "heure"),
        ("la clause de 150h", "150h", 150 / 24, 150 / 24, "heure"),
        ("un appel de 25 minutes", "25 minutes", 25 / 1440, 25 / 1440, "minute"),
        ("entre 2 et 3 mois", "2 et 3 mois", 60, 90, "mois"),
        ("de 2 à 3 semaines", "2 à 3 semaines", 14, 21, "semaine"),
        ("2–3 semaines", "2–3 semaines", 14, 21, "semaine"),
        ("une quinzaine de jours", "une quinzaine de jours", 15, 15, "jour"),
        ("une demi-journée d'accueil", "demi-journée", 0.5, 0.5, "jour"),
        ("dix-huit mois", "dix-huit mois", 540, 540, "mois"),
        ("vingt-quatre heures", "vingt-quatre heures", 1, 1, "heure"),
        ("un contrat d'un an", "un an", 365, 365, "an"),
        ("1,5 mois", "1,5 mois", 45, 45, "mois"),
        ("deux heures et demie", "deux heures et demie", 2.5 / 24, 2.5 / 24, "heure"),
        ("une année", "une année", 365, 365, "an"),
        ("trois JOURS", "trois JOURS", 3, 3, "jour"),
        ("1 000 heures", "1 000 heures", 1000 / 24, 1000 / 24, "heure"),
    ],
)
def test_duration_forms(sentence, written, days_min, days_max, unit):
    durations = find_durations(sentence)
    assert len(durations) == 1, durations
    found = durations[0]
    assert (found.text, found.unit) == (written, unit)
    assert found.days_min == pytest.approx(days_min)
    assert found.days_max == pytest.approx(days_max)
    assert sentence[found.start:found.end] == written


@pytest.mark.parametrize(
    ("word", "days"),
    [("un", 1), ("une", 1), ("deux", 2), ("trois", 3), ("quatre", 4), ("cinq", 5),
     ("six", 6), ("sept", 7), ("huit", 8), ("neuf", 9), ("dix", 10), ("quinze", 15)],
)
def test_number_words(word, days):
    found = find_durations(f"pendant {word} semaines")
    assert [(d.days_min, d.unit) for d in found] == [(days * 7, "semaine")]


def test_two_durations_in_one_phrase():
    found = find_durations("compter un mois, un mois et demi environ")
    assert [(d.text, d.days_min) for d in found] == [("un mois", 30), ("un mois et demi", 45)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Entretien du 3/02/2020",
        "15:42 : arrivée",
        "rendez-vous à 15h30",
        "Un jour, le tuteur a appelé",
        "un jeune de 17 ans",
        "des jeunes âgés de 16 à 18 ans",
        "Une dizaine de recrutements",
        "1000 personnes",
        "48 élèves",
        "2 hommes et 3 minimum",
        "une annonce",
        "le 2 mars 2020",
    ],
)
def test_not_durations(sentence):
    assert find_durations(sentence) == []


def test_hours_inside_a_clause_marker():
    assert [(d.text, d.unit) for d in find_durations("### (300h) 6 : Plone")] == [("300h", "heure")]


# --- Properties --------------------------------------------------------------

FRAGMENTS = st.sampled_from([
    "3/02/2020", "09/15/2020", "31/02/2020", "2020-03-12", "1er", "mardi", "17",
    "décembre", "Février", "févr.", "sept.", "2018", "En", "depuis", "de", "2-3",
    "mois", "semaines", "150h", "15:42", "n°", "un", "et demi", "ou", "/", "-",
    " ", ", ", "\n- ", ":", "é", "\u00a0", "\u2019", "ﬁ", "İ", "①", "00", "99",
])
TEXTS = st.one_of(st.text(max_size=200), st.lists(FRAGMENTS, max_size=30).map("".join))


def check_spans(text, found):
    for item in found:
        assert text[item.start:item.end] == item.text
        assert 0 <= item.start < item.end <= len(text)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


@settings(max_examples=300, deadline=None)
@given(text=TEXTS, default_year=st.one_of(st.none(), st.integers(-5, 3000)))
def test_find_dates_never_raises_and_spans_match(text, default_year):
    dates = find_dates(text, default_year=default_year)
    check_spans(text, dates)
    for found in dates:
        assert isinstance(found, FoundDate)
        assert ISO_SHAPE.match(found.iso)
        assert found.precision in {"day", "month", "year"}
        assert found.iso or found.problem  # unresolved always says why
    assert first_date(text, default_year=default_year) == (dates[0] if dates else None)


@settings(max_examples=300, deadline=None)
@given(text=TEXTS)
def test_find_durations_never_raises_and_spans_match(text):
    durations = find_durations(text)
    check_spans(text, durations)
    for found in durations:
        assert isinstance(found, FoundDuration)
        assert 0 <= found.days_min <= found.days_max
        assert found.unit in {"jour", "semaine", "mois", "an", "heure", "minute"}


@settings(max_examples=200, deadline=None)
@given(name=st.text(max_size=60))
def test_date_from_filename_never_raises(name):
    assert ISO_SHAPE.match(date_from_filename(name))


# --- Speed and the team's real notes ----------------------------------------------

def test_one_megabyte_is_read_whole_without_hanging():
    """Every date and duration of 1 MB; the speed goal (3 s) is benchmarks/bench_dates."""
    from benchmarks.bench_dates import PARAGRAPH, megabyte, seconds
    text = megabyte()
    elapsed, dates, durations = seconds(text)
    whole = text.count(PARAGRAPH)  # each holds 5 dates and 4 durations
    assert 5 * whole <= dates <= 5 * whole + 5
    assert 4 * whole <= durations <= 4 * whole + 4
    assert elapsed < 30, f"1 MB took {elapsed:.2f} s: a hang"


def read_shared_note(name: str) -> str:
    path = SHARED_NOTES / name
    if not path.exists():
        pytest.skip(f"{path} is absent")
    return path.read_text(encoding="utf-8-sig")


def test_real_notes_heading_dates():
    name = "entretien_tutrice_pilote_20191216.md"
    text = read_shared_note(name)
    year = int(date_from_filename(name)[:4])
    isos = {d.iso for d in find_dates(text, default_year=year)}
    assert {"2019-12-17", "2019-12-27", "2019-12-31"} <= isos
    assert {d.unit for d in find_durations(text)} >= {"mois", "semaine", "heure"}


def test_real_notes_reference_file():
    text = read_shared_note("entretien-entreprises.md")
    found = {d.iso: d for d in find_dates(text)}
    assert {"2020-02-03", "2018-02-19", "2018-05-14", "2017-09"} <= set(found)
    assert all(not d.problem for d in found.values())
