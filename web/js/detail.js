// The detail panel (a modal side drawer): the record's summary, its approval (approval-block.js), totals by
// category, findings, status history and its titles/payments with reconciliation. It opens from a row, from
// another record's link or from the record's own address (`#/integrations/{id}`, the link in the admin
// emails): then it starts from the id alone and fills in from the API. A record the API does not know for
// this company (404) says so.

import { actionsFor } from './actions.js';
import { getIntegration, listItems } from './api.js';
import { approvalSection } from './approval-block.js';
import { $, clear, h, icon, openDialog, scrollRegion } from './dom.js';
import {
  CATEGORY_LABELS, EMPTY, SEVERITY_LABELS, accountLabel, bankLabel, categoryLabel, duplicateOf, findingsSummary,
  formatDate, formatDateTime, formatInteger, formatMoney, hasFigures, isExtrato, isRemessa, isRetorno, kindLabel,
  layoutAndService, originLabel, userLabel,
} from './format.js';
import { hasValue, statusBadge } from './table.js';

let dialog = null;
let handlers = null;
let view = null; // { record, detail, items, itemsCursor, controller }

/**
 * `actions`: { run(action, record, opener) (an entry of actions.js), onNavigate(id) (open another record),
 * hrefFor(id) (its address), nameOf(id) (its file name when the list has it, else ''), onUnauthorized() }
 */
export function setUpDetail(element, actions) {
  dialog = element;
  handlers = actions;
  $('[data-testid="detail-close"]', dialog).addEventListener('click', () => dialog.close());
  // A click on the backdrop (outside the panel) closes it.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) {
      dialog.close();
    }
  });
  dialog.addEventListener('close', () => {
    if (view && view.controller) {
      view.controller.abort();
    }
    view = null;
  });
}

export function isDetailOpenFor(id) {
  return Boolean(dialog && dialog.open && view && view.record.id === id);
}

/** Shows an updated record (e.g. after a cancel) if the panel shows it; `itemsChanged` reads its items again. */
export function refreshDetail(record, { itemsChanged = false } = {}) {
  if (!isDetailOpenFor(record.id)) {
    return;
  }
  view.record = { ...view.record, ...record };
  if (view.detail) {
    view.detail = { ...view.detail, ...record };
  }
  load(view.record, { keepItems: !itemsChanged });
}

/** Opens the panel for a list record (`record.id` is required; the rest fills in from the API). */
export function openDetail(record, opener) {
  if (view && view.controller) {
    view.controller.abort();
  }
  const wasOpen = dialog.open;
  if (!wasOpen) {
    openDialog(dialog, { initialFocus: '[data-testid="detail-close"]', returnFocus: opener });
  }
  load(record, { keepItems: false });
  $('.drawer__body', dialog).scrollTop = 0;
}

function load(record, { keepItems }) {
  const controller = new AbortController();
  const previous = view;
  view = {
    record,
    detail: null,
    detailState: 'loading',
    detailError: '',
    items: keepItems && previous ? previous.items : [],
    itemsCursor: keepItems && previous ? previous.itemsCursor : null,
    itemsState: keepItems && previous ? previous.itemsState : 'loading',
    itemsError: '',
    controller,
  };
  render();
  fetchDetail(controller);
  if (!keepItems) {
    fetchItems(controller, null);
  }
}

async function fetchDetail(controller) {
  const current = view;
  try {
    const detail = await getIntegration(current.record.id, { signal: controller.signal });
    if (view !== current) {
      return;
    }
    current.detail = detail || {};
    current.record = { ...current.record, ...current.detail };
    current.detailState = 'ready';
  } catch (error) {
    if (error.name === 'AbortError' || view !== current) {
      return;
    }
    current.detailState = { 404: 'not-found', 501: 'unavailable' }[error.status] || 'error';
    current.detailError = error.detail || 'Não foi possível carregar os detalhes.';
    if (error.status === 401 && handlers.onUnauthorized) {
      handlers.onUnauthorized();
    }
  }
  render();
}

