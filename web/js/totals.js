// Totals of the files on screen, by kind: how many files, items and amounts, and for retornos what was
// paid, rejected and charged in fees. Shown above the list and appended to the CSV.
//
// Paid comes with each list row (`totalPaidCents`). Rejected and fees are sums by item category: a row
// that carries `totals` (the categories, as the detail has them) is used as it is; for the others the
// record's detail is read once (a few at a time) and kept for the page's life.

import { getIntegration } from './api.js';
import { h, scrollRegion } from './dom.js';
import { EMPTY, KIND_LABELS, formatInteger, formatMoney, hasFigures, isRetorno, kindLabel } from './format.js';

const REJECTED_CATEGORIES = ['ENTRY_REJECTED', 'PAYMENT_REJECTED'];
const PARALLEL_READS = 3;

/** Rejected titles or payments (count, amount) and fees, from totals by category. */
export function retornoFigures(totals) {
  const out = { rejectedCount: 0, rejectedCents: 0, feeCents: 0 };
  for (const [category, t] of Object.entries(totals || {})) {
    out.feeCents += Number(t.feeCents || 0);
    if (REJECTED_CATEGORIES.includes(category)) {
      out.rejectedCount += Number(t.count || 0);
      out.rejectedCents += Number(t.amountCents || 0);
    }
  }
  return out;
}

/** Whether the record's rejected and fee figures count (a read retorno). */
function needsFigures(record) {
  return isRetorno(record) && hasFigures(record);
}

/**
 * Where the retornos' rejected and fee figures come from. `figuresOf(record)`: the figures, `null` while
 * they are being read, `undefined` when they could not be. `onChange` runs when some arrive.
 */
export function createFiguresSource({ onChange, read = (id) => getIntegration(id) }) {
  const known = new Map(); // id -> figures | null (reading) | undefined (failed)
  const waiting = [];
  const promises = new Map();
  let reading = 0;

  function pump() {
    while (reading < PARALLEL_READS && waiting.length) {
      const { id, resolve } = waiting.shift();
      reading++;
      read(id).then((detail) => {
        known.set(id, retornoFigures(detail && detail.totals));
      }, () => {
        known.set(id, undefined);
      }).finally(() => {
        reading--;
        resolve();
        onChange();
        pump();
      });
    }
  }

  function figuresOf(record) {
    if (!needsFigures(record)) {
      return undefined;
    }
    if (record.totals && typeof record.totals === 'object') {
      return retornoFigures(record.totals);
    }
    return known.get(record.id);
  }

  /** Starts reading what the records need; resolves when all of it is known (or failed). */
  function need(records) {
    const pending = [];
    for (const record of records) {
      if (!needsFigures(record) || (record.totals && typeof record.totals === 'object')) {
        continue;
      }
      if (!promises.has(record.id)) {
        known.set(record.id, null);
        promises.set(record.id, new Promise((resolve) => waiting.push({ id: record.id, resolve })));
      }
      pending.push(promises.get(record.id));
    }
    pump();
    return Promise.all(pending);
  }

  /** Forgets everything (another identity: other records). */
  function reset() {
    known.clear();
    promises.clear();
    waiting.length = 0;
  }

  return { figuresOf, need, reset };
}

/**
 * One line per kind present, in the kinds' order: files, items and total (of the files whose figures
 * mean something: not duplicates nor non-CNAB files), and for retornos paid, rejected and fees
 * (`pending` while some are being read, `incomplete` when some could not be).
 */
export function summarize(records, figuresOf) {
  const order = Object.keys(KIND_LABELS);
  const lines = new Map();
  for (const record of records) {
    const kind = record.kind || 'OTHER';
    if (!lines.has(kind)) {
      lines.set(kind, {
        kind, label: kindLabel(record), retorno: isRetorno(record), files: 0, items: 0, amountCents: 0,
        paidCents: 0, rejectedCount: 0, rejectedCents: 0, feeCents: 0, pending: false, incomplete: false,
      });
    }
    const line = lines.get(kind);
    line.files++;
    if (!hasFigures(record)) {
      continue;
    }
    line.items += Number(record.itemCount || 0);
    line.amountCents += Number(record.totalAmountCents || 0);
    if (line.retorno) {
      line.paidCents += Number(record.totalPaidCents || 0);
      const figures = figuresOf(record);
      if (figures === null) {
        line.pending = true;
      } else if (figures === undefined) {
        line.incomplete = true;
      } else {
        line.rejectedCount += figures.rejectedCount;
        line.rejectedCents += figures.rejectedCents;
        line.feeCents += figures.feeCents;
      }
    }
  }
  const rank = (kind) => (order.indexOf(kind) === -1 ? order.length : order.indexOf(kind));
  return Array.from(lines.values()).sort((a, b) => rank(a.kind) - rank(b.kind));
}

/** The columns of the totals, for the page and the CSV: [title, value(line) or null when it does not apply]. */
export const TOTAL_COLUMNS = [
  ['Arquivos', 'files', (line) => line.files],
  ['Itens', 'items', (line) => line.items],
  ['Valor (R$)', 'amount', (line) => line.amountCents, 'money'],
  ['Pago (R$)', 'paid', (line) => (line.retorno ? line.paidCents : null), 'money'],
  ['Rejeitados', 'rejected', (line) => (line.retorno ? figure(line, line.rejectedCount) : null)],
  ['Valor rejeitado (R$)', 'rejected-amount', (line) => (line.retorno ? figure(line, line.rejectedCents) : null), 'money'],
  ['Tarifas (R$)', 'fees', (line) => (line.retorno ? figure(line, line.feeCents) : null), 'money'],
];

/** A figure read from the details: undefined while some are missing. */
function figure(line, value) {
  return line.pending || line.incomplete ? undefined : value;
}

function cellText(value, type) {
  if (value === null || value === undefined) {
    return EMPTY;
  }
  return type === 'money' ? formatMoney(value) : formatInteger(value);
}

/** Renders the totals table (and what it covers) into `container`. */
export function renderTotals(container, lines, { moreToLoad }) {
  const pending = lines.some((line) => line.pending);
  const incomplete = lines.some((line) => line.incomplete);
  container.replaceChildren(
    scrollRegion('Totais por tipo', h('table', { class: 'data-table data-table--compact', 'data-testid': 'totals-table' },
      h('caption', { class: 'visually-hidden' }, 'Totais dos arquivos listados, por tipo'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Tipo'),
        TOTAL_COLUMNS.map(([title]) => h('th', { scope: 'col', class: 'num' }, title)))),
      h('tbody', {}, lines.map((line) => h('tr', { 'data-testid': 'totals-row', dataset: { kind: line.kind } },
        h('th', { scope: 'row' }, line.label),
        TOTAL_COLUMNS.map(([, id, value, type]) => h('td', { class: 'num', 'data-testid': `totals-${id}` },
          cellText(value(line), type)))))))),
    h('p', { class: 'muted small totals__note', 'data-testid': 'totals-note', role: 'status' }, [
      moreToLoad ? 'Somente os arquivos já carregados: use "Carregar mais" para incluir os mais antigos.' : '',
      pending ? 'Calculando rejeitados e tarifas dos retornos…' : '',
      incomplete ? 'Não foi possível ler rejeitados e tarifas de alguns retornos.' : '',
    ].filter(Boolean).join(' ')));
}
