// The page: identity, filters, the list with its states, totals and "Carregar mais", the record actions,
// the other screens (views.js: approvals, instructions, settings), and the address (router.js): filters, the
// open record and the screen, so Back, Forward and shared links work.

import { fileLink, getIntegration, listIntegrations, statementLink } from './api.js';
import { hideApprovals, refreshApprovals, setUpApprovals, showApprovals } from './approvals.js';
import { loadBanks } from './banks.js';
import { downloadCsv } from './csv.js';
import { openConfirmDialog, setUpConfirmDialog } from './confirm-dialog.js';
import { isDetailOpenFor, openDetail, refreshDetail, setUpDetail } from './detail.js';
import { $, announce, disclosure, freshController, h, icon } from './dom.js';
import {
  FILTER_NAMES, addBanks, bindFilters, countFilters, matchesFilters, sameFilters, setUpFilters, usableFilters, writeFilters,
} from './filters.js';
import { plural } from './format.js';
import { focusIdentity, getMode, initIdentity, onIdentityChange } from './identity.js';
import { hideInstructions, setUpInstructions, showInstructions } from './instructions.js';
import { loginUrl } from '../config.js';
import { openReasonDialog, setUpReasonDialog } from './reason-dialog.js';
import {
  currentRoute, leaveRecord, onRouteChange, pushList, pushRecord, pushView, replaceList, routeHref,
} from './router.js';
import { hideSettings, setUpSettings, showSettings } from './settings.js';
import { closeMenu, openMenu, renderRows, rowFor, setUpMenu } from './table.js';
import { createFiguresSource, renderTotals, summarize } from './totals.js';
import { openUpload, setUpUpload } from './upload.js';
import { currentView, hideScreensBut, reloadView, setUpViews, showView } from './views.js';

const state = {
  filters: {},
  records: [], // every loaded record, in server order
  nextCursor: null,
  status: 'idle', // idle | loading | loading-more | ready | error | unauthorized
  error: '',
  controller: null,
  highlight: null, // id of a just-imported record
};

const els = {};

function visibleRecords() {
  return state.records.filter((r) => matchesFilters(r, state.filters));
}

// ---- records and their actions -------------------------------------------------------------------

/** The row's actions button for a record, found again after re-renders. */
function rowButton(id) {
  return () => els.rows.querySelector(`tr[data-id="${CSS.escape(id)}"] [data-testid="row-actions"]`)
    || els.rows.querySelector(`tr[data-id="${CSS.escape(id)}"] [data-testid="row-open-detail"]`);
}

/** The address of a record, in the current view. */
function hrefFor(recordOrId) {
  const id = typeof recordOrId === 'string' ? recordOrId : recordOrId.id;
  return routeHref({ filters: state.filters, recordId: id });
}

/** Opens a record's panel and gives it its own address (a history entry). */
function showRecord(record, opener) {
  if (currentRoute(FILTER_NAMES).recordId !== record.id) {
    pushRecord(state.filters, record.id);
  }
  openDetail(knownRecord(record.id) || record, opener);
}

/** What the list already has of a record, so the panel starts with it. */
function knownRecord(id) {
  return state.records.find((r) => r.id === id) || null;
}

/** Runs one of the record actions (actions.js). */
function runAction(action, record, opener) {
  switch (action.run) {
    case 'detail':
      showRecord(record, opener);
      break;
    case 'statement':
      openStatement(record, opener);
      break;
    case 'download':
      downloadFile(record, opener);
      break;
    case 'reason':
      openReasonDialog(action, record, opener);
      break;
    case 'confirm':
      openConfirmDialog(action, record, opener);
      break;
    default:
      break;
  }
}

const rowHandlers = {
  hrefFor,
  onMenu: (record, button) => openMenu(record, button, (action, r) => runAction(action, r, rowButton(r.id))),
  onDetail: (record, opener) => showRecord(record, opener),
};

function refocus(opener) {
  const target = typeof opener === 'function' ? opener() : opener;
  if (target && document.contains(target) && !$('dialog[open]')) {
    target.focus();
  }
}