async function fetchItems(controller, cursor, { refocus = false } = {}) {
  const current = view;
  current.itemsState = 'loading';
  renderItems();
  try {
    const page = await listItems(current.record.id, cursor, { signal: controller.signal });
    if (view !== current) {
      return;
    }
    current.items = current.items.concat((page && page.items) || []);
    current.itemsCursor = (page && page.nextCursor) || null;
    current.itemsState = 'ready';
  } catch (error) {
    if (error.name === 'AbortError' || view !== current) {
      return;
    }
    current.itemsState = { 404: 'not-found', 501: 'unavailable' }[error.status] || 'error';
    current.itemsError = error.detail || 'Não foi possível carregar os itens.';
  }
  renderItems();
  if (refocus) {
    // The button was re-rendered: keep keyboard users where they were.
    const next = $('[data-testid="detail-items-load-more"]', dialog) || $('[data-testid="detail-items-table"] tbody tr:last-child td', dialog);
    if (next) {
      if (next.tagName !== 'BUTTON') {
        next.tabIndex = -1;
      }
      next.focus();
    }
  }
}

// ---- rendering ------------------------------------------------------------------------------------

function render() {
  const { record } = view;
  const notFound = view.detailState === 'not-found';
  const known = Boolean(record.fileName || record.kind);
  $('#detail-kind', dialog).textContent = known ? kindLabel(record) : '';
  $('#detail-title', dialog).textContent = record.fileName
    || (view.detailState === 'loading' ? 'Carregando…' : (notFound ? 'Arquivo não encontrado' : '(sem nome)'));
  dialog.dataset.id = record.id || '';
  dialog.dataset.state = view.detailState;
  dialog.setAttribute('aria-busy', view.detailState === 'loading' ? 'true' : 'false');
  const body = $('.drawer__body', dialog);
  const scroll = body.scrollTop;
  // an action's button keeps the focus through the re-render (after "Reprocessar", say)
  const focused = body.contains(document.activeElement) ? document.activeElement.getAttribute('data-testid') : null;
  clear(body);
  if (notFound && !known) {
    body.append(note());
    return;
  }
  const ready = view.detailState === 'ready';
  body.append(...[
    known ? actionsBar(record) : null,
    note(),
    ready ? duplicateNote(view.detail) : null,
    known ? summary(record) : null,
    ready ? approvalSection(record, (action, opener) => handlers.run(action, view.record, opener)) : null,
    ready ? totalsSection(view.detail) : null,
    ready ? findingsSection(view.detail) : null,
    ready ? historySection(view.detail) : null,
    known ? h('section', { class: 'detail-section', 'aria-labelledby': 'detail-items-title', 'data-testid': 'detail-items' },
      h('h3', { id: 'detail-items-title' }, isExtrato(record) ? 'Lançamentos'
        : (isRetorno(record) ? 'Títulos e pagamentos (conciliação)' : 'Títulos e pagamentos')),
      h('div', { id: 'detail-items-body' })) : null,
  ].filter(Boolean));
  renderItems();
  body.scrollTop = scroll;
  const again = focused && $(`[data-testid="${CSS.escape(focused)}"]`, body);
  if (again) {
    again.focus();
  }
}

function note() {
  if (view.detailState === 'loading') {
    return h('p', { class: 'note', role: 'status', 'data-testid': 'detail-loading' }, 'Carregando os detalhes…');
  }
  if (view.detailState === 'not-found') {
    return h('p', { class: 'note note--info', role: 'status', 'data-testid': 'detail-not-found' }, icon('info'),
      h('span', {}, 'Este arquivo não foi encontrado no histórico desta empresa. Confira a empresa escolhida '
        + 'ou o endereço recebido.'));
  }
  if (view.detailState === 'unavailable') {
    return h('p', { class: 'note note--info', 'data-testid': 'detail-note' }, icon('info'),
      h('span', {}, 'Os detalhes completos (totais por categoria, inconsistências e histórico de situação) ainda não estão disponíveis neste servidor. Abaixo, os dados da listagem.'));
  }
  if (view.detailState === 'error') {
    return h('div', { class: 'note note--error', role: 'alert', 'data-testid': 'detail-error' }, icon('alert'),
      h('span', {}, view.detailError),
      h('button', { type: 'button', class: 'btn btn--small', on: { click: () => load(view.record, { keepItems: true }) } }, 'Tentar novamente'));
  }
  return null;
}

