// cli/report_html/compare.js
// Draws `ccsim compare --html`: A, B and the paired change B - A from the comparison JSON
// embedded in the page (#ccsim-compare, schema ccsim.compare/2, docs/compare.md), with
// common.js (loaded before it) and uPlot. What it draws is recorded in data-* attributes
// for tests/browser/; names go into the page as text only.
(function () {
  "use strict";

  const { PALETTE, unitOf, fixed, fmtStat, mean, el, section, clearChart, table } = ccsimPage;
  const A_COLOUR = "#5f6368";
  const B_COLOUR = PALETTE[0];
  const CHANGE_COLOUR = PALETTE[1];
  const MAX_CHARTS = 4;  // more contact types than this get one chart and a chooser

  let cmp = null;  // #ccsim-compare
  let page = { kpis: [], shown: [], awt_s: null, period_s: null };  // #ccsim-page

  function kpiLabel(key) {
    return ccsimPage.kpiLabel(key, page.awt_s);
  }
  function conf() {
    return fixed(100 * cmp.confidence, 0) + "%";
  }

  // ---- The change B - A ----
  // Whether the paired interval of the change excludes 0 (as the text's "*").
  function significant(d) {
    return Boolean(d) && d.n >= 2 && d.mean !== null && d.half_width !== null && Math.abs(d.mean) > d.half_width;
  }
  // Fractions change in percentage points; other KPIs in their unit.
  function changeScale(key) {
    return unitOf(key) === "fraction" ? 100 : 1;
  }
  function changeUnit(key) {
    const unit = unitOf(key);
    return unit === "fraction" ? " pp" : unit === "seconds" ? " s" : "";
  }
  function signed(x, key) {
    const v = changeScale(key) * x;
    return (v > 0 ? "+" : v < 0 ? "−" : "±") + fixed(Math.abs(v), 2);
  }
  // "+2.07 pp ± 0.28", "−1.56 ± 0.20 s"; the mean alone when there is no interval; "no
  // change" where every pair agreed exactly (common random numbers, nothing changed there).
  function changeText(d, key) {
    if (!d || d.n === 0 || d.mean === null) return "–";
    if (d.mean === 0 && !d.half_width) return "no change";
    if (d.n < 2 || d.half_width === null) return signed(d.mean, key) + changeUnit(key);
    return signed(d.mean, key) + " ± " + fixed(changeScale(key) * d.half_width, 2) + changeUnit(key);
  }

  // ---- Header and pairing ----
  function header() {
    return el("header", { class: "page-header" },
      el("div", { class: "eyebrow" }, "ccsim comparison"),
      el("h1", null, el("span", { class: "side side-a" }, "A"), " ", cmp.a.name,
        el("span", { class: "versus" }, " vs "), el("span", { class: "side side-b" }, "B"), " ", cmp.b.name),
      el("div", { class: "subtitle" }, "B − A on common random numbers, with a paired " + conf() +
        " confidence interval"));
  }

  function pairingSection() {
    const intervals = intervalRows();
    const rows = [
      ["A", el("code", null, cmp.a.file)],
      ["B", el("code", null, cmp.b.file)],
      ["Seed", String(cmp.seed) + " (both)"],
      ["Replications", cmp.replications + " each"],
      ["Pairs", String(cmp.pairs) + " paired observations"],
      ["Confidence", conf()],
      ["Intervals", cmp.intervals_paired ? intervals.length + " compared, " + (intervals.length ?
        intervals[0].interval_start + " to " + intervals[intervals.length - 1].interval_start : "") : "not compared"],
    ];
    const days = (s) => (s.days ? s.days.length + " days (" + s.days[0] + " to " + s.days[s.days.length - 1] + ")" :
      "1 day");
    if (cmp.a.days || cmp.b.days) {
      rows.push(["Days", cmp.days_paired ? days(cmp.a) + " compared" : "not compared: A has " + days(cmp.a) +
        ", B " + days(cmp.b) + (cmp.intervals_paired ? " (the intervals are paired in order and labelled with A's days)"
          : ", and their intervals differ")]);
    }
    const only = [["contact types only in A", cmp.types_only_in_a], ["contact types only in B", cmp.types_only_in_b],
                  ["agent groups only in A", cmp.groups_only_in_a], ["agent groups only in B", cmp.groups_only_in_b]];
    for (const [what, names] of only) if (names.length) rows.push([what, names.join(", ") + " (not compared)"]);
    const notes = [];
    if (cmp.pairs === 0) {
      notes.push(el("p", { class: "warning", id: "not-paired" }, "Nothing is paired: the two runs have different " +
        "numbers of observations (batch means), so B − A has no paired interval."));
    }
    return section("pairing", "Pairing",
      el("p", { class: "hint" }, "Both scenarios ran on the same seed and replication count: replication r of each " +
        "saw the same callers wherever the two agree, so each replication gives one paired difference B − A. Its " +
        conf() + " interval leaves out the noise both share. * marks a change whose interval excludes 0; with " +
        "many KPIs a few are expected by chance (no correction for multiple comparisons here)."),
      el("dl", { class: "run-info" }, rows.map(([k, v]) => [el("dt", null, k), el("dd", null, v)])), notes);
  }

  // ---- Tables ----
  function changeColumn(key) {
    return {
      label: "B − A", num: true, title: "paired " + conf() + " interval; * when it excludes 0",
      cell: (r) => {
        const d = r.kpis[key(r)].change;
        const sig = significant(d);
        const cls = "num change" + (sig ? " sig" : "");
        return { text: changeText(d, key(r)) + (sig ? " *" : ""), sort: mean(d), cls: cls,
                 title: sig ? "the " + conf() + " interval excludes 0" : null };
      },
    };
  }

  // rows: [{row, key}] of one level; with names, a first column of the row's name.
  function compareTable(id, items, nameLabel) {
    const key = (r) => r.key;
    const side = (s) => ({
      label: s.toUpperCase(), num: true,
      cell: (r) => ({ text: fmtStat(r.kpis[r.key][s], unitOf(r.key)), sort: mean(r.kpis[r.key][s]), cls: "num" }),
    });
    const columns = [];
    if (nameLabel) columns.push({ label: nameLabel, cell: (r) => ({ text: r.name, sort: r.order }) });
    columns.push({ label: "KPI", cell: (r) => ({ text: kpiLabel(r.key), sort: r.key, title: r.key }) });
    columns.push(side("a"), side("b"), changeColumn(key));
    return table({ id: id, compact: !nameLabel, keyColumns: nameLabel ? 2 : 1, columns: columns, rows: items });
  }

  // The shown KPIs of each row of a level that either side defines; a day's rows are
  // named by their day ("Mon", "Mon calls").
  function levelItems(level) {
    const items = [];
    for (const r of cmp.rows) {
      if (r.level !== level) continue;
      const name = r.day_name === undefined ? r.name : r.day_name + (r.name ? " " + r.name : "");
      // A day's rows sort in the days' order, its types' by name within the day.
      const order = r.day === undefined ? name : String(r.day).padStart(4, "0") + " " + r.name;
      for (const k of page.shown) {
        const p = r.kpis[k];
        if (p && (p.a.n > 0 || p.b.n > 0)) items.push({ name: name, order: order, key: k, kpis: r.kpis });
      }
    }
    return items;
  }

  function tablesSections() {
    const hint = el("p", { class: "hint" }, "Mean over replications ± the half-width of its " + conf() +
      " confidence interval for A and B; B − A is the mean of the paired differences ± its half-width (percentage " +
      "points for shares). The KPIs are those chosen with --kpis (or the defaults); every KPI is in the --json and " +
      "--csv outputs.");
    const out = [section("centre", "Centre", hint, compareTable("table-centre", levelItems("centre"), null))];
    const types = levelItems("type");
    if (types.length) {
      out.push(section("by-type", "By contact type", compareTable("table-types", types, "Contact type")));
    }
    const groups = levelItems("group");
    if (groups.length) {
      out.push(section("by-group", "By agent group",
        el("p", { class: "hint" }, "A group's KPIs are its agents' (occupancy, staffing) and those of the calls it " +
          "answered (service level, ASA)."),
        compareTable("table-groups", groups, "Agent group")));
    }
    const days = levelItems("day");
    if (days.length) {
      const dayTypes = levelItems("day_type");
      out.push(section("by-day", "By day",
        el("p", { class: "hint" }, "Each day's intervals together: a contact counts on the day it arrived."),
        compareTable("table-days", days, "Day"),
        dayTypes.length ? compareTable("table-day-types", dayTypes, "Day and contact type") : null));
    }
    return out;
  }

  // ---- Charts per interval ----
  function intervalRows() {
    return cmp.rows.filter((r) => r.level === "interval").sort((x, y) => x.interval - y.interval);
  }

  // The centre, then each contact type with per-interval rows: {label, name, rows[interval]}.
  function subjects(intervals) {
    const list = [{ label: "Centre (all types)", name: null, rows: intervals }];
    const byType = new Map();
    for (const r of cmp.rows) {
      if (r.level !== "interval_type") continue;
      if (!byType.has(r.name)) byType.set(r.name, new Array(intervals.length).fill(null));
      byType.get(r.name)[intervals.findIndex((i) => i.interval === r.interval)] = r;
    }
    for (const [name, rows] of byType) list.push({ label: name, name: name, rows: rows });
    return list;
  }

  // KPIs for the chooser: the shown ones first, then every other one some interval defines.
  function chartKpis(intervals) {
    const defined = (k) => intervals.some((r) => r.kpis[k] && (r.kpis[k].a.n > 0 || r.kpis[k].b.n > 0));
    const all = page.kpis.map((k) => k.key).filter(defined);
    return page.shown.filter((k) => all.includes(k)).concat(all.filter((k) => !page.shown.includes(k)));
  }

  function chartCaption(s, key) {
    return (s.name === null ? "All contact types" : "Contact type " + s.name) + ": " + kpiLabel(key) +
      " per interval in A (grey, dashed) and B (blue); below, B − A with its paired " + conf() +
      " confidence band. A filled point marks an interval whose change excludes 0.";
  }

  // A and B over the intervals in the top box, B - A with its band in the bottom one.
  function drawSubject(boxes, clock, s, key) {
    const unit = unitOf(key);
    const stat = (side) => s.rows.map((r) => mean(r && r.kpis[key] && r.kpis[key][side]));
    const emptyText = s.name === null ? "No interval defines this KPI." :
      kpiLabel(key) + " is not defined for a contact type (it is a KPI of agents or of the centre).";
    boxes.top.parentNode.dataset.kpi = key;
    ccsimPage.intervalChart(boxes.top, {
      clock: clock, yLabel: kpiLabel(key), unit: unit, height: 240, emptyText: emptyText,
      series: [
        { label: "A", values: stat("a"), colour: A_COLOUR, width: 2, dash: [6, 4], unit: unit },
        { label: "B", values: stat("b"), colour: B_COLOUR, width: 2.5, unit: unit },
      ],
    });
    const scale = changeScale(key);
    const changes = s.rows.map((r) => (r && r.kpis[key] ? r.kpis[key].change : null));
    const d = changes.map((c) => (mean(c) === null ? null : scale * c.mean));
    const hw = changes.map((c) => (c && c.half_width !== null ? scale * c.half_width : null));
    const hi = d.map((v, i) => (v === null || hw[i] === null ? null : v + hw[i]));
    const lo = d.map((v, i) => (v === null || hw[i] === null ? null : v - hw[i]));
    const marked = d.map((v, i) => (significant(changes[i]) ? v : null));
    const shown = (v) => (v === null ? "–" : signed(v / scale, key) + changeUnit(key));
    boxes.bottom.dataset.significant = String(marked.filter((v) => v !== null).length);
    ccsimPage.intervalChart(boxes.bottom, {
      clock: clock, yLabel: "B − A" + (unit === "fraction" ? " (pp)" : unit === "seconds" ? " (s)" : ""),
      unit: "calls", height: 200, emptyText: emptyText,
      series: [
        { label: conf() + " band", values: hi, colour: "rgba(242, 142, 43, 0.45)", width: 1, points: { show: false },
          legendValue: (u, v, si, i) => (i === null || hi[i] === null ? "–" : shown(lo[i]) + " to " + shown(hi[i])) },
        { label: "band low", values: lo, colour: "rgba(242, 142, 43, 0.45)", width: 1, points: { show: false },
          noLegend: true },
        { label: "B − A", values: d, colour: CHANGE_COLOUR, width: 2.5, legendValue: (u, v) => shown(v),
          points: { show: false } },
        { label: "0", values: d.map(() => 0), colour: A_COLOUR, width: 1, dash: [4, 4], points: { show: false },
          noLegend: true },
        { label: "Excludes 0", values: marked, colour: CHANGE_COLOUR, noLine: true, legendValue: (u, v) => shown(v),
          points: { show: true, size: 8, fill: CHANGE_COLOUR } },
      ],
      bands: [{ series: [1, 2], fill: "rgba(242, 142, 43, 0.2)" }],
    });
  }

  function subjectCard(id, s, key, ...extra) {
    const top = el("div", { class: "chart-box", id: id + "-chart" });
    const bottom = el("div", { class: "chart-box change-box", id: id + "-change-chart" });
    const card = el("figure", { class: "card chart-card", id: id, "data-subject": s.label },
      el("h3", null, s.label + ": " + kpiLabel(key)), el("figcaption", null, chartCaption(s, key)), ...extra,
      top, bottom);
    return { card: card, boxes: { top: top, bottom: bottom } };
  }

  function redraw(c, clock, s, key) {
    clearChart(c.boxes.top);
    clearChart(c.boxes.bottom);
    c.card.dataset.subject = s.label;
    c.card.querySelector("h3").textContent = s.label + ": " + kpiLabel(key);
    c.card.querySelector("figcaption").textContent = chartCaption(s, key);
    drawSubject(c.boxes, clock, s, key);
  }

  function chartsSection() {
    const intervals = intervalRows();
    if (!cmp.intervals_paired || !intervals.length) {
      return section("charts", "Per interval", el("p", { class: "note", id: "intervals-not-paired" },
        page.period_s === null ? "These are steady-state runs: they have no intervals to compare." :
          "The intervals are not compared: A and B are not days of the same intervals (the same period_s and " +
          "num_periods), so an interval of one is not an interval of the other. The tables above compare the whole " +
          "run."));
    }
    const clock = ccsimPage.intervalClock(intervals.map((r) => r.interval_start), page.period_s);
    const list = subjects(intervals);
    const kpis = chartKpis(intervals);
    let key = kpis[0];
    const kpiChooser = el("select", { id: "kpi-chooser", "aria-label": "KPI shown on the charts" },
      kpis.map((k) => el("option", { value: k }, kpiLabel(k))));
    const tools = el("div", { class: "picker-row" }, el("label", { class: "chooser" }, "KPI ", kpiChooser));
    const body = el("div", { class: "chart-row single", id: "compare-charts" });
    let redrawAll;
    if (list.length <= MAX_CHARTS + 1) {
      const cards = list.map((s, k) => {
        const c = subjectCard("chart-compare-" + k, s, key);
        body.append(c.card);
        drawSubject(c.boxes, clock, s, key);
        return c;
      });
      redrawAll = () => cards.forEach((c, k) => redraw(c, clock, list[k], key));
    } else {
      const typeChooser = el("select", { id: "type-chooser", "aria-label": "Contact type shown on the chart" },
        list.map((s, k) => el("option", { value: String(k) }, s.label)));
      const c = subjectCard("chart-compare", list[0], key, el("label", { class: "chooser" }, "Contact type ",
        typeChooser));
      body.append(el("p", { class: "hint row-note" }, (list.length - 1) + " contact types: one chart at a time, " +
        "chosen above it."), c.card);
      drawSubject(c.boxes, clock, list[0], key);
      redrawAll = () => redraw(c, clock, list[Number(typeChooser.value)], key);
      typeChooser.addEventListener("change", redrawAll);
    }
    kpiChooser.addEventListener("change", () => {
      key = kpiChooser.value;
      redrawAll();
    });
    return section("charts", "Per interval",
      el("p", { class: "hint" }, "Each chart shows a KPI per interval in A and in B and, below, the change B − A " +
        "with its paired confidence band: where the band stays clear of 0 the change is not noise."),
      tools, body);
  }

  // ---- Page ----
  function render(data, meta, main) {
    cmp = data;
    page = meta || page;
    main.replaceChildren(header());
    main.append(pairingSection(), ...tablesSections(), chartsSection(),
      el("footer", null, "Written by ccsim compare. The comparison (schema " + cmp.schema + ") is embedded in this " +
        "file, in the element with id \"ccsim-compare\"; the charts use uPlot (MIT licence)."));
  }

  ccsimPage.start("ccsim-compare", render);
})();