/** Opens the statement PDF in a new tab (opened now, within the click, so no popup blocker). */
async function openStatement(record, opener) {
  const tab = window.open('', '_blank');
  if (tab) {
    try {
      tab.document.title = 'Carregando o extrato…';
      tab.document.body.textContent = 'Carregando o extrato…';
    } catch {
      // not ours to write into: fine
    }
  }
  try {
    const url = await statementLink(record.id);
    document.documentElement.dataset.lastStatementUrl = url;
    if (tab && !tab.closed) {
      tab.opener = null;
      tab.location.href = url;
    } else {
      window.location.href = url;
    }
    announce('Extrato aberto em uma nova aba.', 'info');
  } catch (error) {
    if (tab && !tab.closed) {
      tab.close();
    }
    if (error && error.notAvailable) {
      // 404/501: the statement route is not built on this server yet (or there is no statement).
      announce('O extrato deste arquivo não está disponível.', 'error');
    } else {
      failAction(error, 'Não foi possível abrir o extrato.');
    }
  }
  refocus(opener);
}

/** Downloads the original TXT (the presigned URL answers with Content-Disposition: attachment). */
async function downloadFile(record, opener) {
  try {
    const url = await fileLink(record.id);
    document.documentElement.dataset.lastFileUrl = url;
    window.location.href = url;
    announce(`Download de ${record.fileName || 'arquivo'} iniciado.`, 'info');
  } catch (error) {
    failAction(error, 'Não foi possível baixar o arquivo.');
  }
  refocus(opener);
}

function failAction(error, fallback) {
  if (error && error.status === 401) {
    showUnauthorized();
  }
  announce((error && error.detail) || fallback, 'error');
}

/** An action changed the record: its row and the open panel show it as it is now. */
function replaceRecord(updated, { itemsChanged = false } = {}) {
  const index = state.records.findIndex((r) => r.id === updated.id);
  if (index >= 0) {
    state.records[index] = { ...state.records[index], ...updated };
  }
  const row = els.rows.querySelector(`tr[data-id="${CSS.escape(updated.id)}"]`);
  if (row) {
    const record = state.records[index] || updated;
    if (matchesFilters(record, state.filters)) {
      row.replaceWith(rowFor(record, rowHandlers));
    } else {
      render();
    }
  }
  refreshDetail(updated, { itemsChanged });
  renderTotalsNow();
  refreshApprovals();
}

/** A decision refused as out of date (409): the row and the panel show the record as it is now. */
function reloadRecord(record) {
  getIntegration(record.id).then((now) => replaceRecord(now, { itemsChanged: false }), () => {});
}

// ---- the list -------------------------------------------------------------------------------------

function setState(status, message = '') {
  state.status = status;
  state.error = message;
  render();
}

function showUnauthorized() {
  if (state.controller) {
    state.controller.abort();
  }
  state.records = [];
  state.nextCursor = null;
  setState('unauthorized');
}

async function load({ more = false } = {}) {
  const controller = freshController(state);
  if (!more) {
    state.records = [];
    state.nextCursor = null;
  }
  setState(more ? 'loading-more' : 'loading');
  try {
    const page = await listIntegrations(state.filters, more ? state.nextCursor : null, { signal: controller.signal });
    if (state.controller !== controller) {
      return;
    }
    const items = (page && Array.isArray(page.items)) ? page.items : [];
    const known = new Set(state.records.map((r) => r.id));
    state.records = state.records.concat(items.filter((r) => !known.has(r.id)));
    state.nextCursor = (page && page.nextCursor) || null;
    addBanks(els.filters, items);
    setState('ready');
    if (!more) {
      loadBanks().then((banks) => {
        if (banks.size) {
          addBanks(els.filters, state.records);
        }
      });
    }
  } catch (error) {
    if (error.name === 'AbortError' || state.controller !== controller) {
      return;
    }
    if (error.status === 401) {
      showUnauthorized();
      return;
    }
    setState('error', error.detail || 'Não foi possível carregar o histórico.');
  } finally {
    if (state.controller === controller) {
      state.controller = null;
    }
  }
}

