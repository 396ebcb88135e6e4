// SSB twin dashboard: vanilla JS, no build step. Reads the twin's REST API under /api/v1 and refreshes every few seconds.
'use strict';

const API = '/api/v1';
const PLANT_EVERY_MS = 3000;
const FLEET_EVERY_MS = 15000;
const CELLS_EVERY_MS = 10000;
const CELLS_PAGE_SIZE = 20;
// process order of the station kinds along the line; unknown kinds go last, by id
const KIND_ORDER = ['ANODE_COATING', 'CATHODE_COATING', 'ELECTROLYTE_COATING', 'LAMINATION', 'FRAMING', 'CORE_ASSEMBLY',
  'BIPOLAR_STACKING', 'FORMATION_AGEING', 'EOL_TEST', 'PACK_ASSEMBLY'];

const $ = (sel) => document.querySelector(sel);
const el = (tag, attrs = {}, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v; else if (k === 'text') e.textContent = v; else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
};
const pct = (x) => (x == null || isNaN(x)) ? '–' : (100 * x).toFixed(1) + ' %';
const fix = (x, d = 1) => (x == null || isNaN(x)) ? '–' : Number(x).toFixed(d);

// ---- API access: optional API key (Authorization: Bearer), 401 opens the key field ----

let apiKey = localStorage.getItem('ssbTwinApiKey') || '';

class HttpError extends Error {
  constructor(status, body) {
    super('HTTP ' + status + (body && body.detail ? ': ' + body.detail : ''));
    this.status = status;
    this.body = body;
  }
}

async function api(path, options = {}) {
  const headers = Object.assign({ 'Accept': 'application/json' }, options.headers || {});
  if (apiKey) headers['Authorization'] = 'Bearer ' + apiKey;
  const resp = await fetch(API + path, Object.assign({}, options, { headers }));
  if (resp.status === 401) {
    $('#auth').classList.remove('hidden');
    throw new HttpError(401, { detail: 'an API key is needed' });
  }
  const text = await resp.text();
  let body = null;
  if (text) { try { body = JSON.parse(text); } catch (e) { body = text; } }
  if (!resp.ok) throw new HttpError(resp.status, body);
  return { body, resp };
}

function showStatus(msg) {
  $('#status').textContent = msg || '';
}

$('#auth-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  apiKey = $('#api-key').value.trim();
  localStorage.setItem('ssbTwinApiKey', apiKey);
  $('#auth').classList.add('hidden');
  refreshAll();
});

// ---- charts (Chart.js from the WebJar) ----

const charts = {};
function chart(id, config) {
  if (typeof Chart === 'undefined') return null;
  if (!charts[id]) {
    config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, config.options || {});
    charts[id] = new Chart(document.getElementById(id), config);
  }
  return charts[id];
}
function setChart(id, config, labels, datasets) {
  const c = chart(id, config);
  if (!c) return;
  c.data.labels = labels;
  datasets.forEach((d, i) => {
    if (c.data.datasets[i]) Object.assign(c.data.datasets[i], d); else c.data.datasets.push(d);
  });
  c.data.datasets.length = datasets.length;
  c.update('none');
}

// ---- plant line, yield and scrap Pareto ----

let plantUpdates = 0;

async function refreshPlant() {
  const [{ body: kpis }, stations, { body: clock }] = await Promise.all([
    api('/plant/kpis'), allStations(), api('/clock')]);
  $('#clock-now').textContent = clock.now.replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  $('#clock-speed').textContent = '(' + clock.speedUp + '×)';
  $('#kpi-cells-per-day').textContent = fix(kpis.cellsPerDay, 0);
  $('#kpi-gwh').textContent = fix(kpis.gwhPerYear, 3);
  $('#kpi-fpy').textContent = pct(kpis.firstPassYield);
  $('#kpi-wip').textContent = kpis.workInProgress;
  $('#kpi-bottleneck').textContent = kpis.bottleneck || '–';
  renderLine(kpis, stations);
  renderQuality(kpis);
  plantUpdates++;
  document.body.dataset.plantUpdates = String(plantUpdates);
}

