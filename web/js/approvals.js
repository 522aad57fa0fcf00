// "Aprovações" (`#/aprovacoes`): the remessas waiting for the caller's approval (`GET /approvals`: the caller is
// in the company's approver group, did not create them and did not approve them yet), newest first. Each one
// opens its detail, whose approval block decides (approval-block.js); after a decision the list is read again.

import { listApprovals } from './api.js';
import { $, freshController, h, icon, pageLink } from './dom.js';
import { accountLabel, bankLabel, formatDateTime, formatMoney, kindLabel, plural, userLabel } from './format.js';
import { statusBadge } from './table.js';

let root = null;
let handlers = null;
const reading = { controller: null }; // the request on its way
let shown = false;

function el(selector) {
  return $(selector, root);
}

/** `cbs`: `{hrefFor(record), onOpen(record, opener), onUnauthorized()}`. */
export function setUpApprovals(element, cbs) {
  root = element;
  handlers = cbs;
}

/** The screen comes on: reads what waits for the caller. */
export function showApprovals() {
  shown = true;
  load();
}

export function hideApprovals() {
  shown = false;
  if (reading.controller) {
    reading.controller.abort();
    reading.controller = null;
  }
}

/** A record changed (a decision, say): the list is read again when it is on screen. */
export function refreshApprovals() {
  if (shown) {
    load();
  }
}

function setState(state, message = '', ...extra) {
  const box = el('[data-testid="approvals-state"]');
  box.dataset.state = state;
  box.className = `list-state list-state--${state}`;
  box.hidden = state === 'ready';
  const spinner = state === 'loading' ? h('span', { class: 'spinner', 'aria-hidden': 'true' }) : null;
  box.replaceChildren(...[spinner, message ? h('span', { 'data-testid': 'approvals-state-message' }, message) : null, ...extra]
    .filter(Boolean));
  el('[data-testid="approvals-list"]').setAttribute('aria-busy', state === 'loading' ? 'true' : 'false');
}

async function load() {
  const mine = freshController(reading);
  setState('loading', 'Carregando…');
  try {
    const body = await listApprovals({ signal: mine.signal });
    if (reading.controller !== mine) {
      return;
    }
    render((body && Array.isArray(body.items)) ? body.items : []);
  } catch (error) {
    if (error.name === 'AbortError' || reading.controller !== mine) {
      return;
    }
    el('[data-testid="approvals-list"]').replaceChildren();
    el('[data-testid="approvals-count"]').textContent = '';
    if (error.status === 401) {
      setState('unauthorized', 'Sessão expirada ou ausente. Escolha um usuário.');
      handlers.onUnauthorized();
      return;
    }
    setState('error', error.detail || 'Não foi possível carregar as aprovações.', h('button', {
      type: 'button', class: 'btn btn--small', 'data-testid': 'approvals-retry', on: { click: () => load() },
    }, icon('refresh'), 'Tentar novamente'));
  }
}

function card(record) {
  const approval = record.approval || {};
  const count = Array.isArray(approval.approvals) ? approval.approvals.length : 0;
  const name = record.fileName || record.id;
  const open = pageLink({ href: handlers.hrefFor(record), class: 'link-button file-name', 'data-testid': 'approval-open' },
    (link) => handlers.onOpen(record, link), name);
  return h('li', { class: 'record-card', 'data-testid': 'approval-row', dataset: { id: record.id || '' } },
    h('div', { class: 'record-card__head' },
      h('h3', { class: 'record-card__title' }, open),
      statusBadge(record.status, record.statusLabel)),
    h('dl', { class: 'record-card__facts' },
      fact('Tipo', kindLabel(record)),
      fact('Banco', bankLabel(record)),
      fact('Conta', accountLabel(record)),
      fact('Total', formatMoney(record.totalAmountCents), 'approval-total'),
      fact('Criada por', userLabel(record)),
      fact('Recebida em', formatDateTime(record.receivedAt)),
      fact('Aprovações', `${count} de ${approval.required || count}`, 'approval-progress')),
    approval.rule ? h('p', { class: 'record-card__note', 'data-testid': 'approval-rule' }, `Regra de alçada: ${approval.rule}.`) : null);
}

function fact(term, value, testid = null) {
  return h('div', { class: 'record-card__fact' }, h('dt', {}, term), h('dd', { 'data-testid': testid }, value));
}

function render(records) {
  el('[data-testid="approvals-list"]').replaceChildren(...records.map(card));
  el('[data-testid="approvals-count"]').textContent = records.length
    ? `${plural(records.length, 'remessa aguarda', 'remessas aguardam')} a sua aprovação.`
    : '';
  if (records.length) {
    setState('ready');
  } else {
    setState('empty', 'Nenhuma remessa aguarda a sua aprovação. Somente os aprovadores cadastrados pela empresa '
      + 'recebem remessas para aprovar, e nunca as que eles mesmos criaram.');
  }
}