/** A duplicate says which file it repeats, with a link to it. */
function duplicateNote(detail) {
  const first = detail.status === 'DUPLICATE' || detail.status === 'POSSIBLE_DUPLICATE' ? duplicateOf(detail) : null;
  if (!first) {
    return null;
  }
  const name = first.fileName || handlers.nameOf(first.id);
  return h('div', { class: 'note note--warning', 'data-testid': 'detail-duplicate' }, icon('alert'),
    h('span', {}, first.message || 'Conteúdo idêntico ao de um arquivo já recebido; não foi processado de novo.'),
    h('a', {
      href: handlers.hrefFor(first.id),
      class: 'btn btn--small',
      'data-testid': 'detail-duplicate-of',
      on: { click: (event) => { event.preventDefault(); handlers.onNavigate(first.id); } },
    }, name ? `Abrir ${name}` : 'Abrir o primeiro arquivo'));
}

function actionsBar(record) {
  const bar = h('div', { class: 'detail-actions' });
  const reasons = [];
  for (const { action, state } of actionsFor(record, 'detail')) {
    const reasonId = `detail-${action.id}-reason`;
    bar.append(h('button', {
      type: 'button',
      class: `btn btn--small${action.tone === 'danger' ? ' btn--danger-outline' : ''}`,
      'data-testid': `detail-${action.id}`,
      'aria-disabled': state.allowed ? null : 'true',
      'aria-describedby': state.allowed ? null : reasonId,
      title: state.allowed ? null : state.reason,
      on: {
        click: (event) => {
          if (state.allowed) {
            handlers.run(action, record, event.currentTarget);
          }
        },
      },
    }, icon(action.icon), action.label(record)));
    if (!state.allowed) {
      reasons.push(h('p', { id: reasonId, class: 'detail-actions__reason', 'data-testid': reasonId }, state.reason));
    }
  }
  bar.append(...reasons);
  return bar;
}

function dlRow(term, ...value) {
  return h('div', { class: 'summary__row' }, h('dt', {}, term), h('dd', {}, ...value));
}

function summary(record) {
  const findings = findingsSummary(record.findingCounts);
  const figures = hasFigures(record);
  const notRead = record.status === 'DUPLICATE' ? 'Não processado (duplicado)' : EMPTY;
  return h('section', { class: 'detail-section', 'aria-labelledby': 'detail-summary-title' },
    h('h3', { id: 'detail-summary-title', class: 'visually-hidden' }, 'Resumo'),
    h('dl', { class: 'summary', 'data-testid': 'detail-summary' },
      dlRow('Situação', statusBadge(record.status, record.statusLabel)),
      dlRow('Banco', bankLabel(record)),
      dlRow('Agência e conta', accountLabel(record)),
      dlRow('Convênio', hasValue(record.agreement) ? record.agreement : EMPTY),
      dlRow('NSA', record.sequenceNumber ? String(record.sequenceNumber) : EMPTY),
      dlRow('Layout', layoutAndService(record) || EMPTY),
      dlRow('Gerado em', formatDate(record.generatedOn)),
      dlRow('Recebido em', formatDateTime(record.receivedAt)),
      dlRow('Origem', originLabel(record.origin)),
      dlRow('Usuário', userLabel(record)),
      dlRow('Itens', figures ? formatInteger(record.itemCount) : notRead),
      dlRow('Total', figures ? formatMoney(record.totalAmountCents) : notRead),
      isRetorno(record) && figures ? dlRow('Total pago', formatMoney(record.totalPaidCents)) : null,
      dlRow('Inconsistências', findings || 'Nenhuma')));
}

function section(id, title, testid, ...content) {
  return h('section', { class: 'detail-section', 'aria-labelledby': id, 'data-testid': testid },
    h('h3', { id }, title), ...content);
}


