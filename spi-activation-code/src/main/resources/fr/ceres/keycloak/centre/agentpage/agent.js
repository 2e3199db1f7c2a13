// Espace agents DREETS (flow F5). Signs the agent in with the public client ceres-agent-console
// (authorization code + PKCE S256), keeps the tokens in memory only, and calls the agents' API
// /admin/realms/{realm}/ceres with them. Every text comes from this file or from the API and is shown with
// textContent: nothing is parsed as HTML.

const CLIENT_ID = 'ceres-agent-console';
const PAGE = new URL('./', location.href).href;
const [CONTEXT, REALM] = (() => {
  const match = location.pathname.match(/^(.*)\/realms\/([^/]+)\/ceres-agent\//);
  return [match[1], match[2]];
})();
const OIDC = `${location.origin}${CONTEXT}/realms/${REALM}/protocol/openid-connect`;
const API = `${location.origin}${CONTEXT}/admin/realms/${REALM}/ceres/centres`;
const PKCE_KEY = 'ceres-agent-pkce';
const SIGNED_OUT = 'deconnecte';

const ETATS = {
  'sans-code': 'Sans code',
  'en-attente-activation': 'Code émis, en attente d’activation',
  'code-expire': 'Code expiré',
  'actif': 'Actif (code utilisé)',
};
const RESERVED = 'Cette page est réservée aux agents DREETS.';

const $ = (id) => document.getElementById(id);
let tokens = null; // { access, refresh, id, expires } — memory only

// ---- OIDC: authorization code + PKCE S256 ----

function random(bytes) {
  const data = crypto.getRandomValues(new Uint8Array(bytes));
  return base64url(data);
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function signIn() {
  const verifier = random(32);
  const state = random(16);
  sessionStorage.setItem(PKCE_KEY, JSON.stringify({ verifier, state }));
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const url = new URL(`${OIDC}/auth`);
  url.search = new URLSearchParams({
    client_id: CLIENT_ID, response_type: 'code', scope: 'openid', redirect_uri: PAGE, state,
    code_challenge: challenge, code_challenge_method: 'S256', ui_locales: 'fr',
  }).toString();
  location.assign(url.href);
}

async function tokenRequest(form) {
  const response = await fetch(`${OIDC}/token`, {
    method: 'POST', body: new URLSearchParams({ client_id: CLIENT_ID, ...form }), credentials: 'omit',
  });
  if (!response.ok) {
    return false;
  }
  const body = await response.json();
  tokens = {
    access: body.access_token, refresh: body.refresh_token, id: body.id_token || (tokens && tokens.id),
    expires: Date.now() + (body.expires_in - 30) * 1000,
  };
  return true;
}

/** Back from Keycloak: exchanges the code if the state matches, then cleans the address bar. */
async function completeSignIn(params) {
  const saved = JSON.parse(sessionStorage.getItem(PKCE_KEY) || 'null');
  sessionStorage.removeItem(PKCE_KEY);
  history.replaceState(null, '', PAGE);
  if (!saved || saved.state !== params.get('state')) {
    return false;
  }
  return tokenRequest({ grant_type: 'authorization_code', code: params.get('code'), redirect_uri: PAGE,
    code_verifier: saved.verifier });
}

/** A valid access token: refreshed when about to expire; when that fails, back to Keycloak's sign-in. */
async function accessToken() {
  if (tokens && Date.now() < tokens.expires) {
    return tokens.access;
  }
  if (tokens && tokens.refresh && await tokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refresh })) {
    return tokens.access;
  }
  await signIn();
  throw new Error('Reconnexion nécessaire.');
}

function logoutUrl() {
  const url = new URL(`${OIDC}/logout`);
  url.search = new URLSearchParams({
    client_id: CLIENT_ID, post_logout_redirect_uri: PAGE, id_token_hint: tokens.id, state: SIGNED_OUT,
  }).toString();
  return url.href;
}

function claims(jwt) {
  const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(part), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

// ---- The agents' API ----

class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function api(path, options = {}) {
  let response = await fetch(API + path, withToken(options, await accessToken()));
  if (response.status === 401 && tokens) {
    tokens.expires = 0; // revoked or expired early: refresh once, else sign in again
    response = await fetch(API + path, withToken(options, await accessToken()));
  }
  if (response.ok) {
    return response;
  }
  if (response.status === 403) {
    throw new ApiError(403, RESERVED);
  }
  let message = `Le serveur a refusé la demande (erreur ${response.status}).`;
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    const body = await response.json();
    if (body && typeof body.error_description === 'string' && body.error_description) {
      message = body.error_description;
    }
  }
  throw new ApiError(response.status, message);
}

