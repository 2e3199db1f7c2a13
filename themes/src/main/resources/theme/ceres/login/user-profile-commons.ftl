<#import "field.ftl" as field>
<#--
  The user-profile fields of the sign-up and profile pages, shared by the Ceres themes. Same macros as
  keycloak.v2's user-profile-commons.ftl, with what an accessible form needs:
  - each group of the profile (« Votre identifiant », « Votre entreprise », « Vos coordonnées ») is a fieldset
    whose legend is the group's header;
  - a choice between options (civilité) is a fieldset of its own, its legend the field's name;
  - an input points to its help text and its error with aria-describedby.
  The CSS classes come from the theme's properties: ceresInputWrapperClass wraps an input (PatternFly's form
  control in the neutral theme, nothing in the DSFR one) and ceresInputFieldClass is the input's own.
-->
<#macro userProfileFormFields>
    <#assign currentGroup = "">
    <#list profile.attributes as attribute>
        <#if attribute.name == 'locale' && realm.internationalizationEnabled && locale.currentLanguageTag?has_content>
            <input type="hidden" id="${attribute.name}" name="${attribute.name}" value="${locale.currentLanguageTag}"/>
        <#else>
            <#assign groupName = (attribute.group.name)!"">
            <#if groupName != currentGroup>
                <#if currentGroup != ""></fieldset></#if>
                <#assign currentGroup = groupName>
                <#if groupName != ""><@groupStart group=attribute.group/></#if>
            </#if>

            <#nested "beforeField" attribute>
            <#if (attribute.annotations.inputType!'') == 'select-radiobuttons' || (attribute.annotations.inputType!'') == 'multiselect-checkboxes'>
                <@choiceFieldset attribute=attribute/>
            <#else>
                <@field.group name=attribute.name label=advancedMsg(attribute.displayName!'') error=messagesPerField.get(attribute.name) required=attribute.required>
                    <#if attribute.annotations.inputHelperTextBefore??>
                        <p class="${properties.kcInputHelperTextBeforeClass!}" id="form-help-text-before-${attribute.name}">${kcSanitize(advancedMsg(attribute.annotations.inputHelperTextBefore))?no_esc}</p>
                    </#if>
                    <@inputFieldByType attribute=attribute/>
                    <#if attribute.annotations.inputHelperTextAfter??>
                        <p class="${properties.kcInputHelperTextAfterClass!}" id="form-help-text-after-${attribute.name}">${kcSanitize(advancedMsg(attribute.annotations.inputHelperTextAfter))?no_esc}</p>
                    </#if>
                </@field.group>
            </#if>
            <#nested "afterField" attribute>
        </#if>
    </#list>
    <#if currentGroup != ""></fieldset></#if>

    <#list profile.html5DataAnnotations?keys as key>
        <script type="module" src="${url.resourcesPath}/js/${key}.js"></script>
    </#list>
</#macro>

<#macro groupStart group>
    <fieldset class="${properties.ceresFieldsetClass!}" id="fieldset-${group.name}"
              <#list group.html5DataAnnotations as key, value>data-${key}="${value}" </#list>>
        <legend class="${properties.ceresLegendClass!}" id="header-${group.name}">
            ${advancedMsg(group.displayHeader!group.name)}
            <#if (group.displayDescription!"")?has_content>
                <span class="${properties.kcFormHelperTextClass!}" id="description-${group.name}">${advancedMsg(group.displayDescription)}</span>
            </#if>
        </legend>
</#macro>

<#-- aria-describedby of an attribute's input: its help texts, then its error. -->
<#function describedBy attribute>
    <#local ids = []>
    <#if attribute.annotations.inputHelperTextBefore??><#local ids = ids + ["form-help-text-before-" + attribute.name]></#if>
    <#if attribute.annotations.inputHelperTextAfter??><#local ids = ids + ["form-help-text-after-" + attribute.name]></#if>
    <#if messagesPerField.existsError(attribute.name)><#local ids = ids + ["input-error-" + attribute.name]></#if>
    <#return ids?join(" ")>
</#function>

