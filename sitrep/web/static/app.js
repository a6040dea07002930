// sitrep's page: a map, a timeline and a table of coded events, linked, with the evidence of
// each event. The page asks the server only for what it shows: one page of table rows, counts
// by country and by day/week/month while a view holds more events than it can draw, the
// events themselves once a filter or a short time window leaves few enough, and the events
// pinned inside the map's box once the map is zoomed in. Every node that
// shows article data is built with textContent: markup in an article is shown as text and
// never runs.
"use strict";

const ROLE_LABELS = {
  trigger: "trigger", actor: "actor", recipient: "recipient", place: "place", time: "time",
};
const DAY_MS = 24 * 3600 * 1000;
const DETAIL = 500;  // a view draws single events up to this many, counts beyond
const PAGE = 100;    // table rows per page
const POINT_ZOOM = 5; // from this zoom on, the map asks for the events pinned inside its box
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
const WORLD = [[-55, -170], [75, 180]];
const ANTARCTICA = "010";

const state = {
  filters: {},          // the form's fields, sent to the server as they are
  range: null,          // linked: {start: Date, end: Date} from the timeline window
  place: null,          // linked: alpha-3 of a clicked country
  selected: null,       // the id of the event whose evidence is open
  selectedEvent: null,  // its record, once fetched
  pages: [],            // the table's earlier pages: the cursor (or offset) each began at
  at: null,             // where the table's page begins: a keyset cursor, else an offset
  mapView: null,        // {lat, lon, zoom} once the map was moved by hand: kept, and in the URL
};

// What each view shows now, as the server sent it.
const shown = {
  map: [],            // events drawn one by one (features' properties plus geometry)
  mapCounts: null,    // {total, countries: [...]} of the map's events
  mapBox: null,       // {box, total} while the map shows the events pinned inside its box
  timeline: [],       // events drawn one by one on the timeline
  buckets: new Map(), // timeline counts by item id, while there are too many events
  timelineUnit: null,
  table: [],          // the table's page of records
  tableTotal: 0,
};

const view = { map: null, countries: null, points: null, stacks: [], fitting: false,
               timeline: null, items: null,
               byIso: new Map(), names: new Map(), loads: {}, settling: null, stacked: true,
               // what the server says the page draws by (GET /api/config)
               config: { pinned_precisions: [], modalities: Object.keys(MODALITY) } };

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

// One request per URL while the page reloads its views: the map and the timeline often ask for
// the same events (no place clicked), and share the answer. Every reload starts afresh.
const shared = new Map();

function getShared(url) {
  if (!shared.has(url)) {
    shared.set(url, getJSON(url).catch((error) => {
      shared.delete(url);
      throw error;
    }));
  }
  return shared.get(url);
}

function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  return search.toString();
}

