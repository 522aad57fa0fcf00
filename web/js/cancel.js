// "Cancelar esta remessa": a confirmation dialog with a required reason. One Idempotency-Key per
// dialog opening, so a retry after a lost answer cannot cancel twice.

import { cancelIntegration } from './api.js';
import { $, announce, openDialog, uuid } from './dom.js';

/** The API accepts reasons of 3 to 500 characters. */
const MIN_REASON = 3;

let dialog = null;
let onCancelled = null;
let onUnauthorized = null;
let current = null; // { record, key, busy }

function showError(message) {
  const error = $('#cancel-error', dialog);
  error.textContent = message || '';
  error.hidden = !message;
}

/** `callbacks.onCancelled(updatedRecord)`, `callbacks.onUnauthorized()`. */
export function setUpCancel(element, callbacks) {
  dialog = element;
  onCancelled = callbacks.onCancelled;
  onUnauthorized = callbacks.onUnauthorized;
  const form = $('#cancel-form', dialog);
  const reason = $('#cancel-reason', dialog);
  const confirm = $('[data-testid="cancel-confirm"]', dialog);

  $('[data-testid="cancel-back"]', dialog).addEventListener('click', () => dialog.close());
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

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!current || current.busy) {
      return;
    }
    const text = reason.value.trim();
    if (text.length < MIN_REASON) {
      reason.setAttribute('aria-invalid', 'true');
      showError(text ? `O motivo precisa ter ao menos ${MIN_REASON} caracteres.` : 'Informe o motivo do cancelamento.');
      reason.focus();
      return;
    }
    current.busy = true;
    confirm.disabled = true;
    confirm.setAttribute('aria-busy', 'true');
    confirm.textContent = 'Cancelando…';
    showError('');
    const { record, key } = current;
    try {
      const updated = await cancelIntegration(record.id, text, key);
      current.busy = false;
      dialog.close();
      const merged = { ...record, ...(updated && typeof updated === 'object' ? updated : {}) };
      if (!updated || !updated.status) {
        merged.status = 'CANCELLED';
      }
      // The API says what the cancellation means (e.g. for a remessa already sent: ask the bank not to process it).
      const effect = updated && typeof updated.effect === 'string' && updated.effect;
      announce(effect || `Remessa ${record.fileName || ''} cancelada.`.replace('  ', ' '), 'success');
      onCancelled(merged);
    } catch (error) {
      current.busy = false;
      showError(error.detail || 'Não foi possível cancelar a remessa.');
      if (error.status === 401 && onUnauthorized) {
        onUnauthorized();
      }
      if (error.status === 409) {
        // The state changed (e.g. someone else cancelled it): a new attempt is a new request.
        current.key = uuid();
      }
    } finally {
      confirm.disabled = false;
      confirm.removeAttribute('aria-busy');
      confirm.textContent = 'Confirmar cancelamento';
    }
  });
}

/** Opens the confirmation for a remessa; focus returns to `opener` (or what it resolves to) on close. */
export function openCancel(record, opener) {
  current = { record, key: uuid(), busy: false };
  $('#cancel-file', dialog).textContent = record.fileName || record.id;
  const reason = $('#cancel-reason', dialog);
  reason.value = '';
  reason.setAttribute('aria-invalid', 'false');
  showError('');
  dialog.dataset.id = record.id || '';
  openDialog(dialog, { initialFocus: reason, returnFocus: opener });
}
