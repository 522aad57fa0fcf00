// The banks' names, from GET /banks (the CNAB engine's bank catalogue, the only place a bank is added):
// fetched once per page load and kept. While the list is unavailable (not signed in yet, the call failed),
// a bank shows as its code alone; a failed call is tried again on the next load of the list.

import { listBanks } from './api.js';

let names = new Map();
let loaded = null;

/** Resolves to the catalogue's `code -> name` map (empty when unavailable); calls the API at most once per load. */
export function loadBanks() {
  if (!loaded) {
    loaded = listBanks()
      .then((body) => {
        const banks = (body && Array.isArray(body.banks)) ? body.banks : [];
        names = new Map(banks.filter((b) => b && b.code).map((b) => [b.code, b.name || '']));
        return names;
      })
      .catch(() => {
        loaded = null;
        return names;
      });
  }
  return loaded;
}

/** The bank's name from the catalogue, or '' when unknown or not loaded. */
export function bankName(code) {
  return (code && names.get(code)) || '';
}

/** Every bank of the catalogue as `[code, name]`, by code (empty until loaded). */
export function catalogBanks() {
  return Array.from(names.entries()).sort((a, b) => a[0].localeCompare(b[0]));
}
