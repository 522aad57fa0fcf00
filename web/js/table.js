// The history table: one row per file, and the row actions menu (a menu button shared by all rows).

import { actionsFor } from './actions.js';
import { bankName } from './banks.js';
import { h, icon, pageLink } from './dom.js';
import {
  EMPTY, accountLabel, duplicateOf, findingsSummary, formatDate, formatDateTime, formatInteger, formatMoney,
  hasFigures, kindLabel, layoutLabel, statusLabel, statusTone, userLabel,
} from './format.js';

/** A status badge; `apiLabel` names a status the page does not know yet. */
export function statusBadge(status, apiLabel = '') {
  return h('span', { class: `badge badge--${statusTone(status)}`, 'data-testid': 'status-badge', dataset: { status: status || '' } },
    statusLabel(status, apiLabel));
}

/** A code that says something: not empty, not only zeros (CNAB pads absent numbers with zeros). */
export function hasValue(code) {
  return Boolean(code) && !/^[0\s]*$/.test(String(code));
}

/** "1234 / 56789-0" (agency / account), the title carries the long form. */
function compactAccount(record) {
  if (record.agency && record.account) {
    return `${record.agency} / ${record.account}`;
  }
  return record.account || record.agency || EMPTY;
}

function sub(text, testid) {
  return text ? h('span', { class: 'sub', 'data-testid': testid || null }, text) : null;
}

function cell(label, testid, className, ...children) {
  return h('td', { 'data-label': label, 'data-testid': testid, class: className || null }, ...children);
}

/**
 * What a duplicate repeats, under its badge ("de caixa.ret" when the list row names the first file); a file
 * held as a possible duplicate waits for an administrator.
 */
function duplicateNote(record) {
  if (record.status === 'POSSIBLE_DUPLICATE') {
    return sub('retido: um administrador libera ou descarta', 'cell-duplicate-of');
  }
  if (record.status !== 'DUPLICATE') {
    return null;
  }
  const first = duplicateOf(record);
  return sub(first && first.fileName ? `de ${first.fileName}` : 'não processado de novo', 'cell-duplicate-of');
}

/** How far a remessa waiting for approval got ("1 de 2 aprovações"), under its badge. */
function approvalNote(record) {
  const approval = record.status === 'AWAITING_APPROVAL' && record.approval;
  if (!approval || !approval.required) {
    return null;
  }
  const count = Array.isArray(approval.approvals) ? approval.approvals.length : 0;
  return sub(`${count} de ${approval.required} aprovações`, 'cell-approval');
}

/** One table row. `handlers.onMenu(record, button)` opens the actions; `onDetail(record, opener)`. */
export function rowFor(record, handlers) {
  const findings = findingsSummary(record.findingCounts);
  const errors = Number((record.findingCounts && record.findingCounts.ERROR) || 0);
  const automatic = record.origin === 'AUTOMATIC';
  const name = record.fileName || '(sem nome)';
  const figures = hasFigures(record);

  const openDetail = pageLink({
    href: handlers.hrefFor(record),
    class: 'link-button file-name',
    'data-testid': 'row-open-detail',
  }, (link) => handlers.onDetail(record, link), name);

  const menuButton = h('button', {
    type: 'button',
    class: 'btn btn--small row-actions',
    'data-testid': 'row-actions',
    'aria-haspopup': 'menu',
    'aria-expanded': 'false',
    'aria-controls': 'row-menu',
    'aria-label': `Ações do arquivo ${name}`,
    title: 'Ações',
    on: { click: (event) => handlers.onMenu(record, event.currentTarget) },
  }, icon('more'), h('span', { class: 'row-actions__text', 'aria-hidden': 'true' }, 'Ações'), icon('chevron'));

  const tr = h('tr', {
    'data-testid': 'history-row',
    dataset: {
      id: record.id || '',
      kind: record.kind || '',
      status: record.status || '',
      origin: record.origin || '',
    },
  },
  cell('Data e hora', 'cell-received-at', 'cell-date',
    h('time', { datetime: record.receivedAt || null }, formatDateTime(record.receivedAt)),
    record.generatedOn ? sub(`Gerado em ${formatDate(record.generatedOn)}`, 'cell-generated-on') : null),
  cell('Tipo', 'cell-kind', null,
    h('span', { class: 'kind' }, kindLabel(record)),
    sub(layoutLabel(record.layout))),
  cell('Banco', 'cell-bank', 'cell-bank',
    h('span', { class: 'bank-line' },
      record.bankCode ? h('span', { class: 'bank-code' }, record.bankCode) : null,
      h('span', { class: 'bank-name' }, record.bankName || bankName(record.bankCode) || (record.bankCode ? '' : EMPTY)))),
  cell('Conta', 'cell-account', 'cell-account',
    h('span', { title: accountLabel(record) }, compactAccount(record)),
    sub(hasValue(record.agreement) ? `Convênio ${record.agreement}` : '')),
  h('th', { scope: 'row', 'data-label': 'Arquivo', 'data-testid': 'cell-file-name', class: 'cell-file' },
    openDetail,
    sub(record.sequenceNumber ? `NSA ${record.sequenceNumber}` : '')),
  cell('Itens', 'cell-items', 'num', figures ? formatInteger(record.itemCount) : EMPTY),
  cell('Total (R$)', 'cell-total', 'num', figures ? formatMoney(record.totalAmountCents) : EMPTY),
  cell('Situação', 'cell-status', 'cell-status',
    statusBadge(record.status, record.statusLabel),
    duplicateNote(record),
    approvalNote(record),
    findings ? h('span', { class: `sub findings${errors ? ' findings--error' : ''}`, 'data-testid': 'cell-findings' }, findings) : null),
  cell('Usuário', 'cell-user', automatic && userLabel(record) === 'Integração' ? 'cell-user cell-user--auto' : 'cell-user',
    h('span', {}, userLabel(record))),
  h('td', { class: 'cell-actions', 'data-label': 'Ações' }, menuButton));
  return tr;
}

