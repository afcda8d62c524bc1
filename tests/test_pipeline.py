"""The pipeline's joints: declared stages in an order that satisfies them, stages that add only what
they declare, layers that import only the model, the context and annales.common, and a language
decided once."""

from __future__ import annotations

import ast
import copy
from pathlib import Path

import pytest

from annales.common.resources import has_layer
from annales.context import GIVEN, Stage
from annales.model import Analysis, SourceDocument
from annales.pipeline import STAGES, analyze, analyze_document

PACKAGE = Path(__file__).resolve().parent.parent / "annales"
STAGE_PACKAGES = ("ingest", "time", "entities", "quantities", "quotes", "events", "checks")
SHARED = ("annales.model", "annales.context", "annales.common", "annales.errors")

STORY = ("Le 3 mai 1917, le colonel Paul Mercier conduit le 151e régiment d'infanterie vers Reims. "
         "Le lendemain, 1 200 hommes franchissent la rivière. « Nous tiendrons », déclara Mercier. "
         "Le 12 mai, la division compte 4 000 combattants.")


def test_every_stage_reads_only_what_is_given_or_added_before() -> None:
    available = set(GIVEN)
    for stage in STAGES:
        missing = stage.reads - available - stage.adds
        assert not missing, f"stage {stage.name} reads {sorted(missing)} before any stage adds it"
        available |= stage.adds


def test_stage_names_are_unique_and_declared() -> None:
    names = [stage.name for stage in STAGES]
    assert len(names) == len(set(names))
    assert all(isinstance(stage, Stage) and stage.adds for stage in STAGES)


def _layers(analysis: Analysis) -> dict[str, object]:
    out = {}
    for name in ("dct", "language", "metadata", "regions", "sentences", "timexes", "entities", "quantities",
                 "quotes", "events", "findings"):
        out[name] = copy.deepcopy(getattr(analysis, name))
    out["doc"] = analysis.doc
    return out


def test_each_stage_changes_only_the_layers_it_adds(context) -> None:
    analysis = Analysis.from_source(SourceDocument(id="s", text=STORY))
    for stage in STAGES:
        before = _layers(analysis)
        stage(analysis, context)
        after = _layers(analysis)
        changed = {name for name in before if before[name] != after[name] or
                   (name == "doc" and before[name] is not after[name])}
        assert changed <= stage.adds, f"stage {stage.name} changed {sorted(changed - stage.adds)}"


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            out.append(node.module)
        elif isinstance(node, ast.Import):
            out.extend(alias.name for alias in node.names)
    return [name for name in out if name.startswith("annales")]


@pytest.mark.parametrize("package", STAGE_PACKAGES + ("common",))
def test_layers_import_only_the_model_the_context_and_common(package: str) -> None:
    own = f"annales.{package}"
    allowed = (own,) + (SHARED if package != "common" else ("annales.common", "annales.errors", "annales.model"))
    for path in sorted((PACKAGE / package).rglob("*.py")):
        for name in _imports(path):
            assert name.startswith(allowed), f"{path.relative_to(PACKAGE)} imports {name}"


def test_the_model_and_the_context_import_no_layer() -> None:
    assert set(_imports(PACKAGE / "model.py")) <= {"annales.errors"}
    for name in _imports(PACKAGE / "context.py"):
        assert name.startswith(("annales.errors", "annales.model", "annales.common")), name


ENGLISH = ("On the morning of 20 November 1943 the marines went ashore on the island. The landing craft were "
           "stopped by the reef, and the men had to wade several hundred yards under fire from the defenders.")
GERMAN = ("Am Morgen des 20. November 1943 gingen die Soldaten an Land. Die Boote blieben am Riff hängen, und "
          "die Männer mussten mehrere hundert Meter unter dem Feuer der Verteidiger durch das Wasser waten.")


@pytest.mark.parametrize(("text", "code"), [(ENGLISH, "en"), (GERMAN, "de")])
def test_a_text_in_another_language_is_analysed_with_a_warning(text: str, code: str, context) -> None:
    analysis = analyze(text, context=context)
    assert analysis.language == code
    assert analysis.sentences  # the language-blind stages ran
    skipped = [s.name for s in STAGES if s.resources and not has_layer(code, s.resources)]
    assert skipped and analysis.timexes == [] and analysis.events == []
    assert any(w.startswith(", ".join(skipped)) and f"no resources for {code}" in w for w in analysis.warnings)


def test_a_french_text_with_an_english_passage_stays_french(context) -> None:
    text = STORY + "\n\n" + ENGLISH + "\n\n" + STORY
    analysis = analyze(text, context=context)
    assert analysis.language == "fr"
    assert analysis.timexes and analysis.entities
    assert any("another language (en)" in w for w in analysis.warnings)


def test_a_given_language_is_never_second_guessed(context) -> None:
    analysis = analyze_document(SourceDocument(id="g", text=ENGLISH, language="fr"), context)
    assert analysis.language == "fr" and not any("look French" in w for w in analysis.warnings)


def test_garbled_text_is_analysed_as_french_without_a_crash(context) -> None:
    text = "zzq xkv prr " * 30
    analysis = analyze(text, context=context)
    assert analysis.language == "fr"
