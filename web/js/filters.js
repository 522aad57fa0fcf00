// The filters form: its options, its values as API query parameters, the address bar (so a reload or
// a shared link keeps them), and the same filters applied to loaded rows (a safety net while the
// server does not filter yet: then both agree, and the page never shows rows the filter excludes).

import { $, h } from './dom.js';
import { KIND_LABELS, KNOWN_BANKS, ORIGIN_LABELS, STATUS_LABELS, localDateOf } from './format.js';

/** Form field names, which are also the API's query parameter names. */
export const FILTER_NAMES = ['kind', 'bank', 'origin', 'status', 'from', 'to', 'fileName'];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function options(select, entries, allLabel) {
  const current = select.value;
  select.replaceChildren(
    h('option', { value: '' }, allLabel),
    ...entries.map(([value, label]) => h('option', { value }, label)),
  );
  select.value = entries.some(([value]) => value === current) ? current : '';
}

/** Fills the selects. */
export function setUpFilters(form) {
  options(form.elements.kind, Object.entries(KIND_LABELS), 'Todos');
  options(form.elements.bank, KNOWN_BANKS.map(([code, name]) => [code, `${code} — ${name}`]), 'Todos');
  options(form.elements.origin, Object.entries(ORIGIN_LABELS), 'Todas');
  options(form.elements.status, Object.entries(STATUS_LABELS), 'Todas');
}

/** Adds to the bank filter the banks seen in loaded rows that it does not list yet. */
export function addBanks(form, records) {
  const select = form.elements.bank;
  const known = new Set(Array.from(select.options, (o) => o.value));
  const added = [];
  for (const record of records) {
    if (record.bankCode && !known.has(record.bankCode)) {
      known.add(record.bankCode);
      added.push([record.bankCode, `${record.bankCode} — ${record.bankName || 'Banco'}`]);
    }
  }
  if (!added.length) {
    return;
  }
  const entries = Array.from(select.options).filter((o) => o.value).map((o) => [o.value, o.textContent]).concat(added);
  entries.sort((a, b) => a[0].localeCompare(b[0]));
  options(select, entries, 'Todos');
}

/** The filters set in the form: `{name: value}` for non-empty values only. */
export function readFilters(form) {
  const out = {};
  for (const name of FILTER_NAMES) {
    const value = String(form.elements[name].value || '').trim();
    if (value) {
      out[name] = value;
    }
  }
  return out;
}

export function writeFilters(form, filters) {
  for (const name of FILTER_NAMES) {
    const field = form.elements[name];
    const value = filters[name] || '';
    if (field.tagName === 'SELECT' && value && !Array.from(field.options).some((o) => o.value === value)) {
      field.appendChild(h('option', { value }, value));
    }
    field.value = value;
  }
}

/** A pt-BR message when the filters cannot be applied, else null. */
export function validateFilters(filters) {
  if ((filters.from && !DATE.test(filters.from)) || (filters.to && !DATE.test(filters.to))) {
    return 'Informe as datas do período no formato dd/mm/aaaa.';
  }
  if (filters.from && filters.to && filters.from > filters.to) {
    return 'A data inicial do período deve ser anterior ou igual à data final.';
  }
  return null;
}

export function filtersFromUrl() {
  const params = new URLSearchParams(window.location.search);
  const out = {};
  for (const name of FILTER_NAMES) {
    const value = (params.get(name) || '').trim();
    if (value) {
      out[name] = value;
    }
  }
  return out;
}

export function filtersToUrl(filters) {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    if (filters[name]) {
      params.set(name, filters[name]);
    }
  }
  const search = params.toString();
  const next = `${window.location.pathname}${search ? `?${search}` : ''}${window.location.hash}`;
  window.history.replaceState(null, '', next);
}

/** Whether a record passes the filters (period: the receipt date in America/Sao_Paulo). */
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
  const show = (message) => {
    error.textContent = message || '';
    error.hidden = !message;
    form.elements.from.setAttribute('aria-invalid', message ? 'true' : 'false');
    form.elements.to.setAttribute('aria-invalid', message ? 'true' : 'false');
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const filters = readFilters(form);
    const message = validateFilters(filters);
    show(message);
    if (message) {
      form.elements.from.focus();
      return;
    }
    onApply(filters);
  });
  form.addEventListener('reset', () => {
    // After the browser has reset the fields.
    window.setTimeout(() => {
      show(null);
      onApply({});
    }, 0);
  });
}