// Run a view's load so that only the latest answer is drawn: a slow answer to an older
// request never overwrites a newer one.
async function latest(name, load) {
  const ticket = (view.loads[name] || 0) + 1;
  view.loads[name] = ticket;
  const result = await load();
  return view.loads[name] === ticket ? result : null;
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

function countryLabel(code) {
  const name = view.names.get(code);
  return name ? `${name} (${code})` : code;
}

function number(n) {
  return n.toLocaleString("en");
}

// An answer's total as the server counted it: a text search stops counting at a cap and says
// so (`total_exact: false`), which reads "1,000+".
function total(answer) {
  return `${number(answer.total)}${answer.total_exact === false ? "+" : ""}`;
}

// Said after a count of a text search's latest matches only.
function countedNote(answer) {
  return answer.total_exact === false
    ? ` (the latest ${number(answer.total)} matches of the text counted)` : "";
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

function isoDay(date) {
  return date.toISOString().slice(0, 10);
}

function eventCountry(event) {
  return event.location ? event.location.country_code : null;
}

// ---- what each view asks the server -----------------------------------------------------

// The window's days, first and last included (its end is the instant after the last).
function rangeDays(range) {
  return [isoDay(range.start), isoDay(new Date(range.end.getTime() - 1))];
}

// Each view is filtered by the other views' selections, not its own (so it stays usable):
// the map by the time range, the timeline by the place, the table by both.

function rangeParams() {
  if (!state.range) return {};
  const [since, until] = rangeDays(state.range);
  return { since, until };
}

function mapParams() {
  return { ...state.filters, ...rangeParams() };
}

function timelineParams() {
  return { ...state.filters, place: state.place, ...rangeParams() };
}

function tableParams() {
  return { ...state.filters, place: state.place, ...rangeParams() };
}

// Features carry a point for every event and say how precise it is: country- and
// province-level events sit at the area's representative point; the map shades those areas and
// pins only the precisions the server names (the same ones its bbox filter keeps).
function featureEvents(collection) {
  const pinned = view.config.pinned_precisions;
  return collection.features.map((f) => ({
    ...f.properties, geometry: pinned.includes(f.properties.precision) ? f.geometry : null }));
}

// The map's visible box as the bbox filter takes it (west,south,east,north), longitudes
// brought into -180..180; a box across the 180th meridian has its west beyond its east.
function mapBox() {
  const bounds = view.map.getBounds();
  const wrap = (lon) => ((((lon + 180) % 360) + 360) % 360) - 180;
  let [west, east] = [bounds.getWest(), bounds.getEast()];
  if (east - west >= 360) [west, east] = [-180, 180];
  else [west, east] = [wrap(west), wrap(east)];
  const south = Math.max(-90, bounds.getSouth());
  const north = Math.min(90, bounds.getNorth());
  return [west, south, east, north].map((v) => Number(v.toFixed(4))).join(",");
}

function zoomedIn() {
  return view.map.getZoom() >= POINT_ZOOM;
}

// ---- loading ----------------------------------------------------------------------------

// The map shades countries by the server's counts; with few enough events it draws them all,
// with more only those pinned inside its box once it is zoomed in (see loadMapPoints).
async function loadMap({ fit = false } = {}) {
  const params = mapParams();
  const answer = await latest("map", async () => {
    const counts = await getJSON(`/api/aggregates/countries?${query(params)}`);
    const detail = counts.total <= DETAIL
      ? await getShared(`/api/features?${query({ ...params, limit: DETAIL })}`) : null;
    return { counts, events: detail ? featureEvents(detail) : null };
  });
  if (!answer) return;
  shown.mapCounts = answer.counts;
  shown.map = answer.events || [];
  shown.mapBox = null;
  drawMap();
  if (fit) fitMap();
  await loadMapPoints();
}

// Zoomed in on a map of more events than it draws: the events pinned inside the visible box
// (the DETAIL latest of them), asked again whenever the map moves; zoomed out, none.
async function loadMapPoints() {
  if (!shown.mapCounts || shown.mapCounts.total <= DETAIL) return;
  const box = zoomedIn() ? mapBox() : null;
  if ((shown.mapBox ? shown.mapBox.box : null) === box) return;
  if (!box) {
    view.loads.points = (view.loads.points || 0) + 1;  // an answer still on its way is stale
    shown.map = [];
    shown.mapBox = null;
    drawMap();
    return;
  }
  const params = { ...mapParams(), bbox: box, limit: DETAIL, newest: true };
  const answer = await latest("points", () => getJSON(`/api/features?${query(params)}`));
  if (!answer) return;
  shown.map = featureEvents(answer);
  shown.mapBox = { box, total: answer.total, total_exact: answer.total_exact };
  drawMap();
}

async function loadTimeline({ fit = false } = {}) {
  const params = timelineParams();
  const answer = await latest("timeline", async () => {
    const counts = await getJSON(`/api/aggregates/time?${query(params)}`);
    const detail = counts.total <= DETAIL
      ? await getShared(`/api/features?${query({ ...params, limit: DETAIL })}`) : null;
    return { counts, events: detail ? featureEvents(detail) : null };
  });
  if (!answer) return;
  shown.timeline = answer.events || [];
  shown.timelineUnit = answer.events ? null : answer.counts.unit;
  drawTimeline(answer.counts);
  if (fit && !state.range) fitTimeline(answer.counts);
}

async function loadTable() {
  const params = { ...tableParams(), limit: PAGE, ...pageStart() };
  const page = await latest("table", () => getJSON(`/api/events?${query(params)}`));
  if (!page) return;
  shown.table = page.events;
  shown.tableTotal = page.total;
  drawTable(page);
  drawChips();
  linkExports();
}

// The export links take the table's filters (the form, the clicked country, the time range):
// the server streams every matching event, not only the page on screen.
function linkExports() {
  for (const link of document.querySelectorAll("#exports a")) {
    link.href = `/api/export?${query({ ...tableParams(), format: link.dataset.format })}`;
  }
}

// What changed decides what reloads: the filters change every view, the place the views it
// filters (the map only redraws its outline), the time range the map and the table (and the
// timeline, whose detail depends on its window).
async function reload(what) {
  shared.clear();
  const jobs = [];
  if (what === "filters") {
    firstPage();
    jobs.push(loadMap({ fit: true }), loadTimeline({ fit: true }), loadTable());
  } else if (what === "place") {
    firstPage();
    drawMap();
    jobs.push(loadTimeline(), loadTable());
  } else if (what === "range") {
    firstPage();
    jobs.push(loadMap(), loadTimeline({ fit: !state.range }), loadTable());
  } else if (what === "page") {
    jobs.push(loadTable());
  }
  try {
    await Promise.all(jobs);
  } catch (error) {
    showError(document.getElementById("status"), error);
  }
}

// ---- linked selection -------------------------------------------------------------------

function setPlace(iso) {
  state.place = state.place === iso ? null : iso;
  writeUrl();
  drawChips();
  return reload("place");
}

function setRange(range) {
  state.range = range;
  writeUrl();
  drawChips();
  return reload("range");
}

function drawChips() {
  const status = document.getElementById("status");
  clear(status);
  status.append(`${number(shown.tableTotal)} events`);
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
    chip(`Time: ${rangeDays(state.range).join(" – ")}`,
         () => setRange(null));
  }
}

// ---- the URL: filters, place and time range in the query string, the event in the hash --

function writeUrl() {
  const params = { ...state.filters, place: state.place };
  if (state.range) {
    const [from, to] = rangeDays(state.range);
    Object.assign(params, { from, to });
  }
  if (state.mapView) {
    const { lat, lon, zoom } = state.mapView;
    params.map = [lat.toFixed(4), lon.toFixed(4), zoom].join(",");
  }
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
    ? { start: from, end: new Date(to.getTime() + DAY_MS) } : null;
  const [lat, lon, zoom] = (params.get("map") || "").split(",").map(Number);
  state.mapView = [lat, lon, zoom].every(Number.isFinite) && Math.abs(lat) <= 90
    ? { lat, lon, zoom } : null;
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

// ---- map --------------------------------------------------------------------------------

async function initMap() {
  view.map = L.map("map", { zoomSnap: 0.25, minZoom: 1, worldCopyJump: false,
                            attributionControl: true });
  view.map.attributionControl.setPrefix(false);
  view.map.attributionControl.addAttribution("Country shapes: Natural Earth (world-atlas)");
  const [topology, codes] = await Promise.all([
    getJSON("/static/vendor/countries-110m.json"), getJSON("/api/countries"),
  ]);
  for (const code of Object.values(codes)) view.names.set(code.alpha3, code.name);
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
      layer.sitrepName = name;
      if (iso) {
        view.byIso.set(iso, layer);
        layer.on("click", () => setPlace(iso));
      }
      layer.bindTooltip(() => el("span", { text: countryTip(layer) }), { sticky: true });
    },
  }).addTo(view.map);
  view.countries.eachLayer((layer) => {
    const path = layer.getElement();
    if (path && layer.sitrepIso) path.setAttribute("data-iso", layer.sitrepIso);
  });
  view.points = L.layerGroup().addTo(view.map);
  view.map.on("moveend", () => {
    if (!view.fitting) {
      const center = view.map.getCenter();
      state.mapView = { lat: center.lat, lon: center.lng, zoom: view.map.getZoom() };
      writeUrl();
    }
    loadMapPoints().catch((error) => showError(document.getElementById("status"), error));
  });
}

