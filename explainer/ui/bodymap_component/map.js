// Nerve Map body map: plain SVG drawn in the browser. A tap toggles a zone in its own pointer handler (so the
// change is drawn in the next frame), then the whole selection goes to Python as the component's state.
// Geometry and styles arrive once per view / layer and are cached here; a tap sends only the selection.
const NS = "http://www.w3.org/2000/svg";
// Module-wide, so a remounted map (e.g. after a full page rerun) keeps the marks it is showing.
const CACHE = (globalThis.__nerveMapCache ??= { geo: new Map(), style: new Map(), marks: new Map() });
const DIRS = { ArrowUp: 0, ArrowRight: 1, ArrowDown: 2, ArrowLeft: 3 };
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

function svgMarkup(geo, style, text, interactive) {
  const fill = (id) => style.fill[id] || "";
  const also = new Set(style.also);
  const zones = geo.zones.map((z) =>
    `<path class="z${also.has(z.id) ? " also" : ""}" data-id="${z.id}" d="${z.d}"` +
    (interactive ? ` role="checkbox" tabindex="-1" aria-checked="false" aria-label="${esc(style.names[z.id] || z.id)}"` : "") +
    (fill(z.id) ? ` style="--zf:${fill(z.id)}"` : "") + `><title>${esc(style.tips[z.id] || "")}</title></path>`).join("");
  const hatch = geo.zones.filter((z) => also.has(z.id)).map((z) => `<path d="${z.d}"/>`).join("");
  const fills = geo.fills.map((f) => f.go && interactive
    ? `<path class="go" data-go="${f.go}" d="${f.d}" role="button" tabindex="0" aria-label="${esc(f.title)}"><title>${esc(f.title)}</title></path>`
    : `<path class="decor" d="${f.d}"/>`).join("");
  const spots = (interactive ? geo.hotspots : []).map((h) =>
    `<g class="go spot" data-go="${h.go}" role="button" tabindex="0" aria-label="${esc(h.title)}"><title>${esc(h.title)}</title>` +
    `<circle cx="${h.x}" cy="${h.y}" r="${h.r}"/><text x="${h.x}" y="${h.y + 4}">+</text></g>`).join("");
  const courses = style.courses.map((c) => `<path class="course-casing" d="${c.d}"/><path class="course" d="${c.d}"/>` +
    `<text class="course-label" x="${c.x + 6}" y="${c.y}">${esc(c.t)}</text>`).join("");
  const labels = style.labels.map((l) => `<text class="zl" x="${l.x}" y="${l.y + 4}">${esc(l.t)}</text>`).join("");
  const kps = style.kp.map((k) => `<circle class="kp" cx="${k.x}" cy="${k.y}" r="4"/><text class="kpl" x="${k.x + 6}" y="${k.y + 4}">${esc(k.t)}</text>`).join("");
  // Labels set to a side on two lines at the first space ("Patient's" / "right", "Derecha" / "del paciente"), so the
  // two sides above a small whole body, and a middle label between them, never collide in any language.
  const sides = style.sides.map((s) => {
    const [first, ...rest] = String(s.t).split(" ");
    const lines = rest.length && s.a !== "middle" ? [first, rest.join(" ")] : [s.t];
    return `<text class="side" x="${s.x}" y="${s.y + 12}" text-anchor="${s.a}">` +
      lines.map((t, i) => `<tspan x="${s.x}" dy="${i ? "1.1em" : 0}">${esc(t)}</tspan>`).join("") + "</text>";
  }).join("");
  const role = interactive ? `role="group" aria-roledescription="${esc(text.role || "body map")}"` : `role="img"`;
  return `<svg xmlns="${NS}" data-view="${geo.view}" viewBox="0 0 ${geo.w} ${geo.h}" ${role} aria-label="${esc(text.title)}">` +
    `<defs><pattern id="nm-hatch" patternUnits="userSpaceOnUse" width="7" height="7" patternTransform="rotate(45)">` +
    `<line x1="0" y1="0" x2="0" y2="7"/></pattern></defs>` +
    `<g class="fills">${fills}</g><g class="zones">${zones}</g><g class="hatch">${hatch}</g>` +
    `<path class="lines" d="${geo.lines}"/><path class="outline" d="${geo.outline}"/><g class="marks"></g>` +
    `<g class="over">${courses}${labels}${kps}${sides}</g>${spots}<path class="lasso" d=""/></svg>`;
}

function pointInPolygon(x, y, pts) {
  let inside = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i], [xj, yj] = pts[j];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

