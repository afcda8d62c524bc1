"""The Starlette application: pages rendered by Jinja2 (autoescaped), data for the scripts as JSON.

Every page reads the store through a connection of its own (SQLite connections stay in their
thread; Starlette runs these handlers in its thread pool). No value the client sends is used as
a path: documents and entities are addressed by their row numbers, uploads get names made here.
"""

from __future__ import annotations

import html
import re
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from annales.corpus import open_store, people
from annales.corpus.filters import FilterError, Filters
from annales.corpus.search import search
from annales.web import geo, queries
from annales.web.jobs import Analyser, default_texts_dir, paste_name
from annales.web.messages import french, legend
from annales.web.security import SecurityHeaders
from annales.web.segments import segments

HERE = Path(__file__).resolve().parent
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_DOCUMENTS = 5000
TIMELINE_ITEMS = 2000  # vis-timeline draws 2 000 items in about a second; the filters narrow the rest down
UPLOAD_SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
GRAPH_TYPES = ("person", "unit", "ship", "place")


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True, trim_blocks=True,
                      lstrip_blocks=True)
    env.globals["fr"] = french
    env.filters["marked"] = marked
    return env


class Workbench:
    def __init__(self, store_path: str, *, max_upload: int = MAX_UPLOAD_BYTES,
                 max_documents: int = MAX_DOCUMENTS) -> None:
        self.store_path = store_path
        self.max_upload = max_upload
        open_store(store_path, create=True).close()  # raises StoreError for a file that is not a store
        self.analyser = Analyser(store_path, default_texts_dir(store_path), max_documents)
        self.templates = Jinja2Templates(env=_environment())

    @contextmanager
    def connect(self) -> Iterator[sqlite3.Connection]:
        conn = open_store(self.store_path)
        try:
            yield conn
        finally:
            conn.close()

    def page(self, request: Request, name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
        return self.templates.TemplateResponse(request, name, context, status_code=status)

    # --- corpus and adding texts -------------------------------------------------------------

    def index(self, request: Request) -> HTMLResponse:
        return self.page(request, "index.html", self._corpus_context(request))

    def corpus_part(self, request: Request) -> HTMLResponse:
        return self.page(request, "_corpus.html", self._corpus_context(request))

    def _corpus_context(self, request: Request, message: str | None = None) -> dict[str, Any]:
        with self.connect() as conn:
            docs = queries.documents(conn)
            numbers = {document.id: document.doc for document in docs}
        return {"documents": docs, "jobs": self.analyser.recent(), "busy": self.analyser.busy,
                "numbers": numbers, "message": message, "max_mb": self.max_upload // (1024 * 1024)}

    async def add_texts(self, request: Request) -> HTMLResponse:
        limit_mb = self.max_upload // (1024 * 1024)
        too_large = f"Fichier trop volumineux : la limite est de {limit_mb} Mo par envoi."
        if int(request.headers.get("content-length") or 0) > self.max_upload + 64 * 1024:
            return await self._corpus_answer(request, too_large, 413)
        try:
            form = await request.form(max_files=20, max_fields=10, max_part_size=self.max_upload + 1)
        except Exception:  # a malformed or oversized body: python-multipart's errors vary by case
            return await self._corpus_answer(request, too_large, 413)
        dct = str(form.get("dct") or "").strip() or None
        text = str(form.get("text") or "")
        uploads = [item for item in form.getlist("files") if isinstance(item, UploadFile) and item.filename]
        problems: list[str] = []
        given: list[tuple[str, str, bytes]] = []
        if text.strip():
            given.append((paste_name(), ".txt", text.encode("utf-8")))
        for upload in uploads:
            name = upload.filename or "texte"
            suffix = Path(name).suffix.lower()
            data = await upload.read(self.max_upload + 1)
            if suffix not in UPLOAD_SUFFIXES:
                problems.append(f"{name} : type de fichier refusé (acceptés : .txt, .html, .jsonl).")
            elif len(data) > self.max_upload:
                problems.append(f"{name} : {too_large}")
            else:
                given.append((name, ".html" if suffix == ".htm" else suffix, data))
        if not given and not problems:
            problems.append("Rien à analyser : collez un texte ou choisissez un fichier.")
        for name, suffix, data in given:
            self.analyser.submit(name, suffix, data, dct)
        status = 200 if given or not problems else 413 if any(too_large in p for p in problems) else 400
        return await self._corpus_answer(request, " ".join(problems) or None, status)

    async def _corpus_answer(self, request: Request, message: str | None, status: int) -> HTMLResponse:
        # The store is read in the thread pool: the event loop never waits on SQLite.
        context = await run_in_threadpool(self._corpus_context, request, message)
        return self.page(request, "_corpus.html", context, status=status)

    # --- one document ------------------------------------------------------------------------

    def document(self, request: Request) -> HTMLResponse:
        doc = int(request.path_params["doc"])
        with self.connect() as conn:
            found = queries.document(conn, doc)
            data = queries.analysis(conn, doc)
            if found is None or data is None:
                raise HTTPException(404, "Document introuvable.")
            pages = queries.entity_pages(conn, doc)
            chronology = queries.happenings(conn, Filters(), doc=doc)
        story = request.query_params.get("ordre") == "recit"
        if story:  # the order the text tells them in, beside the order they happened in
            chronology.sort(key=lambda happening: (happening.story_order is None, happening.story_order or 0))
        findings = [{**finding, "title": french("finding", finding["kind"]),
                     "help": french("finding-help", finding["kind"]),
                     "severity_fr": french("severity", finding.get("severity"))}
                    for finding in data.get("findings") or []]
        return self.page(request, "document.html", {
            "document": found, "segments": segments(data, pages), "findings": findings, "legend": legend(),
            "chronology": chronology, "story": story,
            "view": "chronologie" if request.query_params.get("vue") == "chronologie" else "texte"})

    # --- timeline ----------------------------------------------------------------------------

    def _filters(self, request: Request) -> tuple[Filters, str | None]:
        """The timeline's filters; a unit is looked up among the corpus's units (its group's events)."""
        params = request.query_params
        try:
            filters = Filters.parse(params.get("personne") or None, params.get("lieu") or None,
                                    params.get("de") or None, params.get("a") or None)
        except FilterError as exc:
            return Filters(), str(exc).replace("--from", "« de »").replace("--to", "« à »")
        unit = (params.get("unite") or "").strip()
        if not unit:
            return filters, None
        with self.connect() as conn:
            units = [group for group in people.find(conn, unit) if group.type == "unit"]
        if not units:
            return Filters(), f"Aucune unité du corpus ne s'appelle « {unit} »."
        return replace(filters, corpus_entity=units[0].corpus_entity), None

    @staticmethod
    def _doc_param(request: Request) -> int | None:
        value = request.query_params.get("doc", "")
        return int(value) if value.isdigit() else None

    def timeline(self, request: Request) -> HTMLResponse:
        _, problem = self._filters(request)
        doc = self._doc_param(request)
        with self.connect() as conn:
            found = queries.document(conn, doc) if doc is not None else None
        return self.page(request, "timeline.html", {"params": request.query_params, "problem": problem,
                                                    "document": found})

    def timeline_data(self, request: Request) -> JSONResponse:
        filters, problem = self._filters(request)
        if problem:
            return JSONResponse({"error": problem, "items": []}, status_code=400)
        with self.connect() as conn:
            found = queries.happenings(conn, filters, doc=self._doc_param(request), limit=TIMELINE_ITEMS + 1)
        truncated = len(found) > TIMELINE_ITEMS
        found = found[:TIMELINE_ITEMS]
        story = request.query_params.get("recit") == "1"
        told = story_ranks(found) if story else {}
        items = []
        for number, happening in enumerate(found):
            ranged = happening.earliest[:10] != happening.latest[:10]
            names = [name for name, role, _ in happening.takers if role != "place"]
            who = ", ".join(names[:2]) + (" …" if len(names) > 2 else "")  # a label, not the whole list
            # vis-timeline reads `content` and `title` as HTML: the texts are escaped here.
            label = happening.trigger + (f" — {who}" if who else "")
            item = {
                "id": number, "content": html.escape(label),
                "title": html.escape(f"{happening.date} · {happening.document} · {happening.sentence or ''}"),
                "start": happening.earliest, "end": _day_end(happening.latest) if ranged else None,
                "type": "range" if ranged else "box",
                "className": " ".join(c for c in ("inferred" if happening.inferred else "",
                                                  "uncertain" if ranged else "") if c) or "exact",
                "href": f"/document/{happening.doc}#{happening.event}"}
            items.append(item)
            if story:
                item["group"] = "dates"
                rank, flashback = told[number]
                note = " · raconté après un événement plus tardif : retour en arrière" if flashback else ""
                items.append({
                    "id": f"r{number}", "group": "recit", "type": "box", "start": happening.earliest, "end": None,
                    "content": html.escape(f"{rank}{' ↩' if flashback else ''} {happening.trigger}"),
                    "title": html.escape(f"n° {rank} dans le récit{note} · {happening.date} · "
                                         f"{happening.sentence or ''}"),
                    "className": "story flashback" if flashback else "story", "rank": rank,
                    "flashback": flashback, "href": item["href"]})
        groups = [{"id": "dates", "content": "dates"}, {"id": "recit", "content": "ordre du récit"}] if story else None
        return JSONResponse({"items": items, "truncated": truncated, "groups": groups})

    # --- entities ----------------------------------------------------------------------------

    def entities(self, request: Request) -> HTMLResponse:
        with self.connect() as conn:
            kinds = {kind: people.groups(conn, kind, limit=300) for kind in ("people", "units", "places")}
        return self.page(request, "entities.html", {"kinds": kinds})

    def entity(self, request: Request) -> HTMLResponse:
        number = int(request.path_params["entity"])
        with self.connect() as conn:
            found = people.find(conn, f"#{number}")
            if not found:
                raise HTTPException(404, "Entité introuvable.")
            profile = people.profile(conn, found[0])
            numbers = {document.id: document.doc for document in queries.documents(conn)}
            happenings = queries.happenings(conn, Filters(corpus_entity=number))
            cross = queries.findings_about(conn, number)
            commands = queries.commands_of(conn, number)
        return self.page(request, "entity.html", {"profile": profile, "numbers": numbers, "happenings": happenings,
                                                  "cross": cross, "commands": commands})

    # --- map ---------------------------------------------------------------------------------

    def map_page(self, request: Request) -> HTMLResponse:
        return self.page(request, "map.html", {})

    def map_data(self, request: Request) -> JSONResponse:
        with self.connect() as conn:
            places = people.groups(conn, "places", limit=1000)
            events = queries.place_events(conn)
        placed, unplaced = [], []
        for group in places:
            point = geo.locate([group.name, *group.names])
            entry = {"id": group.corpus_entity, "name": group.name, "mentions": group.mentions,
                     "events": events.get(group.corpus_entity, [])}
            if point is None:
                unplaced.append(entry)
            else:
                placed.append({**entry, "lat": point.latitude, "lon": point.longitude, "source": point.source})
        # Leaflet popups take markup: the script builds them from text nodes, never from these strings as HTML.
        return JSONResponse({"placed": placed, "unplaced": unplaced})

    # --- graph -------------------------------------------------------------------------------

    def graph_page(self, request: Request) -> HTMLResponse:
        return self.page(request, "graph.html", {"legend": [(kind, french("entity", kind)) for kind in GRAPH_TYPES]})

    def graph_data(self, request: Request) -> JSONResponse:
        with self.connect() as conn:
            found = queries.graph(conn)
        # cytoscape draws labels as text on a canvas, never as markup: the names go as they are.
        return JSONResponse({"nodes": found["nodes"], "edges": found["edges"]})

    def entity_passages(self, request: Request) -> JSONResponse:
        """An entity's dated happenings with their passages (the graph's side panel)."""
        number = int(request.path_params["entity"])
        with self.connect() as conn:
            found = queries.happenings(conn, Filters(corpus_entity=number), limit=200)
        # Set as text by the script, never as markup.
        return JSONResponse({"passages": [
            {"date": happening.date, "trigger": happening.trigger, "sentence": happening.sentence or "",
             "document": happening.document.rsplit("/", 1)[-1], "href": f"/document/{happening.doc}#{happening.event}"}
            for happening in found]})

    # --- search ------------------------------------------------------------------------------

    def search_page(self, request: Request) -> HTMLResponse:
        params = request.query_params
        query = params.get("q", "")
        person, place, unit, year = (params.get(key) or None for key in ("personne", "lieu", "unite", "annee"))
        problem = None
        try:
            filters = Filters.parse(person, place, year, year)
        except FilterError:
            filters, problem = Filters(person=person, place=place), f"Année illisible : {year!r}."
        with self.connect() as conn:
            passages = search(conn, query, filters, limit=1000, marks=SEARCH_MARKS)
            if unit:
                keep = queries.sentences_naming(conn, "unit", unit)
                passages = [passage for passage in passages if (passage.document, passage.sentence) in keep]
            facets = queries.facets(conn, [(passage.document, passage.sentence) for passage in passages])
            numbers = {document.id: document.doc for document in queries.documents(conn)}
        searched = bool(query.strip() or person or place or unit or year)
        return self.page(request, "search.html", {
            "query": query, "params": params, "passages": passages[:100] if searched else [],
            "total": len(passages) if searched else 0, "facets": facets if searched else {},
            "numbers": numbers, "searched": searched, "problem": problem,
            "active": {"personne": person, "lieu": place, "unite": unit, "annee": year}})


# FTS5 marks the matching words with these: two Unicode noncharacters, which the standard keeps for
# a program's internal use and never gives a meaning, so brackets or any sign of a text are never
# taken for a mark. A stray one in a text (they are not forbidden) is dropped, never shown.
SEARCH_MARKS = ("\ufdd0", "\ufdd1")
_MARKED = re.compile(SEARCH_MARKS[0] + "([^" + "".join(SEARCH_MARKS) + "]*)" + SEARCH_MARKS[1])


def marked(text: str) -> list[tuple[str, bool]]:
    """A search passage as (text, matched) pieces: the words FTS5 put between SEARCH_MARKS are
    matched; the template escapes every piece and wraps the matched ones in <mark>."""
    pieces: list[tuple[str, bool]] = []
    at = 0
    for match in _MARKED.finditer(text):
        pieces += [(text[at:match.start()], False), (match[1], True)]
        at = match.end()
    pieces.append((text[at:], False))
    stray = str.maketrans("", "", "".join(SEARCH_MARKS))
    return [(piece.translate(stray), hit) for piece, hit in pieces if piece.translate(stray)]


def story_ranks(found: list[Any]) -> dict[int, tuple[int, bool]]:
    """Index of a happening -> (its rank in the telling of its document, 1 = told first; whether it
    is a flashback: told after a happening of its document that happened entirely later).

    Ranks count the happenings shown, so they run 1, 2, 3 … without the gaps of the events that are
    no happening; a flashback compares with every happening told before it, not only the last one,
    so a text that goes back twice in a row marks both steps."""
    by_document: dict[int, list[int]] = {}
    for index, happening in enumerate(found):
        by_document.setdefault(happening.doc, []).append(index)
    result: dict[int, tuple[int, bool]] = {}
    for indexes in by_document.values():
        indexes.sort(key=lambda k: (found[k].story_order is None, found[k].story_order or 0, k))
        latest_told = ""
        for rank, index in enumerate(indexes, start=1):
            happening = found[index]
            result[index] = (rank, happening.latest[:10] < latest_told)
            latest_told = max(latest_told, happening.earliest[:10])
    return result


def _day_end(latest: str) -> str:
    """The end of an interval's last day, as vis-timeline draws a range up to its end instant."""
    return latest if "T" in latest else f"{latest}T23:59:59"


LOOPBACK = ("127.0.0.1", "localhost", "::1")


def create_app(store_path: str, *, loopback_only: bool = False, **options: Any) -> Starlette:
    """The application over the store at `store_path`. `loopback_only` (a server listening on the
    loopback) answers only requests addressed to localhost: a page of another site that rebinds its
    own name to 127.0.0.1 cannot read the corpus."""
    bench = Workbench(store_path, **options)
    threading.Thread(target=geo.warm, name="annales-web-gazetteer", daemon=True).start()

    async def not_found(request: Request, exc: Exception) -> Response:
        detail = exc.detail if isinstance(exc, HTTPException) else "Page introuvable."
        status = exc.status_code if isinstance(exc, HTTPException) else 404
        return bench.page(request, "error.html", {"detail": detail}, status=status)

    routes = [
        Route("/", bench.index),
        Route("/corpus", bench.corpus_part),
        Route("/ajouter", bench.add_texts, methods=["POST"]),
        Route("/document/{doc:int}", bench.document),
        Route("/chronologie", bench.timeline),
        Route("/api/chronologie", bench.timeline_data),
        Route("/entites", bench.entities),
        Route("/entite/{entity:int}", bench.entity),
        Route("/api/entite/{entity:int}/passages", bench.entity_passages),
        Route("/recherche", bench.search_page),
        Route("/carte", bench.map_page),
        Route("/api/carte", bench.map_data),
        Route("/graphe", bench.graph_page),
        Route("/api/graphe", bench.graph_data),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    middleware = [Middleware(SecurityHeaders)]
    if loopback_only:
        middleware.insert(0, Middleware(TrustedHostMiddleware, allowed_hosts=["127.0.0.1", "localhost", "[::1]"]))
    app = Starlette(routes=routes, middleware=middleware,
                    exception_handlers={HTTPException: not_found})
    app.state.workbench = bench
    return app
