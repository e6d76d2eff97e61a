"""What a note records: an interview, a usability test, an observation, a workshop,
or a team document that is no session at all.

A team's notes folder holds more than interviews. Each interview row gets a
``kind`` (see :data:`csf_analysis.schema.KINDS`) from weighted evidence,
strongest first:

==============  ======  ====================================================
source          weight  example
==============  ======  ====================================================
front matter    wins    ``kind: test-utilisateur`` (other fields: interview, 1.5)
folder          3       ``tests-utilisateurs/``, ``ateliers/``, ``docs/``
heading         1-3     ``# Liens utiles``; with a date, ``# Test du 26/05/2020``;
                        a clause marker ``(300h) 6 : ...`` is an interview (3);
                        a kind named further in, ``# État - point d'étape`` (1)
file title      1.5     the file's first heading, over another interview heading
file name       1.5     ``observation-run-20200302.md``, ``bon_de_commande.md``
content         1-2.5   a think-aloud log (timestamps, "je clique") is a test;
                        speaker turns and interview labels an interview;
                        post-its and group tables a workshop; links, invoice
                        lines, blanks to fill in or a chat export make a
                        document; no speaker, label, date nor answer: a
                        document (1.25)
==============  ======  ====================================================

The kind with the most weight wins; with no evidence at all, a note is an
interview, as notes have always been read. In a file of several interviews,
one whose heading opens with its kind is read by its heading: what describes
the whole file weighs half (:mod:`csf_analysis.reading.note_kinds`). Where the kind is an interview
for want of evidence, or another kind won on content alone, or against
another kind with real evidence, :func:`decide` also returns a problem (in
French) that names the kind chosen, the evidence and the one front-matter line
that fixes it.

Example:
    >>> kind_of_words("tests-utilisateurs")
    'test-utilisateur'
    >>> kind_of_words("Bon de commande n° 2020-118")
    'document'
    >>> kind_of_words("Entretien du 3/02/2020"), kind_of_words("Questions prévues")
    ('entretien', '')
    >>> evidence = [folder_evidence("tests-utilisateurs/acheteurs/a.md"),
    ...             heading_evidence("Test acheteur du 26/05/2020")]
    >>> decide([e for e in evidence if e]).kind
    'test-utilisateur'
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from ..schema import KINDS
from ..text import normalize
from .lines import is_chat_message

FRONT_MATTER, FOLDER, HEADING, FILE_NAME, MENTION = 100.0, 3.0, 2.0, 1.5, 1.0
DEFAULT_KIND = "entretien"
WEAK = 1.5  # evidence at least this heavy against the winner makes a conflict
SILENT = 1.25  # no speaker, label, time, date nor answer: less than any other evidence

# Words that say a kind, normalised (no accents, lower case, "-" and "_" as spaces),
# matched at a word start. Of two words at the same place, the first listed wins:
# "reunion d'equipe" is a document before "reunion" is a workshop.
_DE = r"(?:d'|de l'|de la |de |du |d )?"
_KIND_WORDS: tuple[tuple[str, str], ...] = (
    ("document", rf"reunions? {_DE}equipe|reunions? internes?|points? {_DE}equipe|points? hebdo"
                 rf"|points? {_DE}etape|points? {_DE}avancement|etat {_DE}avancement"
                 rf"|comptes? rendus? {_DE}equipe|retrospective|retro\b|ordre du jour"
                 rf"|appels? {_DE}offres?|syntheses?\b"),
    ("test-utilisateur", r"tests? ?(?:utilisat|usager)|user ?tests?|usability|utilisabilite"
                         r"|tests?\b|testeurs?\b|testeuses?\b|ux\b"),
    ("observation", r"observations?\b|obs\b|observe\b|shadowing"),
    ("atelier", r"ateliers?\b|workshops?\b|seminaires?\b|focus ?groups?|tables? rondes?"
                r"|reunions?\b|co ?construction"),
    ("entretien", r"entretiens?\b|interviews?\b|echanges?\b|appels?\b|rencontres?\b"
                  r"|visites?\b|conversations?\b|rdv\b|rendez ?vous\b"),
    ("document", rf"liens?\b|links?\b|ressources?\b|references?\b|bibliographie|readme"
                 rf"|lisez ?moi|bons? {_DE}commande|commandes?\b|factures?\b|devis\b|budgets?\b"
                 rf"|roadmap|feuille {_DE}route|plans?\b|planning|calendrier|modeles?\b"
                 rf"|templates?\b|gabarits?\b|trames?\b|statuts?\b|status\b|to ?do\b"
                 rf"|suivi {_DE}projet"
                 rf"|docs?\b|documents?\b|administratif|admin\b|gestion\b|equipe\b|kit\b"
                 rf"|notes? {_DE}equipe|memo\b|projet\b"),
)
_KIND_RES = tuple((kind, re.compile(r"(?:^|[^a-z0-9])(?:" + words + r")"))
                  for kind, words in _KIND_WORDS)
_GENERIC = len(_KIND_RES) - 1  # the last group: words that also name other things
# A heading names its kind in its first words: "Test acheteur", "Le 2e atelier".
_LEADING = re.compile(r"^(?:(?:l'|le |la |les |un |une |notre |nos |mon |ma |1er |premier "
                      r"|premiere |deuxieme |second |seconde |\d+(?:e|eme|er|nd)? )\s*)*")
# Usual front-matter spellings of each kind.
_KIND_ALIASES = {
    "entretien": "entretien", "interview": "entretien", "echange": "entretien",
    "test": "test-utilisateur", "test utilisateur": "test-utilisateur",
    "tests utilisateurs": "test-utilisateur", "test-utilisateur": "test-utilisateur",
    "usability": "test-utilisateur", "observation": "observation",
    "atelier": "atelier", "workshop": "atelier", "reunion": "atelier",
    "document": "document", "doc": "document",
}


@dataclass(frozen=True)
class Evidence:
    """One hint of a kind: where it comes from (``folder``...), its weight and why."""

    source: str
    kind: str
    weight: float
    why: str


@dataclass(frozen=True)
class Decision:
    """The kind chosen, the evidence behind it (``folder:ateliers; heading:Atelier``),
    and a problem message (French, empty when the evidence is clear)."""

    kind: str
    evidence: str
    problem: str = ""


def kind_of_words(text: str, *, leading: bool = False, specific: bool = False) -> str:
    """The kind a folder, heading or file name names, or ``""``: its first kind word
    (``visite_atelier`` is a visit), and of words at the same place the most specific
    (``reunion-equipe`` is a team meeting, a document).

    With ``leading``, the word must open the text (after an article or an
    ordinal): ``Test acheteur`` names a test, ``Retour sur le test`` does not.
    With ``specific``, words that also name other things (plan, projet, kit,
    documents...) are left out: a company's market may be one.
    """
    key = normalize(re.sub(r"[_-]+", " ", text))
    if leading:
        leading_words = _LEADING.match(key)
        key = key[leading_words.end():] if leading_words else key
    found = [(match.start(), rank, kind) for rank, (kind, pattern) in enumerate(_KIND_RES)
             if not (specific and rank == _GENERIC) and (match := pattern.search(key))]
    if not found or (leading and min(found)[0] > 0):
        return ""
    return min(found)[2]


def kind_of_front_matter(value) -> tuple[str, str]:
    """``(kind, error)`` for a front-matter ``kind:`` value."""
    key = normalize(str(value)).replace("_", " ")
    kind = _KIND_ALIASES.get(key) or _KIND_ALIASES.get(key.replace("-", " "))
    if kind:
        return kind, ""
    return "", (f"front matter « kind: {value} » inconnu : écrivez l'un de "
                f"{', '.join(KINDS)}")


def front_matter_evidence(kind: str, *, described: bool = False) -> Evidence | None:
    """The front matter's ``kind:`` (it wins); else, front matter that describes a
    session (title, date, actor, clause...) says it is an interview."""
    if kind:
        return Evidence("front-matter", kind, FRONT_MATTER, f"« kind: {kind} »")
    return Evidence("fields", DEFAULT_KIND, FILE_NAME, "front matter d'entretien") \
        if described else None


def clause_evidence(marker: bool) -> Evidence | None:
    """A clause marker in the heading (``(300h) 6 : Plone``): an interview of a company."""
    return Evidence("heading", DEFAULT_KIND, FOLDER, "marqueur de clause") if marker else None


def title_evidence(title: str) -> Evidence | None:
    """The kind the file's first heading names, anywhere in it, when it heads the file and
    not the interview (``# Où en est-on ? – point d'étape`` over ``## Test du guide``)."""
    kind = kind_of_words(title)
    return Evidence("title", kind, FILE_NAME, f"titre du fichier « {title[:60]} »") \
        if kind else None


def folder_evidence(source_file: str) -> Evidence | None:
    """The nearest folder of the note that names a kind (``entretiens/acheteurs/``)."""
    for folder in reversed(PurePosixPath(source_file).parts[:-1]):
        kind = kind_of_words(folder)
        if kind:
            return Evidence("folder", kind, FOLDER, f"dossier « {folder}/ »")
    return None


def heading_evidence(title: str, *, dated: bool = False) -> Evidence | None:
    """The kind an interview's heading opens with (``Observation du « RUN »``); a
    heading that also dates the session (``Test 16/12/2019 : ...``) weighs as a folder.
    A kind named further in (``État du projet – point d'étape``) weighs less."""
    kind = kind_of_words(title, leading=True)
    if kind:
        weight = FOLDER if dated and kind != "document" else HEADING
        return Evidence("heading", kind, weight, f"titre « {title[:60]} »")
    kind = kind_of_words(title, specific=True)
    return Evidence("heading", kind, MENTION, f"titre « {title[:60]} »") if kind else None


def file_name_evidence(source_file: str) -> Evidence | None:
    """The kind the file name names (``20200526_test_acheteur.md``)."""
    stem = PurePosixPath(source_file).stem
    kind = kind_of_words(re.sub(r"[\d_.-]+", " ", stem))
    return Evidence("file-name", kind, FILE_NAME, f"nom du fichier « {stem} »") if kind else None


@dataclass
class Content:
    """What an interview's lines hold, counted line by line (see :func:`measure`)."""

    lines: int = 0      # non-empty lines
    times: int = 0      # lines with a time of day (15:42 :, => 15:54)
    actions: int = 0    # first-person actions on a page or a document ("je clique")
    speakers: int = 0   # speaker turns (Acheteur : ...)
    labels: int = 0     # interview labels (Représentation :, Ressentis :, Contexte)
    answers: int = 0    # lines in the first person singular, or quoting (two at least)
    links: int = 0      # lines with a URL
    money: int = 0      # lines with an amount (€, HT, TTC)
    groups: int = 0     # lines of group work (post-its, tables, restitution)
    blanks: int = 0     # blanks to fill in (____, __/__/____): a template
    messages: int = 0   # chat messages ([12/03/2024 14:02] Thib: ...): an export
    dated: bool = False  # the interview has a day date


# Searched over an interview's lines joined and lower-cased ("’" is an apostrophe too),
# each with words one of which a line must hold to match (a fast test before the scan).
_CUES = {
    "actions": (re.compile(
        r"\b(?:je|j['’])\s*(?:clique|clic|vais (?:sur|dans|voir|en|à|a|au)|cherche|reviens"
        r"|retourne|tombe|descends|remonte|scrolle|d[ée]file|lis|ouvre|t[ée]l[ée]charge"
        r"|survole|tape|navigue|arrive sur|suis sur|passe (?:à|a|sur)|ferme|trouve pas"
        r"|ne trouve)"), ("j",)),
    "answers": (re.compile(r"\b(?:je|j['’]|moi|me|m['’]|mon|ma|mes)\b"), ("j", "m")),
    "quotes": (re.compile(r"[«“\"]"), ("«", "“", '"')),
    "links": (re.compile(r"https?://|www\.|\]\("), ("http", "www.", "](")),
    "money": (re.compile(r"\d\s?(?:k?€|euros?\b|k?eur\b)|\b(?:ht|ttc)\b|montant|prix unitaire"),
              ("€", "eur", "ht", "ttc", "montant", "prix")),
    "groups": (re.compile(r"post-?its?|\b(?:table|groupe|sous-groupe)s? (?:\d|[a-c]\b)"
                          r"|restitution|tour de table|brainstorm|pl[ée]ni[èe]re"
                          r"|\bparticipants?\b"),
               ("post", "table", "groupe", "restitution", "brainstorm", "plén", "plen",
                "participant")),
    "blanks": (re.compile(r"_{3,}|__/__|\.{5,}|\[ *\.\.\. *\]"), ("__", ".....", "[")),
}


def measure(lines: list[str], *, times: int, speakers: int, labels: int,
            dated: bool) -> Content:
    """Count what ``lines`` (raw text of one interview) hold; the parser gives the rest.

    >>> c = measure(["- 15:48 : je clique sur l'accueil", "voir https://a.fr", "J'ai vu"],
    ...             times=1, speakers=0, labels=0, dated=False)
    >>> (c.lines, c.actions, c.links, c.answers)
    (3, 1, 1, 2)
    """
    kept = [line for line in lines if line.strip()]
    text, starts, offset = "\n".join(kept).lower(), [], 0
    for line in kept:
        starts.append(offset)
        offset += len(line) + 1

    def count(name: str) -> int:  # lines holding a match: one scan of the text
        pattern, words = _CUES[name]
        if not any(word in text for word in words):
            return 0
        return len({bisect.bisect_right(starts, m.start()) for m in pattern.finditer(text)})

    quoted = count("quotes")  # one quote may be a title: two or more are someone's words
    return Content(
        lines=len(kept), times=times, speakers=speakers, labels=labels, dated=dated,
        actions=count("actions"), answers=count("answers") + (quoted if quoted >= 2 else 0),
        links=count("links"), money=count("money"), groups=count("groups"),
        blanks=count("blanks"), messages=sum(map(is_chat_message, kept)))


def content_evidence(content: Content) -> list[Evidence]:
    """What the lines of an interview say of its kind."""
    found = []
    c = content
    chat = c.messages >= 3 and c.messages * 2 >= c.lines  # "je passe à" in a message: no test
    # a think-aloud log: timed lines with first-person actions (a timed programme is none)
    logged = max(c.times - c.messages, c.actions) if c.actions and not chat else 0
    if logged >= 3:
        found.append(Evidence("content", "test-utilisateur", 2.0 if logged * 4 >= c.lines else 1.0,
                              f"journal à voix haute ({c.times} heures notées, {c.actions} "
                              "actions « je clique »)"))
    if c.groups >= 3:
        found.append(Evidence("content", "atelier", 2.0,
                              f"{c.groups} lignes de travail en groupe (post-its, tables)"))
    if chat:  # the team's group, or one with the tutors
        found.append(Evidence("content", "document", 2.5,
                              f"export de discussion ({c.messages} messages horodatés)"))
    elif c.blanks >= 2:
        found.append(Evidence("content", "document", 2.0, f"modèle à remplir ({c.blanks} blancs)"))
    elif c.links >= 3 and c.links * 2 >= c.lines:
        found.append(Evidence("content", "document", 2.5, f"{c.links} lignes de liens"))
    elif c.money >= 3 or (c.money >= 2 and c.money * 3 >= c.lines):
        found.append(Evidence("content", "document", 2.5, f"{c.money} lignes de montants"))
    elif not (c.speakers or c.labels or c.times or c.answers or c.dated):
        found.append(Evidence("content", "document", SILENT,
                              "ni interlocuteur, ni étiquette d'entretien, ni date, ni réponse"))
    said = max(0, c.speakers - c.messages) + c.labels  # a chat's authors make no interview
    if said >= 2:
        found.append(Evidence("content", "entretien", 2.0 if said >= 5 else 1.0,
                              f"{said} tours de parole ou énoncés sous une étiquette d'entretien"))
    return found


def decide(evidence: list[Evidence]) -> Decision:
    """Weigh the evidence; say so when the winner is weak or contested.

    Of kinds with equal weight, one with evidence other than content wins. Only
    evidence other than content makes a conflict.
    """
    scores: dict[str, float] = {}
    for item in evidence:
        scores[item.kind] = scores.get(item.kind, 0.0) + item.weight
    if not scores:
        return Decision(DEFAULT_KIND, "", _problem(
            DEFAULT_KIND, "aucun indice (ni dossier, ni titre, ni nom de fichier, ni contenu "
            "parlant)", "document"))
    structural = {e.kind for e in evidence if e.source != "content"}
    ranked = sorted(scores, key=lambda k: (-scores[k], k not in structural, KINDS.index(k)))
    kind = ranked[0]
    trail = "; ".join(f"{e.source}:{e.kind}" for e in evidence)
    if any(e.source == "front-matter" for e in evidence):
        return Decision(kind, trail)
    against = [e for e in evidence if e.kind != kind and e.source != "content"
               and e.weight >= WEAK]
    if against and scores[kind] - max(scores[e.kind] for e in against) < FOLDER:
        why = ", ".join(f"{e.why} → {e.kind}" for e in evidence)
        return Decision(kind, trail, _problem(kind, f"indices contradictoires ({why})",
                                              against[0].kind))
    if kind not in structural and kind != DEFAULT_KIND:
        why = ", ".join(e.why for e in evidence if e.kind == kind)
        other = ranked[1] if len(ranked) > 1 else DEFAULT_KIND
        return Decision(kind, trail, _problem(kind, f"déduit du contenu seul ({why})", other))
    return Decision(kind, trail)


def _problem(kind: str, why: str, other: str) -> str:
    return (f"type de note incertain : lu comme « {kind} » ; {why}. Si c'est faux, "
            f"ajoutez en tête de la note un front matter avec la ligne « kind: {other} » "
            f"(valeurs : {', '.join(KINDS)})")
