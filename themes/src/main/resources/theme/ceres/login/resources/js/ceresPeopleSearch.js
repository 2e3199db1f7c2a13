// @ts-check
/**
 * « Utilisateur » of the dialog « Inviter un utilisateur » (ceres-invite.ftl): suggestions as one types.
 *
 * The input carries data-ceres-people-url (the centre's JSON endpoint, which only answers with accounts of
 * the centre's company) and data-ceres-min-length. From that many characters on, the accounts matching the
 * text are listed under the input as an ARIA 1.2 combobox: Down/Up move through them, Enter or a click
 * chooses one, Escape closes the list. Choosing puts the account's email in the hidden field "personne"
 * (what the invitation is sent to) and says who was chosen. Without this script, the page's « Rechercher »
 * button lists the same accounts as radio buttons.
 */

const DEBOUNCE_MS = 250;
const TIMEOUT_MS = 10000;

const TEXTS = {
  fr: {
    count: (/** @type {number} */ n) =>
      n === 0 ? "Aucun compte ne correspond." : n === 1 ? "1 compte proposé." : n + " comptes proposés.",
    chosen: (/** @type {string} */ name, /** @type {string} */ email) => "Personne choisie : " + name + " (" + email + ")",
    unavailable: "La recherche ne répond pas : utilisez le bouton « Rechercher ».",
    declared: (/** @type {Declared} */ d) =>
      "SIRET déclaré " + d.siret + " (" + (d.siretVerified ? "vérifié" : "non vérifié") + "), "
      + (d.personalEmail ? "adresse email personnelle" : "email @" + d.emailDomain),
  },
  en: {
    count: (/** @type {number} */ n) =>
      n === 0 ? "No account matches." : n === 1 ? "1 account suggested." : n + " accounts suggested.",
    chosen: (/** @type {string} */ name, /** @type {string} */ email) => "Chosen: " + name + " (" + email + ")",
    unavailable: "The search is not responding: use the « Search » button.",
    declared: (/** @type {Declared} */ d) =>
      "declared SIRET " + d.siret + " (" + (d.siretVerified ? "verified" : "not verified") + "), "
      + (d.personalEmail ? "personal email address" : "email @" + d.emailDomain),
  },
};

/**
 * What a suggested person declares versus what is known (the server's DeclaredIdentity).
 * @typedef {{siret: string, siretVerified: boolean, emailDomain: string, personalEmail: boolean}} Declared
 */

/** @returns {Declared} */
function declaredOf(/** @type {any} */ d) {
  return {
    siret: String((d && d.siret) || ""),
    siretVerified: Boolean(d && d.siretVerified === true),
    emailDomain: String((d && d.emailDomain) || ""),
    personalEmail: Boolean(d && d.personalEmail === true),
  };
}

function texts() {
  const lang = (document.documentElement.lang || "").toLowerCase();
  return lang.startsWith("en") ? TEXTS.en : TEXTS.fr;
}

/**
 * @param {HTMLInputElement} input
 */
