<#import "template.ftl" as layout>
<#import "ceres-roles.ftl" as roles>
<#import "ceres-parts.ftl" as parts>
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
  Roles are ids, worded by ceres-roles.ftl. The page takes the layout's full width (bodyClass ceres-wide): its
  tables fit their columns on a desktop screen and scroll inside their own region on a narrow one.
-->
<#-- A field of the forms inside a row (« Modifier », « Accepter »): its label, then its control. -->
<#macro rowField for label>
    <div class="${properties.ceresSelectGroupClass!}">
        <label class="${properties.kcLabelClass!}" for="${for}">${label}</label>
        <#nested>
    </div>
</#macro>
<@layout.registrationLayout displayMessage=false bodyClass="ceres-wide"; section>
    <#if section = "header">
        <#if ceresAccessRefused??>${msg("ceresAccessRefusedTitle")}<#else>${msg("ceresAccessTitle")}</#if>
    <#elseif section = "form">
        <#if ceresAccessRefused??>
            <div id="ceres-access-refused" class="ceres-access">
                <p class="instruction">
                    <#if ceresAccessRefused == "csrf">${msg("ceresAccessCsrf")}<#elseif ceresAccessRefused == "request-csrf">${msg("ceresAccessRequestCsrf")}<#else>${msg("ceresAccessForbidden")}</#if>
                </p>
                <p><a id="ceres-access-back" class="${properties.ceresBackLinkClass!}" href="${ceresPortalUrl}">${msg("ceresAccessBack")}</a></p>
            </div>
        <#else>
            <div id="ceres-access" class="ceres-access">
                <#if ceresAccess.notice??>
                    <#switch ceresAccess.notice>
                        <#case "invitation-envoyee"><@parts.alert id="ceres-access-notice" kind="success">${msg("ceresAccessNoticeInvitationSent")}</@parts.alert><#break>
                        <#case "invitation-renvoyee"><@parts.alert id="ceres-access-notice" kind="success">${msg("ceresAccessNoticeInvitationResent")}</@parts.alert><#break>
                        <#case "invitation-annulee"><@parts.alert id="ceres-access-notice" kind="success">${msg("ceresAccessNoticeInvitationCancelled")}</@parts.alert><#break>
                        <#case "habilitation-modifiee"><@parts.alert id="ceres-access-notice" kind="success">${msg("ceresAccessNoticeChanged")}</@parts.alert><#break>
                        <#case "habilitation-retiree"><@parts.alert id="ceres-access-notice" kind="success">${msg("ceresAccessNoticeRevoked")}</@parts.alert><#break>
                        <#case "invitation-introuvable"><@parts.alert id="ceres-access-notice" kind="error">${msg("ceresAccessNoticeInvitationGone")}</@parts.alert><#break>
                        <#case "envoi-impossible"><@parts.alert id="ceres-access-notice" kind="error">${msg("ceresAccessNoticeNotSent")}</@parts.alert><#break>
                        <#case "quota-invitations"><@parts.alert id="ceres-access-notice" kind="error">${msg("ceresQuotaInvitations")}</@parts.alert><#break>
                        <#case "habilitation-introuvable"><@parts.alert id="ceres-access-notice" kind="error">${msg("ceresAccessNoticeNotHeld")}</@parts.alert><#break>
                        <#case "dernier-gestionnaire"><@parts.alert id="ceres-access-notice" kind="error">${msg("ceresAccessNoticeLastGestionnaire")}</@parts.alert><#break>
                        <#case "saisie-invalide"><@parts.alert id="ceres-access-notice" kind="error">${msg("ceresAccessNoticeInvalid")}</@parts.alert><#break>
                        <#case "service-occupe"><@parts.alert id="ceres-access-notice" kind="error">${msg("ceresAccessNoticeBusy")}</@parts.alert><#break>
                        <#case "demande-acceptee"><@parts.alert id="ceres-access-notice" kind="success">${msg("ceresAccessNoticeRequestAccepted")}</@parts.alert><#break>
                        <#case "demande-refusee"><@parts.alert id="ceres-access-notice" kind="success">${msg("ceresAccessNoticeRequestRefused")}</@parts.alert><#break>
                        <#case "demande-introuvable"><@parts.alert id="ceres-access-notice" kind="error">${msg("ceresAccessNoticeRequestGone")}</@parts.alert><#break>
                        <#case "motif-trop-long"><@parts.alert id="ceres-access-notice" kind="error">${msg("ceresAccessNoticeReasonTooLong", ceresAccess.reasonMaxLength?c)}</@parts.alert><#break>
                        <#case "motif-invalide"><@parts.alert id="ceres-access-notice" kind="error">${msg("ceresAccessNoticeReasonHidden")}</@parts.alert><#break>
                        <#default>
                    </#switch>
                </#if>
                <div class="ceres-access-top">
                    <p id="ceres-access-centre">${msg("ceresAccessCentre", ceresAccess.centreName, ceresAccess.centre)}</p>
                    <a id="ceres-access-invite" class="${properties.ceresInviteLinkClass!}" href="${ceresAccess.urls.invite}">${msg("ceresAccessInvite")}</a>
                </div>

                <section id="ceres-access-people" aria-labelledby="ceres-access-people-title">
                    <h2 id="ceres-access-people-title">${msg("ceresAccessPeopleTitle")}</h2>
                    <@parts.table id="ceres-access-people" caption=msg("ceresAccessPeopleTitle")>
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
                                            <details id="ceres-access-change-${key}" class="ceres-access-disclosure">
                                                <summary class="${properties.ceresDisclosureClass!}">${msg("ceresAccessChange")}<span class="ceres-visually-hidden"> — ${person.name}, ${held.siret}</span></summary>
                                                <form method="post" action="${ceresAccess.urls.change}">
                                                    <input type="hidden" name="csrf" value="${ceresAccess.csrf}"/>
                                                    <input type="hidden" name="personne" value="${person.id}"/>
                                                    <input type="hidden" name="siret" value="${held.siret}"/>
                                                    <input type="hidden" name="role" value="${held.role}"/>
                                                    <fieldset class="ceres-access-row-form">
                                                        <legend>${msg("ceresAccessChangeLegend", person.name)}</legend>
                                                        <@rowField for="ceres-access-role-${key}" label=msg("ceresAccessRole")>
                                                            <@parts.select id="ceres-access-role-${key}" name="nouveauRole">
                                                                <#list ceresAccess.roles as offered>
                                                                <option value="${offered}"<#if offered == held.role> selected</#if>>${roles.label(offered)}</option>
                                                                </#list>
                                                            </@parts.select>
                                                        </@rowField>
                                                        <@rowField for="ceres-access-siret-${key}" label=msg("ceresInviteSiret")>
                                                            <@parts.select id="ceres-access-siret-${key}" name="nouveauSiret">
                                                                <#list ceresAccess.sirets as siret>
                                                                    <option value="${siret}"<#if siret == held.siret> selected</#if>>${siret}</option>
                                                                </#list>
                                                            </@parts.select>
                                                        </@rowField>
                                                        <button type="submit" id="ceres-access-save-${key}" class="${properties.ceresRowButtonPrimaryClass!}">${msg("ceresAccessSave")}</button>
                                                    </fieldset>
                                                </form>
                                            </details>
                                            <form method="post" action="${ceresAccess.urls.revoke}">
                                                <input type="hidden" name="csrf" value="${ceresAccess.csrf}"/>
                                                <input type="hidden" name="personne" value="${person.id}"/>
                                                <input type="hidden" name="siret" value="${held.siret}"/>
                                                <input type="hidden" name="role" value="${held.role}"/>
                                                <button type="submit" id="ceres-access-revoke-${key}" class="${properties.ceresRowButtonClass!}">${msg("ceresAccessRevoke")}<span class="ceres-visually-hidden"> — ${person.name}, ${held.siret}</span></button>
                                            </form>
                                        </div>
                                    </td>
                                </tr>
                            </#list>
                        </#list>
                        </tbody>
                    </@parts.table>
                </section>

                <section id="ceres-access-invitations" aria-labelledby="ceres-access-invitations-title">
                    <h2 id="ceres-access-invitations-title">${msg("ceresAccessInvitationsTitle")}</h2>
                    <#if ceresAccess.invitations?has_content>
                        <@parts.table id="ceres-access-invitations" caption=msg("ceresAccessInvitationsTitle")>
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
                                                <button type="submit" id="ceres-access-resend-${invitation.id}" class="${properties.ceresRowButtonClass!}">${msg("ceresAccessResend")}<span class="ceres-visually-hidden"> — ${invitation.email}</span></button>
                                            </form>
                                            <form method="post" action="${invitation.cancelUrl}">
                                                <input type="hidden" name="csrf" value="${ceresAccess.csrf}"/>
                                                <button type="submit" id="ceres-access-cancel-${invitation.id}" class="${properties.ceresRowButtonClass!}">${msg("ceresAccessCancel")}<span class="ceres-visually-hidden"> — ${invitation.email}</span></button>
                                            </form>
                                        </div>
                                    </td>
                                </tr>
                            </#list>
                            </tbody>
                        </@parts.table>
                    <#else>
                        <p id="ceres-access-no-invitation">${msg("ceresAccessNoInvitation")}</p>
                    </#if>
                </section>

                <section id="ceres-access-requests" aria-labelledby="ceres-access-requests-title">
                    <h2 id="ceres-access-requests-title">${msg("ceresAccessRequestsTitle")}</h2>
                    <#if ceresAccess.requests?has_content>
                        <@parts.table id="ceres-access-requests" caption=msg("ceresAccessRequestsTitle")>
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
                                            <details id="ceres-access-accept-${request.id}" class="ceres-access-disclosure">
                                                <summary class="${properties.ceresDisclosureClass!}">${msg("ceresAccessAccept")}<span class="ceres-visually-hidden"> — ${request.name}</span></summary>
                                                <form method="post" action="${request.acceptUrl}">
                                                    <input type="hidden" name="csrf" value="${ceresAccess.csrf}"/>
                                                    <fieldset class="ceres-access-row-form">
                                                        <legend>${msg("ceresAccessAcceptLegend", request.name)}</legend>
                                                        <@rowField for="ceres-access-accept-role-${request.id}" label=msg("ceresAccessRole")>
                                                            <@parts.select id="ceres-access-accept-role-${request.id}" name="role">
                                                                <#-- The first role offered, the least powerful, preselected. -->
                                                                <#list ceresAccess.roles as offered>
                                                                <option value="${offered}"<#if offered?is_first> selected</#if>>${roles.label(offered)}</option>
                                                                </#list>
                                                            </@parts.select>
                                                        </@rowField>
                                                        <@rowField for="ceres-access-accept-siret-${request.id}" label=msg("ceresInviteSiret")>
                                                            <@parts.select id="ceres-access-accept-siret-${request.id}" name="siret">
                                                                <#-- The requester's own establishment first choice when it is one of the centre's. -->
                                                                <#assign suggested = ceresAccess.sirets?seq_contains(request.accountSiret)?then(request.accountSiret, ceresAccess.centre)>
                                                                <#list ceresAccess.sirets as siret>
                                                                    <option value="${siret}"<#if siret == suggested> selected</#if>>${siret}</option>
                                                                </#list>
                                                            </@parts.select>
                                                        </@rowField>
                                                        <button type="submit" id="ceres-access-accept-submit-${request.id}" class="${properties.ceresRowButtonPrimaryClass!}">${msg("ceresAccessAcceptSubmit")}</button>
                                                    </fieldset>
                                                </form>
                                            </details>
                                            <details id="ceres-access-refuse-${request.id}" class="ceres-access-disclosure">
                                                <summary class="${properties.ceresDisclosureClass!}">${msg("ceresAccessRefuse")}<span class="ceres-visually-hidden"> — ${request.name}</span></summary>
                                                <form method="post" action="${request.refuseUrl}">
                                                    <input type="hidden" name="csrf" value="${ceresAccess.csrf}"/>
                                                    <fieldset class="ceres-access-row-form">
                                                        <legend>${msg("ceresAccessRefuseLegend", request.name)}</legend>
                                                        <div class="${properties.kcFormGroupClass!}">
                                                            <label class="${properties.kcLabelClass!}" for="ceres-access-reason-${request.id}">${msg("ceresAccessReason")}</label>
                                                            <#if properties.ceresInputWrapperClass?has_content><span class="${properties.ceresInputWrapperClass}"></#if>
                                                            <textarea id="ceres-access-reason-${request.id}" name="motif" rows="3" maxlength="${ceresAccess.reasonMaxLength?c}" aria-describedby="ceres-access-reason-help-${request.id}" class="${properties.ceresInputFieldClass!}"></textarea>
                                                            <#if properties.ceresInputWrapperClass?has_content></span></#if>
                                                            <p id="ceres-access-reason-help-${request.id}" class="${properties.kcFormHelperTextClass!} ceres-access-help">${msg("ceresAccessReasonHelp", ceresAccess.reasonMaxLength?c)}</p>
                                                        </div>
                                                        <button type="submit" id="ceres-access-refuse-submit-${request.id}" class="${properties.ceresRowButtonClass!}">${msg("ceresAccessRefuseSubmit")}</button>
                                                    </fieldset>
                                                </form>
                                            </details>
                                        </div>
                                    </td>
                                </tr>
                            </#list>
                            </tbody>
                        </@parts.table>
                    <#else>
                        <p id="ceres-access-no-request">${msg("ceresAccessNoRequest")}</p>
                    </#if>
                </section>

                <p class="ceres-access-back"><a id="ceres-access-back" class="${properties.ceresBackLinkClass!}" href="${ceresAccess.urls.portal}">${msg("ceresAccessBack")}</a></p>
            </div>
        </#if>
    </#if>
</@layout.registrationLayout>
