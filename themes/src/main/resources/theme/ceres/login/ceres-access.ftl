<#import "template.ftl" as layout>
<#import "ceres-roles.ftl" as roles>
<#--
  « Gérer les accès »: a centre's access page (« l'écrou », GET /realms/{realm}/ceres-portal/acces/{centre},
  AccessResource). Attributes set by the Java code, either:
    ceresAccessRefused     "forbidden" (not a gestionnaire of that centre), "csrf" (a form that did not
                           come from the portal) or "request-csrf" (the same, for the portal page's « Demander
                           l'accès »): the 403 page; with ceresPortalUrl, the way back
  or ceresAccess:
    .centre, .centreName   the centre's SIRET and raison sociale
    .sirets                the SIRETs a habilitation may name (the centre's, then its linked sites)
    .people                list of { id, name, email, habilitations: list of { siret, role } }
    .invitations           pending invitations: { id, email, role, siret, inviter, created, createdIso,
                           expires, expiresIso, resendUrl, cancelUrl }
    .requests              pending access requests: { id, name, email, accountSiret, created, createdIso,
                           acceptUrl, refuseUrl }
    .roles                 the role ids offered, least power first: « Modifier » preselects the role held,
                           « Accepter » the first one
    .reasonMaxLength       the longest reason « Refuser » takes
    .csrf                  the hidden field of every form
    .notice                what the last action did (a word, mapped below to its message), or absent
    .urls                  { portal, invite, change, revoke }
  Roles are ids, worded by ceres-roles.ftl.
-->
<#macro notice kind text>
    <div id="ceres-access-notice" class="${properties.kcAlertClass!} pf-m-${kind}" role="${(kind == 'success')?then('status', 'alert')}">
        <span class="${properties.kcAlertTitleClass!} kc-feedback-text">${text}</span>
    </div>
</#macro>
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        <#if ceresAccessRefused??>${msg("ceresAccessRefusedTitle")}<#else>${msg("ceresAccessTitle")}</#if>
    <#elseif section = "form">
        <style>
            #keycloak-bg .pf-v5-c-login__container { grid-template-columns: minmax(auto, 60rem); max-width: 64rem; }
            .ceres-access h2 { font-size: 1.25rem; font-weight: 700; margin: 1.5rem 0 .5rem; }
            .ceres-access table { width: 100%; border-collapse: collapse; }
            .ceres-access th, .ceres-access td { text-align: left; padding: .5rem .5rem .5rem 0; vertical-align: top; border-bottom: 1px solid var(--ceres-border, #929292); }
            .ceres-access .ceres-access-scroll { overflow-x: auto; }
            .ceres-access .ceres-access-row-actions { display: flex; flex-wrap: wrap; gap: .5rem; align-items: flex-start; }
            .ceres-access .ceres-access-row-actions form { margin: 0; }
            .ceres-access details > summary { cursor: pointer; color: var(--ceres-blue, #000091); text-decoration: underline; }
            .ceres-access details fieldset { border: 1px solid var(--ceres-border, #929292); padding: .5rem .75rem; margin-top: .5rem; }
            .ceres-access details label { display: block; font-weight: 600; margin-top: .25rem; }
            .ceres-access details select { min-width: 14rem; }
            .ceres-access details textarea { width: 100%; min-width: 14rem; }
            .ceres-access .ceres-access-help { font-size: .875rem; margin: .25rem 0 0; }
            #ceres-access-people td:last-child { min-width: 15rem; }
            .ceres-access .ceres-access-top { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; justify-content: space-between; }
            .ceres-access .ceres-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        </style>
        <#if ceresAccessRefused??>
            <div id="ceres-access-refused" class="ceres-access">
                <p class="instruction">
                    <#if ceresAccessRefused == "csrf">${msg("ceresAccessCsrf")}<#elseif ceresAccessRefused == "request-csrf">${msg("ceresAccessRequestCsrf")}<#else>${msg("ceresAccessForbidden")}</#if>
                </p>
                <p><a id="ceres-access-back" href="${ceresPortalUrl}">${msg("ceresAccessBack")}</a></p>
            </div>
        <#else>
            <div id="ceres-access" class="ceres-access">
                <#if ceresAccess.notice??>
                    <#switch ceresAccess.notice>
                        <#case "invitation-envoyee"><@notice kind="success" text=msg("ceresAccessNoticeInvitationSent")/><#break>
                        <#case "invitation-renvoyee"><@notice kind="success" text=msg("ceresAccessNoticeInvitationResent")/><#break>
                        <#case "invitation-annulee"><@notice kind="success" text=msg("ceresAccessNoticeInvitationCancelled")/><#break>
                        <#case "habilitation-modifiee"><@notice kind="success" text=msg("ceresAccessNoticeChanged")/><#break>
                        <#case "habilitation-retiree"><@notice kind="success" text=msg("ceresAccessNoticeRevoked")/><#break>
                        <#case "invitation-introuvable"><@notice kind="danger" text=msg("ceresAccessNoticeInvitationGone")/><#break>
                        <#case "envoi-impossible"><@notice kind="danger" text=msg("ceresAccessNoticeNotSent")/><#break>
                        <#case "quota-invitations"><@notice kind="danger" text=msg("ceresQuotaInvitations")/><#break>
                        <#case "habilitation-introuvable"><@notice kind="danger" text=msg("ceresAccessNoticeNotHeld")/><#break>
                        <#case "dernier-gestionnaire"><@notice kind="danger" text=msg("ceresAccessNoticeLastGestionnaire")/><#break>
                        <#case "saisie-invalide"><@notice kind="danger" text=msg("ceresAccessNoticeInvalid")/><#break>
                        <#case "service-occupe"><@notice kind="danger" text=msg("ceresAccessNoticeBusy")/><#break>
                        <#case "demande-acceptee"><@notice kind="success" text=msg("ceresAccessNoticeRequestAccepted")/><#break>
                        <#case "demande-refusee"><@notice kind="success" text=msg("ceresAccessNoticeRequestRefused")/><#break>
                        <#case "demande-introuvable"><@notice kind="danger" text=msg("ceresAccessNoticeRequestGone")/><#break>
                        <#case "motif-trop-long"><@notice kind="danger" text=msg("ceresAccessNoticeReasonTooLong", ceresAccess.reasonMaxLength?c)/><#break>
                        <#case "motif-invalide"><@notice kind="danger" text=msg("ceresAccessNoticeReasonHidden")/><#break>
                        <#default>
                    </#switch>
                </#if>
                <div class="ceres-access-top">
                    <p id="ceres-access-centre">${msg("ceresAccessCentre", ceresAccess.centreName, ceresAccess.centre)}</p>
                    <a id="ceres-access-invite" class="${properties.kcButtonPrimaryClass!}" href="${ceresAccess.urls.invite}">${msg("ceresAccessInvite")}</a>
                </div>

                <section id="ceres-access-people" aria-labelledby="ceres-access-people-title">
                    <h2 id="ceres-access-people-title">${msg("ceresAccessPeopleTitle")}</h2>
                    <div class="ceres-access-scroll" role="region" aria-labelledby="ceres-access-people-title" tabindex="0">
                    <table>
                        <thead>
                            <tr><th scope="col">${msg("ceresAccessName")}</th><th scope="col">${msg("ceresAccessEmail")}</th><th scope="col">${msg("ceresAccessRole")}</th><th scope="col">${msg("ceresAccessSiret")}</th><th scope="col">${msg("ceresAccessActions")}</th></tr>
                        </thead>
                        <tbody>
                        <#list ceresAccess.people as person>
                            <#list person.habilitations as held>
                                <#assign key = person.id + "-" + held.siret + "-" + held.role>
                                <tr id="ceres-access-habilitation-${key}" data-email="${person.email}" data-siret="${held.siret}" data-role="${held.role}">
                                    <td>${person.name}</td>
                                    <td>${person.email}</td>
                                    <td>${roles.label(held.role)}</td>
                                    <td>${held.siret}</td>
                                    <td>
                                        <div class="ceres-access-row-actions">
                                            <details id="ceres-access-change-${key}">
                                                <summary>${msg("ceresAccessChange")}<span class="ceres-visually-hidden"> — ${person.name}, ${held.siret}</span></summary>
                                                <form method="post" action="${ceresAccess.urls.change}">
                                                    <input type="hidden" name="csrf" value="${ceresAccess.csrf}"/>
                                                    <input type="hidden" name="personne" value="${person.id}"/>
                                                    <input type="hidden" name="siret" value="${held.siret}"/>
                                                    <input type="hidden" name="role" value="${held.role}"/>
                                                    <fieldset>
                                                        <legend>${msg("ceresAccessChangeLegend", person.name)}</legend>
                                                        <label for="ceres-access-role-${key}">${msg("ceresAccessRole")}</label>
                                                        <select id="ceres-access-role-${key}" name="nouveauRole" class="${properties.kcInputClass!}">
                                                            <#list ceresAccess.roles as offered>
                                                            <option value="${offered}"<#if offered == held.role> selected</#if>>${roles.label(offered)}</option>
                                                            </#list>
                                                        </select>
                                                        <label for="ceres-access-siret-${key}">${msg("ceresInviteSiret")}</label>
                                                        <select id="ceres-access-siret-${key}" name="nouveauSiret" class="${properties.kcInputClass!}">
                                                            <#list ceresAccess.sirets as siret>
                                                                <option value="${siret}"<#if siret == held.siret> selected</#if>>${siret}</option>
                                                            </#list>
                                                        </select>
                                                        <button type="submit" id="ceres-access-save-${key}" class="${properties.kcButtonPrimaryClass!} pf-v5-u-mt-sm">${msg("ceresAccessSave")}</button>
                                                    </fieldset>
                                                </form>
                                            </details>
                                            <form method="post" action="${ceresAccess.urls.revoke}">
                                                <input type="hidden" name="csrf" value="${ceresAccess.csrf}"/>
                                                <input type="hidden" name="personne" value="${person.id}"/>
                                                <input type="hidden" name="siret" value="${held.siret}"/>
                                                <input type="hidden" name="role" value="${held.role}"/>
                                                <button type="submit" id="ceres-access-revoke-${key}" class="${properties.kcButtonSecondaryClass!}">${msg("ceresAccessRevoke")}<span class="ceres-visually-hidden"> — ${person.name}, ${held.siret}</span></button>
                                            </form>
                                        </div>
                                    </td>
                                </tr>
                            </#list>
                        </#list>
                        </tbody>
                    </table>
                    </div>
                </section>

                <section id="ceres-access-invitations" aria-labelledby="ceres-access-invitations-title">
                    <h2 id="ceres-access-invitations-title">${msg("ceresAccessInvitationsTitle")}</h2>
                    <#if ceresAccess.invitations?has_content>
                        <div class="ceres-access-scroll" role="region" aria-labelledby="ceres-access-invitations-title" tabindex="0">
                        <table>
                            <thead>
                                <tr><th scope="col">${msg("ceresAccessEmail")}</th><th scope="col">${msg("ceresAccessRole")}</th><th scope="col">${msg("ceresAccessSiret")}</th><th scope="col">${msg("ceresAccessInvitedBy")}</th><th scope="col">${msg("ceresAccessSentOn")}</th><th scope="col">${msg("ceresAccessExpiresOn")}</th><th scope="col">${msg("ceresAccessActions")}</th></tr>
                            </thead>
                            <tbody>
                            <#list ceresAccess.invitations as invitation>
                                <tr id="ceres-access-invitation-${invitation.id}" data-email="${invitation.email}">
                                    <td>${invitation.email}</td>
                                    <td>${roles.label(invitation.role)}</td>
                                    <td>${invitation.siret}</td>
                                    <td>${invitation.inviter}</td>
                                    <td><time datetime="${invitation.createdIso}">${invitation.created}</time></td>
                                    <td><time datetime="${invitation.expiresIso}">${invitation.expires}</time></td>
                                    <td>
                                        <div class="ceres-access-row-actions">
                                            <form method="post" action="${invitation.resendUrl}">
                                                <input type="hidden" name="csrf" value="${ceresAccess.csrf}"/>
                                                <button type="submit" id="ceres-access-resend-${invitation.id}" class="${properties.kcButtonSecondaryClass!}">${msg("ceresAccessResend")}<span class="ceres-visually-hidden"> — ${invitation.email}</span></button>
                                            </form>
                                            <form method="post" action="${invitation.cancelUrl}">
                                                <input type="hidden" name="csrf" value="${ceresAccess.csrf}"/>
                                                <button type="submit" id="ceres-access-cancel-${invitation.id}" class="${properties.kcButtonSecondaryClass!}">${msg("ceresAccessCancel")}<span class="ceres-visually-hidden"> — ${invitation.email}</span></button>
                                            </form>
                                        </div>
                                    </td>
                                </tr>
                            </#list>
                            </tbody>
                        </table>
                        </div>
                    <#else>
                        <p id="ceres-access-no-invitation">${msg("ceresAccessNoInvitation")}</p>
                    </#if>
                </section>

                <section id="ceres-access-requests" aria-labelledby="ceres-access-requests-title">
                    <h2 id="ceres-access-requests-title">${msg("ceresAccessRequestsTitle")}</h2>
                    <#if ceresAccess.requests?has_content>
                        <div class="ceres-access-scroll" role="region" aria-labelledby="ceres-access-requests-title" tabindex="0">
                        <table>
                            <thead>
                                <tr><th scope="col">${msg("ceresAccessName")}</th><th scope="col">${msg("ceresAccessEmail")}</th><th scope="col">${msg("ceresAccessAccountSiret")}</th><th scope="col">${msg("ceresAccessRequestedOn")}</th><th scope="col">${msg("ceresAccessActions")}</th></tr>
                            </thead>
                            <tbody>
                            <#list ceresAccess.requests as request>
                                <tr id="ceres-access-request-${request.id}" data-email="${request.email}">
                                    <td>${request.name}</td>
                                    <td>${request.email}<br><small id="ceres-access-declared-email-${request.id}" class="ceres-access-declared"><#if request.declared.personalEmail>${msg("ceresDeclaredPersonalEmail")}<#else>${msg("ceresDeclaredEmailDomain", request.declared.emailDomain)}</#if></small></td>
                                    <td>${request.accountSiret}<br><small id="ceres-access-declared-status-${request.id}" class="ceres-access-declared">${msg(request.declared.siretVerified?then("ceresDeclaredSiretVerified", "ceresDeclaredSiretUnverified"))}</small></td>
                                    <td><time datetime="${request.createdIso}">${request.created}</time></td>
                                    <td>
                                        <div class="ceres-access-row-actions">
                                            <details id="ceres-access-accept-${request.id}">
                                                <summary>${msg("ceresAccessAccept")}<span class="ceres-visually-hidden"> — ${request.name}</span></summary>
                                                <form method="post" action="${request.acceptUrl}">
                                                    <input type="hidden" name="csrf" value="${ceresAccess.csrf}"/>
                                                    <fieldset>
                                                        <legend>${msg("ceresAccessAcceptLegend", request.name)}</legend>
                                                        <label for="ceres-access-accept-role-${request.id}">${msg("ceresAccessRole")}</label>
                                                        <select id="ceres-access-accept-role-${request.id}" name="role" class="${properties.kcInputClass!}">
                                                            <#-- The first role offered, the least powerful, preselected. -->
                                                            <#list ceresAccess.roles as offered>
                                                            <option value="${offered}"<#if offered?is_first> selected</#if>>${roles.label(offered)}</option>
                                                            </#list>
                                                        </select>
                                                        <label for="ceres-access-accept-siret-${request.id}">${msg("ceresInviteSiret")}</label>
                                                        <select id="ceres-access-accept-siret-${request.id}" name="siret" class="${properties.kcInputClass!}">
                                                            <#-- The requester's own establishment first choice when it is one of the centre's. -->
                                                            <#assign suggested = ceresAccess.sirets?seq_contains(request.accountSiret)?then(request.accountSiret, ceresAccess.centre)>
                                                            <#list ceresAccess.sirets as siret>
                                                                <option value="${siret}"<#if siret == suggested> selected</#if>>${siret}</option>
                                                            </#list>
                                                        </select>
                                                        <button type="submit" id="ceres-access-accept-submit-${request.id}" class="${properties.kcButtonPrimaryClass!} pf-v5-u-mt-sm">${msg("ceresAccessAcceptSubmit")}</button>
                                                    </fieldset>
                                                </form>
                                            </details>
                                            <details id="ceres-access-refuse-${request.id}">
                                                <summary>${msg("ceresAccessRefuse")}<span class="ceres-visually-hidden"> — ${request.name}</span></summary>
                                                <form method="post" action="${request.refuseUrl}">
                                                    <input type="hidden" name="csrf" value="${ceresAccess.csrf}"/>
                                                    <fieldset>
                                                        <legend>${msg("ceresAccessRefuseLegend", request.name)}</legend>
                                                        <label for="ceres-access-reason-${request.id}">${msg("ceresAccessReason")}</label>
                                                        <textarea id="ceres-access-reason-${request.id}" name="motif" rows="3" maxlength="${ceresAccess.reasonMaxLength?c}" aria-describedby="ceres-access-reason-help-${request.id}" class="${properties.kcInputClass!}"></textarea>
                                                        <p id="ceres-access-reason-help-${request.id}" class="ceres-access-help">${msg("ceresAccessReasonHelp", ceresAccess.reasonMaxLength?c)}</p>
                                                        <button type="submit" id="ceres-access-refuse-submit-${request.id}" class="${properties.kcButtonSecondaryClass!} pf-v5-u-mt-sm">${msg("ceresAccessRefuseSubmit")}</button>
                                                    </fieldset>
                                                </form>
                                            </details>
                                        </div>
                                    </td>
                                </tr>
                            </#list>
                            </tbody>
                        </table>
                        </div>
                    <#else>
                        <p id="ceres-access-no-request">${msg("ceresAccessNoRequest")}</p>
                    </#if>
                </section>

                <p class="pf-v5-u-mt-lg"><a id="ceres-access-back" href="${ceresAccess.urls.portal}">${msg("ceresAccessBack")}</a></p>
            </div>
        </#if>
    </#if>
</@layout.registrationLayout>
