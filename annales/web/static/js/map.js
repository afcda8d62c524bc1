// The map page: Natural Earth land outlines (bundled) and the corpus places from /api/carte, as circles
// sized by mentions. Every text goes into the page as a text node; a year slider keeps the places
// whose first dated event is not later than the year chosen (places with no dated event stay).
"use strict";

function element(tag, text, attributes = {}) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
  return node;
}

function detail(place) {
  const box = document.getElementById("place-detail");
  box.replaceChildren();
  const title = element("h3");
  title.append(element("a", place.name, { href: `/entite/${place.id}` }));
  box.append(title, element("p", `${place.mentions} mention(s) · ${place.events.length} événement(s) daté(s)`));
  const list = element("ul");
  place.events.forEach((event) => {
    const item = element("li", `${event.date} `);
    item.append(element("a", event.trigger, { href: event.href }));
    list.append(item);
  });
  box.append(list);
}

function firstYear(place) {
  return place.events.length ? parseInt(place.events[0].earliest.slice(0, 4), 10) : null;
}

document.addEventListener("DOMContentLoaded", async () => {
  const container = document.getElementById("map");
  const status = document.getElementById("map-status");
  const [data, land] = await Promise.all([
    fetch(container.dataset.source).then((response) => response.json()),
    fetch(container.dataset.land).then((response) => response.json()),
  ]);
  const map = L.map(container, { worldCopyJump: true, zoomAnimation: false, fadeAnimation: false }).setView([48.5, 4], 5);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Natural Earth (domaine public)");
  L.geoJSON(land, { style: { color: "#8a8f98", weight: 1, fillColor: "#eef0e6", fillOpacity: 1 } }).addTo(map);
  const most = Math.max(1, ...data.placed.map((place) => place.mentions));
  const markers = data.placed.map((place) => {
    const marker = L.circleMarker([place.lat, place.lon], {
      radius: 5 + 12 * Math.sqrt(place.mentions / most), color: "#2e8b46", weight: 2, fillOpacity: 0.6,
      className: "place-marker",
    });
    marker.bindTooltip(element("span", place.name)); // an element, not a string: Leaflet reads strings as HTML
    marker.on("click", () => detail(place));
    marker.addTo(map);
    return { place, marker, year: firstYear(place) };
  });
  if (data.placed.length) {
    map.fitBounds(L.latLngBounds(data.placed.map((place) => [place.lat, place.lon])).pad(0.3), { maxZoom: 6 });
  }
  // The keyboard's way to the markers: one button per placed place; Enter or Space shows its
  // detail, centres the map on it and opens its tooltip.
  const placeList = document.getElementById("place-list");
  let shownTooltip = null; // the tooltip the list opened: one at a time, as the mouse would
  markers.forEach((entry) => {
    const button = element("button", entry.place.name, { type: "button", class: "place-button",
                                                        "data-place": String(entry.place.id) });
    button.addEventListener("click", () => {
      map.panTo(entry.marker.getLatLng(), { animate: false });
      if (shownTooltip) shownTooltip.closeTooltip();
      shownTooltip = map.hasLayer(entry.marker) ? entry.marker : null; // one the year slider hides stays hidden
      if (shownTooltip) shownTooltip.openTooltip();
      placeList.querySelectorAll("button[aria-pressed]").forEach((other) => other.removeAttribute("aria-pressed"));
      button.setAttribute("aria-pressed", "true");
      detail(entry.place);
    });
    const item = element("li");
    item.append(button);
    placeList.append(item);
  });
  const unplaced = document.getElementById("unplaced");
  data.unplaced.forEach((place) => {
    const item = element("li");
    item.append(element("a", place.name, { href: `/entite/${place.id}` }));
    unplaced.append(item);
  });
  document.getElementById("unplaced-count").textContent = String(data.unplaced.length);
  const years = markers.map((entry) => entry.year).filter((year) => year !== null);
  const slider = document.getElementById("year");
  const shown = document.getElementById("year-value");
  if (years.length) {
    slider.min = String(Math.min(...years));
    slider.max = String(Math.max(...years));
    slider.value = slider.max;
    slider.disabled = false;
  }
  const update = () => {
    const limit = parseInt(slider.value, 10);
    shown.textContent = years.length ? slider.value : "—";
    markers.forEach((entry) => {
      const visible = entry.year === null || !years.length || entry.year <= limit;
      if (visible && !map.hasLayer(entry.marker)) entry.marker.addTo(map);
      if (!visible && map.hasLayer(entry.marker)) entry.marker.remove();
    });
    container.dataset.visible = String(markers.filter((entry) => map.hasLayer(entry.marker)).length);
  };
  slider.addEventListener("input", update);
  update();
  status.textContent = `${data.placed.length} lieu(x) placé(s), ${data.unplaced.length} non placé(s).`;
});