function totalsSection(detail) {
  const totals = detail.totals || {};
  const order = Object.keys(CATEGORY_LABELS);
  const keys = Object.keys(totals).sort((a, b) => {
    const ia = order.indexOf(a) === -1 ? 999 : order.indexOf(a);
    const ib = order.indexOf(b) === -1 ? 999 : order.indexOf(b);
    return ia - ib;
  });
  if (!keys.length) {
    return section('detail-totals-title', 'Totais por categoria', 'detail-totals',
      h('p', { class: 'muted' }, detail.status === 'DUPLICATE'
        ? 'Sem totais: o arquivo repete outro já recebido e não foi processado de novo.'
        : 'Nenhum total registrado para este arquivo.'));
  }
  const showFee = keys.some((k) => totals[k] && totals[k].feeCents);
  return section('detail-totals-title', 'Totais por categoria', 'detail-totals', scrollRegion('Totais por categoria',
    h('table', { class: 'data-table data-table--compact' },
      h('caption', { class: 'visually-hidden' }, 'Totais por categoria'),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, 'Categoria'),
        h('th', { scope: 'col', class: 'num' }, 'Quantidade'),
        h('th', { scope: 'col', class: 'num' }, 'Valor (R$)'),
        h('th', { scope: 'col', class: 'num' }, 'Valor pago (R$)'),
        showFee ? h('th', { scope: 'col', class: 'num' }, 'Tarifas (R$)') : null)),
      h('tbody', {}, keys.map((key) => {
        const t = totals[key] || {};
        return h('tr', { 'data-testid': 'detail-total-row', dataset: { category: key } },
          h('th', { scope: 'row' }, categoryLabel(key)),
          h('td', { class: 'num' }, formatInteger(t.count)),
          h('td', { class: 'num' }, formatMoney(t.amountCents)),
          h('td', { class: 'num' }, formatMoney(t.paidCents)),
          showFee ? h('td', { class: 'num' }, formatMoney(t.feeCents)) : null);
      })))));
}

function findingsSection(detail) {
  const findings = Array.isArray(detail.findings) ? detail.findings : [];
  const counts = detail.findingCounts || {};
  const total = Object.values(counts).reduce((sum, n) => sum + Number(n || 0), 0);
  if (!findings.length) {
    return section('detail-findings-title', 'Inconsistências', 'detail-findings',
      h('p', { class: 'muted' }, 'Nenhuma inconsistência encontrada.'));
  }
  return section('detail-findings-title', 'Inconsistências', 'detail-findings',
    total > findings.length
      ? h('p', { class: 'muted' }, `Exibindo as primeiras ${formatInteger(findings.length)} de ${formatInteger(total)} inconsistências.`)
      : null,
    scrollRegion('Inconsistências', h('table', { class: 'data-table data-table--compact' },
      h('caption', { class: 'visually-hidden' }, 'Inconsistências do arquivo'),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, 'Severidade'),
        h('th', { scope: 'col', class: 'num' }, 'Linha'),
        h('th', { scope: 'col', class: 'num' }, 'Coluna'),
        h('th', { scope: 'col' }, 'Campo'),
        h('th', { scope: 'col' }, 'Mensagem'))),
      h('tbody', {}, findings.map((f) => h('tr', { 'data-testid': 'detail-finding-row', dataset: { severity: f.severity || '' } },
        h('td', {}, h('span', { class: `badge badge--${f.severity === 'ERROR' ? 'danger' : f.severity === 'WARNING' ? 'warning' : 'muted'}` },
          SEVERITY_LABELS[f.severity] || f.severity || EMPTY)),
        h('td', { class: 'num' }, f.line ? String(f.line) : EMPTY),
        h('td', { class: 'num' }, f.column ? String(f.column) : EMPTY),
        h('td', {}, f.field || EMPTY),
        h('td', { class: 'wrap' }, f.message || f.code || EMPTY)))))));
}

