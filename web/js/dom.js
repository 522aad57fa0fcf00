// Small DOM helpers: elements are built with textContent, never from HTML strings with data in them.

/**
 * Creates an element. `attrs`: attributes; `class`, `text`, `dataset`, `on` (event handlers) and
 * boolean values (`true` sets an empty attribute, `false`/null/undefined skip it) are handled.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === false || value === null || value === undefined) {
      continue;
    }
    if (name === 'class') {
      el.className = value;
    } else if (name === 'text') {
      el.textContent = value;
    } else if (name === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (name === 'on') {
      for (const [event, handler] of Object.entries(value)) {
        el.addEventListener(event, handler);
      }
    } else if (value === true) {
      el.setAttribute(name, '');
    } else {
      el.setAttribute(name, String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(el, child);
    } else if (child instanceof Node) {
      el.appendChild(child);
    } else {
      el.appendChild(document.createTextNode(String(child)));
    }
  }
}

export function $(selector, root = document) {
  return root.querySelector(selector);
}

export function clear(el) {
  while (el.firstChild) {
    el.removeChild(el.firstChild);
  }
}

const ICONS = {
  download: '<path d="M12 3v12m0 0 5-5m-5 5-5-5M4 19h16"/>',
  file: '<path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z"/><path d="M14 3v5h5M9 13h6M9 17h6"/>',
  upload: '<path d="M12 16V4m0 0-5 5m5-5 5 5M4 20h16"/>',
  table: '<path d="M4 5h16v14H4zM4 10h16M10 10v9"/>',
  x: '<path d="M6 6l12 12M18 6 6 18"/>',
  check: '<path d="m5 12 5 5 9-10"/>',
  ban: '<circle cx="12" cy="12" r="8"/><path d="m6.5 6.5 11 11"/>',
  info: '<circle cx="12" cy="12" r="8"/><path d="M12 11v5M12 8h.01"/>',
  more: '<path d="M6 12h.01M12 12h.01M18 12h.01"/>',
  chevron: '<path d="m7 10 5 5 5-5"/>',
  alert: '<path d="M12 4 2.5 20h19z"/><path d="M12 10v4M12 17h.01"/>',
  refresh: '<path d="M20 12a8 8 0 1 1-2.3-5.6M20 4v5h-5"/>',
  bank: '<path d="M3 10 12 4l9 6M5 10v8M10 10v8M14 10v8M19 10v8M3 20h18"/>',
  user: '<circle cx="12" cy="8" r="4"/><path d="M4 20c1.5-4 4.5-6 8-6s6.5 2 8 6"/>',
};

/**
 * A link the page follows itself on a plain click (`onFollow(link)`: a record opened over the screen, say);
 * with a modifier key or another button the browser opens its address as any link's.
 */
export function pageLink(attrs, onFollow, ...children) {
  return h('a', {
    ...attrs,
    on: {
      click: (event) => {
        if (event.button === 0 && !event.ctrlKey && !event.metaKey && !event.shiftKey && !event.altKey) {
          event.preventDefault();
          onFollow(event.currentTarget);
        }
      },
    },
  }, ...children);
}

/** Aborts the request `holder.controller` belongs to, if any, and answers the new request's controller. */
export function freshController(holder) {
  if (holder.controller) {
    holder.controller.abort();
  }
  holder.controller = new AbortController();
  return holder.controller;
}

/** A small inline SVG icon, decorative (aria-hidden). */
export function icon(name, className = 'icon') {
  const span = document.createElement('span');
  span.className = className;
  span.setAttribute('aria-hidden', 'true');
  span.innerHTML = `<svg viewBox="0 0 24 24" width="16" height="16" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" focusable="false">${ICONS[name] || ''}</svg>`;
  return span;
}

let messageTimer = 0;

/** Announces a short message in the page's live region (and shows it as a toast). */
export function announce(message, tone = 'info') {
  const region = document.getElementById('app-message');
  if (!region) {
    return;
  }
  region.textContent = message;
  region.dataset.tone = tone;
  region.classList.add('is-visible');
  window.clearTimeout(messageTimer);
  messageTimer = window.setTimeout(() => region.classList.remove('is-visible'), 6000);
}

/** A random UUID, also outside secure contexts. */
/** Shows `message` in a message element, or hides it when there is none. */
export function showMessage(element, message) {
  element.textContent = message || '';
  element.hidden = !message;
}

/** A button while its request runs: disabled, `aria-busy`, and its text saying what is happening. */
export function setButtonBusy(button, busy, text) {
  button.disabled = busy;
  if (busy) {
    button.setAttribute('aria-busy', 'true');
  } else {
    button.removeAttribute('aria-busy');
  }
  button.textContent = text;
}

export function uuid() {
  if (window.crypto && typeof window.crypto.randomUUID === 'function') {
    return window.crypto.randomUUID();
  }
  const bytes = new Uint8Array(16);
  window.crypto.getRandomValues(bytes);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Opens a native modal <dialog> (the browser makes the rest of the page inert, so focus stays inside;
 * Esc closes it) and returns focus to the element that opened it when it closes. `returnFocus`: an
 * element, or a function resolving it at close time (the opener may have been re-rendered).
 */
const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])';

function focusables(root) {
  return Array.from(root.querySelectorAll(FOCUSABLE)).filter((el) => !el.disabled && !el.hidden
    && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden');
}

/** Keeps Tab and Shift+Tab inside the dialog (the native modal lets focus go out to the browser UI). */
function trapFocus(dialog) {
  if (dialog.dataset.trap) {
    return;
  }
  dialog.dataset.trap = 'on';
  dialog.addEventListener('keydown', (event) => {
    if (event.key !== 'Tab') {
      return;
    }
    const list = focusables(dialog);
    if (!list.length) {
      event.preventDefault();
      return;
    }
    const first = list[0];
    const last = list[list.length - 1];
    const active = document.activeElement;
    if (event.shiftKey && (active === first || !dialog.contains(active))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !dialog.contains(active))) {
      event.preventDefault();
      first.focus();
    }
  });
}

export function openDialog(dialog, { initialFocus, returnFocus } = {}) {
  const opener = returnFocus || document.activeElement;
  trapFocus(dialog);
  if (!dialog.open) {
    dialog.showModal();
  }
  const onClose = () => {
    dialog.removeEventListener('close', onClose);
    const target = typeof opener === 'function' ? opener() : opener;
    if (target && typeof target.focus === 'function' && document.contains(target)) {
      target.focus();
    }
  };
  dialog.addEventListener('close', onClose);
  const target = typeof initialFocus === 'string' ? dialog.querySelector(initialFocus) : initialFocus;
  if (target) {
    target.focus();
  }
}

/**
 * A disclosure: `button` (with `aria-controls`) shows and hides `region`, saying so in `aria-expanded`.
 * It starts folded on narrow screens (`foldedWhen`), open elsewhere.
 */
export function disclosure(button, region, { foldedWhen = '(max-width: 760px)' } = {}) {
  const set = (open) => {
    button.setAttribute('aria-expanded', String(open));
    region.hidden = !open;
  };
  set(!window.matchMedia(foldedWhen).matches);
  button.addEventListener('click', () => set(button.getAttribute('aria-expanded') !== 'true'));
}

/**
 * A table's wrapper that scrolls sideways when the table is wider than the screen: a labelled region in
 * the Tab order, so keyboard users can scroll it too.
 */
export function scrollRegion(label, table) {
  return h('div', { class: 'table-wrap table-wrap--compact', role: 'region', 'aria-label': label, tabindex: '0' }, table);
}
