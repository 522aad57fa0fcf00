// The dialog of an action that only asks for a confirmation ("Reprocessar"): what it does, and the POST
// without a body. Its texts come from the action's `confirm` entry (actions.js). One Idempotency-Key per
// opening, so a retry after a lost answer cannot act twice; a 409 makes the next attempt a new request.

import { confirmedAction } from './api.js';
import { describe, failed } from './dialog-parts.js';
import { $, announce, openDialog, setButtonBusy, showMessage, uuid } from './dom.js';

let dialog = null;
let callbacks = null;
let current = null; // { action, record, key, busy }

function el(selector) {
  return $(selector, dialog);
}

function showError(message) {
  showMessage(el('#confirm-dialog-error'), message);
}

function setBusy(busy) {
  current.busy = busy;
  setButtonBusy(el('[data-testid="confirm-dialog-confirm"]'), busy, busy ? current.action.confirm.busy : current.action.confirm.confirm);
}

/** `cbs.onDone(updatedRecord)`, `cbs.onUnauthorized()`. */
export function setUpConfirmDialog(element, cbs) {
  dialog = element;
  callbacks = cbs;
  el('[data-testid="confirm-dialog-back"]').addEventListener('click', () => dialog.close());
  dialog.addEventListener('cancel', (event) => {
    if (current && current.busy) {
      event.preventDefault(); // keep it open while the request is in flight
    }
  });
  el('#confirm-form').addEventListener('submit', (event) => {
    event.preventDefault();
    if (current && !current.busy) {
      submit();
    }
  });
}

async function submit() {
  const { action, record, key } = current;
  setBusy(true);
  showError('');
  try {
    const updated = await confirmedAction(record.id, action.confirm.route, key);
    setBusy(false);
    dialog.close();
    const merged = { ...record, ...(updated && typeof updated === 'object' ? updated : {}) };
    announce(action.confirm.done(merged), 'success');
    callbacks.onDone(merged);
  } catch (error) {
    setBusy(false);
    failed(error, current, showError, callbacks);
  }
}

/** Opens the action's dialog for the record; focus returns to `opener` (or what it resolves to) on close. */
export function openConfirmDialog(action, record, opener) {
  current = { action, record, key: uuid(), busy: false };
  const texts = action.confirm;
  dialog.dataset.action = action.id;
  dialog.dataset.id = record.id || '';
  el('#confirm-dialog-title').textContent = texts.title;
  describe(el('#confirm-dialog-description'), texts.description, 'confirm-dialog-file', record);
  const confirm = el('[data-testid="confirm-dialog-confirm"]');
  confirm.className = `btn btn--${texts.tone || 'primary'}`;
  confirm.textContent = texts.confirm;
  showError('');
  openDialog(dialog, { initialFocus: confirm, returnFocus: opener });
}
