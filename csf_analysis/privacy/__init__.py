"""Privacy: tables -> the same tables with every person's name replaced.

In: the tables of a corpus, the notes they came from and the team's list
``pseudonymes.yml``. ``people`` finds who is a person (the list, the
writing, spaCy's entities in ``name_model``); ``name_forms`` derives the
written forms of each name; ``replacer`` replaces them, e-mail addresses and
phone numbers; ``pseudonymise`` ties it together. Out: pseudonymised tables
and a correspondence table; ``leaks`` then searches the finished outputs
and refuses to publish one that still names someone.

Example:
    >>> from csf_analysis.privacy.replacer import Replacer
    >>> Replacer({"Yannick Morel": "Personne A"}).text("Vu avec Yannick Morel.")
    'Vu avec Personne A.'
"""
