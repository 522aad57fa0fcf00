// The page's address: the filters in the query string (`?kind=RETORNO_COBRANCA&from=2026-11-01`, the
// API's own parameters) and, in the fragment, an open record (`#/integrations/{id}`, as the links in the
// admin emails have it) or another screen than the history (`#/configuracoes`, `#/aprovacoes`,
// `#/instrucoes`). Each filter change, each record opened and each screen are history entries, so Back and
// Forward walk through them, and any view can be shared by its address.
//
// Every entry the page pushes carries `depth` in its history state: how many record entries lead to it
// from the list entry below them. Closing the panel goes back that many, so the list is where it was.

const RECORD = /^#\/integrations\/([^/?#]+)\/?$/;

/** The screens other than the history, by the fragment of their address. */
const SCREENS = { settings: 'configuracoes', approvals: 'aprovacoes', instructions: 'instrucoes' };

function screenOf(hash) {
  const name = Object.keys(SCREENS).find((key) => new RegExp(`^#/${SCREENS[key]}/?$`).test(hash));
  return name || 'history';
}

/**
 * `{filters, recordId, view}` of the current address; `names` are the filter parameters. `view` is
 * `history`, `settings`, `approvals` or `instructions` (`history` under a record's address).
 */
export function currentRoute(names) {
  const params = new URLSearchParams(window.location.search);
  const filters = {};
  for (const name of names) {
    const value = (params.get(name) || '').trim();
    if (value) {
      filters[name] = value;
    }
  }
  const match = RECORD.exec(window.location.hash);
  let recordId = null;
  if (match) {
    try {
      recordId = decodeURIComponent(match[1]);
    } catch {
      recordId = null;
    }
  }
  return { filters, recordId, view: screenOf(window.location.hash) };
}

/** The address of a view: the path, the filters, and the record or another screen. */
export function routeHref({ filters = {}, recordId = null, view = 'history' }) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) {
    if (value) {
      params.set(name, value);
    }
  }
  const search = params.toString();
  let fragment = '';
  if (recordId) {
    fragment = `#/integrations/${encodeURIComponent(recordId)}`;
  } else if (SCREENS[view]) {
    fragment = `#/${SCREENS[view]}`;
  }
  return `${window.location.pathname}${search ? `?${search}` : ''}${fragment}`;
}

function depth() {
  const state = window.history.state;
  return state && Number.isInteger(state.depth) ? state.depth : 0;
}

/** A new entry for the list with these filters. */
export function pushList(filters) {
  window.history.pushState({ depth: 0 }, '', routeHref({ filters }));
}

/** The current entry, with these filters (the same view, said differently: no new entry). */
export function replaceList(filters) {
  window.history.replaceState({ depth: 0 }, '', routeHref({ filters }));
}

/** A new entry for another screen (the filters stay in the address, for the way back). */
export function pushView(filters, view) {
  window.history.pushState({ depth: 0 }, '', routeHref({ filters, view }));
}

/** A new entry for a record opened from the current view (its filters stay in the address). */
export function pushRecord(filters, recordId) {
  window.history.pushState({ depth: depth() + 1 }, '', routeHref({ filters, recordId }));
}

/**
 * Leaves the record for the list: back to the entry the record was opened from when the page pushed it,
 * else (the page was opened at the record's address) the same entry without the record.
 */
export function leaveRecord(filters) {
  const steps = depth();
  if (steps > 0) {
    window.history.go(-steps);
  } else {
    replaceList(filters);
  }
}

/** Calls `listener()` whenever the address changes by Back, Forward or an edited fragment. */
export function onRouteChange(listener) {
  window.addEventListener('popstate', listener);
  window.addEventListener('hashchange', listener);
}
