"""Line-level noise and labels: timestamps, ``(done)``, ``=> Fait``, ``Méta :``.

These helpers take the plain text of one line and return what it says apart
from its text: a time of day (leading, or a trailing ``=> 15:54``), a marker
(done, todo, or an ``=>``/``->`` arrow opening the line), a label before a
colon, and ``#tags`` at the end.

Example:
    >>> split_time("15:49: il existe une trame")
    ('15:49', 'il existe une trame')
    >>> split_time("je clique sur l'accueil => 15:54")
    ('15:54', "je clique sur l'accueil")
    >>> split_time("=> 15:58")
    ('15:58', '=> 15:58')
    >>> split_time("12/03/2024 14:07 - Rachid: je passe au chantier")
    ('14:07', 'Rachid: je passe au chantier')
    >>> split_marker("Remonter les cartes des persona (done).")
    ('done', 'Remonter les cartes des persona.')
    >>> split_marker("-> ajouter un lien vers le bilan")
    ('arrow', 'ajouter un lien vers le bilan')
    >>> split_label("Acheteur : on va vous reproposer un profil")
    ('Acheteur', 'on va vous reproposer un profil')
    >>> split_tags("On a relancé trois fois. #relance #outillage/kit")
    (['relance', 'outillage/kit'], 'On a relancé trois fois.')
"""
from __future__ import annotations

import re

_TIME_RE = re.compile(r"^\s*(\d{1,2})\s*[:h]\s*(\d{2})\s*(?:\s*:\s+|\s*:$|\s+(?=\S))")
# A chat export's stamp: "[12/03/2024 14:02] " or "[12/03/24, 14:05:33] " (WhatsApp on an
# iPhone), "12/03/2024 14:07 - " (on Android), "[14:02] " (Slack or Teams copied), before
# its author and a colon; "[00:00] Bon." of a transcript is no message.
_DAY = r"\d{1,2}/\d{1,2}(?:/\d{2}(?:\d{2})?)?"
_DAY_THEN = _DAY + r",?\s+(?:à\s+)?"
_CHAT_RE = re.compile(r"^\s*(\[)?(?(1)(?:" + _DAY_THEN + r")?|" + _DAY_THEN + r")"
                      r"(\d{1,2})[:h](\d{2})(?::\d{2})?(?(1)\]|\s+-)\s+(?:~\s*)?"  # "~ Saveriu":
                      r"(?=[^:\s~][^:\n]{0,40}:)")  # WhatsApp's author of no contact
_MARKUP_RE = re.compile(r"^\s*(?:[-*+>]\s+)*[*_]{0,2}")  # "- ", "> ", "**" before a stamp
_TRAILING_TIME_RE = re.compile(r"\s*(?:=+>|-+>|→)\s*(\d{1,2})\s*[:h]\s*(\d{2})\s*$")
# What a pattern anchored at the line's end looks at: searching a whole 50 KB line
# of "-" for "-+>...$" is quadratic (a trailing "=> 15:54" is short).
_TAIL = 80
_ARROW = r"(?:=+>|-+>|→|⇒)"
_MARKER_RES = (
    (re.compile(r"\s*\((?:done|fait|ok|termin[ée]e?)\)", re.IGNORECASE), "done"),
    (re.compile(r"\s*" + _ARROW + r"\s*(?:fait|done|ok|termin[ée]e?)\s*\.?\s*$",
                re.IGNORECASE), "done"),
    (re.compile(r"^\s*\[[xX]\]\s+"), "done"),
    (re.compile(r"^\s*\[ \]\s+"), "todo"),
    (re.compile(r"^\s*" + _ARROW + r"\s*"), "arrow"),
)
STARTS_WITH_ARROW = re.compile(r"^\s*" + _ARROW)
_LABEL_RE = re.compile(r"^\s*([^:]{1,60}?)\s*:\s*(\S.*)$")
_TAGS_RE = re.compile(r"(?:(?<=\s)|^)((?:#[^\W\d_][\w/-]*\s*)+)$")
# A text that ends a sentence: "... fin.", "... eux.\"", "... (fait !)"; search it.
ENDS_SENTENCE = re.compile(r"[.!?…]+[\"'»)\]]*\s*$")


def split_time(text: str) -> tuple[str, str]:
    """Split a leading time of day (``15:42 :``), a chat message's stamp (its date goes
    with it), or a trailing ``=> 15:54``, off the line."""
    match = _CHAT_RE.match(text)
    if match and int(match.group(2)) <= 23 and int(match.group(3)) <= 59:
        return f"{int(match.group(2)):02d}:{match.group(3)}", text[match.end():]
    match = _TIME_RE.match(text)
    if match and int(match.group(1)) <= 23 and int(match.group(2)) <= 59:
        return f"{int(match.group(1)):02d}:{match.group(2)}", text[match.end():]
    match = _TRAILING_TIME_RE.search(text, max(0, len(text) - _TAIL))  # ends the line
    if match and int(match.group(1)) <= 23 and int(match.group(2)) <= 59:
        # "=> 14:58" alone: the time is noted, and the line kept as written
        return f"{int(match.group(1)):02d}:{match.group(2)}", text[:match.start()] or text
    return "", text


def is_chat_message(text: str) -> bool:
    """Does the line open with a chat export's stamp (``[12/03/2024 14:02] Thib: ...``),
    maybe as a list item, a quote or in bold, as the raw lines of a note have it?"""
    return _CHAT_RE.match(_MARKUP_RE.sub("", text, count=1)) is not None


def split_marker(text: str) -> tuple[str, str]:
    """Remove ``(done)``, ``=> Fait``, ``[x]``, ``[ ]`` or a leading ``=>``; return
    (marker, text): ``done``, ``todo``, ``arrow`` or ``""``."""
    for pattern, marker in _MARKER_RES:
        if pattern.search(text):
            return marker, pattern.sub("", text, count=1).strip()
    return "", text


def split_label(text: str) -> tuple[str, str]:
    """Split ``Label : rest`` into its two parts, or return ``("", text)``."""
    match = _LABEL_RE.match(text)
    if not match or "http" in match.group(1).lower() or re.search(r"\d$", match.group(1)):
        return "", text
    return match.group(1).strip(" *_"), match.group(2)


def split_tags(text: str) -> tuple[list[str], str]:
    """Take ``#tags`` off the end of a statement; return (tags, text)."""
    match = _TAGS_RE.search(text)
    if not match:
        return [], text
    tags = [t.lstrip("#").strip("/-").lower() for t in match.group(1).split()]
    return [t for t in tags if t], text[: match.start()].rstrip()
