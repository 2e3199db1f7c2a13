<#import "template.ftl" as layout>
<#--
  An access request, to each gestionnaire of the centre: sent by AccessRequestMails when
  someone of the same company asks for access from the portal page. Attribute ceresAccessRequest
  (AccessRequestMail): requester (name), requesterEmail, requesterSiret, declared (DeclaredIdentity: siretVerified,
  emailDomain, personalEmail), company, link (the access page).
-->
<#assign request = ceresAccessRequest>
<@layout.emailLayout>
<p>${msg("ceresAccessRequestGreeting")}</p>
<p>${msg("ceresAccessRequestMessage", request.requester, request.requesterEmail, request.company, request.requesterSiret)}</p>
<p>${msg(request.declared.personalEmail?then("ceresAccessRequestDeclaredPersonal", "ceresAccessRequestDeclared"), request.requesterSiret, msg(request.declared.siretVerified?then("ceresDeclaredSiretVerified", "ceresDeclaredSiretUnverified")), request.declared.emailDomain)}</p>
<p>${msg("ceresAccessRequestDecide")}</p>
<@layout.action link=request.link label=msg("ceresAccessRequestButton")/>
<p>${msg("ceresEmailRegards")}<br>${msg("ceresEmailSignature")}</p>
<p><small>${msg("ceresEmailAutomatic")}</small></p>
</@layout.emailLayout>