<#macro inputFieldByType attribute>
    <#switch attribute.annotations.inputType!''>
        <#case 'textarea'>
            <@textareaTag attribute=attribute/>
            <#break>
        <#case 'select'>
        <#case 'multiselect'>
            <@selectTag attribute=attribute/>
            <#break>
        <#default>
            <#if attribute.multivalued && attribute.values?has_content>
                <#list attribute.values as value>
                    <@inputTag attribute=attribute value=value!''/>
                </#list>
            <#else>
                <@inputTag attribute=attribute value=(attribute.value!attribute.defaultValue!'')/>
            </#if>
    </#switch>
</#macro>

<#macro inputTag attribute value>
    <#local error = messagesPerField.existsError(attribute.name)>
    <#if properties.ceresInputWrapperClass?has_content><span class="${properties.ceresInputWrapperClass} <#if error>${properties.kcError!}</#if>"></#if>
    <input type="<@inputTagType attribute=attribute/>" id="${attribute.name}" name="${attribute.name}" value="${(value!'')}"
           class="${properties.ceresInputFieldClass!}<#if error> ${properties.kcInputErrorClass!}</#if>"
           aria-invalid="${error?c}"<#if describedBy(attribute)?has_content> aria-describedby="${describedBy(attribute)}"</#if>
           <#if attribute.required>required</#if>
           <#if attribute.readOnly>disabled</#if>
           <#if attribute.autocomplete??>autocomplete="${attribute.autocomplete}"</#if>
           <#if attribute.annotations.inputMode??>inputmode="${attribute.annotations.inputMode}"</#if>
           <#if attribute.annotations.inputTypePlaceholder??>placeholder="${advancedMsg(attribute.annotations.inputTypePlaceholder)}"</#if>
           <#if attribute.annotations.inputTypePattern??>pattern="${attribute.annotations.inputTypePattern}"</#if>
           <#if attribute.annotations.inputTypeSize??>size="${attribute.annotations.inputTypeSize}"</#if>
           <#if attribute.annotations.inputTypeMaxlength??>maxlength="${attribute.annotations.inputTypeMaxlength}"</#if>
           <#if attribute.annotations.inputTypeMinlength??>minlength="${attribute.annotations.inputTypeMinlength}"</#if>
           <#if attribute.annotations.inputTypeMax??>max="${attribute.annotations.inputTypeMax}"</#if>
           <#if attribute.annotations.inputTypeMin??>min="${attribute.annotations.inputTypeMin}"</#if>
           <#if attribute.annotations.inputTypeStep??>step="${attribute.annotations.inputTypeStep}"</#if>
           <#list attribute.html5DataAnnotations as key, value>data-${key}="${value}" </#list>/>
    <#if properties.ceresInputWrapperClass?has_content></span></#if>
</#macro>

<#macro inputTagType attribute>
    <#compress>
        <#if attribute.annotations.inputType??>
            <#if attribute.annotations.inputType?starts_with("html5-")>${attribute.annotations.inputType[6..]}<#else>${attribute.annotations.inputType}</#if>
        <#else>text</#if>
    </#compress>
</#macro>

<#macro textareaTag attribute>
    <textarea id="${attribute.name}" name="${attribute.name}" class="${properties.ceresInputFieldClass!}"
              aria-invalid="${messagesPerField.existsError(attribute.name)?c}"<#if describedBy(attribute)?has_content> aria-describedby="${describedBy(attribute)}"</#if>
              <#if attribute.readOnly>disabled</#if>
              <#if attribute.annotations.inputTypeCols??>cols="${attribute.annotations.inputTypeCols}"</#if>
              <#if attribute.annotations.inputTypeRows??>rows="${attribute.annotations.inputTypeRows}"</#if>
              <#if attribute.annotations.inputTypeMaxlength??>maxlength="${attribute.annotations.inputTypeMaxlength}"</#if>
    >${(attribute.value!attribute.defaultValue!'')}</textarea>
</#macro>