/** Replaces the table body with rows for the records. */
export function renderRows(tbody, records, handlers) {
  tbody.replaceChildren(...records.map((record) => rowFor(record, handlers)));
}

// ---- row actions menu (WAI-ARIA menu button) ------------------------------------------------------

let menu = null;
let menuOwner = null; // the button that opened it

function items() {
  return Array.from(menu.querySelectorAll('[role="menuitem"]'));
}

export function closeMenu({ focusOwner = false } = {}) {
  if (!menu || menu.hidden) {
    return;
  }
  menu.hidden = true;
  const owner = menuOwner;
  menuOwner = null;
  if (owner) {
    owner.setAttribute('aria-expanded', 'false');
    if (focusOwner && document.contains(owner)) {
      owner.focus();
    }
  }
}

function position(button) {
  const rect = button.getBoundingClientRect();
  menu.style.visibility = 'hidden';
  menu.hidden = false;
  const width = menu.offsetWidth;
  const height = menu.offsetHeight;
  const margin = 8;
  let left = Math.min(rect.right - width, window.innerWidth - width - margin);
  left = Math.max(margin, left);
  let top = rect.bottom + 4;
  if (top + height > window.innerHeight - margin && rect.top - height - 4 > margin) {
    top = rect.top - height - 4;
  }
  menu.style.left = `${Math.round(left)}px`;
  menu.style.top = `${Math.round(top)}px`;
  menu.style.visibility = '';
}

function menuItem(label, testid, iconName, onSelect, { disabledReason = '', tone = '' } = {}) {
  const disabled = Boolean(disabledReason);
  return h('button', {
    type: 'button',
    role: 'menuitem',
    tabindex: '-1',
    class: `menu__item${tone ? ` menu__item--${tone}` : ''}`,
    'data-testid': testid,
    'aria-disabled': disabled ? 'true' : null,
    title: disabled ? disabledReason : null,
    on: {
      click: () => {
        if (disabled) {
          return;
        }
        const owner = menuOwner;
        closeMenu();
        onSelect(owner);
      },
    },
  },
  icon(iconName),
  h('span', { class: 'menu__label' },
    h('span', {}, label),
    disabled ? h('span', { class: 'menu__reason', 'data-testid': `${testid}-reason` }, disabledReason) : null));
}

/**
 * Opens the actions menu for a record under its button: the record's actions (actions.js), each run by
 * `run(action, record, owner)`.
 */
export function openMenu(record, button, run) {
  if (!menu) {
    return;
  }
  if (menuOwner === button && !menu.hidden) {
    closeMenu({ focusOwner: true });
    return;
  }
  closeMenu();
  const entries = [];
  let separated = false;
  for (const { action, state } of actionsFor(record, 'menu')) {
    if (action.separated && !separated) {
      separated = true;
      entries.push(h('div', { role: 'separator', class: 'menu__separator' }));
    }
    entries.push(menuItem(action.label(record), `action-${action.id}`, action.icon, (owner) => run(action, record, owner),
      { disabledReason: state.allowed ? '' : state.reason, tone: action.tone }));
  }
  menu.replaceChildren(...entries);
  menu.setAttribute('aria-label', `Ações do arquivo ${record.fileName || ''}`.trim());
  menu.dataset.id = record.id || '';
  menuOwner = button;
  button.setAttribute('aria-expanded', 'true');
  position(button);
  items()[0].focus();
}

/** Sets up the shared menu element's keyboard and dismissal behaviour. */
export function setUpMenu(element) {
  menu = element;
  menu.addEventListener('keydown', (event) => {
    const list = items();
    const index = list.indexOf(document.activeElement);
    const focusAt = (i) => list[(i + list.length) % list.length].focus();
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        focusAt(index + 1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        focusAt(index - 1);
        break;
      case 'Home':
        event.preventDefault();
        focusAt(0);
        break;
      case 'End':
        event.preventDefault();
        focusAt(list.length - 1);
        break;
      case 'Escape':
      case 'Tab':
        event.preventDefault();
        closeMenu({ focusOwner: true });
        break;
      default:
        break;
    }
  });
  document.addEventListener('pointerdown', (event) => {
    if (!menu.hidden && !menu.contains(event.target) && event.target !== menuOwner && !(menuOwner && menuOwner.contains(event.target))) {
      closeMenu();
    }
  });
  window.addEventListener('resize', () => closeMenu());
  document.addEventListener('scroll', (event) => {
    if (!menu.contains(event.target)) {
      closeMenu();
    }
  }, true);
}
