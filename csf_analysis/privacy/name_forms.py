"""The written forms of a person's name: what the replacer and the leak check search.

A name gives its forms as people write them (:func:`name_forms`): the full name,
surname first, in capitals, the first name and the surname alone, initials in
every spelling. A person of the team's list (``personnes``) has more
(:func:`listed_forms`, :func:`listed_handles` for logins, :func:`listed_nicknames`
for short forms made up from the first name); :func:`short_initials` are the two
or three letters a hurried note writes. The words that are never initials live
here too: the field's acronyms, words written in capitals, two-letter words.

Example:
    >>> name_forms("Camille Lefèvre")[:4]
    ['Camille Lefèvre', 'Lefèvre Camille', 'Camille LEFÈVRE', 'LEFÈVRE Camille']
    >>> listed_handles("Valérie Py"), sorted(short_initials("Maëlle Kergoat"))
    (['vpy'], ['MK'])
"""
from __future__ import annotations

import re

from ..reading.dates import MONTH_LABELS, WEEKDAYS
from ..text import ANY_UPPER as _UP
from ..text import UPPER, fold_keep_case, strip_accents
from ..words import WORDS
from .first_names import diminutives, is_first_name, nicknames

__all__ = ["ACRONYMS", "CAPITAL_WORDS", "CIVILITIES", "INITIALS", "PARTICLES",
           "TWO_LETTER_WORDS", "compound_initials", "fold_keep_case", "listed_forms",
           "listed_handles", "listed_nicknames", "name_forms", "short_initials", "slug",
           "split_name", "surname_capitals", "surname_words"]

# The civilities written before a surname's initial: « Mme K. », « Mlle B. ».
CIVILITIES = ("M.", "Mr", "Mme", "Mlle", "Monsieur", "Madame", "Mademoiselle")
# Initials before a name are part of it: "J-M Hoarau", "S. Caron", "M.-C. Guérin".
INITIALS = _UP + r"\.(?:-?" + _UP + r"\.?)?|" + _UP + r"-" + _UP + r"\b"  # "É. Nakamura" too
PARTICLES = tuple(WORDS["names"]["particles"])

# Capitals that are acronyms of the field, never someone's initials.
ACRONYMS = frozenset(WORDS["names"]["acronyms"])
# Words the notes write in capitals for emphasis ("remplir Airtable ET le tableau"):
# never someone's initials.
CAPITAL_WORDS = frozenset(WORDS["names"]["capital_words"])
# Two lower-case letters that are French words or the notes' abbreviations, never
# someone's initials ("pb" is a problem, "rh" human resources).
TWO_LETTER_WORDS = frozenset(WORDS["names"]["two_letter_words"])
# Three lower-case letters that are the notes' words or abbreviations ("ben oui").
THREE_LETTER_WORDS = frozenset(WORDS["names"]["three_letter_words"])


def slug(text: str) -> str:
    """``"Personne B"`` -> ``"personne-b"``."""
    return re.sub(r"[^a-z0-9]+", "-", fold_keep_case(text).lower()).strip("-")


def split_name(name: str) -> tuple[str, str]:
    """First name and surname: the first word, and the rest (particles included); a
    name that starts with a particle is a surname alone ("Le Corre": no first name "Le").

    >>> split_name("Morgane Le Corre"), split_name("Le Corre")
    (('Morgane', 'Le Corre'), ('', 'Le Corre'))

    A surname in capitals written first (an attendance list's "NOM Prénom") is the
    surname:

    >>> split_name("HADJADJ Samir"), split_name("LE GALL Corentine")
    (('Samir', 'HADJADJ'), ('Corentine', 'LE GALL'))
    """
    words = name.split()
    upper = 0
    while upper < len(words) and len(words[upper]) > 1 and words[upper].isupper():
        upper += 1
    if 0 < upper < len(words) and words[-1][:1].isupper() and not words[-1].isupper() \
            and len(re.sub("[^" + UPPER + "]", "", "".join(words[:upper]))) > 2:  # not "JB Martin"
        return " ".join(words[upper:]), " ".join(words[:upper])
    if len(words) > 1 and words[0].lower() not in PARTICLES:
        return words[0], " ".join(words[1:])
    return "", name


def _initials(first: str) -> list[str]:
    parts = [p for p in re.split(r"-", first) if p]
    return ["-".join(f"{p[0]}." for p in parts), "".join(p[0] for p in parts)]


