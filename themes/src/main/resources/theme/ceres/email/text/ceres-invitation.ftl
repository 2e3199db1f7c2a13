<#ftl output_format="plainText">
<#import "/ceres-roles.ftl" as roles>
<#assign invitation = ceresInvitation>
${msg("ceresInvitationGreeting")}

${msg("ceresInvitationMessage", invitation.inviter, roles.label(invitation.role), invitation.company)}

${msg("ceresInvitationValidate")}

${invitation.link}

${msg("ceresEmailCopyLink")}

${msg("ceresInvitationExpiry", invitation.expiryDate, invitation.expiryTime)}

${msg("ceresEmailRegards")}
${msg("ceresEmailSignature")}

${msg("ceresEmailAutomatic")}