function attach(input) {
  const url = input.dataset.ceresPeopleUrl || "";
  const minLength = Number(input.dataset.ceresMinLength || "3");
  const list = /** @type {HTMLUListElement | null} */ (document.getElementById(input.getAttribute("aria-controls") || ""));
  const chosenField = /** @type {HTMLInputElement | null} */ (document.getElementById("ceres-invite-chosen-email"));
  const chosenText = document.getElementById("ceres-invite-chosen");
  const status = document.getElementById("ceres-invite-status");
  if (!url || !list || !chosenField || !chosenText || !status) {
    return;
  }
  const t = texts();
  /** @type {{name: string, email: string, declared: Declared}[]} */
  let people = [];
  let active = -1;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  /** @type {AbortController | undefined} */
  let inFlight;
  /** The text shown for the chosen account, so that editing it forgets the choice. */
  let chosenLabel = chosenField.value ? input.value : null;

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  /** @param {number} index */
  function highlight(index) {
    const options = list.querySelectorAll('[role="option"]');
    options.forEach((option, i) => option.setAttribute("aria-selected", i === index ? "true" : "false"));
    active = index;
    if (index >= 0 && options[index]) {
      input.setAttribute("aria-activedescendant", options[index].id);
      options[index].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function render() {
    list.replaceChildren();
    people.forEach((person, index) => {
      const option = document.createElement("li");
      option.id = "ceres-invite-suggestion-" + index;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.dataset.email = person.email;
      const name = document.createElement("span");
      name.textContent = person.name;
      const email = document.createElement("span");
      email.className = "ceres-invite-option-email";
      email.textContent = " (" + person.email + ")";
      const declared = document.createElement("small");
      declared.className = "ceres-invite-declared";
      declared.textContent = " " + t.declared(person.declared);
      option.append(name, email, declared);
      // mousedown, not click: the input keeps the focus.
      option.addEventListener("mousedown", (event) => {
        event.preventDefault();
        choose(index);
      });
      list.append(option);
    });
    list.hidden = people.length === 0;
    input.setAttribute("aria-expanded", people.length > 0 ? "true" : "false");
    active = -1;
    status.textContent = t.count(people.length);
  }

  /** @param {number} index */
  function choose(index) {
    const person = people[index];
    if (!person) {
      return;
    }
    chosenField.value = person.email;
    input.value = person.name;
    chosenLabel = person.name;
    chosenText.textContent = t.chosen(person.name, person.email);
    close();
  }

  /** @param {string} text */
  async function search(text) {
    if (inFlight) {
      inFlight.abort();
    }
    const controller = new AbortController();
    inFlight = controller;
    const timeout = setTimeout(() => controller.abort(), TIMEOUT_MS);
    try {
      const response = await fetch(url + "?q=" + encodeURIComponent(text), {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
        cache: "no-store",
        signal: controller.signal,
      });
      if (inFlight !== controller || input.value.trim() !== text) {
        return;
      }
      if (!response.ok) {
        throw new Error(String(response.status));
      }
      const body = await response.json();
      people = Array.isArray(body)
        ? body.filter((p) => p && typeof p.email === "string").map((p) => ({ name: String(p.name || p.email), email: p.email, declared: declaredOf(p.declared) }))
        : [];
      render();
    } catch (error) {
      if (inFlight === controller) {
        people = [];
        close();
        status.textContent = t.unavailable;
      }
    } finally {
      clearTimeout(timeout);
      if (inFlight === controller) {
        inFlight = undefined;
      }
    }
  }

  input.addEventListener("input", () => {
    if (chosenLabel !== null && input.value !== chosenLabel) {
      // The text no longer names the chosen account: forget it.
      chosenField.value = "";
      chosenText.textContent = "";
      chosenLabel = null;
    }
    clearTimeout(timer);
    const text = input.value.trim();
    if (text.length < minLength) {
      people = [];
      close();
      return;
    }
    timer = setTimeout(() => search(text), DEBOUNCE_MS);
  });

  input.addEventListener("keydown", (event) => {
    const open = !list.hidden && people.length > 0;
    switch (event.key) {
      case "ArrowDown":
        if (people.length > 0) {
          event.preventDefault();
          if (!open) {
            list.hidden = false;
            input.setAttribute("aria-expanded", "true");
          }
          highlight(active + 1 >= people.length ? 0 : active + 1);
        }
        break;
      case "ArrowUp":
        if (open) {
          event.preventDefault();
          highlight(active <= 0 ? people.length - 1 : active - 1);
        }
        break;
      case "Enter":
        if (open && active >= 0) {
          // Choose the highlighted account rather than sending the form.
          event.preventDefault();
          choose(active);
        }
        break;
      case "Escape":
        if (open) {
          event.preventDefault();
          close();
        }
        break;
      default:
    }
  });

  input.addEventListener("blur", () => close());
}

function init() {
  document.querySelectorAll("input[data-ceres-people-url]").forEach((element) => {
    if (element instanceof HTMLInputElement) {
      attach(element);
    }
  });
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", init);
} else {
  init();
}
