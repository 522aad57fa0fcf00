// The approval of a remessa, in its detail (docs/remessa-lifecycle.md, "Approval"): how many approvals it
// needs and by which rule, the decisions so far (who, when, why), and "Aprovar" / "Reprovar" while it waits.
// Whether the caller may decide comes from the API (`approval.canDecide`); when they may not, the buttons are
// disabled and the block shows why, in the rules' words (`approval.cannotDecideReason`). "Aprovar" asks for a
// confirmation (confirm-dialog.js), "Reprovar" for a reason (reason-dialog.js); the server has the last word
// (its 403 or 409 shows in the dialog).

import { h, icon } from './dom.js';
import { formatDateTime, plural } from './format.js';
import { getIdentity } from './identity.js';

/** "Aprovar": `POST /integrations/{id}/approve`, after a confirmation. */
export const APPROVE = {
  id: 'approve',
  icon: 'check',
  run: 'confirm',
  label: () => 'Aprovar',
  confirm: {
    route: 'approve',
    title: 'Aprovar esta remessa',
    description: 'Sua aprovação da remessa {file} fica registrada com seu nome e a data. Com todas as aprovações '
      + 'que a regra exige, a remessa é liberada para envio ao banco.',
    confirm: 'Aprovar',
    busy: 'Aprovando…',
    done: (record) => {
      const approval = record.approval || {};
      const count = Array.isArray(approval.approvals) ? approval.approvals.length : 0;
      return record.status === 'APPROVED'
        ? `Remessa ${record.fileName || record.id} aprovada: liberada para envio ao banco.`
        : `Aprovação registrada: ${count} de ${approval.required || count}.`;
    },
  },
};

/** "Reprovar": `POST /integrations/{id}/reject` with the reason. */
export const REJECT = {
  id: 'reject',
  icon: 'x',
  run: 'reason',
  tone: 'danger',
  label: () => 'Reprovar',
  dialog: {
    route: 'reject',
    title: 'Reprovar esta remessa',
    description: 'A remessa {file} será reprovada: não vai para o banco, e os títulos e pagamentos dela ficam '
      + 'livres para uma nova remessa. A reprovação fica registrada com seu nome, a data e o motivo.',
    reasonLabel: 'Motivo da reprovação',
    confirm: 'Reprovar',
    busy: 'Reprovando…',
    tone: 'danger',
    statusAfter: 'APPROVAL_REJECTED',
    done: 'Remessa {file} reprovada.',
  },
};

function progress(record, approval, count) {
  if (record.status === 'APPROVED') {
    return `Aprovada: ${count} de ${approval.required} aprovações. Liberada para envio ao banco.`;
  }
  if (record.status === 'APPROVAL_REJECTED' || approval.rejection) {
    return 'Reprovada: não vai para o banco.';
  }
  const missing = Math.max(approval.required - count, 0);
  return `${count} de ${approval.required} aprovações${missing && record.status === 'AWAITING_APPROVAL'
    ? ` · ${missing === 1 ? 'falta 1' : `faltam ${missing}`}` : ''}.`;
}

function decision(entry, kind) {
  return h('li', { 'data-testid': 'detail-approval-decision', dataset: { decision: kind } },
    h('time', { datetime: entry.at || null, class: 'timeline__time' }, formatDateTime(entry.at)),
    h('span', { class: 'timeline__what' }, `${kind === 'rejected' ? 'Reprovada' : 'Aprovada'} por ${entry.userName || entry.userId}`),
    kind === 'rejected' && entry.reason ? h('span', { class: 'timeline__reason' }, `Motivo: ${entry.reason}`) : null);
}

/** Whether each button is allowed, and why not: the API's word, and "you already approved" for an approval. */
function states(approval, approvals) {
  if (approval.canDecide !== true) {
    const why = approval.cannotDecideReason || 'Você não pode aprovar nem reprovar esta remessa.';
    return { approve: why, reject: why };
  }
  const identity = getIdentity();
  const mine = identity && approvals.find((a) => a.userId === identity.userId);
  return {
    approve: mine ? `Você já aprovou esta remessa em ${formatDateTime(mine.at)}; ela aguarda a aprovação de outras pessoas.` : '',
    reject: '',
  };
}

function buttons(record, approval, approvals, run) {
  const blocked = states(approval, approvals);
  // one reason for both buttons when the rules say the caller may not decide; else each its own
  const shared = blocked.approve && blocked.approve === blocked.reject;
  const bar = h('div', { class: 'detail-actions approval__actions' });
  const reasons = new Map(); // element id -> reason
  for (const [action, why, className] of [[APPROVE, blocked.approve, 'btn--primary'], [REJECT, blocked.reject, 'btn--danger-outline']]) {
    const testid = `detail-${action.id}`;
    const reasonId = shared ? 'detail-approval-reason' : `${testid}-reason`;
    if (why) {
      reasons.set(reasonId, why);
    }
    bar.append(h('button', {
      type: 'button',
      class: `btn btn--small ${className}`,
      'data-testid': testid,
      'aria-disabled': why ? 'true' : null,
      'aria-describedby': why ? reasonId : null,
      on: {
        click: (event) => {
          if (!why) {
            const panel = event.currentTarget.closest('dialog');
            run(action, () => (panel && panel.querySelector(`[data-testid="${testid}"]`)) || null);
          }
        },
      },
    }, icon(action.icon), action.label(record)));
  }
  for (const [id, why] of reasons) {
    bar.append(h('p', { id, class: 'detail-actions__reason', 'data-testid': id }, why));
  }
  return bar;
}

/**
 * The approval section of a record's detail, or null when it needs none. `run(action, opener)` opens the
 * action's dialog for the record (`opener`: what gets the focus back).
 */
export function approvalSection(record, run) {
  const approval = record.approval;
  if (!approval || typeof approval !== 'object') {
    return null;
  }
  const approvals = Array.isArray(approval.approvals) ? approval.approvals : [];
  const decisions = approvals.map((entry) => decision(entry, 'approved'));
  if (approval.rejection) {
    decisions.push(decision(approval.rejection, 'rejected'));
  }
  const waiting = record.status === 'AWAITING_APPROVAL';
  const knowsCaller = typeof approval.canDecide === 'boolean';
  return h('section', { class: 'detail-section approval', 'aria-labelledby': 'detail-approval-title', 'data-testid': 'detail-approval' },
    h('h3', { id: 'detail-approval-title' }, 'Aprovação'),
    h('p', { class: 'approval__rule', 'data-testid': 'detail-approval-rule' },
      approval.rule ? `Regra de alçada: ${approval.rule}.` : `Exige ${plural(approval.required, 'aprovação', 'aprovações')}.`),
    h('p', { class: 'approval__progress', 'data-testid': 'detail-approval-progress' }, progress(record, approval, approvals.length)),
    decisions.length
      ? h('ol', { class: 'timeline', 'aria-label': 'Decisões', 'data-testid': 'detail-approval-decisions' }, decisions)
      : h('p', { class: 'muted', 'data-testid': 'detail-approval-decisions' }, 'Nenhuma decisão ainda.'),
    waiting && knowsCaller ? buttons(record, approval, approvals, run) : null,
    !waiting && approval.canDecide === false && approval.cannotDecideReason
      ? h('p', { class: 'detail-actions__reason', 'data-testid': 'detail-approval-reason' }, approval.cannotDecideReason)
      : null);
}
