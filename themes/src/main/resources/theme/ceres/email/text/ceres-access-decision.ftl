<#ftl output_format="plainText">
<#assign decision = ceresAccessDecision>
${msg("ceresAccessDecisionGreeting")}

<#if decision.accepted>
<#if decision.role == "gestionnaire">
<#assign roleLabel = msg("ceresInvitationRoleGestionnaire")>
<#else>
<#assign roleLabel = msg("ceresInvitationRoleCentreAgree")>
</#if>
${msg("ceresAccessDecisionAccepted", decision.decider, decision.company, roleLabel, decision.siret)}

${msg("ceresAccessDecisionPortal")}

${decision.link}
<#else>
${msg("ceresAccessDecisionRefused", decision.decider, decision.company)}
<#if decision.reason?has_content>

${msg("ceresAccessDecisionReason", decision.reason)}
</#if>
</#if>

${msg("ceresEmailRegards")}
${msg("ceresEmailSignature")}

${msg("ceresEmailAutomatic")}
