// "Instruções pendentes" (`#/instrucoes`): the company's instructions (`GET /instructions`), the titles and
// payments left for the scheduled remessa of their account. One status at a time (pendentes first), a page at
// a time ("Carregar mais" follows `nextCursor`), grouped by bank account and filterable by it. Each card is
// instruction-card.js; "Cancelar" (with a reason, `POST /instructions/{id}/cancel`) is offered when the API
// says the caller may (`cancellable`: its creator or an administrator, while it is pending).

import { cancelInstruction, listInstructions } from './api.js';
import { loadBanks } from './banks.js';
import { $, freshController, h, icon } from './dom.js';
import { INSTRUCTION_STATUSES, plural } from './format.js';
import { accountOf, instructionCard, instructionName } from './instruction-card.js';
import { openReasonDialog } from './reason-dialog.js';

const CANCEL = {
  id: 'cancel-instruction',
  dialog: {
    send: cancelInstruction,
    title: 'Cancelar esta instrução',
    description: 'A instrução do {file} será cancelada: não entra na próxima remessa programada da conta. O '
      + 'cancelamento fica registrado com seu nome, a data e o motivo.',
    reasonLabel: 'Motivo do cancelamento',
    confirm: 'Confirmar cancelamento',
    busy: 'Cancelando…',
    tone: 'danger',
    statusAfter: 'CANCELLED',
    done: 'Instrução do {file} cancelada.',
  },
};

let root = null;
let handlers = null;
const state = { status: 'PENDING', account: '', items: [], nextCursor: null, controller: null, phase: 'idle' };

function el(selector) {
  return $(selector, root);
}

/** `cbs`: `{hrefFor(id), onOpen(record, opener), onUnauthorized()}`. */
export function setUpInstructions(element, cbs) {
  root = element;
  handlers = cbs;
  const status = el('[data-testid="instructions-status"]');
  status.replaceChildren(...Object.entries(INSTRUCTION_STATUSES).map(([code, s]) => h('option', { value: code }, s.filter)));
  status.value = state.status;
  status.addEventListener('change', () => {
    state.status = status.value;
    load();
  });
  el('[data-testid="instructions-account"]').addEventListener('change', (event) => {
    state.account = event.target.value;
    render();
  });
  el('[data-testid="instructions-load-more"]').addEventListener('click', () => load({ more: true }));
  el('#instructions-filters').addEventListener('submit', (event) => event.preventDefault());
}

/** The screen comes on: reads the instructions of the status chosen (the banks' names, once, for the accounts). */
export function showInstructions() {
  load();
  loadBanks().then((banks) => {
    if (banks.size) {
      render();
    }
  });
}

export function hideInstructions() {
  if (state.controller) {
    state.controller.abort();
    state.controller = null;
  }
}

async function load({ more = false } = {}) {
  const controller = freshController(state);
  if (!more) {
    state.items = [];
    state.nextCursor = null;
  }
  state.phase = more ? 'loading-more' : 'loading';
  render();
  try {
    const page = await listInstructions(state.status, more ? state.nextCursor : null, { signal: controller.signal });
    if (state.controller !== controller) {
      return;
    }
    const known = new Set(state.items.map((i) => i.id));
    state.items = state.items.concat(((page && page.items) || []).filter((i) => !known.has(i.id)));
    state.nextCursor = (page && page.nextCursor) || null;
    state.phase = 'ready';
  } catch (error) {
    if (error.name === 'AbortError' || state.controller !== controller) {
      return;
    }
    state.phase = error.status === 401 ? 'unauthorized' : 'error';
    state.error = error.detail || 'Não foi possível carregar as instruções.';
    if (error.status === 401) {
      handlers.onUnauthorized();
    }
  }
  if (state.controller === controller) {
    state.controller = null;
  }
  render();
}

