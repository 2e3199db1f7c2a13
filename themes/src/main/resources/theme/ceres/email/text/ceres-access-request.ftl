<#ftl output_format="plainText">
<#assign request = ceresAccessRequest>
${msg("ceresAccessRequestGreeting")}

${msg("ceresAccessRequestMessage", request.requester, request.requesterEmail, request.company, request.requesterSiret)}

${msg("ceresAccessRequestDecide")}

${request.link}

${msg("ceresEmailRegards")}
${msg("ceresEmailSignature")}

${msg("ceresEmailAutomatic")}
