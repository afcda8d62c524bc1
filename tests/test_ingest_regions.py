"""Layout regions on small texts written for these tests: each kind must fire, and stay silent."""

from __future__ import annotations

import pytest

from annales.context import Context
from annales.ingest.regions import mark_regions
from annales.model import Analysis

# Long narrative lines: paragraphs of a story, never debris, headings or list items.
P1 = ("Au matin du 2 septembre 1870, l'armée de Châlons se trouve encerclée dans la cuvette de Sedan, "
      "et l'artillerie allemande tient toutes les hauteurs qui dominent la ville et la Meuse.")
P2 = ("Vers midi, les officiers de l'état-major comprennent que toute sortie est devenue impossible ; "
      "l'empereur fait hisser le drapeau blanc sur la citadelle malgré les protestations des généraux.")
P3 = ("Le soir même, la capitulation est signée au château de Bellevue, et plus de quatre-vingt mille "
      "hommes prennent le chemin de la captivité sous une pluie froide qui ne cesse pas de tomber.")
P4 = ("Deux jours plus tard, à Paris, la foule envahit le Palais-Bourbon et la République est proclamée "
      "à l'Hôtel de Ville, tandis que l'impératrice quitte les Tuileries par une porte dérobée.")
BYLINE = "mardi 4 septembre 2018, par Claire Dumontel"


def regions_of(text: str, kind: str) -> list[str]:
    analysis = Analysis(id="t", text=text, language="fr")
    mark_regions(analysis, Context())
    return [text[r.start:r.end] for r in analysis.regions if r.kind == kind]


def in_kind(text: str, needle: str, kind: str) -> bool:
    return any(needle in span for span in regions_of(text, kind))


# (text, string that must lie inside a boilerplate region)
BOILERPLATE_FIRES = [
    (f"Accueil > Histoire > Le Second Empire\n\n{P1}\n\n{P2}", "Accueil > Histoire"),
    (f"{P1}\nDécouvrez ici notre dossier complet sur les uniformes de 1870.\n{P2}",
     "Découvrez ici notre dossier"),
    (f"{P1}\n{P2}\n{P3}\nUn message, un commentaire ?\nmodération a priori\nQui êtes-vous ?\nVotre message\n"
     "Pour créer des paragraphes, laissez une ligne blanche entre eux.", "Qui êtes-vous ?\nVotre message"),
    (f"{P1}\n{P2}\n{P3}\nUn message, un commentaire ?\nQui êtes-vous ?", "Un message, un commentaire ?"),
    (f"{P1}\n{P2}\n{P3}\nLa chute de l'Empire en dix dates\nLes francs-tireurs de la Loire\n"
     "Un message, un commentaire ?\nQui êtes-vous ?", "La chute de l'Empire en dix dates"),
    (f"{P1}\n{P2}\n{P3}\n"
     "Pour tout savoir de cette guerre, lisez mon dernier livre sur 1870 (Tallandier, 2020).\n"
     "Dans ce passionnant essai, l'auteur retrace la défaite et ses suites politiques. Revue Historique",
     "Dans ce passionnant essai"),
]

# (text, string that must NOT lie inside a boilerplate region)
BOILERPLATE_SILENT = [
    (f"{P1}\n{P2}\nDans cette étude, l'auteur montre que la défaite était prévisible.\n{P3}",
     "Dans cette étude"),
    (f"{P1}\n{P2}\n{P3}\n{P4}", P4[:40]),
    (f"{P1}\nIls découvrent ici la réalité de la guerre moderne.\n{P2}", "Ils découvrent ici"),
    (f"Un message, un commentaire ?\n{P1}\n{P2}\n{P3}\n{P4}", P3[:40]),
    (f"{P1}\n{P2}\nQui a donné l'ordre ?\nPersonne ne le sait.\n{P3}", "Qui a donné l'ordre ?"),
    (f"{P1}\n{P2}\nElle publia son témoignage dans la revue militaire.", "revue militaire"),
]


@pytest.mark.parametrize(("text", "needle"), BOILERPLATE_FIRES)
def test_boilerplate_fires(text: str, needle: str) -> None:
    assert in_kind(text, needle, "boilerplate")


@pytest.mark.parametrize(("text", "needle"), BOILERPLATE_SILENT)
def test_boilerplate_stays_silent(text: str, needle: str) -> None:
    assert not in_kind(text, needle, "boilerplate")


@pytest.mark.parametrize(
    ("text", "needle", "fires"),
    [
        (f"La débâcle de Sedan\n{P1}\n{P2}", "La débâcle de Sedan", True),
        (f"{P1}\nLa capitulation\n{P2}", "La capitulation", True),
        (f"{P1}\n\nUne armée prisonnière …\n\n{P2}", "Une armée prisonnière …", True),
        (f"{P1}\nTout est perdu.\n{P2}", "Tout est perdu.", False),
        (f"{P1}\nC'est bien fini…\n{P2}", "C'est bien fini…", False),
        (f"{P1}\n{P2}", P1, False),
        (f"{P1}\nla suite au prochain numéro\n{P2}", "la suite", False),
        (f"{P1}\n{P2}\nFin de la guerre", "Fin de la guerre", False),  # nothing below it
    ],
)
def test_heading(text: str, needle: str, fires: bool) -> None:
    assert in_kind(text, needle, "heading") is fires


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        (f"La fin du Second Empire\n\n{BYLINE}\n\n{P1}\n\n{P2}", True),
        (f"Par Claire Dumontel, le 4 septembre 2018\n{P1}\n{P2}", True),
        (f"Publié le 04/09/2018 à 10h30\n{P1}\n{P2}", True),
        (f"{P1}\n{P2}\n{P3}\n{P4}\n{P1}\n{P2}\n{P3}\n{P4}\n{P1}\n{P2}\n{BYLINE}", False),  # not near the top
        (f"Le 4 septembre 1870, par la force des choses\n{P1}", False),
    ],
)
def test_byline(text: str, fires: bool) -> None:
    assert bool(regions_of(text, "byline")) is fires


