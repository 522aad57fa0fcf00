// The page's screens, one on screen at a time: the history (the list) and, from the header's links,
// "Aprovações", "Instruções pendentes" and "Configurações". The header's link of the screen on screen has
// `aria-current="page"`, the document's title names it, and a screen is told when it comes on (to read what
// it lists, for the identity of now) and when it leaves (to stop reading).

import { $ } from './dom.js';

const PAGE_TITLE = document.title;

const SCREENS = {
  history: { element: '#history-view' },
  approvals: { element: '#approvals-view', nav: '#nav-approvals', heading: '#approvals-title', title: 'Aprovações' },
  instructions: {
    element: '#instructions-view', nav: '#nav-instructions', heading: '#instructions-title', title: 'Instruções pendentes',
  },
  settings: { element: '#settings-view', nav: '#nav-settings', heading: '#settings-title', title: 'Configurações' },
};

let current = null;
let hooks = {};

/** `screenHooks`: `{screen: {show(), hide()}}` for the screens that read something when they come on. */
export function setUpViews(screenHooks) {
  hooks = screenHooks;
}

/** The screen on screen: `history`, `approvals`, `instructions` or `settings`. */
export function currentView() {
  return current || 'history';
}

/** Hides every screen but the history's, before the identity is known (the others read what they show). */
export function hideScreensBut(name) {
  for (const [key, screen] of Object.entries(SCREENS)) {
    $(screen.element).hidden = key !== name;
  }
}

/** Puts a screen on; one that was not on reads what it shows and its heading takes the focus. */
export function showView(name) {
  const next = SCREENS[name] ? name : 'history';
  hideScreensBut(next);
  for (const [key, screen] of Object.entries(SCREENS)) {
    if (screen.nav) {
      if (key === next) {
        $(screen.nav).setAttribute('aria-current', 'page');
      } else {
        $(screen.nav).removeAttribute('aria-current');
      }
    }
  }
  document.title = SCREENS[next].title ? `${SCREENS[next].title} — ${PAGE_TITLE}` : PAGE_TITLE;
  if (next === current) {
    return;
  }
  const previous = current;
  current = next;
  if (previous && hooks[previous] && hooks[previous].hide) {
    hooks[previous].hide();
  }
  if (hooks[next] && hooks[next].show) {
    hooks[next].show();
  }
  if (SCREENS[next].heading) {
    $(SCREENS[next].heading).focus();
  }
}

/** The screen on screen reads what it shows again (another identity). */
export function reloadView() {
  const hook = hooks[currentView()];
  if (hook && hook.show) {
    hook.show();
  }
}
