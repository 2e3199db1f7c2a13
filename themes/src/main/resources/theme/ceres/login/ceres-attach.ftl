<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#--
  « Rattacher le service Ceres » (required action ceres-attach). Attributes set by the Java code:
    ceresSiret   optional String: the SIRET as typed, shown again after a refusal (the code never is)
  Field errors come through messagesPerField ("siret", "code"); page-wide ones through message.
  The « Plus tard » button is named cancel-aia: Keycloak cancels an application-initiated action on
  it; at sign-in to Ceres the action ends the sign-in with access_denied back to the application.
-->
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('siret','code'); section>
    <#if section = "header">
        ${msg("ceresAttachTitle")}
    <#elseif section = "form">
        <p class="instruction" id="ceres-attach-text">${msg("ceresAttachText")}</p>
        <form id="ceres-attach-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <@field.input name="siret" label=msg("ceresAttachSiret") value=(ceresSiret!"") autocomplete="off" autofocus=true required=true/>
            <@field.input name="code" label=msg("ceresAttachCode") autocomplete="off" required=true/>
            <p class="${properties.kcFormHelperTextClass!}" id="ceres-attach-code-help">${msg("ceresAttachCodeHelp")}</p>
            <@buttons.actionGroup horizontal=true>
                <@buttons.button id="ceres-attach-submit" name="attach" label="ceresAttachSubmit"/>
                <@buttons.button id="ceres-attach-later" name="cancel-aia" label="ceresAttachLater" type="secondary" formnovalidate="formnovalidate"/>
            </@buttons.actionGroup>
        </form>
    </#if>
</@layout.registrationLayout>
