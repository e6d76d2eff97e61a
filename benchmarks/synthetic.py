"""Synthetic interview notes in the team's style, for benchmarks and tests.

The notes imitate what the parser meets in the team's notes (DESIGN.md, "What
the notes look like") without copying any of them: files that hold a guide,
a contact e-mail, a contact log and several interviews under clause-marker or
dated headings; one-interview files with a dated name and no heading; files
with YAML front matter; labels, speakers, debriefs, timestamps, ``(done)``,
rules, emphasis, lazy list continuations, ``#tags``, typos, and a few cp1252
(Windows) or UTF-8-with-BOM files. Sentences are French templates filled
with vocabulary, so a corpus has a realistic lexical variety. Each note
depends only on the seed and its index, so a corpus can grow one note at a
time (``start=``) without changing the notes already written.

Example:
    >>> import tempfile
    >>> paths = generate_corpus(tempfile.mkdtemp(), 3, seed=1, words_per_note=200)
    >>> [path.suffix for path in paths]
    ['.md', '.md', '.md']
    >>> generate_note(7, seed=1).data == generate_note(7, seed=1).data
    True

Command line::

    python -m benchmarks.synthetic OUT_DIR -n 1000 --seed 0
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

# --- Vocabulary ----------------------------------------------------------------
# People carry their grammatical gender: "{jeune} est parti{e}".
PEOPLE: dict[str, tuple[tuple[str, str], ...]] = {
    "jeune": (
        ("la jeune", "e"), ("le jeune", ""), ("notre stagiaire", ""), ("la stagiaire", "e"),
        ("l'élève", ""), ("le lycéen", ""), ("la lycéenne", "e"), ("la jeune fille", "e"),
        ("le garçon qu'on a reçu", ""), ("la décrocheuse", "e"), ("le décrocheur", ""),
        ("le jeune de {age} ans", ""), ("la jeune de {age} ans", "e"), ("ce jeune", ""),
    ),
}

VOCAB: dict[str, tuple[str, ...]] = {
    "acteur": (
        "la tutrice", "le coordinateur MLDS", "la coordinatrice", "l'acheteuse", "l'acheteur",
        "le service achats", "la cellule juridique", "le rectorat", "la DSDEN", "le CIO",
        "la mission locale", "le référent du marché", "la responsable RH", "le chef de projet",
        "notre directeur", "l'équipe CSF", "le lycée d'origine", "le CPE",
        "la psychologue de l'Éducation nationale", "l'association partenaire",
        "la tutrice pilote", "le chargé de mission", "la plateforme de suivi",
    ),
    "service": (
        "la comptabilité", "l'accueil", "le service informatique", "la logistique", "l'atelier",
        "le magasin", "le support client", "la maintenance", "les ressources humaines",
        "le service commercial", "l'entrepôt", "la reprographie", "le standard",
        "les espaces verts", "la cuisine centrale", "le bureau d'études", "le service paie",
    ),
    "tache": (
        "classer les factures", "préparer les commandes", "répondre au téléphone",
        "saisir les bons de livraison", "installer des postes", "ranger le stock",
        "accueillir les clients", "mettre à jour les fiches produits", "faire l'inventaire",
        "trier le courrier", "accompagner les techniciens", "tenir le planning",
        "numériser les archives", "contrôler les livraisons", "entretenir les machines",
        "monter des meubles", "tester des applications", "préparer les salles de réunion",
        "relire les devis", "suivre les colis",
    ),
    "metier": (
        "la comptabilité", "la vente", "la logistique", "l'électricité", "la mécanique",
        "le secrétariat", "l'informatique", "la restauration", "le commerce", "l'imprimerie",
        "le bâtiment", "les métiers du numérique", "l'hôtellerie", "la menuiserie",
        "le nettoyage industriel", "la sécurité incendie",
    ),
    "frein": (
        "le manque de retour", "la lenteur des échanges", "la peur de mal faire",
        "le transport jusqu'au site", "les horaires décalés", "l'absence de référent",
        "la charge de travail", "le calendrier scolaire", "les papiers à remplir",
        "la convention de stage", "le manque de visibilité sur le profil",
        "le turnover dans l'équipe", "les délais de réponse",
        "la distance entre le lycée et l'entreprise", "les vacances scolaires",
        "la multiplication des interlocuteurs", "le flou sur les pénalités",
    ),
    "proposition": (
        "envoyer une fiche de présentation du jeune avant son arrivée",
        "désigner un seul interlocuteur pour toute la durée du marché",
        "faire un point téléphonique chaque semaine",
        "proposer une visite de l'entreprise avant le stage",
        "préparer un kit d'accueil pour les tuteurs",
        "raccourcir le délai entre la candidature et le rendez-vous",
        "prévenir l'entreprise dès que le jeune abandonne",
        "donner des exemples de missions possibles",
        "rappeler les pénalités au moment de la notification",
        "former les acheteurs à la clause", "organiser un bilan à mi-parcours",
        "mettre en ligne un calendrier partagé",
        "relancer les entreprises par téléphone plutôt que par mail",
        "regrouper les heures sur une seule période",
        "laisser plus de souplesse sur les horaires", "associer les parents au démarrage",
        "faire témoigner d'anciens stagiaires", "simplifier la convention",
        "expliquer le rôle de la MLDS dès l'appel d'offre",
        "valoriser les entreprises qui jouent le jeu",
        "tenir un historique de chaque parcours", "partager les coordonnées des tutrices",
    ),
    "emotion": (
        "frustrant", "encourageant", "décevant", "rassurant", "stressant", "motivant",
        "gratifiant", "déstabilisant", "épuisant", "touchant", "agaçant", "plutôt positif",
        "compliqué à vivre", "enrichissant",
    ),
    "emotion_f": (
        "surprise", "déçue", "touchée", "rassurée", "agacée", "soulagée", "démotivée",
        "bousculée",
    ),
    "progres": (
        "prendre confiance", "arriver à l'heure tous les jours", "parler aux clients",
        "poser des questions", "s'intéresser au métier", "reprendre un projet de formation",
        "retrouver le goût de l'école", "s'intégrer dans l'équipe", "proposer ses idées",
        "prendre la parole en réunion", "se débrouiller seul avec le logiciel",
        "demander un contrat d'apprentissage", "déjeuner avec l'équipe",
        "expliquer son travail à sa famille", "viser un bac pro",
    ),
    "moment": (
        "la notification", "la réponse à l'appel d'offre", "le premier contact",
        "la rentrée de septembre", "le positionnement du jeune", "la signature de la convention",
        "la fin du stage", "l'arrivée du jeune", "la relance des achats",
        "la première semaine", "la réunion de bilan", "la visite du site",
        "l'entretien de présentation", "la remise de l'attestation",
    ),
    "evenement": (
        "signature de la convention", "premier rendez-vous avec {acteur}",
        "notification du marché", "arrivée de {jeune}", "relance de {acteur}",
        "envoi des CV par {acteur}", "annulation du rendez-vous", "réunion de lancement",
        "départ de {jeune}", "bilan avec {acteur}", "changement d'interlocuteur",
    ),
    "vision": (
        "une contrainte administrative", "une obligation du marché", "une bonne action",
        "une façon de recruter", "un engagement citoyen", "une case à cocher",
        "un dispositif mal connu", "une charge en plus", "une chance pour les jeunes",
        "une expérimentation", "un levier de recrutement", "une démarche RSE",
        "un geste pour le territoire", "une formalité juridique",
    ),
    "cliche": (
        "ne veulent rien faire", "ne pensent qu'à l'argent",
        "posent des problèmes de comportement", "manquent de motivation",
        "n'arrivent pas à se lever le matin", "sont difficiles à encadrer",
        "ont des soucis avec la justice", "ne savent pas ce qu'ils veulent",
        "passent leur temps sur leur téléphone", "ont été exclus de leur lycée",
    ),
    "qualite": ("motivé{e}", "appliqué{e}", "réservé{e}", "passionné{e}", "investi{e}",
                "organisé{e}", "fatigué{e}", "perdu{e}", "curieu{x}"),
    "sigle": ("la MLDS", "la CSF", "un parcours de remobilisation", "un CIO",
              "la clause sociale de formation", "une immersion professionnelle",
              "le kit acheteur", "la plateforme des parcours", "la fiche entreprise"),
    "poste": (
        "responsable des ressources humaines", "gérant", "assistante de direction",
        "chef d'équipe", "responsable des achats", "tutrice MLDS", "coordinatrice de district",
        "chargée de mission", "directeur d'agence", "conducteur de travaux",
        "acheteuse publique", "responsable qualité", "office manager",
    ),
    "perimetre": (
        "le recrutement et la paie", "tout le suivi des marchés publics",
        "une quarantaine de dossiers", "les stagiaires de toute l'agence",
        "la relation avec les clients publics", "le planning des équipes",
        "les entretiens annuels", "la formation continue", "l'accueil des alternants",
        "les appels d'offres", "la sécurité des chantiers",
    ),
    "client": ("des collectivités", "des ministères", "des hôpitaux",
               "des établissements scolaires",
               "des grands comptes", "des universités", "des bailleurs sociaux",
               "des opérateurs de l'État", "des PME de la région", "des musées"),
    "besoin": (
        "plus d'informations sur le jeune", "un interlocuteur unique", "préparer l'entreprise",
        "un calendrier clair", "des retours rapides", "des exemples concrets",
        "un suivi après le stage", "une présentation du dispositif",
        "un contact direct avec la tutrice", "savoir qui paie quoi",
        "un modèle de convention", "une date de démarrage ferme",
        "comprendre les pénalités", "un bilan écrit",
    ),
    "theme": ("le parcours du jeune", "les pénalités", "le rôle de l'acheteur",
              "la durée du stage",
              "la fiche entreprise", "le suivi", "les montants", "la convention",
              "les horaires", "la gratification", "l'assurance", "le tutorat",
              "les missions confiées", "la fin de parcours"),
    "objet": ("la clause", "votre marché", "l'accueil du jeune", "vos heures d'immersion",
              "la fiche entreprise", "le parcours", "la convention", "le tutorat",
              "vos relations avec la MLDS", "le calendrier du stage"),
    "canal": ("au téléphone", "en visio", "dans les locaux de l'entreprise", "sur jitsi",
              "au lycée", "dans un café près du rectorat"),
    "meta_obj": ("le format court", "les questions concrètes", "qu'on parte des faits",
                 "de pouvoir parler librement", "la possibilité de relire les notes",
                 "qu'on prenne le temps", "le ton de l'échange", "qu'on soit deux",
                 "les exemples d'autres entreprises", "la relance par mail"),
    "lien": ("le bouton contact", "la page acheteur", "la foire aux questions",
             "le formulaire en ligne",
             "la frise", "le modèle de clause", "la fiche entreprise", "le menu du haut",
             "la page à propos", "les témoignages", "la carte des parcours", "le pied de page"),
    "info": ("le volume horaire", "le rôle de la MLDS", "un exemple de convention",
             "les coordonnées de la tutrice", "la liste des missions", "le calendrier",
             "le montant des pénalités", "le nom du référent", "la durée minimale",
             "un modèle de fiche", "les étapes du parcours", "le lien vers le formulaire"),
    "ville": ("Lyon", "Lille", "Nantes", "Rennes", "Bordeaux", "Toulouse", "Grenoble", "Dijon",
              "Strasbourg", "Rouen", "Amiens", "Poitiers", "Limoges", "Besançon", "Nancy",
              "Orléans", "Clermont-Ferrand", "Caen", "Reims", "Créteil", "Versailles"),
    "prestation": ("Fourniture de", "Maintenance de", "Nettoyage de", "Location de",
                   "Hébergement de", "Transport de", "Entretien de", "Gardiennage de",
                   "Réparation de", "Installation de"),
    "objet_marche": ("matériel informatique", "mobilier scolaire", "véhicules utilitaires",
                     "locaux administratifs", "copies d'examen", "serveurs applicatifs",
                     "équipements de cuisine", "photocopieurs", "ascenseurs", "sites web",
                     "archives papier", "postes de téléphonie"),
    "destinataire": ("pour les services centraux", "pour le rectorat de {ville}",
                     "pour l'académie de {ville}", "(lot n°{k})", "des sites de {ville}",
                     "pour les examens et concours"),
    "lycee": ("Jean Moulin", "Victor Hugo", "Jules Ferry", "Marie Curie", "Louise Michel",
              "Gustave Eiffel", "Paul Langevin", "Simone Veil", "Condorcet", "Voltaire",
              "Jean Jaurès", "Camille Claudel", "Les Iris", "du Parc"),
    "prenom": ("Camille", "Julien", "Sophie", "Karim", "Nadia", "Thomas", "Élodie", "Mehdi",
               "Claire", "Bastien", "Inès", "Hugo", "Léa", "Samir"),
}

# Every template has two slots or more, so that 100,000 sentences rarely repeat
# one another by chance (the toolkit flags repeated statements as duplicates).
TEMPLATES: dict[str, tuple[str, ...]] = {
    "facts": (
        "{date_cap} : {evenement}.",
        "{jeune_cap} est resté{e} {duree} à {service} puis ne s'est plus présenté{e}.",
        "On a accueilli {jeune} à {service} pendant {duree}.",
        "Sur les {heures} heures prévues, {fait} ont été faites {date}.",
        "{acteur_cap} nous a contactés {date} au sujet de {theme}.",
        "Le marché court encore {duree} et {acteur} ne nous a rien proposé.",
        "On a eu {k} candidats pour {metier} et un seul est venu au rendez-vous.",
        "Il a fallu {duree} pour obtenir une réponse de {acteur}.",
        "{jeune_cap} devait {tache} avec un tuteur de {service}.",
        "On a relancé {acteur} {k} fois en {duree} sans réponse.",
        "Depuis {date}, plus aucune nouvelle de {acteur}.",
        "Le rendez-vous a eu lieu {date} en présence de {acteur}.",
        "Il reste {fait} heures à faire avant {moment}.",
        "{jeune_cap} a surtout appris à {tache} et à {tache}.",
        "On a attendu {duree} avant que {acteur} envoie un premier profil.",
        "La convention a été signée {date}, soit {duree} après la notification.",
        "{acteur_cap} a changé {k} fois depuis {date}.",
        "Le premier jour, {jeune} est arrivé{e} avec {acteur} à {service}.",
        "On a provisionné le salaire du stagiaire dès {date}.",
        "Les CV sont passés par {acteur} et par {acteur} avant d'arriver chez nous.",
        "{jeune_cap} venait {k} jours par semaine pour {tache}.",
        "{acteur_cap} a annulé le rendez-vous {date} à cause de {frein}.",
    ),
    "representation": (
        "Pour nous la clause c'était d'abord {vision}, surtout dans {metier}.",
        "Je pensais que {acteur} allait nous envoyer des profils pour {service}.",
        "On imagine souvent que les jeunes suivis par {acteur} {cliche}.",
        "En réalité {jeune} était très {qualite} et voulait {tache}.",
        "Personne à {service} ne savait ce qu'était {sigle}.",
        "C'est un public qu'on ne connaît pas du tout dans {metier}, ni à {service}.",
        "Je vois {sigle} comme {vision}, pas comme {vision}.",
        "À mon avis le problème vient surtout de {frein} et de {frein}.",
        "Dans une structure comme la nôtre, {tache} avec {jeune} c'est déjà beaucoup demander.",
        "On croyait que {acteur} s'occupait de tout le suivi de {jeune}.",
        "Le but c'est de redonner confiance à {jeune}, pas de lui faire {tache}.",
        "Ce n'est pas notre métier de faire de l'insertion dans {metier}, "
        "mais on veut bien essayer avec {acteur}.",
        "Pour moi {jeune} n'avait pas sa place à {service}.",
        "L'idée de {sigle} est bonne, c'est {frein} qui coince.",
        "{acteur_cap} dit que de plus en plus d'élèves de {ville} "
        "quittent le lycée sans diplôme.",
        "J'ai compris assez tard que {sigle} n'était pas un recrutement pour {service}.",
    ),
    "feelings": (
        "J'ai trouvé ça {emotion} au moment de {moment}.",
        "C'était {emotion} de voir {jeune} {progres}.",
        "On s'est sentis un peu seuls face à {frein} et à {frein}.",
        "Je garde un bon souvenir de {moment} avec {jeune}.",
        "Quand {jeune} est parti{e} de {service}, on l'a vécu comme un échec.",
        "On avait vraiment envie que ça marche avec {jeune} à {service}.",
        "{acteur_cap} trouvait ça {emotion} après {moment}, et je partage ce sentiment.",
        "Je me suis sentie démunie face à {frein} quand {jeune} est arrivé{e}.",
        "Ça fait plaisir d'avoir enfin un retour positif de {acteur} sur {jeune}.",
        "L'équipe de {service} a été {emotion_f} par {jeune}.",
        "Honnêtement, {frein} m'a beaucoup pesé pendant {duree}.",
        "On est contents de l'avoir fait malgré {frein} et {frein}.",
        "Je n'ai pas grand-chose de positif à dire sur {moment} avec {acteur}.",
        "Ce qui m'a marqué, c'est de voir {jeune} {progres} en {duree}.",
    ),
    "context": (
        "Je suis {poste} depuis {duree} dans une société de {n} salariés.",
        "L'entreprise compte {n} salariés répartis sur {k} sites autour de {ville}.",
        "Je gère seule {perimetre} et {perimetre}.",
        "On travaille surtout pour {client} dans {metier}.",
        "Notre activité principale c'est {metier}, avec un peu de {metier}.",
        "Je dépends directement de {acteur} et je rends compte à {acteur}.",
        "Avant j'étais dans {metier}, je suis arrivée ici {date}.",
        "On est {k} à s'occuper des marchés publics pour {client}.",
        "Je n'ai pas le temps de suivre {perimetre} en plus de {perimetre}.",
        "La société a été rachetée {date} par un groupe de {ville}.",
        "Je suis {poste} à {ville} et je m'occupe de {perimetre}.",
    ),
    "suggestions": (
        "Il faudrait {proposition} dès {moment}.",
        "Ce serait bien de {proposition} pour {jeune}.",
        "{proposition_cap} avant {moment}.",
        "Pourquoi ne pas {proposition} avec {acteur} ?",
        "J'aimerais qu'on puisse {proposition} au moment de {moment}.",
        "On pourrait {proposition} dès {moment}.",
        "Il faudrait aussi penser à {proposition} et à {proposition}.",
        "Le mieux serait que {acteur} puisse {proposition}.",
        "{acteur_cap} devrait {proposition}.",
        "Pour {service}, il faudrait {proposition}.",
    ),
    "meta": (
        "J'ai apprécié {meta_obj} et {meta_obj}.",
        "Entretien réalisé {canal} {date}, environ {minutes} minutes.",
        "La connexion a coupé {k} fois pendant la partie sur {theme}.",
        "Les questions sur {theme} étaient difficiles à comprendre pour {acteur}.",
        "L'interviewé{e} avait préparé des notes sur {theme} et sur {theme}.",
    ),
    "debrief": (
        "Reformuler la question sur {theme} pour {acteur}.",
        "Commencer par {theme} plutôt que par {theme}.",
        "On retrouve {frein}, comme avec {acteur}.",
        "Piste : {proposition} avec {acteur}.",
        "Vérifier auprès de {acteur} les dates annoncées pour {moment}.",
        "Point commun avec l'entretien de {ville} : {frein}.",
        "Le rôle de {acteur} reste flou pour l'interviewé{e} sur {theme}.",
        "Poser plus de questions sur {theme} et sur {theme}.",
        "Effet miroir avec ce que dit {acteur} sur {frein}.",
    ),
    "takeaway": (
        "{vision} plutôt que {vision}",
        "{frein} revient encore chez {acteur}",
        "besoin de {besoin} du côté de {acteur}",
        "l'entreprise attend que {acteur} la contacte pour {theme}",
        "{jeune} a fini par {progres}",
        "personne ne sait à qui s'adresser pour {theme} à {ville}",
        "préparer {service} autant que {jeune}",
    ),
    "question": (
        "Où en êtes-vous de {objet} depuis {moment} ?",
        "Comment avez-vous découvert {sigle} et {sigle} ?",
        "Qu'est-ce qui vous a surpris au moment de {moment} avec {acteur} ?",
        "Qui est votre interlocuteur pour {theme} du côté de {acteur} ?",
        "Que changeriez-vous dans {objet} pour {service} ?",
        "Combien de temps faut-il pour {tache} à {service} ?",
        "Comment se passe {moment} avec {acteur} ?",
        "Quelles questions vous posez-vous encore sur {theme} et {theme} ?",
    ),
    "clic": (
        "je clique sur {lien} pour trouver {info}",
        "je reviens sur {lien} depuis {lien}",
        "je cherche {info} dans {lien}",
        "je ne trouve pas {info} sur {lien}",
        "je lis la page sur {sigle} en diagonale, je cherche {info}",
        "là je m'attendais à trouver {info} et {info}",
        "je retourne à l'accueil puis sur {lien}, toujours pour {info}",
    ),
}

# Complements sometimes added to a noun phrase: "la tutrice" -> "la tutrice de Caen".
QUALIFIERS: dict[str, tuple[str, ...]] = {
    "acteur": (" de {ville}", " de l'académie de {ville}", " du lycée {lycee}",
               " du bassin de {ville}"),
    "service": (" de {ville}", " du site de {ville}", " de l'agence de {ville}", " du siège"),
    "jeune": (" du lycée {lycee}", " de {ville}", " orienté{e} par {acteur}"),
    "frein": (" avec {acteur}", " à {ville}", " pendant {duree}", " du côté de {service}"),
    "proposition": (" pour {service}", " avec {acteur}", " à {ville}", " sur {theme}"),
    "metier": (" à {ville}", " pour {client}", " en alternance"),
    "sigle": (" de {ville}", " de l'académie de {ville}", " version {k}"),
    "perimetre": (" à {ville}", " pour {client}", " depuis {duree}"),
    "client": (" de {ville}", " autour de {ville}", " en Île-de-France"),
    "poste": (" à {ville}", " pour {client}", " sur le site de {ville}"),
    "theme": (" pour {service}", " à {ville}", " avec {acteur}"),
    "lien": (" en haut à droite", " dans le menu", " en bas de la page", " de la page {sigle}",
             " à côté de {lien}"),
    "info": (" pour un marché de {objet_marche}", " pour {metier}", " à {ville}"),
}
OPENERS = ("Au début, ", "En fait, ", "Franchement, ", "{date_cap}, ", "Du coup, ",
           "Pour être honnête, ", "Par contre, ", "Au final, ", "À l'époque, ",
           "Avec {acteur}, ", "Depuis {duree}, ", "Pour {jeune}, ", "Dans {metier}, ",
           "{date_cap}, ", "Après {duree}, ")
CLOSERS = ("d'après {acteur}", "surtout au moment de {moment}", "comme l'an dernier",
           "mais c'est à confirmer", "si je me souviens bien", "sans qu'on sache pourquoi",
           "en lien avec {acteur}", "à cause de {frein}", "selon {acteur}", "malgré {frein}",
           "et {acteur} était d'accord")
FACT_CLOSERS = CLOSERS + ("{date}", "pendant {duree}", "depuis {duree}", "avant {moment}",
                          "{date}, je crois", "puis plus rien pendant {duree}")
TYPOS = {"ça": "çà", "c'était": "c'étais", "suivi": "suivit", "très": "tres",
         "parcours": "parcour", "entreprise": "entrepise", "accueilli": "accueillit",
         "problème": "probleme", "rendez-vous": "rdv"}
TAGS = ("relances-attente", "delais", "manque-information", "preparer-entreprise",
        "interlocuteurs", "abandon-jeune", "outillage", "suivi-parcours", "calendrier-scolaire",
        "cv-rgpd", "penalites", "contrainte", "perspectives-embauche")

LABELS: dict[str, tuple[str, ...]] = {
    "facts": ("Ce qui s'est passé jusqu'à présent :", "Faits :", "Chronologie :",
              "Historique du parcours :"),
    "representation": ("Représentation :", "Représentations :", "Perception de la clause :"),
    "feelings": ("Ressentis :", "Ressenti :", "Apprécié :", "Vécu :"),
    "context": ("Contexte professionnel de l'interviewé :", "Contexte :", "Son rôle :"),
    "suggestions": ("Suggestions d'améliorations :", "Suggestions :", "Pistes :",
                    "Actions à faire :"),
    "": ("Autres remarques :", "En vrac :", "Divers :"),
}
SECTION_HEADINGS = (
    "Mise en route", "Ce que fait la tutrice au quotidien", "Comment se passe le suivi ?",
    "Qui appeler quand ça bloque ?", "Autour du dispositif",
    "Quel est le rôle de chacun ?", "Où trouver les informations ?", "Le démarrage",
    "Les difficultés rencontrées", "Si vous aviez une baguette magique ?",
)
SPEAKERS = {"entreprise": ("Entreprise", "Le commercial", "La DRH", "Le gérant"),
            "other": ("Acheteur", "Acheteuse", "Tutrice pilote", "La coordinatrice", "Tuteur")}
ACTORS = ("acheteur", "acheteuse", "tutrice", "coordinatrice", "entreprise", "partenaire", "jeune")
WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre")
CLAUSES = ("150h", "300h", "450h", "900h", "autre")
FIRST_DAY, N_DAYS = dt.date(2017, 1, 2), 5 * 365
KINDS = (("multi", 25), ("single", 35), ("front_matter", 20), ("journal", 20))
ENCODINGS = ("utf-8", "utf-8-sig", "cp1252")  # about 94 %, 3 %, 3 % of the notes

WORDS_PER_ITEM = 25  # a list item holds 1-3 sentences of about 15 words
_SLOT_RE = re.compile(r"\{(\w+)\}")
_CONTRACTIONS = (
    (re.compile(r"\b([Dd])e les\b"), r"\1es"), (re.compile(r"\b([Dd])e le\b"), r"\1u"),
    (re.compile(r"\bà les\b"), "aux"), (re.compile(r"\bà le\b"), "au"),
    (re.compile(r"\bÀ le\b"), "Au"),
    (re.compile(r"\b([Dd]|[Qq]u|[Ll])(?:e|a) (?=[aeiouyéèêâîôAEIOUYÉÈÊÂÎÔ])"), r"\1'"),
)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _french(text: str) -> str:
    """Contract "de le" -> "du", "à les" -> "aux", elide "de envoyer" -> "d'envoyer"."""
    for pattern, replacement in _CONTRACTIONS:
        text = pattern.sub(replacement, text)
    return text


def _slug(text: str) -> str:
    table = str.maketrans("éèêàâîôûçÉ", "eeeaaiouce")
    return re.sub(r"[^a-z0-9]+", "-", text.lower().translate(table)).strip("-")


# --- Sentences -------------------------------------------------------------------

class _Filler:
    """Fills templates: ``{slot}`` from VOCAB or a ``make_*`` method, ``{x_cap}``
    capitalised, ``{e}``/``{x}`` agreeing with the last person drawn."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.feminine = False
        self.used: set[str] = set()  # vocabulary drawn in the current sentence

    def pick(self, seq):
        return seq[self.rng.randrange(len(seq))]

    def fill(self, template: str) -> str:
        return _SLOT_RE.sub(self._slot, template)

    def _slot(self, match: re.Match) -> str:
        name = match.group(1)
        base = name.removesuffix("_cap")
        maker = getattr(self, "make_" + base, None)
        if maker is not None:
            text = maker()
        else:
            text = self.fill(self._draw(base))
            if base in QUALIFIERS and self.rng.random() < 0.4:
                text += self.fill(self.pick(QUALIFIERS[base]))
        return _cap(text) if name.endswith("_cap") else text

    def _draw(self, base: str) -> str:
        """A phrase for slot ``base``; a person sets the agreement of ``{e}``."""
        if base in PEOPLE:
            phrase, gender = self.pick(PEOPLE[base])
            self.feminine = gender == "e"
            return phrase
        word = self.pick(VOCAB[base])
        for _ in range(3):  # not "par les montants plutôt que par les montants"
            if word not in self.used:
                break
            word = self.pick(VOCAB[base])
        self.used.add(word)
        return word

    def make_e(self) -> str:
        return "e" if self.feminine else ""

    def make_x(self) -> str:
        return "se" if self.feminine else "x"

    def make_k(self) -> str:
        return str(self.rng.randint(2, 9))

    def make_n(self) -> str:
        return str(self.pick((12, 25, 40, 80, 150, 300, 1000, 2500)))

    def make_age(self) -> str:
        return str(self.rng.randint(16, 19))

    def make_minutes(self) -> str:
        return str(self.rng.randrange(20, 95, 5))

    def make_heures(self) -> str:
        return self.pick(("150", "300", "450", "900"))

    def make_fait(self) -> str:
        return str(self.rng.randrange(10, 140, 5))

    def make_duree(self) -> str:
        k = self.rng.randint(2, 11)
        return self.pick((f"{k} semaines", f"{k // 2 + 1}-{k // 2 + 2} mois", "un mois et demi",
                          f"{k + 3} jours", "deux ans", "quelques semaines", f"{k} mois",
                          "trois jours", "six mois", f"{k} ou {k + 1} semaines"))

    def make_date(self) -> str:
        day = FIRST_DAY + dt.timedelta(days=self.rng.randrange(N_DAYS))
        month = MONTHS[day.month - 1]
        return self.pick((f"le {day.day} {month} {day.year}", f"en {month} {day.year}",
                          f"le {day.day}/{day.month:02d}/{day.year}", f"début {month} {day.year}",
                          f"{WEEKDAYS[day.weekday()]} {day.day} {month} {day.year}",
                          f"fin {day.year}", f"{month.capitalize()} {day.year}"))

    def make_date_cap(self) -> str:
        date = self.make_date()
        return date[3:] if date.startswith("le ") else date

    def sentence(self, category: str) -> str:
        """One sentence of ``category`` (a key of TEMPLATES), sometimes with an
        opener, a closing phrase or a typo."""
        self.used = set()
        text = self.fill(self.pick(TEMPLATES[category]))
        if category not in ("takeaway", "question", "clic"):
            if self.rng.random() < 0.4 and text[1:2].islower():
                text = self.fill(self.pick(OPENERS)) + text[0].lower() + text[1:]
            if self.rng.random() < 0.45 and text.endswith("."):
                closers = FACT_CLOSERS if category == "facts" else CLOSERS
                text = f"{text[:-1]}, {self.fill(self.pick(closers))}."
        if self.rng.random() < 0.05:
            word = self.pick([w for w in TYPOS if w in text] or [""])
            text = text.replace(word, TYPOS[word], 1) if word else text
        return _cap(_french(text))


