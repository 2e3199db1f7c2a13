// @ts-check
/**
 * The sign-up captcha's texts and announcements (ceres-captcha.ftl).
 *
 * ALTCHA's widget takes its texts from a global store, per language: the page's texts (the theme's messages, in the
 * widget's data-* attributes) are registered under the page's language, the one the widget is told to speak.
 * The widget changes its label as it works but announces nothing; the page's live region (role="status") says when
 * the check is done or has failed, so that someone who cannot see the box knows the form can be sent.
 */

const widget = document.getElementById("ceres-captcha");
const status = document.getElementById("ceres-captcha-status");
/** @type {any} */
const altcha = /** @type {any} */ (globalThis).$altcha;

if (widget && status && altcha) {
  const texts = widget.dataset;
  altcha.i18n.set(widget.getAttribute("language") || "fr", {
    ...altcha.i18n.get("en"),
    label: texts.label,
    verifying: texts.verifying,
    verified: texts.verified,
    error: texts.error,
    expired: texts.expired,
    verificationRequired: texts.verificationRequired,
    waitAlert: texts.waitAlert,
  });
  widget.addEventListener("statechange", (event) => {
    const state = /** @type {CustomEvent} */ (event).detail?.state;
    if (state === "verified") {
      status.textContent = texts.announceVerified || "";
    } else if (state === "error" || state === "expired") {
      status.textContent = texts.announceError || "";
    }
  });
}
