<#import "template.ftl" as layout>
<#import "ceres-roles.ftl" as roles>
<#import "ceres-parts.ftl" as parts>
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
  The three questions of the procedure are fieldsets, in its order; the summary comes on a second page.
-->
<#-- A field's problem, under it, in each theme's error style; its id is what the field's aria-describedby names. -->
<#macro fieldError field>
    <div class="${properties.ceresMessagesGroupClass!}" aria-live="polite">
        <#if (ceresInvite.error(field))??>
            <p class="${properties.ceresErrorMessageClass!}" id="ceres-invite-error-${field}">
                <span class="${properties.kcInputErrorMessageClass!}">
                    <#switch ceresInvite.error(field)>
                        <#case "personne-manquante">${msg("ceresInviteMissingPerson")}<#break>
                        <#case "email-invalide">${msg("ceresInviteInvalidEmail")}<#break>
                        <#case "role-invalide">${msg("ceresInviteInvalidRole")}<#break>
                        <#case "siret-invalide">${msg("ceresInviteInvalidSiret")}<#break>
                        <#default>
                    </#switch>
                </span>
            </p>
        </#if>
    </div>
</#macro>
<#-- A text input of the dialog, wrapped and classed as each theme's inputs are; the nested content adds attributes. -->
<#macro textInput id name type value field autofocus=false>
    <#local invalid = (ceresInvite.error(field))??>
    <#local classes = ((properties.ceresInputFieldClass!"") + invalid?then(" " + (properties.kcInputErrorClass!""), ""))?trim>
    <#if properties.ceresInputWrapperClass?has_content><span class="${properties.ceresInputWrapperClass}<#if invalid> ${properties.kcError!}</#if>"></#if>
    <input id="${id}" name="${name}" type="${type}" value="${value}" autocomplete="off"<#if classes?has_content> class="${classes}"</#if>
           aria-describedby="${id}-help<#if invalid> ceres-invite-error-${field}</#if>"<#if invalid> aria-invalid="true"</#if><#if autofocus> autofocus</#if>
           <#nested>/>
    <#if properties.ceresInputWrapperClass?has_content></span></#if>
</#macro>
<#-- The form group of a field: turns to the error style when the field has a problem. -->
<#function groupClass field base="kcFormGroupClass" error="ceresInputGroupErrorClass">
    <#return (properties[base]!"") + ((ceresInvite.error(field))??)?then(" " + (properties[error]!""), "")>
