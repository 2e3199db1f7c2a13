<#import "template.ftl" as layout>
<#import "ceres-roles.ftl" as roles>
<#import "ceres-parts.ftl" as parts>
<#--
  The invitee's page (GET/POST /realms/{realm}/ceres-portal/invitation?key=…,
  InvitationResource). Attribute ceresInvitation (InvitationPage):
    .state        confirm | accepted | other-account | sign-in | forbidden
                  | invalid | expired | cancelled | used | superseded (links that cannot be used)
    .inviter, .role (an id), .company, .siret, .centre, .email (the invited address)
    .accountEmail the signed-in account's address (other-account)
    .key, .csrf, .csrfField, .actionUrl   the « Accepter l'invitation » form (confirm)
    .nextUrl      the page's one way on: the portal, « Changer de compte », « Se connecter », or the link again
-->
<#assign page = ceresInvitation>
<#assign state = page.state>
<#macro summary>
    <dl id="ceres-invitation-summary" class="ceres-summary-list ceres-invitation-summary">
        <dt>${msg("ceresInvitationInviter")}</dt><dd id="ceres-invitation-inviter">${page.inviter}</dd>
        <dt>${msg("ceresInvitationRole")}</dt><dd id="ceres-invitation-role">${roles.label(page.role)}</dd>
        <dt>${msg("ceresInvitationCompany")}</dt><dd id="ceres-invitation-company">${page.company}</dd>
        <dt>${msg("ceresInvitationSiret")}</dt><dd id="ceres-invitation-siret">${page.siret}</dd>
        <dt>${msg("ceresInvitationEmail")}</dt><dd id="ceres-invitation-email">${page.email}</dd>
    </dl>
</#macro>
<#macro next id label primary=true>
    <div class="${properties.kcFormActionGroupClass!}">
        <a id="${id}" href="${page.nextUrl}"
           class="<#if primary>${properties.kcButtonPrimaryClass!}<#else>${properties.kcButtonSecondaryClass!}</#if> ${properties.kcButtonBlockClass!}">${label}</a>
    </div>
</#macro>
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        <#switch state>
            <#case "confirm"><#case "sign-in">${msg("ceresInvitationTitle")}<#break>
            <#case "accepted">${msg("ceresInvitationAcceptedTitle")}<#break>
            <#case "other-account">${msg("ceresInvitationOtherAccountTitle")}<#break>
            <#case "forbidden">${msg("ceresInvitationForbiddenTitle")}<#break>
            <#default>${msg("ceresInvitationClosedTitle")}
        </#switch>
    <#elseif section = "form">
        <div id="ceres-invitation" class="ceres-invitation" data-invitation-state="${state}">
            <#switch state>
                <#case "confirm">
                    <p class="instruction" id="ceres-invitation-text">${msg("ceresInvitationConfirmText", page.inviter)}</p>
                    <@summary/>
                    <form id="ceres-invitation-form" class="${properties.kcFormClass!}" method="post" action="${page.actionUrl}">
                        <input type="hidden" name="key" value="${page.key}"/>
                        <input type="hidden" name="${page.csrfField}" value="${page.csrf}"/>
                        <div class="${properties.kcFormActionGroupClass!}">
                            <button type="submit" id="ceres-invitation-accept" class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("ceresInvitationAccept")}</button>
                        </div>
                    </form>
                    <#break>
                <#case "accepted">
                    <@parts.alert id="ceres-invitation-text" kind="success">${msg("ceresInvitationAcceptedText", page.company)}</@parts.alert>
                    <@summary/>
                    <@next id="ceres-invitation-portal" label=msg("ceresGoToPortal")/>
                    <#break>
                <#case "other-account">
                    <p class="instruction" id="ceres-invitation-text">${msg("ceresInvitationOtherAccountText", page.email, page.accountEmail)}</p>
                    <@next id="ceres-invitation-switch" label=msg("ceresInvitationSwitchAccount")/>
                    <#break>
                <#case "sign-in">
                    <p class="instruction" id="ceres-invitation-text">${msg("ceresInvitationSignInText", page.email)}</p>
                    <@next id="ceres-invitation-sign-in" label=msg("ceresInvitationSignIn")/>
                    <#break>
                <#case "forbidden">
                    <p class="instruction" id="ceres-invitation-text">${msg("ceresInvitationForbiddenText")}</p>
                    <@next id="ceres-invitation-retry" label=msg("ceresInvitationRetry")/>
                    <#break>
                <#default>
                    <p class="instruction" id="ceres-invitation-text">
                        <#switch state>
                            <#case "expired">${msg("ceresInvitationExpiredText")}<#break>
                            <#case "cancelled">${msg("ceresInvitationCancelledText")}<#break>
                            <#case "used">${msg("ceresInvitationUsedText")}<#break>
                            <#case "superseded">${msg("ceresInvitationSupersededText")}<#break>
                            <#default>${msg("ceresInvitationInvalidText")}
                        </#switch>
                    </p>
                    <@next id="ceres-invitation-portal" label=msg("ceresGoToPortal") primary=false/>
            </#switch>
        </div>
    </#if>
</@layout.registrationLayout>
