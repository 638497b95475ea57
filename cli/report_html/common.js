// cli/report_html/common.js
// What the ccsim pages share (the run report, report.js, and the comparison, compare.js):
// error recording, number formats, DOM building from text only, uPlot charts over the
// intervals of a day and sortable tables. Loaded first; it defines `ccsimPage` and
// installs the error handlers before any renderer runs. See docs/report.md.
const ccsimPage = (function () {
  "use strict";

  // ---- Errors: recorded in the page, where a reader and a test both see them ----
  const root = document.documentElement;
  let errorCount = 0;
  root.dataset.errors = "0";
  function recordError(message) {
    errorCount += 1;
    root.dataset.errors = String(errorCount);
    const box = document.getElementById("ccsim-errors");
    if (!box) return;
    box.hidden = false;
    box.textContent += (box.textContent ? "\n" : "The page could not draw everything:\n") + message;
  }
  window.addEventListener("error", (e) =>
    recordError("uncaught error: " + e.message + " (" + (e.filename || "page") + ":" + e.lineno + ")"));
  window.addEventListener("unhandledrejection", (e) => recordError("unhandled rejection: " + e.reason));
  document.addEventListener("securitypolicyviolation", (e) => recordError("blocked a fetch of " +
    (e.blockedURI || "?") + " (" + e.violatedDirective + "): the page works offline"));
  const consoleError = console.error.bind(console);
  console.error = function (...args) {
    recordError("console.error: " + args.map(String).join(" "));
    consoleError(...args);
  };

  // ---- Formatting ----
  const PALETTE = ["#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#e15759", "#76b7b2", "#edc948", "#9c755f",
                   "#ff9da7", "#17becf"];
  // by_type_group keys that are not KPIs of the contract (the KPI units come from ccsim).
  const PAIR_UNITS = { share: "fraction", work_share: "fraction" };
  // Units of agent time or agent counts: their labels name the unit, their values carry none.
  const AGENT_UNITS = ["agents", "agent_minutes", "agent_hours"];

  const units = {};
  // kpis: the page JSON's [{key, unit}], written by ccsim from the KPI names.
  function setUnits(kpis) {
    for (const k of kpis) units[k.key] = k.unit;
  }
  function unitOf(key) {
    return units[key] || PAIR_UNITS[key] || "calls";
  }
  // awt_s: the service level's threshold that some labels name; currency: the costs' (may be absent).
  function kpiLabel(key, awt_s, currency) {
    const t = awt_s;
    const labels = {
      offered: "Offered", blocked: "Blocked", ivr_contained: "IVR-contained", ivr_abandoned: "Abandoned in IVR",
      answered: "Answered", abandoned: "Abandoned", p_block: "Blocked share",
      p_wait_over_admitted: "Waited / admitted", p_wait_over_offered: "Waited / offered",
      p_abandon_over_admitted: "Abandoned / admitted", p_abandon_over_offered: "Abandoned / offered",
      p_abandon_within_t_over_admitted: "Abandoned ≤ " + t + " s / admitted",
      answered_within_t: "Answered ≤ " + t + " s", abandoned_within_t: "Abandoned ≤ " + t + " s",
      mean_wait_abandoned_s: "Mean wait (abandoned)", service_level: "Service level",
      sl_answered_within_t_over_admitted: "Answered ≤ " + t + " s / admitted",
      sl_answered_within_t_over_offered: "Answered ≤ " + t + " s / offered",
      sl_answered_within_10s_over_admitted: "Answered ≤ 10 s / admitted",
      sl_answered_within_20s_over_admitted: "Answered ≤ 20 s / admitted",
      sl_answered_within_30s_over_admitted: "Answered ≤ 30 s / admitted",
      sl_answered_within_60s_over_admitted: "Answered ≤ 60 s / admitted",
      mean_time_in_system_s: "Mean time in system", mean_in_system: "Callers in system",
      mean_in_ivr: "Callers in IVR", ivr_port_occupancy: "IVR port occupancy",
      p50_wait_answered_s: "Median wait (answered)", p90_wait_answered_s: "90th pct wait (answered)",
      p95_wait_answered_s: "95th pct wait (answered)", max_wait_answered_s: "Longest wait (answered)",
      sl_answered_within_t_over_answered: "Answered ≤ " + t + " s / answered",
      sl_excluding_short_abandons: "Answered ≤ " + t + " s, short abandons excluded",
      asa_s: "ASA", mean_wait_admitted_s: "Mean wait (admitted)", occupancy: "Occupancy",
      mean_queue_length: "Mean queue length", share: "Share of type's answered", work_share: "Share of group's work",
      scheduled_agents: "Scheduled agents", present_agents: "Present agents", agents_on_break: "Agents on break",
      productive_agents: "Productive agents", overtime_agent_min: "Overtime (agent-min)",
      break_lateness_s: "Break lateness", paid_agent_hours: "Paid agent-hours",
      cost: currency ? "Cost (" + currency + ")" : "Cost",
      balked: "Balked", timed_out: "Timed out (max wait)", disconnected: "Disconnected (closing)",
      interrupted: "Interrupted for a call", dials: "Dials (outbound)",
      oldest_waiting_s: "Oldest waiting (at interval ends)", backlog_at_close: "E-mails in the backlog at the close",
      p_balk_over_offered: "Balked / offered", p_timed_out_over_offered: "Timed out / offered",
      p_disconnected_over_offered: "Disconnected / offered",
      chat_concurrency: "Chats per chatting agent", chat_occupancy: "Chat places in use",
      occupancy_voice: "Occupancy on calls", occupancy_email: "Occupancy on e-mail", occupancy_chat: "Occupancy on chats",
      occupancy_outbound: "Occupancy on outbound",
    };
    return labels[key] || key;
  }
  const numberFormats = {};
  function fixed(x, digits) {
    if (!numberFormats[digits]) {
      numberFormats[digits] = new Intl.NumberFormat("en-US",
        { minimumFractionDigits: digits, maximumFractionDigits: digits });
    }
    return numberFormats[digits].format(x);
  }
  function magnitudeDigits(x) {
    return Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : 2;
  }
  function digitsFor(x) {
    return Number.isInteger(x) ? 0 : magnitudeDigits(x);
  }
  function fmt(x, unit, digits) {
    if (x === null || x === undefined || Number.isNaN(x)) return "–";
    if (unit === "fraction") return fixed(100 * x, 1) + "%";
    return fixed(x, digits === undefined ? digitsFor(x) : digits) + (unit === "seconds" ? " s" : "");
  }
  // A threshold such as a service level's: "20 s", "7.5 s".
  function seconds(x) {
    return fixed(x, x % 1 ? 1 : 0) + " s";
  }
  // Agents scheduled are the same in every observation (absent ones included): their
  // half-width is 0 up to rounding errors, and "11.4 ± 0.0" would only repeat it.
  function exactAgents(s, unit) {
    return AGENT_UNITS.includes(unit) && s.half_width !== null && s.mean !== null &&
      s.half_width <= 1e-9 * Math.max(1, Math.abs(s.mean));
  }
  // "89.2 ± 1.3%", "4.48 ± 0.76 s": the half-width with the mean's decimals, the unit once.
  function fmtStat(s, unit) {
    if (!s || s.n === 0 || s.mean === null) return "–";
    if (s.half_width === null || exactAgents(s, unit)) return fmt(s.mean, unit);
    if (unit === "fraction") return fixed(100 * s.mean, 1) + " ± " + fixed(100 * s.half_width, 1) + "%";
    const d = s.half_width === 0 ? digitsFor(s.mean) : magnitudeDigits(s.mean);
    return fixed(s.mean, d) + " ± " + fmt(s.half_width, unit, d);
  }
  // Axis ticks: as many decimals as the step between ticks needs, the same for all.
  function tickValues(splits, unit) {
    const scale = unit === "fraction" ? 100 : 1;
    const step = splits.length > 1 ? Math.abs(splits[1] - splits[0]) * scale : 1;
    const digits = step >= 1 ? 0 : step >= 0.1 ? 1 : 2;
    return splits.map((v) => fixed(v * scale, digits) + (unit === "fraction" ? "%" : ""));
  }
  function mean(s) {
    return s && s.n > 0 && s.mean !== null ? s.mean : null;
  }

  // ---- DOM helpers: data goes in as text, never as markup ----
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === "class") e.className = v;
      else if (k === "style") e.style.cssText = v;
      else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined || c === false) continue;
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }
  function section(id, title, ...children) {
    return el("section", { id: id, class: "card" }, el("h2", null, title), ...children);
  }
  function badge(verdict) {
    return el("span", { class: "badge badge-" + verdict }, verdict);
  }
  // The parsed text of the JSON script element with this id, or null when there is none.
  function embedded(id) {
    const e = document.getElementById(id);
    return e ? JSON.parse(e.textContent) : null;
  }

  // ---- Charts ----
  const charts = [];  // { plot, box } for resizing

  // A phone's card leaves about 300 px; below 260 the axes leave too little room to draw.
  function chartWidth(box) {
    return Math.max(260, Math.floor(box.getBoundingClientRect().width) - 2);
  }

  // Pixels of the plot area drawn in a saturated colour: grid and axes are grey, so a
  // count above zero means data lines or points were really painted.
  function colouredPixels(u) {
    const { left, top, width, height } = u.bbox;
    if (width <= 0 || height <= 0) return 0;
    const d = u.ctx.getImageData(left, top, width, height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (d[i + 3] > 128 && Math.max(d[i], d[i + 1], d[i + 2]) - Math.min(d[i], d[i + 1], d[i + 2]) > 40) n += 1;
    }
    return n;
  }

  // The intervals of a day, labelled by their start ("07:00", or "+1800s" without a start
  // time), each period_s long. The x axis runs over interval boundaries: interval i spans
  // [i, i + 1], its values are drawn at i + 0.5, and tick k is labelled with boundary k.
  function intervalClock(labels, period_s) {
    // Over several days a label starts with its day ("Tue 07:30", "Tue +1800s"): the time
    // is what follows the last space.
    const split = (label) => {
      const at = (label || "").lastIndexOf(" ");
      return { day: at < 0 ? "" : label.slice(0, at), time: at < 0 ? label || "" : label.slice(at + 1) };
    };
    const clockOf = (time) => /^(\d\d):(\d\d)(?::(\d\d))?$/.exec(time);
    const first = split(labels[0]);
    const last = split(labels[labels.length - 1]);
    const m = clockOf(first.time);
    const end_s = labels.length * period_s;
    const two = (x) => String(Math.floor(x)).padStart(2, "0");
    let end;
    if (m) {  // clock labels: the same clock, one period after the last start
      const c = clockOf(last.time);
      const t = Math.round(3600 * Number(c[1]) + 60 * Number(c[2]) + Number(c[3] || 0) + period_s) % 86400;
      const text = two(t / 3600) + ":" + two((t % 3600) / 60) + (t % 60 ? ":" + two(t % 60) : "");
      // The last day ends at its midnight, or where the next would start: its own name then.
      end = !last.day ? text : t === 0 ? last.day + " 24:00" : "end of " + last.day;
    } else if (last.day) {
      end = last.day + " +" + (Number(last.time.slice(1, -1)) + period_s) + "s";
    } else {
      end = "+" + end_s + "s";
    }
    return {
      clock: Boolean(m),
      days: Boolean(first.day),
      longest: labels.reduce((w, l) => Math.max(w, l.length), end.length),
      count: labels.length,
      period_s: period_s,
      label: (i) => labels[i],
      boundary: (k) => (k < labels.length ? labels[k] : k === labels.length ? end : ""),
      span: (i) => (i >= 0 && i < labels.length ?
        labels[i] + "–" + (i + 1 < labels.length ? labels[i + 1] : end) : "–"),
    };
  }

  // Tick steps, in intervals, that fall on round clock durations (for 30-minute
  // intervals: every 30 min, 1 h, 2 h, 3 h, ... but never 1.5 h).
  function tickSteps(period_s) {
    const minutes = period_s / 60;
    const week = 7 * 1440;
    const nice = [1, 2, 5, 10, 15, 20, 30, 60, 120, 180, 240, 360, 480, 720, 1440, 2880, week, 2 * week, 4 * week,
                  8 * week, 13 * week, 26 * week, 52 * week];
    const steps = nice.filter((d) => d % minutes === 0).map((d) => d / minutes);
    return steps.length ? steps : [1, 2, 4, 8, 16, 32, 64, 128];
  }

  function intervalAxis(clock) {
    return {
      label: clock.days ? (clock.clock ? "Day and time of day" : "Day and time from its start")
        : clock.clock ? "Time of day" : "Time from the start",
      incrs: tickSteps(clock.period_s),
      // Ticks as far apart as the longest label is wide: "Mon 08:00" twice "08:00".
      space: clock.days ? Math.ceil(7.5 * clock.longest + 12) : 48,
      values: (u, splits) => splits.map((v) => (Number.isInteger(v) ? clock.boundary(v) : "")),
      grid: { stroke: "#eceff3" },
      ticks: { stroke: "#d0d5dc" },
    };
  }

  function valueAxis(label, unit) {
    return {
      label: label,
      size: 64,
      values: (u, splits) => tickValues(splits, unit),
      grid: { stroke: "#eceff3" },
      ticks: { stroke: "#d0d5dc" },
    };
  }

  // A uPlot chart over the intervals of opts.clock (intervalClock); series: [{label,
  // values, colour, unit, width, dash, points}]. Stepped charts (opts.steps) draw each
  // value across its whole interval instead. What it drew is recorded on the box.
  function intervalChart(box, opts) {
    const clock = opts.clock;
    const n = clock.count;
    const xs = Array.from({ length: opts.steps ? n + 1 : n }, (_, i) => (opts.steps ? i : i + 0.5));
    const data = opts.series.map((s) => (opts.steps ? s.values.concat([s.values[n - 1]]) : s.values));
    const points = opts.series.reduce((n, s) => n + s.values.filter((v) => v !== null).length, 0);
    box.dataset.points = String(points);
    box.dataset.series = String(opts.series.length);
    box.classList.add("chart");
    if (points === 0) {
      box.append(el("p", { class: "empty" }, opts.emptyText || "No data to draw."));
      return null;
    }
    const series = [{ label: "Interval", value: (u, v) => (v === null ? "–" : clock.span(Math.floor(v))) }];
    for (const s of opts.series) {
      series.push({
        label: s.label,
        stroke: s.colour,
        width: s.width || 2,
        dash: s.dash,
        fill: s.fill,
        spanGaps: false,
        paths: opts.steps ? uPlot.paths.stepped({ align: 1 }) : s.noLine ? () => null : undefined,
        points: s.points || { show: !opts.steps && n <= 48, size: 5 },
        value: s.legendValue || ((u, v) => fmt(v, s.unit)),
      });
    }
    const plot = new uPlot({
      width: chartWidth(box),
      height: opts.height || 280,
      // Room for half the last tick's label ("Sun 24:00") past the plot's right edge.
      padding: clock.days ? [null, Math.ceil(3.75 * clock.longest), null, null] : undefined,
      series: series,
      bands: opts.bands,
      scales: { x: { time: false, range: () => [0, n] }, y: { range: opts.yRange } },
      axes: [intervalAxis(clock), valueAxis(opts.yLabel, opts.unit)],
      legend: { live: true },
      cursor: { points: { size: 7 }, drag: { x: false, y: false } },
      hooks: {
        drawClear: opts.drawClear ? [opts.drawClear] : [],
        draw: [(u) => {
          box.dataset.drawn = String(Number(box.dataset.drawn || 0) + 1);
          if (!box.dataset.colouredPixels) box.dataset.colouredPixels = String(colouredPixels(u));
        }],
      },
    }, [xs, ...data], box);
    // Series drawn only as part of another (the band's lower edge) get no legend entry.
    const rows = plot.root.querySelectorAll(".u-legend .u-series");
    opts.series.forEach((s, i) => { if (s.noLegend && rows[i + 1]) rows[i + 1].style.display = "none"; });
    charts.push({ plot: plot, box: box });
    return plot;
  }

  function chartCard(id, title, caption, ...extra) {
    const box = el("div", { class: "chart-box", id: id + "-chart" });
    const card = el("figure", { class: "card chart-card", id: id }, el("h3", null, title),
      caption ? el("figcaption", null, caption) : null, ...extra, box);
    return { card: card, box: box };
  }

  // Destroys the plots drawn inside `node`.
  function destroyCharts(node) {
    for (let k = charts.length - 1; k >= 0; --k) {
      if (!node.contains(charts[k].box)) continue;
      charts[k].plot.destroy();
      charts.splice(k, 1);
    }
  }

  // Empties a chart's box for drawing it again (a chooser changed what it shows).
  function clearChart(box) {
    destroyCharts(box);
    box.replaceChildren();
    delete box.dataset.drawn;
    delete box.dataset.colouredPixels;
  }

  // ---- Tables ----
  // columns: [{label, title, cell(row) -> {text, sort, cls}}]; rows: array. Sortable by
  // a click on a header; a filter box when there are many rows.
  function table(opts) {
    const tbody = el("tbody");
    const rows = opts.rows.map((r) => {
      const cells = opts.columns.map((c) => c.cell(r));
      const tr = el("tr", null, cells.map((x, i) => el(i < (opts.keyColumns || 1) ? "th" : "td",
        { class: x.cls, scope: i < (opts.keyColumns || 1) ? "row" : null, title: x.title }, x.node || x.text)));
      tr.dataset.key = cells.slice(0, opts.keyColumns || 1).map((x) => x.text).join(" ").toLowerCase();
      return { tr: tr, cells: cells };
    });
    let sortCol = -1;
    let sortDir = 1;
    const heads = opts.columns.map((c, i) => el("th", {
      scope: "col", title: c.title, class: c.num ? "num" : null,
      onclick: () => {
        sortDir = sortCol === i ? -sortDir : (i < (opts.keyColumns || 1) ? 1 : -1);
        sortCol = i;
        heads.forEach((h, j) =>
          h.setAttribute("aria-sort", j === i ? (sortDir > 0 ? "ascending" : "descending") : "none"));
        const key = (r) => r.cells[i].sort;
        rows.sort((a, b) => {
          const x = key(a), y = key(b);
          if (x === y) return 0;
          if (x === null || x === undefined) return 1;
          if (y === null || y === undefined) return -1;
          return (x < y ? -1 : 1) * sortDir;
        });
        tbody.replaceChildren(...rows.map((r) => r.tr));
      },
    }, c.label));
    tbody.append(...rows.map((r) => r.tr));
    const t = el("table", { class: "data" + (opts.compact ? " compact" : "") + (opts.cls ? " " + opts.cls : ""),
                            id: opts.id, "data-rows": String(rows.length) },
      el("thead", null, el("tr", null, heads)), tbody);
    const many = rows.length > 20;
    const wrap = el("div", { class: "table-wrap" + (many ? " tall" : "") }, t);
    if (!many) return wrap;
    const filter = el("input", { type: "search", placeholder: "Filter by name…", "aria-label": "Filter rows" });
    filter.addEventListener("input", () => {
      const q = filter.value.toLowerCase();
      for (const r of rows) r.tr.hidden = !r.tr.dataset.key.includes(q);
    });
    return el("div", null, el("div", { class: "table-tools" }, filter,
      el("span", { class: "hint" }, rows.length + " rows · click a column to sort")), wrap);
  }

  // ---- Page ----
  // Once the document (and with it uPlot) has loaded: reads the page's data (the JSON
  // element with id dataId) and #ccsim-page (its KPIs' units), calls draw(data, page,
  // main) to fill <main>, fits the charts to their boxes, and records on <html> what a
  // test reads: data-render="done", data-charts, data-resources (fetches: none expected)
  // and data-render-ms.
  function start(dataId, draw) {
    document.addEventListener("DOMContentLoaded", () => {
      const t0 = performance.now();
      try {
        if (typeof uPlot === "undefined") throw new Error("the chart library (uPlot) did not load");
        const page = embedded("ccsim-page");
        if (page) setUnits(page.kpis);
        draw(embedded(dataId), page, document.getElementById("ccsim-report"));
        fitCharts();
      } catch (e) {
        recordError("the page failed to render: " + (e && e.stack ? e.stack : e));
      }
      // uPlot paints in a microtask: the page is complete after this turn.
      setTimeout(() => {
        root.dataset.charts = String(document.querySelectorAll(".chart[data-drawn]").length);
        root.dataset.resources = String(performance.getEntriesByType("resource").length);
        root.dataset.renderMs = String(Math.round(performance.now() - t0));
        root.dataset.render = "done";
      }, 0);
    });
  }

  // The charts were drawn before the page held them, at the smallest width: now that
  // their boxes have a width, fit them (and again whenever the window changes).
  function fitCharts() {
    const fit = () => {
      for (const c of charts) c.plot.setSize({ width: chartWidth(c.box), height: c.plot.height });
    };
    fit();
    let pending = 0;
    window.addEventListener("resize", () => {
      if (pending) return;
      pending = requestAnimationFrame(() => {
        pending = 0;
        fit();
      });
    });
  }

  return Object.freeze({
    PALETTE, unitOf, kpiLabel, fixed, fmt, seconds, exactAgents, fmtStat, mean, el, section, badge, intervalClock,
    tickSteps, intervalChart, chartCard, destroyCharts, clearChart, table, start,
  });
})();
