// The actions on one record, shared by the row menu and the detail panel: one entry each, in menu order.
// Adding an action (the administrators' "Liberar" and "Descartar", say) is adding an entry here.
//
// Whether a record offers an action, and whether it is allowed now: the record's `actions.{id}`
// (`{"allowed": true}` or `{"allowed": false, "reason": "..."}`) when the API sends it; else the entry's
// own `offer(record)` (null: not offered). The server has the last word (a 409 with its reason).
//
// `run` says who does it: 'detail', 'statement', 'download' (the page), 'reason' (a dialog asking why,
// then `POST /integrations/{id}/{dialog.route}` with `{"reason"}`; see reason-dialog.js) or 'confirm' (a
// dialog asking for a confirmation, then `POST /integrations/{id}/{confirm.route}`; see confirm-dialog.js).
// `inDetail: false` keeps an action out of the detail panel, `inMenu: false` out of the row menu.

import { actionLabels, isRemessa, statusLabel } from './format.js';
import { getIdentity } from './identity.js';
import { cancelAtBank } from './api.js';

const ALLOWED = { allowed: true, reason: '' };

/** Offered only when the API says so in `actions.{id}` (actions the service adds over time). */
const onlyWhenTheApiOffers = () => null;

export const ACTIONS = [
  { id: 'detail', icon: 'info', run: 'detail', label: () => 'Detalhes do arquivo', inDetail: false },
  { id: 'statement', icon: 'file', run: 'statement', label: (record) => actionLabels(record).statement },
  { id: 'download', icon: 'download', run: 'download', label: (record) => actionLabels(record).download },
  {
    id: 'release',
    icon: 'check',
    run: 'reason',
    separated: true,
    label: () => 'Liberar',
    offer: onlyWhenTheApiOffers,
    dialog: {
      route: 'release',
      title: 'Liberar este arquivo',
      description: 'O arquivo {file} será liberado e processado. A liberação fica registrada com seu nome, a data e o motivo.',
      reasonLabel: 'Motivo da liberação',
      confirm: 'Liberar',
      busy: 'Liberando…',
      tone: 'primary',
      done: 'Arquivo {file} liberado.',
    },
  },
  {
    id: 'discard',
    icon: 'x',
    run: 'reason',
    separated: true,
    tone: 'danger',
    label: () => 'Descartar',
    offer: onlyWhenTheApiOffers,
    dialog: {
      route: 'discard',
      title: 'Descartar este arquivo',
      description: 'O arquivo {file} será descartado: fica no histórico, mas não é processado. O descarte fica registrado com seu nome, a data e o motivo.',
      reasonLabel: 'Motivo do descarte',
      confirm: 'Descartar',
      busy: 'Descartando…',
      tone: 'danger',
      done: 'Arquivo {file} descartado.',
    },
  },
  {
    id: 'cancel',
    icon: 'ban',
    run: 'reason',
    separated: true,
    tone: 'danger',
    label: () => 'Cancelar esta remessa',
    offer: cancelOffer,
    dialog: {
      route: 'cancel',
      title: 'Cancelar esta remessa',
      description: 'A remessa {file} será cancelada. O cancelamento fica registrado com seu nome, a data e o motivo, e os títulos dela ficam disponíveis para uma nova remessa.',
      reasonLabel: 'Motivo do cancelamento',
      confirm: 'Confirmar cancelamento',
      busy: 'Cancelando…',
      tone: 'danger',
      statusAfter: 'CANCELLED',
      done: 'Remessa {file} cancelada.',
    },
  },
  {
    id: 'cancelAtBank',
    icon: 'ban',
    run: 'reason',
    separated: true,
    tone: 'danger',
    label: () => 'Cancelar: banco avisado',
    offer: cancelAtBankOffer,
    dialog: {
      route: 'cancel',
      title: 'Cancelar uma remessa que já está no banco',
      description: 'A remessa {file} já foi enviada ao banco, e o serviço não consegue retirá-la de lá. Confirme '
        + 'somente depois de pedir ao banco que não a processe: o cancelamento fica registrado com seu nome, a data, '
        + 'o motivo e a informação de que o banco foi avisado, e os títulos ficam disponíveis para uma nova remessa.',
      reasonLabel: 'Motivo do cancelamento (e com quem falou no banco)',
      confirm: 'O banco foi avisado: cancelar',
      busy: 'Cancelando…',
      tone: 'danger',
      statusAfter: 'CANCELLED',
      done: 'Remessa {file} cancelada.',
      send: (id, why, key) => cancelAtBank(id, why, key),
    },
  },
  {
    id: 'deliver',
    icon: 'refresh',
    run: 'confirm',
    separated: true,
    label: () => 'Enviar ao banco de novo',
    offer: deliverOffer,
    confirm: {
      route: 'deliver',
      title: 'Enviar esta remessa ao banco de novo',
      description: 'O envio da remessa {file} falhou em todas as tentativas. Ela será enviada de novo ao canal do '
        + 'banco (confira antes o motivo da falha: um canal recusado ou não configurado falha outra vez).',
      confirm: 'Enviar de novo',
      busy: 'Enviando…',
      done: (record) => `Remessa ${record.fileName || record.id}: ${statusLabel(record.status, record.statusLabel)}.`,
    },
  },
  {
    id: 'reprocess',
    icon: 'refresh',
    run: 'confirm',
    separated: true,
    inMenu: false,
    label: () => 'Reprocessar',
    offer: reprocessOffer,
    confirm: {
      route: 'reprocess',
      title: 'Reprocessar este arquivo',
      description: 'O arquivo {file} será lido de novo com a versão atual do leitor e com as contas bancárias '
        + 'cadastradas agora (Configurações > Contas bancárias). Os itens dele são substituídos e o '
        + 'reprocessamento fica no histórico da situação, com seu nome e a data.',
      confirm: 'Reprocessar',
      busy: 'Reprocessando…',
      done: (record) => `Arquivo ${record.fileName || record.id} reprocessado: ${statusLabel(record.status, record.statusLabel)}.`,
    },
  },
];

