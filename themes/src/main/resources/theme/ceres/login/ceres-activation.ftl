<#import "template.ftl" as layout>
<#--
  The pages of the activation link (one template, three states). Attributes set by the Java code:
    activationState   String: "confirm" | "activated" | "used"
    activationAction  String, for "confirm": URL the "Activer mon compte" form is sent to (GET)
    activationParams  Map<String, String>, for "confirm": hidden inputs of that form (name -> value).
                      A GET form drops the query string of its action: every parameter goes here.
    portalUrl         String, for "activated" and "used": the portal's address
    user              optional; firstName, lastName, email
-->
<#assign state = (activationState!"")?string>
<#assign firstName = (user.firstName)!"">
<#assign lastName = (user.lastName)!"">
<#assign fullName = (firstName + " " + lastName)?trim>
<#-- Renders a parameter value verbatim: numbers and booleans without locale formatting. -->
<#macro paramValue value><#if value?is_number>${value?c}<#elseif value?is_boolean>${value?c}<#else>${value}</#if></#macro>
<@layout.registrationLayout; section>
    <#if section = "header">
        <#if state == "confirm">
            ${msg("ceresActivationConfirmTitle")}
        <#elseif state == "activated">
            ${msg("ceresActivationDoneTitle")}
        <#elseif state == "used">
            ${msg("ceresActivationUsedTitle")}
        <#else>
            ${msg("ceresActivationConfirmTitle")}
        </#if>
    <#elseif section = "form">
        <div id="ceres-activation" class="ceres-activation" data-activation-state="${state}">
            <#if state == "confirm">
                <p class="instruction" id="ceres-activation-text">
                    <#if fullName?has_content>
                        ${msg("ceresActivationConfirmText", fullName)}
                    <#else>
                        ${msg("ceresActivationConfirmTextNoName")}
                    </#if>
                </p>
                <#if activationAction??>
                    <form id="ceres-activation-form" class="${properties.kcFormClass!}" method="get" action="${activationAction}">
                        <#if activationParams??>
                            <#list activationParams as name, value>
                                <input type="hidden" name="${name}" value="<@paramValue value=value!""/>"/>
                            </#list>
                        </#if>
                        <div class="${properties.kcFormGroupClass!}">
                            <div id="kc-form-buttons" class="${properties.kcFormActionGroupClass!}">
                                <button type="submit" id="ceres-activate"
                                        class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("ceresActivateButton")}</button>
                            </div>
                        </div>
                    </form>
                </#if>
            <#elseif state == "activated" || state == "used">
                <p class="instruction" id="ceres-activation-text">
                    <#if state == "activated">
                        ${msg("ceresActivationDoneText")}
                    <#else>
                        ${msg("ceresActivationUsedText")}
                    </#if>
                </p>
                <#if portalUrl?? && portalUrl?has_content>
                    <div class="${properties.kcFormGroupClass!}">
                        <div class="${properties.kcFormActionGroupClass!}">
                            <a id="ceres-portal" href="${portalUrl}"
                               class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("ceresGoToPortal")}</a>
                        </div>
                    </div>
                </#if>
            </#if>
        </div>
    </#if>
</@layout.registrationLayout>
