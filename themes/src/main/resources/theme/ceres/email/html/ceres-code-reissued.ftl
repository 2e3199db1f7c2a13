<#import "template.ftl" as layout>
<#--
  To each gestionnaire of an active centre when an agent re-issues its code: sent by the agents' API
  (ReissueMails), in the same transaction as the re-issue. Attribute ceresCodeReissued (CodeReissuedMail):
  centre (raison sociale), siret, reason (the agent's), when (date and time, Paris), portal (link).
-->
<#assign reissue = ceresCodeReissued>
<@layout.emailLayout>
<p>${msg("ceresCodeReissuedGreeting")}</p>
<p>${msg("ceresCodeReissuedMessage", reissue.centre, reissue.siret, reissue.when)}</p>
<p>${msg("ceresCodeReissuedReason", reissue.reason)}</p>
<p>${msg("ceresCodeReissuedEffect")}</p>
<p>${msg("ceresCodeReissuedCheck")}</p>
<@layout.action link=reissue.portal label=msg("ceresEmailPortalButton")/>
<p><strong>${msg("ceresCodeReissuedUnexpected")}</strong></p>
<p>${msg("ceresEmailRegards")}<br>${msg("ceresEmailSignature")}</p>
<p><small>${msg("ceresCodeReissuedAutomatic")}</small></p>
</@layout.emailLayout>
