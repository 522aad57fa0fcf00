// The HTTP API client. Every call sends the bearer token; every failure becomes an ApiError whose
// `detail` is the pt-BR text to show (the problem's detail, or a generic text by status).

import { apiBaseUrl, pageSize } from '../config.js';
import { forgetToken, getToken } from './identity.js';

const GENERIC_DETAILS = {
  400: 'A requisição não é válida.',
  401: 'Sessão expirada ou ausente. Escolha um usuário.',
  403: 'Você não tem permissão para esta ação.',
  404: 'O recurso pedido não foi encontrado.',
  409: 'A operação não é permitida no estado atual do arquivo.',
  413: 'O arquivo é grande demais.',
  429: 'Muitas requisições seguidas. Tente novamente em instantes.',
};

export class ApiError extends Error {
  constructor(status, title, detail, problem = null) {
    super(detail);
    this.name = 'ApiError';
    this.status = status; // 0 for network failures
    this.title = title;
    this.detail = detail;
    this.problem = problem;
  }

  /** The route exists in the contract but is not built on this server yet. */
  get notAvailable() {
    return this.status === 404 || this.status === 501;
  }
}

function genericDetail(status) {
  if (GENERIC_DETAILS[status]) {
    return GENERIC_DETAILS[status];
  }
  if (status >= 500) {
    return 'O serviço está indisponível no momento. Tente novamente em instantes.';
  }
  return `Falha inesperada (HTTP ${status}).`;
}

function url(path, query) {
  const base = apiBaseUrl.replace(/\/+$/, '');
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query || {})) {
    if (value !== undefined && value !== null && value !== '') {
      params.set(name, String(value));
    }
  }
  const search = params.toString();
  return `${base}${path}${search ? `?${search}` : ''}`;
}

async function errorFrom(response) {
  let problem = null;
  try {
    const type = response.headers.get('content-type') || '';
    if (type.includes('json')) {
      problem = await response.json();
    }
  } catch {
    problem = null;
  }
  const status = response.status;
  // 401 always reads the same to users, whatever the gateway or the function said.
  const detail = status === 401
    ? GENERIC_DETAILS[401]
    : (problem && typeof problem.detail === 'string' && problem.detail) || genericDetail(status);
  const title = (problem && typeof problem.title === 'string' && problem.title) || '';
  return new ApiError(status, title, detail, problem);
}

/**
 * One API call. Resolves to the parsed JSON body (or null for an empty body); rejects with ApiError.
 * `signal` aborts it (the AbortError is passed through untouched).
 */
export async function request(path, { method = 'GET', query, body, headers = {}, signal } = {}) {
  const token = getToken();
  if (!token) {
    throw new ApiError(401, '', GENERIC_DETAILS[401]);
  }
  const init = {
    method,
    signal,
    cache: 'no-store',
    headers: { Accept: 'application/json', Authorization: `Bearer ${token}`, ...headers },
  };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(url(path, query), init);
  } catch (error) {
    if (error && error.name === 'AbortError') {
      throw error;
    }
    throw new ApiError(0, '', 'Não foi possível conectar ao serviço. Verifique sua conexão e tente novamente.');
  }
  if (!response.ok) {
    const error = await errorFrom(response);
    if (error.status === 401) {
      forgetToken();
    }
    throw error;
  }
  if (response.status === 204) {
    return null;
  }
  const text = await response.text();
  if (!text) {
    return null;
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(response.status, '', 'O serviço respondeu em um formato inesperado.');
  }
}

const id = (value) => encodeURIComponent(value);

/** `GET /integrations` with the filters (only the ones set are sent). */
export function listIntegrations(filters = {}, cursor = null, { signal, limit = pageSize } = {}) {
  return request('/integrations', { query: { limit, cursor, ...filters }, signal });
}

/** `GET /banks`: the banks the service knows. */
export function listBanks({ signal } = {}) {
  return request('/banks', { signal });
}

export function getIntegration(integrationId, { signal } = {}) {
  return request(`/integrations/${id(integrationId)}`, { signal });
}

export function listItems(integrationId, cursor = null, { signal, limit = 100 } = {}) {
  return request(`/integrations/${id(integrationId)}/items`, { query: { limit, cursor }, signal });
}

/**
 * `POST /integrations/{id}/{route}` with `{"reason"}` and an `Idempotency-Key`: the record actions that
 * take a reason (`cancel`; `release` and `discard` when the service offers them). Resolves to the record
 * as it is now.
 */