function historySection(detail) {
  const history = Array.isArray(detail.statusHistory) ? detail.statusHistory : [];
  if (!history.length) {
    return null;
  }
  return section('detail-history-title', 'Histórico da situação', 'detail-history',
    h('ol', { class: 'timeline' }, history.map((entry) => {
      // The API sends {at, from, to, byUserId, byUserName, reason}; {status, by} is accepted too.
      const status = entry.to || entry.status || '';
      const by = entry.byUserName || entry.by || entry.byUserId || '';
      return h('li', { 'data-testid': 'detail-history-entry', dataset: { status } },
        h('time', { datetime: entry.at || null, class: 'timeline__time' }, formatDateTime(entry.at)),
        h('span', { class: 'timeline__what' }, statusBadge(status),
          by ? h('span', { class: 'timeline__by' }, ` por ${by}`) : null),
        entry.reason ? h('span', { class: 'timeline__reason' }, `Motivo: ${entry.reason}`) : null);
    })));
}

// ---- items ------------------------------------------------------------------------------------------

function reconciliationCell(rec) {
  if (!rec) {
    return EMPTY;
  }
  if (rec.status === 'NOT_FOUND' || rec.matched === false) {
    return h('span', { class: 'badge badge--warning' }, 'Não localizado');
  }
  if (rec.status === 'PARTIAL') {
    return h('span', { class: 'badge badge--warning' }, 'Registro cortado: não aplicado');
  }
  const targetId = rec.integrationId || rec.remittanceId || null;
  const name = rec.fileName || rec.remittanceFileName || targetId || 'remessa';
  const where = rec.line ? ` (linha ${rec.line})` : (rec.seq ? ` (título ${rec.seq})` : '');
  // REPEATED points at the earlier retorno that reported the same event; ANSWERED at the retorno that answered
  const what = { REPEATED: 'Já informado em', ANSWERED: 'Retorno' }[rec.status] || 'Remessa';
  const label = `${what} ${name}${where}`;
  if (!targetId) {
    return label;
  }
  return h('a', {
    href: handlers.hrefFor(targetId),
    class: 'link-button',
    'data-testid': 'item-reconciliation-link',
    on: { click: (event) => { event.preventDefault(); handlers.onNavigate(targetId); } },
  }, label);
}

function reasonsText(reasons) {
  if (!Array.isArray(reasons) || !reasons.length) {
    return '';
  }
  const texts = reasons.map((r) => (typeof r === 'string' ? r : [r.code, r.text || r.message].filter(Boolean).join(' — ')));
  return `Motivos: ${texts.join('; ')}`;
}

function itemRow(item, retorno) {
  const reasons = reasonsText(item.reasons);
  return h('tr', { 'data-testid': 'detail-item-row', dataset: { category: item.category || '' } },
    h('td', { class: 'num' }, item.line ? String(item.line) : EMPTY),
    h('td', { class: 'mono' }, item.ourNumber || EMPTY),
    h('td', { class: 'mono' }, item.yourNumber || EMPTY),
    h('td', { class: 'name' }, item.counterpartName || EMPTY),
    h('td', {}, formatDate(item.dueDate)),
    h('td', { class: 'num' }, formatMoney(item.amountCents)),
    retorno ? h('td', { class: 'num' }, formatMoney(item.paidCents)) : null,
    h('td', { class: 'wrap' },
      [item.occurrenceCode, item.occurrenceText].filter(Boolean).join(' — ') || EMPTY,
      reasons ? h('span', { class: 'sub' }, reasons) : null),
    h('td', {}, categoryLabel(item.category)),
    retorno ? h('td', {}, reconciliationCell(item.reconciliation)) : null);
}

/** A statement entry: date, history, FEBRABAN category, document, credit or debit, amount. */
function entryRow(item) {
  const entry = item.entry || {};
  const credit = entry.nature ? entry.nature === 'CREDIT' : item.category === 'CREDIT';
  return h('tr', { 'data-testid': 'detail-entry-row', dataset: { category: item.category || '' } },
    h('td', { class: 'num' }, item.line ? String(item.line) : EMPTY),
    h('td', {}, formatDate(entry.date || item.occurrenceDate)),
    h('td', { class: 'wrap' }, [entry.historyCode, entry.historyText || item.occurrenceText].filter(Boolean).join(' — ') || EMPTY),
    h('td', { class: 'wrap' }, [entry.category, entry.categoryText].filter(Boolean).join(' — ') || EMPTY),
    h('td', { class: 'mono' }, entry.documentNumber || item.yourNumber || EMPTY),
    h('td', {}, credit ? 'Crédito' : 'Débito'),
    h('td', { class: 'num' }, `${credit ? '' : '−'}${formatMoney(item.amountCents)}`));
}

