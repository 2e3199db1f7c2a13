<#import "field.ftl" as field>
<#import "ceres-page.ftl" as ceresPage>
<#--
  The page layout of the DSFR theme: skip links, the State header (Marianne block, service name, ministry line,
  language switch), one main region holding the page's heading and content, and the State footer with the
  mandatory links. Same macro and sections as keycloak.v2's template.ftl, so every page of the parent themes
  renders in it unchanged. bodyClass "ceres-wide" gives the content the container's full width (tables).
-->
<#macro username>
    <#-- A sign-in step after the username: the address being signed in, and a way to start again. -->
    <div class="ceres-attempted-username fr-mb-3w">
        <p class="fr-mb-1v">${msg("email")} : <strong id="kc-attempted-username">${auth.attemptedUsername}</strong></p>
        <a id="reset-login" class="fr-link" href="${url.loginRestartFlowUrl}">${msg("restartLoginTooltip")}</a>
    </div>
</#macro>

<#macro registrationLayout bodyClass="" displayInfo=false displayMessage=true displayRequiredFields=false>
<#assign heading><#nested "header"></#assign>
<#assign wide = bodyClass?contains("ceres-wide")>
<!DOCTYPE html>
<html lang="${lang}" data-fr-scheme="light"<#if realm.internationalizationEnabled> dir="${(locale.rtl)?then('rtl','ltr')}"</#if>>
<head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="format-detection" content="telephone=no">
    <title><@ceresPage.title heading=heading/></title>
    <link rel="icon" href="${url.resourcesPath}/dsfr/favicon/favicon.svg" type="image/svg+xml">
    <link rel="icon" href="${url.resourcesPath}/dsfr/favicon/favicon.ico" sizes="any">
    <#list properties.styles?split(' ') as style>
        <#if style?has_content><link href="${url.resourcesPath}/${style}" rel="stylesheet"></#if>
    </#list>
    <#list properties.ceresModules?split(' ') as module>
        <#if module?has_content><script type="module" src="${url.resourcesPath}/${module}"></script></#if>
    </#list>
    <#if properties.scripts?has_content>
        <#list properties.scripts?split(' ') as script>
            <script src="${url.resourcesPath}/${script}" type="text/javascript"></script>
        </#list>
    </#if>
    <#if scripts??>
        <#list scripts as script>
            <script src="${script}" type="text/javascript"></script>
        </#list>
    </#if>
    <script type="module" src="${url.resourcesPath}/js/ceresPage.js"></script>
    <script type="module">
        <#outputformat "JavaScript">
        import { startSessionPolling } from ${(url.resourcesPath + "/js/authChecker.js")?c};
        startSessionPolling(${url.ssoLoginInOtherTabsUrl?c});
        </#outputformat>
    </script>
    <#if authenticationSession??>
        <script type="module">
            <#outputformat "JavaScript">
            import { checkAuthSession } from ${(url.resourcesPath + "/js/authChecker.js")?c};
            checkAuthSession(${authenticationSession.authSessionIdHash?c});
            </#outputformat>
        </script>
    </#if>
</head>

<body id="keycloak-bg" class="${bodyClass}" data-page-id="login-${pageId}">
<@ceresPage.skipLinks/>
<@ceresPage.header/>

<main id="main" tabindex="-1" class="fr-container fr-pt-4w fr-pb-8w">
    <div class="fr-grid-row fr-grid-row--center">
        <div class="<#if wide>fr-col-12<#else>fr-col-12 fr-col-md-10 fr-col-lg-7</#if>">
            <h1 id="kc-page-title">${heading}</h1>

            <#if auth?has_content && auth.showUsername() && !auth.showResetCredentials()>
                <#nested "show-username">
                <@username/>
            </#if>
            <#if displayRequiredFields>
                <p class="fr-hint-text fr-mb-3w">${msg("ceresRequiredFieldsHint")}</p>
            </#if>

            <#-- App-initiated actions do not show the warning asking to complete the action during login. -->
            <#if displayMessage && message?has_content && (message.type != 'warning' || !isAppInitiatedAction??)>
                <div class="fr-alert fr-alert--${(message.type = 'error')?then('error', message.type)} fr-alert--sm fr-mb-3w ceres-message"
                     id="ceres-message" <#if message.type = 'error' || message.type = 'warning'>role="alert"<#else>role="status"</#if>>
                    <p class="kc-feedback-text">${message.summary}</p>
                </div>
            </#if>

            <#nested "form">

            <#if auth?has_content && auth.showTryAnotherWayLink()>
                <form id="kc-select-try-another-way-form" action="${url.loginAction}" method="post" novalidate="novalidate">
                    <input type="hidden" name="tryAnotherWay" value="on"/>
                    <button type="submit" id="try-another-way" class="fr-btn fr-btn--tertiary fr-mt-3w">${msg("doTryAnotherWay")}</button>
                </form>
            </#if>

            <#nested "socialProviders">

            <#if displayInfo>
                <div id="kc-info" class="fr-mt-4w">
                    <#nested "info">
                </div>
            </#if>
        </div>
    </div>
</main>

<@ceresPage.footer/>
</body>
</html>
</#macro>
