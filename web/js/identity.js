// Who the page speaks for. Locally: the identity bar mints a token at the local stack's /local/token.
// Deployed: a Cognito ID token from the hosted UI (implicit flow, `#id_token=...` in the URL fragment).
// The token lives in sessionStorage (this tab only) and is sent as `Authorization: Bearer <token>`.

import { localTokenUrl, loginUrl, logoutUrl } from '../config.js';
import { $, h } from './dom.js';

const TOKEN_KEY = 'bankHistory.token';
const SELECTION_KEY = 'bankHistory.localSelection';
const SIGNED_OUT_KEY = 'bankHistory.signedOut';

export const LOCAL_TENANTS = [
  ['acme', 'acme'],
  ['globex', 'globex'],
];
export const LOCAL_USERS = [
  ['ana', 'Ana Souza'],
  ['bruno', 'Bruno Lima'],
  ['carla', 'Carla Dias'],
];
export const LOCAL_ROLES = [
  ['admin', 'Administrador'],
  ['user', 'Usuário'],
];
const DEFAULT_SELECTION = { tenant: 'acme', user: 'ana', role: 'admin' };

/** 'local' (local stack), 'remote' (Cognito) or 'unknown' before init. */
let mode = 'unknown';
let current = null; // { token, tenant, userId, name, admin, expiresAt }
const listeners = new Set();

function storage() {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

function read(key) {
  const s = storage();
  return s ? s.getItem(key) : null;
}

function write(key, value) {
  const s = storage();
  if (!s) {
    return;
  }
  if (value === null || value === undefined) {
    s.removeItem(key);
  } else {
    s.setItem(key, value);
  }
}

/** The claims of a JWT (not verified: the API verifies it), or null. */
export function decodeJwt(token) {
  try {
    const payload = token.split('.')[1];
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '=');
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return null;
  }
}

function identityFromToken(token, fallback = {}) {
  const claims = decodeJwt(token) || {};
  const groups = claims['cognito:groups'] || [];
  return {
    token,
    tenant: fallback.tenant || claims['custom:tenant_id'] || '',
    userId: fallback.user || claims.sub || '',
    name: fallback.name || claims.name || claims.email || claims['cognito:username'] || '',
    admin: fallback.role ? fallback.role === 'admin' : Array.isArray(groups) && groups.includes('admin'),
    expiresAt: typeof claims.exp === 'number' ? claims.exp * 1000 : null,
  };
}

function isExpired(identity) {
  return identity && identity.expiresAt !== null && identity.expiresAt <= Date.now() + 5000;
}

/** The bearer token to send, or null when there is no valid identity. */
export function getToken() {
  if (!current || isExpired(current)) {
    return null;
  }
  return current.token;
}

export function getIdentity() {
  return current;
}

export function getMode() {
  return mode;
}

/** Calls `listener(identity|null)` whenever the identity changes. */
export function onIdentityChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function setIdentity(identity) {
  current = identity;
  write(TOKEN_KEY, identity ? identity.token : null);
  render();
  for (const listener of listeners) {
    listener(identity);
  }
}

/** The API said 401: the token is gone or expired. */
export function forgetToken() {
  current = null;
  write(TOKEN_KEY, null);
  render();
}

// ---- local stack -------------------------------------------------------------------------------

function selection() {
  try {
    const saved = JSON.parse(read(SELECTION_KEY) || 'null');
    if (saved && saved.tenant && saved.user && saved.role) {
      return saved;
    }
  } catch {
    // ignore a damaged value
  }
  return { ...DEFAULT_SELECTION };
}

function userName(userId) {
  const found = LOCAL_USERS.find(([id]) => id === userId);
  return found ? found[1] : userId;
}

/**
 * Mints a token at the local stack. Resolves to the identity, or null when there is no local stack
 * (404 or anything that is not a token: the page is deployed).
 */
async function mintLocal(sel) {
  if (!localTokenUrl) {
    return null;
  }
  const params = new URLSearchParams({ tenant: sel.tenant, user: sel.user, name: userName(sel.user), role: sel.role });
  let response;
  try {
    response = await fetch(`${localTokenUrl}?${params}`, { headers: { Accept: 'application/json' }, cache: 'no-store' });
  } catch {
    return null;
  }
  if (!response.ok || !(response.headers.get('content-type') || '').includes('json')) {
    return null;
  }
  let body;
  try {
    body = await response.json();
  } catch {
    return null;
  }
  if (!body || typeof body.token !== 'string' || !body.token) {
    return null;
  }
  const id = body.identity || {};
  return identityFromToken(body.token, {
    tenant: id.tenant || sel.tenant,
    user: id.user || sel.user,
    name: id.name || userName(sel.user),
    role: id.role || sel.role,
  });
}

