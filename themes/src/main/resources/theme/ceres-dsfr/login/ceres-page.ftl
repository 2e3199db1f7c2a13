<#--
  The parts of the DSFR layout around a page's content, used by template.ftl. Options come from theme.properties
  (set through the server's environment): the ministry line and the footer's links.
-->

<#-- The site's root (empty, or Keycloak's relative path such as /auth), taken from the resources' address. -->
<#function siteRoot>
    <#return url.resourcesCommonPath?keep_before("/resources/")>
</#function>

<#function portalUrl>
    <#return siteRoot() + "/realms/" + realm.name + "/ceres-portal">
</#function>

<#--
  « {page heading} – {service} »: each page's title names the page first, as the DSFR asks, and starts with
  « Erreur » when the page shows an error, so that the refusal is the first thing a screen reader says.
-->
<#macro title heading>
    <#-- Keycloak's error page has one heading for every error: its title names the error itself. -->
    <#if pageId == "error" && message?has_content>
        <#-- Its first sentence: the summary of some errors goes on to say what to do. -->
        <#assign pageName = message.summary?trim?keep_before(". ")?esc>
    <#else>
        <#-- The heading is HTML already escaped: only its tags are dropped. -->
        <#assign pageName = heading?markup_string?replace("<[^>]*>", "", "r")?replace("\\s+", " ", "r")?trim?no_esc>
    </#if>
    <#if message?has_content && message.type == 'error'>${msg("ceresTitleError")} – </#if><#t>
    <#if pageName?markup_string?has_content>${pageName} – </#if>${msg("ceresServiceName")}<#t>
</#macro>

<#macro skipLinks>
    <div class="fr-skiplinks">
        <nav class="fr-container" role="navigation" aria-label="${msg('ceresSkipLinksLabel')}">
            <ul class="fr-skiplinks__list">
                <li><a class="fr-link" href="#main">${msg("ceresSkipToContent")}</a></li>
                <li><a class="fr-link" href="#footer">${msg("ceresSkipToFooter")}</a></li>
            </ul>
        </nav>
    </div>
</#macro>

<#macro marianne>
    <p class="fr-logo">${msg("ceresRepublicLine1")}<br>${msg("ceresRepublicLine2")}</p>
</#macro>

<#macro header>
    <header role="banner" class="fr-header" id="header">
        <div class="fr-header__body">
            <div class="fr-container">
                <div class="fr-header__body-row">
                    <div class="fr-header__brand fr-enlarge-link">
                        <div class="fr-header__brand-top">
                            <div class="fr-header__logo"><@marianne/></div>
                        </div>
                        <div class="fr-header__service">
                            <a href="${portalUrl()}" title="${msg('ceresHomeLinkTitle')}">
                                <p class="fr-header__service-title">${msg("ceresServiceName")}</p>
                            </a>
                            <#if properties.ceresMinistryLine?has_content>
                                <p class="fr-header__service-tagline">${properties.ceresMinistryLine}</p>
                            </#if>
                        </div>
                    </div>
                    <#if realm.internationalizationEnabled && locale.supported?size gt 1>
                        <div class="ceres-header__languages"><@languages/></div>
                    </#if>
                </div>
            </div>
        </div>
    </header>
</#macro>

<#-- The DSFR language switch, French first. -->
<#macro languages>
    <#assign french = locale.supported?filter(l -> l.languageTag == "fr")>
    <#assign others = locale.supported?filter(l -> l.languageTag != "fr")?sort_by("label")>
    <nav role="navigation" class="fr-translate fr-nav" aria-label="${msg('languages')}">
        <div class="fr-nav__item">
            <button type="button" class="fr-translate__btn fr-btn fr-btn--tertiary" aria-controls="ceres-translate-menu"
                    aria-expanded="false" title="${msg('ceresChooseLanguage')}">
                ${locale.currentLanguageTag?upper_case}
            </button>
            <div class="fr-collapse fr-translate__menu fr-menu" id="ceres-translate-menu">
                <ul class="fr-menu__list">
                    <#list french + others as l>
                        <li>
                            <a class="fr-translate__language fr-nav__link" hreflang="${l.languageTag}" lang="${l.languageTag}"
                               href="${l.url}"<#if l.languageTag == locale.currentLanguageTag> aria-current="true"</#if>>
                                ${l.languageTag?upper_case} - ${l.label}
                            </a>
                        </li>
                    </#list>
                </ul>
            </div>
        </div>
    </nav>
</#macro>

<#macro footer>
    <footer class="fr-footer" role="contentinfo" id="footer" tabindex="-1">
        <div class="fr-container">
            <div class="fr-footer__body">
                <div class="fr-footer__brand fr-enlarge-link">
                    <a href="${portalUrl()}" title="${msg('ceresHomeLinkTitle')}"><@marianne/></a>
                </div>
                <div class="fr-footer__content">
                    <p class="fr-footer__content-desc">${msg("ceresFooterDescription")}</p>
                    <ul class="fr-footer__content-list">
                        <#list ["info.gouv.fr", "service-public.fr", "legifrance.gouv.fr", "data.gouv.fr"] as site>
                            <li class="fr-footer__content-item">
                                <a class="fr-footer__content-link" target="_blank" rel="noopener" href="https://www.${site}"
                                   title="${msg('ceresNewWindow', site)}">${site}</a>
                            </li>
                        </#list>
                    </ul>
                </div>
            </div>
            <div class="fr-footer__bottom">
                <ul class="fr-footer__bottom-list">
                    <li class="fr-footer__bottom-item">
                        <a class="fr-footer__bottom-link" id="ceres-footer-accessibility"
                           href="${properties.ceresAccessibilityUrl?has_content?then(properties.ceresAccessibilityUrl, portalUrl() + '/accessibilite')}">
                            ${msg("ceresFooterAccessibility", msg("ceresCompliance." + properties.ceresAccessibilityCompliance))}
                        </a>
                    </li>
                    <li class="fr-footer__bottom-item">
                        <a class="fr-footer__bottom-link" href="${properties.ceresLegalNoticeUrl}">${msg("ceresFooterLegalNotice")}</a>
                    </li>
                    <li class="fr-footer__bottom-item">
                        <a class="fr-footer__bottom-link" href="${properties.ceresPersonalDataUrl}">${msg("ceresFooterPersonalData")}</a>
                    </li>
                </ul>
                <div class="fr-footer__bottom-copy">
                    <p>${msg("ceresFooterLicence")}</p>
                </div>
            </div>
        </div>
    </footer>
</#macro>