# --- Notes -----------------------------------------------------------------------

class _Note:
    """Lines of one note under construction, with a running word count."""

    def __init__(self, rng: random.Random, budget: int) -> None:
        self.rng, self.f = rng, _Filler(rng)
        self.lines: list[str] = []
        self.words = 0
        self.budget = budget
        self.interviews = 0

    def add(self, *lines: str) -> None:
        for line in lines:
            self.lines.append(line)
            self.words += len(line.split())

    def blank(self) -> None:
        if self.lines and self.lines[-1] != "":
            self.lines.append("")

    def heading(self, level: int, text: str) -> None:
        self.blank()
        self.add("#" * level + " " + text)
        self.blank()

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def statement(self, category: str, *, most: int = 3) -> str:
        """One to ``most`` sentences, sometimes emphasised or tagged."""
        count = self.rng.choices(range(1, most + 1), weights=(6, 3, 1)[:most])[0]
        text = " ".join(self.f.sentence(category) for _ in range(count))
        if self.chance(0.04):
            text = f"**{text}**"
        elif self.chance(0.03):
            text = f"_{text}_"
        if self.chance(0.06):
            text += " #" + self.f.pick(TAGS)
        return text

    def item(self, text: str) -> None:
        """A list item; a long one is sometimes cut by a lazy continuation line."""
        cut = text.find(". ")
        if (cut > 0 and self.chance(0.3) and not text.startswith(("**", "_"))
                and text[cut + 2:cut + 3] != "#"):
            self.add("- " + text[:cut + 1], text[cut + 2:])
        else:
            self.add("- " + text)

    def items(self, category: str, count: int, *, speakers: tuple[str, ...] = ()) -> None:
        for _ in range(count):
            text = self.statement(category)
            if speakers and self.chance(0.35):
                text = f"{self.f.pick(speakers)} : {text[0].lower()}{text[1:]}"
            self.item(text)
        if self.chance(0.03):
            self.add("-")

    def label_section(self, category: str, count: int) -> None:
        self.blank()
        self.add(self.f.pick(LABELS[category]))
        self.items(category or self.f.pick(("facts", "representation")), count)
        self.blank()

    def paragraph(self, category: str) -> None:
        self.blank()
        self.add(" ".join(self.f.sentence(category) for _ in range(self.rng.randint(2, 5))))
        self.blank()

    def filled(self, target: int) -> bool:
        return self.words >= target


