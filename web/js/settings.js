// The settings screen (`#/configuracoes`, administrators only): the company's registered bank accounts
// (`GET/PUT /settings/accounts`, with the NSA each one's next remessa gets) and the recipients of the
// admins' emails (`GET/PUT /settings/notifications`). Each section is saved whole, with PUT; a refusal
// (400) shows the API's detail next to its form. A non-administrator is told who changes settings.

import {
  getAccountSettings, getNotificationSettings, putAccountSettings, putNotificationSettings,
} from './api.js';
import { $, announce, clear, h, icon, showMessage, uuid } from './dom.js';
import { getIdentity } from './identity.js';

/** The fields of an account, in form order: `[property, label, hint, inputmode, maxlength]`. */
const ACCOUNT_FIELDS = [
  ['bankCode', 'Banco', 'Código, ex.: 001', 'numeric', 3],
  ['agency', 'Agência', '', 'numeric', 20],
  ['account', 'Conta', '', 'numeric', 30],
  ['agreement', 'Convênio', 'Código do beneficiário', 'numeric', 30],
  ['companyDocument', 'CNPJ', 'Opcional', 'numeric', 20],
];

let root = null;
let handlers = null;
let controller = null;
let rowSerial = 0; // ids of the account rows' fields: unique for the page's life

function el(selector) {
  return $(selector, root);
}

/** `cbs.onUnauthorized()`. Binds the forms of the screen. */
export function setUpSettings(element, cbs) {
  root = element;
  handlers = cbs;
  el('[data-testid="accounts-add"]').addEventListener('click', () => {
    const row = accountRow({}, true);
    el('#accounts-list').append(row);
    renumber();
    $('input', row).focus();
  });
  el('#accounts-form').addEventListener('submit', (event) => {
    event.preventDefault();
    saveAccounts();
  });
  el('#notifications-form').addEventListener('submit', (event) => {
    event.preventDefault();
    saveRecipients();
  });
}

/** Shows the screen for the current identity and loads both sections. */
export function showSettings() {
  if (controller) {
    controller.abort();
  }
  const identity = getIdentity();
  const admin = Boolean(identity && identity.admin);
  el('#settings-forbidden').hidden = !identity || admin;
  el('#settings-signed-out').hidden = Boolean(identity);
  for (const section of root.querySelectorAll('[data-settings-section]')) {
    section.hidden = !admin;
  }
  showError('#accounts-error', '');
  showError('#notifications-error', '');
  if (!admin) {
    return;
  }
  controller = new AbortController();
  loadAccounts(controller.signal);
  loadRecipients(controller.signal);
}

/** Stops what the screen was loading (it is leaving the screen). */
export function hideSettings() {
  if (controller) {
    controller.abort();
    controller = null;
  }
}

// ---- shared ---------------------------------------------------------------------------------------

function showError(selector, message) {
  showMessage(el(selector), message);
}

function setStatus(selector, message) {
  el(selector).textContent = message || '';
}

function setBusy(form, busy, label) {
  const submit = $('button[type="submit"]', form);
  form.setAttribute('aria-busy', busy ? 'true' : 'false');
  submit.disabled = busy;
  submit.textContent = label;
}

/** A failed call: 401 and 403 say who may be here; anything else shows its detail in the section. */
function failed(error, errorSelector, fallback) {
  if (error.name === 'AbortError') {
    return;
  }
  if (error.status === 401 && handlers.onUnauthorized) {
    handlers.onUnauthorized();
  }
  if (error.status === 403) {
    el('#settings-forbidden').hidden = false;
    for (const section of root.querySelectorAll('[data-settings-section]')) {
      section.hidden = true;
    }
    return;
  }
  showError(errorSelector, error.detail || fallback);
}

// ---- accounts ---------------------------------------------------------------------------------------

async function loadAccounts(signal) {
  const form = el('#accounts-form');
  form.setAttribute('aria-busy', 'true');
  setStatus('#accounts-status', 'Carregando as contas…');
  try {
    const body = await getAccountSettings({ signal });
    renderAccounts((body && body.accounts) || []);
    setStatus('#accounts-status', '');
  } catch (error) {
    setStatus('#accounts-status', '');
    failed(error, '#accounts-error', 'Não foi possível carregar as contas.');
  } finally {
    form.setAttribute('aria-busy', 'false');
  }
}

function renderAccounts(accounts) {
  const list = el('#accounts-list');
  clear(list);
  list.append(...accounts.map((account) => accountRow(account, false)));
  renumber();
}

