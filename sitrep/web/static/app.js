// sitrep's page: a map, a timeline and a table of coded events, linked, with the evidence of
// each event. Every node that shows article data is built with textContent: markup in an
// article is shown as text and never runs.
"use strict";

const ROLE_LABELS = {
  trigger: "trigger", actor: "actor", recipient: "recipient", place: "place", time: "time",
};
const DAY_MS = 24 * 3600 * 1000;
// How each modality is drawn on the map (the timeline and the table use the same classes):
// asserted filled, future dashed, hypothetical dashed and pale, negated hollow and grey.
const MODALITY = {
  asserted: { note: "reported as having happened",
              marker: { color: "#222", fillColor: "#1f5fa8", fillOpacity: 0.85 } },
  future: { note: "announced or planned",
            marker: { color: "#1f5fa8", fillColor: "#9dbce3", fillOpacity: 0.85,
                      dashArray: "3 2" } },
  hypothetical: { note: "possible, threatened or conditional",
                  marker: { color: "#7b3f98", fillColor: "#ead9f2", fillOpacity: 0.85,
                            dashArray: "2 2" } },
  negated: { note: "denied or said not to have happened",
             marker: { color: "#777", fillColor: "#ffffff", fillOpacity: 0, dashArray: "2 2" } },
};
// The filters the URL keeps (besides #event=): the form's fields, the place and the time range.
const URL_KEYS = ["place", "from", "to"];
const WORLD = [[-55, -170], [75, 180]];
const ANTARCTICA = "010";

const state = {
  filters: {},        // server-side: type, country, modality, text
  range: null,        // linked: {start: Date, end: Date} from the timeline window
  place: null,        // linked: alpha-3 of a clicked country
  selected: null,     // the event whose evidence is open
  events: [],         // events as GeoJSON features' properties plus their geometry
};

const view = { map: null, countries: null, points: null, timeline: null, items: null,
               byIso: new Map(), names: new Map() };

// ---- small DOM helpers ------------------------------------------------------------------

function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "text") node.textContent = value;
    else if (key === "class") node.className = value;
    else if (key === "data") Object.assign(node.dataset, value);
    else node.setAttribute(key, value);
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

async function getJSON(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
  return body;
}

function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  return search.toString();
}

// ---- formatting -------------------------------------------------------------------------

function actorLabel(actor) {
  const code = [actor.country, actor.sector].filter(Boolean).join(" ");
  return code ? `${actor.text} (${code})` : actor.text;
}

function modalityOf(event) {
  return MODALITY[event.modality] ? event.modality : "asserted";
}

function modalityBadge(event) {
  const modality = modalityOf(event);
  return el("span", { class: `badge ${modality}`, title: MODALITY[modality].note,
                      text: modality });
}

function dateLabel(date) {
  if (!date || !date.start) return "";
  return date.start === date.end || !date.end ? date.start : `${date.start} – ${date.end}`;
}

function placeLabel(loc) {
  if (!loc) return "";
  const name = loc.name || loc.text;
  return loc.country_code && loc.country_code !== name ? `${name}, ${loc.country_code}` : name;
}

