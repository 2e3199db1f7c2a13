<#import "template.ftl" as layout>
<#import "ceres-roles.ftl" as roles>
<#import "ceres-parts.ftl" as parts>
<#--
  « Mes démarches »: the portal page of the signed-in person (GET /realms/{realm}/ceres-portal/,
  PortalResource). Attribute set by the Java code:
    ceresPortal.firstName, .lastName   the person
    ceresPortal.habilitations          list of { siret, role (an id), gestionnaire,
                                       centre (SIRET), centreName }; empty: Ceres is not attached
    ceresPortal.gestionnaire           true when gestionnaire of at least one centre
    ceresPortal.managedCentres         list of { centre (SIRET), centreName, url }: one gear « Gérer les
                                       accès » per centre managed, to its access page (ceres-access.ftl)
    ceresPortal.ceresUrl               Ceres's home page, or absent
    ceresPortal.attachUrl              starts « Rattacher le service Ceres » (kc_action), back here
    ceresPortal.logoutUrl              RP-initiated logout of the client ceres-portal, back here
    ceresPortal.requests               « Demander l'accès »: { centres: list of { siret, name,
                                       pending }, url (where the forms post), csrf }; no centre: no card
    ceresPortal.notice                 what the last request came to (a word, mapped below), or absent
-->
<#--
  A démarche's card: its title, what the caller puts in the card (part "content"), then its actions (part "actions").
-->
<#macro card id title>
    <section class="${properties.ceresCardClass!}" id="${id}" aria-labelledby="${id}-title">
        <div class="${properties.ceresCardBodyClass!}">
            <div class="${properties.ceresCardContentClass!}">
                <h3 class="${properties.ceresCardTitleClass!}" id="${id}-title">${title}</h3>
                <#nested "content">
            </div>
            <#assign actions><#nested "actions"></#assign>
            <#if actions?markup_string?trim?has_content>
                <div class="${properties.ceresCardFooterClass!}">
                    <div class="${properties.ceresCardActionsClass!}">${actions}</div>
                </div>
            </#if>
        </div>
    </section>
</#macro>
<@layout.registrationLayout displayMessage=false; section>
    <#-- The heading names the page (and so its title): « Mes démarches »; the greeting follows it. -->
    <#if section = "header">
        ${msg("ceresPortalTitle")}
    <#elseif section = "form">
        <div id="ceres-portal" class="ceres-portal">
            <p id="ceres-portal-title" class="ceres-portal__hello">${msg("ceresPortalHello", ceresPortal.firstName, ceresPortal.lastName)}</p>
            <#if ceresPortal.notice??>
                <#switch ceresPortal.notice>
                    <#case "demande-envoyee"><@parts.alert id="ceres-portal-notice" kind="success">${msg("ceresPortalNoticeRequestSent")}</@parts.alert><#break>
                    <#case "demande-en-attente"><@parts.alert id="ceres-portal-notice" kind="info">${msg("ceresPortalNoticeRequestPending")}</@parts.alert><#break>
                    <#case "demande-impossible"><@parts.alert id="ceres-portal-notice" kind="error">${msg("ceresPortalNoticeRequestNotAllowed")}</@parts.alert><#break>
                    <#case "demande-non-envoyee"><@parts.alert id="ceres-portal-notice" kind="error">${msg("ceresPortalNoticeRequestNotSent")}</@parts.alert><#break>
                    <#case "demande-quota"><@parts.alert id="ceres-portal-notice" kind="error">${msg("ceresQuotaRequests")}</@parts.alert><#break>
                    <#default>
                </#switch>
            </#if>
            <#if ceresPortal.habilitations?has_content>
                <@card id="ceres-portal-ceres" title=msg("ceresPortalCeresTitle"); part>
                    <#if part == "content">
                        <p class="${properties.ceresCardDescClass!}">${msg("ceresPortalCeresText")}</p>
                        <ul id="ceres-portal-habilitations" class="ceres-portal-habilitations">
                            <#list ceresPortal.habilitations as habilitation>
                                <li>
                                    <span class="${properties.ceresTagClass!}">${roles.label(habilitation.role)}</span>
                                    <span>${msg("ceresPortalSiret")} ${habilitation.siret} · ${msg("ceresPortalCentre")} : ${habilitation.centreName}<#if habilitation.centreName != habilitation.centre> (${habilitation.centre})</#if></span>
                                </li>
                            </#list>
                        </ul>
                    <#else>
                        <#if ceresPortal.ceresUrl??>
                            <a id="ceres-portal-open" class="${properties.kcButtonPrimaryClass!}" href="${ceresPortal.ceresUrl}">${msg("ceresPortalOpen")}</a>
                        </#if>
                        <#-- The gear « Gérer les accès » (« l'écrou »), one per centre managed: its access page. -->
                        <#list ceresPortal.managedCentres as managed>
                            <a id="ceres-portal-manage-${managed.centre}" class="${properties.ceresManageLinkClass!}" href="${managed.url}"><span class="ceres-portal-gear" aria-hidden="true">&#9881;</span> ${msg("ceresPortalManage")}<#if ceresPortal.managedCentres?size gt 1> — ${managed.centreName}</#if></a>
                        </#list>
                    </#if>
                </@card>
            <#else>
                <@card id="ceres-portal-empty" title=msg("ceresPortalEmptyTitle"); part>
                    <#if part == "content">
                        <p class="${properties.ceresCardDescClass!}">${msg("ceresPortalEmptyText")}</p>
                    <#else>
                        <a id="ceres-portal-attach" class="${properties.kcButtonPrimaryClass!}" href="${ceresPortal.attachUrl}">${msg("ceresPortalAttach")}</a>
                    </#if>
                </@card>
            </#if>
            <#if ceresPortal.requests?? && ceresPortal.requests.centres?has_content>
                <@card id="ceres-portal-requests" title=msg("ceresPortalRequestsTitle"); part>
                    <#if part == "content">
                        <p class="${properties.ceresCardDescClass!}">${msg("ceresPortalRequestsText")}</p>
                        <ul class="ceres-portal-request-list">
                            <#list ceresPortal.requests.centres as centre>
                                <li id="ceres-portal-request-${centre.siret}" class="ceres-portal-request">
                                    <span>${centre.name} (${msg("ceresPortalSiret")} ${centre.siret})</span>
                                    <#if centre.pending>
                                        <span id="ceres-portal-request-pending-${centre.siret}" class="${properties.ceresTagClass!}">${msg("ceresPortalRequestPending")}</span>
                                    <#else>
                                        <form method="post" action="${ceresPortal.requests.url}">
                                            <input type="hidden" name="csrf" value="${ceresPortal.requests.csrf}"/>
                                            <input type="hidden" name="centre" value="${centre.siret}"/>
                                            <button type="submit" id="ceres-portal-request-ask-${centre.siret}" class="${properties.kcButtonSecondaryClass!}">${msg("ceresPortalRequestAsk")}<span class="ceres-visually-hidden"> — ${centre.name}</span></button>
                                        </form>
                                    </#if>
                                </li>
                            </#list>
                        </ul>
                    </#if>
                </@card>
            </#if>
            <p class="ceres-portal-footer">
                <a id="ceres-portal-logout" href="${ceresPortal.logoutUrl}">${msg("ceresPortalLogout")}</a>
            </p>
        </div>
    </#if>
</@layout.registrationLayout>
