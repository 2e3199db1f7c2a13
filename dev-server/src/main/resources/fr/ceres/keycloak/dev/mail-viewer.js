// The development mail viewer's inbox: keeps the list up to date without reloading the page (a reload sends the
// reader, and a screen reader, back to the top), says politely when messages arrive, and can be paused.
const EVERY_MS = 5000;
const RUNNING = 'La liste s’actualise toutes les 5 secondes.';
const PAUSED = 'Actualisation en pause : appuyez de nouveau sur le bouton pour la reprendre.';

const pause = document.getElementById('pause');
const state = document.getElementById('etat-actualisation');
const announce = document.getElementById('annonce');

function ids(list) {
  return [...list.querySelectorAll('[data-id]')].map((item) => item.dataset.id);
}

function arrivalText(arrived) {
  const newest = arrived[0].querySelector('.objet').textContent;
  return arrived.length === 1 ? `Nouveau message : ${newest}.`
    : `${arrived.length} nouveaux messages ; le plus récent : ${newest}.`;
}

/** Fetches the list; swaps it in only when it changed, keeping the focus on the same message if it was in it. */
async function refresh() {
  let response;
  try {
    response = await fetch('/fragments/messages', { cache: 'no-store' });
  } catch {
    return; // the server is restarting: next time
  }
  if (!response.ok) {
    return;
  }
  const template = document.createElement('template');
  template.innerHTML = await response.text();
  const fresh = template.content.getElementById('messages');
  const current = document.getElementById('messages');
  if (!fresh || fresh.innerHTML === current.innerHTML) {
    return;
  }
  const known = new Set(ids(current));
  const arrived = [...fresh.querySelectorAll('[data-id]')].filter((item) => !known.has(item.dataset.id));
  const focused = current.contains(document.activeElement) ? document.activeElement.getAttribute('href') : null;
  current.replaceWith(fresh);
  if (focused) {
    const same = [...fresh.querySelectorAll('a')].find((link) => link.getAttribute('href') === focused);
    (same || document.getElementById('contenu')).focus();
  }
  if (arrived.length > 0) {
    announce.textContent = arrivalText(arrived);
  }
}

let timer = setInterval(refresh, EVERY_MS);
state.textContent = RUNNING;
pause.hidden = false;
pause.addEventListener('click', () => {
  const paused = pause.getAttribute('aria-pressed') !== 'true';
  pause.setAttribute('aria-pressed', String(paused));
  state.textContent = paused ? PAUSED : RUNNING;
  clearInterval(timer);
  if (!paused) {
    refresh();
    timer = setInterval(refresh, EVERY_MS);
  }
});