// A debugging hook: when a page sets window.__nmLog = [], the map records what it did there (tests read it).
const log = (...event) => { if (window.__nmLog) window.__nmLog.push([Math.round(performance.now()), ...event]); };

class BodyMap {
  constructor(host, id) {
    this.host = host;
    if (!CACHE.marks.has(id)) CACHE.marks.set(id, { selected: new Set(), rev: null, seq: 0 });
    this.s = CACHE.marks.get(id);
    this.sig = "";
    this.root = document.createElement("div");
    this.root.className = "nm-map";
    this.root.innerHTML = `<div class="nm-confirm" role="status" aria-live="polite"><span></span><button type="button" hidden></button></div><div class="nm-box"></div>`;
    host.appendChild(this.root);
    this.msg = this.root.querySelector(".nm-confirm span");
    this.undoBtn = this.root.querySelector(".nm-confirm button");
    this.box = this.root.querySelector(".nm-box");
    this.undoBtn.addEventListener("click", () => this.undo());
  }

  update(data, api) {
    this.api = api;
    const geo = data.geo || CACHE.geo.get(data.key);
    const style = data.style || CACHE.style.get(data.skey);
    if (data.geo) CACHE.geo.set(data.key, data.geo);
    if (data.style) CACHE.style.set(data.skey, data.style);
    if (!geo || !style) {  // not cached here (e.g. a new page): ask Python to send it again
      api.setTriggerValue("missing", { geo: !geo ? data.key : null, style: !style ? data.skey : null });
      return;
    }
    this.text = data.text;
    this.mode = data.mode;
    const sig = `${data.key}|${data.skey}|${data.maxh}|${data.zoom}|${data.mode === "none"}`;
    if (sig !== this.sig) {
      this.sig = sig;
      this.geo = geo;
      this.nav = geo.nav;
      this.names = style.names;
      this.draw(geo, style, data);
      for (const id of this.s.selected) this.paint(id);
    }
    this.lastAck = data.ack || 0;
    this.root.dataset.mode = data.mode;
    this.svg.style.touchAction = data.mode === "click" ? "pan-x pan-y pinch-zoom" : "none";
    this.reveal(data.alert);
    if (data.report && !this.reported) {  // the page waits for the map to be on screen before sending the rest
      this.reported = true;
      requestAnimationFrame(() => setTimeout(() => { log("drawn"); api.setTriggerValue("drawn", true); }, 0));
    }
    // A tap drawn by a map that was replaced before the finger lifted (a page rerun remounted it): send it now.
    if (this.s.unsent && !this.pending) this.send();
    log("update", data.id, "rev", data.sync && data.sync.rev, "mine", this.s.rev, "ack", data.ack, "seq", this.s.seq,
        "pending", !!this.pending, "unsent", !!this.s.unsent);
    if (data.sync && data.sync.rev !== this.s.rev) {  // the server changed the marks (list, reset, link)
      this.s.rev = data.sync.rev;
      // Marks the server worked out before it had seen this browser's latest tap are already out of date: adopting
      // them would undo that tap here while the server goes on to apply it (map and link would then disagree for
      // good). The tap in flight wins on both sides instead.
      if (this.lastAck >= this.s.seq && !this.pending && !this.s.unsent) {
        log("adopt", data.sync.rev, data.sync.zones.join(","));
        this.s.selected = new Set(data.sync.zones);
        for (const el of this.svg.querySelectorAll(".z")) this.paint(el.dataset.id);
      } else log("skip", data.sync.rev, "ack", this.lastAck, "seq", this.s.seq);
    }
  }

  draw(geo, style, data) {
    this.box.innerHTML = svgMarkup(geo, style, data.text, data.mode !== "none");
    this.svg = this.box.firstChild;
    this.marks = this.svg.querySelector(".marks");
    this.lasso = this.svg.querySelector(".lasso");
    this.zones = new Map([...this.svg.querySelectorAll(".z")].map((el) => [el.dataset.id, el]));
    this.outlines = new Map(geo.zones.map((z) => [z.id, z.o || z.d]));
    this.anchors = new Map(geo.zones.map((z) => [z.id, [z.x, z.y]]));
    this.maxh = data.maxh;
    this.box.classList.toggle("zoomed", data.zoom > 1);
    this.svg.style.width = data.zoom > 1 ? `${data.zoom * 100}%` : "";
    const first = this.zones.values().next().value;
    if (first && data.mode !== "none") first.tabIndex = 0;  // one tab stop; arrow keys do the rest
    this.svg.addEventListener("pointerdown", (e) => this.down(e));
    this.svg.addEventListener("pointermove", (e) => this.move(e));
    this.svg.addEventListener("pointerup", (e) => this.up(e));
    this.svg.addEventListener("pointercancel", (e) => this.cancel(e));
    this.svg.addEventListener("keydown", (e) => this.key(e));
    this.svg.addEventListener("click", (e) => this.open(e));
    this.fit();
    if (!this.observer && window.ResizeObserver) {  // content above the map moved: keep the whole picture in view
      this.observer = new ResizeObserver(() => requestAnimationFrame(() => this.fit()));
      const block = document.querySelector('[data-testid="stMainBlockContainer"]');
      if (block) this.observer.observe(block);
      window.addEventListener("resize", () => this.fit());
    }
    if (data.zoom > 1) requestAnimationFrame(() => { this.box.scrollLeft = 0; this.box.scrollTop = 0; });
  }

