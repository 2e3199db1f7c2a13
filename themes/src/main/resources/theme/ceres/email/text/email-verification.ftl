<#ftl output_format="plainText">
<#assign fullName = (((user.firstName)!"") + " " + ((user.lastName)!""))?trim>
<#if linkExpiration?? && linkExpiration?is_number && linkExpiration gt 0 && linkExpiration % 60 == 0 && linkExpiration <= 2880>
<#assign validity = msg("ceresEmailHours", linkExpiration / 60)>
<#else>
<#assign validity = linkExpirationFormatter(linkExpiration)>
</#if>
<#if fullName?has_content>${msg("ceresEmailGreeting", fullName)}<#else>${msg("ceresEmailGreetingNoName")}</#if>

${msg("ceresEmailRequest")}

${link}

${msg("ceresEmailCopyLink")}

${msg("ceresEmailThenSignIn")}

${msg("ceresEmailNote", validity)}

${msg("ceresEmailRegards")}
${msg("ceresEmailSignature")}

${msg("ceresEmailAutomatic")}