function entriesTable(items) {
  return scrollRegion('Lançamentos', h('table', { class: 'data-table data-table--compact', 'data-testid': 'detail-entries-table' },
    h('caption', { class: 'visually-hidden' }, 'Lançamentos do extrato'),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col', class: 'num' }, 'Linha'),
      h('th', { scope: 'col' }, 'Data'),
      h('th', { scope: 'col' }, 'Histórico'),
      h('th', { scope: 'col' }, 'Categoria'),
      h('th', { scope: 'col' }, 'Documento'),
      h('th', { scope: 'col' }, 'Natureza'),
      h('th', { scope: 'col', class: 'num' }, 'Valor (R$)'))),
    h('tbody', {}, items.map(entryRow))));
}

function renderItems() {
  const container = dialog && $('#detail-items-body', dialog);
  if (!container || !view) {
    return;
  }
  const { record } = view;
  clear(container);
  const retorno = isRetorno(record);
  if (isExtrato(record) && view.items.length) {
    container.append(entriesTable(view.items));
  }
  const counterpart = record.service === 'PAGAMENTO' || /PAGAMENTO/.test(record.kind || '') ? 'Favorecido' : 'Pagador';
  if (view.items.length && !isExtrato(record)) {
    container.append(scrollRegion('Títulos e pagamentos', h('table', { class: 'data-table data-table--compact', 'data-testid': 'detail-items-table' },
      h('caption', { class: 'visually-hidden' }, 'Títulos e pagamentos do arquivo'),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col', class: 'num' }, 'Linha'),
        h('th', { scope: 'col' }, 'Nosso número'),
        h('th', { scope: 'col' }, 'Seu número'),
        h('th', { scope: 'col' }, counterpart),
        h('th', { scope: 'col' }, 'Vencimento'),
        h('th', { scope: 'col', class: 'num' }, 'Valor (R$)'),
        retorno ? h('th', { scope: 'col', class: 'num' }, 'Valor pago (R$)') : null,
        h('th', { scope: 'col' }, isRemessa(record) ? 'Instrução' : 'Ocorrência'),
        h('th', { scope: 'col' }, 'Categoria'),
        retorno ? h('th', { scope: 'col' }, 'Conciliação') : null)),
      h('tbody', {}, view.items.map((item) => itemRow(item, retorno))))));
  }
  if (view.itemsState === 'loading') {
    container.append(h('p', { class: 'muted', role: 'status' }, 'Carregando os itens…'));
  } else if (view.itemsState === 'unavailable' || view.itemsState === 'not-found') {
    container.append(h('p', { class: 'note note--info', 'data-testid': 'detail-items-note' }, icon('info'),
      h('span', {}, 'A lista de títulos e pagamentos deste arquivo ainda não está disponível neste servidor.')));
  } else if (view.itemsState === 'error') {
    container.append(h('div', { class: 'note note--error', role: 'alert' }, icon('alert'), h('span', {}, view.itemsError),
      h('button', { type: 'button', class: 'btn btn--small', on: { click: () => fetchItems(view.controller, view.itemsCursor) } }, 'Tentar novamente')));
  } else if (!view.items.length) {
    container.append(h('p', { class: 'muted' }, 'Nenhum título ou pagamento neste arquivo.'));
  }
  if (view.itemsState === 'ready' && view.itemsCursor) {
    container.append(h('div', { class: 'load-more' }, h('button', {
      type: 'button',
      class: 'btn',
      'data-testid': 'detail-items-load-more',
      on: { click: () => fetchItems(view.controller, view.itemsCursor, { refocus: true }) },
    }, 'Carregar mais itens')));
  }
  if (view.items.length) {
    container.prepend(h('p', { class: 'muted small' }, `${formatInteger(view.items.length)} ${view.items.length === 1 ? 'item carregado' : 'itens carregados'}${view.itemsCursor ? ' (há mais)' : ''}.`));
  }
}
