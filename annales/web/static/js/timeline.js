// The timeline page: items from /api/chronologie (texts escaped by the server), a click opens the passage.
"use strict";

document.addEventListener("DOMContentLoaded", async () => {
  const container = document.getElementById("timeline");
  const status = document.getElementById("timeline-status");
  if (!container) return; // a filter the server could not read: it says so on the page
  const response = await fetch(container.dataset.source, { headers: { Accept: "application/json" } });
  const data = await response.json();
  if (!response.ok) {
    status.textContent = data.error || "Chronologie indisponible.";
    return;
  }
  if (!data.items.length) {
    status.textContent = "Aucun événement daté ne correspond.";
    container.hidden = true;
    return;
  }
  const items = new vis.DataSet(data.items.map((item) => {
    const copy = { ...item };
    if (copy.end === null) delete copy.end;
    return copy;
  }));
  const options = { locale: "fr", stack: true, zoomKey: "ctrlKey", orientation: "top", maxHeight: 600 };
  // With the story order asked for, a second lane repeats each happening at its date with its rank in
  // the telling; the ones told after something that happened later (flashbacks) are marked.
  const timeline = data.groups
    ? new vis.Timeline(container, items, new vis.DataSet(data.groups), options)
    : new vis.Timeline(container, items, options);
  if (data.groups) {
    timeline.fit({ animation: false }); // with groups, vis-timeline may open on today's date instead of the items
    const back = data.items.filter((item) => item.flashback).length;
    container.dataset.flashbacks = String(back);
  }
  const shown = data.groups ? data.items.length / 2 : data.items.length;
  status.textContent = `${shown} événement(s) daté(s)` +
    (data.groups ? `, ${container.dataset.flashbacks} retour(s) en arrière dans le récit` : "") +
    (data.truncated ? " (les premiers seulement : filtrez pour voir les autres)" : "") +
    ". Cliquez sur un événement pour ouvrir son passage.";
  timeline.on("click", (properties) => {
    if (properties.item === null || properties.item === undefined) return;
    const item = items.get(properties.item);
    if (item && item.href) window.location.assign(item.href);
  });
});
