// pt-BR formats and labels. No DOM; bank names come from the catalogue loaded once (banks.js).

import { bankName } from './banks.js';

export const TIME_ZONE = 'America/Sao_Paulo';

export const KIND_LABELS = {
  REMESSA_COBRANCA: 'Remessa de Cobrança',
  REMESSA_PAGAMENTO: 'Remessa de Pagamento',
  RETORNO_COBRANCA: 'Retorno de Cobrança',
  RETORNO_PAGAMENTO: 'Retorno de Pagamento',
  EXTRATO: 'Extrato Bancário',
  OTHER: 'Outro arquivo',
};

/**
 * Every status the page knows: its pt-BR label and the tone of its badge (a CSS modifier). A status not
 * listed here still shows, with the API's `statusLabel` (else its code) and a neutral tone. `filter: false`
 * keeps a status out of the status filter until the API accepts it as a filter value.
 */
export const STATUSES = {
  PROCESSED: { label: 'Processado', tone: 'success' },
  REJECTED: { label: 'Rejeitado', tone: 'danger' },
  OTHER_BANK_FILE: { label: 'Outro arquivo do banco', tone: 'muted' },
  GENERATED: { label: 'Gerada', tone: 'info' },
  AWAITING_APPROVAL: { label: 'Aguardando aprovação', tone: 'warning' },
  APPROVED: { label: 'Aprovada', tone: 'info' },
  APPROVAL_REJECTED: { label: 'Reprovada', tone: 'danger' },
  READY_TO_SEND: { label: 'Aguardando envio', tone: 'info' },
  SENT: { label: 'Enviada ao banco', tone: 'info' },
  DELIVERY_FAILED: { label: 'Falha no envio', tone: 'danger' },
  PROCESSED_BY_BANK: { label: 'Processada pelo banco', tone: 'success' },
  CANCELLED: { label: 'Cancelada', tone: 'muted' },
  DUPLICATE: { label: 'Duplicado', tone: 'warning' },
  SUSPECT: { label: 'Suspeito', tone: 'warning' },
  POSSIBLE_DUPLICATE: { label: 'Possível duplicado', tone: 'warning' },
  DISCARDED: { label: 'Descartado', tone: 'muted' },
  INCOMPLETE: { label: 'Incompleto', tone: 'warning', filter: false },
};

/** The statuses offered by the status filter, as [code, label]. */
export function filterableStatuses() {
  return Object.entries(STATUSES).filter(([, s]) => s.filter !== false).map(([code, s]) => [code, s.label]);
}

/**
 * The statuses of a pending instruction (`GET /instructions`): its label, its badge's tone and the status
 * filter's words. `SETTLED` is the bank's answer to it, read from a retorno.
 */
export const INSTRUCTION_STATUSES = {
  PENDING: { label: 'Pendente', tone: 'warning', filter: 'Pendentes' },
  CARRIED: { label: 'Incluída em remessa', tone: 'info', filter: 'Incluídas em remessa' },
  SETTLED: { label: 'Respondida pelo banco', tone: 'success', filter: 'Respondidas pelo banco' },
  CANCELLED: { label: 'Cancelada', tone: 'muted', filter: 'Canceladas' },
};

/** What a cobrança title instruction asks of the bank (`title.instruction`, `ENTRY` when absent). */
export const TITLE_INSTRUCTIONS = {
  ENTRY: 'Entrada de título',
  WRITE_OFF: 'Pedido de baixa',
  GRANT_REBATE: 'Concessão de abatimento',
  CANCEL_REBATE: 'Cancelamento de abatimento',
  CHANGE_DUE_DATE: 'Alteração de vencimento',
  PROTEST: 'Protesto',
  CANCEL_PROTEST: 'Sustação de protesto',
  CHANGE_OTHER_DATA: 'Alteração de outros dados',
};

/** A payment instruction's kind (`payment.kind`). */
export const PAYMENT_KINDS = {
  TRANSFER: 'Transferência',
  BOLETO: 'Pagamento de boleto',
};

/** The bank's answer to an instruction (`settlement.outcome`), with its tone. */
export const SETTLEMENT_OUTCOMES = {
  CONFIRMED: { label: 'Confirmada pelo banco', tone: 'success' },
  REJECTED: { label: 'Rejeitada pelo banco', tone: 'danger' },
};

export const ORIGIN_LABELS = {
  MANUAL: 'Manual',
  AUTOMATIC: 'Automática',
};

