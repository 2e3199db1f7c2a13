<#import "template.ftl" as layout>
<#import "/ceres-roles.ftl" as roles>
<#--
  The answer to an access request, to the person who asked: sent by AccessRequestMails when a
  gestionnaire accepts (with the role and SIRET given) or refuses (with an optional reason). Attribute
  ceresAccessDecision (AccessRequestMail): accepted, decider, company, role (id, accepted only), siret
  (accepted only), reason (refused only, may be empty), link (the portal page).
-->
<#assign decision = ceresAccessDecision>
<@layout.emailLayout>
<p>${msg("ceresAccessDecisionGreeting")}</p>
<#if decision.accepted>
<p>${msg("ceresAccessDecisionAccepted", decision.decider, decision.company, roles.label(decision.role), decision.siret)}</p>
<p>${msg("ceresAccessDecisionPortal")}</p>
<@layout.action link=decision.link label=msg("ceresEmailPortalButton")/>
<#else>
<p>${msg("ceresAccessDecisionRefused", decision.decider, decision.company)}</p>
    <#if decision.reason?has_content>
<p>${msg("ceresAccessDecisionReason", decision.reason)}</p>
    </#if>
</#if>
<p>${msg("ceresEmailRegards")}<br>${msg("ceresEmailSignature")}</p>
<p><small>${msg("ceresEmailAutomatic")}</small></p>
</@layout.emailLayout>