</#function>
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
        <div id="ceres-invite" class="ceres-invite">
            <#if ceresInvite.problem??>
                <@parts.alert id="ceres-invite-problem" kind="error">
                    <#switch ceresInvite.problem>
                        <#case "deja-habilite">${msg("ceresInviteAlreadyHeld", ceresInvite.invitedEmail)}<#break>
                        <#case "deja-invite">${msg("ceresInviteAlreadyInvited", ceresInvite.invitedEmail)}<#break>
                        <#case "envoi-impossible">${msg("ceresInviteNotSent")}<#break>
                        <#case "quota-atteint">${msg("ceresQuotaInvitations")}<#break>
                        <#default>
                    </#switch>
                </@parts.alert>
            <#elseif ceresInvite.invalid>
                <@parts.alert id="ceres-invite-problem" kind="error">${msg("ceresInviteFix")}</@parts.alert>
            </#if>
            <#assign values = ceresInvite.values>
            <#if ceresInvite.step == "form">
                <form id="ceres-invite-form" class="${properties.kcFormClass!}" method="post" action="${ceresInvite.urls.action}" novalidate="novalidate">
                    <input type="hidden" name="csrf" value="${ceresInvite.csrf}"/>
                    <input type="hidden" name="mode" value="${values.mode}"/>
                    <#-- Enter in any field means « Continuer »: a nameless-looking first submit button, out of sight and of the tab order. -->
                    <button type="submit" name="etape" value="recapitulatif" class="ceres-visually-hidden" tabindex="-1" aria-hidden="true">${msg("ceresInviteContinue")}</button>

                    <fieldset id="ceres-invite-who" class="${properties.ceresFieldsetClass!}">
                        <legend class="${properties.ceresLegendClass!}">${msg("ceresInviteWho")}</legend>
                        <#if values.mode == "compte">
                            <p class="${properties.ceresFieldsetElementClass!}">${msg("ceresInviteWhoText")}</p>
                            <div class="${properties.ceresFieldsetElementClass!}">
                                <div class="${groupClass('personne')} ceres-invite-combobox">
                                    <label class="${properties.kcLabelClass!}" for="ceres-invite-person">${msg("ceresInviteUser")}
                                        <span class="${properties.kcFormHelperTextClass!}" id="ceres-invite-person-help">${msg("ceresInviteUserHelp")}</span>
                                    </label>
                                    <@textInput id="ceres-invite-person" name="utilisateur" type="text" value=values.typedName field="personne"
                                        autofocus=(!ceresInvite.searched && ((ceresInvite.error('personne'))?? || !ceresInvite.invalid))>
                                        role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="ceres-invite-suggestions"
                                        data-ceres-people-url="${ceresInvite.urls.people}" data-ceres-min-length="${ceresInvite.minQueryLength?c}"</@textInput>
                                    <ul id="ceres-invite-suggestions" class="ceres-invite-suggestions" role="listbox" aria-label="${msg("ceresInviteSuggestions")}" hidden></ul>
                                    <div id="ceres-invite-status" class="ceres-visually-hidden" aria-live="polite"></div>
                                    <#-- After « Rechercher », the choice is among the accounts found (radio buttons of the same name). -->
                                    <input type="hidden" id="ceres-invite-chosen-email" name="personne" value="<#if !ceresInvite.searched>${values.person}</#if>"/>
                                    <p id="ceres-invite-chosen" class="ceres-invite-chosen" aria-live="polite"><#if values.person?has_content && !ceresInvite.searched>${msg("ceresInviteChosen", values.typedName, values.person)}</#if></p>
                                    <@fieldError field="personne"/>
                                    <button type="submit" name="etape" value="rechercher" id="ceres-invite-search" class="${properties.ceresRowButtonClass!} ceres-invite-search">${msg("ceresInviteSearch")}</button>
                                </div>
                            </div>
                            <#if ceresInvite.searched>
                                <div class="${properties.ceresFieldsetElementClass!}">
                                <#if ceresInvite.suggestions?has_content>
                                    <fieldset id="ceres-invite-results" class="${properties.ceresFieldsetClass!}">
                                        <legend class="${properties.ceresChoiceLegendClass!}">${msg("ceresInviteFound")}</legend>
                                        <#list ceresInvite.suggestions as found>
                                            <div class="${properties.ceresFieldsetElementClass!}">
                                                <div class="${properties.kcInputClassRadio!}">
                                                    <input type="radio" id="ceres-invite-result-${found?index}" name="personne" value="${found.email}" class="${properties.kcInputClassRadioInput!}"<#if found?index == 0> autofocus</#if>/>
                                                    <label for="ceres-invite-result-${found?index}" class="${properties.kcInputClassRadioLabel!}">${found.name} (${found.email})
                                                        <span id="ceres-invite-result-declared-${found?index}" class="${properties.kcFormHelperTextClass!} ceres-invite-declared">${msg("ceresDeclaredSummary", found.declared.siret, msg(found.declared.siretVerified?then("ceresDeclaredSiretVerified", "ceresDeclaredSiretUnverified")), found.declared.personalEmail?then(msg("ceresDeclaredPersonalEmail"), msg("ceresDeclaredEmailDomain", found.declared.emailDomain)))}</span>
                                                    </label>
                                                </div>
                                            </div>
                                        </#list>
                                    </fieldset>
                                <#else>
                                    <p id="ceres-invite-none-found" role="status">${msg("ceresInviteNoneFound", values.typedName)}</p>
                                </#if>
                                </div>
                            </#if>
                            <p class="${properties.ceresFieldsetElementClass!} ceres-invite-switch">${msg("ceresInviteNoAccount")}
                                <button type="submit" name="etape" value="email" id="ceres-invite-by-email" class="${properties.ceresLinkButtonClass!}">${msg("ceresInviteAddEmail")}</button>
                            </p>
                        <#else>
                            <div class="${properties.ceresFieldsetElementClass!}">
                                <div class="${groupClass('email')}">
                                    <label class="${properties.kcLabelClass!}" for="ceres-invite-email">${msg("ceresInviteEmail")}
                                        <span class="${properties.kcFormHelperTextClass!}" id="ceres-invite-email-help">${msg("ceresInviteEmailHelp")}</span>
                                    </label>
                                    <@textInput id="ceres-invite-email" name="email" type="email" value=values.email field="email" autofocus=true/>
                                    <@fieldError field="email"/>
                                </div>
                            </div>
                            <p class="${properties.ceresFieldsetElementClass!} ceres-invite-switch"><button type="submit" name="etape" value="compte" id="ceres-invite-by-account" class="${properties.ceresLinkButtonClass!}">${msg("ceresInviteBackToSearch")}</button></p>
                        </#if>
                    </fieldset>

                    <fieldset id="ceres-invite-role" class="${properties.ceresFieldsetClass!}">
                        <legend class="${properties.ceresLegendClass!}">${msg("ceresInviteRoleQuestion")}</legend>
                        <div class="${properties.ceresFieldsetElementClass!}">
                            <fieldset id="ceres-invite-role-choice" class="${groupClass('role', 'ceresFieldsetClass', 'ceresFieldsetErrorClass')}"<#if (ceresInvite.error('role'))??> aria-describedby="ceres-invite-error-role"</#if>>
                                <legend class="${properties.ceresChoiceLegendClass!}" id="ceres-invite-role-label">${msg("ceresInviteRole")}<span class="${properties.kcInputRequiredClass!}" aria-hidden="true">&nbsp;*</span></legend>
                                <#list ceresInvite.roles as offered>
                                    <div class="${properties.ceresFieldsetElementClass!}">
                                        <div class="${properties.kcInputClassRadio!}">
                                            <input type="radio" id="ceres-invite-role-${offered}" name="role" value="${offered}" class="${properties.kcInputClassRadioInput!}" required<#if offered == values.role> checked</#if>/>
                                            <label for="ceres-invite-role-${offered}" class="${properties.kcInputClassRadioLabel!}">${roles.label(offered)}
                                                <span class="${properties.kcFormHelperTextClass!} ceres-invite-radio-help">${roles.help(offered)}</span>
                                            </label>
                                        </div>
                                    </div>
                                </#list>
                                <@fieldError field="role"/>
                            </fieldset>
                        </div>
                    </fieldset>

                    <fieldset id="ceres-invite-where" class="${properties.ceresFieldsetClass!}">
                        <legend class="${properties.ceresLegendClass!}">${msg("ceresInviteSiretQuestion")}</legend>
                        <div class="${properties.ceresFieldsetElementClass!}">
                            <div class="${groupClass('siret', 'ceresSelectGroupClass', 'ceresSelectGroupErrorClass')}">
                                <label class="${properties.kcLabelClass!}" for="ceres-invite-siret">${msg("ceresInviteSiret")}<span class="${properties.kcInputRequiredClass!}" aria-hidden="true">&nbsp;*</span></label>
                                <@parts.select id="ceres-invite-siret" name="siret" invalid=(ceresInvite.error('siret'))?? describedBy=(ceresInvite.error('siret'))???then("ceres-invite-error-siret", "")>
                                    <#list ceresInvite.sirets as siret>
                                        <option value="${siret}"<#if siret == values.siret> selected</#if>><#if siret == ceresInvite.centre>${msg("ceresInviteSiretCentre", siret)}<#else>${msg("ceresInviteSiretSite", siret)}</#if></option>
                                    </#list>
                                </@parts.select>
                                <@fieldError field="siret"/>
                            </div>
                        </div>
                    </fieldset>

                    <div class="${properties.kcFormActionGroupClass!} ceres-invite-actions">
                        <a id="ceres-invite-abandon" class="${properties.kcButtonSecondaryClass!}" href="${ceresInvite.urls.back}">${msg("ceresInviteAbandon")}</a>
                        <button type="submit" name="etape" value="recapitulatif" id="ceres-invite-continue" class="${properties.kcButtonPrimaryClass!}">${msg("ceresInviteContinue")}</button>
                    </div>
                </form>
                <script type="module" src="${url.resourcesPath}/js/ceresPeopleSearch.js"></script>
            <#else>
                <form id="ceres-invite-summary-form" method="post" action="${ceresInvite.urls.action}" novalidate="novalidate">
                    <input type="hidden" name="csrf" value="${ceresInvite.csrf}"/>
                    <@hiddenValues values=values/>
                    <dl id="ceres-invite-choices" class="ceres-summary-list">
                        <dt>${msg("ceresInviteInvited")}</dt>
                        <dd id="ceres-invite-invited"><#if ceresInvite.invitedName??>${ceresInvite.invitedName} (${ceresInvite.invitedEmail})<#else>${ceresInvite.invitedEmail}</#if></dd>
                        <dt>${msg("ceresInviteRole")}</dt>
                        <dd id="ceres-invite-chosen-role">${roles.label(values.role)}</dd>
                        <dt>${msg("ceresInviteSiret")}</dt>
                        <dd id="ceres-invite-chosen-siret">${values.siret}</dd>
                    </dl>
                    <section class="ceres-invite-summary" id="ceres-invite-summary" aria-labelledby="ceres-invite-summary-title">
                        <h2 id="ceres-invite-summary-title" tabindex="-1">${msg("ceresInviteSummaryTitle")}</h2>
                        <dl class="ceres-summary-list">
                            <dt>${msg("ceresInviteSubjectLabel")}</dt>
                            <dd id="ceres-invite-subject">${msg("ceresInviteSubject")}</dd>
                            <dt>${msg("ceresInviteMessageLabel")}</dt>
                            <dd id="ceres-invite-message">${msg("ceresInviteMessage", ceresInvite.inviterName, roles.label(values.role), ceresInvite.company)}</dd>
                        </dl>
                    </section>
                    <div class="${properties.kcFormActionGroupClass!} ceres-invite-actions">
                        <a id="ceres-invite-abandon" class="${properties.kcButtonSecondaryClass!}" href="${ceresInvite.urls.back}">${msg("ceresInviteAbandon")}</a>
                        <button type="submit" name="etape" value="modifier" id="ceres-invite-edit" class="${properties.kcButtonSecondaryClass!}">${msg("ceresInviteEdit")}</button>
                        <button type="submit" name="etape" value="envoyer" id="ceres-invite-send" class="${properties.kcButtonPrimaryClass!}" autofocus>${msg("ceresInviteContinue")}</button>
                    </div>
                </form>
            </#if>
        </div>
    </#if>
</@layout.registrationLayout>