export const CATEGORY_LABELS = {
  ENTRY_CONFIRMED: 'Entrada confirmada',
  ENTRY_REJECTED: 'Entrada rejeitada',
  PAID: 'Liquidado',
  WRITTEN_OFF: 'Baixado',
  PROTESTED: 'Protestado',
  CHANGED: 'Alterado',
  FEE: 'Tarifa',
  SCHEDULED: 'Agendado',
  EFFECTED: 'Efetivado',
  PAYMENT_REJECTED: 'Pagamento rejeitado',
  OTHER: 'Outros',
  CREDIT: 'Crédito',
  DEBIT: 'Débito',
  INSTRUCTION_ENTRY: 'Entrada de título',
  INSTRUCTION_WRITE_OFF: 'Pedido de baixa',
  INSTRUCTION_CHANGE: 'Alteração',
  INSTRUCTION_PROTEST: 'Protesto',
  INSTRUCTION_PAYMENT: 'Pagamento',
  INSTRUCTION_OTHER: 'Outra instrução',
};

export const SEVERITY_LABELS = {
  ERROR: 'Erro',
  WARNING: 'Aviso',
  INFO: 'Informação',
};

export const SERVICE_LABELS = {
  COBRANCA: 'Cobrança',
  PAGAMENTO: 'Pagamento',
};

/** Layouts in words; a file that is not CNAB says so. */
export const LAYOUT_LABELS = {
  CNAB240: 'CNAB 240',
  CNAB400: 'CNAB 400',
  NOT_CNAB: 'Não é CNAB',
};

export const EMPTY = '—';

