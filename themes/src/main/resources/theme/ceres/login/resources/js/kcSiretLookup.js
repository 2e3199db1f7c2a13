// @ts-check
/**
 * SIRET pre-fill for the Ceres sign-up page.
 *
 * Loaded by keycloak.v2's user-profile-commons.ftl because the realm's "siret" attribute carries the
 * annotation "kcSiretLookup": its input is rendered with a data-kcSiretLookup attribute.
 *
 * When the SIRET holds 14 digits (spaces ignored), asks the realm's company-register endpoint
 * (same origin: <prefix>/realms/<realm>/company-register/<siret>) and pre-fills raisonSociale, adresse
 * and commune, never overwriting what the person typed. A status line under the field says what happened,
 * including which fields the register does not publish (listed in the answer's "missing": masked for a
 * non-diffusible establishment, typically a sole trader) and that the person has to type them.
 */

const ANNOTATION = "kcSiretLookup";
const STATUS_ID = "ceres-siret-status";
const FILLED_FIELDS = ["raisonSociale", "adresse", "commune"];
const DEBOUNCE_MS = 300;
const TIMEOUT_MS = 10000;

const TEXTS = {
  fr: {
    found: "Entreprise trouvée : ",
    foundUnnamed: "Établissement trouvé.",
    missing: "Le répertoire des entreprises ne publie pas {fields} de cet établissement : saisissez-les vous-même.",
    labels: { raisonSociale: "la raison sociale", adresse: "l'adresse", commune: "la commune" },
    and: " et ",
    closed: "Cet établissement est fermé (SIRET inactif).",
    unknown: "SIRET inconnu du répertoire des entreprises.",
    invalid: "Le SIRET doit comporter 14 chiffres valides.",
    unavailable:
      "Le répertoire des entreprises ne répond pas : saisissez la raison sociale, l'adresse et la commune.",
  },
  en: {
    found: "Company found: ",
    foundUnnamed: "Establishment found.",
    missing: "The company register does not publish {fields} of this establishment: please enter them yourself.",
    labels: { raisonSociale: "the company name", adresse: "the address", commune: "the town" },
    and: " and ",
    closed: "This establishment is closed (inactive SIRET).",
    unknown: "SIRET unknown to the company register.",
    invalid: "The SIRET must have 14 valid digits.",
    unavailable:
      "The company register is not responding: please enter the company name, the address and the town.",
  },
};

/** @returns {typeof TEXTS.fr} */
function texts() {
  const lang = (document.documentElement.lang || "").toLowerCase();
  return lang.startsWith("en") ? TEXTS.en : TEXTS.fr;
}

/**
 * " The register does not publish …: type them." for the answer's "missing" fields, or "" when none.
 * @param {unknown} missing
 * @param {typeof TEXTS.fr} t
 * @returns {string}
 */
export function missingText(missing, t) {
  const fields = Array.isArray(missing) ? FILLED_FIELDS.filter((field) => missing.includes(field)) : [];
  if (fields.length === 0) {
    return "";
  }
  const labels = fields.map((field) => t.labels[field]);
  const last = labels.pop();
  const list = labels.length > 0 ? labels.join(", ") + t.and + last : last;
  return " " + t.missing.replace("{fields}", list);
}

/**
 * "<prefix>/realms/<realm>" from the page's path: everything before "/login-actions/" (so it works under
 * a relative path such as /auth), or up to the realm's name on other realm pages
 * (e.g. /realms/<realm>/protocol/openid-connect/registrations).
 * @returns {string | null}
 */
export function realmBasePath(pathname = window.location.pathname) {
  const index = pathname.indexOf("/login-actions/");
  if (index >= 0) {
    return pathname.substring(0, index);
  }
  const match = /^(.*?\/realms\/[^/]+)/.exec(pathname);
  return match ? match[1] : null;
}

/**
 * The 14 digits of a SIRET typed with or without spaces, or null.
 * @param {string} value
 * @returns {string | null}
 */
export function siretDigits(value) {
  const compact = (value || "").replace(/\s+/g, "");
  return /^\d{14}$/.test(compact) ? compact : null;
}

/**
 * @param {HTMLInputElement} siretInput
 * @param {string} name
 * @returns {HTMLInputElement | HTMLTextAreaElement | null}
 */
function fieldOf(siretInput, name) {
  const form = siretInput.form;
  const candidate = form ? form.elements.namedItem(name) : document.getElementById(name);
  if (candidate instanceof HTMLInputElement || candidate instanceof HTMLTextAreaElement) {
    return candidate;
  }
  return null;
}

/**
 * @param {HTMLInputElement} siretInput
 * @returns {HTMLElement}
 */
function statusLineFor(siretInput) {
  const existing = document.getElementById(STATUS_ID);
  if (existing) {
    return existing;
  }
  const status = document.createElement("div");
  status.id = STATUS_ID;
  status.className = "ceres-siret-status";
  status.setAttribute("aria-live", "polite");

  // Just under the input, above the field's error container: after the input's own wrapper where the theme
  // wraps it (PatternFly's form control, a span), after the input itself otherwise (DSFR).
  const wrapper = siretInput.parentElement && siretInput.parentElement.tagName === "SPAN"
    ? siretInput.parentElement
    : siretInput;
  wrapper.insertAdjacentElement("afterend", status);

  const describedBy = (siretInput.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean);
  if (!describedBy.includes(STATUS_ID)) {
    describedBy.push(STATUS_ID);
    siretInput.setAttribute("aria-describedby", describedBy.join(" "));
  }
  return status;
}

