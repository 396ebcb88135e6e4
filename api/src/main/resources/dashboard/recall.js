// SSB twin dashboard: the recall panel. The form becomes a search filter with recall terms (cell.*, docs/SEARCH.md):
// the affected packs with their matching cells from GET /search, and the campaign as CSV from GET /search/recall.csv.
// Loaded after app.js, whose helpers ($, el, api, fix, pct, report, API, apiKey) it uses.
'use strict';

const RECALL_PACKS_SHOWN = 200;

// a string literal of the filter language: double-quoted, backslash escapes
const filterString = (s) => '"' + s.replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"';

function recallFilter() {
  const terms = ['kind=pack'];
  const value = (id) => $(id).value.trim();
  if (value('#recall-unit')) terms.push('cell.laminationUnit=' + filterString(value('#recall-unit')));
  if (value('#recall-from')) terms.push('cell.laminatedAt>=' + filterString(value('#recall-from')));
  if (value('#recall-to')) {
    // "to" is inclusive: before the next day (UTC)
    const next = new Date(value('#recall-to') + 'T00:00:00Z');
    if (isNaN(next)) terms.push('cell.laminatedAt<' + filterString(value('#recall-to'))); // the API names the mistake
    else terms.push('cell.laminatedAt<' + filterString(new Date(next.getTime() + 86400000).toISOString().slice(0, 10)));
  }
  if (value('#recall-roll')) terms.push('cell.roll=' + filterString(value('#recall-roll')));
  if (value('#recall-dew')) terms.push('cell.dewPointC>' + Number(value('#recall-dew')));
  if (value('#recall-soh')) terms.push('soh<' + Number(value('#recall-soh')));
  return terms.join(' and ');
}

async function runRecall() {
  const q = recallFilter();
  const summary = $('#recall-summary');
  summary.classList.remove('error');
  summary.textContent = 'searching: ' + q;
  delete document.body.dataset.recallDone;
  let body;
  try {
    body = (await api('/search?limit=' + RECALL_PACKS_SHOWN + '&q=' + encodeURIComponent(q))).body;
  } catch (e) {
    summary.classList.add('error');
    summary.textContent = (e.body && e.body.detail) ? e.body.detail : e.message;
    $('#recall-table tbody').replaceChildren();
    $('#recall-csv').classList.add('hidden');
    document.body.dataset.recallDone = 'error';
    return;
  }
  summary.textContent = `${body.count} pack(s) affected` + (body.count > body.items.length ? `, first ${body.items.length} shown` : '')
    + ` (filter: ${q})`;
  $('#recall-table tbody').replaceChildren(...body.items.map((p) => {
    const s = p.summary || {};
    const cells = (p.cells || []).map((c) => `${c.id} (${c.laminationUnit || '?'}, ${c.laminatedAt || '?'}, ${fix(c.dewPointC, 1)} °C)`);
    return el('tr', { 'data-pack': p.id },
      el('td', {}, el('a', { href: '#/packs/' + encodeURIComponent(p.id), text: p.id })),
      el('td', { text: s.vehicleId || '' }), el('td', { text: s.vehicleModel || '' }), el('td', { text: s.status || '' }),
      el('td', { class: 'num', text: pct(s.stateOfHealth) }), el('td', { class: 'num', text: String(p.matchingCells ?? '') }),
      el('td', { class: 'cells', text: cells.join('; ') }));
  }));
  const csv = $('#recall-csv');
  csv.setAttribute('href', API + '/search/recall.csv?q=' + encodeURIComponent(q));
  csv.classList.remove('hidden');
  document.body.dataset.recallDone = String(body.count);
}

$('#recall-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  runRecall().catch(report);
});

// with an API key the CSV is fetched with its Authorization header and saved from a blob
$('#recall-csv').addEventListener('click', async (ev) => {
  if (!apiKey) return;
  ev.preventDefault();
  try {
    const resp = await fetch(ev.currentTarget.getAttribute('href'), { headers: { 'Authorization': 'Bearer ' + apiKey } });
    if (!resp.ok) throw new Error('HTTP ' + resp.status);
    const url = URL.createObjectURL(await resp.blob());
    const a = el('a', { href: url, download: 'recall.csv' });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  } catch (e) {
    report(e);
  }
});
