"""The workbench in a real browser: Debian's chromium driven by Playwright (no browser download),
over a server run with uvicorn in a thread on a free port and a temporary store.

One browser for the module, one page per test. Every page is checked for console errors (a
Content-Security-Policy violation is one) and for dialogs (an XSS payload that ran would open one).
Screenshots of each page go to the pytest temporary folder (`screenshots/`)."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import Browser, Page, expect, sync_playwright

from annales.corpus import open_store
from annales.corpus.ingest.add import add
from annales.web.app import create_app

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

BRIGADE = (
    "Le 14 juin 1916, le général Paul Durantel rassemble la 8e brigade près de Verdun : le 47e régiment "
    "d'infanterie (1 100 hommes) et le 48e régiment d'infanterie (900 hommes), soit au total 2 300 hommes.\n"
    "Le lendemain, le colonel Henri Morvan attaque le bois des Caures. « Nous tiendrons », déclare le "
    "général Durantel.\nEn juillet 1916, la brigade occupe le village de Bras.\n")
HOSTILE = (
    "Le 2 mai 1917, le capitaine Louis Parmentier arrive à Reims avec le 12e bataillon de chasseurs. "
    "<script>alert(1)</script> Il lit l'ordre \"><img src=x onerror=alert(1)> devant la troupe.\n"
    "Le lendemain, le bataillon attaque le fort de la Pompelle.\n")
# A command ("commandé par") and a flashback: the second sentence tells what happened two days before.
COMMAND = ("Le 3 mars 1915, le 21e régiment d'infanterie, commandé par le colonel Étienne Lacombe, quitte Épinal.\n"
           "Le 1er mars 1915, le régiment avait reçu à Épinal ses nouveaux fusils.\n")
ADDED = ("Le 8 septembre 1914, le général Auguste Lemarchand quitte Nancy avec la 11e division. "
         "Le 10 septembre, la division atteint Lunéville.\n")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, context) -> Iterator[str]:
    """The workbench over a store holding two texts, added through the corpus ingest path."""
    folder = tmp_path_factory.mktemp("web")
    store = folder / "corpus.db"
    texts = (("brigade.txt", BRIGADE), ("hostile.txt", HOSTILE), ("commande.txt", COMMAND))
    for name, text in texts:
        (folder / name).write_text(text, encoding="utf-8")
    conn = open_store(str(store), create=True)
    summary = add(conn, [str(folder / name) for name, _ in texts])
    conn.close()
    assert summary.added == len(texts), summary.failures
    port = _free_port()
    config = uvicorn.Config(create_app(str(store), loopback_only=True), host="127.0.0.1", port=port,
                            log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("screenshots")


class Watched:
    """A page with its console errors and dialogs recorded."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", lambda message: self.errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("dialog", self._dialog)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()


@pytest.fixture
def watched(browser: Browser) -> Iterator[Watched]:
    page = browser.new_page(viewport={"width": 1366, "height": 900}, locale="fr-FR")
    page.set_default_timeout(15_000)
    seen = Watched(page)
    yield seen
    page.close()
    assert seen.dialogs == [], f"a dialog opened: {seen.dialogs}"
    assert seen.errors == [], f"console errors: {seen.errors}"


def _document_number(page: Page, server: str, label: str) -> str:
    page.goto(server + "/")
    href = page.get_by_role("link", name=label).get_attribute("href")
    assert href is not None and href.startswith("/document/")
    return href


