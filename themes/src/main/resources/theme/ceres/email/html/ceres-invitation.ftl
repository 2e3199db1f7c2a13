<#import "template.ftl" as layout>
<#--
  Invitation to a centre (issue 4, seed part B): sent by InvitationMails when a gestionnaire invites someone,
  and again on « Renvoyer ». Attribute ceresInvitation (InvitationMail): inviter, role (id), company, link,
  expiryDate and expiryTime (Paris). Every value is HTML-escaped.
-->
<#assign invitation = ceresInvitation>
<#if invitation.role == "gestionnaire">
    <#assign roleLabel = msg("ceresInvitationRoleGestionnaire")>
<#else>
    <#assign roleLabel = msg("ceresInvitationRoleCentreAgree")>
</#if>
<@layout.emailLayout>
<p>${msg("ceresInvitationGreeting")}</p>
<p>${msg("ceresInvitationMessage", invitation.inviter, roleLabel, invitation.company)}</p>
<p>${msg("ceresInvitationValidate")}</p>
<p><a href="${invitation.link}">${invitation.link}</a></p>
<p>${msg("ceresEmailCopyLink")}</p>
<p>${msg("ceresInvitationExpiry", invitation.expiryDate, invitation.expiryTime)}</p>
<p>${msg("ceresEmailRegards")}<br>${msg("ceresEmailSignature")}</p>
<p><small>${msg("ceresEmailAutomatic")}</small></p>
</@layout.emailLayout>