async function allStations() {
  const byId = {};
  try {
    const { body } = await api('/stations?size=1000');
    body.items.forEach((s) => { byId[s.id] = s; });
  } catch (e) {
    if (e.status === 401) throw e;
  }
  return byId;
}

function lineOrder(a, b) {
  const ka = KIND_ORDER.indexOf(a.kind), kb = KIND_ORDER.indexOf(b.kind);
  return (ka < 0 ? 99 : ka) - (kb < 0 ? 99 : kb) || a.station.localeCompare(b.station);
}

function renderLine(kpis, stations) {
  const line = $('#line');
  const sorted = kpis.stations.slice().sort(lineOrder);
  line.replaceChildren(...sorted.map((k) => {
    const s = stations[k.station] || {};
    const bottleneck = k.station === kpis.bottleneck;
    const readings = Object.entries(s.readings || {}).slice(0, 2)
      .map(([n, v]) => el('tr', {}, el('td', { text: n }), el('td', { text: fix(v, 1) })));
    const bar = el('div', { class: 'bar', title: 'running / blocked / starved / down share' },
      el('span', { style: `width:${100 * k.utilisation}%;background:var(--run)` }),
      el('span', { style: `width:${100 * k.blockedShare}%;background:var(--blocked)` }),
      el('span', { style: `width:${100 * k.starvedShare}%;background:var(--starved)` }),
      el('span', { style: `width:${100 * k.downShare}%;background:var(--down)` }));
    const box = el('div', { class: `station ${k.state}${bottleneck ? ' bottleneck' : ''}`, 'data-station': k.station, 'data-state': k.state },
      el('div', { class: 'name', text: k.station }),
      el('div', { class: 'kind', text: k.kind || '' }),
      el('div', { class: 'state', text: k.state }),
      bar,
      el('table', {},
        el('tr', {}, el('td', { text: 'OEE' }), el('td', { class: 'oee', text: pct(k.oee) })),
        el('tr', {}, el('td', { text: 'out' }), el('td', { class: 'out', text: String(k.out) })),
        el('tr', {}, el('td', { text: 'scrap' }), el('td', { class: 'scrap', text: String(k.scrap) })),
        el('tr', {}, el('td', { text: 'blocked' }), el('td', { class: 'blocked', text: pct(k.blockedShare) })),
        el('tr', {}, el('td', { text: 'starved' }), el('td', { class: 'starved', text: pct(k.starvedShare) })),
        ...readings));
    if (bottleneck) box.append(el('span', { class: 'badge', text: 'BOTTLENECK' }));
    return box;
  }));
}

function renderQuality(kpis) {
  const sorted = kpis.stations.slice().sort(lineOrder);
  setChart('yield-chart', { type: 'bar', options: { scales: { y: { min: 0.9, max: 1 } }, plugins: { legend: { display: false } } } },
    sorted.map((k) => k.station), [{ label: 'yield (good / (good + scrap))', data: sorted.map((k) => k.quality), backgroundColor: '#2e9d4b' }]);
  const pareto = kpis.scrapPareto || [];
  let cum = 0;
  const cumulative = pareto.map((p) => { cum += p.share; return cum; });
  setChart('scrap-chart', {
    type: 'bar',
    options: { scales: { y: { beginAtZero: true, title: { display: true, text: 'scrapped' } },
      y1: { position: 'right', min: 0, max: 1, grid: { drawOnChartArea: false }, title: { display: true, text: 'cumulative share' } } } }
  }, pareto.map((p) => p.cause), [
    { type: 'bar', label: 'scrapped cells', data: pareto.map((p) => p.count), backgroundColor: '#d33b3b', yAxisID: 'y', order: 2 },
    { type: 'line', label: 'cumulative share', data: cumulative, borderColor: '#1f2a36', yAxisID: 'y1', order: 1 }]);
}

// ---- fleet SoH: distribution over time, or (until that endpoint exists) a histogram of the packs' current SoH ----

