// CSV export of the rows on screen: `;` separated, pt-BR numbers (decimal comma), UTF-8 with BOM (so
// spreadsheets in pt-BR open it as it is), CRLF line ends.

import {
  ORIGIN_LABELS, formatDate, formatDateTime, formatDecimal, kindLabel, localDateOf, statusLabel, userLabel,
} from './format.js';

const COLUMNS = [
  ['Data e hora', (r) => text(formatDateTime(r.receivedAt))],
  ['Data de geração', (r) => text(r.generatedOn ? formatDate(r.generatedOn) : '')],
  ['Tipo', (r) => text(kindLabel(r))],
  ['Banco', (r) => text(r.bankCode)],
  ['Nome do banco', (r) => text(r.bankName)],
  ['Agência', (r) => text(r.agency)],
  ['Conta', (r) => text(r.account)],
  ['Convênio', (r) => text(r.agreement)],
  ['NSA', (r) => number(r.sequenceNumber)],
  ['Arquivo', (r) => text(r.fileName)],
  ['Itens', (r) => number(r.itemCount)],
  ['Total (R$)', (r) => formatDecimal(r.totalAmountCents)],
  ['Total pago (R$)', (r) => formatDecimal(r.totalPaidCents)],
  ['Situação', (r) => text(statusLabel(r.status))],
  ['Origem', (r) => text(ORIGIN_LABELS[r.origin] || r.origin)],
  ['Usuário', (r) => text(userLabel(r))],
  ['Erros', (r) => number(r.findingCounts && r.findingCounts.ERROR)],
  ['Avisos', (r) => number(r.findingCounts && r.findingCounts.WARNING)],
];

function number(value) {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
}

/** Text cells: '—' placeholders dropped; formula-like values defused (CSV injection). */
function text(value) {
  if (value === null || value === undefined || value === '—') {
    return '';
  }
  const s = String(value);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

function quote(value) {
  return /[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The CSV text (without BOM) for the records. */
export function toCsv(records) {
  const lines = [COLUMNS.map(([title]) => quote(title)).join(';')];
  for (const record of records) {
    lines.push(COLUMNS.map(([, value]) => quote(value(record))).join(';'));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** `historico-integracoes-YYYY-MM-DD.csv`, today in America/Sao_Paulo. */
export function csvFileName(now = new Date()) {
  return `historico-integracoes-${localDateOf(now)}.csv`;
}

/** Saves the CSV of the records as a download. */
export function downloadCsv(records) {
  const blob = new Blob(['\uFEFF', toCsv(records)], { type: 'text/csv;charset=utf-8' });
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = csvFileName();
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(href), 10000);
}