def name_forms(name: str, *, initials: bool = True) -> list[str]:
    """Every written form of ``name`` the replacer looks for.

    >>> name_forms("Camille Lefèvre")[:6]
    ... # doctest: +NORMALIZE_WHITESPACE
    ['Camille Lefèvre', 'Lefèvre Camille', 'Camille LEFÈVRE', 'LEFÈVRE Camille',
     'Lefèvre', 'LEFÈVRE']
    """
    first, last = split_name(name)
    if not first:
        return [name, name.upper()] if len(name) > 1 else []
    if len(last.rstrip(".")) < 2:  # "Aya D.": the initial alone is no form, nor the
        # first of initials only ("B. V.", a listed alias: "plan B." is no one)
        return [name] if re.fullmatch(INITIALS, first) else [name, first]
    if re.fullmatch(INITIALS, first):  # "O. Garcia": nor "O." alone; "HdSA" of
        words = [w for w in re.split(r"[\s'’-]+", last) if w]  # "H. de Saint-Aubin"
        letters = re.sub(r"[^A-Z]", "", first) + "".join(
            w[0] if w[:1].isupper() else w[0].lower() for w in words)
        acronym = [letters] if 3 <= len(letters) <= 5 and letters not in ACRONYMS else []
        capital = surname_capitals(last)  # "Saint-Aubin"
        return list(dict.fromkeys([name, f"{first}{last}", last, last.upper(), *acronym,
                                   *[capital] * bool(capital)]))
    upper = last.upper()
    forms = [name, f"{last} {first}", f"{first} {upper}", f"{upper} {first}", last, upper]
    capitals = surname_capitals(last).split()
    if all(w.isupper() for w in capitals) and len("".join(capitals)) > 3:
        titled = " ".join(w.title() if w.isupper() else w for w in last.split())
        forms += [f"{first} {titled}", titled]  # "Serge OBADIA" is also "Obadia", "Benoît
        if titled != last.title():  # de LA VILLEMARQUÉ" also "de La Villemarqué"
            forms.append(" ".join(w.title() for w in capitals))
    words = last.split()
    if len(words) > 1 and all(w[:1].isupper() and w.lower() not in PARTICLES for w in words):
        # "Thi Hoa Nguyen"
        forms += [words[-1], words[-1].upper(), f"{first} {' '.join(words[:-1])}"]
    if capitals and " ".join(capitals) != last:
        forms.append(" ".join(capitals))  # "de La Tour" -> "La Tour"
    forms.append(first)
    if initials:
        dotted, bare = _initials(first)
        forms += [f"{dotted} {last}", f"{dotted}{last}", f"{first} {last[0]}."]
        if "-" in first.strip("-"):  # "P.-Y.", "P-Y": a compound first name's initials
            forms += [dotted, "-".join(bare)]
            digraphs = "-".join(f"{p[:2]}." if re.match(r"[CKSTPG]h", p) else f"{p[0]}."
                                for p in first.split("-") if p)  # "J.-Ph." of Jean-Philippe
            if digraphs != dotted:
                forms += [digraphs, f"{digraphs} {last}"]
        parts = [w for w in re.split(r"[\s'’-]+", last) if w[:1].isupper()] or [last]
        letters = bare + "".join(w[0] for w in parts)  # "Thomas Nguyen-Van" -> "TNV",
        if 2 <= len(letters) <= 4 and letters not in CAPITAL_WORDS:  # "YNG" of Yvette
            forms += [letters] * (letters not in ACRONYMS) + [".".join(letters) + "."]  # N'Guessan;
            # not "ET"; "L.P." of Léna Paoli, not "LP", a lycée professionnel
        small = bare + "".join(w[0] if w[:1].isupper() else w[0].lower()
                               for w in re.split(r"[\s'’-]+", last) if w)
        if small != letters and len(small) <= 5:  # "BdLV" of Benoît de La Villemarqué
            forms.append(small)
    return list(dict.fromkeys(f for f in forms if len(f) > 1))


def surname_capitals(last: str) -> str:
    """A surname's capitalised words, its small particles off: "de La Tour" -> "La Tour",
    "de Saint-Rémy" -> "Saint-Rémy"."""
    return " ".join(w for w in last.split() if w[:1].isupper())


def _surname_initials(last: str) -> str:
    """"Garnier-Vidal" -> "G.-V.", "de Kersauson" -> "de K.", "d'Almeida" -> "d'A.":
    the particles kept."""
    words = []
    for word in last.split():
        if elided := re.match(r"[dD]['’](?=" + _UP + ")", word):
            words.append(elided.group() + _surname_initials(word[2:]))
        elif word.lower() in PARTICLES or not word[:1].isupper():
            words.append(word)
        else:
            words.append("-".join(f"{p[0]}." for p in word.split("-") if p))
    return " ".join(words)