function withToken(options, token) {
  return { ...options, credentials: 'omit', headers: { ...(options.headers || {}), Authorization: `Bearer ${token}` } };
}

/** Saves a response body as a file, under the name the API gives in Content-Disposition. */
async function download(response, fallbackName) {
  const disposition = response.headers.get('Content-Disposition') || '';
  const match = disposition.match(/filename="([^"]+)"/);
  const name = match ? match[1] : fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
  return name;
}

// ---- The page ----

function show(element, text) {
  element.textContent = text;
  element.hidden = !text;
}

function announce(text) {
  $('annonce').textContent = text;
}

/** Runs a form's action with its button disabled, the error shown next to the form. */
async function busy(button, errorElement, action) {
  show(errorElement, '');
  button.disabled = true;
  try {
    await action();
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) {
      reserved();
    } else {
      show(errorElement, error instanceof ApiError ? error.message
        : 'Le serveur ne répond pas : vérifiez la connexion et réessayez.');
    }
  } finally {
    button.disabled = false;
  }
}

function reserved() {
  $('outils').hidden = true;
  $('etat-page').hidden = true;
  show($('erreur-page'), RESERVED);
}

function cell(row, text) {
  const td = document.createElement('td');
  td.textContent = text;
  row.append(td);
  return td;
}

/** The mark of an unusual rate of failed codes on the centre's SIRET: someone may be guessing its code. */
function alertMark(alert) {
  const mark = document.createElement('span');
  mark.className = 'alerte';
  const when = new Date(alert.derniereAlerte).toLocaleString('fr-FR', { dateStyle: 'short', timeStyle: 'short' });
  mark.textContent = `Tentatives suspectes : ${alert.echecs} codes erronés en ${alert.periodeHeures} h`
    + ` (dernière alerte le ${when})`;
  return mark;
}

function renderCentres(centres) {
  const body = $('centres-lignes');
  body.replaceChildren();
  for (const centre of centres) {
    const row = document.createElement('tr');
    row.dataset.siret = centre.siret;
    cell(row, centre.siret);
    cell(row, centre.raisonSociale || '');
    cell(row, centre.commune || '');
    const etat = cell(row, ETATS[centre.etat] || centre.etat);
    if (centre.alerteTentatives) {
      etat.append(alertMark(centre.alerteTentatives));
    }
    cell(row, String(centre.gestionnaires));
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'fr-btn fr-btn--sm';
    const reissue = centre.etat !== 'sans-code';
    button.textContent = reissue ? 'Réémettre le code' : 'Émettre le code';
    button.setAttribute('aria-label', `${button.textContent} du centre ${centre.siret}`);
    button.addEventListener('click', () => issue(centre, reissue, button));
    cell(row, '').append(button);
    body.append(row);
  }
  $('centres-zone').hidden = centres.length === 0;
  $('resume-recherche').textContent = centres.length === 0 ? 'Aucun centre trouvé.'
    : `${centres.length} centre${centres.length > 1 ? 's' : ''} trouvé${centres.length > 1 ? 's' : ''}.`;
}

async function search(term) {
  const response = await api(`?max=50&search=${encodeURIComponent(term)}`);
  renderCentres(await response.json());
}

/**
 * Asks the agent to confirm a re-issue; for a centre with gestionnaires, also its reason, which the API requires.
 * Resolves to null when cancelled, else to the reason ('' when none is needed).
 */
function confirmReissue(centre) {
  const dialog = $('confirmation');
  const needsReason = centre.gestionnaires > 0;
  $('confirmation-texte').textContent = `Un nouveau code sera émis pour ${centre.raisonSociale || 'le centre'} `
    + `(SIRET ${centre.siret}). Le code actuel cessera de fonctionner : seule la nouvelle lettre sera valable.`
    + (needsReason ? ` Ce centre est actif : ${centre.gestionnaires} gestionnaire${centre.gestionnaires > 1 ? 's le gèrent'
      : ' le gère'} déjà.` : '');
  $('champ-motif').hidden = !needsReason;
  $('motif').value = '';
  $('motif').required = needsReason;
  show($('erreur-motif'), '');
  return new Promise((resolve) => {
    const done = (answer) => {
      $('confirmation-oui').removeEventListener('click', yes);
      $('confirmation-non').removeEventListener('click', no);
      dialog.removeEventListener('cancel', no);
      dialog.close();
      resolve(answer);
    };
    const yes = () => {
      const reason = $('motif').value.trim();
      if (needsReason && !reason) {
        show($('erreur-motif'), 'Indiquez le motif de la réémission : les gestionnaires du centre le recevront.');
        $('motif').focus();
        return;
      }
      done(needsReason ? reason : '');
    };
    const no = () => done(null);
    $('confirmation-oui').addEventListener('click', yes);
    $('confirmation-non').addEventListener('click', no);
    dialog.addEventListener('cancel', no);
    dialog.showModal();
    (needsReason ? $('motif') : $('confirmation-non')).focus();
  });
}

