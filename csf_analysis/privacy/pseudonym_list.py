"""The team's list of names, ``pseudonymes.yml`` in the notes folder.

Three keys, each a list; an entry is a name, or ``name: pseudonym`` to force
the pseudonym it is given::

    personnes:            # always replaced: full names (first name and surname alone too)
      - Camille Lefèvre
      - Hugo Marchand: Enquêteur 1
      - Gérard Castagnet (Gégé, Gg)   # and the other names the notes give them
    organisations:        # replaced with --pseudonymise-organisations
      - Boulangerie Martin
    exemptes:             # never replaced (places, schools named after people...)
      - Jules Ferry

A file that breaks this shape raises :class:`PseudonymListError`, whose message
(in French, for the team) names the file, the line and what to write instead.

Example:
    >>> import tempfile
    >>> from pathlib import Path
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / LIST_FILE).write_text("personnes:\\n  - Camille Lefèvre\\n"
    ...                                     "  - Hugo Marchand: Enquêteur 1\\n")
    >>> load_pseudonym_list(folder).people
    {'Camille Lefèvre': '', 'Hugo Marchand': 'Enquêteur 1'}
    >>> _ = (folder / LIST_FILE).write_text("personnes:\\n  - Gérard Castagnet (Gégé, Gg)\\n")
    >>> load_pseudonym_list(folder).aliases
    {'Gérard Castagnet': ['Gégé', 'Gg']}
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

__all__ = ["KEYS", "LIST_FILE", "PseudonymList", "PseudonymListError", "load_pseudonym_list"]

LIST_FILE = "pseudonymes.yml"
KEYS = {"personnes": "people", "organisations": "organisations", "exemptes": "exempt"}
_EXAMPLE = ("par exemple :\n  personnes:\n    - Camille Lefèvre\n"
            "    - Hugo Marchand: Enquêteur 1")


class PseudonymListError(ValueError):
    """``pseudonymes.yml`` is unreadable or not in the expected shape."""


@dataclass(frozen=True)
class PseudonymList:
    """What the team listed: name -> forced pseudonym ("" to let the toolkit choose)."""

    people: dict[str, str] = field(default_factory=dict)
    organisations: dict[str, str] = field(default_factory=dict)
    exempt: dict[str, str] = field(default_factory=dict)
    path: Path | None = None
    aliases: dict[str, list[str]] = field(default_factory=dict)  # person -> other names


def load_pseudonym_list(notes_dir: str | Path) -> PseudonymList:
    """Read ``notes_dir/pseudonymes.yml``; an empty list when there is none.

    Raises:
        PseudonymListError: the file is not valid YAML or not in the shape above.
    """
    path = Path(notes_dir) / LIST_FILE
    if not path.is_file():
        return PseudonymList()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise PseudonymListError(f"{path} : illisible ({error}) : enregistrez-le en UTF-8") \
            from None
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f", ligne {mark.line + 1}" if mark else ""
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise PseudonymListError(
            f"{path}{where} : YAML invalide ({problem}) : vérifiez l'indentation, "
            f"les deux-points et les tirets, {_EXAMPLE}") from None
    if root is None:
        return PseudonymList(path=path)
    _expect(root, yaml.MappingNode, path, "le fichier doit être un dictionnaire de listes "
            f"(clés {', '.join(KEYS)})")
    lists: dict[str, dict[str, str]] = {}
    for key_node, value_node in root.value:
        key = str(key_node.value)
        if key not in KEYS:
            raise PseudonymListError(
                f"{path}, ligne {key_node.start_mark.line + 1} : clé « {key} » inconnue : "
                f"écrivez l'une de {', '.join(KEYS)}")
        lists[KEYS[key]] = _entries(value_node, path, key)
    people: dict[str, str] = {}
    aliases: dict[str, list[str]] = {}
    for written, pseudonym in lists.get("people", {}).items():
        name, others = _aliases(written)
        people[name] = pseudonym
        if others:
            aliases.setdefault(name, []).extend(others)
    if "people" in lists:
        lists["people"] = people
    return PseudonymList(**lists, path=path, aliases=aliases)


_ALIASES_RE = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<others>[^()]*)\)$")


def _aliases(written: str) -> tuple[str, list[str]]:
    """"Gérard Castagnet (Gégé, Gg)" -> ("Gérard Castagnet", ["Gégé", "Gg"])."""
    match = _ALIASES_RE.match(written)
    if not match:
        return written, []
    others = [" ".join(o.split()) for o in re.split(r"[,;/]", match.group("others"))]
    return match.group("name"), [o for o in others if len(o) >= 2]


def _expect(node, kind, path: Path, what: str) -> None:
    if not isinstance(node, kind):
        raise PseudonymListError(f"{path}, ligne {node.start_mark.line + 1} : {what}")


def _entries(node, path: Path, key: str) -> dict[str, str]:
    """The entries of one list: ``- Name`` or ``- Name: Pseudonym``."""
    if isinstance(node, yaml.ScalarNode) and node.value in ("", "~", "null"):
        return {}  # "personnes:" with nothing under it yet
    _expect(node, yaml.SequenceNode, path,
            f"« {key} » doit être une liste, une entrée par ligne commençant par « - »")
    entries: dict[str, str] = {}
    for item in node.value:
        if isinstance(item, yaml.MappingNode) and len(item.value) == 1:
            (name_node, pseudo_node), = item.value
            _expect(pseudo_node, yaml.ScalarNode, path,
                    f"le pseudonyme de « {name_node.value} » doit être un simple texte")
            name, pseudonym = _text(name_node, path, key), str(pseudo_node.value).strip()
            if key == "exemptes" and pseudonym:
                raise PseudonymListError(
                    f"{path}, ligne {item.start_mark.line + 1} : un nom exempté n'a pas de "
                    f"pseudonyme : écrivez « - {name} » seul")
        elif isinstance(item, yaml.ScalarNode):
            name, pseudonym = _text(item, path, key), ""
        else:
            raise PseudonymListError(
                f"{path}, ligne {item.start_mark.line + 1} : entrée de « {key} » inattendue : "
                "écrivez « - Prénom Nom » ou « - Prénom Nom: Pseudonyme », une par ligne")
        entries[name] = pseudonym
    return entries


def _text(node, path: Path, key: str) -> str:
    name = " ".join(str(node.value).split())
    if not name or not any(ch.isalpha() for ch in name):
        raise PseudonymListError(
            f"{path}, ligne {node.start_mark.line + 1} : entrée vide ou sans lettre dans "
            f"« {key} » : écrivez un nom, ou supprimez la ligne")
    return name