async function refreshFleet() {
  try {
    const { body } = await api('/fleet/soh-distribution?by=month');
    const pts = body.points || [];
    if (pts.length === 0) { // no month of usage projected yet (a young fleet): show the packs' current SoH instead
      await sohHistogram('no month of usage recorded yet');
      return;
    }
    $('#fleet-source').textContent = 'p5 / p50 / p95 of the packs\' state of health per month (' +
      (pts.length ? pts[pts.length - 1].packs + ' packs in the last month' : 'no packs yet') + ')';
    $('#fleet').dataset.source = 'distribution';
    setChart('soh-chart', { type: 'line', options: { scales: { y: { title: { display: true, text: 'SoH' } } } } },
      pts.map((p) => p.period), [
        { label: 'p95', data: pts.map((p) => p.p95), borderColor: '#2e9d4b', pointRadius: 0 },
        { label: 'p50', data: pts.map((p) => p.p50), borderColor: '#1f2a36', pointRadius: 0 },
        { label: 'p5', data: pts.map((p) => p.p5), borderColor: '#d33b3b', pointRadius: 0 }]);
    return;
  } catch (e) {
    if (e.status !== 404) throw e;
  }
  await sohHistogram();
}

async function sohHistogram(reason) {
  const soh = [];
  for (let page = 0; page < 50; page++) {
    const { body } = await api(`/packs?page=${page}&size=1000`);
    body.items.forEach((p) => { if (p.stateOfHealth != null) soh.push(p.stateOfHealth); });
    if ((page + 1) * body.size >= body.total) break;
  }
  const lo = 0.6, step = 0.01, bins = Math.round((1.0 - lo) / step) + 1;
  const counts = new Array(bins).fill(0);
  soh.forEach((s) => { counts[Math.max(0, Math.min(bins - 1, Math.floor((s - lo) / step + 1e-9)))]++; });
  const first = counts.findIndex((c) => c > 0);
  const from = first < 0 ? bins - 5 : Math.max(0, Math.min(first, bins - 5));
  const labels = [];
  for (let i = from; i < bins; i++) labels.push(i === 0 ? '≤ ' + lo.toFixed(2) : (lo + i * step).toFixed(2));
  $('#fleet-source').textContent = `current state of health of ${soh.length} packs (${reason || 'the distribution over time needs /fleet/soh-distribution'})`;
  $('#fleet').dataset.source = 'histogram';
  setChart('soh-chart', { type: 'bar', options: { plugins: { legend: { display: false } },
    scales: { x: { title: { display: true, text: 'SoH' } }, y: { beginAtZero: true, title: { display: true, text: 'packs' } } } } },
  labels, [{ label: 'packs', data: counts.slice(from), backgroundColor: '#3b7bd6' }]);
}

// ---- cells table; a click opens the cell's genealogy ----

let cellsPage = 0;

async function refreshCells() {
  const status = $('#cells-status').value;
  const { body } = await api(`/cells?page=${cellsPage}&size=${CELLS_PAGE_SIZE}` + (status ? '&status=' + status : ''));
  const pages = Math.max(1, Math.ceil(body.total / body.size));
  $('#cells-page').textContent = `page ${body.page + 1} of ${pages} (${body.total} cells)`;
  $('#cells-prev').disabled = body.page === 0;
  $('#cells-next').disabled = body.page + 1 >= pages;
  $('#cells-table tbody').replaceChildren(...body.items.map((c) => el('tr', { 'data-cell': c.id },
    el('td', {}, el('a', { href: '#/cells/' + encodeURIComponent(c.id), text: c.id })),
    el('td', { text: c.status }), el('td', { text: c.grade || '' }),
    el('td', { class: 'num', text: fix(c.capacityAh, 2) }), el('td', { class: 'num', text: fix(c.laminationTemperatureC, 1) }),
    el('td', { class: 'num', text: fix(c.dewPointC, 1) }), el('td', { text: c.packId || '' }), el('td', { text: c.vehicleId || '' }),
    el('td', { class: 'num', text: c.stateOfHealth == null ? '' : pct(c.stateOfHealth) }))));
}

