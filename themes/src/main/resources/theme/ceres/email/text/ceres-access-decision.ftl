<#ftl output_format="plainText">
<#import "/ceres-roles.ftl" as roles>
<#assign decision = ceresAccessDecision>
${msg("ceresAccessDecisionGreeting")}

<#if decision.accepted>
${msg("ceresAccessDecisionAccepted", decision.decider, decision.company, roles.label(decision.role), decision.siret)}

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
