<#--
  The sign-up's captcha (form action ceres-captcha, package fr.ceres.keycloak.signup.captcha): ALTCHA's widget, served
  from this theme (resources/vendor/altcha, refreshed by scripts/vendor-altcha.sh), solving the page's challenge in
  the background as soon as the page is loaded: nothing to click for most people, no third party. The challenge is
  the attribute ceresCaptchaChallenge (JSON), set by the form action; without it (step disabled) nothing is shown.
  The widget's texts are the theme's messages (resources/js/ceresCaptcha.js hands them to it), and a polite live
  region says when the check is done or has failed, which the widget itself does not announce.
-->
<#macro widget>
    <#if ceresCaptchaChallenge??>
        <div class="${properties.kcFormGroupClass!} ceres-captcha">
            <altcha-widget id="ceres-captcha" name="altcha" auto="onload" type="native" language="${locale.currentLanguageTag}"
                           challenge="${ceresCaptchaChallenge}"
                           configuration='{"hideLogo":true,"hideFooter":true,"humanInteractionSignature":false}'
                           data-label="${msg("ceresCaptchaLabel")}"
                           data-verifying="${msg("ceresCaptchaVerifying")}"
                           data-verified="${msg("ceresCaptchaVerified")}"
                           data-error="${msg("ceresCaptchaError")}"
                           data-expired="${msg("ceresCaptchaExpired")}"
                           data-verification-required="${msg("ceresCaptchaRequired")}"
                           data-wait-alert="${msg("ceresCaptchaWait")}"
                           data-announce-verified="${msg("ceresCaptchaAnnounceVerified")}"
                           data-announce-error="${msg("ceresCaptchaAnnounceError")}"></altcha-widget>
            <p id="ceres-captcha-help" class="${properties.kcInputHelperTextAfterClass!}">${msg("ceresCaptchaHelp")}</p>
            <p id="ceres-captcha-status" class="ceres-visually-hidden" role="status" aria-live="polite"></p>
            <noscript><p class="${properties.kcInputErrorMessageClass!}">${msg("ceresCaptchaNoScript")}</p></noscript>
            <script type="module" src="${url.resourcesPath}/vendor/altcha/altcha.min.js"></script>
            <script type="module" src="${url.resourcesPath}/js/ceresCaptcha.js"></script>
        </div>
    </#if>
</#macro>
