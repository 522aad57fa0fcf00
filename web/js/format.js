// pt-BR formats and labels. Pure functions, no DOM.

export const TIME_ZONE = 'America/Sao_Paulo';

export const KIND_LABELS = {
  REMESSA_COBRANCA: 'Remessa de Cobrança',
  REMESSA_PAGAMENTO: 'Remessa de Pagamento',
  RETORNO_COBRANCA: 'Retorno de Cobrança',
  RETORNO_PAGAMENTO: 'Retorno de Pagamento',
  OTHER: 'Outro arquivo',
};

export const STATUS_LABELS = {
  PROCESSED: 'Processado',
  REJECTED: 'Rejeitado',
  OTHER_BANK_FILE: 'Outro arquivo do banco',
  CANCELLED: 'Cancelada',
  DUPLICATE: 'Duplicado',
  GENERATED: 'Gerada',
  SENT: 'Enviada',
  PROCESSED_BY_BANK: 'Processada pelo banco',
  SUSPECT: 'Suspeito',
};

/** Visual tone of each status badge (a CSS modifier). */
export const STATUS_TONES = {
  PROCESSED: 'success',
  PROCESSED_BY_BANK: 'success',
  REJECTED: 'danger',
  SUSPECT: 'warning',
  DUPLICATE: 'warning',
  CANCELLED: 'muted',
  OTHER_BANK_FILE: 'muted',
  GENERATED: 'info',
  SENT: 'info',
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

export const DIRECTION_LABELS = {
  REMESSA: 'Remessa',
  RETORNO: 'Retorno',
};

export const SERVICE_LABELS = {
  COBRANCA: 'Cobrança',
  PAGAMENTO: 'Pagamento',
};

/** Banks offered by the bank filter (more are added from the loaded rows). */
export const KNOWN_BANKS = [
  ['001', 'Banco do Brasil'],
  ['033', 'Santander'],
  ['041', 'Banrisul'],
  ['077', 'Inter'],
  ['085', 'Ailos'],
  ['104', 'Caixa'],
  ['136', 'Unicred'],
  ['208', 'BTG Pactual'],
  ['237', 'Bradesco'],
  ['341', 'Itaú'],
  ['422', 'Safra'],
  ['748', 'Sicredi'],
  ['756', 'Sicoob'],
];

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

/** The calendar date (`YYYY-MM-DD`) of an instant in America/Sao_Paulo. */
export function localDateOf(iso) {
  const date = iso instanceof Date ? iso : toDate(iso);
  if (!date) {
    return '';
  }
  const p = parts(dateParts, date);
  return `${p.year}-${p.month}-${p.day}`;
}

export function kindLabel(record) {
  return record.kindLabel || KIND_LABELS[record.kind] || record.kind || EMPTY;
}

export function statusLabel(status) {
  return STATUS_LABELS[status] || status || EMPTY;
}

export function categoryLabel(category) {
  return CATEGORY_LABELS[category] || category || EMPTY;
}

export function isRemessa(record) {
  return String(record.kind || '').startsWith('REMESSA') || record.direction === 'REMESSA';
}

export function isRetorno(record) {
  return String(record.kind || '').startsWith('RETORNO') || record.direction === 'RETORNO';
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
  const name = record.bankName || '';
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