/** One account: its fields, the next NSA (saved accounts) and "Remover". */
function accountRow(account, fresh) {
  rowSerial += 1;
  const prefix = `account-${rowSerial}`;
  const legendId = `${prefix}-legend`;
  const fields = ACCOUNT_FIELDS.map(([name, label, hint, inputmode, maxlength]) => {
    const id = `${prefix}-${name}`;
    return h('div', { class: 'field' },
      h('label', { for: id }, label),
      h('input', {
        type: 'text',
        id,
        name,
        value: account[name] || '',
        inputmode,
        maxlength,
        autocomplete: 'off',
        spellcheck: 'false',
        'aria-describedby': hint ? `${id}-hint` : null,
        'data-testid': `account-${name}`,
      }),
      hint ? h('span', { id: `${id}-hint`, class: 'hint' }, hint) : null);
  });
  const nsa = fresh || !account.nextSequenceNumber
    ? 'Próximo NSA: definido ao salvar'
    : `Próximo NSA: ${account.nextSequenceNumber}`;
  const row = h('fieldset', { class: 'account-row', 'data-testid': 'account-row', 'aria-labelledby': legendId },
    h('legend', { id: legendId, class: 'account-row__legend' }),
    h('div', { class: 'account-row__fields' }, fields),
    h('div', { class: 'account-row__foot' },
      h('span', { class: 'account-row__nsa', 'data-testid': 'account-next-nsa' }, nsa),
      h('button', {
        type: 'button',
        class: 'btn btn--small btn--danger-outline',
        'data-testid': 'account-remove',
        on: { click: () => removeRow(row) },
      }, icon('x'), h('span', { class: 'account-row__remove-label' }, 'Remover'))));
  return row;
}

/** Legends and the remove buttons' names follow the rows' order ("Conta 2"). */
function renumber() {
  const rows = Array.from(el('#accounts-list').children);
  rows.forEach((row, index) => {
    $('legend', row).textContent = `Conta ${index + 1}`;
    $('[data-testid="account-remove"]', row).setAttribute('aria-label', `Remover a conta ${index + 1}`);
  });
  el('#accounts-empty').hidden = rows.length > 0;
}

function removeRow(row) {
  const next = row.nextElementSibling || row.previousElementSibling;
  row.remove();
  renumber();
  announce('Conta removida da lista. Salve as contas para confirmar.', 'info');
  const target = next ? $('input', next) : el('[data-testid="accounts-add"]');
  target.focus();
}

function accountsFromForm() {
  return Array.from(el('#accounts-list').children).map((row) => {
    const account = {};
    for (const [name] of ACCOUNT_FIELDS) {
      account[name] = $(`input[name="${name}"]`, row).value.trim();
    }
    return account;
  });
}

async function saveAccounts() {
  const form = el('#accounts-form');
  showError('#accounts-error', '');
  setBusy(form, true, 'Salvando…');
  try {
    const body = await putAccountSettings(accountsFromForm(), uuid());
    const saved = (body && body.accounts) || [];
    renderAccounts(saved);
    const text = saved.length === 1 ? '1 conta cadastrada.' : `${saved.length} contas cadastradas.`;
    setStatus('#accounts-status', `Contas salvas: ${text}`);
    announce(`Contas bancárias salvas: ${text}`, 'success');
  } catch (error) {
    failed(error, '#accounts-error', 'Não foi possível salvar as contas.');
    if (!el('#accounts-error').hidden) {
      el('#accounts-error').focus();
    }
  } finally {
    setBusy(form, false, 'Salvar contas');
  }
}

// ---- recipients ---------------------------------------------------------------------------------------

async function loadRecipients(signal) {
  const field = el('#notifications-recipients');
  field.disabled = true;
  try {
    const body = await getNotificationSettings({ signal });
    field.value = ((body && body.recipients) || []).join('\n');
  } catch (error) {
    failed(error, '#notifications-error', 'Não foi possível carregar os destinatários.');
  } finally {
    field.disabled = false;
  }
}

async function saveRecipients() {
  const form = el('#notifications-form');
  const field = el('#notifications-recipients');
  const recipients = field.value.split(/[\s,;]+/).map((r) => r.trim()).filter(Boolean);
  showError('#notifications-error', '');
  field.setAttribute('aria-invalid', 'false');
  setBusy(form, true, 'Salvando…');
  try {
    const body = await putNotificationSettings(recipients, uuid());
    const saved = (body && body.recipients) || [];
    field.value = saved.join('\n');
    const text = saved.length === 1 ? '1 destinatário.' : `${saved.length} destinatários.`;
    setStatus('#notifications-status', `Destinatários salvos: ${text}`);
    announce(`Destinatários salvos: ${text}`, 'success');
  } catch (error) {
    failed(error, '#notifications-error', 'Não foi possível salvar os destinatários.');
    if (error.status === 400) {
      field.setAttribute('aria-invalid', 'true');
      field.focus();
    }
  } finally {
    setBusy(form, false, 'Salvar destinatários');
  }
}