<#function optionsOf attribute>
    <#if attribute.annotations.inputOptionsFromValidation?? && attribute.validators[attribute.annotations.inputOptionsFromValidation]?? && attribute.validators[attribute.annotations.inputOptionsFromValidation].options??>
        <#return attribute.validators[attribute.annotations.inputOptionsFromValidation].options>
    <#elseif attribute.validators.options?? && attribute.validators.options.options??>
        <#return attribute.validators.options.options>
    </#if>
    <#return []>
</#function>

<#function selectedValuesOf attribute>
    <#if (attribute.values![])?has_content><#return attribute.values></#if>
    <#if attribute.defaultValue??><#return [attribute.defaultValue]></#if>
    <#return []>
</#function>

<#macro selectTag attribute>
    <select id="${attribute.name}" name="${attribute.name}" class="${properties.ceresSelectClass!}"
            aria-invalid="${messagesPerField.existsError(attribute.name)?c}"<#if describedBy(attribute)?has_content> aria-describedby="${describedBy(attribute)}"</#if>
            <#if attribute.readOnly>disabled</#if>
            <#if attribute.annotations.inputType == 'multiselect'>multiple</#if>
            <#if attribute.annotations.inputTypeSize??>size="${attribute.annotations.inputTypeSize}"</#if>>
        <#if attribute.annotations.inputType == 'select'><option value=""></option></#if>
        <#list optionsOf(attribute) as option>
            <option value="${option}" <#if selectedValuesOf(attribute)?seq_contains(option)>selected</#if>><@selectOptionLabelText attribute=attribute option=option/></option>
        </#list>
    </select>
</#macro>

<#-- Radio buttons or checkboxes: a fieldset whose legend names the field, its error after the options. -->
<#macro choiceFieldset attribute>
    <#local error = messagesPerField.get(attribute.name)>
    <#local radio = attribute.annotations.inputType == 'select-radiobuttons'>
    <fieldset class="${properties.ceresFieldsetClass!}<#if error?has_content> fr-fieldset--error</#if> ceres-choice" id="${attribute.name}-fieldset"
              <#if error?has_content>aria-describedby="input-error-${attribute.name}"</#if>>
        <legend class="${properties.ceresChoiceLegendClass!}" id="${attribute.name}-legend">
            ${advancedMsg(attribute.displayName!'')}<#if attribute.required><span class="${properties.kcInputRequiredClass!}" aria-hidden="true">&nbsp;*</span></#if>
        </legend>
        <#if !radio><input type="hidden" id="${attribute.name}-empty" name="${attribute.name}" value=""/></#if>
        <#list optionsOf(attribute) as option>
            <div class="${properties.ceresFieldsetElementClass!}">
                <div class="${radio?then(properties.kcInputClassRadio!, properties.kcInputClassCheckbox!)}">
                    <input type="${radio?then('radio', 'checkbox')}" id="${attribute.name}-${option}" name="${attribute.name}" value="${option}"
                           class="${radio?then(properties.kcInputClassRadioInput!, properties.kcInputClassCheckboxInput!)}"
                           <#if radio && attribute.required>required</#if>
                           <#if attribute.readOnly>disabled</#if>
                           <#if selectedValuesOf(attribute)?seq_contains(option)>checked</#if>/>
                    <label for="${attribute.name}-${option}" class="${radio?then(properties.kcInputClassRadioLabel!, properties.kcInputClassCheckboxLabel!)}"><@selectOptionLabelText attribute=attribute option=option/></label>
                </div>
            </div>
        </#list>
        <div class="fr-messages-group" id="input-error-container-${attribute.name}" aria-live="polite">
            <#if error?has_content>
                <p class="${properties.kcInputErrorMessageClass!} fr-message fr-message--error" id="input-error-${attribute.name}">${error}</p>
            </#if>
        </div>
    </fieldset>
</#macro>

<#macro selectOptionLabelText attribute option>
    <#compress>
        <#if attribute.annotations.inputOptionLabels??>
            ${advancedMsg(attribute.annotations.inputOptionLabels[option]!option)}
        <#elseif attribute.annotations.inputOptionLabelsI18nPrefix??>
            ${msg(attribute.annotations.inputOptionLabelsI18nPrefix + '.' + option)}
        <#else>
            ${option}
        </#if>
    </#compress>
</#macro>