function stateBlock() {
  const retry = () => h('button', {
    type: 'button', class: 'btn btn--small', 'data-testid': 'list-retry', on: { click: () => load() },
  }, icon('refresh'), 'Tentar novamente');
  switch (state.status) {
    case 'loading':
      return [h('span', { class: 'spinner', 'aria-hidden': 'true' }), h('span', { 'data-testid': 'list-state-message' }, 'Carregando…')];
    case 'error':
      return [icon('alert'), h('span', { 'data-testid': 'list-state-message' }, state.error), retry()];
    case 'unauthorized': {
      const action = getMode() === 'remote'
        ? (loginUrl ? h('a', { class: 'btn btn--small btn--primary', href: loginUrl, 'data-testid': 'list-login' }, 'Entrar') : null)
        : h('button', { type: 'button', class: 'btn btn--small btn--primary', 'data-testid': 'list-choose-user', on: { click: focusIdentity } }, 'Escolher usuário');
      return [icon('user'), h('span', { 'data-testid': 'list-state-message' }, 'Sessão expirada ou ausente. Escolha um usuário.'), action];
    }
    case 'ready':
    case 'loading-more':
      if (!visibleRecords().length) {
        const filtered = countFilters(state.filters) > 0;
        return [icon('table'), h('span', { 'data-testid': 'list-state-message' },
          filtered && state.nextCursor
            ? 'Nenhum arquivo encontrado entre os carregados. Use "Carregar mais" para buscar arquivos mais antigos.'
            : 'Nenhum arquivo encontrado.'),
        filtered ? h('button', { type: 'button', class: 'btn btn--small', 'data-testid': 'list-clear-filters', on: { click: () => els.filters.reset() } }, 'Limpar filtros') : null];
      }
      return null;
    default:
      return null;
  }
}

function render() {
  const visible = visibleRecords();
  const busy = state.status === 'loading' || state.status === 'loading-more';
  els.table.setAttribute('aria-busy', busy ? 'true' : 'false');
  els.results.setAttribute('aria-busy', busy ? 'true' : 'false');
  const showRows = state.status === 'ready' || state.status === 'loading-more';
  renderRows(els.rows, showRows ? visible : [], rowHandlers);
  if (state.highlight) {
    const row = els.rows.querySelector(`tr[data-id="${CSS.escape(state.highlight)}"]`);
    if (row) {
      row.classList.add('is-new');
    }
  }
  els.table.classList.toggle('is-empty', !(showRows && visible.length));

  const block = stateBlock();
  els.state.dataset.state = state.status === 'ready' || state.status === 'loading-more'
    ? (visible.length ? 'ready' : 'empty')
    : state.status;
  els.state.className = `list-state list-state--${els.state.dataset.state}`;
  els.state.replaceChildren(...(block || []).filter(Boolean));
  els.state.hidden = !block;

  els.loadMore.hidden = !(showRows && state.nextCursor);
  els.loadMore.disabled = state.status === 'loading-more';
  els.loadMore.setAttribute('aria-busy', state.status === 'loading-more' ? 'true' : 'false');
  els.loadMore.textContent = state.status === 'loading-more' ? 'Carregando…' : 'Carregar mais';

  els.exportCsv.disabled = !(showRows && visible.length);
  if (showRows) {
    const filtered = countFilters(state.filters);
    let text = visible.length ? plural(visible.length, 'arquivo', 'arquivos') : 'Nenhum arquivo';
    if (filtered) {
      text += ` · ${plural(filtered, 'filtro aplicado', 'filtros aplicados')}`;
    }
    if (state.nextCursor) {
      text += ' · há mais arquivos para carregar';
    }
    els.count.textContent = text;
  } else {
    els.count.textContent = '';
  }
  const filtered = countFilters(state.filters);
  els.filterBadge.textContent = filtered ? String(filtered) : '';
  els.filterBadge.hidden = !filtered;
  els.filterCountText.textContent = filtered ? `, ${plural(filtered, 'aplicado', 'aplicados')}` : '';
  renderTotalsNow();
}

