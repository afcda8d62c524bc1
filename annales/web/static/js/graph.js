// The graph page: corpus entities from /api/graphe drawn by cytoscape (labels on a canvas, never markup).
"use strict";

const COLOURS = { person: "#d0452c", unit: "#4056c8", ship: "#16818f", place: "#2e8b46" };

function element(tag, text, attributes = {}) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
  return node;
}

// A node's passages in the side panel, every text set as text.
async function showPassages(entity, label) {
  const box = document.getElementById("node-detail");
  const data = await fetch(`/api/entite/${entity}/passages`).then((response) => response.json());
  const title = element("h3");
  title.append(element("a", label, { href: `/entite/${entity}` }));
  const list = element("ol", undefined, { class: "passages" });
  data.passages.forEach((passage) => {
    const item = element("li");
    item.append(element("strong", `${passage.date} `), element("a", passage.trigger, { href: passage.href }),
                element("small", ` (${passage.document})`), element("p", passage.sentence));
    list.append(item);
  });
  const none = element("p", data.passages.length ? `${data.passages.length} passage(s) daté(s).` : "Aucun passage daté.");
  box.replaceChildren(title, none, list);
}

document.addEventListener("DOMContentLoaded", async () => {
  const container = document.getElementById("graph");
  const status = document.getElementById("graph-status");
  const response = await fetch(container.dataset.source, { headers: { Accept: "application/json" } });
  const data = await response.json();
  if (!data.nodes.length) {
    status.textContent = "Aucune entité dans le corpus.";
    container.hidden = true;
    return;
  }
  const most = Math.max(...data.nodes.map((node) => node.mentions), 1);
  const elements = [
    ...data.nodes.map((node) => ({
      data: { id: `n${node.id}`, entity: node.id, label: node.name, type: node.type,
              size: 14 + 36 * Math.sqrt(node.mentions / most) },
    })),
    ...data.edges.map((edge) => ({
      data: { id: `e${edge.source}-${edge.target}`, source: `n${edge.source}`, target: `n${edge.target}`,
              width: Math.min(1 + edge.events, 8) },
    })),
  ];
  const graph = cytoscape({
    container, elements, wheelSensitivity: 0.3,
    layout: { name: "cose", animate: false, randomize: false },
    style: [
      { selector: "node", style: {
        label: "data(label)", width: "data(size)", height: "data(size)", "font-size": 11,
        "background-color": (node) => COLOURS[node.data("type")] || "#777", "text-valign": "bottom",
        "text-margin-y": 3, "text-background-color": "#fff", "text-background-opacity": 0.7 } },
      { selector: "edge", style: { width: "data(width)", "line-color": "#b9b9c6", "curve-style": "haystack" } },
    ],
  });
  status.textContent = `${data.nodes.length} entité(s), ${data.edges.length} lien(s).`;
  container.dataset.nodes = String(data.nodes.length);
  window.annalesGraph = graph; // exposed so that the tests (and the console) can drive the graph
  graph.on("tap", "node", (event) => showPassages(event.target.data("entity"), event.target.data("label")));
});