def _interview_body(note: _Note, level: int, target: int, *, speakers: tuple[str, ...],
                    timestamps: bool = True) -> None:
    """Labelled lists, exchanges, paragraphs, timestamps and to-do lists until
    ``target`` words, then the researchers' part."""
    categories = ["facts", "representation", "feelings", "context", "suggestions", ""]
    note.rng.shuffle(categories)
    stop = target - min(80, max(0, target - note.words) // 5)
    weights = {"label": 50, "exchange": 15, "timestamps": 10 if timestamps else 0,
               "paragraph": 14, "heading": 6, "todo": 5}
    while True:
        block = note.rng.choices(list(weights), weights=list(weights.values()))[0]
        room = max(1, (stop - note.words) // WORDS_PER_ITEM)  # items that still fit
        if block == "label":
            category = categories.pop() if categories else note.f.pick(tuple(LABELS))
            note.label_section(category, min(room, note.rng.randint(2, 7)))
        elif block == "exchange":
            note.blank()
            note.items(note.f.pick(("facts", "suggestions", "representation")),
                       min(room, note.rng.randint(3, 7)), speakers=speakers)
            note.blank()
        elif block == "timestamps":
            _timestamps(note, min(room + 1, note.rng.randint(4, 9)))
        elif block == "paragraph":
            note.paragraph(note.f.pick(("facts", "feelings", "representation")))
        elif block == "heading":
            note.heading(level + 1, note.f.pick(SECTION_HEADINGS))
        else:
            _todo_list(note, level + 1)
        if note.filled(stop):
            break
    if note.chance(0.4):
        note.blank()
        note.add("Méta : " + note.f.sentence("meta"))
    _researchers_part(note, level + 1, target)


def _todo_list(note: _Note, level: int) -> None:
    """Changes to make, some marked ``(done)``, ``=> Fait`` or ``[x]``."""
    note.heading(level, note.f.pick(("Modifications à faire", "Actions à mener",
                                     "Pistes pour la suite")))
    for _ in range(note.rng.randint(2, 6)):
        text = note.f.sentence("suggestions")
        mark = note.rng.random()
        if mark < 0.3 and text.endswith("."):
            text = text[:-1] + " (done)."
        elif mark < 0.4:
            text += " => Fait"
        elif mark < 0.5:
            text = "[x] " + text
        note.add("- " + text)
    if note.chance(0.3):
        note.blank()
        note.add(f"Lien https://clause-sociale.example.org/{_slug(note.f.pick(VOCAB['lien']))} "
                 "envoyé par mail à l'équipe.")
    note.blank()


def _timestamps(note: _Note, count: int) -> None:
    """``- 15:42 : je clique sur ...`` lines, as in user tests."""
    minute = note.rng.randrange(9 * 60, 17 * 60)
    note.blank()
    for _ in range(count):
        text = note.f.sentence(note.f.pick(("clic", "clic", "clic", "suggestions")))
        colon = note.f.pick((" :", ":", " :"))
        if note.chance(0.75):
            text = f"{minute // 60}:{minute % 60:02d}{colon} {text[0].lower()}{text[1:]}"
        note.add("- " + text)
        minute += note.rng.randint(1, 3)
    note.blank()


def _researchers_part(note: _Note, level: int, target: int) -> None:
    """A debrief under a heading naming the interviewers, then what we retain."""
    if note.chance(0.7):
        a, b = note.rng.sample(VOCAB["prenom"], 2)
        title = note.f.pick((f"Debrief ({a} & {b}, après l'entretien)", f"Debrief ({a} et {b})",
                             f"Débriefing ({a} & {b}, le lendemain)"))
        note.heading(level, title)
        room = max(1, (target - note.words) // WORDS_PER_ITEM)
        note.items("debrief", min(room, note.rng.randint(2, 5)))
    if note.chance(0.6):
        title = note.f.pick(("On retient :", "A retenir", "Ce que nous avons appris",
                             "Ce qu'on retient :"))
        if note.chance(0.5):
            note.heading(level, title)
        else:
            note.blank()
            note.add(title)
        while True:
            note.add("- " + note.f.sentence("takeaway"))
            if note.filled(target):
                break
    note.blank()


def _market(f: _Filler, *, short: bool = False) -> str:
    """A public contract's subject: "Maintenance d'ascenseurs pour le rectorat de Caen"."""
    template = "{prestation} {objet_marche}" + ("" if short else " {destinataire}")
    return _french(f.fill(template))


def _guide(note: _Note, *, heading: bool) -> None:
    if heading:
        note.heading(1, note.f.pick(("Questions prévues", "Guide d'entretien",
                                     "Questions à poser")))
    else:
        note.blank()
        note.add(note.f.pick(("Questions prévues pour cette série :",
                              "Questions prévues :", "Trame d'entretien :")))
    for _ in range(note.rng.randint(2, max(2, min(8, note.budget // 120)))):
        note.add("- " + note.f.sentence("question"))
    note.blank()


def _email(note: _Note) -> None:
    note.heading(1, "Email de contact envoyé")
    note.add("```", "Bonjour ___,", "",
             "je vous écris de la part de l'équipe qui accompagne la clause sociale de "
             "formation au ministère. Nous aimerions recueillir votre expérience de la clause "
             f"dans le cadre du marché « {_market(note.f)} ».", "",
             "Seriez-vous disponible une demi-heure, au téléphone ou en visio ?", "",
             "Bien cordialement,", "```")
    note.blank()


def _contact_log(note: _Note, refs: list[int]) -> None:
    """Contacted companies, then replies and failures, as ``ref (clause) : market``."""
    f, groups = note.f, [refs[:len(refs) // 3], refs[len(refs) // 3:-2], refs[-2:]]
    note.heading(1, "Référence des entreprises contactées")
    for ref in groups[0]:
        note.add(f"- {ref} ({f.pick(CLAUSES)}) : {_market(f)}")
    note.heading(2, "Retours")
    for ref in groups[1]:
        remark = f.pick(("réponse rapide", "réponse le lendemain", "rappel demandé",
                         f"réponse dans la semaine, entretien {f.pick(WEEKDAYS)} {f.make_k()}"))
        note.add(f"- [{remark}] {ref} ({f.pick(CLAUSES)}) : {_market(f)}")
    note.heading(2, "Retours en erreur :")
    for ref in groups[2]:
        reason = f.pick(("mauvaise adresse email", "contact parti de l'entreprise",
                         "société rachetée", "standard injoignable"))
        note.add(f"- {ref} ({f.pick(CLAUSES)}) : {_market(f)} -- {reason}")
    note.blank()


def _random_day(rng: random.Random) -> dt.date:
    return FIRST_DAY + dt.timedelta(days=rng.randrange(N_DAYS))


def _company_heading(f: _Filler, ref: int) -> str:
    """``(300h) 12 : ...``, ``16 (autre) Lyon : "..."`` or ``(900h) Entretien du 3/02/2020``."""
    clause, day = f.pick(CLAUSES), _random_day(f.rng)
    forms = (
        lambda: f"({clause}) {ref} : {_market(f, short=True)}",
        lambda: f'{ref} ({clause}) {f.pick(VOCAB["ville"] + ("Province",))} : "{_market(f)}"',
        lambda: f"({clause}) Entretien du {day.day}/{day.month:02d}/{day.year}",
        lambda: f"({clause}) {ref} : entretien du {day.day} {MONTHS[day.month - 1]} {day.year}",
    )
    return f.pick(forms)()


def _dated_heading(f: _Filler, day: dt.date, file_year: int) -> str:
    """A dated interview heading; the year is left out when the file name gives it."""
    month = MONTHS[day.month - 1]
    short = (f"{WEEKDAYS[day.weekday()]} {day.day} {month}" if day.year == file_year
             else f"{day.day} {month} {day.year}")
    with_role = f.pick(("la tutrice pilote", "l'acheteuse", "la coordinatrice MLDS",
                        "le partenaire associatif", "un jeune accompagné"))
    forms = (
        f"Entretien du {short} avec {with_role}",
        f"Entretien du {day.day}/{day.month:02d}/{day.year}",
        f"Test {f.pick(('acheteur', 'acheteuse', 'tutrice'))} du {day:%d/%m/%Y}",
        f"Échange du {day.day} {month} {day.year} avec {with_role}",
        f"Observation du comité de suivi du {short}",
    )
    return f.pick(forms)


def _split_budget(note: _Note, remaining: int) -> int:
    """Word target for the next of ``remaining`` interviews."""
    return note.words + max(0, note.budget - note.words) // remaining


def _multi_note(note: _Note, index: int) -> str:
    """Guide, e-mail, contact log, then interviews with companies under ``## Entretiens``."""
    if note.chance(0.3):
        note.add("Notes partagées de la campagne d'entretiens avec les entreprises attributaires.")
    if note.chance(0.8):
        _guide(note, heading=True)
    if note.chance(0.4) and note.budget > 600:
        _email(note)
    refs = note.rng.sample(range(1, 100), note.rng.randint(5, 9))
    if note.chance(0.7):
        _contact_log(note, refs[:max(5, note.budget // 100)])
    note.heading(2, "Entretiens")
    count = note.rng.randint(2, max(2, min(4, note.budget // 250)))
    for i in range(count):
        note.heading(3, _company_heading(note.f, refs[i]))
        note.interviews += 1
        _interview_body(note, 3, _split_budget(note, count - i),
                        speakers=SPEAKERS["entreprise"] + SPEAKERS["other"], timestamps=False)
    return f"entretien-entreprises-{_slug(note.f.pick(VOCAB['ville']))}-{index:04d}.md"


def _single_note(note: _Note, index: int) -> str:
    """One interview, no interview heading: the file name gives the date."""
    day, actor = _random_day(note.rng), note.f.pick(ACTORS)
    note.interviews = 1
    if note.chance(0.5):
        note.paragraph("meta")
    _interview_body(note, 1, note.budget, speakers=SPEAKERS["other"] + SPEAKERS["entreprise"])
    return f"{day:%Y%m%d}_{actor}_{_slug(note.f.pick(VOCAB['ville']))}_{index:04d}.md"


def _front_matter_note(note: _Note, index: int) -> str:
    """One interview described by YAML front matter (which wins over headings)."""
    f, day = note.f, _random_day(note.rng)
    actor = f.pick(("acheteur", "entreprise", "mlds", "partenaire", "jeune"))
    city = f.pick(VOCAB["ville"])
    title = f"Entretien {actor} {city}"
    lines = ["---", f'title: "{title}"', f"date: {day.isoformat()}", f"actor: {actor}"]
    if actor == "entreprise":
        lines += [f"company_ref: {note.rng.randint(1, 99)}", f"clause: {f.pick(CLAUSES)}"]
    lines += [f"interviewers: [{', '.join(note.rng.sample(VOCAB['prenom'], 2))}]", "---"]
    note.add(*lines)
    note.interviews = 1
    if note.chance(0.6):
        note.heading(1, f"{title} du {day.day}/{day.month:02d}/{day.year}")
    _interview_body(note, 1, note.budget, speakers=SPEAKERS["other"] + SPEAKERS["entreprise"])
    return f"entretien-{actor}-{_slug(city)}-{index:04d}.md"


def _journal_note(note: _Note, index: int) -> str:
    """Questions, rules, then one to three interviews under dated top-level headings."""
    day, actor = _random_day(note.rng), note.f.pick(ACTORS)
    if note.chance(0.6):
        _guide(note, heading=False)
        note.add("----")
        note.blank()
    count = note.rng.randint(1, max(1, min(3, note.budget // 300)))
    for i in range(count):
        when = day + dt.timedelta(days=i * note.rng.randint(7, 60))
        note.heading(1, _dated_heading(note.f, when, day.year))
        note.interviews += 1
        _interview_body(note, 1, _split_budget(note, count - i), speakers=SPEAKERS["other"])
        if i < count - 1 and note.chance(0.5):
            note.add("----")
            note.blank()
    if note.chance(0.5):
        return f"entretien_{actor}_{_slug(note.f.pick(VOCAB['ville']))}_{day:%Y%m%d}_{index:04d}.md"
    return f"observation-{_slug(note.f.pick(VOCAB['ville']))}-{day:%Y%m%d}-{index:04d}.md"


BUILDERS = {"multi": _multi_note, "single": _single_note,
            "front_matter": _front_matter_note, "journal": _journal_note}


def _encode(text: str, encoding: str) -> tuple[bytes, str]:
    """Encode as a Windows editor (cp1252, CRLF) or a BOM-writing one would."""
    if encoding == "cp1252":
        try:
            return text.replace("\n", "\r\n").encode("cp1252"), "cp1252"
        except UnicodeEncodeError:  # a character cp1252 lacks: keep UTF-8
            encoding = "utf-8"
    return text.encode(encoding), encoding


@dataclass(frozen=True)
class SyntheticNote:
    """One generated note: its file name, bytes, and what it holds."""

    name: str
    data: bytes
    kind: str          # multi | single | front_matter | journal
    encoding: str      # utf-8 | utf-8-sig | cp1252
    interviews: int    # how many interviews the parser should find
    words: int         # whitespace-separated words of the text


def generate_note(index: int, *, seed: int = 0, words_per_note: int = 1000) -> SyntheticNote:
    """Generate note number ``index`` of the corpus ``seed``.

    The note depends only on ``(seed, index, words_per_note)``. Its length
    varies between about 0.6 and 1.4 times ``words_per_note``.
    """
    rng = random.Random(f"csf-synthetic:{seed}:{index}")
    kind = rng.choices([k for k, _ in KINDS], weights=[w for _, w in KINDS])[0]
    encoding = rng.choices(ENCODINGS, weights=(94, 3, 3))[0]
    note = _Note(rng, max(50, int(words_per_note * rng.uniform(0.6, 1.4))))
    name = BUILDERS[kind](note, index)
    text = "\n".join(note.lines).strip() + "\n"
    data, encoding = _encode(text, encoding)
    return SyntheticNote(name, data, kind, encoding, note.interviews, len(text.split()))


def generate_corpus(out_dir: str | Path, n_notes: int, *, seed: int = 0,
                    words_per_note: int = 1000, start: int = 0) -> list[Path]:
    """Write notes ``start`` .. ``start + n_notes - 1`` into ``out_dir``.

    Args:
        out_dir: Folder to write into (created if missing).
        n_notes: How many notes to write.
        seed: Corpus seed: the same seed gives the same bytes.
        words_per_note: Average length of a note in words.
        start: Index of the first note; ``start=1000`` adds note 1001 to a
            1,000-note corpus without touching the others.

    Returns:
        The paths written, in index order.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(start, start + n_notes):
        note = generate_note(index, seed=seed, words_per_note=words_per_note)
        path = out / note.name
        path.write_bytes(note.data)
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.synthetic",
        description="Write a synthetic corpus of interview notes in the team's style.")
    parser.add_argument("out_dir", help="folder to write the notes into")
    parser.add_argument("-n", "--notes", type=int, default=100,
                        help="number of notes (%(default)s)")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (%(default)s)")
    parser.add_argument("--words-per-note", type=int, default=1000,
                        help="average words per note (%(default)s)")
    parser.add_argument("--start", type=int, default=0,
                        help="index of the first note (%(default)s)")
    args = parser.parse_args(argv)
    paths = generate_corpus(args.out_dir, args.notes, seed=args.seed,
                            words_per_note=args.words_per_note, start=args.start)
    words = sum(len(path.read_bytes().split()) for path in paths)
    print(f"wrote {len(paths)} notes ({words:,} words) to {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