  fit() {
    const svg = this.svg;
    if (!svg || !svg.isConnected) return;
    if (this.maxh === "fit") {  // end inside the screen when the page is scrolled to the top
      const main = document.querySelector('[data-testid="stMain"]');
      const top = svg.getBoundingClientRect().top + (main ? main.scrollTop : window.scrollY);
      const want = `${Math.max(320, Math.floor(window.innerHeight - top - 12))}px`;
      if (svg.style.maxHeight !== want) svg.style.maxHeight = want;
    } else if (svg.style.maxHeight !== (this.maxh || "")) svg.style.maxHeight = this.maxh || "";
    const r = svg.getBoundingClientRect();
    const scale = Math.min(r.width / this.geo.w, r.height / this.geo.h) || 1;
    svg.style.setProperty("--k", String(Math.min(3, 1 / scale)));  // text keeps a readable size at any scale
    const kl = Math.min(1.8, 1 / scale);
    svg.style.setProperty("--kl", String(kl));  // on-zone labels: readable, not crowding
    // Drawn smaller than 8.5 px they cannot be read and only clutter: hidden (the legend and tooltips still name them).
    svg.classList.toggle("tiny-labels", 10 * kl * scale < 8.5);
  }

  reveal(signal) {  // a warning sign fired: make sure the urgent banner is on screen
    if (!signal || signal === this.alerted) { this.alerted = signal; return; }
    this.alerted = signal;
    let tries = 0;
    const look = () => {
      const bar = document.querySelector(".st-key-nm_resultbar [role=alert]");  // phone: fixed at the bottom
      if (bar && bar.getBoundingClientRect().height > 0) return;
      const banner = document.querySelector(".st-key-nm_urgent");
      if (!banner) { if (++tries < 20) setTimeout(look, 100); return; }
      const r = banner.getBoundingClientRect();
      if (r.top < 0 || r.bottom > window.innerHeight) banner.scrollIntoView({ block: "start", behavior: "instant" });
    };
    setTimeout(look, 50);
  }

  paint(id) {
    const el = this.zones.get(id);
    if (!el) return;
    const on = this.s.selected.has(id);
    el.classList.toggle("on", on);
    if (this.mode !== "none") el.setAttribute("aria-checked", on ? "true" : "false");
    let mark = this.marks.querySelector(`[data-id="${id}"]`);
    if (on && !mark) {
      mark = document.createElementNS(NS, "path");
      mark.setAttribute("d", this.outlines.get(id));
      mark.dataset.id = id;
      this.marks.appendChild(mark);
    } else if (!on && mark) mark.remove();
  }

  toggle(id) {
    this.before = new Set(this.s.selected);
    if (this.s.selected.has(id)) this.s.selected.delete(id); else this.s.selected.add(id);
    this.paint(id);
    this.say(`${this.s.selected.has(id) ? this.text.marked : this.text.cleared}: ${this.names[id] || id}`);
  }

  say(message) {
    this.msg.textContent = message;
    this.undoBtn.hidden = false;
    this.undoBtn.textContent = this.text.undo;
  }

  undo() {
    if (!this.before) return;
    const changed = new Set([...this.before, ...this.s.selected]);
    this.s.selected = this.before;
    this.before = null;
    for (const id of changed) this.paint(id);
    this.msg.textContent = this.text.undone;
    this.undoBtn.hidden = true;
    this.send();
  }

  send(retry = 0) {
    this.s.unsent = false;
    this.s.seq += 1;
    this.api.setStateValue("selection", { zones: [...this.s.selected].sort(), seq: this.s.seq });
    log("send", this.s.seq, [...this.s.selected].sort().join(","), "retry", retry);
    // Watchdog: if the server has not applied this selection (or a later one) 1.5 s on, send it again, waiting
    // longer each time (the server ignores a selection older than one it applied, so a resend is always safe).
    clearTimeout(this.watch);
    this.watch = setTimeout(() => {
      if (this.lastAck < this.s.seq && !this.pending) this.send(retry + 1);
    }, Math.min(10000, 1500 * 2 ** retry));
  }