def test_a_pasted_text_is_analysed_and_shown_highlighted(watched: Watched, server: str, shots: Path) -> None:
    page = watched.page
    page.goto(server + "/")
    page.fill("#text", ADDED)
    page.fill("#dct", "1914-09-20")
    with page.expect_response("**/ajouter") as posted:
        page.get_by_role("button", name="Analyser").click()
    # The answer comes before the analysis ends (it takes the model at least a tenth of a second):
    # it shows the job waiting or running, with its progress bar, and polls.
    assert "<progress" in posted.value.text() and 'hx-trigger="every 1s"' in posted.value.text()
    expect(page.locator("#text")).to_have_value("")  # the form is emptied once the text is taken
    opened = page.locator(".job-done a", has_text="ouvrir le document")
    expect(opened).to_be_visible(timeout=60_000)
    page.screenshot(path=shots / "corpus.png")
    opened.click()
    expect(page.locator(".source-text .a-person", has_text="Auguste Lemarchand")).to_be_visible()
    expect(page.locator(".source-text .a-place", has_text="Nancy")).to_be_visible()
    expect(page.locator(".source-text .a-unit", has_text="11e division")).to_be_visible()
    expect(page.get_by_text("publié le 1914-09-20")).to_be_visible()
    page.screenshot(path=shots / "document-added.png", full_page=True)


def test_a_date_says_its_value_and_a_person_opens_its_page(watched: Watched, server: str, shots: Path) -> None:
    page = watched.page
    page.goto(server + _document_number(page, server, "brigade.txt"))
    date = page.locator(".source-text .a-date", has_text="Le lendemain")
    expect(date).to_have_attribute("title", "ISO : 1916-06-15 · intervalle : 1916-06-15 → 1916-06-15 · "
                                   "confiance : " + date.get_attribute("title").split("confiance : ")[1])
    assert "ancrage : relative à une date précédente (« Le 14 juin 1916 »)" in date.get_attribute("title")
    page.screenshot(path=shots / "document.png", full_page=True)
    page.locator(".source-text a.a-person", has_text="Paul Durantel").click()
    expect(page.locator("h1")).to_contain_text("Paul Durantel")
    expect(page.locator("h1")).to_contain_text("personne")
    expect(page.get_by_role("link", name="rassemble")).to_be_visible()
    expect(page.get_by_text("Aucun constat entre sources ne le concerne.")).to_be_visible()
    page.screenshot(path=shots / "person.png", full_page=True)


def test_a_finding_click_highlights_its_evidence(watched: Watched, server: str, shots: Path) -> None:
    page = watched.page
    page.goto(server + _document_number(page, server, "brigade.txt"))
    finding = page.locator("button.finding", has_text="Total qui ne correspond pas à ses parties")
    lit = page.locator(".source-text .evidence-on")
    expect(lit).to_have_count(0)
    finding.click()
    expect(finding).to_have_attribute("aria-pressed", "true")
    assert lit.count() > 0
    assert "2 300" in "".join(lit.all_inner_texts()) and "1 100" in "".join(lit.all_inner_texts())
    expect(lit.first).to_be_in_viewport()
    page.screenshot(path=shots / "document-finding.png", full_page=True)


def test_the_chronology_tab_lists_one_line_per_happening(watched: Watched, server: str, shots: Path) -> None:
    page = watched.page
    page.goto(server + _document_number(page, server, "brigade.txt") + "?vue=chronologie")
    rows = page.locator("table.chronology tbody tr")
    expect(rows.first).to_contain_text("1916-06-14")
    expect(rows.first).to_contain_text("rassemble")
    expect(rows).to_have_count(3)  # "rassemble", "attaque", "occupe"; the quote's verbs are not happenings
    expect(rows.nth(1)).to_contain_text("1916-06-15")
    expect(rows.nth(1).get_by_role("link", name="attaque")).to_be_visible()
    page.screenshot(path=shots / "chronology.png", full_page=True)


def test_timeline_items_appear_and_open_their_passage(watched: Watched, server: str, shots: Path) -> None:
    page = watched.page
    page.goto(server + "/chronologie")
    item = page.locator(".vis-item", has_text="rassemble")
    expect(item).to_be_visible()
    expect(page.locator(".vis-item.uncertain", has_text="occupe")).to_have_count(1)
    page.screenshot(path=shots / "timeline.png", full_page=True)
    item.click()
    page.wait_for_url("**/document/*#evt-*")
    expect(page.locator(".source-text :target")).to_have_text("rassemble")


