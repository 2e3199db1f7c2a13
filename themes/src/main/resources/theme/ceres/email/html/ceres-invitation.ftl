<#import "template.ftl" as layout>
<#import "/ceres-roles.ftl" as roles>
<#--
  Invitation to a centre, worded as in the ministry's procedure: sent by InvitationMails when a gestionnaire
  invites someone, and again on « Renvoyer ». Attribute ceresInvitation (InvitationMail): inviter, role (id),
  company, link, expiryDate and expiryTime (Paris). Every value is HTML-escaped.
-->
<#assign invitation = ceresInvitation>
<@layout.emailLayout>
<p>${msg("ceresInvitationGreeting")}</p>
<p>${msg("ceresInvitationMessage", invitation.inviter, roles.label(invitation.role), invitation.company)}</p>
<p>${msg("ceresInvitationValidate")}</p>
<@layout.action link=invitation.link label=msg("ceresInvitationButton")/>
<p>${msg("ceresEmailCopyLink")}</p>
<p>${msg("ceresInvitationExpiry", invitation.expiryDate, invitation.expiryTime)}</p>
<p>${msg("ceresEmailRegards")}<br>${msg("ceresEmailSignature")}</p>
<p><small>${msg("ceresEmailAutomatic")}</small></p>
</@layout.emailLayout>
