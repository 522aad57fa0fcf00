// The dialog of an action that asks for a reason ("Cancelar esta remessa", "Reprovar"; "Liberar" and
// "Descartar" when the service offers them; an instruction's "Cancelar"): what it does, a required reason, and
// the POST. Its texts come from the action's `dialog` entry (actions.js, approval-block.js, instructions.js),
// which may say where it is sent (`send(id, reason, key)`; else `POST /integrations/{id}/{route}`). One
// Idempotency-Key per opening, so a retry after a lost answer cannot act twice; a 409 (the state changed)
// makes the next attempt a new request.

import { fill } from './actions.js';
import { recordAction } from './api.js';
import { describe, failed } from './dialog-parts.js';
import { $, announce, openDialog, setButtonBusy, showMessage, uuid } from './dom.js';

/** The API accepts reasons of 3 to 500 characters. */
const MIN_REASON = 3;
const MAX_REASON = 500;

let dialog = null;
let callbacks = null;
let current = null; // { action, record, key, busy, onDone }

function el(selector) {
  return $(selector, dialog);
}

function showError(message) {
  showMessage(el('#action-dialog-error'), message);
}

function setBusy(busy) {
  current.busy = busy;
  setButtonBusy(el('[data-testid="action-dialog-confirm"]'), busy, busy ? current.action.dialog.busy : current.action.dialog.confirm);
}

/** `cbs.onDone(updatedRecord)`, `cbs.onConflict(record)` (a 409), `cbs.onUnauthorized()`. */
export function setUpReasonDialog(element, cbs) {
  dialog = element;
  callbacks = cbs;
  const reason = el('#action-dialog-reason');
  reason.minLength = MIN_REASON;
  reason.maxLength = MAX_REASON;
  el('#action-dialog-hint').textContent = `Obrigatório, de ${MIN_REASON} a ${MAX_REASON} caracteres.`;

  el('[data-testid="action-dialog-back"]').addEventListener('click', () => dialog.close());
  dialog.addEventListener('cancel', (event) => {
    if (current && current.busy) {
      event.preventDefault(); // keep it open while the request is in flight
    }
  });
  reason.addEventListener('input', () => {
    if (reason.value.trim().length >= MIN_REASON) {
      reason.setAttribute('aria-invalid', 'false');
      showError('');
    }
  });
  el('#action-form').addEventListener('submit', (event) => {
    event.preventDefault();
    if (current && !current.busy) {
      submit(reason);
    }
  });
}

async function submit(reason) {
  const text = reason.value.trim();
  if (text.length < MIN_REASON) {
    reason.setAttribute('aria-invalid', 'true');
    showError(text ? `O motivo precisa ter ao menos ${MIN_REASON} caracteres.`
      : `Informe o ${current.action.dialog.reasonLabel.toLowerCase()}.`);
    reason.focus();
    return;
  }
  const { action, record, key, onDone, onConflict } = current;
  setBusy(true);
  showError('');
  try {
    const send = action.dialog.send || ((id, why, idempotencyKey) => recordAction(id, action.dialog.route, why, idempotencyKey));
    const updated = await send(record.id, text, key);
    setBusy(false);
    dialog.close();
    const merged = { ...record, ...(updated && typeof updated === 'object' ? updated : {}) };
    if ((!updated || !updated.status) && action.dialog.statusAfter) {
      merged.status = action.dialog.statusAfter;
    }
    // The API may say what it means (for a remessa already sent: ask the bank not to process it).
    const effect = updated && typeof updated.effect === 'string' && updated.effect;
    announce(effect || fill(action.dialog.done, record), 'success');
    (onDone || callbacks.onDone)(merged);
  } catch (error) {
    setBusy(false);
    failed(error, current, showError, onDone ? { ...callbacks, onConflict } : callbacks);
  }
}

/**
 * Opens the action's dialog for the record; focus returns to `opener` (or what it resolves to) on close. A
 * thing that is no history record (an instruction) brings its own `onDone(updated)` and `onConflict(thing)`.
 */
export function openReasonDialog(action, record, opener, { onDone = null, onConflict = null } = {}) {
  current = { action, record, key: uuid(), busy: false, onDone, onConflict };
  const texts = action.dialog;
  dialog.dataset.action = action.id;
  dialog.dataset.id = record.id || '';
  el('#action-dialog-title').textContent = texts.title;
  describe(el('#action-dialog-description'), texts.description, 'action-dialog-file', record);
  el('#action-dialog-reason-label').textContent = texts.reasonLabel;
  const confirm = el('[data-testid="action-dialog-confirm"]');
  confirm.className = `btn btn--${texts.tone || 'primary'}`;
  confirm.textContent = texts.confirm;
  const reason = el('#action-dialog-reason');
  reason.value = '';
  reason.setAttribute('aria-invalid', 'false');
  showError('');
  openDialog(dialog, { initialFocus: reason, returnFocus: opener });
}