$('#cells-table tbody').addEventListener('click', (ev) => {
  const row = ev.target.closest('tr[data-cell]');
  if (!row) return;
  ev.preventDefault();
  location.hash = '#/cells/' + encodeURIComponent(row.dataset.cell);
});
$('#cells-status').addEventListener('change', () => { cellsPage = 0; refreshCells().catch(report); });
$('#cells-prev').addEventListener('click', () => { cellsPage = Math.max(0, cellsPage - 1); refreshCells().catch(report); });
$('#cells-next').addEventListener('click', () => { cellsPage++; refreshCells().catch(report); });

async function showGenealogy(cellId) {
  $('#g-cell').textContent = cellId;
  $('#g-error').classList.add('hidden');
  ['#g-inlays tbody', '#g-steps tbody', '#g-factors'].forEach((s) => $(s).replaceChildren());
  ['#g-status', '#g-pack', '#g-vehicle'].forEach((s) => { $(s).textContent = ''; });
  let g;
  try {
    g = (await api('/cells/' + encodeURIComponent(cellId) + '/genealogy')).body;
  } catch (e) {
    $('#g-error').textContent = e.status === 404 ? `cell ${cellId} does not exist` : e.message;
    $('#g-error').classList.remove('hidden');
    return;
  }
  $('#g-status').textContent = g.status;
  $('#g-pack').replaceChildren(g.packId ? el('a', { href: '#/packs/' + encodeURIComponent(g.packId), text: g.packId }) : '–');
  $('#g-vehicle').textContent = g.vehicleId || '–';
  $('#g-inlays tbody').replaceChildren(...(g.inlays || []).map((i) => el('tr', { class: 'inlay', 'data-inlay': i.inlayId },
    el('td', { text: i.inlayId }), el('td', { text: (i.rolls || []).join(', ') }), el('td', { text: i.laminationUnit }),
    el('td', { text: i.laminatedAt }), el('td', { class: 'num lam-temp', text: fix(i.laminationTemperatureC, 1) }),
    el('td', { class: 'num dew-point', text: fix(i.dewPointC, 1) }), el('td', { class: 'num', text: fix(i.capacityAh, 2) }),
    el('td', { class: 'num', text: fix(i.resistanceMilliOhm, 3) }))));
  $('#g-steps tbody').replaceChildren(...(g.steps || []).map((s) => el('tr', { class: 'step' },
    el('td', { text: s.step }), el('td', { text: s.station }), el('td', { text: s.at }), el('td', { text: s.result }),
    el('td', { text: Object.entries(s.measurements || {}).map(([k, v]) => k + ' ' + fix(v, 3)).join(', ') }))));
  $('#g-factors').replaceChildren(...Object.entries(g.manufacturingFactors || {}).flatMap(([k, v]) =>
    [el('dt', { text: k }), el('dd', { text: fix(v, 3) })]));
  document.body.dataset.genealogyOf = cellId;
}

// ---- what-if: bundled scenarios, run one, compare baseline and scenario ----

async function loadScenarios() {
  let list;
  try {
    list = (await api('/scenarios/bundled')).body;
  } catch (e) {
    if (e.status === 404) {
      $('#whatif-unavailable').classList.remove('hidden');
      $('#whatif-form').classList.add('hidden');
      $('#whatif-results').classList.add('hidden');
      return;
    }
    throw e;
  }
  const select = $('#whatif-select');
  select.replaceChildren(...list.map((s) => el('option', { value: s.name, 'data-description': s.description || '', text: s.name })));
  const describe = () => { const o = select.selectedOptions[0]; $('#whatif-description').textContent = o ? o.dataset.description : ''; };
  select.onchange = describe;
  describe();
}

$('#whatif-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  runScenario($('#whatif-select').value).catch((e) => { $('#whatif-status').textContent = 'failed: ' + e.message; });
});

async function runScenario(name) {
  $('#whatif-run').disabled = true;
  try {
    const { resp, body } = await api('/scenarios', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ bundled: name })
    });
    const location = resp.headers.get('Location') || (body && body.id ? API + '/scenarios/' + body.id : null);
    if (!location) throw new Error('the twin did not say where the scenario runs');
    const path = location.replace(/^https?:\/\/[^/]+/, '').replace(API, '');
    const progress = $('#whatif-progress');
    progress.classList.remove('hidden');
    for (;;) {
      const job = (await api(path)).body;
      progress.value = job.progress || 0;
      $('#whatif-status').textContent = `${name}: ${job.status} ${job.progress != null ? pct(job.progress) : ''}`;
      $('#whatif').dataset.status = job.status;
      if (job.status === 'DONE') { renderWhatIf(job.result); break; }
      if (['FAILED', 'CANCELLED'].includes(job.status)) {
        $('#whatif-status').textContent = `${name}: ${job.status}${job.error ? ' — ' + job.error : ''}`;
        break;
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  } finally {
    $('#whatif-run').disabled = false;
  }
}