def listed_forms(name: str) -> list[str]:
    """The forms of a person of ``personnes`` (pseudonymes.yml) searched whatever the
    notes or spaCy say: :func:`name_forms`, the initials of a compound or particle
    surname in every spelling (``S.G.-V.``, ``S. G.-V.``, ``SGV``, ``A. de K.``,
    ``TVdB`` of Thibault Van den Berghe), a compound first name's initials (``JB``),
    a civility and the surname's initial (``M. K``, ``Mme K.``), a digraph's initial
    (``Kh.``, ``Kh. Mansouri`` of Kheira Mansouri), and each
    capitalised word of a compound surname (``Garnier``, ``Vidal``, 3+ letters) or of
    a double one (``Conceição``, ``Ferreira``, 4+ letters).

    >>> {"S.G.-V.", "S. G.-V.", "SGV", "Garnier", "Vidal", "Mme G"} <= set(
    ...     listed_forms("Solène Garnier-Vidal"))
    True
    >>> {"Conceição", "Ferreira"} <= set(listed_forms("Maria da Conceição Ferreira"))
    True
    """
    forms = name_forms(name)
    first, last = split_name(name)
    if first and len(last.rstrip(".")) >= 2:
        dotted, bare = _initials(first)
        short = _surname_initials(last)
        forms += [f"{dotted}{short}", f"{dotted} {short}"]
        forms += surname_words(name)
        words = [w for w in re.split(r"[\s-]+", last) if w]
        if len(words) > 1:  # "TVdB" of Thibault Van den Berghe
            forms.append(bare + "".join(w[0] for w in words))
            short = bare + words[0][0]  # "OD" of Ophélie Da Costa: the first word only
            if words[0][:1].isupper() and short not in ACRONYMS | CAPITAL_WORDS:
                forms.append(short)
        if "-" in last:  # "IC-M" of Inès Carvalho-Mendes
            forms.append(bare + "-".join(w[0] for w in last.split("-") if w))
        if re.match(r"(?i)d['’]\w", last):  # "CHO" of Charles-Henri d'Ornano
            forms.append(bare + "".join(w[0] for w in re.split(r"[\s'’-]+", last[2:]) if w))
        if "-" in first.strip("-") and bare not in ACRONYMS:  # "JB" of Jean-Baptiste;
            forms.append(bare)  # not "LP" of Louis-Philippe, a lycée professionnel
        for short in diminutives(first):  # "Seb", "Seb Ollier" of Sébastien Ollier
            forms += [short, f"{short} {last}"]
        if re.match(r"[CKSTPG]h[^\W\d_]", first):  # "Kh.", "Ch. Martin": a digraph's
            forms += [f"{first[:2]}.", f"{first[:2]}. {last}"]  # initial, as signed
        forms += [f"{civility} {last.lstrip()[0]}{dot}"  # "M. K", "Mme K.", "Mlle K."
                  for civility in CIVILITIES for dot in ("", ".")]
    return list(dict.fromkeys(f for f in forms if len(f) > 1))


def surname_words(name: str) -> list[str]:
    """Each capitalised word of a compound surname (3 letters and more) or of a double
    one (4 and more), a form of a listed person alone; not "Tour" of "de La Tour", nor
    "Louis" of "Jean-Louis", a surname made of first names (Antilles, Guyane): alone,
    it is a Louis, or "Saint-Louis".

    >>> surname_words("Solène Garnier-Vidal"), surname_words("Maria da Conceição Ferreira")
    (['Garnier', 'Vidal'], ['Conceição', 'Ferreira'])
    >>> surname_words("Nelly Jean-Louis")
    []
    """
    first, last = split_name(name)
    if not first or len(last.rstrip(".")) < 2:
        return []
    words = [p for w in last.split() if "-" in w
             and not all(is_first_name(p) for p in w.split("-")) for p in w.split("-")
             if len(p) >= 3 and p[:1].isupper()]
    named = [w for w in last.split() if w[:1].isupper() and w.lower() not in PARTICLES]
    if len(named) > 1:  # a double surname
        words += [w for w in named if "-" not in w and len(w) >= 4]
    return words


