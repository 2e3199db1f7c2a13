<#ftl output_format="plainText">
<#assign reissue = ceresCodeReissued>
${msg("ceresCodeReissuedGreeting")}

${msg("ceresCodeReissuedMessage", reissue.centre, reissue.siret, reissue.when)}

${msg("ceresCodeReissuedReason", reissue.reason)}

${msg("ceresCodeReissuedEffect")}

${msg("ceresCodeReissuedCheck")}

${reissue.portal}

${msg("ceresCodeReissuedUnexpected")}

${msg("ceresEmailRegards")}
${msg("ceresEmailSignature")}

${msg("ceresCodeReissuedAutomatic")}
