<#import "template.ftl" as layout>
<#import "ceres-roles.ftl" as roles>
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
<#macro notice kind text>
    <div id="ceres-portal-notice" class="${properties.kcAlertClass!} pf-m-${kind}" role="${(kind == 'success')?then('status', 'alert')}">
        <span class="${properties.kcAlertTitleClass!} kc-feedback-text">${text}</span>
    </div>
</#macro>
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${msg("ceresPortalHello", ceresPortal.firstName, ceresPortal.lastName)}
    <#elseif section = "form">
        <style>
            #ceres-portal .ceres-portal-card { border: 1px solid var(--ceres-border, #929292); border-radius: 4px; padding: 1rem 1.25rem; margin: 1rem 0; }
            #ceres-portal .ceres-portal-card h3 { font-size: 1.125rem; font-weight: 700; margin-bottom: .5rem; }
            #ceres-portal table { width: 100%; border-collapse: collapse; margin-bottom: 1rem; }
            #ceres-portal th, #ceres-portal td { text-align: left; padding: .25rem .5rem .25rem 0; vertical-align: top; }
            #ceres-portal .ceres-portal-actions { display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; }
            #ceres-portal a[aria-disabled="true"] { color: var(--ceres-text-muted, #3a3a3a); cursor: not-allowed; text-decoration: none; }
            #ceres-portal .ceres-portal-footer { margin-top: 1.5rem; text-align: right; }
            #ceres-portal .ceres-portal-request-list { list-style: none; padding: 0; margin: 0; }
            #ceres-portal .ceres-portal-request { display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; justify-content: space-between; padding: .5rem 0; border-top: 1px solid var(--ceres-border, #929292); }
            #ceres-portal .ceres-portal-request form { margin: 0; }
            #ceres-portal .ceres-portal-request-pending { font-style: italic; }
            #ceres-portal .ceres-portal-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        </style>
        <div id="ceres-portal">
            <h2 class="pf-v5-c-title pf-m-xl" id="ceres-portal-title">${msg("ceresPortalTitle")}</h2>
            <#if ceresPortal.notice??>
                <#switch ceresPortal.notice>
                    <#case "demande-envoyee"><@notice kind="success" text=msg("ceresPortalNoticeRequestSent")/><#break>
                    <#case "demande-en-attente"><@notice kind="info" text=msg("ceresPortalNoticeRequestPending")/><#break>
                    <#case "demande-impossible"><@notice kind="danger" text=msg("ceresPortalNoticeRequestNotAllowed")/><#break>
                    <#case "demande-non-envoyee"><@notice kind="danger" text=msg("ceresPortalNoticeRequestNotSent")/><#break>
                    <#case "demande-quota"><@notice kind="danger" text=msg("ceresQuotaRequests")/><#break>
                    <#default>
                </#switch>
            </#if>
            <#if ceresPortal.habilitations?has_content>
                <section class="ceres-portal-card" id="ceres-portal-ceres" aria-labelledby="ceres-portal-ceres-title">
                    <h3 id="ceres-portal-ceres-title">${msg("ceresPortalCeresTitle")}</h3>
                    <p>${msg("ceresPortalCeresText")}</p>
                    <table id="ceres-portal-habilitations">
                        <thead>
                            <tr><th scope="col">${msg("ceresPortalSiret")}</th><th scope="col">${msg("ceresPortalRole")}</th><th scope="col">${msg("ceresPortalCentre")}</th></tr>
                        </thead>
                        <tbody>
                        <#list ceresPortal.habilitations as habilitation>
                            <tr>
                                <td>${habilitation.siret}</td>
                                <td>${roles.label(habilitation.role)}</td>
                                <td>${habilitation.centreName}<#if habilitation.centreName != habilitation.centre> (${habilitation.centre})</#if></td>
                            </tr>
                        </#list>
                        </tbody>
                    </table>
                    <div class="ceres-portal-actions">
                        <#if ceresPortal.ceresUrl??>
                            <a id="ceres-portal-open" class="${properties.kcButtonPrimaryClass!}" href="${ceresPortal.ceresUrl}">${msg("ceresPortalOpen")}</a>
                        </#if>
                        <#-- The gear « Gérer les accès » (« l'écrou »), one per centre managed: its access page. -->
                        <#list ceresPortal.managedCentres as managed>
                            <a id="ceres-portal-manage-${managed.centre}" class="ceres-portal-manage" href="${managed.url}"><span aria-hidden="true">&#9881;</span> ${msg("ceresPortalManage")}<#if ceresPortal.managedCentres?size gt 1> <span class="ceres-portal-manage-centre">— ${managed.centreName}</span></#if></a>
                        </#list>
                    </div>
                </section>
            <#else>
                <section class="ceres-portal-card" id="ceres-portal-empty" aria-labelledby="ceres-portal-empty-title">
                    <h3 id="ceres-portal-empty-title">${msg("ceresPortalEmptyTitle")}</h3>
                    <p>${msg("ceresPortalEmptyText")}</p>
                    <a id="ceres-portal-attach" class="${properties.kcButtonPrimaryClass!}" href="${ceresPortal.attachUrl}">${msg("ceresPortalAttach")}</a>
                </section>
            </#if>
            <#if ceresPortal.requests?? && ceresPortal.requests.centres?has_content>
                <section class="ceres-portal-card" id="ceres-portal-requests" aria-labelledby="ceres-portal-requests-title">
                    <h3 id="ceres-portal-requests-title">${msg("ceresPortalRequestsTitle")}</h3>
                    <p>${msg("ceresPortalRequestsText")}</p>
                    <ul class="ceres-portal-request-list">
                        <#list ceresPortal.requests.centres as centre>
                            <li id="ceres-portal-request-${centre.siret}" class="ceres-portal-request">
                                <span>${centre.name} (${msg("ceresPortalSiret")} ${centre.siret})</span>
                                <#if centre.pending>
                                    <span id="ceres-portal-request-pending-${centre.siret}" class="ceres-portal-request-pending">${msg("ceresPortalRequestPending")}</span>
                                <#else>
                                    <form method="post" action="${ceresPortal.requests.url}">
                                        <input type="hidden" name="csrf" value="${ceresPortal.requests.csrf}"/>
                                        <input type="hidden" name="centre" value="${centre.siret}"/>
                                        <button type="submit" id="ceres-portal-request-ask-${centre.siret}" class="${properties.kcButtonSecondaryClass!}">${msg("ceresPortalRequestAsk")}<span class="ceres-portal-visually-hidden"> — ${centre.name}</span></button>
                                    </form>
                                </#if>
                            </li>
                        </#list>
                    </ul>
                </section>
            </#if>
            <div class="ceres-portal-footer">
                <a id="ceres-portal-logout" href="${ceresPortal.logoutUrl}">${msg("ceresPortalLogout")}</a>
            </div>
        </div>
    </#if>
</@layout.registrationLayout>
