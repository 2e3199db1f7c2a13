<#import "template.ftl" as layout>
<#--
  The accessibility statement, in the RGAA model (GET /realms/{realm}/ceres-portal/accessibilite, PortalResource):
  public, no sign-in. Everything it states comes from the messages and from theme.properties:
    ceresAccessibilityCompliance   total | partial | none
    ceresAccessibilityAuditDate    the date of the last check (yyyy-MM-dd)
    ceresAccessibilityContactUrl   where to report a problem; empty: the person's DREETS
  Realm localization texts can override any message (the committed entity, ceresA11yEntity, for one).
-->
<#assign compliance = properties.ceresAccessibilityCompliance!"partial">
<#assign service = msg("loginTitle")>
<#-- The audit date as the page's language writes it (« 2 décembre 2026 »); a deployer's text that is not a
     yyyy-MM-dd date is shown as it was given rather than break the page. -->
<#function spelledOut isoDate>
    <#local pageLocale = .locale>
    <#local spelled = isoDate>
    <#attempt>
        <#setting locale=(locale.currentLanguageTag)!"fr">
        <#local spelled = isoDate?date.iso?string.long>
    <#recover>
    </#attempt>
    <#setting locale=pageLocale>
    <#return spelled>
</#function>
<#macro external href text>
    <a href="${href}" target="_blank" rel="noopener" title="${text} – ${msg('ceresA11yNewWindow')}">${text}</a>
</#macro>
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${msg("ceresA11yTitle")}
    <#elseif section = "form">
        <div id="ceres-accessibility">
            <p>${msg("ceresA11yCommitment", msg("ceresA11yEntity"))}</p>
            <p>${msg("ceresA11yScope", service)}</p>

            <h2>${msg("ceresA11yStatusTitle")}</h2>
            <p id="ceres-accessibility-status">${msg("ceresA11yStatus", service, msg("ceresCompliance." + compliance))}<#if compliance != "total"> ${msg("ceresA11yStatusReason")}</#if></p>

            <h2>${msg("ceresA11yResultsTitle")}</h2>
            <p id="ceres-accessibility-results">${msg("ceresA11yResultsAutomated")}</p>
            <p>${msg("ceresA11yResultsManual")}</p>

            <h2>${msg("ceresA11yNonAccessibleTitle")}</h2>
            <h3>${msg("ceresA11yNonCompliantTitle")}</h3>
            <p>${msg("ceresA11yNonCompliant")}</p>
            <h3>${msg("ceresA11yDerogationsTitle")}</h3>
            <p>${msg("ceresA11yDerogations")}</p>
            <h3>${msg("ceresA11yExemptTitle")}</h3>
            <p>${msg("ceresA11yExempt")}</p>

            <h2>${msg("ceresA11yEstablishmentTitle")}</h2>
            <p id="ceres-accessibility-date">${msg("ceresA11yEstablished", spelledOut(properties.ceresAccessibilityAuditDate!""))}</p>
            <h3>${msg("ceresA11yTechnologiesTitle")}</h3>
            <ul>
                <#list ["HTML5", "CSS", "JavaScript", "WAI-ARIA"] as technology><li>${technology}</li></#list>
            </ul>
            <h3>${msg("ceresA11yEnvironmentTitle")}</h3>
            <p>${msg("ceresA11yEnvironment")}</p>
            <h3>${msg("ceresA11yPagesTitle")}</h3>
            <p>${msg("ceresA11yPages")}</p>

            <h2>${msg("ceresA11yContactTitle")}</h2>
            <p>${msg("ceresA11yContact")}</p>
            <#if properties.ceresAccessibilityContactUrl?has_content>
                <p><a id="ceres-accessibility-contact" href="${properties.ceresAccessibilityContactUrl}">${msg("ceresA11yContactLink")}</a></p>
            <#else>
                <p id="ceres-accessibility-contact">${msg("ceresA11yContactDreets")}</p>
            </#if>

            <h2>${msg("ceresA11yRemediesTitle")}</h2>
            <p>${msg("ceresA11yRemedies")}</p>
            <ul id="ceres-accessibility-remedies">
                <li><@external href="https://formulaire.defenseurdesdroits.fr/" text=msg("ceresA11yRemedyForm")/></li>
                <li><@external href="https://www.defenseurdesdroits.fr/saisir/delegues" text=msg("ceresA11yRemedyDelegate")/></li>
                <li>${msg("ceresA11yRemedyPost")}</li>
            </ul>
        </div>
    </#if>
</@layout.registrationLayout>