function safeHref(url) {
  // Only web links: a javascript: or data: URL from an article must never become a link.
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

// ---- linked selection -------------------------------------------------------------------

function overlapsRange(event, range) {
  const date = event.date;
  if (!date || !date.start) return false;
  const start = new Date(date.start);
  const end = new Date(new Date(date.end || date.start).getTime() + DAY_MS);
  return start < range.end && end > range.start;
}

function eventCountry(event) {
  return event.location ? event.location.country_code : null;
}

// Each view is filtered by the other views' selections, not its own (so it stays usable).
function visible() {
  const inRange = (e) => !state.range || overlapsRange(e, state.range);
  const atPlace = (e) => !state.place || eventCountry(e) === state.place;
  return {
    map: state.events.filter(inRange),
    timeline: state.events.filter(atPlace),
    table: state.events.filter((e) => inRange(e) && atPlace(e)),
  };
}

function render() {
  const shown = visible();
  drawMap(shown.map);
  drawTimeline(shown.timeline);
  drawTable(shown.table);
  drawChips(shown.table.length);
}

function setPlace(iso) {
  state.place = state.place === iso ? null : iso;
  writeUrl();
  render();
}

function setRange(range) {
  state.range = range;
  writeUrl();
  render();
}

// ---- the URL: filters, place and time range in the query string, the event in the hash --

function isoDay(date) {
  return date.toISOString().slice(0, 10);
}

function writeUrl() {
  const params = { ...state.filters, place: state.place };
  if (state.range) Object.assign(params, { from: isoDay(state.range.start),
                                           to: isoDay(state.range.end) });
  const search = query(params);
  const url = `${location.pathname}${search ? `?${search}` : ""}${location.hash}`;
  if (url !== `${location.pathname}${location.search}${location.hash}`) {
    history.replaceState(null, "", url);
  }
}

// What a shared link or a reload restores: the form's fields, the place, the time range.
function readUrl() {
  const params = new URLSearchParams(location.search);
  const form = document.getElementById("filters");
  state.filters = {};
  for (const field of form.elements) {
    if (!field.name || !params.get(field.name)) continue;
    state.filters[field.name] = params.get(field.name);
  }
  state.place = params.get("place") || null;
  const [from, to] = [params.get("from"), params.get("to")].map((d) => (d ? new Date(d) : null));
  state.range = from && to && !Number.isNaN(from.getTime()) && !Number.isNaN(to.getTime())
    ? { start: from, end: to } : null;
}

// Put the filters back into the form once its options exist (an unknown value is kept as an
// option of its own, so the form never hides a filter that is in force).
function fillForm() {
  const form = document.getElementById("filters");
  for (const field of form.elements) {
    if (!field.name) continue;
    const value = state.filters[field.name] || "";
    if (field.tagName === "SELECT" && value
        && ![...field.options].some((o) => o.value === value)) {
      field.append(el("option", { value, text: value }));
    }
    field.value = value;
  }
}

function drawChips(count) {
  const status = document.getElementById("status");
  status.textContent = `${count} of ${state.events.length} events`;
  const chips = document.getElementById("chips");
  clear(chips);
  const chip = (label, onClear) => {
    const button = el("button", { type: "button", class: "chip", title: "clear" },
                      [label, el("span", { text: " ×" })]);
    button.addEventListener("click", onClear);
    chips.append(button);
  };
  if (state.place) {
    const name = view.names.get(state.place) || state.place;
    chip(`Place: ${name}`, () => setPlace(state.place));
  }
  if (state.range) {
    const day = (d) => d.toISOString().slice(0, 10);
    chip(`Time: ${day(state.range.start)} – ${day(state.range.end)}`, () => {
      setRange(null);
      fitTimeline();
    });
  }
}

// ---- map --------------------------------------------------------------------------------

async function initMap() {
  view.map = L.map("map", { zoomSnap: 0.25, minZoom: 1, worldCopyJump: false,
                            attributionControl: true });
  view.map.attributionControl.setPrefix(false);
  view.map.attributionControl.addAttribution("Country shapes: Natural Earth (world-atlas)");
  const [topology, codes] = await Promise.all([
    getJSON("/static/vendor/countries-110m.json"), getJSON("/api/countries"),
  ]);
  const shapes = topojson.feature(topology, topology.objects.countries);
  // Antarctica holds no events and its shape smears across the bottom of the map.
  shapes.features = shapes.features.filter((f) => f.id !== ANTARCTICA);
  shapes.features.forEach(unwrapAntimeridian);
  view.map.fitBounds(WORLD);  // a view first: Leaflet draws (and makes the paths) only then
  view.countries = L.geoJSON(shapes, {
    style: () => ({ className: "country", weight: 0.6, color: "#8a8f98", fillColor: "#f4f1ea",
                    fillOpacity: 1 }),
    onEachFeature: (feature, layer) => {
      const code = codes[feature.id];
      const iso = code ? code.alpha3 : null;
      const name = code ? code.name : feature.properties.name;
      layer.sitrepIso = iso;
      if (iso) {
        view.byIso.set(iso, layer);
        view.names.set(iso, name);
        layer.on("click", () => setPlace(iso));
      }
      layer.bindTooltip(el("span", { text: name }), { sticky: true });
    },
  }).addTo(view.map);
  view.countries.eachLayer((layer) => {
    const path = layer.getElement();
    if (path && layer.sitrepIso) path.setAttribute("data-iso", layer.sitrepIso);
  });
  view.points = L.layerGroup().addTo(view.map);
}

// A polygon that crosses the 180th meridian (Russia, Fiji) would be drawn as a band across
// the whole map; moving its western points east by 360 degrees keeps it in one piece.
function unwrapAntimeridian(feature) {
  const geometry = feature.geometry;
  if (!geometry) return;
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates]
    : geometry.type === "MultiPolygon" ? geometry.coordinates : [];
  for (const polygon of polygons) {
    const lons = polygon.flat().map((point) => point[0]);
    if (Math.max(...lons) - Math.min(...lons) <= 180) continue;
    for (const ring of polygon) {
      for (const point of ring) if (point[0] < 0) point[0] += 360;
    }
  }
}