def test_timeline_filters_by_person_and_period(watched: Watched, server: str) -> None:
    page = watched.page
    page.goto(server + "/chronologie?personne=Morvan")
    expect(page.locator(".vis-item", has_text="attaque")).to_have_count(1)
    expect(page.locator(".vis-item", has_text="rassemble")).to_have_count(0)
    page.goto(server + "/chronologie?de=1917&a=1917")
    expect(page.locator(".vis-item").first).to_be_visible()
    expect(page.locator(".vis-item", has_text="rassemble")).to_have_count(0)
    page.goto(server + "/chronologie?unite=12e bataillon de chasseurs")
    expect(page.locator(".vis-item", has_text="arrive")).to_have_count(1)
    expect(page.locator(".vis-item", has_text="rassemble")).to_have_count(0)
    page.goto(server + "/chronologie?unite=Garde impériale")
    expect(page.get_by_role("alert").first).to_contain_text("Aucune unité du corpus")
    page.goto(server + "/chronologie?de=mille")
    expect(page.get_by_role("alert").first).to_contain_text("« de »")


def test_hostile_markup_is_shown_as_text_and_never_runs(watched: Watched, server: str, shots: Path) -> None:
    page = watched.page
    page.goto(server + _document_number(page, server, "hostile.txt"))
    text = page.locator(".source-text")
    expect(text).to_contain_text("<script>alert(1)</script>")
    expect(text).to_contain_text('"><img src=x onerror=alert(1)>')
    assert page.locator(".source-text img, .source-text script").count() == 0
    page.screenshot(path=shots / "hostile.png", full_page=True)
    page.goto(server + "/chronologie?de=1917")
    page.locator(".vis-item", has_text="lit").hover()
    tooltip = page.locator(".vis-tooltip")
    expect(tooltip).to_contain_text('"><img src=x onerror=alert(1)>')  # shown as text, not made an image
    assert tooltip.locator("img").count() == 0
    for path in ("/recherche?q=alert", "/entites", "/graphe", "/carte"):
        page.goto(server + path)
        page.wait_for_load_state("networkidle")
    expect(page.locator(".results")).to_have_count(0)
    page.goto(server + "/recherche?q=alert")
    expect(page.locator(".results")).to_contain_text("<script>alert(1)")
    expect(page.locator(".results")).to_contain_text('"><img src=x onerror=alert(1)>')
    expect(page.locator(".results mark").first).to_have_text("alert")
    assert page.locator(".results img, .results script").count() == 0
    # `watched` asserts on teardown that no dialog opened and no console error was logged.


def test_search_with_facets_in_time_order(watched: Watched, server: str, shots: Path) -> None:
    page = watched.page
    page.goto(server + "/recherche?q=le")
    years = page.locator(".facet-year li a").all_inner_texts()
    assert years == sorted(years) and {"1916", "1917"} <= set(years)
    expect(page.locator(".facet-person")).to_contain_text("Paul Durantel")
    page.screenshot(path=shots / "search.png", full_page=True)
    page.locator(".facet-year a", has_text="1917").click()
    expect(page.locator(".chip")).to_contain_text("année : 1917")
    expect(page.locator(".results")).not_to_contain_text("Durantel")
    expect(page.locator(".results")).to_contain_text("Parmentier")
    page.goto(server + "/recherche?q=&unite=12e bataillon")
    expect(page.locator(".results li")).not_to_have_count(0)
    expect(page.locator(".results")).not_to_contain_text("Durantel")


def test_entities_page_lists_people_and_units(watched: Watched, server: str, shots: Path) -> None:
    page = watched.page
    page.goto(server + "/entites")
    expect(page.get_by_role("link", name="Henri Morvan")).to_be_visible()
    expect(page.get_by_role("link", name="47e régiment d'infanterie")).to_be_visible()
    page.screenshot(path=shots / "entities.png", full_page=True)
    page.get_by_role("link", name="47e régiment d'infanterie").click()
    expect(page.locator("h1")).to_contain_text("unité")
    page.screenshot(path=shots / "unit.png", full_page=True)


