<#--
  The State's look (DSFR) for the emails' layout, template.ftl of the parent theme "ceres": the block « République
  Française », the service's name and the ministry line, the blue France button without rounded corners, the footer
  under a blue France line. For State services only (see README.md beside this folder).
  Text only, no image: the Marianne logo would have to be hosted somewhere, and mail clients block remote images.
  The Marianne font is named first for readers who have it installed; the others read Arial. Inline styles only.
-->
<#assign font = "Marianne, Arial, sans-serif">
<#assign textColour = "#3a3a3a">
<#assign pageColour = "#f6f6f6">
<#assign linkColour = "#000091">
<#assign buttonColour = "#000091">
<#assign buttonRadius = "0">

<#macro header>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-bottom:1px solid #dddddd;">
<tr>
<td valign="top" style="width:1%;white-space:nowrap;padding:20px 16px 20px 24px;font-family:${font};font-size:15px;line-height:18px;font-weight:bold;letter-spacing:0.5px;text-transform:uppercase;color:#161616;">${msg("ceresEmailRepublicLine1")}<br>${msg("ceresEmailRepublicLine2")}</td>
<td valign="top" style="padding:20px 24px 20px 8px;font-family:${font};color:#161616;">
<p style="margin:0;font-size:18px;line-height:24px;font-weight:bold;">${msg("ceresEmailServiceName")}</p>
<#if properties.ceresMinistryLine?has_content>
<p style="margin:4px 0 0 0;font-size:14px;line-height:20px;color:#3a3a3a;">${properties.ceresMinistryLine}</p>
</#if>
</td>
</tr>
</table>
</#macro>

<#macro footer>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-top:2px solid #000091;">
<tr><td style="padding:16px 24px 24px 24px;font-family:${font};font-size:12px;line-height:20px;color:#666666;">
<p style="margin:0 0 4px 0;font-size:13px;font-weight:bold;text-transform:uppercase;color:#161616;">${msg("ceresEmailRepublicLine1")} ${msg("ceresEmailRepublicLine2")}</p>
<p style="margin:0;">${msg("ceresEmailFooter")}</p>
</td></tr>
</table>
</#macro>
