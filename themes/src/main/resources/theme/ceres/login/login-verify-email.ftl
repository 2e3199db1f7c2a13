<#import "template.ftl" as layout>
<#--
  Shown right after "Créer mon compte" (required action VERIFY_EMAIL): the activation email has been sent.
  Same attributes and behaviour as base/login/login-verify-email.ftl:
    verifyEmail          String, set once the email has been sent (the address it was sent to)
    user.email           the account's address otherwise
    isAppInitiatedAction set when the action was requested by the application (kc_action)
-->
<@layout.registrationLayout displayInfo=true; section>
    <#if section = "header">
        ${msg("ceresActivateTitle")}
    <#elseif section = "form">
        <p class="instruction" id="ceres-verify-email-text">
            <#if verifyEmail??>
                ${msg("ceresActivationEmailSent", verifyEmail)}
            <#else>
                ${msg("ceresActivationEmailToSend", (user.email)!"")}
            </#if>
        </p>
        <#if isAppInitiatedAction??>
            <form id="kc-verify-email-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
                <div class="${properties.kcFormGroupClass!}">
                    <div id="kc-form-buttons" class="${properties.kcFormActionGroupClass!}">
                        <#if verifyEmail??>
                            <input class="${properties.kcButtonSecondaryClass!}" type="submit" value="${msg("ceresResendActivationEmail")}" />
                        <#else>
                            <input class="${properties.kcButtonPrimaryClass!}" type="submit" value="${msg("ceresSendActivationEmail")}" />
                        </#if>
                        <button class="${properties.kcButtonSecondaryClass!}" type="submit" name="cancel-aia" value="true" formnovalidate>${msg("doCancel")}</button>
                    </div>
                </div>
            </form>
        </#if>
    <#elseif section = "info">
        <#if !isAppInitiatedAction??>
            <p class="instruction" id="ceres-verify-email-resend">
                ${msg("ceresActivationNotReceived")}
                <a href="${url.loginAction}" id="ceres-resend-email">${msg("ceresResendActivationEmail")}</a>
            </p>
        </#if>
    </#if>
</@layout.registrationLayout>
