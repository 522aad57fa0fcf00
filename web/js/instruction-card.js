// One instruction of "Instruções pendentes" (instructions.js): what it asks (a title: nosso número, pagador,
// amount, due date; a payment: favorecido, amount, kind, date), who created it and when, its status, the
// remessa that carried it (a link to the record), a cancellation's who and why and, once the bank answered
// it, the settlement: outcome, occurrence, reasons and a link to the retorno that brought it.

import { bankName } from './banks.js';
import { h, icon, pageLink } from './dom.js';
import {
  EMPTY, INSTRUCTION_STATUSES, PAYMENT_KINDS, SETTLEMENT_OUTCOMES, TITLE_INSTRUCTIONS, formatDate, formatDateTime,
  formatMoney,
} from './format.js';

/** The bank account an instruction is for: `{key, label}` ("341 · Itaú · Ag. 4459 · C/C 17600-6"). */
export function accountOf(instruction) {
  const header = instruction.header || {};
  const bank = instruction.bankCode || '';
  const withDigit = (value, digit) => (digit ? `${value}-${digit}` : value);
  const label = [
    [bank, bankName(bank)].filter(Boolean).join(' · '),
    header.agency ? `Ag. ${withDigit(header.agency, header.agencyDigit)}` : '',
    header.account ? `C/C ${withDigit(header.account, header.accountDigit)}` : '',
    header.agreement ? `Convênio ${header.agreement}` : '',
  ].filter(Boolean).join(' · ');
  const key = [bank, header.agency, header.account, header.agreement].map((v) => String(v || '').replace(/\D/g, '')).join('|');
  return { key, label: label || EMPTY };
}

/** What the instruction is, in a few words ("título 90000001 de Davi Oliveira Campos"), for a dialog. */
export function instructionName(instruction) {
  if (instruction.title) {
    return `título ${instruction.title.ourNumber || ''} de ${(instruction.title.payer || {}).name || EMPTY}`;
  }
  const payment = instruction.payment || {};
  return `pagamento a ${counterpart(payment)} (${formatMoney(payment.amountCents)})`;
}

function counterpart(payment) {
  return (payment.payee && payment.payee.name) || payment.beneficiaryName || EMPTY;
}

function fact(term, value, testid = null, wide = false) {
  return h('div', { class: `record-card__fact${wide ? ' record-card__fact--wide' : ''}` }, h('dt', {}, term),
    h('dd', { 'data-testid': testid }, value));
}

function badge(tone, label, testid, status) {
  return h('span', { class: `badge badge--${tone}`, 'data-testid': testid, dataset: { status } }, label);
}

function whatFacts(instruction) {
  const title = instruction.title;
  if (title) {
    return [
      fact('Nosso número', title.ourNumber || EMPTY, 'instruction-our-number'),
      fact('Seu número', title.yourNumber || EMPTY),
      fact('Pagador', (title.payer || {}).name || EMPTY, 'instruction-counterpart'),
      fact('Valor', formatMoney(title.amountCents), 'instruction-amount'),
      fact('Vencimento', formatDate(title.dueDate), 'instruction-due-date'),
    ];
  }
  const payment = instruction.payment || {};
  return [
    fact('Favorecido', counterpart(payment), 'instruction-counterpart'),
    fact('Valor', formatMoney(payment.amountCents), 'instruction-amount'),
    fact('Data do pagamento', formatDate(payment.paymentDate)),
    fact('Seu número', payment.yourNumber || EMPTY),
  ];
}

/** A link that opens a record of the history over this screen. */
function recordLink(id, label, testid, links) {
  return pageLink({ href: links.hrefFor(id), class: 'link-button', 'data-testid': testid },
    (link) => links.onOpen({ id }, link), label);
}