// Zoom to where the events are (the shaded countries and the points), else the world.
function fitMap(events) {
  const bounds = L.latLngBounds([]);
  for (const event of events) {
    const iso = eventCountry(event);
    if (event.geometry) {
      const [lon, lat] = event.geometry.coordinates;
      bounds.extend(L.latLng(lat, lon));
    } else if (view.byIso.has(iso)) {
      bounds.extend(view.byIso.get(iso).getBounds());
    }
  }
  view.map.fitBounds(bounds.isValid() ? bounds.pad(0.6) : WORLD, { maxZoom: 5 });
}

function shade(count, max) {
  const steps = ["#fde0c5", "#facba6", "#f8b58b", "#f59e72", "#f2855d", "#ef6a4c", "#eb4a40"];
  const index = max <= 1 ? steps.length - 3 : Math.round(((count - 1) / (max - 1)) * 6);
  return steps[Math.min(steps.length - 1, Math.max(0, index))];
}

function drawMap(events) {
  if (!view.countries) return;
  // Events known only to a country or region shade it; city and facility events (those the
  // export gives a point) are drawn as points, never the other way round.
  // Only asserted events shade a country; one known only from denied, planned or possible
  // events is drawn pale grey with a dashed edge, never in the colour of something that happened.
  const counts = new Map();
  const other = new Map();
  for (const event of events) {
    const iso = eventCountry(event);
    if (!iso || event.geometry) continue;
    const tally = modalityOf(event) === "asserted" ? counts : other;
    tally.set(iso, (tally.get(iso) || 0) + 1);
  }
  const max = Math.max(1, ...counts.values());
  view.countries.eachLayer((layer) => {
    const iso = layer.sitrepIso;
    const count = counts.get(iso) || 0;
    const unasserted = !count && other.has(iso);
    const path = layer.getElement();
    layer.setStyle(count ? { fillColor: shade(count, max), dashArray: null }
      : unasserted ? { fillColor: "#dcdcdc", dashArray: "3 3" }
        : { fillColor: "#f4f1ea", dashArray: null });
    if (!path) return;
    path.classList.toggle("shaded", count > 0);
    path.classList.toggle("unasserted", unasserted);
    path.classList.toggle("selected", iso !== null && iso === state.place);
    path.classList.toggle("focus", iso !== null && iso === focusCountry());
    if (count) path.setAttribute("data-events", String(count));
    else path.removeAttribute("data-events");
  });
  view.points.clearLayers();
  for (const event of events) {
    if (!event.geometry) continue;
    const [lon, lat] = event.geometry.coordinates;
    const modality = modalityOf(event);
    const marker = L.circleMarker([lat, lon], {
      radius: event.id === state.selected ? 8 : 6, weight: 1.5, ...MODALITY[modality].marker,
      className: `event-point modality-${modality}`,
    });
    const tip = `${event.event_type} (${modality}): ${placeLabel(event.location)}`;
    marker.bindTooltip(el("span", { text: tip }));
    marker.on("click", () => selectEvent(event.id));
    marker.addTo(view.points);
    const path = marker.getElement();
    if (path) path.setAttribute("data-event-id", event.id);
  }
}

function focusCountry() {
  const event = state.events.find((e) => e.id === state.selected);
  return event && !event.geometry ? eventCountry(event) : null;
}

// ---- timeline ---------------------------------------------------------------------------

function timelineItem(event) {
  const start = new Date(event.date.start);
  const end = new Date(new Date(event.date.end || event.date.start).getTime() + DAY_MS);
  const modality = modalityOf(event);
  const parts = [event.event_type];
  if (event.actors.length) parts.push(event.actors[0].name || event.actors[0].text);
  if (modality !== "asserted") parts.push(modality);
  const label = parts.join(" · ");
  const content = el("span", { text: label, data: { eventId: event.id } });
  const spansDays = end - start > DAY_MS;
  return {
    id: event.id, start, end: spansDays ? end : undefined, type: spansDays ? "range" : "box",
    content, title: `${label} (${dateLabel(event.date)})`,
    className: `quad-${event.quad || 0} modality-${modality}`,
  };
}

