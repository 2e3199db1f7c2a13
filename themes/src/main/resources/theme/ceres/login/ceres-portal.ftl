<#import "template.ftl" as layout>
<#--
  « Mes démarches »: the portal page of the signed-in person (GET /realms/{realm}/ceres-portal/,
  fr.ceres.keycloak.centre.portal.PortalResource). Attribute set by the Java code:
    ceresPortal.firstName, .lastName   the person
    ceresPortal.habilitations          list of { siret, role (gestionnaire | centre-agree), gestionnaire,
                                       centre (SIRET), centreName }; empty: Ceres is not attached
    ceresPortal.gestionnaire           true when gestionnaire of at least one SIRET: the gear is shown
    ceresPortal.ceresUrl               Ceres's home page, or absent
    ceresPortal.attachUrl              starts « Rattacher le service Ceres » (kc_action), back here
    ceresPortal.logoutUrl              RP-initiated logout of the client ceres-portal, back here
-->
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
        </style>
        <div id="ceres-portal">
            <h2 class="pf-v5-c-title pf-m-xl" id="ceres-portal-title">${msg("ceresPortalTitle")}</h2>
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
                                <td><#if habilitation.role == "gestionnaire">${msg("ceresPortalRole.gestionnaire")}<#else>${msg("ceresPortalRole.centre-agree")}</#if></td>
                                <td>${habilitation.centreName}<#if habilitation.centreName != habilitation.centre> (${habilitation.centre})</#if></td>
                            </tr>
                        </#list>
                        </tbody>
                    </table>
                    <div class="ceres-portal-actions">
                        <#if ceresPortal.ceresUrl??>
                            <a id="ceres-portal-open" class="${properties.kcButtonPrimaryClass!}" href="${ceresPortal.ceresUrl}">${msg("ceresPortalOpen")}</a>
                        </#if>
                        <#if ceresPortal.gestionnaire>
                            <#-- The gear « Gérer les accès »: a placeholder. The access page of flow F3
                                 (issue 4: invite, manage habilitations) will hang here. -->
                            <a id="ceres-portal-manage" href="#" aria-disabled="true" role="link" title="${msg("ceresPortalManageSoon")}"><span aria-hidden="true">&#9881;</span> ${msg("ceresPortalManage")}</a>
                        </#if>
                    </div>
                </section>
            <#else>
                <section class="ceres-portal-card" id="ceres-portal-empty" aria-labelledby="ceres-portal-empty-title">
                    <h3 id="ceres-portal-empty-title">${msg("ceresPortalEmptyTitle")}</h3>
                    <p>${msg("ceresPortalEmptyText")}</p>
                    <a id="ceres-portal-attach" class="${properties.kcButtonPrimaryClass!}" href="${ceresPortal.attachUrl}">${msg("ceresPortalAttach")}</a>
                </section>
            </#if>
            <div class="ceres-portal-footer">
                <a id="ceres-portal-logout" href="${ceresPortal.logoutUrl}">${msg("ceresPortalLogout")}</a>
            </div>
        </div>
    </#if>
</@layout.registrationLayout>
