<#ftl output_format="plainText">
<#assign invitation = ceresInvitation>
<#if invitation.role == "gestionnaire">
<#assign roleLabel = msg("ceresInvitationRoleGestionnaire")>
<#else>
<#assign roleLabel = msg("ceresInvitationRoleCentreAgree")>
</#if>
${msg("ceresInvitationGreeting")}

${msg("ceresInvitationMessage", invitation.inviter, roleLabel, invitation.company)}

${msg("ceresInvitationValidate")}

${invitation.link}

${msg("ceresEmailCopyLink")}

${msg("ceresInvitationExpiry", invitation.expiryDate, invitation.expiryTime)}

${msg("ceresEmailRegards")}
${msg("ceresEmailSignature")}

${msg("ceresEmailAutomatic")}