function initTimeline() {
  view.items = new vis.DataSet();
  view.timeline = new vis.Timeline(document.getElementById("timeline"), view.items, {
    height: "260px", verticalScroll: true, stack: true, zoomMin: 7 * DAY_MS, selectable: true,
    showTooltips: true,
    margin: { item: 4 }, orientation: "top",
  });
  view.timeline.on("select", (props) => {
    if (props.items.length) selectEvent(props.items[0], { fromTimeline: true });
  });
  view.timeline.on("rangechanged", (props) => {
    if (props.byUser) setRange({ start: props.start, end: props.end });
  });
}

function drawTimeline(events) {
  const items = events.filter((e) => e.date && e.date.start).map(timelineItem);
  const wanted = new Set(items.map((i) => i.id));
  view.items.remove(view.items.getIds().filter((id) => !wanted.has(id)));
  view.items.update(items);
  if (state.selected && wanted.has(state.selected)) view.timeline.setSelection([state.selected]);
  else view.timeline.setSelection([]);
}

// ---- table ------------------------------------------------------------------------------

function drawTable(events) {
  const body = document.querySelector("#events tbody");
  clear(body);
  for (const event of events) {
    const cells = [
      dateLabel(event.date), event.event_type, event.actors.map(actorLabel).join("; "),
      event.recipients.map(actorLabel).join("; "), placeLabel(event.location),
      modalityBadge(event), event.claimant ? event.claimant.text : "", event.evidence.trigger,
    ];
    const row = el("tr", { data: { eventId: event.id }, tabindex: "0",
                           class: `modality-${modalityOf(event)}` },
                   cells.map((cell) => el("td", {}, [cell])));
    if (event.id === state.selected) row.classList.add("selected");
    row.addEventListener("click", () => selectEvent(event.id));
    row.addEventListener("keydown", (e) => { if (e.key === "Enter") selectEvent(event.id); });
    body.append(row);
  }
}

// ---- evidence ---------------------------------------------------------------------------

function markedSentence(sentence, marks) {
  const node = el("p", { class: "sentence" });
  let cursor = 0;
  for (const mark of marks) {
    if (mark.start < cursor) continue;
    node.append(sentence.slice(cursor, mark.start));
    node.append(el("mark", { class: mark.role, title: ROLE_LABELS[mark.role] || mark.role,
                             text: sentence.slice(mark.start, mark.end) }));
    cursor = mark.end;
  }
  node.append(sentence.slice(cursor));
  return node;
}

function fact(label, value) {
  if (value === null || value === undefined || value === "") return [];
  return [el("dt", { text: label }), el("dd", {}, [value])];
}

function sourceNode(article) {
  const title = article.title || article.id;
  const meta = [article.publisher, article.published].filter(Boolean).join(", ");
  const open = el("a", { href: `#article=${encodeURIComponent(article.id)}`, class: "open",
                         text: "read the article with its events marked" });
  const href = article.url ? safeHref(article.url) : null;
  const link = href ? el("a", { href, rel: "noopener noreferrer", target: "_blank",
                                text: "original" }) : null;
  return el("li", {}, [el("cite", { text: title }), meta ? ` (${meta}) ` : " ", open,
                       link ? " · " : null, link]);
}

