// CSV export of the rows on screen: `;` separated, pt-BR numbers (decimal comma), UTF-8 with BOM (so
// spreadsheets in pt-BR open it as it is), CRLF line ends. After the rows, a blank line and the totals by
// kind, as the page shows them.

import {
  formatDate, formatDateTime, formatDecimal, hasFigures, isRetorno, kindLabel, localDateOf, originLabel, statusLabel,
  userLabel,
} from './format.js';
import { TOTAL_COLUMNS } from './totals.js';

/** `figures(record)`: a retorno's {rejectedCount, rejectedCents, feeCents}, or undefined. */
function columns(figures) {
  const retorno = (r, pick) => {
    const f = isRetorno(r) && hasFigures(r) ? figures(r) : undefined;
    return f ? pick(f) : undefined;
  };
  return [
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
    ['Itens', (r) => (hasFigures(r) ? number(r.itemCount) : '')],
    ['Total (R$)', (r) => (hasFigures(r) ? formatDecimal(r.totalAmountCents) : '')],
    ['Total pago (R$)', (r) => (isRetorno(r) && hasFigures(r) ? formatDecimal(r.totalPaidCents) : '')],
    ['Rejeitados', (r) => number(retorno(r, (f) => f.rejectedCount))],
    ['Valor rejeitado (R$)', (r) => formatDecimal(retorno(r, (f) => f.rejectedCents))],
    ['Tarifas (R$)', (r) => formatDecimal(retorno(r, (f) => f.feeCents))],
    ['Situação', (r) => text(statusLabel(r.status, r.statusLabel))],
    ['Origem', (r) => text(originLabel(r.origin))],
    ['Usuário', (r) => text(userLabel(r))],
    ['Erros', (r) => number(r.findingCounts && r.findingCounts.ERROR)],
    ['Avisos', (r) => number(r.findingCounts && r.findingCounts.WARNING)],
  ];
}

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

function line(cells) {
  return cells.map(quote).join(';');
}

/** The CSV text (without BOM): the records, then the totals `lines` (totals.js `summarize`). */
export function toCsv(records, figures, lines) {
  const cols = columns(figures);
  const out = [line(cols.map(([title]) => title))];
  for (const record of records) {
    out.push(line(cols.map(([, value]) => value(record))));
  }
  out.push('', line(['Totais por tipo']), line(['Tipo', ...TOTAL_COLUMNS.map(([title]) => title)]));
  for (const total of lines) {
    out.push(line([text(total.label), ...TOTAL_COLUMNS.map(([, , value, type]) => {
      const v = value(total);
      if (v === null || v === undefined) {
        return '';
      }
      return type === 'money' ? formatDecimal(v) : String(v);
    })]));
  }
  return `${out.join('\r\n')}\r\n`;
}

/** `historico-integracoes-YYYY-MM-DD.csv`, today in America/Sao_Paulo. */
export function csvFileName(now = new Date()) {
  return `historico-integracoes-${localDateOf(now)}.csv`;
}

/** Saves the CSV as a download. */
export function downloadCsv(records, figures, lines) {
  const blob = new Blob(['\uFEFF', toCsv(records, figures, lines)], { type: 'text/csv;charset=utf-8' });
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