async function issue(centre, reissue, button) {
  let reason = '';
  if (reissue) {
    reason = await confirmReissue(centre);
    if (reason === null) {
      button.focus();
      return;
    }
  }
  await busy(button, $('erreur-code'), async () => {
    const options = { method: 'POST' };
    if (reason) {
      options.headers = { 'Content-Type': 'application/json' };
      options.body = JSON.stringify({ motif: reason });
    }
    const response = await api(`/${encodeURIComponent(centre.siret)}/code`, options);
    const name = await download(response, `lettre-${centre.siret}.pdf`);
    announce(`Code ${reissue ? 'réémis' : 'émis'} pour le centre ${centre.siret} : fichier ${name} téléchargé.`
      + (reason ? ' Ses gestionnaires en ont été informés par email.' : ''));
    await search($('recherche').value.trim());
  });
  button.focus();
}

function wireForms() {
  $('form-recherche').addEventListener('submit', (event) => {
    event.preventDefault();
    busy(event.submitter || $('form-recherche').querySelector('button'), $('erreur-recherche'),
      () => search($('recherche').value.trim()));
  });

  $('form-enregistrer').addEventListener('submit', (event) => {
    event.preventDefault();
    const form = $('form-enregistrer');
    busy(form.querySelector('button'), $('erreur-enregistrer'), async () => {
      const siret = $('siret').value.replace(/\s/g, '');
      const sitesLies = $('sites').value.split(/[\s,;|]+/).filter((site) => site);
      const response = await api('', {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          siret, referenceAgrement: $('reference').value.trim(), sitesLies,
          // Used by the server only where the company register does not publish the field.
          raisonSociale: $('raison-sociale').value.trim(), adresse: $('adresse').value.trim(),
          commune: $('commune').value.trim(),
        }),
      });
      const centre = await response.json();
      form.reset();
      announce(`Centre ${centre.raisonSociale} (SIRET ${centre.siret}) enregistré. Vous pouvez émettre son code.`);
      $('recherche').value = centre.siret;
      await search(centre.siret);
    });
  });

  $('form-import').addEventListener('submit', (event) => {
    event.preventDefault();
    const form = $('form-import');
    $('resultat-import').textContent = '';
    busy(form.querySelector('button'), $('erreur-import'), async () => {
      const file = $('fichier').files[0];
      if (!file) {
        throw new ApiError(400, 'Choisissez le fichier CSV à importer.');
      }
      const reissue = $('reemettre').checked ? 'true' : 'false';
      const response = await api(`/import?reissue=${reissue}`, {
        method: 'POST', headers: { 'Content-Type': 'text/csv' }, body: file,
      });
      const name = await download(response, 'lettres-centres.zip');
      $('resultat-import').textContent = `Fichier ${file.name} importé : fichier ${name} téléchargé`
        + ' (une lettre par code émis et le rapport rapport.csv).';
      $('resultat-import').scrollIntoView({ block: 'nearest' });
    });
  });
}

async function start() {
  const params = new URLSearchParams(location.search);
  if (params.has('error')) {
    history.replaceState(null, '', PAGE);
    $('etat-page').hidden = true;
    show($('erreur-page'), 'La connexion n’a pas abouti. Vous pouvez réessayer.');
    $('connexion').hidden = false;
    return;
  }
  if (params.get('state') === SIGNED_OUT && !params.has('code')) {
    history.replaceState(null, '', PAGE);
    $('etat-page').textContent = 'Vous êtes déconnecté(e).';
    $('connexion').hidden = false;
    return;
  }
  if (!params.has('code')) {
    await signIn();
    return;
  }
  if (!await completeSignIn(params)) {
    $('etat-page').hidden = true;
    show($('erreur-page'), 'La connexion n’a pas abouti (réponse inattendue). Vous pouvez réessayer.');
    $('connexion').hidden = false;
    return;
  }
  const who = claims(tokens.id);
  $('agent-nom').textContent = who.name || who.preferred_username || '';
  $('deconnexion').href = logoutUrl();
  $('session').hidden = false;
  wireForms();
  try {
    await search('');
    $('etat-page').hidden = true;
    $('outils').hidden = false;
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) {
      reserved();
    } else {
      $('etat-page').hidden = true;
      show($('erreur-page'), error instanceof ApiError ? error.message
        : 'Le serveur ne répond pas : rechargez la page pour réessayer.');
    }
  }
}

$('se-connecter').addEventListener('click', (event) => {
  event.preventDefault();
  signIn();
});
start();
