<#--
  The look of the emails' layout (template.ftl): colours, font, header and footer. Neutral: the service's name, no
  State identity; the theme ceres-dsfr replaces this file with the State's. Inline styles only (see template.ftl).
-->
<#assign font = "Arial, Helvetica, sans-serif">
<#assign textColour = "#1e1e1e">
<#assign pageColour = "#f3f3f3">
<#assign linkColour = "#1a4f8b">
<#assign buttonColour = "#1a4f8b">
<#assign buttonRadius = "4px">

<#macro header>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-bottom:3px solid ${buttonColour};">
<tr><td style="padding:20px 24px;font-family:${font};font-size:20px;line-height:28px;font-weight:bold;color:${textColour};">${msg("ceresEmailServiceName")}</td></tr>
</table>
</#macro>

<#macro footer>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-top:1px solid #dddddd;">
<tr><td style="padding:16px 24px;font-family:${font};font-size:12px;line-height:20px;color:#666666;">${msg("ceresEmailFooter")}</td></tr>
</table>
</#macro>