function renderWhatIf(result) {
  const plant = (result && result.plant) || {};
  const base = plant.baseline || {}, scen = plant.scenario || {};
  const keys = [...new Set([...Object.keys(base), ...Object.keys(scen)])].filter((k) => typeof (base[k] ?? scen[k]) === 'number');
  $('#whatif-table tbody').replaceChildren(...keys.map((k) => el('tr', { 'data-metric': k },
    el('td', { text: k }), el('td', { class: 'num baseline', text: fix(base[k], 4) }), el('td', { class: 'num scenario', text: fix(scen[k], 4) }))));
  const years = (result && result.fleet && result.fleet.years) || [];
  setChart('whatif-chart', { type: 'line', options: { scales: { y: { title: { display: true, text: 'fleet SoH p50' } },
    x: { title: { display: true, text: 'year' } } } } },
  years.map((y) => y.year), [
    { label: 'baseline p50', data: years.map((y) => y.baseline && y.baseline.p50), borderColor: '#1f2a36' },
    { label: 'scenario p50', data: years.map((y) => y.scenario && y.scenario.p50), borderColor: '#d33b3b' }]);
  $('#whatif').dataset.years = String(years.length);
}

// ---- routing (#/ dashboard, #/cells/{id} genealogy) and refresh loops ----

// the one battery design (designs.conf): the cell and every pack built from it
async function loadDesigns() {
  const { body } = await api('/designs');
  const c = body.cell;
  $('#designs-cell').textContent = `cell: ${c.name}: ${c.inlaysPerCell} inlays in series, ${fix(c.capacityAh, 1)} Ah x `
    + `${fix(c.nominalVoltageV, 2)} V = ${fix(c.energyWh, 1)} Wh (${fix(c.minVoltageV, 2)}-${fix(c.maxVoltageV, 2)} V)`;
  $('#designs-table tbody').replaceChildren(...body.packs.map((p) => el('tr', { 'data-pack': p.id },
    el('td', { text: p.label }), el('td', { text: p.vehicle }), el('td', { text: p.format }),
    el('td', { class: 'num', text: String(p.cells) }), el('td', { class: 'num', text: `${p.series}s${p.parallel}p` }),
    el('td', { class: 'num', text: fix(p.nominalVoltageV, 1) }), el('td', { class: 'num', text: fix(p.ampHours, 0) }),
    el('td', { class: 'num', text: fix(p.energyKWh, 2) }), el('td', { class: 'num', text: fix(p.publishedKWh, 2) }))));
}

function report(e) {
  if (e && e.status === 401) { showStatus('API key needed'); return; }
  showStatus(e ? 'error: ' + e.message : '');
  console.error(e);
}

function route() {
  const m = location.hash.match(/^#\/cells\/(.+)$/);
  $('#view-main').classList.toggle('hidden', !!m);
  $('#view-genealogy').classList.toggle('hidden', !m);
  if (m) showGenealogy(decodeURIComponent(m[1])).catch(report);
}
window.addEventListener('hashchange', route);

function every(ms, fn) {
  const run = () => fn().then(() => showStatus(''), report);
  run();
  return setInterval(run, ms);
}

function refreshAll() {
  refreshPlant().catch(report);
  refreshFleet().catch(report);
  refreshCells().catch(report);
  loadScenarios().catch(report);
  loadDesigns().catch(report);
}

every(PLANT_EVERY_MS, refreshPlant);
every(FLEET_EVERY_MS, refreshFleet);
every(CELLS_EVERY_MS, refreshCells);
loadScenarios().catch(report);
loadDesigns().catch(report);
route();