const money = new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' });
const decimal = new Intl.NumberFormat('pt-BR', { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false });
const integer = new Intl.NumberFormat('pt-BR');
const dateTimeParts = new Intl.DateTimeFormat('pt-BR', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const dateParts = new Intl.DateTimeFormat('pt-BR', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

function isNumber(value) {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Cents to `R$ 1.234,56`; '—' when absent. */
export function formatMoney(cents) {
  return isNumber(cents) ? money.format(cents / 100) : EMPTY;
}

/** Cents to `1234,56` (no currency, no grouping: spreadsheets in pt-BR read it as a number). */
export function formatDecimal(cents) {
  return isNumber(cents) ? decimal.format(cents / 100) : '';
}

export function formatInteger(value) {
  return isNumber(value) ? integer.format(value) : EMPTY;
}

function parts(formatter, date) {
  const out = {};
  for (const part of formatter.formatToParts(date)) {
    out[part.type] = part.value;
  }
  return out;
}

function toDate(iso) {
  if (!iso) {
    return null;
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** UTC ISO-8601 instant to `dd/MM/yyyy HH:mm` in America/Sao_Paulo. */
export function formatDateTime(iso) {
  const date = toDate(iso);
  if (!date) {
    return EMPTY;
  }
  const p = parts(dateTimeParts, date);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** `YYYY-MM-DD` (a calendar date, no time zone) to `dd/MM/yyyy`. */
export function formatDate(ymd) {
  const match = typeof ymd === 'string' && /^(\d{4})-(\d{2})-(\d{2})/.exec(ymd);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : EMPTY;
}

/**
 * `dd/mm/aaaa` typed by a user to `YYYY-MM-DD`, or null when it is not a real calendar date (31/02, 00/10,
 * a 2-digit year...). Years from 1900 to 2999.
 */
export function parseDateBr(text) {
  const match = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(String(text || '').trim());
  if (!match) {
    return null;
  }
  const [, day, month, year] = match;
  const d = Number(day);
  const m = Number(month);
  const y = Number(year);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || y > 2999 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return null;
  }
  return `${year}-${month}-${day}`;
}

/** What a date field shows while typing: digits only, slashes put in (`0511` reads `05/11`). */
export function maskDateBr(text) {
  const digits = String(text || '').replace(/\D/g, '').slice(0, 8);
  return [digits.slice(0, 2), digits.slice(2, 4), digits.slice(4)].filter(Boolean).join('/');
}

/** The calendar date (`YYYY-MM-DD`) of an instant in America/Sao_Paulo. */
export function localDateOf(iso) {
  const date = iso instanceof Date ? iso : toDate(iso);
  if (!date) {
    return '';
  }
  const p = parts(dateParts, date);
  return `${p.year}-${p.month}-${p.day}`;
}

// Labels: the page's own words first, then the API's pt-BR label, then the code itself (a code the page
// does not know yet is still data the user may need); never an internal code for a known value.

export function kindLabel(record) {
  return KIND_LABELS[record.kind] || record.kindLabel || record.kind || EMPTY;
}

/** `statusLabel('DUPLICATE')`, or with the API's label for a status the page does not know yet. */
export function statusLabel(status, apiLabel = '') {
  return (STATUSES[status] && STATUSES[status].label) || apiLabel || status || EMPTY;
}

export function statusTone(status) {
  return (STATUSES[status] && STATUSES[status].tone) || 'muted';
}

export function categoryLabel(category) {
  return CATEGORY_LABELS[category] || category || EMPTY;
}

export function originLabel(origin) {
  return ORIGIN_LABELS[origin] || EMPTY;
}

/** "CNAB 240", "Não é CNAB"; '' when unknown (never the raw code). */
export function layoutLabel(layout) {
  if (LAYOUT_LABELS[layout]) {
    return LAYOUT_LABELS[layout];
  }
  const match = /^CNAB_?(\d{3})$/i.exec(String(layout || ''));
  return match ? `CNAB ${match[1]}` : '';
}

/** "CNAB 240 · Cobrança", whatever parts are known. */
export function layoutAndService(record) {
  return [layoutLabel(record.layout), SERVICE_LABELS[record.service] || ''].filter(Boolean).join(' · ');
}

/**
 * Whether the file's item count and total mean something: not for a duplicate (recorded, not read
 * again: its zeros are not the file's) nor for a file that is not CNAB.
 */
export function hasFigures(record) {
  return record.status !== 'DUPLICATE' && record.kind !== 'OTHER';
}

/**
 * The first record a duplicate (or a file held as a possible duplicate) repeats: `duplicateOf` from the API,
 * with the words of its `DUPLICATE_CONTENT` / `POSSIBLE_DUPLICATE` finding when the detail has them.
 */
export function duplicateOf(record) {
  const finding = (Array.isArray(record.findings) ? record.findings : [])
    .find((f) => f.code === 'DUPLICATE_CONTENT' || f.code === 'POSSIBLE_DUPLICATE');
  const id = (record.duplicateOf && record.duplicateOf.id) || (finding && finding.field);
  if (!id) {
    return null;
  }
  return { id, fileName: (record.duplicateOf && record.duplicateOf.fileName) || '', message: finding ? finding.message || '' : '' };
}

export function isRemessa(record) {
  return String(record.kind || '').startsWith('REMESSA') || record.direction === 'REMESSA';
}

export function isRetorno(record) {
  return !isExtrato(record) && (String(record.kind || '').startsWith('RETORNO') || record.direction === 'RETORNO');
}

/** A bank statement (extrato): its items are entries, not titles. */
export function isExtrato(record) {
  return record.kind === 'EXTRATO' || record.service === 'EXTRATO';
}

/** "Usuário" column: the person's name, or "Integração" for automatic files. */
export function userLabel(record) {
  if (record.userName) {
    return record.userName;
  }
  return record.origin === 'AUTOMATIC' ? 'Integração' : EMPTY;
}

export function bankLabel(record) {
  const code = record.bankCode || '';
  const name = record.bankName || bankName(code);
  if (!code && !name) {
    return EMPTY;
  }
  return [code, name].filter(Boolean).join(' · ');
}

/** "Ag. 1234 · C/C 56789-0", whatever parts exist. */
export function accountLabel(record) {
  const partsOut = [];
  if (record.agency) {
    partsOut.push(`Ag. ${record.agency}`);
  }
  if (record.account) {
    partsOut.push(`C/C ${record.account}`);
  }
  return partsOut.length ? partsOut.join(' · ') : EMPTY;
}

/** Statement / download labels as the ERP names them, per kind. */
export function actionLabels(record) {
  if (isRemessa(record)) {
    return { statement: 'Visualizar o Extrato da Remessa', download: 'Download do Arquivo de Remessa' };
  }
  if (isRetorno(record)) {
    return { statement: 'Visualizar o Extrato do Retorno', download: 'Download do Arquivo de Retorno' };
  }
  return { statement: 'Visualizar o Extrato do Arquivo', download: 'Download do Arquivo' };
}

/** "2 erros · 1 aviso", or '' when there are none. */
export function findingsSummary(counts) {
  if (!counts) {
    return '';
  }
  const errors = Number(counts.ERROR || 0);
  const warnings = Number(counts.WARNING || 0);
  const out = [];
  if (errors) {
    out.push(`${integer.format(errors)} ${errors === 1 ? 'erro' : 'erros'}`);
  }
  if (warnings) {
    out.push(`${integer.format(warnings)} ${warnings === 1 ? 'aviso' : 'avisos'}`);
  }
  return out.join(' · ');
}

/** "1 arquivo" / "23 arquivos". */
export function plural(count, singular, pluralForm) {
  return `${integer.format(count)} ${count === 1 ? singular : pluralForm}`;
}

/** Bytes as "12,3 KB". */
export function formatBytes(bytes) {
  if (!isNumber(bytes)) {
    return EMPTY;
  }
  const units = ['bytes', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 ? 0 : 1;
  return `${value.toLocaleString('pt-BR', { maximumFractionDigits: digits })} ${units[unit]}`;
}