/**
 * @param {HTMLInputElement} siretInput
 */
function attach(siretInput) {
  if (siretInput.dataset.ceresSiretLookupBound === "true") {
    return;
  }
  siretInput.dataset.ceresSiretLookupBound = "true";

  const status = statusLineFor(siretInput);
  /** Values this script put into the fields, by field name. @type {Map<string, string>} */
  const filledByUs = new Map();
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  /** @type {AbortController | undefined} */
  let inFlight;
  /** The SIRET of the last answer shown (or being fetched). @type {string | null} */
  let shownFor = null;

  /**
   * @param {"found" | "error" | "unavailable" | ""} kind
   * @param {string} text
   */
  function setStatus(kind, text) {
    status.className = "ceres-siret-status" + (kind ? " ceres-siret-status--" + kind : "");
    status.textContent = text;
  }

  /**
   * Fills a field only when it is empty or still holds what this script put there.
   * @param {string} name
   * @param {unknown} value
   */
  function fill(name, value) {
    const field = fieldOf(siretInput, name);
    if (!field || field.disabled || field.readOnly) {
      return;
    }
    const text = typeof value === "string" ? value.trim() : "";
    const current = field.value;
    const ours = filledByUs.has(name) && current === filledByUs.get(name);
    if (current.trim() !== "" && !ours) {
      return; // typed (or kept) by the person: never overwritten
    }
    if (text === "") {
      filledByUs.delete(name);
    } else {
      filledByUs.set(name, text);
    }
    if (current !== text) {
      field.value = text;
      field.dispatchEvent(new Event("input", { bubbles: true }));
      field.dispatchEvent(new Event("change", { bubbles: true }));
    }
  }

  /** Takes back what this script filled for another SIRET (never what the person typed). */
  function clearOurFills() {
    for (const name of FILLED_FIELDS) {
      fill(name, "");
    }
  }

  /** The register could not be asked: say so, and let a later blur or edit ask again. */
  function unavailable() {
    clearOurFills();
    setStatus("unavailable", texts().unavailable);
    shownFor = null;
  }

  /** @param {string} digits */
  async function lookup(digits) {
    const base = realmBasePath();
    if (!base) {
      return;
    }
    if (inFlight) {
      inFlight.abort();
    }
    const controller = new AbortController();
    inFlight = controller;
    shownFor = digits;
    const timeout = setTimeout(() => controller.abort(), TIMEOUT_MS);
    const t = texts();

    /** @type {Response | null} */
    let response = null;
    try {
      response = await fetch(base + "/company-register/" + encodeURIComponent(digits), {
        method: "GET",
        headers: { Accept: "application/json" },
        credentials: "same-origin",
        cache: "no-store",
        signal: controller.signal,
      });
    } catch (error) {
      response = null;
    } finally {
      clearTimeout(timeout);
    }

    // A newer lookup (or a SIRET edit) took over while this one was running.
    if (inFlight !== controller) {
      return;
    }
    inFlight = undefined;
    if (siretDigits(siretInput.value) !== digits) {
      return;
    }

    if (response === null) {
      unavailable();
      return;
    }

    switch (response.status) {
      case 200: {
        /** @type {any} */
        let body = null;
        try {
          body = await response.json();
        } catch (error) {
          body = null;
        }
        if (!body || typeof body !== "object") {
          unavailable();
          return;
        }
        if (body.active === false) {
          clearOurFills();
          setStatus("error", t.closed);
          return;
        }
        for (const name of FILLED_FIELDS) {
          fill(name, body[name]);
        }
        const name = typeof body.raisonSociale === "string" ? body.raisonSociale.trim() : "";
        setStatus("found", (name ? t.found + name : t.foundUnnamed) + missingText(body.missing, t));
        return;
      }
      case 410:
        clearOurFills();
        setStatus("error", t.closed);
        return;
      case 404:
        clearOurFills();
        setStatus("error", t.unknown);
        return;
      case 400:
        clearOurFills();
        setStatus("error", t.invalid);
        return;
      default:
        // 503, 429, 5xx, anything unexpected: the register could not be asked.
        unavailable();
    }
  }

  /** @param {number} delay */
  function schedule(delay) {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      const digits = siretDigits(siretInput.value);
      if (digits === null) {
        // Not (yet) a SIRET: forget any answer shown for a previous value.
        if (inFlight) {
          inFlight.abort();
          inFlight = undefined;
        }
        shownFor = null;
        setStatus("", "");
        return;
      }
      if (digits === shownFor) {
        return;
      }
      lookup(digits);
    }, delay);
  }

  siretInput.addEventListener("input", () => schedule(DEBOUNCE_MS));
  siretInput.addEventListener("blur", () => schedule(DEBOUNCE_MS));

  // The page may come back with a SIRET already typed (e.g. after a validation error): show its status,
  // pre-filling only the fields still empty.
  if (siretDigits(siretInput.value) !== null) {
    schedule(0);
  }
}

function init() {
  document.querySelectorAll(`input[data-${ANNOTATION}]`).forEach((element) => {
    if (element instanceof HTMLInputElement) {
      attach(element);
    }
  });
}

if (typeof document !== "undefined") {
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
}