// ---- deployed (Cognito hosted UI, implicit flow) ------------------------------------------------

/** Reads `#id_token=...` (or an `#error=...`) from the fragment and removes it from the address bar. */
function takeTokenFromFragment() {
  const hash = window.location.hash.replace(/^#/, '');
  if (!hash) {
    return { token: null, error: null };
  }
  const params = new URLSearchParams(hash);
  const token = params.get('id_token');
  const error = params.get('error_description') || params.get('error');
  if (token || error) {
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return { token, error };
}

// ---- the identity bar ------------------------------------------------------------------------------

let bar = null;

function fillSelect(select, options, value) {
  select.replaceChildren(...options.map(([v, label]) => h('option', { value: v, selected: v === value }, label)));
}

function render() {
  if (!bar) {
    return;
  }
  const form = $('#identity-form', bar);
  const login = $('#identity-login', bar);
  const logout = $('#identity-logout', bar);
  const who = $('#identity-current', bar);
  bar.dataset.mode = mode;
  form.hidden = mode !== 'local';
  const signedIn = Boolean(getToken());
  bar.dataset.signedIn = String(signedIn);
  $('[data-testid="identity-apply"]', bar).textContent = signedIn ? 'Trocar usuário' : 'Entrar';
  logout.hidden = !signedIn;
  login.hidden = mode !== 'remote' || signedIn || !loginUrl;
  if (mode === 'remote' && loginUrl) {
    login.href = loginUrl;
  }
  if (signedIn) {
    const role = current.admin ? 'Administrador' : 'Usuário';
    const tenant = current.tenant ? ` · ${current.tenant}` : '';
    who.textContent = `${current.name || current.userId} (${role})${tenant}`;
  } else if (mode === 'remote' && !loginUrl) {
    who.textContent = 'Sem identidade: configure loginUrl em config.js.';
  } else {
    who.textContent = 'Não conectado';
  }
}

/** Focuses the first control a user needs to (re)gain an identity. */
export function focusIdentity() {
  if (!bar) {
    return;
  }
  const target = mode === 'local' ? $('#identity-user', bar) : $('#identity-login', bar);
  if (target && !target.hidden) {
    target.focus();
  }
}

/**
 * Sets the identity bar up and finds the identity: the local stack when it answers, otherwise the
 * fragment or sessionStorage token. Resolves to { identity, error }.
 */
export async function initIdentity(barElement) {
  bar = barElement;
  const form = $('#identity-form', bar);
  const sel = selection();
  fillSelect($('#identity-tenant', bar), LOCAL_TENANTS, sel.tenant);
  fillSelect($('#identity-user', bar), LOCAL_USERS, sel.user);
  fillSelect($('#identity-role', bar), LOCAL_ROLES, sel.role);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = {
      tenant: $('#identity-tenant', bar).value,
      user: $('#identity-user', bar).value,
      role: $('#identity-role', bar).value,
    };
    write(SELECTION_KEY, JSON.stringify(chosen));
    write(SIGNED_OUT_KEY, null);
    const identity = await mintLocal(chosen);
    setIdentity(identity);
  });

  $('#identity-logout', bar).addEventListener('click', () => {
    write(SIGNED_OUT_KEY, '1');
    setIdentity(null);
    if (mode === 'remote' && logoutUrl) {
      window.location.href = logoutUrl;
    } else {
      focusIdentity();
    }
  });

  const fragment = takeTokenFromFragment();
  if (fragment.token) {
    write(TOKEN_KEY, fragment.token);
    write(SIGNED_OUT_KEY, null);
  }

  const signedOut = read(SIGNED_OUT_KEY) === '1';
  const local = await mintLocal(sel);
  if (local) {
    mode = 'local';
    current = signedOut ? null : local;
  } else {
    mode = 'remote';
    const stored = read(TOKEN_KEY);
    const identity = stored ? identityFromToken(stored) : null;
    current = identity && !isExpired(identity) ? identity : null;
  }
  write(TOKEN_KEY, current ? current.token : null);
  render();
  return { identity: current, error: fragment.error };
}
