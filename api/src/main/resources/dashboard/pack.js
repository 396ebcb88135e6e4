// SSB twin dashboard: the pack page (#/packs/{id}): the pack's state and its battery passport (summary + QR code).
// Loaded after app.js, whose helpers ($, el, api, fix, pct, report) it uses; its own hashchange handler runs after app.js's.
'use strict';

function passportRow(label, value, id) {
  return [el('dt', { text: label }), el('dd', id ? { id, text: value } : { text: value })];
}

async function showPack(packId) {
  document.body.dataset.packOf = packId;
  delete document.body.dataset.passportLoaded;
  $('#p-pack').textContent = packId;
  $('#p-error').classList.add('hidden');
  ['#p-state', '#p-passport'].forEach((s) => $(s).replaceChildren());
  const url = '/packs/' + encodeURIComponent(packId) + '/passport';
  $('#p-json').setAttribute('href', API + url);
  $('#p-qr').setAttribute('src', API + url + '/qr.png');
  let p;
  try {
    p = (await api(url)).body;
  } catch (e) {
    $('#p-error').textContent = e.status === 404 ? `pack ${packId} does not exist` : e.message;
    $('#p-error').classList.remove('hidden');
    return;
  }
  const d = (p.performance && p.performance.dynamic) || null;
  const r = (p.performance && p.performance.rated) || {};
  const tv = (x, digits, unit) => (x && x.value != null) ? fix(x.value, digits) + unit : '–';
  const rows = [
    passportRow('passport id', p.metadata.passportIdentifier, 'p-passport-id'),
    passportRow('status', p.metadata.status + (p.twin.declarations ? ' (example declarations)' : '')),
    passportRow('access tier', p.twin.accessTier + (p.twin.withheld.length ? ' (withheld: ' + p.twin.withheld.join(', ') + ')' : ''), 'p-tier'),
    passportRow('category / chemistry', (p.identification.category || '') + ' / ' + (p.identification.chemistry || '–')),
    passportRow('manufactured', (p.operation.manufacturer.manufacturingDate || '–') + ' by ' + (p.twin.genealogy.packAssembledBy || '–')
      + '; cells from ' + (p.twin.genealogy.cellPlants || []).map((c) => c.plant + ' (' + c.cells + ')').join(', ')),
    passportRow('rated', fix(r.capacity && r.capacity.value, 1) + ' Ah, ' + fix(r.energy && r.energy.value, 1) + ' kWh, '
      + fix(r.voltage && r.voltage.nominal, 1) + ' V nominal'),
  ];
  if (d) {
    rows.push(passportRow('capacity fade', tv(d.capacity.fade, 2, ' %') + ' (remaining ' + tv(d.capacity.capacity, 1, ' Ah') + ')', 'p-fade'));
    rows.push(passportRow('state of certified energy', tv(d.energy.soce, 1, ' %')));
    rows.push(passportRow('resistance increase', tv(d.resistance.increase.pack, 1, ' %')));
    rows.push(passportRow('full cycles / throughput', tv(d.fullCycles, 0, '') + ' / ' + tv(d.energy.throughput, 0, ' kWh')));
    rows.push(passportRow('state of charge', tv(d.stateOfCharge, 0, ' %')));
    rows.push(passportRow('negative events', (d.negativeEvents || []).map((n) => n.header + ': ' + n.content).join('; ')));
    rows.push(passportRow('as of', p.twin.asOf));
  }
  $('#p-passport').replaceChildren(...rows.flat());
  try {
    const pack = (await api('/packs/' + encodeURIComponent(packId))).body;
    $('#p-state').replaceChildren(...[
      passportRow('vehicle model', pack.vehicleModel || '–'), passportRow('vehicle', pack.vehicleId || '–'),
      passportRow('status', pack.status), passportRow('state of health', pct(pack.stateOfHealth)),
      passportRow('cells', String((pack.cells || []).length))].flat());
  } catch (e) {
    $('#p-state').replaceChildren(...passportRow('state', e.status === 401 || e.status === 403 ? 'needs an API key' : e.message));
  }
  document.body.dataset.passportLoaded = packId;
}

function routePack() {
  const m = location.hash.match(/^#\/packs\/(.+)$/);
  $('#view-pack').classList.toggle('hidden', !m);
  if (!m) return;
  $('#view-main').classList.add('hidden');
  $('#view-genealogy').classList.add('hidden');
  showPack(decodeURIComponent(m[1])).catch(report);
}
window.addEventListener('hashchange', routePack);
routePack();