export function recordAction(integrationId, route, reason, idempotencyKey) {
  return request(`/integrations/${id(integrationId)}/${route}`, {
    method: 'POST',
    body: { reason },
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

/** `POST /integrations/{id}/cancel` of a remessa at the bank, the user saying the bank was told. */
export function cancelAtBank(integrationId, reason, idempotencyKey) {
  return request(`/integrations/${id(integrationId)}/cancel`, {
    method: 'POST',
    body: { reason, bankNotified: true },
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

/**
 * `POST /integrations/{id}/{route}` without a body, with an `Idempotency-Key`: the record actions that only
 * ask for a confirmation (`reprocess`, administrators only; `approve`, approvers). Resolves to the record as it
 * is now.
 */
export function confirmedAction(integrationId, route, idempotencyKey) {
  return request(`/integrations/${id(integrationId)}/${route}`, {
    method: 'POST',
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

/** `GET /approvals`: `{items: [record...]}`, the remessas waiting for the caller's approval. */
export function listApprovals({ signal } = {}) {
  return request('/approvals', { signal });
}

/** `GET /instructions?status=` a page at a time: `{items: [instruction...], nextCursor}`. */
export function listInstructions(status, cursor = null, { signal, limit = pageSize } = {}) {
  return request('/instructions', { query: { status, limit, cursor }, signal });
}

/** `POST /instructions/{id}/cancel` with `{"reason"}` and an `Idempotency-Key`: the instruction, cancelled. */
export function cancelInstruction(instructionId, reason, idempotencyKey) {
  return request(`/instructions/${id(instructionId)}/cancel`, {
    method: 'POST',
    body: { reason },
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

/** `GET /settings/accounts`: `{accounts: [{bankCode, agency, account, agreement, companyDocument, nextSequenceNumber}]}`. */
export function getAccountSettings({ signal } = {}) {
  return request('/settings/accounts', { signal });
}

/** `PUT /settings/accounts` with the whole list; resolves to the accounts as saved. */
export function putAccountSettings(accounts, idempotencyKey) {
  return request('/settings/accounts', {
    method: 'PUT',
    body: { accounts },
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

/** `GET /settings/notifications`: `{recipients: [email...]}`. */
export function getNotificationSettings({ signal } = {}) {
  return request('/settings/notifications', { signal });
}

/** `PUT /settings/notifications` with the whole list; resolves to the recipients as saved. */
export function putNotificationSettings(recipients, idempotencyKey) {
  return request('/settings/notifications', {
    method: 'PUT',
    body: { recipients },
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

/** `{url}` of the original TXT (`Accept: application/json` asks for JSON instead of the 302). */
export async function fileLink(integrationId) {
  return link(`/integrations/${id(integrationId)}/file`);
}

/** `{url}` of the statement PDF. */
export async function statementLink(integrationId) {
  return link(`/integrations/${id(integrationId)}/statement`);
}

async function link(path) {
  const body = await request(path);
  if (!body || typeof body.url !== 'string' || !body.url) {
    throw new ApiError(200, '', 'O serviço não informou o endereço do arquivo.');
  }
  return body.url;
}

/** `POST /uploads`: `{uploadUrl, method, headers}` for a presigned PUT. */
export function createUpload(fileName, sizeBytes) {
  return request('/uploads', { method: 'POST', body: { fileName, sizeBytes } });
}

/**
 * PUTs the file to the presigned URL with exactly the headers the API gave (XMLHttpRequest, for
 * progress). `onProgress(fraction)`; resolves when stored; rejects with ApiError.
 */
export function putFile(upload, file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(upload.method || 'PUT', upload.uploadUrl);
    for (const [name, value] of Object.entries(upload.headers || {})) {
      // The browser sets these itself and refuses them from scripts.
      if (!/^(host|content-length)$/i.test(name)) {
        xhr.setRequestHeader(name, value);
      }
    }
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable && onProgress) {
        onProgress(event.loaded / event.total);
      }
    });
    xhr.addEventListener('load', () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        if (onProgress) {
          onProgress(1);
        }
        resolve();
      } else {
        reject(new ApiError(xhr.status, '', `O armazenamento recusou o arquivo (HTTP ${xhr.status}).`));
      }
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, '', 'Não foi possível enviar o arquivo. Verifique sua conexão e tente novamente.')));
    xhr.addEventListener('abort', () => reject(new ApiError(0, '', 'Envio cancelado.')));
    xhr.send(file);
  });
}
