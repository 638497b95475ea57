// cli/report_html/report.js
// Draws the ccsim HTML report from the results JSON embedded in the page (element
// #ccsim-results, the contract of docs/results-format.md) with uPlot. Everything it
// draws is recorded in data-* attributes and every error in #ccsim-errors (by common.js,
// loaded before it), so that a headless browser can check the page (tests/browser/).
// See docs/report.md.
(function () {
  "use strict";

  const { PALETTE, unitOf, fixed, fmt, seconds, exactAgents, fmtStat, mean, el, section, badge, chartCard,
          destroyCharts, clearChart, table } = ccsimPage;
  const MISSED_COLOUR = "#d93025";  // as --missed in report.css
  const SCHEDULED_COLOUR = "#5f6368";
  const REQUIRED_COLOUR = "#202124";  // dark and dash-dotted: apart from every group's colour and from scheduled
  const ON_BREAK_COLOURS = ["#9c755f", "#76b7b2"];  // the second where a group's own colour is the first
  const MAX_SERIES = 8;  // more lines than this on one chart are unreadable: the rest are picked by hand
  // The workforce KPIs (models::kWorkforceKpis), in contract order.
  const WORKFORCE_KEYS = ["scheduled_agents", "present_agents", "agents_on_break", "productive_agents",
                          "overtime_agent_min", "break_lateness_s", "paid_agent_hours"];
  let results = null;
  let page = { kpis: [], description: "" };  // #ccsim-page, written by ccsim beside the results

  // service_level is one of four ratios, and the group tables show another (over answered
  // calls): its label says which, as the text report's does.
  function kpiLabel(key) {
    const sl = results.scenario.service_level;
    const label = ccsimPage.kpiLabel(key, sl.awt_s, page.currency);
    if (key !== "service_level") return label;
    const ratio = ccsimPage.kpiLabel("sl_" + sl.definition, sl.awt_s, page.currency);
    return label + " (" + ratio.charAt(0).toLowerCase() + ratio.slice(1) + (sl.by_type ? ", or each type's own" : "") +
      ")";
  }

  // ---- Header, targets, headline KPIs, run info ----
  function describeMode(sc) {
    if (sc.mode === "day" && sc.days) {
      const minutes = sc.period_s / 60;
      const perDay = sc.num_periods / sc.days.length;
      const first = results.kpis.by_interval.length ? results.kpis.by_interval[0].label : "";
      const clock = first.slice(sc.days[0].length + 1);
      return sc.days.length + " days (" + sc.days[0] + " to " + sc.days[sc.days.length - 1] + ") · " + perDay +
        " intervals of " + fixed(minutes, minutes % 1 ? 1 : 0) + " min a day" +
        (clock && !clock.startsWith("+") ? " from " + clock : "");
    }
    if (sc.mode === "day") {
      const minutes = sc.period_s / 60;
      const first = results.kpis.by_interval.length ? results.kpis.by_interval[0].label : "";
      return "Day · " + sc.num_periods + " intervals of " + fixed(minutes, minutes % 1 ? 1 : 0) + " min" +
        (first && !first.startsWith("+") ? " from " + first : "");
    }
    const observed = sc.calls ? sc.calls.toLocaleString("en-US") + " calls" : fixed(sc.duration_s, 0) + " s";
    return "Steady state · " + observed + " observed after a " + fixed(sc.warmup_s, 0) + " s warm-up" +
      (sc.batches > 1 ? ", batch means over " + sc.batches + " batches" : "");
  }

  function header() {
    const sc = results.scenario;
    return el("header", { class: "page-header" },
      el("div", { class: "eyebrow" }, "ccsim simulation report"),
      el("h1", null, sc.name),
      el("div", { class: "subtitle" }, describeMode(sc), " · ", sc.contact_types.length + " contact type" +
        (sc.contact_types.length === 1 ? "" : "s"), " · ", sc.agent_groups.length + " agent group" +
        (sc.agent_groups.length === 1 ? "" : "s")),
      page.description ? el("p", { class: "description" }, page.description) : null);
  }

  function targetText(t) {
    const unit = unitOf(t.kpi);
    const level = t.type !== undefined ? t.type + ": " : t.group !== undefined ? "group " + t.group + ": " : "";
    const bound = t.min !== undefined ? " ≥ " + fmt(t.min, unit) : " ≤ " + fmt(t.max, unit);
    // The centre's service level counts each type within its own threshold where types have one.
    const eachType = t.type === undefined && t.group === undefined && results.scenario.service_level.by_type;
    const within = t.awt_s === undefined ? "" : eachType ? " within each type's threshold"
      : " within " + seconds(t.awt_s);
    const scope = t.scope !== "intervals" ? "" : t.share_of_intervals >= 1 ? ", every interval" :
      ", " + fixed(100 * t.share_of_intervals, 0) + "% of intervals";
    // The threshold follows ("within 60 s"), and may be a type's own: not the centre's label.
    const label = t.kpi === "service_level" ? ccsimPage.kpiLabel(t.kpi) : kpiLabel(t.kpi);
    return level + label + bound + within + scope;
  }

  // Over the day: the KPI's interval estimate. Per interval: how many intervals met it, and the worst.
  function targetValue(t) {
    if (t.scope !== "intervals") return fmtStat(t, unitOf(t.kpi));
    const n = t.intervals.met + t.intervals.missed + t.intervals.inconclusive;
    if (t.worst_interval === null) return "no interval defines it";
    return "met in " + t.intervals.met + " of " + n + " intervals, missed in " + t.intervals.missed + "; worst " +
      results.kpis.by_interval[t.worst_interval].label + ": " + fmtStat(t, unitOf(t.kpi));
  }

  function targetsSection() {
    const conf = fixed(100 * results.run.confidence, 0) + "%";
    const cards = results.targets.map((t) =>
      el("div", { class: "target target-" + t.verdict, "data-verdict": t.verdict },
        el("div", { class: "target-head" }, el("span", { class: "target-name" }, targetText(t)), badge(t.verdict)),
        el("div", { class: "target-value" }, targetValue(t)),
        el("div", { class: "target-key" }, t.kpi + " · n = " + t.n +
          (t.n < 2 ? ": too few observations for a confidence interval" : ""))));
    const notes = [];
    const intervals = results.kpis.by_interval;
    if (intervals.length) {
      const missed = intervals.filter((i) => i.service_level_verdict === "missed").map((i) => i.label);
      const unsure = intervals.filter((i) => i.service_level_verdict === "inconclusive").map((i) => i.label);
      notes.push(el("p", { class: "interval-verdicts" },
        "Per interval, the service level ",
        missed.length ? el("strong", { class: "text-missed" }, "missed its target in " + missed.length + " of " +
          intervals.length + " intervals (" + missed.join(", ") + ")") : el("strong", { class: "text-met" },
            "missed its target in no interval"),
        unsure.length ? "; " + unsure.length + " inconclusive (" + unsure.join(", ") + ")" : "", "."));
    }
    // The scenario's sanity warnings (docs/targets.md#warnings), one paragraph each.
    for (const w of results.warnings || [])
      notes.push(el("p", { class: "warning", "data-code": w.code }, "Warning: " + w.message));
    if (results.unserved_at_end > 0) {
      notes.push(el("p", { class: "warning" }, results.unserved_at_end + " calls were still waiting when nothing else " +
        "could happen (no agent staffed to serve them at the end); they count as neither answered nor abandoned."));
    }
    if (results.interrupted_unfinished > 0) {
      notes.push(el("p", { class: "note" }, results.interrupted_unfinished + " interrupted e-mails (" +
        fmt(results.interrupted_unfinished / results.run.replications, "count") + " per replication) were never " +
        "resumed: no agent of their groups was left to resume them (none stayed after the close, or none took " +
        "them). They count as answered, their time in system to then."));
    }
    if (results.backlog_at_close > 0) {
      notes.push(el("p", { class: "note" }, results.backlog_at_close + " e-mails (" +
        fmt(results.backlog_at_close / results.run.replications, "count") + " per replication) were still in the " +
        "backlog at the close; no agent takes them after it. Those past their due time count as not answered in " +
        "time; whether the others will be, a run ending at the close cannot tell: a service level between its two bounds " +
        "(sl_if_backlog_late, sl_if_backlog_in_time) is inconclusive however many replications are run."));
    }
    return section("targets", "Targets",
      el("p", { class: "hint" }, "Each verdict compares the " + conf + " confidence interval (mean ± half-width) with " +
        "the bound: met if it lies wholly inside, missed if wholly outside, inconclusive if it straddles the bound " +
        "(more replications narrow it, except where e-mails not yet due at the close decide it)."),
      el("div", { class: "targets" }, cards), notes);
  }

  function tile(k, s, label) {
    const unit = unitOf(k);
    return el("div", { class: "tile", "data-key": k }, el("div", { class: "tile-label" }, label || kpiLabel(k)),
      el("div", { class: "tile-value" }, fmt(mean(s), unit)),
      el("div", { class: "tile-hw" }, s.half_width === null ? "n = " + s.n + ": no confidence interval" :
        exactAgents(s, unit) ? "exact: no spread" : "± " + fmt(s.half_width, unit)));
  }

  function headline() {
    const o = results.kpis.overall;
    const keys = ["offered", "answered", "service_level", "asa_s", "p_abandon_over_admitted", "occupancy"];
    return [el("div", { class: "tiles" }, keys.filter((k) => o[k]).map((k) => tile(k, o[k]))), offeredNote()];
  }

  // Side by side, offered and answered suggest that the difference was lost.
  function offeredNote() {
    return el("p", { class: "hint", id: "offered-note" }, "Offered counts every call that arrived, blocked and " +
      "ended in the IVR included: offered − answered is not the calls lost. Service level: " +
      results.scenario.service_level.text + (results.scenario.service_level.by_type ? ", or each type's own" : "") +
      ".");
  }

  // In steady state every agent is logged on all the time (no shifts, breaks or absence),
  // so the workforce KPIs only repeat the staffing, unless a group shows otherwise.
  function workforceSaysSomething() {
    if (results.scenario.mode === "day") return true;
    const m = (s) => (s && s.n > 0 && s.mean !== null ? s.mean : 0);
    return Object.values(results.kpis.by_group).some((g) =>
      Math.abs(m(g.scheduled_agents) - m(g.present_agents)) > 1e-9 * Math.max(1, m(g.scheduled_agents)) ||
      m(g.agents_on_break) > 1e-9 || m(g.overtime_agent_min) > 1e-9 || (g.break_lateness_s && g.break_lateness_s.n > 0));
  }

  // The workforce KPIs worth a column or a tile: those some of `stats` defines, or only
  // the agents when they say nothing else.
  function workforceKeys(stats) {
    return workforceSaysSomething() ? definedKeys(WORKFORCE_KEYS, stats) : definedKeys(["scheduled_agents"], stats);
  }

  function averagedOver() {
    if (results.scenario.mode !== "day") return "the observed window";
    return results.scenario.days ? "the run" : "the day";
  }

  function workforceTiles() {
    const o = results.kpis.overall;
    const keys = workforceKeys([o]);
    if (!keys.length) return null;
    const title = workforceSaysSomething() ? "Workforce, all groups · agents: time-average over " + averagedOver() :
      "Workforce, all groups · every agent logged on throughout, none on a break";
    return el("section", { class: "tiles-group", id: "workforce-tiles" }, el("h2", { class: "tiles-title" }, title),
      el("div", { class: "tiles" }, keys.map((k) => tile(k, o[k]))));
  }

  function runInfo() {
    const r = results.run;
    const p = results.performance;
    const rows = [
      ["Replications", r.replications + (r.observations !== r.replications ? " (" + r.observations + " batches)" : "")],
      ["Seed", String(r.seed)],
      ["Confidence", fixed(100 * r.confidence, 0) + "%"],
      ["Fingerprint", el("code", null, results.fingerprint)],
      ["Scenario file", el("code", null, results.scenario.file)],
      ["Simulated", p.calls.toLocaleString("en-US") + " calls, " + p.events.toLocaleString("en-US") + " events in " +
        fixed(p.wall_s, 2) + " s on " + r.threads + " thread" + (r.threads === 1 ? "" : "s") +
        (r.ranks > 1 ? " × " + r.ranks + " processes" : "")],
      ["Service level", results.scenario.service_level.text + ", target " +
        fmt(results.scenario.service_level.target, "fraction")],
      ["Results schema", el("code", null, results.schema)],
    ];
    return section("run", "Run", el("dl", { class: "run-info" }, rows.map(([k, v]) => [el("dt", null, k), el("dd", null, v)])));
  }

  // ---- Charts ----
  function clockLabels() {
    return ccsimPage.intervalClock(results.kpis.by_interval.map((i) => i.label), results.scenario.period_s);
  }

  function intervalChart(box, opts) {
    return ccsimPage.intervalChart(box, Object.assign({ clock: clockLabels() }, opts));
  }

  // A service level per interval (stats: one {mean, half_width, n} each) against `target`,
  // with its confidence band; the intervals `verdicts` calls missed are shaded red (with
  // a red point on the line), the inconclusive ones amber.
  function serviceLevelPlot(box, stats, target, verdicts) {
    const sl = stats.map(mean);
    const hw = stats.map((s) => (s && s.half_width) || 0);
    // Not clamped to [0, 1]: the plot clips the band, and the legend shows the true interval.
    const hi = sl.map((v, i) => (v === null ? null : v + hw[i]));
    const lo = sl.map((v, i) => (v === null ? null : v - hw[i]));
    const missed = sl.map((v, i) => (verdicts[i] === "missed" ? v : null));
    const conf = fixed(100 * results.run.confidence, 0) + "%";
    const minShown = Math.max(0, Math.min(target, ...lo.filter((v) => v !== null)));
    const shade = { missed: "rgba(217, 48, 37, 0.16)", inconclusive: "rgba(227, 116, 0, 0.10)" };
    intervalChart(box, {
      yLabel: "Service level",
      unit: "fraction",
      height: 320,
      yRange: () => [Math.max(0, Math.floor(minShown * 10 - 0.5) / 10), 1],
      series: [
        { label: conf + " confidence band", values: hi, colour: "rgba(78, 121, 167, 0.35)", width: 1, unit: "fraction",
          points: { show: false },
          legendValue: (u, v, si, i) => (i === null || hi[i] === null ? "–" : fmt(lo[i], "fraction") + " – " + fmt(hi[i], "fraction")) },
        { label: "CI low", values: lo, colour: "rgba(78, 121, 167, 0.35)", width: 1, unit: "fraction", points: { show: false },
          noLegend: true },
        { label: "Service level", values: sl, colour: PALETTE[0], width: 2.5, unit: "fraction" },
        { label: "Target", values: sl.map(() => target), colour: "#5f6368", width: 1.5, dash: [6, 4], unit: "fraction",
          points: { show: false } },
        { label: "Missed target", values: missed, colour: MISSED_COLOUR, unit: "fraction", noLine: true,
          points: { show: true, size: 9, fill: MISSED_COLOUR } },
      ],
      bands: [{ series: [1, 2], fill: "rgba(78, 121, 167, 0.18)" }],
      drawClear: (u) => {
        const ctx = u.ctx;
        const { top, height } = u.bbox;
        ctx.save();
        verdicts.forEach((v, i) => {
          if (!shade[v]) return;
          const x0 = u.valToPos(i, "x", true);
          const x1 = u.valToPos(i + 1, "x", true);
          ctx.fillStyle = shade[v];
          ctx.fillRect(x0, top, x1 - x0, height);
        });
        ctx.restore();
      },
    });
  }

  function serviceLevelChart(container) {
    const intervals = results.kpis.by_interval;
    const target = results.scenario.service_level.target;
    const { card, box } = chartCard("chart-service-level", "Service level per interval",
      "Mean over replications with its " + fixed(100 * results.run.confidence, 0) + "% confidence band; the " +
      "dashed line is the target (" + fmt(target, "fraction") + ", " + results.scenario.service_level.text +
      "). Intervals shaded red miss the target, amber ones are " +
      "inconclusive.");
    container.append(card);
    serviceLevelPlot(box, intervals.map((i) => i.kpis.service_level), target,
      intervals.map((i) => i.service_level_verdict));
  }

  function callsChart(container) {
    const intervals = results.kpis.by_interval;
    const keys = [["offered", "#5f6368"], ["answered", PALETTE[2]], ["abandoned", PALETTE[4]], ["blocked", PALETTE[3]],
                  ["ivr_contained", PALETTE[5]], ["balked", PALETTE[6]], ["timed_out", PALETTE[7]],
                  ["disconnected", PALETTE[8]]].filter(([k]) => page.kpis.some((x) => x.key === k));
    const { card, box } = chartCard("chart-calls", "Calls per interval",
      "Mean number of calls per interval, by outcome; a call counts in the interval it arrived in.");
    container.append(card);
    intervalChart(box, {
      yLabel: "Calls",
      unit: "calls",
      yRange: (u, min, max) => [0, Math.max(1, max * 1.05)],
      series: keys.map(([k, colour]) => ({
        label: kpiLabel(k), values: intervals.map((i) => mean(i.kpis[k])), colour: colour, unit: "calls",
        width: k === "offered" ? 2.5 : 2,
      })),
    });
  }

  // The names to draw first when there are too many for one chart: the largest by `score`.
  function topNames(names, score) {
    return names.map((n) => [n, score(n)]).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, MAX_SERIES).map(([n]) => n);
  }

  // A checkbox list to choose which of many names are drawn; calls onChange(selected).
  function picker(kind, names, initial, onChange, topText) {
    const chosen = new Set(initial);
    const boxes = new Map();
    const list = el("div", { class: "picker-list" });
    const count = el("span", { class: "picker-count" });
    const filter = el("input", { type: "search", placeholder: "Filter " + kind + "…", "aria-label": "Filter " + kind });
    function update() {
      const sel = names.filter((n) => chosen.has(n));
      count.textContent = sel.length + " of " + names.length + " shown";
      onChange(sel);
    }
    for (const n of names) {
      const cb = el("input", { type: "checkbox" });
      cb.checked = chosen.has(n);
      cb.addEventListener("change", () => {
        if (cb.checked) chosen.add(n); else chosen.delete(n);
        update();
      });
      boxes.set(n, cb);
      list.append(el("label", { "data-name": n }, cb, n));
    }
    filter.addEventListener("input", () => {
      const q = filter.value.toLowerCase();
      for (const label of list.children) label.hidden = !label.dataset.name.toLowerCase().includes(q);
    });
    function setAll(sel) {
      chosen.clear();
      for (const n of sel) chosen.add(n);
      for (const [n, cb] of boxes) cb.checked = chosen.has(n);
      update();
    }
    const node = el("details", { class: "picker" },
      el("summary", null, "Choose " + kind + " ", count),
      el("div", { class: "picker-tools" }, filter,
        el("button", { type: "button", onclick: () => setAll(initial) }, topText),
        el("button", { type: "button", onclick: () => setAll([]) }, "None")),
      list);
    return { node: node, start: update };
  }

  // Charts of one per-name series each (types or groups), and with opts.each one chart
  // per name (in opts.each.container), with a picker when there are more names than one
  // chart can show. A name has the same colour in all of them.
  // What a chart draws, for a reader's tools and the tests: "Label:1.5 2 ...|Other:...",
  // each value to two decimals, an undefined one empty.
  function recordValues(box, series) {
    box.dataset.values = series.map((x) => x.label + ":" +
      x.values.map((v) => (v === null ? "" : String(Math.round(100 * v) / 100))).join(" ")).join("|");
  }

  function perNameCharts(container, opts) {
    const names = opts.names;
    const initial = names.length > MAX_SERIES ? topNames(names, opts.score) : names;
    const cards = opts.charts.map((c) => chartCard(c.id, c.title, c.caption));
    let eachCards = [];
    const drawAll = (selected) => {
      for (const c of eachCards) {
        destroyCharts(c.card);
        c.card.remove();
      }
      eachCards = !opts.each ? [] : selected.map((n, i) => {
        const c = chartCard(opts.each.id(n), opts.each.title(n), opts.each.caption);
        opts.each.container.append(c.card);
        opts.each.draw(c.box, n, PALETTE[i % PALETTE.length]);
        return c;
      });
      for (let k = 0; k < opts.charts.length; ++k) {
        const c = opts.charts[k];
        const box = cards[k].box;
        clearChart(box);
        const series = selected.map((n, i) => ({
          label: n, values: c.values(n), colour: PALETTE[i % PALETTE.length], unit: c.unit,
        }));
        if (c.total) series.push(c.total);
        recordValues(box, series);
        intervalChart(box, {
          yLabel: c.yLabel, unit: c.unit, series: series, yRange: c.yRange, steps: c.stepped,
          emptyText: selected.length ? "No data to draw." : "No " + opts.kind + " chosen.",
        });
      }
    };
    let pick = null;
    if (names.length > MAX_SERIES) {
      pick = picker(opts.kind, names, initial, drawAll, "Top " + MAX_SERIES);
      const note = el("p", { class: "hint" }, names.length + " " + opts.kind + ": the charts show the " + MAX_SERIES +
        " " + opts.topWhat + "; choose others below.");
      container.append(el("div", { class: "picker-row" }, note, pick.node));
    }
    for (const c of cards) container.append(c.card);
    if (pick) pick.start(); else drawAll(initial);
  }

  function perIntervalCharts() {
    const intervals = results.kpis.by_interval;
    const sc = results.scenario;
    const body = el("div", { class: "chart-grid" });
    const s = section("charts", "Per interval", body);
    if (!intervals.length) {
      body.replaceWith(el("p", { class: "note", id: "no-intervals" },
        "This is a steady-state run: it reports long-run averages, so there are no intervals to chart. " +
        "Per-interval charts (service level, calls, queues, occupancy and staffing) need a day scenario " +
        "(\"mode\": \"day\" with period_s and num_periods; see docs/scenario-format.md)."));
      return s;
    }
    serviceLevelChart(body);
    callsChart(body);

    const typeValues = (t) => intervals.map((i) => mean(i.by_type[t] && i.by_type[t].mean_queue_length));
    // E-mails wait in a backlog hundreds long beside queues of a few calls: a chart of their own.
    const isEmail = (t) => (page.channels || {})[t] === "email";
    const queued = sc.contact_types.filter((t) => !isEmail(t));
    const emails = sc.contact_types.filter(isEmail);
    const typeRow = el("div", { class: "chart-row single" });
    body.append(typeRow);
    if (queued.length) perNameCharts(typeRow, {
      kind: "contact types", names: queued, topWhat: "with the longest peak queue",
      score: (t) => Math.max(0, ...typeValues(t).filter((v) => v !== null)),
      charts: [{
        id: "chart-queue", title: "Mean queue length per contact type",
        caption: "Time-average number of calls waiting, per interval (each contact type has its own queue)." +
          (emails.length ? " E-mails are in the backlog chart." : ""),
        yLabel: "Calls waiting", unit: "calls", values: typeValues, yRange: (u, min, max) => [0, Math.max(1, max * 1.05)],
        total: queued.length > 1 && !emails.length ? {
          label: "All types", values: intervals.map((i) => mean(i.kpis.mean_queue_length)), colour: "#5f6368",
          dash: [6, 4], unit: "calls", points: { show: false },
        } : null,
      }],
    });
    if (emails.length) {
      const backlogRow = el("div", { class: "chart-row single" });
      body.append(backlogRow);
      perNameCharts(backlogRow, {
        kind: "e-mail types", names: emails, topWhat: "with the largest peak backlog",
        score: (t) => Math.max(0, ...typeValues(t).filter((v) => v !== null)),
        charts: [{
          id: "chart-backlog", title: "E-mail backlog per interval",
          caption: "Time-average number of e-mails waiting to be answered, per interval. Those still waiting at " +
            "the close stay in the backlog for the next day (backlog_at_close).",
          yLabel: "E-mails waiting", unit: "calls", values: typeValues,
          yRange: (u, min, max) => [0, Math.max(1, max * 1.05)],
        }],
      });
    }

    const groupValues = (key) => (g) => intervals.map((i) => mean(i.by_group[g] && i.by_group[g][key]));
    const scheduled = groupValues("scheduled_agents");
    const groupRow = el("div", { class: "chart-row single" });
    const staffingRow = el("div", { class: "chart-row", id: "staffing-charts" },
      el("p", { class: "hint row-note" }, "Agents on duty per agent group, time-average per interval: scheduled " +
        "(the roster: staffing and shifts, absent agents included) against productive (logged on and not on a " +
        "break, so free to take calls), and on break (breaks, scheduled activities and shrinkage) where any are. " +
        "Productive above scheduled means agents finishing a call after their shift ended." +
        (page.required_staffing ? " Required (dash-dotted) is what ccsim staff found each interval needs to meet " +
          "every target; the gap to scheduled is the agents to add or release." : "") +
        " Definitions: docs/kpis.md."));
    body.append(groupRow, staffingRow);
    perNameCharts(groupRow, {
      kind: "agent groups", names: sc.agent_groups, topWhat: "with the most staff over " + averagedOver(),
      score: (g) => scheduled(g).reduce((a, v) => a + (v || 0), 0),
      charts: [
        {
          id: "chart-occupancy", title: "Occupancy per agent group",
          caption: "Share of productive agent time (logged on and not on a break) spent talking or in wrap-up, " +
            "per interval.",
          yLabel: "Occupancy", unit: "fraction", values: groupValues("occupancy"), yRange: () => [0, 1],
          total: sc.agent_groups.length > 1 ? {
            label: "All groups", values: intervals.map((i) => mean(i.kpis.occupancy)), colour: "#5f6368",
            dash: [6, 4], unit: "fraction", points: { show: false },
          } : null,
        },
      ],
      each: {
        container: staffingRow,
        id: (g) => "chart-staffing-" + sc.agent_groups.indexOf(g),
        title: (g) => "Agents on duty: " + g,
        draw: staffingChart,
      },
    });
    // Groups whose agents may hold several chats: how many a chatting agent holds.
    const sessions = page.chat_sessions || {};
    const chatGroups = sc.agent_groups.filter((g) => Object.hasOwn(sessions, g));
    if (chatGroups.length && page.kpis.some((k) => k.key === "chat_concurrency")) {
      const sessionsRow = el("div", { class: "chart-row single" });
      groupRow.after(sessionsRow);
      const most = Math.max(...chatGroups.map((g) => sessions[g]));
      perNameCharts(sessionsRow, {
        kind: "chat groups", names: chatGroups, topWhat: "with the most staff over " + averagedOver(),
        score: (g) => scheduled(g).reduce((a, v) => a + (v || 0), 0),
        charts: [{
          id: "chart-sessions", title: "Chat sessions per chatting agent",
          caption: "Sessions an agent holding chats holds on average, per interval: at most its group's " +
            "chat.sessions (" + most + " here at the most); each session its agent holds beside others takes longer.",
          yLabel: "Sessions", unit: "sessions", values: groupValues("chat_concurrency"), yRange: () => [0, most],
        }],
      });
    }
    return s;
  }

  // The agents `ccsim staff` found each interval needs, per group (#ccsim-page's
  // required_staffing, absent from a plain run's report), or null for a group it leaves out.
  function requiredAgents(g) {
    const r = (page.required_staffing || []).find((x) => x.group === g);
    return r ? r.agents : null;
  }

  // One group's agents per interval, as steps: scheduled against productive, on break when
  // any are, and required when `ccsim staff` wrote the page. Scheduled and required are
  // drawn last, dashed: where lines coincide all show. What it draws is recorded in
  // data-values: "Productive:5.01 2.56 ...|Scheduled:6 6 ...|Required:5 7 ...".
  function staffingChart(box, g, colour) {
    const intervals = results.kpis.by_interval;
    const values = (key) => intervals.map((i) => mean(i.by_group[g] && i.by_group[g][key]));
    const onBreak = values("agents_on_break");
    const series = [{ label: "Productive", values: values("productive_agents"), colour: colour, width: 2.5,
                      unit: "agents" }];
    if (onBreak.some((v) => v !== null && v > 0)) {
      series.push({ label: "On break", values: onBreak, unit: "agents", width: 2,
                    colour: ON_BREAK_COLOURS[colour === ON_BREAK_COLOURS[0] ? 1 : 0] });
    }
    series.push({ label: "Scheduled", values: values("scheduled_agents"), colour: SCHEDULED_COLOUR, width: 1.5,
                  dash: [5, 4], unit: "agents" });
    const required = requiredAgents(g);
    if (required) {
      series.push({ label: "Required", values: required, colour: REQUIRED_COLOUR, width: 2, dash: [10, 3, 2, 3],
                    unit: "agents" });
    }
    recordValues(box, series);
    intervalChart(box, {
      yLabel: "Agents", unit: "agents", series: series, steps: true,
      yRange: (u, min, max) => [0, Math.max(1, Math.ceil(max * 1.1))],
    });
  }

  // ---- Contact types, each against its own service-level target ----
  const MAX_TYPE_CHARTS = 4;  // more types than this get one chart and a chooser
  // Gap to target in the heat map, in bins (fractions) so that a cell's colour can be read
  // off the legend: ColorBrewer RdBu, which colour-blind readers can tell apart.
  const GAP_EDGES = [-0.2, -0.1, -0.05, 0, 0.05, 0.1, 0.2];
  const GAP_COLOURS = ["#b2182b", "#d6604d", "#f4a582", "#fddbc7", "#d1e5f0", "#92c5de", "#4393c3", "#2166ac"];
  const GAP_LABELS = ["below −20", "−20 to −10", "−10 to −5", "−5 to 0", "0 to +5", "+5 to +10", "+10 to +20",
                      "+20 and above"];
  // A verdict shows as a mark too, so the heat map does not rely on colour alone.
  const VERDICT_MARKS = { met: "", missed: "✕", inconclusive: "?" };

  // A type's threshold and target: its own (scenario.service_level.by_type) or the centre's.
  function typeServiceLevel(t) {
    const centre = results.scenario.service_level;
    const own = centre.by_type && centre.by_type[t];
    return { awt_s: (own || centre).awt_s, target: (own || centre).target, own: Boolean(own) };
  }

  // models::judge for a lower bound: the day verdict the text report gives each type.
  function judgeAtLeast(s, bound) {
    if (!s || s.n < 2 || s.mean === null || s.half_width === null) return "inconclusive";
    if (s.mean - s.half_width >= bound) return "met";
    if (s.mean + s.half_width < bound) return "missed";
    return "inconclusive";
  }

  // Whether e-mails not yet due at the close leave a type's service level between two
  // bounds (models::backlog_bounds).
  function backlogBounds(k) {
    const late = k.sl_if_backlog_late, inTime = k.sl_if_backlog_in_time;
    if (!late || !inTime || late.mean === null || inTime.mean === null || !(late.mean < inTime.mean)) return null;
    return { late: late, inTime: inTime };
  }

  // models::judge_kpi for a type's service level: on its bounds where it has them (met if
  // the lower one clears the target, missed if the upper one falls short).
  function judgeServiceLevel(k, bound) {
    const b = backlogBounds(k);
    if (!b) return judgeAtLeast(k.service_level, bound);
    if (judgeAtLeast(b.late, bound) === "met") return "met";
    if (judgeAtLeast(b.inTime, bound) === "missed") return "missed";
    return "inconclusive";
  }

  function intervalVerdictCounts(t) {
    const counts = { met: 0, missed: 0, inconclusive: 0 };
    for (const i of results.kpis.by_interval) counts[i.type_service_level_verdicts[t]] += 1;
    return counts;
  }

  function typeCard(t) {
    const k = results.kpis.by_type[t];
    const sl = typeServiceLevel(t);
    const verdict = judgeServiceLevel(k, sl.target);
    const bounds = backlogBounds(k);
    const n = results.kpis.by_interval.length;
    const c = n ? intervalVerdictCounts(t) : null;
    return el("div", { class: "target type-card target-" + verdict, "data-type": t, "data-verdict": verdict,
                       id: "type-card-" + results.scenario.contact_types.indexOf(t) },
      el("div", { class: "target-head" }, el("span", { class: "target-name" }, t), badge(verdict)),
      el("div", { class: "target-value" }, fmtStat(k.service_level, "fraction")),
      el("div", { class: "target-key" }, "target " + fmt(sl.target, "fraction") + " within " + seconds(sl.awt_s) +
        (sl.own ? "" : ", the centre's")),
      bounds ? el("div", { class: "target-key" }, "between " + fmt(bounds.late.mean, "fraction") + " and " +
        fmt(bounds.inTime.mean, "fraction") + " as the e-mails not yet due at the close are answered late or in time")
        : null,
      c ? el("div", { class: "type-intervals" + (c.missed ? " text-missed" : "") }, "missed in " + c.missed + " of " +
        n + " intervals" + (c.inconclusive ? ", inconclusive in " + c.inconclusive : "")) : null,
      el("dl", { class: "type-kpis" }, ["asa_s", "p_abandon_over_admitted"].map((key) =>
        [el("dt", null, kpiLabel(key)), el("dd", null, fmtStat(k[key], unitOf(key)))])));
  }

  // The types that most need a look first: missed over the day, then inconclusive, then by
  // intervals missed, then by intervals inconclusive; otherwise in the scenario's order.
  function typesByNeed(types) {
    const rank = { missed: 0, inconclusive: 1, met: 2 };
    const keyed = types.map((t, k) => ({
      t: t, k: k, c: intervalVerdictCounts(t),
      v: rank[judgeServiceLevel(results.kpis.by_type[t], typeServiceLevel(t).target)],
    }));
    keyed.sort((a, b) => a.v - b.v || b.c.missed - a.c.missed || b.c.inconclusive - a.c.inconclusive || a.k - b.k);
    return keyed.map((x) => x.t);
  }

  // With many types, the cards of those that most need a look come first; the rest are folded.
  function typeCards(types) {
    if (types.length <= MAX_SERIES) return el("div", { class: "targets type-cards" }, types.map(typeCard));
    const first = typesByNeed(types).slice(0, MAX_SERIES);
    const rest = types.filter((t) => !first.includes(t));
    return [
      el("div", { class: "targets type-cards" }, first.map(typeCard)),
      el("details", { class: "fold more-types", id: "more-types" },
        el("summary", null, "Show the other " + rest.length + " contact types"),
        el("div", { class: "targets type-cards" }, rest.map(typeCard))),
    ];
  }

  function gapBin(gap) {
    let b = 0;
    while (b < GAP_EDGES.length && gap >= GAP_EDGES[b]) ++b;
    return b;
  }
  // The two darkest bins take white marks.
  function binClass(b) {
    return b === 0 || b === GAP_COLOURS.length - 1 ? "heat-dark" : null;
  }

  function heatLegend() {
    const swatch = (cls, colour, mark) => el("span", { class: "swatch" + (cls ? " " + cls : ""),
                                                       style: colour ? "background:" + colour : null }, mark);
    return el("div", { class: "heat-legend" },
      el("span", null, "Gap to target (pp):"),
      GAP_LABELS.map((label, b) => el("span", { class: "legend-item" },
        swatch(binClass(b), GAP_COLOURS[b]), label)),
      el("span", { class: "legend-item" }, swatch("heat-none"), "no calls"),
      el("span", { class: "legend-item" }, swatch(null, null, VERDICT_MARKS.missed), "missed"),
      el("span", { class: "legend-item" }, swatch(null, null, VERDICT_MARKS.inconclusive), "inconclusive"));
  }

  // Rows are types, columns intervals (time runs left to right, as on the charts); a click
  // on a type's name calls onPick(type). Labels head groups of columns that span a round
  // clock duration, so that at most 16 labels share the width.
  function heatMap(types, onPick) {
    const intervals = results.kpis.by_interval;
    const n = intervals.length;
    const clock = clockLabels();
    const step = ccsimPage.tickSteps(results.scenario.period_s).find((k) => n / k <= 16) || n;
    const heads = [el("th", { scope: "col", class: "heat-corner" }, "Contact type")];
    for (let i = 0; i < n; i += step)
      heads.push(el("th", { scope: "colgroup", colspan: String(Math.min(step, n - i)) }, intervals[i].label));
    const rows = types.map((t) => {
      const target = typeServiceLevel(t).target;
      const cells = intervals.map((iv, i) => {
        const s = iv.by_type[t] && iv.by_type[t].service_level;
        const m = mean(s);
        const where = t + " · " + clock.span(i) + "\n";
        if (m === null) return el("td", { class: "heat-cell heat-none", title: where + "no calls: no service level" });
        const gap = m - target;
        const b = gapBin(gap);
        const verdict = iv.type_service_level_verdicts[t];
        return el("td", {
          class: "heat-cell" + (binClass(b) ? " " + binClass(b) : ""),
          style: "background:" + GAP_COLOURS[b], "data-verdict": verdict,
          title: where + "service level " + fmtStat(s, "fraction") + ", target " + fmt(target, "fraction") + "\ngap " +
            (gap < 0 ? "−" : "+") + fixed(Math.abs(100 * gap), 1) + " pp · " + verdict,
        }, VERDICT_MARKS[verdict]);
      });
      return el("tr", { "data-type": t },
        el("th", { scope: "row", title: t },
          el("button", { type: "button", class: "link", onclick: () => onPick(t) }, t)),
        cells);
    });
    // At least 16 px a column: past that the table scrolls sideways, type names stay in view.
    return el("div", { class: "heat-wrap" },
      el("table", { class: "heat", id: "heat-map", style: "min-width:" + (150 + 16 * n) + "px",
                    "data-types": String(types.length), "data-intervals": String(n) },
        el("colgroup", null, el("col", { class: "heat-name-col" }), el("col", { span: String(n) })),
        el("thead", null, el("tr", null, heads)), el("tbody", null, rows)));
  }

  function typeChartCaption(t) {
    const sl = typeServiceLevel(t);
    return "Answered within " + seconds(sl.awt_s) + ", mean over replications with its " +
      fixed(100 * results.run.confidence, 0) + "% confidence band; the dashed line is " +
      (sl.own ? "the type's own target, " : "the centre's target, ") + fmt(sl.target, "fraction") +
      ". Intervals shaded red miss it, amber ones are inconclusive.";
  }

  function drawTypeChart(box, t) {
    const intervals = results.kpis.by_interval;
    box.dataset.type = t;
    serviceLevelPlot(box, intervals.map((i) => i.by_type[t] && i.by_type[t].service_level),
      typeServiceLevel(t).target, intervals.map((i) => i.type_service_level_verdicts[t]));
  }

  // One chart per type, or with many types one chart and a chooser, first showing the type
  // that most needs a look (the first card). Returns the function that shows a type.
  function typeCharts(container, types) {
    if (types.length <= MAX_TYPE_CHARTS) {
      const cards = types.map((t, k) => {
        const c = chartCard("chart-type-service-level-" + k, "Service level: " + t, typeChartCaption(t));
        container.append(c.card);
        drawTypeChart(c.box, t);
        return c.card;
      });
      return (t) => cards[types.indexOf(t)].scrollIntoView({ block: "nearest" });
    }
    const first = typesByNeed(types)[0];
    const n = results.kpis.by_interval.length;
    const chooser = el("select", { id: "type-chooser", "aria-label": "Contact type shown on the chart" },
      types.map((t) => el("option", { value: t },
        t + " · missed in " + intervalVerdictCounts(t).missed + " of " + n)));
    const { card, box } = chartCard("chart-type-service-level", "Service level: " + first, typeChartCaption(first),
      el("label", { class: "chooser" }, "Contact type ", chooser));
    const title = card.querySelector("h3");
    const caption = card.querySelector("figcaption");
    const show = (t) => {
      clearChart(box);
      title.textContent = "Service level: " + t;
      caption.textContent = typeChartCaption(t);
      chooser.value = t;
      drawTypeChart(box, t);
    };
    chooser.addEventListener("change", () => show(chooser.value));
    container.classList.add("single");
    container.append(el("p", { class: "hint row-note" }, types.length + " contact types: one chart at a time, " +
      "first the type that most needs a look (the first card). Choose another above the chart or click a name in " +
      "the heat map."), card);
    show(first);
    return (t) => {
      show(t);
      card.scrollIntoView({ block: "nearest" });
    };
  }

  // Shown when there is more than the centre to see: several types, or one with its own target.
  function typesSection() {
    const sc = results.scenario;
    const types = sc.contact_types;
    if (types.length < 2 && !sc.service_level.by_type) return null;
    const parts = [
      el("p", { class: "hint" }, "Each contact type's service level over " + averagedOver() + " against its own " +
        "target (its threshold and target, or the centre's where it has none). The verdict compares the " +
        fixed(100 * results.run.confidence, 0) + "% confidence interval with the target, as for targets above" +
        (types.length > MAX_SERIES ? ". The " + MAX_SERIES + " types that most need a look come first: missed over " +
          "the day, then inconclusive, then the most intervals missed" : "") +
        "."),
      typeCards(types),
    ];
    if (results.kpis.by_interval.length) {
      const charts = el("div", { class: "chart-row", id: "type-charts" });
      const pick = typeCharts(charts, types);
      parts.push(
        el("h3", { class: "table-title" }, "Gap to target per interval"),
        el("p", { class: "hint" }, "Each cell is a type's service level in an interval minus that type's target, " +
          "in percentage points: blue above the target, red below. ✕ marks an interval that missed the target, ? " +
          "one where the confidence interval straddles it. Hover over a cell for its values."),
        heatLegend(), heatMap(types, pick),
        el("h3", { class: "table-title" }, "Service level per interval, per contact type"), charts);
    }
    return section("type-service-levels", "Service level by contact type", parts);
  }

  // ---- Tables ----
  function nameColumn(label, get) {
    return { label: label, cell: (r) => ({ text: get ? get(r) : r[0], sort: get ? get(r) : r[0] }) };
  }
  function statColumn(key, get) {
    const unit = unitOf(key);
    return {
      label: kpiLabel(key), title: key, num: true,
      cell: (r) => {
        const s = get(r);
        return { text: fmtStat(s, unit), sort: mean(s), cls: "num" };
      },
    };
  }
  // The keys of `keys` that at least one row defines (by group, most KPIs are undefined).
  function definedKeys(keys, stats) {
    return keys.filter((k) => stats.some((s) => s[k] && s[k].n > 0));
  }

  // The keys of a KPI object in the contract's order (JSON objects come sorted by name).
  function orderedKeys(stats) {
    const order = page.kpis.map((k) => k.key);
    const known = order.filter((k) => k in stats);
    return known.concat(Object.keys(stats).filter((k) => !order.includes(k)));
  }

  // A ratio KPI's ratio of means as fmtStat writes a statistic; "" for a KPI that is no ratio.
  function ratioOfMeansText(s, unit) {
    if (!("ratio_of_means" in s)) return "";
    const r = s.ratio_of_means;
    return r === null ? "–" : fmtStat({ mean: r.value, half_width: r.half_width, n: results.run.observations }, unit);
  }
  function ratioOfMeansCell(s, unit) {
    return { text: ratioOfMeansText(s, unit), sort: s.ratio_of_means ? s.ratio_of_means.value : null, cls: "num" };
  }
  function ratioOfMeansColumn(key, get, label) {
    return { label: label || kpiLabel(key), title: key, num: true, cell: (r) => ratioOfMeansCell(get(r), unitOf(key)) };
  }
  // With one observation the ratio of means is that observation's ratio: nothing to add.
  function pooled() {
    return results.run.observations > 1;
  }

  // The overall KPIs of `keys`, in the contract's order; with several observations and a
  // ratio among them, each ratio's ratio of means beside its mean (docs/kpis.md).
  function overallTable(id, keys) {
    const o = results.kpis.overall;
    const rows = orderedKeys(o).filter((k) => keys.includes(k)).map((k) => [k, o[k]]);
    const withRatios = pooled() && rows.some((r) => "ratio_of_means" in r[1]);
    return table({
      id: id,
      compact: true,
      columns: [
        { label: "KPI", cell: (r) => ({ text: kpiLabel(r[0]), sort: r[0] }) },
        { label: "Key", cell: (r) => ({ node: el("code", null, r[0]), text: r[0], sort: r[0], cls: "key" }) },
        { label: "Mean ± half-width", num: true,
          cell: (r) => ({ text: fmtStat(r[1], unitOf(r[0])), sort: mean(r[1]), cls: "num" }) },
      ].concat(withRatios ? [{ label: "Ratio of means ± half-width", num: true,
          cell: (r) => ratioOfMeansCell(r[1], unitOf(r[0])) }] : [],
      [{ label: "n", num: true, cell: (r) => ({ text: String(r[1].n), sort: r[1].n, cls: "num" }) }]),
      rows: rows,
    });
  }

  // A cost is defined only where the scenario prices something: definedKeys leaves it out elsewhere.
  const TYPE_KEYS = ["dials", "offered", "answered", "abandoned", "balked", "timed_out", "disconnected", "interrupted",
                     "oldest_waiting_s", "blocked",
                     "ivr_contained", "service_level", "asa_s", "p_abandon_over_admitted", "mean_queue_length", "cost"];
  const GROUP_KEYS = ["answered", "occupancy", "occupancy_voice", "occupancy_email", "occupancy_chat",
                      "occupancy_outbound", "chat_concurrency", "chat_occupancy",
                      "sl_answered_within_t_over_answered", "asa_s", "cost"];

  // keys: a list, or a function of the rows' stats giving one. With several observations,
  // the ratio KPIs among the columns get a second table of their ratios of means (id
  // + "-rom"): the first has no room for a second column per KPI.
  function byNameTable(id, label, stats, keys, cls) {
    const names = Object.keys(stats);
    const rows = names.map((n) => [n, stats[n]]);
    const all = names.map((n) => stats[n]);
    const cols = typeof keys === "function" ? keys(all) : definedKeys(keys, all);
    const ratios = pooled() ? cols.filter((k) => rows.some((r) => "ratio_of_means" in r[1][k])) : [];
    const observation = results.run.observations === results.run.replications ? "replication" : "batch";
    return [
      table({ id: id, cls: cls, rows: rows,
              columns: [nameColumn(label)].concat(cols.map((k) => statColumn(k, (r) => r[1][k]))) }),
      ratios.length ? [
        el("h3", { class: "table-title" }, "Ratio of means ± half-width (every " + observation + "'s calls pooled, " +
          "total over total)"),
        table({ id: id + "-rom", compact: true, cls: cls, rows: rows,
                columns: [nameColumn(label)].concat(ratios.map((k) => ratioOfMeansColumn(k, (r) => r[1][k]))) }),
      ] : null,
    ];
  }

  // Per interval and group, the scheduled agents (time-average) against those ccsim staff
  // found required, with the difference; null without a required staffing.
  function requiredTable() {
    const groups = results.scenario.agent_groups.filter(requiredAgents);
    if (!groups.length || !results.kpis.by_interval.length) return null;
    const columns = [{ label: "Interval", cell: (r) => ({ text: r.label, sort: r.interval }) }];
    for (const g of groups) {
      const required = requiredAgents(g);
      columns.push(statColumn("scheduled_agents", (r) => r.by_group[g] && r.by_group[g].scheduled_agents));
      columns[columns.length - 1].label = g + ": scheduled";
      columns.push({
        label: g + ": required", title: "required (required − scheduled)", num: true,
        cell: (r) => {
          const need = required[r.interval];
          const gap = need - Math.ceil(mean(r.by_group[g] && r.by_group[g].scheduled_agents) - 1e-9);
          return { text: need + (gap ? " (" + (gap > 0 ? "+" : "−") + Math.abs(gap) + ")" : ""), sort: need,
                   cls: "num" + (gap > 0 ? " text-missed" : "") };
        },
      });
    }
    return table({ id: "table-required", cls: "wrap-heads", columns: columns, rows: results.kpis.by_interval });
  }

  // With several observations the service level's ratio of means follows its mean.
  function intervalTable() {
    const intervals = results.kpis.by_interval;
    const cols = ["offered", "answered", "abandoned", "service_level", "asa_s", "occupancy", "mean_queue_length"];
    const get = (k) => (r) => r.kpis[k];
    return table({
      id: "table-intervals",
      cls: "wrap-heads",
      columns: [{ label: "Interval", cell: (r) => ({ text: r.label, sort: r.interval }) }]
        .concat(cols.flatMap((k) => [statColumn(k, get(k))].concat(k === "service_level" && pooled() ?
          [ratioOfMeansColumn(k, get(k), "Service level, ratio of means")] : [])))
        .concat([
          statColumn("scheduled_agents", (r) => r.kpis.scheduled_agents),
          statColumn("productive_agents", (r) => r.kpis.productive_agents),
          { label: "SL verdict", cell: (r) => ({ node: badge(r.service_level_verdict), text: r.service_level_verdict,
                                                 sort: r.service_level_verdict }) },
        ]),
      rows: intervals,
    });
  }

  // A run of several days: each day's KPIs (its intervals together), then each type's.
  const DAY_KEYS = ["offered", "answered", "abandoned", "service_level", "asa_s", "p_abandon_over_admitted",
                    "occupancy", "paid_agent_hours", "cost"];
  const DAY_TYPE_KEYS = ["offered", "answered", "abandoned", "service_level", "asa_s", "mean_queue_length",
                         "oldest_waiting_s", "backlog_at_close", "cost"];
  function dayTables(days) {
    const shown = (keys, stats) => definedKeys(keys.filter((key) => page.kpis.some((x) => x.key === key)), stats);
    const dayKeys = shown(DAY_KEYS, days.map((d) => d.kpis));
    const rows = [];
    for (const d of days)
      for (const [t, s] of Object.entries(d.by_type)) rows.push({ day: d, type: t, stats: s });
    const typeKeys = shown(DAY_TYPE_KEYS, rows.map((r) => r.stats));
    const dayColumn = { label: "Day", cell: (r) => ({ text: r.day.name, sort: r.day.day }) };
    return [
      table({ id: "table-days", cls: "wrap-heads", rows: days.map((d) => ({ day: d, kpis: d.kpis })),
              columns: [dayColumn].concat(dayKeys.map((k) => statColumn(k, (r) => r.kpis[k]))) }),
      el("h3", { class: "table-title" }, "Each contact type per day"),
      table({ id: "table-day-types", cls: "wrap-heads", rows: rows, keyColumns: 2,
              columns: [dayColumn, nameColumn("Contact type", (r) => r.type)]
                .concat(typeKeys.map((k) => statColumn(k, (r) => r.stats[k]))) }),
    ];
  }

  function pairTable() {
    const rows = [];
    for (const [t, groups] of Object.entries(results.kpis.by_type_group || {}))
      for (const [g, s] of Object.entries(groups)) rows.push([t, g, s]);
    if (!rows.length) return null;
    const keys = ["answered", "share", "service_level", "asa_s", "work_share"];
    const cols = [nameColumn("Contact type", (r) => r[0]), nameColumn("Agent group", (r) => r[1])]
      .concat(keys.map((k) => {
        const c = statColumn(k, (r) => r[2][k]);
        if (k === "service_level")
          c.label = "Answered within " + (results.scenario.service_level.by_type ? "the type's threshold"
                                          : results.scenario.service_level.awt_s + " s") + " / answered";
        return c;
      }));
    return table({ id: "table-type-group", columns: cols, rows: rows, keyColumns: 2 });
  }

  function tablesSection() {
    const k = results.kpis;
    const pairs = pairTable();
    const required = requiredTable();
    return [
      section("overall", "Overall KPIs",
        el("p", { class: "hint" }, "Mean over " + results.run.observations + " observations ± the half-width of the " +
          fixed(100 * results.run.confidence, 0) + "% confidence interval; n is the number of observations in which " +
          "the KPI was defined. " + (results.run.observations > 1 ? "A ratio (a service level, an abandon rate, " +
          "ASA…) also has its ratio of means: every observation's calls pooled, total over total, with a " +
          "delta-method interval; the mean averages each observation's own ratio. They differ when volumes vary " +
          "between observations. " : "") + "Definitions: docs/kpis.md."),
        // The page lists the KPIs this scenario can give (no cost unless priced, no balks unless some type balks).
        overallTable("table-overall", Object.keys(k.overall).filter((key) => !WORKFORCE_KEYS.includes(key) &&
          page.kpis.some((x) => x.key === key))),
        // A workforce KPI that no observation defined (break lateness without breaks) is left out.
        el("h3", { class: "table-title" }, "Workforce, all groups (agents: time-average over " + averagedOver() +
          "; overtime and paid hours: totals)"),
        overallTable("table-overall-workforce", definedKeys(WORKFORCE_KEYS, [k.overall]))),
      section("by-type", "By contact type", byNameTable("table-types", "Contact type", k.by_type,
        TYPE_KEYS.filter((key) => page.kpis.some((x) => x.key === key)))),
      section("by-group", "By agent group",
        el("p", { class: "hint" }, "Service level and ASA of the calls each group answered. Agents: time-average " +
          "over " + averagedOver() + "; overtime and paid hours: totals. Definitions: docs/kpis.md."),
        byNameTable("table-groups", "Agent group", k.by_group,
          (rows) => definedKeys(GROUP_KEYS.filter((key) => page.kpis.some((x) => x.key === key)), rows)
            .concat(workforceKeys(rows)), "wrap-heads")),
      k.by_day ? section("days", "By day",
        el("p", { class: "hint" }, "Each day's intervals together: a contact counts on the day it arrived, whenever " +
          "it was answered, so the backlog carried overnight is answered the next day but counts on its own. The " +
          "run's totals are the tables above."),
        dayTables(k.by_day)) : null,
      required ? section("required-staffing", "Required against scheduled agents",
        el("p", { class: "hint" }, "Per interval and group, the agents scheduled (time-average: the roster, absent " +
          "agents included) and those ccsim staff found required to meet every target, with the difference from " +
          "the scheduled agents rounded up (as ccsim staff prints it); red where agents are missing."),
        el("details", { class: "fold" }, el("summary", null, "Show the table of " + k.by_interval.length +
          " intervals"), required)) : null,
      k.by_interval.length ? section("intervals", "Per interval", el("details", { class: "fold" },
        el("summary", null, "Show the table of " + k.by_interval.length + " intervals"), intervalTable())) : null,
      pairs ? section("type-group", "By contact type and agent group", el("details", { class: "fold" },
        el("summary", null, "Show who answered which calls (" + pairs.querySelector("table").dataset.rows +
          " pairs)"), pairs)) : null,
    ];
  }

  // ---- Page ----
  function render(data, meta, main) {
    results = data;
    page = meta || page;
    main.replaceChildren(header());
    main.append(...[...headline(), workforceTiles(), targetsSection(), typesSection(), perIntervalCharts(),
      ...tablesSection()].filter(Boolean), runInfo(),
      el("footer", null, "Written by ccsim. The results JSON (schema " + results.schema + ") is embedded in this " +
        "file, in the element with id \"ccsim-results\"; the charts use uPlot (MIT licence)."));
  }

  ccsimPage.start("ccsim-results", render);
})();