function drawEvidence(data) {
  const { event, articles } = data;
  const panel = document.getElementById("evidence");
  clear(panel);
  const loc = event.location;
  const where = loc ? `${placeLabel(loc)} (${loc.precision || "?"} precision, from the `
    + `${loc.basis || "text"})` : "";
  const when = event.date && event.date.start ? `${dateLabel(event.date)} (${event.date.precision
    || "?"}, ${event.date.basis})` : (event.date ? event.date.basis : "");
  const claimant = event.claimant ? actorLabel(event.claimant) : "the article, in its own voice";
  const outlets = [...new Set([...event.reported_by, ...articles.map((a) => a.publisher)
    .filter(Boolean)])].join(", ");
  const legend = el("p", { class: "marks-legend" }, Object.keys(ROLE_LABELS).map(
    (role) => el("mark", { class: role, text: ROLE_LABELS[role] })));
  const note = modalityOf(event) === "asserted" ? null
    : el("p", { class: `modality-note ${modalityOf(event)}`,
                text: `${modalityOf(event)}: ${MODALITY[modalityOf(event)].note}` });
  panel.dataset.eventId = event.id;
  panel.append(...[
    el("h2", {}, [event.event_type, event.mode ? el("small", { text: ` ${event.mode}` }) : null,
                  modalityBadge(event)]),
    note,
    markedSentence(event.evidence.sentence, data.evidence_marks || []),
    legend,
    el("dl", {}, [
      ...fact("Actors", event.actors.map(actorLabel).join("; ")),
      ...fact("Recipients", event.recipients.map(actorLabel).join("; ")),
      ...fact("Where", where),
      ...fact("When", when),
      ...fact("Claimant", claimant),
      ...fact("Outlet", outlets),
      ...fact("Quantities", event.quantities.map((q) => q.text).join("; ")),
      ...fact("Confidence", event.confidence.toFixed(2)),
    ]),
    el("h3", { text: "Source" }),
    el("ul", { class: "sources" }, articles.map(sourceNode)),
  ].filter(Boolean));
}

// One event selected anywhere is shown everywhere: its evidence first (so a view that cannot
// show the event never keeps the previous one on screen), then its row, its timeline item
// (brought into view), its country outlined or its point enlarged on the map.
async function selectEvent(id, { fromTimeline = false } = {}) {
  state.selected = id;
  const hash = `#event=${encodeURIComponent(id)}`;
  if (location.hash !== hash) history.replaceState(null, "", `${location.search}${hash}`);
  const panel = document.getElementById("evidence");
  try {
    const data = await getJSON(`/api/events/${encodeURIComponent(id)}`);
    if (state.selected !== id) return;  // a later click won
    drawEvidence(data);
  } catch (error) {
    if (state.selected === id) showError(panel, error);
  }
  render();
  if (!fromTimeline) focusTimeline(id);
  const row = document.querySelector(`#events tr[data-event-id="${CSS.escape(id)}"]`);
  if (row) row.scrollIntoView({ block: "nearest" });
}

// Bring an item into the timeline's window without changing its zoom. Point items have no
// end, so the window is moved to the item's own span (vis' focus() assumes an end).
function focusTimeline(id) {
  const item = view.items.get(id);
  if (!item) return;
  const start = item.start.getTime();
  const end = (item.end || item.start).getTime();
  const window = view.timeline.getWindow();
  if (start >= window.start.getTime() && end <= window.end.getTime()) return;
  view.timeline.moveTo(new Date((start + end) / 2), { animation: false });
}

// ---- article view -----------------------------------------------------------------------