/** The totals of the rows on screen; starts reading the retornos' rejected and fee figures it lacks. */
function renderTotalsNow() {
  const showRows = state.status === 'ready' || state.status === 'loading-more';
  const visible = showRows ? visibleRecords() : [];
  els.totals.hidden = !visible.length;
  if (!visible.length) {
    return;
  }
  figures.need(visible);
  renderTotals(els.totalsBody, summarize(visible, figures.figuresOf), { moreToLoad: Boolean(state.nextCursor) });
}

const figures = createFiguresSource({ onChange: () => renderTotalsNow() });

async function exportCsv() {
  const visible = visibleRecords();
  els.exportCsv.disabled = true;
  try {
    await figures.need(visible);
    downloadCsv(visible, figures.figuresOf, summarize(visible, figures.figuresOf));
    announce(`CSV exportado com ${plural(visible.length, 'arquivo', 'arquivos')}.`, 'success');
  } finally {
    els.exportCsv.disabled = !visibleRecords().length;
  }
}

// ---- the address ------------------------------------------------------------------------------------

/** The filters form applied: a new history entry when the filters changed. */
function applyFilters(filters) {
  if (sameFilters(filters, state.filters)) {
    replaceList(filters);
  } else {
    pushList(filters);
  }
  showFilters(filters);
}

function showFilters(filters) {
  state.filters = filters;
  state.highlight = null;
  writeFilters(els.filters, filters);
  closeMenu();
  load();
}

/**
 * Back, Forward, an edited fragment: the screen, the list and the panel follow the address. A record's
 * address opens its panel over the screen on screen.
 */
function followRoute() {
  const route = currentRoute(FILTER_NAMES);
  const filters = usableFilters(route.filters);
  if (!sameFilters(filters, state.filters)) {
    showFilters(filters);
  }
  if (!route.recordId) {
    if (route.view !== 'history') {
      closeMenu();
    }
    showView(route.view);
  }
  followRecord(route.recordId);
}

/** The header's links to the screens and the screens' way back: history entries, without reloading the page. */
function bindViewLinks() {
  for (const link of document.querySelectorAll('[data-view-link]')) {
    link.addEventListener('click', (event) => {
      event.preventDefault();
      const route = currentRoute(FILTER_NAMES);
      if (route.view !== link.dataset.viewLink || route.recordId) {
        pushView(state.filters, link.dataset.viewLink);
        followRoute();
      }
    });
  }
  for (const back of document.querySelectorAll('[data-back-to-list]')) {
    back.addEventListener('click', (event) => {
      event.preventDefault();
      pushList(state.filters);
      followRoute();
      $('#main').focus();
    });
  }
}

/** The panel shows the address's record, or closes when the address has none. */
function followRecord(recordId) {
  if (recordId) {
    if (!isDetailOpenFor(recordId)) {
      for (const dialog of document.querySelectorAll('dialog[open]:not(#detail-dialog)')) {
        dialog.close();
      }
      openDetail(knownRecord(recordId) || { id: recordId }, null);
    }
    return;
  }
  for (const dialog of document.querySelectorAll('dialog[open]')) {
    dialog.close();
  }
}

/** The panel closed (Esc, its button, the backdrop): the address leaves the record. */
function onDetailClosed() {
  if (currentRoute(FILTER_NAMES).recordId) {
    leaveRecord(state.filters);
  }
}

// ---- start ------------------------------------------------------------------------------------------

