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
      data: { id: `${edge.kind === "command" ? "c" : "e"}${edge.source}-${edge.target}`, kind: edge.kind,
              source: `n${edge.source}`, target: `n${edge.target}`, width: Math.min(1 + edge.events, 8),
              evidence: edge.evidence || "", href: edge.href || "" },
      classes: edge.kind === "command" ? "command" : "together",
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
      { selector: "edge.together", style: { width: "data(width)", "line-color": "#b9b9c6", "curve-style": "haystack" } },
      // A command is drawn apart from co-occurrence: dark, dashed, with an arrow from the person to the unit.
      { selector: "edge.command", style: {
        width: 3, "line-color": "#6b2fa0", "line-style": "dashed", "curve-style": "bezier",
        "target-arrow-shape": "triangle", "target-arrow-color": "#6b2fa0" } },
      { selector: "node:selected", style: { "border-width": 4, "border-color": "#111" } },
    ],
  });
  const commands = data.edges.filter((edge) => edge.kind === "command");
  status.textContent = `${data.nodes.length} entité(s), ${data.edges.length - commands.length} lien(s) ` +
    `d'événements communs, ${commands.length} lien(s) de commandement.`;
  container.dataset.nodes = String(data.nodes.length);
  window.annalesGraph = graph; // exposed so that the tests (and the console) can drive the graph
  graph.on("tap", "node", (event) => showPassages(event.target.data("entity"), event.target.data("label")));
  graph.on("tap", "edge.command", (event) => showCommand(graph, event.target));
  listNodes(graph, data.nodes);
  listCommands(graph, commands);
});

// The keyboard's way into the graph: one button per node, in the order of mentions; Enter or Space
// selects the node in the drawing, centres it and lists its passages.
function listNodes(graph, nodes) {
  const list = document.getElementById("graph-nodes");
  nodes.forEach((node) => {
    const button = element("button", node.name, { type: "button", class: `node-button node-${node.type}`,
                                                 "data-entity": String(node.id) });
    button.addEventListener("click", () => {
      const drawn = graph.getElementById(`n${node.id}`);
      graph.elements().unselect();
      drawn.select();
      graph.center(drawn);
      list.querySelectorAll("button[aria-pressed]").forEach((other) => other.removeAttribute("aria-pressed"));
      button.setAttribute("aria-pressed", "true");
      showPassages(node.id, node.name);
    });
    const item = element("li");
    item.append(button);
    list.append(item);
  });
}

function listCommands(graph, commands) {
  const list = document.getElementById("graph-commands");
  const names = new Map(graph.nodes().map((node) => [node.data("entity"), node.data("label")]));
  commands.forEach((edge) => {
    const button = element("button", `${names.get(edge.source)} → ${names.get(edge.target)}`,
                           { type: "button", class: "command-button" });
    button.addEventListener("click", () => showCommand(graph, graph.getElementById(`c${edge.source}-${edge.target}`)));
    const item = element("li");
    item.append(button);
    list.append(item);
  });
  document.getElementById("graph-commands-box").hidden = !commands.length;
}

// A command link in the side panel: who, what, and the words of the text that say it.
function showCommand(graph, edge) {
  const box = document.getElementById("node-detail");
  const title = element("h3", `${edge.source().data("label")} commande ${edge.target().data("label")}`);
  const quote = element("blockquote", edge.data("evidence"));
  const link = element("a", "ouvrir le passage", { href: edge.data("href") });
  box.replaceChildren(title, quote, link);
}