def test_an_oversized_upload_is_refused_with_a_message(watched: Watched, server: str, tmp_path: Path) -> None:
    page = watched.page
    big = tmp_path / "gros.txt"
    big.write_bytes(b"Le 1er mai 1900. " * (6 * 1024 * 1024 // 17))
    page.goto(server + "/")
    page.set_input_files("input[name=files]", str(big))
    with page.expect_response("**/ajouter"):
        page.get_by_role("button", name="Analyser").click()
    expect(page.get_by_role("alert")).to_contain_text("Fichier trop volumineux : la limite est de 5 Mo")
    watched.errors = [error for error in watched.errors if "413" not in error]  # the refusal itself is logged


def test_the_graph_draws_the_entities_and_a_node_opens_its_page(watched: Watched, server: str, shots: Path) -> None:
    page = watched.page
    page.goto(server + "/graphe")
    expect(page.locator("#graph canvas").first).to_be_visible()
    expect(page.locator("#graph-status")).to_contain_text("lien(s)")
    nodes = int(page.locator("#graph").get_attribute("data-nodes") or 0)
    assert nodes >= 8  # persons, units, places of the three texts
    page.screenshot(path=shots / "graph.png", full_page=True)
    data = page.evaluate("fetch('/api/graphe').then((r) => r.json())")
    names = {node["name"] for node in data["nodes"]}
    assert {"Paul Durantel", "Henri Morvan", "Reims"} <= names
    durantel = next(node["id"] for node in data["nodes"] if node["name"] == "Paul Durantel")
    assert any(durantel in (edge["source"], edge["target"]) for edge in data["edges"])
    page.evaluate(f"window.annalesGraph.getElementById('n{durantel}').emit('tap')")
    detail = page.locator("#node-detail")
    expect(detail.get_by_role("link", name="rassemble")).to_be_visible()
    expect(detail).to_contain_text("1916-06-14")
    expect(detail).to_contain_text("Le 14 juin 1916, le général Paul Durantel rassemble")
    page.screenshot(path=shots / "graph-node.png", full_page=True)


def test_the_map_places_markers_offline_and_lists_the_others(watched: Watched, server: str, shots: Path) -> None:
    page = watched.page
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(server + "/carte")
    expect(page.locator("#map-status")).to_contain_text("placé")
    markers = page.locator("#map path.place-marker")
    assert markers.count() >= 4  # Verdun, Reims, Caures, Bras (towns and the project's table)
    expect(page.locator("#map path.leaflet-interactive").first).to_be_attached()
    page.screenshot(path=shots / "map.png", full_page=True)
    data = page.evaluate("fetch('/api/carte').then((r) => r.json())")
    placed = {place["name"]: place for place in data["placed"]}
    assert abs(placed["Verdun"]["lat"] - 49.16) < 0.05 and placed["Verdun"]["source"] == "geonames"
    assert placed["Caures"]["source"] == "annales"
    slider = page.locator("#year")
    slider.fill("1916")
    shown = int(page.locator("#map").get_attribute("data-visible") or 0)
    assert 0 < shown < markers.count() + 1 and "Reims" in placed
    assert page.locator("#map path.place-marker").count() < len(data["placed"])  # Reims (1917) hidden
    markers.first.click(force=True)
    expect(page.locator("#place-detail a").first).to_be_visible()
    assert all(url.startswith(server) for url in requested), "a request left the machine"


def _tab_to(page: Page, selector: str, presses: int = 200) -> None:
    """Press Tab from the top of the page until the focus is on an element matching `selector`."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate("(selector) => document.activeElement.matches(selector)", selector):
            return
    raise AssertionError(f"no {selector} reached from the keyboard")


def test_every_graph_node_and_command_is_reachable_from_the_keyboard(watched: Watched, server: str,
                                                                      shots: Path) -> None:
    page = watched.page
    page.goto(server + "/graphe")
    expect(page.locator("#graph-status")).to_contain_text("commandement")
    buttons = page.locator("#graph-nodes button")
    expect(buttons).to_have_count(int(page.locator("#graph").get_attribute("data-nodes") or 0))
    _tab_to(page, "#graph-nodes button")
    first = page.evaluate("document.activeElement.textContent")
    page.keyboard.press("Enter")
    expect(page.locator("#node-detail h3")).to_have_text(first)
    assert page.evaluate("window.annalesGraph.$('node:selected').data('label')") == first
    page.keyboard.press("Tab")
    second = page.evaluate("document.activeElement.textContent")
    page.keyboard.press("Space")
    expect(page.locator("#node-detail h3")).to_have_text(second)
    expect(page.locator("#graph-nodes button[aria-pressed=true]")).to_have_text(second)
    page.goto(server + "/graphe")
    _tab_to(page, "#graph-commands button")
    expect(page.locator(":focus")).to_have_text("Étienne Lacombe → 21e régiment d'infanterie")
    page.keyboard.press("Enter")
    detail = page.locator("#node-detail")
    expect(detail.locator("h3")).to_have_text("Étienne Lacombe commande 21e régiment d'infanterie")
    expect(detail.locator("blockquote")).to_contain_text("commandé par le colonel Étienne Lacombe")
    data = page.evaluate("fetch('/api/graphe').then((r) => r.json())")
    assert {edge["kind"] for edge in data["edges"]} == {"co-occurrence", "command"}
    assert page.evaluate("window.annalesGraph.edges('.command').length") == 1
    page.screenshot(path=shots / "graph-command.png", full_page=True)
    detail.get_by_role("link", name="ouvrir le passage").click()
    page.wait_for_url("**/document/*#rel-1")
    target = page.locator(".source-text :target")
    expect(target).to_have_count(1)  # the cue "commandé" is also an event's trigger: its anchor comes first
    assert page.locator(".source-text .a-command").all_inner_texts() == ["commandé"]
    lit = page.evaluate("getComputedStyle(document.querySelector('.source-text :target + *')).outlineStyle")
    assert lit == "solid"


def test_every_map_marker_is_reachable_from_the_keyboard(watched: Watched, server: str, shots: Path) -> None:
    page = watched.page
    page.goto(server + "/carte")
    expect(page.locator("#map-status")).to_contain_text("placé")
    data = page.evaluate("fetch('/api/carte').then((r) => r.json())")
    expect(page.locator("#place-list button")).to_have_count(len(data["placed"]))
    _tab_to(page, "#place-list button")
    name = page.evaluate("document.activeElement.textContent")
    page.keyboard.press("Enter")
    expect(page.locator("#place-detail h3")).to_have_text(name)
    expect(page.locator(".leaflet-tooltip")).to_have_text(name)
    page.keyboard.press("Tab")
    other = page.evaluate("document.activeElement.textContent")
    page.keyboard.press("Enter")
    expect(page.locator("#place-detail h3")).to_have_text(other)
    expect(page.locator(".leaflet-tooltip")).to_have_text(other)  # one tooltip at a time
    page.screenshot(path=shots / "map-keyboard.png", full_page=True)


def test_the_timeline_shows_the_story_order_and_its_flashbacks(watched: Watched, server: str, shots: Path) -> None:
    page = watched.page
    href = _document_number(page, server, "commande.txt")
    page.goto(server + href)
    page.get_by_role("link", name="avec l'ordre du récit").click()
    expect(page.locator(".vis-label", has_text="ordre du récit")).to_be_visible()
    expect(page.locator(".vis-item.vis-box.story").first).to_be_visible()
    flashback = page.locator(".vis-item.vis-box.story.flashback")  # a box also draws its line and dot
    expect(flashback).to_have_count(1)
    expect(flashback).to_contain_text("reçu")
    expect(page.locator("#timeline-status")).to_contain_text("1 retour(s) en arrière")
    page.screenshot(path=shots / "timeline-story.png", full_page=True)
    flashback.click()
    page.wait_for_url("**/document/*#evt-*")
    expect(page.locator(".source-text :target")).to_have_text("reçu")