/** The statuses `POST /integrations/{id}/reprocess` accepts (the API answers 409 for the others). */
const REPROCESSABLE = ['REJECTED', 'OTHER_BANK_FILE', 'SUSPECT', 'PROCESSED'];
const REMESSA_LIFECYCLE = ['GENERATED', 'SENT', 'PROCESSED_BY_BANK'];

/** "Reprocessar": administrators only; allowed for the statuses the API reprocesses, else why not. */
function reprocessOffer(record) {
  const identity = getIdentity();
  if (!identity || !identity.admin || !record.status) {
    return null;
  }
  if (REPROCESSABLE.includes(record.status)) {
    return ALLOWED;
  }
  const label = statusLabel(record.status, record.statusLabel);
  if (REMESSA_LIFECYCLE.includes(record.status)) {
    return { allowed: false, reason: `Remessas na situação “${label}” seguem com o banco e não são reprocessadas.` };
  }
  return { allowed: false, reason: `Arquivos na situação “${label}” não são reprocessados.` };
}

/** "Cancelar esta remessa": remessas only; the list's `cancellable`/`cancelBlockedReason` when present. */
function cancelOffer(record) {
  if (!isRemessa(record)) {
    return null;
  }
  if (record.cancellable === false) {
    return { allowed: false, reason: record.cancelBlockedReason || 'O cancelamento desta remessa não é permitido.' };
  }
  if (record.status === 'CANCELLED') {
    return { allowed: false, reason: 'Esta remessa já está cancelada.' };
  }
  return ALLOWED;
}

/**
 * "Cancelar: banco avisado": a remessa already at the bank (SENT), cancelled once the user says the bank was told
 * (`bankNotified`); the same people as a cancel (administrators, or who generated it).
 */
function cancelAtBankOffer(record) {
  const identity = getIdentity();
  if (!isRemessa(record) || record.status !== 'SENT' || !identity) {
    return null;
  }
  if (!identity.admin && record.userId !== identity.userId) {
    return { allowed: false, reason: 'Somente administradores ou quem gerou a remessa podem cancelá-la.' };
  }
  return ALLOWED;
}

/** "Enviar ao banco de novo": administrators, for a remessa whose every delivery try failed. */
function deliverOffer(record) {
  const identity = getIdentity();
  return identity && identity.admin && record.status === 'DELIVERY_FAILED' ? ALLOWED : null;
}

/** `{allowed, reason}` for the action on the record, or null when the record does not offer it. */
export function availability(action, record) {
  const fromApi = record.actions && record.actions[action.id];
  if (fromApi && typeof fromApi === 'object') {
    return fromApi.allowed === false
      ? { allowed: false, reason: fromApi.reason || 'Esta ação não é permitida agora.' }
      : ALLOWED;
  }
  return action.offer ? action.offer(record) : ALLOWED;
}

/** The actions the record offers in the row menu (`where` = 'menu') or the detail panel ('detail'), with their availability. */
export function actionsFor(record, where) {
  return ACTIONS
    .filter((action) => (where === 'detail' ? action.inDetail !== false : action.inMenu !== false))
    .map((action) => ({ action, state: availability(action, record) }))
    .filter(({ state }) => state !== null);
}

/** A dialog text with the record's file name put in (`{file}`). */
export function fill(template, record) {
  return template.replace('{file}', record.fileName || record.id || '');
}