function carried(carrier, links) {
  if (!carrier) {
    return null;
  }
  const when = ` em ${formatDateTime(carrier.at)}`;
  return fact('Remessa', carrier.recordId
    ? [recordLink(carrier.recordId, carrier.fileName || carrier.recordId, 'instruction-remessa', links), when]
    : `${carrier.fileName || EMPTY}${when} (sendo registrada no histórico)`, 'instruction-carried', true);
}

function codeAndText(entry) {
  return [entry.code, entry.description].filter(Boolean).join(' — ');
}

/** The bank's answer, when it came: outcome, occurrence, reasons, and the retorno it came in. */
function settlement(answer, links) {
  if (!answer || typeof answer !== 'object') {
    return null;
  }
  const outcome = SETTLEMENT_OUTCOMES[answer.outcome] || { label: answer.outcome || EMPTY, tone: 'muted' };
  const reasons = (Array.isArray(answer.reasons) ? answer.reasons : []).map(codeAndText).filter(Boolean);
  return h('div', { class: 'record-card__note settlement', 'data-testid': 'instruction-settlement', dataset: { outcome: answer.outcome || '' } },
    badge(outcome.tone, outcome.label, 'instruction-settlement-outcome', answer.outcome || ''),
    answer.at ? ` em ${formatDateTime(answer.at)}` : '',
    answer.occurrence && codeAndText(answer.occurrence)
      ? h('span', { class: 'settlement__line' }, `Ocorrência: ${codeAndText(answer.occurrence)}`) : null,
    reasons.length ? h('span', { class: 'settlement__line' }, `Motivos: ${reasons.join('; ')}`) : null,
    answer.retornoId
      ? h('span', { class: 'settlement__line' }, recordLink(answer.retornoId, 'Abrir o retorno', 'instruction-retorno', links))
      : null);
}

/**
 * The card of one instruction. `links`: `{hrefFor(id), onOpen(record, opener)}`; `onCancel(instruction,
 * button)` when the API says the caller may cancel it.
 */
export function instructionCard(instruction, links, onCancel) {
  const status = INSTRUCTION_STATUSES[instruction.status] || { label: instruction.status || EMPTY, tone: 'muted' };
  const kind = (instruction.payment || {}).kind;
  const what = instruction.title
    ? `Título de cobrança · ${TITLE_INSTRUCTIONS[instruction.title.instruction || 'ENTRY'] || instruction.title.instruction}`
    : ['Pagamento · ', h('span', { 'data-testid': 'instruction-kind' }, PAYMENT_KINDS[kind] || kind || EMPTY)];
  const cancellation = instruction.cancellation;
  const creator = instruction.createdByUserName || instruction.createdByUserId || EMPTY;
  return h('li', { class: 'record-card', 'data-testid': 'instruction-row', dataset: { id: instruction.id || '', status: instruction.status || '' } },
    h('div', { class: 'record-card__head' },
      h('h3', { class: 'record-card__title', 'data-testid': 'instruction-what' }, what),
      badge(status.tone, status.label, 'instruction-status', instruction.status || '')),
    h('dl', { class: 'record-card__facts' },
      ...whatFacts(instruction),
      fact('Criada', `${formatDateTime(instruction.createdAt)} por ${creator}`, 'instruction-created'),
      carried(instruction.carriedBy, links)),
    cancellation
      ? h('p', { class: 'record-card__note', 'data-testid': 'instruction-cancellation' },
        `Cancelada por ${cancellation.byUserName || cancellation.byUserId} em ${formatDateTime(cancellation.at)}`
          + `${cancellation.reason ? `. Motivo: ${cancellation.reason}` : ''}`)
      : null,
    settlement(instruction.settlement, links),
    instruction.cancellable === true
      ? h('div', { class: 'record-card__actions' }, h('button', {
        type: 'button',
        class: 'btn btn--small btn--danger-outline',
        'data-testid': 'instruction-cancel',
        'aria-label': `Cancelar a instrução do ${instructionName(instruction)}`,
        on: { click: (event) => onCancel(instruction, event.currentTarget) },
      }, icon('ban'), 'Cancelar'))
      : null);
}
