<#--
  Buttons in the DSFR markup, with the macros of keycloak.v2's buttons.ftl: an action group is a DSFR buttons
  group, inline from medium screens; a button's type (primary, secondary, tertiary) picks its DSFR variant.
-->
<#macro actionGroup horizontal=false>
    <div class="fr-btns-group<#if horizontal> fr-btns-group--inline-md</#if> fr-mt-3w">
        <#nested>
    </div>
</#macro>

<#macro button label id="" name="" type="primary" fullWidth=true class=[] extra...>
    <button class="${properties['kcButton' + type?cap_first + 'Class']}<#list class as c> ${properties[c]}</#list>" name="${name}" id="${id}"
            type="submit" <#list extra as attrName, attrVal>${attrName}="${attrVal}"</#list>>${msg(label)}</button>
</#macro>

<#macro buttonLink href label id="" class=["kcButtonSecondaryClass"]>
    <a id="${id}" href="${href}" class="<#list class as c>${properties[c]} </#list>">${msg(label)}</a>
</#macro>

<#macro loginButton>
    <@actionGroup>
        <@button id="kc-login" name="login" label="doLogIn"/>
    </@actionGroup>
</#macro>
