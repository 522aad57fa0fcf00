// What the action dialogs (reason-dialog.js, confirm-dialog.js) share: how a description names the file, and
// what a failed request does to the dialog.

import { h, uuid } from './dom.js';

/** Fills `element` with `description`, its `{file}` replaced by the record's file name in bold. */
export function describe(element, description, testid, record) {
  const [before, after] = description.split('{file}');
  element.replaceChildren(before,
    ...(after === undefined ? [] : [h('strong', { 'data-testid': testid }, record.fileName || record.id), after]));
}

/**
 * A request that failed: the API's words in the dialog, a 401 sends the user to sign in again, and after a 409
 * the next attempt is a new request (a new Idempotency-Key), since the first one's answer is known, and the
 * record is read again (`onConflict`: someone else changed it meanwhile).
 */
export function failed(error, current, showError, callbacks) {
  showError(error.detail || 'Não foi possível concluir a operação.');
  if (error.status === 401 && callbacks.onUnauthorized) {
    callbacks.onUnauthorized();
  }
  if (error.status === 409) {
    current.key = uuid();
    if (callbacks.onConflict) {
      callbacks.onConflict(current.record);
    }
  }
}