  point(e) {
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(this.svg.getScreenCTM().inverse());
    return [p.x, p.y];
  }

  down(e) {
    if (e.button > 0 || this.mode === "none") return;
    const zone = e.target.closest(".z");
    log("down", e.pointerId, zone && zone.dataset.id, "pending", !!this.pending);
    if (this.mode === "click") {
      if (!zone) return;
      this.toggle(zone.dataset.id);  // drawn in the next frame, before any server round trip
      this.pending = { id: e.pointerId, zone: zone.dataset.id };
      this.s.unsent = true;
      return;
    }
    this.drag = { id: e.pointerId, pts: [this.point(e)] };
    this.svg.setPointerCapture(e.pointerId);
    e.preventDefault();
  }

  move(e) {
    if (!this.drag || e.pointerId !== this.drag.id) return;
    this.drag.pts.push(this.point(e));
    const pts = this.shape();
    this.lasso.setAttribute("d", `M${pts.map((p) => p.join(" ")).join("L")}Z`);
  }

  shape() {
    const pts = this.drag.pts;
    if (this.mode !== "box") return pts;
    const [x0, y0] = pts[0], [x1, y1] = pts[pts.length - 1];
    return [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];
  }

  up(e) {
    log("up", e.pointerId, "pending", this.pending && this.pending.id);
    if (this.pending && e.pointerId === this.pending.id) {
      this.pending = null;
      this.send();
      return;
    }
    if (!this.drag || e.pointerId !== this.drag.id) return;
    const pts = this.shape();
    const xs = this.drag.pts.map((p) => p[0]), ys = this.drag.pts.map((p) => p[1]);
    this.drag = null;
    this.lasso.setAttribute("d", "");
    if (Math.max(...xs) - Math.min(...xs) < 6 && Math.max(...ys) - Math.min(...ys) < 6) {  // a tap still toggles
      const zone = e.target.closest(".z");
      if (zone) { this.toggle(zone.dataset.id); this.send(); }
      return;
    }
    const caught = [...this.anchors].filter(([, [x, y]]) => pointInPolygon(x, y, pts)).map(([id]) => id);
    if (!caught.length) return;
    this.before = new Set(this.s.selected);
    for (const id of caught) { this.s.selected.add(id); this.paint(id); }
    this.say(`${this.text.marked}: ${caught.length === 1 ? this.names[caught[0]] : `${caught.length} ${this.text.places}`}`);
    this.send();
  }

  cancel(e) {  // the browser took the gesture (a scroll started on the map): take the tap back
    log("cancel", e.pointerId);
    if (this.pending && e.pointerId === this.pending.id) {
      const id = this.pending.zone;
      this.pending = null;
      this.s.unsent = false;
      if (this.s.selected.has(id)) this.s.selected.delete(id); else this.s.selected.add(id);
      this.paint(id);
      this.msg.textContent = "";
      this.undoBtn.hidden = true;
    }
    this.drag = null;
    if (this.lasso) this.lasso.setAttribute("d", "");
  }

  key(e) {
    if (this.mode === "none") return;
    const el = e.target.closest(".z");
    const go = e.target.closest(".go");
    if (go && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); this.api.setTriggerValue("open", go.dataset.go); return; }
    if (!el) return;
    const id = el.dataset.id;
    if (e.key in DIRS) {
      const next = this.nav[id] && this.nav[id][DIRS[e.key]];
      const target = next && this.zones.get(next);
      if (target) { el.tabIndex = -1; target.tabIndex = 0; target.focus(); }
      e.preventDefault();
    } else if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      this.toggle(id);
      this.send();
    }
  }

  open(e) {
    if (this.mode === "none") return;
    const go = e.target.closest(".go");
    if (go) this.api.setTriggerValue("open", go.dataset.go);
  }
}

const MAPS = new WeakMap();

const decode = (raw) => (raw instanceof ArrayBuffer || ArrayBuffer.isView(raw))  // Python sends JSON as bytes
  ? JSON.parse(new TextDecoder().decode(raw)) : raw;

export default function (component) {
  const { parentElement } = component;
  const data = decode(component.data);
  let map = MAPS.get(parentElement);
  if (!map) { map = new BodyMap(parentElement, data.id); MAPS.set(parentElement, map); }
  map.update(data, component);
}