function countryTip(layer) {
  const tally = layer.sitrepTally;
  if (!tally || !tally.count) return layer.sitrepName;
  const parts = Object.entries(tally.modality).filter(([, n]) => n)
    .map(([modality, n]) => `${number(n)} ${modality}`);
  return `${layer.sitrepName}: ${parts.join(", ")}`;
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

// Events per country as the map shades them. With few events the page has them all: events
// known only to a country or region shade it, events pinned to a place (those with a point)
// are drawn as points, never the other way round. With many, the server's counts shade.
function mapTallies() {
  const tallies = new Map();
  if (!shown.mapCounts) return tallies;
  if (shown.mapCounts.total > DETAIL) {
    for (const count of shown.mapCounts.countries) tallies.set(count.country, count);
    return tallies;
  }
  for (const event of shown.map) {
    const iso = eventCountry(event);
    if (!iso || event.geometry) continue;
    const tally = tallies.get(iso) || { count: 0, modality: {} };
    const modality = modalityOf(event);
    tally.count += 1;
    tally.modality[modality] = (tally.modality[modality] || 0) + 1;
    tallies.set(iso, tally);
  }
  return tallies;
}

// Zoom to where the events are, unless the map was moved by hand (or a link says where).
function fitMap() {
  view.fitting = true;
  try {
    if (state.mapView) {
      const { lat, lon, zoom } = state.mapView;
      view.map.setView([lat, lon], zoom, { animate: false });
    } else {
      fitEvents();
    }
  } finally {
    view.fitting = false;
  }
}

// The shaded countries and the points, else the world.
function fitEvents() {
  const bounds = L.latLngBounds([]);
  for (const iso of mapTallies().keys()) {
    if (view.byIso.has(iso)) bounds.extend(view.byIso.get(iso).getBounds());
  }
  for (const event of shown.map) {
    if (!event.geometry) continue;
    const [lon, lat] = event.geometry.coordinates;
    bounds.extend(L.latLng(lat, lon));
  }
  // Not animated: the page is ready once the map stands still.
  view.map.fitBounds(bounds.isValid() ? bounds.pad(0.6) : WORLD,
                     { maxZoom: 5, animate: false });
}

// Seven steps on a log scale: a country with ten events stays visible next to one with ten
// thousand.
function shade(count, max) {
  const steps = ["#fde0c5", "#facba6", "#f8b58b", "#f59e72", "#f2855d", "#ef6a4c", "#eb4a40"];
  const index = max <= 1 ? steps.length - 3 : Math.round((Math.log(count) / Math.log(max)) * 6);
  return steps[Math.min(steps.length - 1, Math.max(0, index))];
}

function drawMap({ points = true } = {}) {
  if (!view.countries) return;
  // Only asserted events shade a country; one known only from denied, planned or possible
  // events is drawn pale grey with a dashed edge, never in the colour of something that happened.
  const tallies = mapTallies();
  const asserted = (tally) => (tally ? tally.modality.asserted || 0 : 0);
  const max = Math.max(1, ...[...tallies.values()].map(asserted));
  const focus = focusCountry();
  view.countries.eachLayer((layer) => {
    const iso = layer.sitrepIso;
    const tally = tallies.get(iso);
    const count = asserted(tally);
    const unasserted = !count && Boolean(tally && tally.count);
    layer.sitrepTally = tally;
    const path = layer.getElement();
    layer.setStyle(count ? { fillColor: shade(count, max), dashArray: null }
      : unasserted ? { fillColor: "#dcdcdc", dashArray: "3 3" }
        : { fillColor: "#f4f1ea", dashArray: null });
    if (!path) return;
    path.classList.toggle("shaded", count > 0);
    path.classList.toggle("unasserted", unasserted);
    path.classList.toggle("selected", iso !== null && iso === state.place);
    path.classList.toggle("focus", iso !== null && iso === focus);
    if (tally && tally.count) path.setAttribute("data-events", String(tally.count));
    else path.removeAttribute("data-events");
  });
  if (points) drawPoints();
  else highlightPoints();
  drawMapNote();
}

// Events at one point (one city's centre, say) are one marker, sized by their number: a
// click opens the first one's evidence and a list of all of them, each a click away.
function drawPoints() {
  view.points.clearLayers();
  view.stacks = [];
  const stacks = new Map();
  for (const event of shown.map) {
    if (!event.geometry) continue;
    const key = event.geometry.coordinates.join(",");
    if (!stacks.has(key)) stacks.set(key, []);
    stacks.get(key).push(event);
  }
  for (const events of stacks.values()) drawStack(events);
}

function drawStack(events) {
  const [first] = events;
  const [lon, lat] = first.geometry.coordinates;
  const modalities = new Set(events.map(modalityOf));
  const modality = modalities.has("asserted") ? "asserted" : modalityOf(first);
  const radius = 6 + Math.min(6, 2 * Math.log2(events.length));
  const marker = L.circleMarker([lat, lon], {
    radius: stackRadius(radius, events), weight: 1.5, ...MODALITY[modality].marker,
    className: `event-point modality-${modality}${events.length > 1 ? " event-stack" : ""}`,
  });
  const place = placeLabel(first.location);
  const tip = events.length === 1 ? `${first.event_type} (${modality}): ${place}`
    : `${number(events.length)} events at ${place}`;
  marker.bindTooltip(el("span", { text: tip }));
  // Selected first, so that the list opened by the same click marks it.
  marker.on("click", () => selectEvent(first.id));
  if (events.length > 1) marker.bindPopup(() => stackList(events), { maxHeight: 240 });
  marker.addTo(view.points);
  view.stacks.push({ marker, events, radius });
  const path = marker.getElement();
  if (path) {
    path.setAttribute("data-event-id", first.id);
    path.setAttribute("data-event-ids", JSON.stringify(events.map((e) => e.id)));
  }
}

// A marker holding the selected event is drawn larger.
function stackRadius(radius, events) {
  return radius + (events.some((e) => e.id === state.selected) ? 2 : 0);
}

// Selecting an event resizes the markers in place: redrawing them would close a stack's list.
function highlightPoints() {
  for (const stack of view.stacks) stack.marker.setRadius(stackRadius(stack.radius, stack.events));
}

function stackList(events) {
  const items = events.map((event) => {
    const button = el("button", { type: "button", data: { eventId: event.id },
                                  class: `stack-event modality-${modalityOf(event)}` },
                      [`${dateLabel(event.date) || "undated"} ${event.event_type} `,
                       modalityBadge(event)]);
    button.classList.toggle("selected", event.id === state.selected);
    button.addEventListener("click", () => {
      for (const other of list.querySelectorAll(".stack-event")) {
        other.classList.toggle("selected", other === button);
      }
      selectEvent(event.id);
    });
    return el("li", {}, [button]);
  });
  const list = el("ul", {}, items);
  return el("div", { class: "stack" }, [
    el("p", { text: `${number(events.length)} events at ${placeLabel(events[0].location)}` }),
    list,
  ]);
}

function drawMapNote() {
  const note = document.getElementById("map-note");
  const counts = shown.mapCounts;
  note.hidden = !counts || counts.total <= DETAIL;
  if (note.hidden) {
    note.textContent = "";
  } else if (shown.mapBox) {
    const inBox = shown.mapBox.total;
    note.textContent = `${total(counts)} events${countedNote(counts)}: countries are shaded `
      + `by their asserted events; ${total(shown.mapBox)} in view are at a city or finer`
      + (inBox > DETAIL ? `, the latest ${DETAIL} drawn: zoom in or narrow the filters to `
        + "see the rest." : ".");
  } else {
    note.textContent = `${total(counts)} events${countedNote(counts)}: countries are shaded `
      + "by their asserted events. Zoom in to see single events at their cities, or narrow the "
      + "filters or the "      + `timeline to ${DETAIL} or fewer.`;
  }
}

// Zoomed in, the map follows a selected event pinned outside its view (and, having moved,
// asks for the events in its new box, the selected one among them).
function panMapTo(event) {
  const loc = event && event.location;
  if (!zoomedIn() || !loc || typeof loc.lat !== "number" || typeof loc.lon !== "number"
      || !view.config.pinned_precisions.includes(loc.precision)) return;
  const point = L.latLng(loc.lat, loc.lon);
  if (!view.map.getBounds().contains(point)) view.map.panTo(point, { animate: false });
}

// The country to outline for the selected event: its own, unless it is drawn as a point.
function focusCountry() {
  const event = state.selectedEvent;
  if (!event || event.id !== state.selected) return null;
  const drawn = shown.map.find((e) => e.id === event.id);
  return drawn && drawn.geometry ? null : eventCountry(event);
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

// One bar per day, week, month or year while there are too many events to draw; clicking one
// zooms the timeline to it (and the map and table follow the new range).
function bucketItem(bucket, unit, max) {
  const asserted = bucket.modality.asserted || 0;
  const others = Object.entries(bucket.modality).filter(([m, n]) => m !== "asserted" && n)
    .map(([m, n]) => `${number(n)} ${m}`);
  const label = number(bucket.count);
  const level = Math.max(1, Math.ceil((Math.log1p(bucket.count) / Math.log1p(max)) * 5));
  return {
    id: `bucket:${bucket.start}`, type: "range", start: new Date(bucket.start),
    end: new Date(new Date(bucket.end).getTime() + DAY_MS),
    content: el("span", { text: label, data: { bucket: bucket.start } }),
    title: `${unit} of ${bucket.start}: ${number(bucket.count)} events`
      + (others.length ? ` (${number(asserted)} asserted, ${others.join(", ")})` : ""),
    className: `bucket level-${level}${others.length ? " has-unasserted" : ""}`,
  };
}

function initTimeline() {
  view.items = new vis.DataSet();
  view.timeline = new vis.Timeline(document.getElementById("timeline"), view.items, {
    height: "260px", verticalScroll: true, stack: true, zoomMin: 7 * DAY_MS, selectable: true,
    showTooltips: true, margin: { item: 4 }, orientation: "top",
  });
  view.timeline.on("select", (props) => {
    const id = props.items[0];
    if (id === undefined) return;
    const bucket = shown.buckets.get(id);
    if (bucket) zoomToBucket(bucket);
    else selectEvent(id, { fromTimeline: true });
  });
  // Zooming or panning by hand sets the time range, once the window settles.
  view.timeline.on("rangechanged", (props) => {
    if (!props.byUser) return;
    clearTimeout(view.settling);
    view.settling = setTimeout(() => setRange({ start: props.start, end: props.end }), 250);
  });
}

function zoomToBucket(bucket) {
  const start = new Date(bucket.start);
  const end = new Date(new Date(bucket.end).getTime() + DAY_MS);
  view.timeline.setWindow(start, end, { animation: false });
  setRange({ start, end });
}

function drawTimeline(counts) {
  shown.buckets = new Map();
  let items;
  if (shown.timelineUnit) {
    const max = Math.max(1, ...counts.buckets.map((b) => b.count));
    items = counts.buckets.map((b) => bucketItem(b, counts.unit, max));
    for (const [i, item] of items.entries()) shown.buckets.set(item.id, counts.buckets[i]);
  } else {
    items = shown.timeline.filter((e) => e.date && e.date.start).map(timelineItem);
  }
  const wanted = new Set(items.map((i) => i.id));
  view.items.remove(view.items.getIds().filter((id) => !wanted.has(id)));
  // Counts sit side by side on one row; single events stack so none hides another.
  const stack = !shown.timelineUnit;
  if (view.stacked !== stack) view.timeline.setOptions({ stack });
  view.stacked = stack;
  view.items.update(items);
  const note = document.getElementById("timeline-note");
  note.hidden = !shown.timelineUnit;
  note.textContent = note.hidden ? "" : `${total(counts)} events${countedNote(counts)}, `
    + `counted by ${counts.unit}`
    + `${counts.undated ? ` (${number(counts.undated)} undated)` : ""}: click a `
    + `bar or zoom in to see single events (${DETAIL} or fewer).`;
  highlightTimeline();
}

function highlightTimeline() {
  const id = state.selected;
  view.timeline.setSelection(id !== null && view.items.get(id) ? [id] : []);
}

// Show the span of the dated events; a few long ranges ("since 2014") may run off the left
// edge rather than squeeze every other event into a sliver (the server leaves them out).
function fitTimeline(counts) {
  if (!counts || !counts.first) return;
  const start = new Date(counts.first).getTime();
  const end = new Date(counts.last).getTime() + DAY_MS;
  const pad = Math.max((end - start) * 0.04, 7 * DAY_MS);
  view.timeline.setWindow(new Date(start - pad), new Date(end + pad), { animation: false });
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

// ---- table ------------------------------------------------------------------------------

function drawTable(page) {
  const body = document.querySelector("#events tbody");
  clear(body);
  for (const event of page.events) {
    const cells = [
      dateLabel(event.date), event.event_type, event.actors.map(actorLabel).join("; "),
      event.recipients.map(actorLabel).join("; "), placeLabel(event.location),
      modalityBadge(event), event.claimant ? event.claimant.text : "", event.evidence.trigger,
    ];
    const row = el("tr", { data: { eventId: event.id }, tabindex: "0",
                           class: `modality-${modalityOf(event)}` },
                   cells.map((cell) => el("td", {}, [cell])));
    row.classList.toggle("selected", event.id === state.selected);
    row.addEventListener("click", () => selectEvent(event.id));
    row.addEventListener("keydown", (e) => { if (e.key === "Enter") selectEvent(event.id); });
    body.append(row);
  }
  drawPager(page);
}

// The table pages by the list's keyset cursor (`next`, sent back as `after`) where the server
// gives one, so a deep page costs what the first does; by offset otherwise.
function firstPage() {
  state.pages = [];
  state.at = null;
}

function pageStart() {
  if (state.at === null) return {};
  return typeof state.at === "number" ? { offset: state.at } : { after: state.at };
}

function drawPager(page) {
  const skipped = state.pages.length * PAGE;
  const first = page.total && page.events.length ? skipped + 1 : 0;
  const last = skipped + page.events.length;
  document.getElementById("page-info").textContent =
    `${number(first)}–${number(last)} of ${total(page)}`;
  view.nextPage = page.next !== undefined && page.next !== null ? page.next : page.next_offset;
  document.getElementById("page-prev").disabled = state.pages.length === 0;
  document.getElementById("page-next").disabled =
    view.nextPage === null || view.nextPage === undefined;
}

function turnPage(step) {
  if (step > 0) {
    state.pages.push(state.at);
    state.at = view.nextPage;
  } else if (state.pages.length) {
    state.at = state.pages.pop();
  }
  return reload("page");
}

function highlightTable() {
  for (const row of document.querySelectorAll("#events tbody tr")) {
    row.classList.toggle("selected", row.dataset.eventId === state.selected);
  }
}
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
  if (location.hash !== hash) {
    history.replaceState(null, "", `${location.pathname}${location.search}${hash}`);
  }
  const panel = document.getElementById("evidence");
  try {
    const data = await getJSON(`/api/events/${encodeURIComponent(id)}`);
    if (state.selected !== id) return;  // a later click won
    state.selectedEvent = data.event;
    drawEvidence(data);
  } catch (error) {
    if (state.selected !== id) return;
    state.selectedEvent = null;
    delete panel.dataset.eventId;
    showError(panel, error);
  }
  highlightTable();
  highlightTimeline();
  drawMap({ points: false });
  panMapTo(state.selectedEvent);
  if (!fromTimeline) focusTimeline(id);
  const row = [...document.querySelectorAll("#events tbody tr")]
    .find((r) => r.dataset.eventId === id);
  if (row) row.scrollIntoView({ block: "nearest" });
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

// ---- filters and routing ----------------------------------------------------------------

async function fillFilters() {
  view.config = await getJSON("/api/config");
  const modalities = document.getElementById("f-modality");
  for (const modality of view.config.modalities) {
    const note = MODALITY[modality] ? MODALITY[modality].note : "";
    modalities.append(el("option", { value: modality, text: modality, title: note }));
  }
  const types = document.getElementById("f-type");
  for (const type of await getJSON("/api/event-types")) {
    types.append(el("option", { value: type.name, text: type.name, title: type.description }));
  }
}

// Country fields take a code or a name; the list offers every country by name.
function fillCountries() {
  const list = document.getElementById("country-names");
  const codes = [...view.names.keys()].sort((a, b) => countryLabel(a).localeCompare(countryLabel(b)));
  for (const code of codes) list.append(el("option", { value: code, label: countryLabel(code) }));
}

function initFilters() {
  const form = document.getElementById("filters");
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    state.filters = Object.fromEntries([...new FormData(form).entries()]
      .map(([k, v]) => [k, v.trim()]).filter(([, v]) => v));
    writeUrl();
    reload("filters");
  });
  form.addEventListener("reset", () => {
    state.filters = {};
    state.place = null;
    state.range = null;
    state.mapView = null;
    writeUrl();
    drawChips();
    setTimeout(() => reload("filters"), 0);
  });
  document.getElementById("page-prev").addEventListener("click", () => turnPage(-1));
  document.getElementById("page-next").addEventListener("click", () => turnPage(1));
  document.getElementById("article-close").addEventListener("click", closeArticle);
  document.addEventListener("keydown", (e) => { if (e.key === "Escape") closeArticle(); });
}

// A link's id as it was written: escaped by the page (encodeURIComponent), or typed or pasted
// as it is, where a lone "%" is part of the id rather than an escape.
function hashValue(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function route() {
  const hash = location.hash.slice(1);
  const [key, ...rest] = hash.split("=");
  const value = hashValue(rest.join("="));
  if (key === "article" && value) return showArticle(value);
  if (key === "event" && value) return selectEvent(value);
  return null;
}

async function main() {
  readUrl();
  initTimeline();
  initFilters();
  await Promise.all([initMap(), fillFilters()]);
  fillCountries();
  fillForm();
  if (state.range) {
    view.timeline.setWindow(state.range.start, state.range.end, { animation: false });
  }
  drawChips();
  await reload("filters");
  window.addEventListener("hashchange", route);
  await route();
  document.body.dataset.ready = "true";
}

// What the browser test reads: what each view shows, the timeline's window and items.
window.sitrep = {
  state,
  shown,
  map: () => view.map,
  rangeDays: () => (state.range ? rangeDays(state.range) : null),
  timelineWindow: () => {
    const range = view.timeline.getWindow();
    return { start: isoDay(range.start), end: isoDay(range.end) };
  },
  timelineItems: () => view.items.get().filter((item) => !shown.buckets.has(item.id))
    .map((item) => ({
      id: item.id, start: isoDay(item.start),
      end: isoDay(new Date((item.end || item.start).getTime() - (item.end ? DAY_MS : 0))),
    })),
};

main().catch((error) => showError(document.getElementById("status"), error));
