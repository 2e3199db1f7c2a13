<#import "template.ftl" as layout>
<#import "ceres-roles.ftl" as roles>
<#--
  « Inviter un utilisateur » (GET|POST /realms/{realm}/ceres-portal/acces/{centre}/inviter,
  InviteDialog), laid out like the dialog of the ministry's procedure. Attribute ceresInvite set by the
  Java code:
    .step                  "form" (the dialog) or "summary" (« Récapitulatif de l'invitation »)
    .centre, .company      the centre's SIRET and its company's name
    .sirets                the SIRETs the habilitation may name (the centre's first, then its linked sites)
    .roles                 the role ids offered, least power first: one radio each, with its help text
    .values                what was filled: { mode ("compte" | "email"), typedName, person (the chosen
                           account's email), email, role, siret }
    .error(field)          the problem word of a field (personne, email, role, siret), or absent
    .problem               what prevents the invitation as a whole, or absent
    .suggestions, .searched  accounts found by « Rechercher » (without script): { name, email }
    .minQueryLength        characters typed before suggestions come
    .inviterName, .invitedName, .invitedEmail   the summary's people (invitedName absent: an address only)
    .csrf                  the hidden field of every form
    .urls                  { action (this dialog's form), back (the access page), people (the suggestions' JSON) }
  The button pressed is the field "etape"; js/ceresPeopleSearch.js turns « Utilisateur » into a combobox.
-->
<#macro fieldError field>
    <#if (ceresInvite.error(field))??>
        <#assign problem = ceresInvite.error(field)>
        <div class="${properties.kcFormHelperTextClass!}" aria-live="polite">
            <div class="${properties.kcInputHelperTextClass!}">
                <div class="${properties.kcInputHelperTextItemClass!} ${properties.kcError!}" id="ceres-invite-error-${field}">
                    <span class="${properties.kcInputErrorMessageClass!}">
                        <#switch problem>
                            <#case "personne-manquante">${msg("ceresInviteMissingPerson")}<#break>
                            <#case "email-invalide">${msg("ceresInviteInvalidEmail")}<#break>
                            <#case "role-invalide">${msg("ceresInviteInvalidRole")}<#break>
                            <#case "siret-invalide">${msg("ceresInviteInvalidSiret")}<#break>
                            <#default>
                        </#switch>
                    </span>
                </div>
            </div>
        </div>
    </#if>
</#macro>
<#macro hiddenValues values>
    <input type="hidden" name="mode" value="${values.mode}"/>
    <input type="hidden" name="utilisateur" value="${values.typedName}"/>
    <input type="hidden" name="personne" value="${values.person}"/>
    <input type="hidden" name="email" value="${values.email}"/>
    <input type="hidden" name="role" value="${values.role}"/>
    <input type="hidden" name="siret" value="${values.siret}"/>
</#macro>
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${msg("ceresInviteTitle")}
    <#elseif section = "form">
        <style>
            #ceres-invite fieldset { border: 0; padding: 0; margin: 0 0 1.25rem; }
            #ceres-invite legend { font-size: 1.125rem; font-weight: 700; margin-bottom: .5rem; }
            #ceres-invite .ceres-invite-combobox { position: relative; }
            #ceres-invite [role="listbox"] { list-style: none; margin: 0; padding: 0; border: 1px solid var(--ceres-border, #929292); background: #fff; max-height: 18rem; overflow-y: auto; }
            #ceres-invite [role="listbox"][hidden] { display: none; }
            #ceres-invite [role="option"] { padding: .5rem .75rem; cursor: pointer; }
            #ceres-invite [role="option"][aria-selected="true"], #ceres-invite [role="option"]:hover { background: var(--ceres-info-bg, #e8edff); outline: 2px solid var(--ceres-focus, #0a76f6); outline-offset: -2px; }
            #ceres-invite .ceres-invite-option-email { color: var(--ceres-text-muted, #3a3a3a); font-size: .875rem; }
            #ceres-invite .ceres-invite-chosen:empty { display: none; }
            #ceres-invite .ceres-invite-chosen { margin-top: .5rem; font-weight: 600; }
            #ceres-invite .ceres-invite-radio { display: flex; gap: .5rem; align-items: baseline; margin: .25rem 0; }
            #ceres-invite .ceres-invite-radio-help { color: var(--ceres-text-muted, #3a3a3a); font-size: .875rem; margin-left: .5rem; }
            #ceres-invite .ceres-invite-summary { border-left: 4px solid var(--ceres-blue, #000091); background: var(--ceres-info-bg, #e8edff); padding: .75rem 1rem; margin: 1rem 0; }
            #ceres-invite .ceres-invite-summary h2 { font-size: 1.125rem; font-weight: 700; margin-bottom: .5rem; }
            #ceres-invite dt { font-weight: 700; margin-top: .5rem; }
            #ceres-invite dd { margin: 0; }
            #ceres-invite .ceres-invite-actions { display: flex; flex-wrap: wrap; gap: .75rem; justify-content: flex-end; margin-top: 1rem; }
            #ceres-invite .ceres-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        </style>
        <div id="ceres-invite">
            <#if ceresInvite.problem??>
                <div id="ceres-invite-problem" class="${properties.kcAlertClass!} pf-m-danger" role="alert">
                    <span class="${properties.kcAlertTitleClass!} kc-feedback-text">
                        <#switch ceresInvite.problem>
                            <#case "deja-habilite">${msg("ceresInviteAlreadyHeld", ceresInvite.invitedEmail)}<#break>
                            <#case "deja-invite">${msg("ceresInviteAlreadyInvited", ceresInvite.invitedEmail)}<#break>
                            <#case "envoi-impossible">${msg("ceresInviteNotSent")}<#break>
                            <#case "quota-atteint">${msg("ceresQuotaInvitations")}<#break>
                            <#default>
                        </#switch>
                    </span>
                </div>
            <#elseif ceresInvite.invalid>
                <div id="ceres-invite-problem" class="${properties.kcAlertClass!} pf-m-danger" role="alert">
                    <span class="${properties.kcAlertTitleClass!} kc-feedback-text">${msg("ceresInviteFix")}</span>
                </div>
            </#if>
            <#assign values = ceresInvite.values>
            <#if ceresInvite.step == "form">
                <form id="ceres-invite-form" class="${properties.kcFormClass!}" method="post" action="${ceresInvite.urls.action}" novalidate="novalidate">
                    <input type="hidden" name="csrf" value="${ceresInvite.csrf}"/>
                    <input type="hidden" name="mode" value="${values.mode}"/>
                    <#-- Enter in any field means « Continuer »: a nameless-looking first submit button, out of sight and of the tab order. -->
                    <button type="submit" name="etape" value="recapitulatif" class="ceres-visually-hidden" tabindex="-1" aria-hidden="true">${msg("ceresInviteContinue")}</button>

                    <fieldset id="ceres-invite-who">
                        <legend>${msg("ceresInviteWho")}</legend>
                        <#if values.mode == "compte">
                            <p>${msg("ceresInviteWhoText")}</p>
                            <div class="${properties.kcFormGroupClass!} ceres-invite-combobox">
                                <label class="${properties.kcLabelClass!}" for="ceres-invite-person">${msg("ceresInviteUser")}</label>
                                <span class="${properties.kcInputClass!}<#if (ceresInvite.error('personne'))??> ${properties.kcError!}</#if>">
                                    <input id="ceres-invite-person" name="utilisateur" type="text" value="${values.typedName}" autocomplete="off"
                                           role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="ceres-invite-suggestions"
                                           aria-describedby="ceres-invite-person-help<#if (ceresInvite.error('personne'))??> ceres-invite-error-personne</#if>"
                                           <#if (ceresInvite.error('personne'))??>aria-invalid="true"</#if>
                                           <#if !ceresInvite.searched && ((ceresInvite.error('personne'))?? || !ceresInvite.invalid)>autofocus</#if>
                                           data-ceres-people-url="${ceresInvite.urls.people}" data-ceres-min-length="${ceresInvite.minQueryLength?c}"/>
                                </span>
                                <p class="${properties.kcFormHelperTextClass!}" id="ceres-invite-person-help">${msg("ceresInviteUserHelp")}</p>
                                <ul id="ceres-invite-suggestions" role="listbox" aria-label="${msg("ceresInviteSuggestions")}" hidden></ul>
                                <div id="ceres-invite-status" class="ceres-visually-hidden" aria-live="polite"></div>
                                <#-- After « Rechercher », the choice is among the accounts found (radio buttons of the same name). -->
                                <input type="hidden" id="ceres-invite-chosen-email" name="personne" value="<#if !ceresInvite.searched>${values.person}</#if>"/>
                                <p id="ceres-invite-chosen" class="ceres-invite-chosen" aria-live="polite"><#if values.person?has_content && !ceresInvite.searched>${msg("ceresInviteChosen", values.typedName, values.person)}</#if></p>
                                <@fieldError field="personne"/>
                                <button type="submit" name="etape" value="rechercher" id="ceres-invite-search" class="${properties.kcButtonSecondaryClass!} pf-v5-u-mt-sm">${msg("ceresInviteSearch")}</button>
                            </div>
                            <#if ceresInvite.searched>
                                <#if ceresInvite.suggestions?has_content>
                                    <fieldset id="ceres-invite-results">
                                        <legend>${msg("ceresInviteFound")}</legend>
                                        <#list ceresInvite.suggestions as found>
                                            <div class="ceres-invite-radio">
                                                <input type="radio" id="ceres-invite-result-${found?index}" name="personne" value="${found.email}"<#if found?index == 0> autofocus</#if>/>
                                                <label for="ceres-invite-result-${found?index}">${found.name} <span class="ceres-invite-option-email">(${found.email})</span> <small id="ceres-invite-result-declared-${found?index}" class="ceres-invite-declared">${msg("ceresDeclaredSummary", found.declared.siret, msg(found.declared.siretVerified?then("ceresDeclaredSiretVerified", "ceresDeclaredSiretUnverified")), found.declared.personalEmail?then(msg("ceresDeclaredPersonalEmail"), msg("ceresDeclaredEmailDomain", found.declared.emailDomain)))}</small></label>
                                            </div>
                                        </#list>
                                    </fieldset>
                                <#else>
                                    <p id="ceres-invite-none-found" role="status">${msg("ceresInviteNoneFound", values.typedName)}</p>
                                </#if>
                            </#if>
                            <p class="pf-v5-u-mt-md">${msg("ceresInviteNoAccount")}
                                <button type="submit" name="etape" value="email" id="ceres-invite-by-email" class="${properties.kcButtonLinkClass!} pf-v5-u-p-0">${msg("ceresInviteAddEmail")}</button>
                            </p>
                        <#else>
                            <div class="${properties.kcFormGroupClass!}">
                                <label class="${properties.kcLabelClass!}" for="ceres-invite-email">${msg("ceresInviteEmail")}</label>
                                <span class="${properties.kcInputClass!}<#if (ceresInvite.error('email'))??> ${properties.kcError!}</#if>">
                                    <input id="ceres-invite-email" name="email" type="email" value="${values.email}" autocomplete="off" autofocus
                                           aria-describedby="ceres-invite-email-help<#if (ceresInvite.error('email'))??> ceres-invite-error-email</#if>"<#if (ceresInvite.error('email'))??> aria-invalid="true"</#if>/>
                                </span>
                                <p class="${properties.kcFormHelperTextClass!}" id="ceres-invite-email-help">${msg("ceresInviteEmailHelp")}</p>
                                <@fieldError field="email"/>
                            </div>
                            <p><button type="submit" name="etape" value="compte" id="ceres-invite-by-account" class="${properties.kcButtonLinkClass!} pf-v5-u-p-0">${msg("ceresInviteBackToSearch")}</button></p>
                        </#if>
                    </fieldset>

                    <fieldset id="ceres-invite-role">
                        <legend>${msg("ceresInviteRoleQuestion")}</legend>
                        <p class="${properties.kcLabelClass!}" id="ceres-invite-role-label">${msg("ceresInviteRole")} *</p>
                        <div role="radiogroup" aria-labelledby="ceres-invite-role-label" aria-required="true">
                            <#list ceresInvite.roles as offered>
                            <div class="ceres-invite-radio">
                                <input type="radio" id="ceres-invite-role-${offered}" name="role" value="${offered}"<#if offered == values.role> checked</#if>/>
                                <label for="ceres-invite-role-${offered}">${roles.label(offered)}<span class="ceres-invite-radio-help">${roles.help(offered)}</span></label>
                            </div>
                            </#list>
                        </div>
                        <@fieldError field="role"/>
                    </fieldset>

                    <fieldset id="ceres-invite-where">
                        <legend>${msg("ceresInviteSiretQuestion")}</legend>
                        <div class="${properties.kcFormGroupClass!}">
                            <label class="${properties.kcLabelClass!}" for="ceres-invite-siret">${msg("ceresInviteSiret")} *</label>
                            <span class="${properties.kcInputClass!}<#if (ceresInvite.error('siret'))??> ${properties.kcError!}</#if>">
                                <select id="ceres-invite-siret" name="siret"<#if (ceresInvite.error('siret'))??> aria-invalid="true" aria-describedby="ceres-invite-error-siret"</#if>>
                                    <#list ceresInvite.sirets as siret>
                                        <option value="${siret}"<#if siret == values.siret> selected</#if>><#if siret == ceresInvite.centre>${msg("ceresInviteSiretCentre", siret)}<#else>${msg("ceresInviteSiretSite", siret)}</#if></option>
                                    </#list>
                                </select>
                            </span>
                            <@fieldError field="siret"/>
                        </div>
                    </fieldset>

                    <div class="ceres-invite-actions">
                        <a id="ceres-invite-abandon" class="${properties.kcButtonSecondaryClass!}" href="${ceresInvite.urls.back}">${msg("ceresInviteAbandon")}</a>
                        <button type="submit" name="etape" value="recapitulatif" id="ceres-invite-continue" class="${properties.kcButtonPrimaryClass!}">${msg("ceresInviteContinue")}</button>
                    </div>
                </form>
                <script type="module" src="${url.resourcesPath}/js/ceresPeopleSearch.js"></script>
            <#else>
                <form id="ceres-invite-summary-form" method="post" action="${ceresInvite.urls.action}" novalidate="novalidate">
                    <input type="hidden" name="csrf" value="${ceresInvite.csrf}"/>
                    <@hiddenValues values=values/>
                    <dl id="ceres-invite-choices">
                        <dt>${msg("ceresInviteInvited")}</dt>
                        <dd id="ceres-invite-invited"><#if ceresInvite.invitedName??>${ceresInvite.invitedName} (${ceresInvite.invitedEmail})<#else>${ceresInvite.invitedEmail}</#if></dd>
                        <dt>${msg("ceresInviteRole")}</dt>
                        <dd id="ceres-invite-chosen-role">${roles.label(values.role)}</dd>
                        <dt>${msg("ceresInviteSiret")}</dt>
                        <dd id="ceres-invite-chosen-siret">${values.siret}</dd>
                    </dl>
                    <section class="ceres-invite-summary" id="ceres-invite-summary" aria-labelledby="ceres-invite-summary-title">
                        <h2 id="ceres-invite-summary-title" tabindex="-1">${msg("ceresInviteSummaryTitle")}</h2>
                        <dl>
                            <dt>${msg("ceresInviteSubjectLabel")}</dt>
                            <dd id="ceres-invite-subject">${msg("ceresInviteSubject")}</dd>
                            <dt>${msg("ceresInviteMessageLabel")}</dt>
                            <dd id="ceres-invite-message">${msg("ceresInviteMessage", ceresInvite.inviterName, roles.label(values.role), ceresInvite.company)}</dd>
                        </dl>
                    </section>
                    <div class="ceres-invite-actions">
                        <a id="ceres-invite-abandon" class="${properties.kcButtonSecondaryClass!}" href="${ceresInvite.urls.back}">${msg("ceresInviteAbandon")}</a>
                        <button type="submit" name="etape" value="modifier" id="ceres-invite-edit" class="${properties.kcButtonSecondaryClass!}">${msg("ceresInviteEdit")}</button>
                        <button type="submit" name="etape" value="envoyer" id="ceres-invite-send" class="${properties.kcButtonPrimaryClass!}" autofocus>${msg("ceresInviteContinue")}</button>
                    </div>
                </form>
            </#if>
        </div>
    </#if>
</@layout.registrationLayout>