// Split the text at every mark boundary; each piece knows which events cover it.
function segments(text, marks) {
  const cuts = new Set([0, text.length]);
  for (const mark of marks) {
    cuts.add(Math.max(0, Math.min(text.length, mark.start)));
    cuts.add(Math.max(0, Math.min(text.length, mark.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    const covering = marks.filter((m) => m.start <= start && m.end >= end);
    pieces.push({ text: text.slice(start, end), covering });
  }
  return pieces;
}

function drawArticle(data) {
  const { article, marks } = data;
  document.getElementById("article-title").textContent = article.title || article.id;
  document.getElementById("article-meta").textContent = [article.publisher, article.published,
    article.dateline_place,
    data.events.length === 1 ? "1 event" : `${data.events.length} events`].filter(Boolean).join(" · ");
  const body = document.getElementById("article-text");
  clear(body);
  for (const piece of segments(article.text, marks)) {
    if (!piece.covering.length) {
      body.append(piece.text);
      continue;
    }
    const ids = [...new Set(piece.covering.map((m) => m.event_id))];
    const types = [...new Set(piece.covering.map((m) => m.event_type))].join(", ");
    const isTrigger = piece.covering.some((m) => m.kind === "trigger");
    const span = el(isTrigger ? "strong" : "mark", { class: "event-span", title: types,
                                                     data: { eventIds: ids.join(" ") },
                                                     text: piece.text });
    span.addEventListener("click", () => {
      closeArticle();
      selectEvent(ids[0]);
    });
    body.append(span);
  }
}

async function showArticle(id) {
  const box = document.getElementById("article-view");
  box.hidden = false;
  try {
    drawArticle(await getJSON(`/api/articles/${encodeURIComponent(id)}`));
  } catch (error) {
    showError(document.getElementById("article-text"), error);
  }
}

function closeArticle() {
  document.getElementById("article-view").hidden = true;
  if (location.hash.startsWith("#article=")) {
    history.replaceState(null, "", `${location.pathname}${location.search}`);
  }
}

// ---- loading and routing ----------------------------------------------------------------

function showError(node, error) {
  clear(node);
  node.append(el("p", { class: "error", text: `Could not load: ${error.message}` }));
}

async function loadEvents() {
  const params = query({ ...state.filters, format: "geojson" });
  const collection = await getJSON(`/api/export?${params}`);
  state.events = collection.features.map((f) => ({ ...f.properties, geometry: f.geometry }));
  if (state.selected && !state.events.some((e) => e.id === state.selected)) {
    state.selected = null;
  }
  render();
  fitMap(state.events);
  if (state.range) {
    view.timeline.setWindow(state.range.start, state.range.end, { animation: false });
  } else {
    fitTimeline();
  }
}

// Show the span of the dated events; a few long ranges ("since 2014") may run off the left
// edge rather than squeeze every other event into a sliver.
function fitTimeline() {
  const items = view.items.get();
  if (!items.length) return;
  const YEAR_MS = 365 * DAY_MS;
  const ends = items.map((i) => (i.end || i.start).getTime());
  const short = items.filter((i) => (i.end || i.start) - i.start < YEAR_MS);
  if (!short.length) {
    view.timeline.fit({ animation: false });
    return;
  }
  const start = Math.min(...short.map((i) => i.start.getTime()));
  const end = Math.max(...ends);
  const pad = Math.max((end - start) * 0.04, 7 * DAY_MS);
  view.timeline.setWindow(new Date(start - pad), new Date(end + pad), { animation: false });
}

function fillFilters(events, eventTypes) {
  const types = document.getElementById("f-type");
  for (const type of eventTypes) {
    types.append(el("option", { value: type.name, text: type.name, title: type.description }));
  }
  const countries = new Set();
  for (const event of events) {
    for (const actor of [...event.actors, ...event.recipients]) {
      if (actor.country) countries.add(actor.country);
    }
  }
  const select = document.getElementById("f-country");
  const label = (code) => (view.names.get(code) ? `${view.names.get(code)} (${code})` : code);
  for (const code of [...countries].sort((a, b) => label(a).localeCompare(label(b)))) {
    select.append(el("option", { value: code, text: label(code) }));
  }
  fillForm();
}

function initFilters() {
  const form = document.getElementById("filters");
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    state.filters = Object.fromEntries([...new FormData(form).entries()].filter(([, v]) => v));
    writeUrl();
    loadEvents().catch((error) => showError(document.getElementById("status"), error));
  });
  form.addEventListener("reset", () => {
    state.filters = {};
    state.place = null;
    state.range = null;
    writeUrl();
    setTimeout(() => loadEvents(), 0);
  });
  document.getElementById("article-close").addEventListener("click", closeArticle);
  document.addEventListener("keydown", (e) => { if (e.key === "Escape") closeArticle(); });
}

function route() {
  const hash = decodeURIComponent(location.hash.slice(1));
  if (hash.startsWith("article=")) showArticle(hash.slice("article=".length));
  else if (hash.startsWith("event=")) selectEvent(hash.slice("event=".length));
}

async function main() {
  readUrl();
  initTimeline();
  initFilters();
  await initMap();
  await loadEvents();
  fillFilters(state.events, await getJSON("/api/event-types"));
  window.addEventListener("hashchange", route);
  route();
  document.body.dataset.ready = "true";
}

// What the browser test reads: the timeline's window and items, as ISO days.
window.sitrep = {
  state,
  timelineWindow: () => {
    const range = view.timeline.getWindow();
    return { start: range.start.toISOString().slice(0, 10),
             end: range.end.toISOString().slice(0, 10) };
  },
  timelineItems: () => view.items.get().map((item) => ({
    id: item.id, start: item.start.toISOString().slice(0, 10),
    end: new Date((item.end || item.start).getTime() - (item.end ? DAY_MS : 0))
      .toISOString().slice(0, 10),
  })),
};

main().catch((error) => showError(document.getElementById("status"), error));
