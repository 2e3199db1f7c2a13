<#--
  The layout of every HTML email of the theme, Ceres's and Keycloak's own alike (all call emailLayout): a column of
  600 px at most holding the header, the message and the footer, and the action macro for the message's one link.
  Made for mail clients: tables for layout, inline styles only, no stylesheet, script, web font or image.
  The look (colours, font, header, footer) is ceres-identity.ftl's: the one file a child theme replaces.
-->
<#import "ceres-identity.ftl" as identity>

<#macro emailLayout>
<!DOCTYPE html>
<html lang="${locale.language}" dir="${(ltr)?then('ltr','rtl')}">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${msg("ceresEmailServiceName")}</title>
</head>
<body style="margin:0;padding:0;background-color:${identity.pageColour};">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:${identity.pageColour};">
<tr><td align="center" style="padding:16px 8px;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:600px;background-color:#ffffff;">
<tr><td><@identity.header/></td></tr>
<tr><td style="padding:24px;font-family:${identity.font};font-size:16px;line-height:24px;color:${identity.textColour};">
<#nested>
</td></tr>
<tr><td><@identity.footer/></td></tr>
</table>
</td></tr>
</table>
</body>
</html>
</#macro>

<#--
  The message's action: a link drawn as a button (the cell's colour shows even where the link's padding does not),
  then the same link written out, for whoever copies it into the browser.
-->
<#macro action link label>
<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:24px 0 8px 0;">
<tr><td bgcolor="${identity.buttonColour}" style="background-color:${identity.buttonColour};border-radius:${identity.buttonRadius};">
<a href="${link}" style="display:inline-block;padding:12px 24px;border:1px solid ${identity.buttonColour};border-radius:${identity.buttonRadius};font-family:${identity.font};font-size:16px;font-weight:bold;line-height:24px;color:#ffffff;text-decoration:none;">${label}</a>
</td></tr>
</table>
<p style="margin:8px 0 16px 0;font-size:14px;line-height:20px;word-break:break-all;overflow-wrap:anywhere;"><a href="${link}" style="color:${identity.linkColour};">${link}</a></p>
</#macro>