def listed_handles(name: str) -> list[str]:
    """Lower-case forms of a person as a login or an address writes them: the first
    initial and surname run together ("vpy" of Valérie Py) or with a dot ("b.roux"),
    a compound surname squashed ("rouxlemaire"), the surname cut after 6 letters and
    more when long ("hrakoto" of Hélène Rakotomalala). Not two letters
    ("py" of Pierre-Yves is in any report's text). A listed person's are searched by
    the last pass; anyone else's of 7 letters and more by the rules.

    >>> listed_handles("Jean-Baptiste Thévenot")
    ['j.thévenot', 'jbthévenot', 'jthévenot', 'jthéven', 'jthéveno']
    >>> {"lbrunet", "lbrunetlefort", "brunetlefort", "l.brunet"} <= set(
    ...     listed_handles("Lucas Brunet-Lefort"))
    True
    >>> [h for h in listed_handles("Hélène Rakotomalala") if len(h) < 10]
    ['hrakoto', 'hrakotom', 'hrakotoma']
    """
    first, last = split_name(name)
    if not first or len(last.rstrip(".")) < 2:
        return []
    starts = {first[0], _initials(first)[1]}  # "vpy", "mcvasseur" of Marie-Claire Vasseur
    head = next((w for w in re.split(r"[\s'’-]+", last.strip()) if w.lower() not in PARTICLES),
                last)  # "goff" of Le Goff, not "le": "ale" is anything
    squashed = re.sub(r"[\s'’.-]+", "", last)
    surnames = {squashed, head}
    cuts = [head[:n] for n in range(6, len(head)) if len(head) >= 8]
    handles = {(a + b).lower() for a in starts for b in surnames  # "lbrunet" of
               if len(a + b) >= 3}  # Lucas Brunet-Lefort
    if squashed != last and len(squashed) >= 6:  # "rouxlemaire" of Bastien Roux-Lemaire
        handles.add(squashed.lower())
    handles |= {f"{first[0]}.{b}".lower() for b in surnames if len(b) >= 4}  # "b.rouxlemaire"
    return sorted(handles) + sorted({(first[0] + cut).lower() for cut in cuts} - handles,
                                    key=len)


# The short forms of months and days, in French and in the charts' English ("Mar"):
# never someone's nickname.
_CALENDAR = frozenset(
    strip_accents(w) for full in (*MONTH_LABELS, *WEEKDAYS) for w in (full[:3], full[:4])
) | frozenset(WORDS["calendar"]["english_month_abbreviations"])


def listed_nicknames(name: str) -> list[str]:
    """Short forms of a listed person's first name made up beyond the table, replaced
    only by the last pass, as written and when no French word (:func:`nicknames`):
    "Rod" of Rodrigue, "Gégé" of Gérard; never a month's or a day's ("Mar" of Mariama).
    The leak check does not search them: a report's own words may be one.

    >>> listed_nicknames("Gérard Castagnet"), listed_nicknames("Mariama Traoré")
    (['Gér', 'Gégé'], ['Mama'])
    """
    first = split_name(name)[0]
    return [short for short in (nicknames(first) if first else [])
            if strip_accents(short.lower()) not in _CALENDAR]


def compound_initials(name: str, form: str) -> bool:
    """Is ``form`` the two initials of ``name``'s compound first name ("JB", "jb")?"""
    first = split_name(name)[0]
    return "-" in first.strip("-") and len(form) == 2 and form.upper() == _initials(first)[1]


def short_initials(name: str) -> set[str]:
    """The initials of 2 or 3 letters of a first name and surname, in capitals: of the
    surname's first word, or of all its words ("HCB" of Hélène Castagné-Bouvier).

    >>> sorted(short_initials("Jean-Baptiste Oyono")), sorted(short_initials("Maëlle Kergoat"))
    (['JB', 'JBO'], ['MK'])
    >>> sorted(short_initials("Youssef El Amrani"))
    ['YE', 'YEA']
    """
    first, last = split_name(name)
    words = [w for w in re.split(r"[\s-]+", last) if w[:1].isupper()]
    if not first or not words or len(last.rstrip(".")) < 2:
        return set()
    bare = _initials(first)[1]  # "JB" of Jean-Baptiste, "MK" of Maëlle Kergoat
    whole = bare + "".join(w[0] for w in words)  # "YEA" of Youssef El Amrani
    return {pair for pair in {fold_keep_case(bare + words[0][0]), fold_keep_case(bare),
                              fold_keep_case(whole)}
            if len(pair) in (2, 3) and pair.isalpha()}