async function start() {
  Object.assign(els, {
    table: $('#history-table'),
    rows: $('#history-rows'),
    results: $('#results'),
    state: $('#list-state'),
    loadMore: $('#load-more'),
    exportCsv: $('#export-csv'),
    importFile: $('#import-file'),
    count: $('#list-count'),
    filters: $('#filters'),
    filterBadge: $('#filters-count'),
    filterCountText: $('#filters-count-text'),
    totals: $('#totals'),
    totalsBody: $('#totals-body'),
  });

  setUpFilters(els.filters);
  disclosure($('#filters-toggle'), els.filters);
  disclosure($('#totals-toggle'), els.totalsBody);
  const route = currentRoute(FILTER_NAMES);
  state.filters = usableFilters(route.filters);
  if (!sameFilters(state.filters, route.filters) || route.recordId) {
    window.history.replaceState({ depth: 0 }, '', routeHref({ filters: state.filters, recordId: route.recordId, view: route.view }));
  }
  writeFilters(els.filters, state.filters);
  bindFilters(els.filters, applyFilters);
  setUpMenu($('#row-menu'));
  const detailDialog = $('#detail-dialog');
  setUpDetail(detailDialog, {
    run: runAction,
    hrefFor,
    onNavigate: (id) => showRecord(knownRecord(id) || { id }, null),
    nameOf: (id) => (knownRecord(id) || {}).fileName || '',
    onUnauthorized: showUnauthorized,
  });
  detailDialog.addEventListener('close', onDetailClosed);
  setUpReasonDialog($('#action-dialog'), { onDone: replaceRecord, onConflict: reloadRecord, onUnauthorized: showUnauthorized });
  setUpConfirmDialog($('#confirm-dialog'), {
    onDone: (record) => replaceRecord(record, { itemsChanged: true }),
    onConflict: reloadRecord,
    onUnauthorized: showUnauthorized,
  });
  setUpSettings($('#settings-view'), { onUnauthorized: showUnauthorized });
  const screenLinks = { hrefFor, onOpen: (record, opener) => showRecord(record, opener), onUnauthorized: showUnauthorized };
  setUpApprovals($('#approvals-view'), screenLinks);
  setUpInstructions($('#instructions-view'), screenLinks);
  setUpViews({
    settings: { show: showSettings, hide: hideSettings },
    approvals: { show: showApprovals, hide: hideApprovals },
    instructions: { show: showInstructions, hide: hideInstructions },
  });
  bindViewLinks();
  setUpUpload($('#upload-dialog'), {
    onImported: (record) => {
      if (!state.records.some((r) => r.id === record.id)) {
        state.records.unshift(record);
      }
      state.highlight = record.id;
      addBanks(els.filters, [record]);
      if (state.status !== 'ready') {
        state.status = 'ready';
      }
      render();
    },
    onPending: () => {},
    onUnauthorized: showUnauthorized,
  });

  els.loadMore.addEventListener('click', async () => {
    const before = visibleRecords().length;
    await load({ more: true });
    // Keep keyboard users in place: focus the first new row, or the button again.
    const rows = els.rows.querySelectorAll('tr');
    const firstNew = rows[before] && rows[before].querySelector('[data-testid="row-open-detail"]');
    if (firstNew) {
      firstNew.focus();
    } else if (!els.loadMore.hidden) {
      els.loadMore.focus();
    }
  });
  els.exportCsv.addEventListener('click', exportCsv);
  els.importFile.addEventListener('click', (event) => openUpload(event.currentTarget));
  onRouteChange(followRoute);
  const startRoute = currentRoute(FILTER_NAMES);
  hideScreensBut(startRoute.view === 'history' ? 'history' : null); // the other screens show once the identity is known

  setState('loading');
  const { identity, error } = await initIdentity($('#identity-bar'));
  if (error) {
    announce(`O login não foi concluído: ${error}`, 'error');
  }
  onIdentityChange((next) => {
    const recordWasOpen = Boolean(document.querySelector('#detail-dialog[open]'));
    for (const dialog of document.querySelectorAll('dialog[open]')) {
      dialog.close();
    }
    closeMenu();
    $('#app-message').classList.remove('is-visible');
    state.highlight = null;
    figures.reset();
    if (currentView() !== 'history') {
      reloadView(); // what the new identity sees there, or why it may not
    }
    if (next) {
      load();
      if (!recordWasOpen) {
        followRecord(currentRoute(FILTER_NAMES).recordId); // a record's address opened before signing in
      }
    } else {
      showUnauthorized();
    }
  });
  showView(startRoute.view);
  if (identity) {
    load();
    followRecord(currentRoute(FILTER_NAMES).recordId);
  } else {
    showUnauthorized();
  }
}

start().catch((error) => {
  // Never leave the page spinning silently.
  console.error(error);
  const target = document.getElementById('list-state');
  if (target) {
    target.hidden = false;
    target.dataset.state = 'error';
    target.textContent = 'A página não pôde ser iniciada. Recarregue a página.';
  }
});