/** The accounts among the loaded instructions, in the account filter ("Todas" first). */
function renderAccounts(groups) {
  const select = el('[data-testid="instructions-account"]');
  const options = [['', 'Todas'], ...Array.from(groups, ([key, group]) => [key, group.label])];
  select.replaceChildren(...options.map(([value, label]) => h('option', { value }, label)));
  state.account = groups.has(state.account) ? state.account : '';
  select.value = state.account;
}

function stateBox() {
  const box = el('[data-testid="instructions-state"]');
  const shown = state.items.length > 0;
  const phase = state.phase === 'ready' && !shown ? 'empty' : state.phase;
  box.dataset.state = phase;
  box.className = `list-state list-state--${phase}`;
  box.hidden = phase === 'ready' || phase === 'loading-more';
  const message = {
    loading: 'Carregando…',
    empty: `Nenhuma instrução ${INSTRUCTION_STATUSES[state.status].label.toLowerCase()} nesta empresa.`,
    error: state.error,
    unauthorized: 'Sessão expirada ou ausente. Escolha um usuário.',
  }[phase] || '';
  box.replaceChildren(...[
    phase === 'loading' ? h('span', { class: 'spinner', 'aria-hidden': 'true' }) : null,
    message ? h('span', { 'data-testid': 'instructions-state-message' }, message) : null,
    phase === 'error' ? h('button', { type: 'button', class: 'btn btn--small', on: { click: () => load() } }, icon('refresh'), 'Tentar novamente') : null,
  ].filter(Boolean));
}

function render() {
  const groups = new Map();
  for (const instruction of state.items) {
    const account = accountOf(instruction);
    if (!groups.has(account.key)) {
      groups.set(account.key, { label: account.label, items: [] });
    }
    groups.get(account.key).items.push(instruction);
  }
  renderAccounts(groups);
  stateBox();
  const list = el('[data-testid="instructions-groups"]');
  list.setAttribute('aria-busy', state.phase === 'loading' || state.phase === 'loading-more' ? 'true' : 'false');
  list.replaceChildren(...Array.from(groups).filter(([key]) => !state.account || key === state.account)
    .map(([key, group], index) => h('section', {
      class: 'instructions-group', 'aria-labelledby': `instructions-group-${index}`, 'data-testid': 'instructions-group', dataset: { account: key },
    },
    h('h2', { id: `instructions-group-${index}`, class: 'panel__title instructions-group__title' }, group.label,
      h('span', { class: 'instructions-group__count' }, ` · ${plural(group.items.length, 'instrução', 'instruções')}`)),
    h('ul', { class: 'record-list' }, group.items.map((i) => instructionCard(i, handlers, cancel))))));
  const visible = state.items.filter((i) => !state.account || accountOf(i).key === state.account).length;
  el('[data-testid="instructions-count"]').textContent = state.phase === 'ready' || state.phase === 'loading-more'
    ? `${visible ? plural(visible, 'instrução', 'instruções') : 'Nenhuma instrução'}${state.nextCursor ? ' · há mais para carregar' : ''}`
    : '';
  const more = el('[data-testid="instructions-load-more"]');
  more.hidden = !(state.nextCursor && (state.phase === 'ready' || state.phase === 'loading-more'));
  more.disabled = state.phase === 'loading-more';
  more.textContent = state.phase === 'loading-more' ? 'Carregando…' : 'Carregar mais';
}

/** "Cancelar": the reason dialog; the cancelled instruction leaves a list of another status. */
function cancel(instruction) {
  const id = instruction.id;
  openReasonDialog(CANCEL, { id, fileName: instructionName(instruction) },
    () => el(`[data-testid="instruction-row"][data-id="${CSS.escape(id)}"] [data-testid="instruction-cancel"]`)
      || el('#instructions-title'),
    {
      onDone: (updated) => {
        state.items = state.items.flatMap((i) => {
          if (i.id !== id) {
            return [i];
          }
          return updated.status === state.status ? [{ ...i, ...updated }] : [];
        });
        render();
      },
      onConflict: () => load(),
    });
}

