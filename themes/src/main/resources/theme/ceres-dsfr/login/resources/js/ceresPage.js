// Behaviour every page of the DSFR theme shares.

// After a refused submit, focus goes to the first field in error, so that a keyboard or screen reader user
// lands where the problem is (the page-wide alert is read out through its role="alert"). The label, hint and
// error of that field are read with it through aria-describedby.
const firstInvalid = document.querySelector('main [aria-invalid="true"]');
if (firstInvalid) {
    firstInvalid.focus();
}

// « Afficher » the password: a toggle button, pressed while the password shows in clear.
document.querySelectorAll("[data-ceres-password-toggle]").forEach((button) => {
    const input = document.getElementById(button.getAttribute("aria-controls"));
    button.addEventListener("click", () => {
        const shown = input.type === "password";
        input.type = shown ? "text" : "password";
        button.setAttribute("aria-pressed", String(shown));
    });
});
