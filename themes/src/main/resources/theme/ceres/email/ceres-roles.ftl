<#--
  The Ceres roles, for the emails under html/ and text/, which import this file as "/ceres-roles.ftl" (the
  email theme's root). A role is an id (centre-agree, gestionnaire, …) worded by its message ceresRole.{id}.
-->
<#function label role><#return msg("ceresRole." + role)></#function>
