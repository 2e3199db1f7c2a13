<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "user-profile-commons.ftl" as userProfileCommons>
<#import "register-commons.ftl" as registerCommons>
<#import "password-validation.ftl" as validator>
<#import "ceres-captcha.ftl" as captcha>
<#--
  Ceres "Créer mon compte" page: keycloak.v2's register.ftl, plus the "resend the activation link" button
  shown when the Ceres form action sets the attribute ceresPendingEmail (String: the email of an account
  that already awaits activation). That button posts this same form with ceresResend=true.
  Sign-up from an invitation link: the form action ceres-invitation-registration sets
  ceresInvitationEmail (String: the invited address); the email field then shows it, read-only. The
  server refuses any other address: this is only what the person sees.
-->
<#if ceresInvitationEmail?? && ceresInvitationEmail?has_content>
    <#-- Keycloak's user-profile-commons.ftl renders every field through its macro inputTag: the email's is
         replaced in that namespace, every other field keeps Keycloak's. -->
    <#assign ceresProfileInputTag = userProfileCommons.inputTag>
    <#assign inputTag = ceresInvitationInputTag in userProfileCommons>
</#if>
<#macro ceresInvitationInputTag attribute value>
    <#if attribute.name == "email">
        <span class="${properties.kcInputClass!}">
            <input type="email" id="email" name="email" value="${ceresInvitationEmail}" class="${properties.kcInputClass!}"
                   readonly aria-readonly="true" autocomplete="email" aria-describedby="ceres-invitation-email-help"
                   aria-invalid="<#if messagesPerField.existsError('email')>true</#if>"/>
        </span>
        <div class="${properties.kcInputHelperTextAfterClass!}" id="ceres-invitation-email-help">${msg("ceresInvitationEmailFixedHelp")}</div>
    <#else>
        <@ceresProfileInputTag attribute=attribute value=value/>
    </#if>
</#macro>
<@layout.registrationLayout displayMessage=messagesPerField.exists('global') displayRequiredFields=true; section>
<!-- template: register.ftl (ceres) -->

    <#if section = "header">
        <#if messageHeader??>
            ${msg(messageHeader)}
        <#else>
            ${msg("registerTitle")}
        </#if>
    <#elseif section = "form">
        <#assign invisibleRecaptcha = (recaptchaRequired?? && !(recaptchaVisible!false))>
        <form id="kc-register-form" class="${properties.kcFormClass!}" action="${url.registrationAction}" method="post" novalidate="novalidate">
            <#if ceresPendingEmail?? && ceresPendingEmail?has_content>
                <#--
                  Pressing Enter in a field submits the form with its first submit button. Without this
                  nameless, invisible button, Enter would "resend the activation link" instead of creating
                  the account. With the invisible reCAPTCHA, it hands the click to "Créer mon compte"
                  (#kc-submit), which reCAPTCHA is bound to.
                -->
                <button type="submit" id="ceres-implicit-submit" class="ceres-implicit-submit" tabindex="-1" aria-hidden="true"></button>
                <#if invisibleRecaptcha>
                    <script type="module">
                        const implicitSubmit = document.getElementById("ceres-implicit-submit");
                        const primarySubmit = document.getElementById("kc-submit");
                        if (implicitSubmit && primarySubmit) {
                            implicitSubmit.addEventListener("click", (event) => {
                                event.preventDefault();
                                primarySubmit.click();
                            });
                        }
                    </script>
                </#if>
                <div id="ceres-pending" class="ceres-pending">
                    <p id="ceres-pending-text" class="ceres-pending__text">${msg("ceresPendingActivationFor", ceresPendingEmail)}</p>
                    <button type="submit" name="ceresResend" value="true" id="ceres-resend" formnovalidate
                            class="${properties.kcButtonSecondaryClass!}"
                            aria-describedby="ceres-pending-text">${msg("ceresResendActivation")}</button>
                </div>
            </#if>

            <@userProfileCommons.userProfileFormFields; callback, attribute>
                <#if callback = "afterField">
                <#-- render password fields just under the username or email (if used as username) -->
                    <#if passwordRequired?? && (attribute.name == 'username' || (attribute.name == 'email' && realm.registrationEmailAsUsername))>
                        <@field.password name="password" required=true label=msg("password") autocomplete="new-password" />
                        <@field.password name="password-confirm" required=true label=msg("passwordConfirm") autocomplete="new-password" />
                    </#if>
                </#if>
            </@userProfileCommons.userProfileFormFields>

            <@registerCommons.termsAcceptance/>

            <#if recaptchaRequired?? && (recaptchaVisible!false)>
                <div class="form-group">
                    <div class="${properties.kcInputWrapperClass!}">
                        <div class="g-recaptcha" data-size="compact" data-sitekey="${recaptchaSiteKey}" data-action="${recaptchaAction}"></div>
                    </div>
                </div>
            </#if>

            <@captcha.widget/>

            <#if recaptchaRequired?? && !(recaptchaVisible!false)>
                <script>
                    function onSubmitRecaptcha(token) {
                        document.getElementById("kc-register-form").requestSubmit();
                    }
                </script>
                <div id="kc-form-buttons" class="${properties.kcFormButtonsClass!}">
                    <button class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!} g-recaptcha"
                            data-sitekey="${recaptchaSiteKey}" data-callback="onSubmitRecaptcha" data-action="${recaptchaAction}" type="submit" id="kc-submit">
                        ${msg("doRegister")}
                    </button>
                </div>
            <#else>
                <div id="kc-form-buttons" class="${properties.kcFormButtonsClass!}">
                    <input class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}" type="submit" id="kc-submit" value="${msg("doRegister")}"/>
                </div>
            </#if>

            <div class="${properties.kcFormGroupClass!} pf-v5-c-login__main-footer-band">
                <div id="kc-form-options" class="${properties.kcFormOptionsClass!} pf-v5-c-login__main-footer-band-item">
                    <div class="${properties.kcFormOptionsWrapperClass!}">
                        <span><a href="${url.loginUrl}">${msg("backToLogin")}</a></span>
                    </div>
                </div>
            </div>

        </form>

        <@validator.templates/>
        <@validator.script field="password"/>
    </#if>
</@layout.registrationLayout>