QUOTE = "Nous nous battrons jusqu'au dernier homme, et la ville ne se rendra pas !"


@pytest.mark.parametrize(
    ("text", "needle", "fires"),
    [
        (f"{P1}\n{QUOTE}\nGénéral Louis Trochu\n{P2}", "Général Louis Trochu", True),
        (f"{P1}\n{QUOTE}\nContre-amiral Jean Dupuy\n{P2}", QUOTE, True),
        (f"{P1}\n{QUOTE}\nLéon Gambetta\n{P2}", QUOTE, True),
        (f"{P1}\n« La ville tiendra. »\n— Jules Favre, ministre des Affaires étrangères\n{P2}",
         "Jules Favre", True),
        (f"{P1}\n{QUOTE}\n{P2}", QUOTE, False),
        (f"{P1}\nLa ville tint encore trois jours.\nLe Siège\n{P2}", "Le Siège", False),
        (f"{P1}\nLa ville tint encore trois jours.\nMetz\n{P2}", "Metz", False),
        (f"{P1}\n{P2}\nJules Favre\n{P3}", P2, False),  # a paragraph this long is no pull-quote
        # The next chapter's heading under a chapter's last short paragraph is no attribution.
        (f"{P1}\nDu 6 au 12 mai, le bataillon tient la crête. Le 13, il reçoit l'ordre de se porter "
         f"vers le nord.\nCHAPITRE II\n{P2}", "CHAPITRE II", False),
        (f"{P1}\nLa ville tint encore trois jours.\nLivre Second\n{P2}", "Livre Second", False),
    ],
)
def test_quote_block(text: str, needle: str, fires: bool) -> None:
    assert in_kind(text, needle, "quote-block") is fires


ARMAMENT = ("6 canons de 138 mm\n4 canons de 100 mm\n12 mitrailleuses de 13,2 mm\n"
            "Quelques mortiers de tranchée")
FORT = f"{P1}\nL'artillerie de la place\n{ARMAMENT}\nLa reddition\n{P2}"


@pytest.mark.parametrize(
    ("text", "needle", "fires"),
    [
        (FORT, "12 mitrailleuses", True),
        (FORT, "Quelques mortiers", True),
        (f"{P1}\n- une division de cavalerie ;\n- deux divisions d'infanterie ;\n- la garde impériale.\n{P2}",
         "deux divisions", True),
        (FORT, "L'artillerie de la place", False),
        (FORT, "La reddition", False),
        (f"{P1}\n12 canons de 138 mm\n{P2}", "12 canons", False),  # one line is no list
        (f"{P1}\n{P2}\n{P3}", P2, False),
    ],
)
def test_list(text: str, needle: str, fires: bool) -> None:
    assert in_kind(text, needle, "list") is fires


ASIDE = ("En mars 1866, trois officiers prussiens avaient déjà parcouru la vallée de la Meuse pour en lever "
         "les cartes, sans que personne ne s'en inquiète à Paris.")
BEFORE = ("Le 1er septembre 1870, les corps bavarois franchissent la Meuse à Bazeilles "
          "et attaquent le village maison par maison, sous le feu de l'infanterie de marine.")
AFTER = ("Le lendemain, l'encerclement est complet et les derniers escadrons de cavalerie se brisent sur les "
         "lignes allemandes devant Floing.")


BOXED = f"{BEFORE}\nDes cartes venues de loin\n{ASIDE}\n{AFTER}\n{P3}"


@pytest.mark.parametrize(
    ("text", "needle", "fires"),
    [
        (BOXED, "En mars 1866", True),
        (BOXED, "Le lendemain, l'encerclement", False),
        (BOXED, "Le 1er septembre 1870", False),
        (f"{BEFORE}\n{ASIDE}\n{AFTER}", "En mars 1866", False),  # no heading, no box
        (f"{BEFORE}\nDes cartes venues de loin\n{ASIDE}", "En mars 1866", False),  # the text does not go on
        (f"{BEFORE}\nLa suite\nLe 3 septembre 1870, la nouvelle parvient à Paris.\n{AFTER}",
         "3 septembre", False),
        (f"{BEFORE}\nLes pertes\nLe bilan dépasse 1200 hommes dès le premier soir.\n{AFTER}", "1200", False),
    ],
)
def test_sidebar(text: str, needle: str, fires: bool) -> None:
    assert in_kind(text, needle, "sidebar") is fires


def test_regions_are_spans_of_the_text_with_crlf() -> None:
    text = f"Accueil > Histoire\r\n\r\nLa débâcle\r\n{P1}\r\n{P2}\r\n"
    analysis = Analysis(id="t", text=text, language="fr")
    mark_regions(analysis, Context())
    spans = {(r.kind, text[r.start:r.end]) for r in analysis.regions}
    assert ("boilerplate", "Accueil > Histoire") in spans
    assert ("heading", "La débâcle") in spans
