<#--
  Form fields in the DSFR markup, with the macros and ids of keycloak.v2's field.ftl so that every page renders
  through them: a field's hint and error live in its « messages » group, tied to the input by aria-describedby,
  and the group turns red on error. The error keeps Keycloak's id input-error-{name}.
-->
<#macro group name label error="" required=false hint="">
    <div class="fr-input-group<#if error?has_content> fr-input-group--error</#if>" id="${name}-group">
        <label for="${name}" class="fr-label">
            ${label}<#if required><span class="ceres-required" aria-hidden="true">&nbsp;*</span></#if>
            <#if hint?has_content><span class="fr-hint-text" id="${name}-hint">${hint}</span></#if>
        </label>
        <#nested>
        <div class="fr-messages-group" id="input-error-container-${name}" aria-live="polite">
            <#if error?has_content>
                <p class="fr-message fr-message--error kc-feedback-text" id="input-error-${name}">${error}</p>
            </#if>
        </div>
    </div>
</#macro>

<#-- The ids an input points to with aria-describedby: its hint, then its error. -->
<#function describedBy name hint error>
    <#local ids = []>
    <#if hint?has_content><#local ids = ids + [name + "-hint"]></#if>
    <#if error?has_content><#local ids = ids + ["input-error-" + name]></#if>
    <#return ids?join(" ")>
</#function>

<#macro errorIcon error=""></#macro>

<#macro input name label value="" required=false autocomplete="off" fieldName=name error=messagesPerField.get(fieldName) autofocus=false hint="">
    <@group name=name label=label error=error required=required hint=hint>
        <input class="fr-input<#if error?has_content> fr-input--error</#if>" id="${name}" name="${name}" value="${value}" type="text"
               autocomplete="${autocomplete}"<#if autofocus> autofocus</#if><#if required> required</#if>
               <#if autocomplete == "one-time-code">inputmode="numeric"</#if>
               <#if describedBy(name, hint, error)?has_content>aria-describedby="${describedBy(name, hint, error)}"</#if>
               aria-invalid="<#if error?has_content>true<#else>false</#if>"/>
    </@group>
</#macro>

<#macro password name label value="" required=false forgotPassword=false fieldName=name error=messagesPerField.get(fieldName) autocomplete="off" autofocus=false hint="">
    <@group name=name label=label error=error required=required hint=hint>
        <div class="fr-input-wrap ceres-password">
            <input class="fr-input<#if error?has_content> fr-input--error</#if>" id="${name}" name="${name}" value="${value}" type="password"
                   autocomplete="${autocomplete}"<#if autofocus> autofocus</#if><#if required> required</#if>
                   <#if describedBy(name, hint, error)?has_content>aria-describedby="${describedBy(name, hint, error)}"</#if>
                   aria-invalid="<#if error?has_content>true<#else>false</#if>"/>
            <button class="fr-btn fr-btn--tertiary-no-outline fr-btn--sm ceres-password__toggle" type="button"
                    aria-controls="${name}" aria-pressed="false" id="${name}-show-password"
                    data-ceres-password-toggle>${msg("ceresShowPasswordText")}</button>
        </div>
        <#nested>
        <#if forgotPassword>
            <p class="fr-mt-2w fr-mb-0"><a class="fr-link" href="${url.loginResetCredentialsUrl}">${msg("doForgotPassword")}</a></p>
        </#if>
    </@group>
</#macro>

<#macro clipboard name label ariaLabel=label value="" readonly=true>
    <@group name=name label=label>
        <input class="fr-input" id="${name}" name="${name}" value="${value}" type="text"<#if readonly> readonly</#if> aria-label="${ariaLabel}"/>
    </@group>
</#macro>

<#macro checkbox name label value=false required=false>
    <div class="fr-checkbox-group">
        <input type="checkbox" id="${name}" name="${name}"<#if value> checked</#if><#if required> required</#if>/>
        <label for="${name}" class="fr-label">${label}<#if required><span class="ceres-required" aria-hidden="true">&nbsp;*</span></#if></label>
    </div>
</#macro>
