// The filters form: its options, its values as API query parameters (the address bar keeps them: see
// router.js), and the same filters applied to loaded rows (a safety net while the server does not filter
// yet: then both agree, and the page never shows rows the filter excludes).
//
// The period is typed as dd/mm/aaaa whatever the browser's language (an <input type="date"> shows the
// browser's format: mm/dd/yyyy in an en-US browser); the query parameters are YYYY-MM-DD.

import { catalogBanks, bankName } from './banks.js';
import { $, h } from './dom.js';
import {
  KIND_LABELS, ORIGIN_LABELS, filterableStatuses, formatDate, localDateOf, maskDateBr, parseDateBr,
} from './format.js';

/** Form field names, which are also the API's query parameter names. */
export const FILTER_NAMES = ['kind', 'bank', 'account', 'origin', 'status', 'from', 'to', 'fileName'];

const DATE_FIELDS = { from: 'De', to: 'Até' };
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function options(select, entries, allLabel) {
  const current = select.value;
  select.replaceChildren(
    h('option', { value: '' }, allLabel),
    ...entries.map(([value, label]) => h('option', { value }, label)),
  );
  select.value = entries.some(([value]) => value === current) ? current : '';
}

/** Fills the selects and masks the date fields. */
export function setUpFilters(form) {
  options(form.elements.kind, Object.entries(KIND_LABELS), 'Todos');
  options(form.elements.bank, [], 'Todos');
  options(form.elements.origin, Object.entries(ORIGIN_LABELS), 'Todas');
  options(form.elements.status, filterableStatuses(), 'Todas');
  for (const name of Object.keys(DATE_FIELDS)) {
    form.elements[name].addEventListener('input', (event) => maskField(event.target));
  }
}

/** Keeps a date field as dd/mm/aaaa while typing, the caret after the same digit. */
function maskField(input) {
  const caret = input.selectionStart === null ? input.value.length : input.selectionStart;
  const digitsBefore = input.value.slice(0, caret).replace(/\D/g, '').length;
  const masked = maskDateBr(input.value);
  if (masked === input.value) {
    return;
  }
  input.value = masked;
  let position = 0;
  for (let seen = 0; position < masked.length && seen < digitsBefore; position++) {
    if (/\d/.test(masked[position])) {
      seen++;
    }
  }
  input.setSelectionRange(position, position);
}

/** "341 — Itaú", or the code alone when no name is known. */
function bankOption(code, name) {
  return [code, name ? `${code} — ${name}` : code];
}

/**
 * Lists in the bank filter the banks of the catalogue (GET /banks) and the banks seen in loaded rows that
 * it does not list yet; a label without a name gets one once the catalogue is loaded.
 */
export function addBanks(form, records = []) {
  const select = form.elements.bank;
  const entries = new Map(Array.from(select.options).filter((o) => o.value).map((o) => [o.value, o.textContent]));
  const before = JSON.stringify(Array.from(entries));
  for (const [code, name] of catalogBanks()) {
    entries.set(code, bankOption(code, name)[1]);
  }
  for (const record of records) {
    if (record.bankCode && !entries.has(record.bankCode)) {
      entries.set(record.bankCode, bankOption(record.bankCode, record.bankName || bankName(record.bankCode))[1]);
    }
  }
  const sorted = Array.from(entries).sort((a, b) => a[0].localeCompare(b[0]));
  if (JSON.stringify(sorted) !== before) {
    options(select, sorted, 'Todos');
  }
}

/**
 * The filters set in the form, `{name: value}` for non-empty values only (dates as YYYY-MM-DD), or
 * `{error, field}` when a date is not a real dd/mm/aaaa date or the period ends before it starts.
 */
export function readFilters(form) {
  const filters = {};
  for (const name of FILTER_NAMES) {
    const value = String(form.elements[name].value || '').trim();
    if (!value) {
      continue;
    }
    if (DATE_FIELDS[name]) {
      const iso = parseDateBr(value);
      if (!iso) {
        return { error: `Data inválida em “${DATE_FIELDS[name]}”: use dd/mm/aaaa, por exemplo 05/11/2026.`, field: name };
      }
      filters[name] = iso;
    } else {
      filters[name] = value;
    }
  }
  if (filters.from && filters.to && filters.from > filters.to) {
    return { error: 'A data inicial do período deve ser anterior ou igual à data final.', field: 'from' };
  }
  return { filters };
}

export function writeFilters(form, filters) {
  for (const name of FILTER_NAMES) {
    const field = form.elements[name];
    const value = filters[name] || '';
    if (field.tagName === 'SELECT' && value && !Array.from(field.options).some((o) => o.value === value)) {
      field.appendChild(h('option', { value }, value));
    }
    field.value = DATE_FIELDS[name] && value ? formatDate(value) : value;
  }
}

/** The filters of an address, without dates that are not YYYY-MM-DD (the API would refuse them). */
export function usableFilters(filters) {
  const out = { ...filters };
  for (const name of Object.keys(DATE_FIELDS)) {
    if (out[name] && !(ISO_DATE.test(out[name]) && parseDateBr(formatDate(out[name])))) {
      delete out[name];
    }
  }
  if (out.from && out.to && out.from > out.to) {
    delete out.to;
  }
  return out;
}

export function sameFilters(a, b) {
  return FILTER_NAMES.every((name) => (a[name] || '') === (b[name] || ''));
}

/**
 * Whether a record passes the filters (period: the receipt date in America/Sao_Paulo). The account is
 * the server's to match (its rules for punctuation, zeros and check digits): not checked again here.
 */
export function matchesFilters(record, filters) {
  if (filters.kind && record.kind !== filters.kind) {
    return false;
  }
  if (filters.bank && record.bankCode !== filters.bank) {
    return false;
  }
  if (filters.origin && record.origin !== filters.origin) {
    return false;
  }
  if (filters.status && record.status !== filters.status) {
    return false;
  }
  if (filters.from || filters.to) {
    const day = localDateOf(record.receivedAt);
    if (!day || (filters.from && day < filters.from) || (filters.to && day > filters.to)) {
      return false;
    }
  }
  if (filters.fileName) {
    // The whole name, case-insensitive, as the API filters (so an imported record shows only when it matches).
    const name = String(record.fileName || '').toLocaleLowerCase('pt-BR');
    if (name !== filters.fileName.trim().toLocaleLowerCase('pt-BR')) {
      return false;
    }
  }
  return true;
}

export function countFilters(filters) {
  return FILTER_NAMES.filter((name) => filters[name]).length;
}

/** Wires submit and reset; `onApply(filters)` runs with valid filters. */
export function bindFilters(form, onApply) {
  const error = $('#filters-error');
  const show = (message, field) => {
    error.textContent = message || '';
    error.hidden = !message;
    for (const name of Object.keys(DATE_FIELDS)) {
      form.elements[name].setAttribute('aria-invalid', message && (field === name || !field) ? 'true' : 'false');
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const read = readFilters(form);
    show(read.error, read.field);
    if (read.error) {
      form.elements[read.field].focus();
      return;
    }
    onApply(read.filters);
  });
  form.addEventListener('reset', () => {
    // After the browser has reset the fields.
    window.setTimeout(() => {
      show(null);
      onApply({});
    }, 0);
  });
}
