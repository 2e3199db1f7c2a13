<#import "template.ftl" as layout>
<#--
  Activation email sent after "Créer mon compte", worded as in the ministry's procedure ("Demande de création
  de votre compte ...").
  Variables from Keycloak's EmailTemplateProvider.sendVerifyEmail: link, linkExpiration (minutes),
  linkExpirationFormatter, user (firstName, lastName, email), realmName. Every value is HTML-escaped.
-->
<#assign fullName = (((user.firstName)!"") + " " + ((user.lastName)!""))?trim>
<#-- "24 heures" as in the ministry's procedure, rather than Keycloak's "1 jour"; any other delay uses Keycloak's formatter. -->
<#if linkExpiration?? && linkExpiration?is_number && linkExpiration gt 0 && linkExpiration % 60 == 0 && linkExpiration <= 2880>
    <#assign validity = msg("ceresEmailHours", linkExpiration / 60)>
<#else>
    <#assign validity = linkExpirationFormatter(linkExpiration)>
</#if>
<@layout.emailLayout>
<p><#if fullName?has_content>${msg("ceresEmailGreeting", fullName)}<#else>${msg("ceresEmailGreetingNoName")}</#if></p>
<p>${msg("ceresEmailRequest")}</p>
<@layout.action link=link label=msg("ceresEmailActivateButton")/>
<p>${msg("ceresEmailCopyLink")}</p>
<p>${msg("ceresEmailThenSignIn")}</p>
<p>${msg("ceresEmailNote", validity)}</p>
<p>${msg("ceresEmailRegards")}<br>${msg("ceresEmailSignature")}</p>
<p><small>${msg("ceresEmailAutomatic")}</small></p>
</@layout.emailLayout>
