// "Importar arquivo": presigned upload with progress, then a short poll of the list until the new
// record shows up (the ingest runs on the storage event, a few seconds after the upload).

import { createUpload, listIntegrations, putFile } from './api.js';
import { $, announce, openDialog } from './dom.js';
import { formatBytes, kindLabel, statusLabel } from './format.js';

const POLL_DELAYS_MS = [800, 1000, 1000, 1500, 1500, 2000, 2000, 2000, 3000, 3000, 3000, 5000, 5000];

let dialog = null;
let callbacks = null;
let busy = false;

function el(selector) {
  return $(selector, dialog);
}

function setStatus(message) {
  el('#upload-status').textContent = message || '';
}

function setError(message) {
  const error = el('#upload-error');
  error.textContent = message || '';
  error.hidden = !message;
}

function setProgress(fraction) {
  const wrap = el('#upload-progress-wrap');
  const bar = el('#upload-progress');
  if (fraction === null) {
    wrap.hidden = true;
    return;
  }
  wrap.hidden = false;
  const percent = Math.round(fraction * 100);
  bar.value = percent;
  bar.setAttribute('aria-valuetext', `${percent}%`);
  el('#upload-percent').textContent = `${percent}%`;
}

function setBusy(value) {
  busy = value;
  const submit = el('[data-testid="upload-submit"]');
  submit.disabled = value;
  el('#upload-file').disabled = value;
  dialog.setAttribute('aria-busy', value ? 'true' : 'false');
}

const sleep = (ms) => new Promise((resolve) => window.setTimeout(resolve, ms));

/** Ids already listed for that file name (the poll below looks for one that is not). */
async function existingIds(fileName) {
  try {
    const page = await listIntegrations({ fileName }, null, { limit: 20 });
    return new Set(((page && page.items) || []).map((r) => r.id));
  } catch {
    return new Set();
  }
}

/** Polls the (unfiltered) list for a new record of that file name; resolves to it or null. */
async function waitForRecord(fileName, before) {
  for (const delay of POLL_DELAYS_MS) {
    await sleep(delay);
    let page;
    try {
      page = await listIntegrations({ fileName }, null, { limit: 20 });
    } catch (error) {
      if (error.status === 401) {
        throw error;
      }
      continue;
    }
    const found = ((page && page.items) || []).find((r) => r.fileName === fileName && !before.has(r.id));
    if (found) {
      return found;
    }
  }
  return null;
}

async function upload(file) {
  setBusy(true);
  setError('');
  setProgress(0);
  setStatus(`Enviando ${file.name} (${formatBytes(file.size)})…`);
  try {
    const before = await existingIds(file.name);
    let target;
    try {
      target = await createUpload(file.name, file.size);
    } catch (error) {
      if (error.notAvailable) {
        error.detail = 'A importação de arquivos ainda não está disponível neste servidor.';
      }
      throw error;
    }
    if (!target || !target.uploadUrl) {
      throw Object.assign(new Error(), { detail: 'O serviço não informou para onde enviar o arquivo.' });
    }
    await putFile(target, file, (fraction) => setProgress(fraction));
    setStatus('Arquivo enviado. Aguardando o processamento…');
    const record = await waitForRecord(file.name, before);
    if (record) {
      const message = `Arquivo ${record.fileName} importado: ${kindLabel(record)}, situação ${statusLabel(record.status, record.statusLabel)}.`;
      setStatus(message);
      announce(message, 'success');
      callbacks.onImported(record);
    } else {
      const message = 'O arquivo foi enviado, mas ainda não apareceu no histórico. Ele aparecerá assim que for processado; use "Tentar novamente" na lista em alguns instantes.';
      setStatus(message);
      announce(message, 'info');
      callbacks.onPending(file.name);
    }
    el('#upload-form').reset();
  } catch (error) {
    setProgress(null);
    setStatus('');
    setError(error.detail || 'Não foi possível importar o arquivo.');
    if (error.status === 401 && callbacks.onUnauthorized) {
      callbacks.onUnauthorized();
    }
  } finally {
    setBusy(false);
  }
}

/** `cbs`: { onImported(record), onPending(fileName), onUnauthorized() } */
export function setUpUpload(element, cbs) {
  dialog = element;
  callbacks = cbs;
  el('[data-testid="upload-close"]').addEventListener('click', () => dialog.close());
  el('#upload-file').addEventListener('change', () => {
    setError('');
    el('#upload-file').setAttribute('aria-invalid', 'false');
  });
  el('#upload-form').addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) {
      return;
    }
    const input = el('#upload-file');
    const file = input.files && input.files[0];
    if (!file) {
      input.setAttribute('aria-invalid', 'true');
      setError('Escolha um arquivo para importar.');
      input.focus();
      return;
    }
    upload(file);
  });
}

export function openUpload(opener) {
  if (!busy) {
    el('#upload-form').reset();
    setError('');
    setStatus('');
    setProgress(null);
  }
  openDialog(dialog, { initialFocus: busy ? '[data-testid="upload-close"]' : '#upload-file', returnFocus: opener });
}
