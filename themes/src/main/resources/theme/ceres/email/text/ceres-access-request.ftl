<#ftl output_format="plainText">
<#assign request = ceresAccessRequest>
${msg("ceresAccessRequestGreeting")}

${msg("ceresAccessRequestMessage", request.requester, request.requesterEmail, request.company, request.requesterSiret)}

${msg(request.declared.personalEmail?then("ceresAccessRequestDeclaredPersonal", "ceresAccessRequestDeclared"), request.requesterSiret, msg(request.declared.siretVerified?then("ceresDeclaredSiretVerified", "ceresDeclaredSiretUnverified")), request.declared.emailDomain)}

${msg("ceresAccessRequestDecide")}

${request.link}

${msg("ceresEmailRegards")}
${msg("ceresEmailSignature")}

${msg("ceresEmailAutomatic")}
