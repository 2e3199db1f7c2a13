<#--
  The Ceres roles, for the login pages. A role is an id (centre-agree, gestionnaire, …): a page offers the
  roles its bean lists, in that order, and words each one with these functions. A new role needs only its
  two messages, ceresRole.{id} and ceresRoleHelp.{id}.
-->
<#-- The role's name, as the pages and the invitation's text show it. -->
<#function label role><#return msg("ceresRole." + role)></#function>
<#-- What the role is for, next to its radio in « Inviter un utilisateur ». -->
<#function help role><#return msg("ceresRoleHelp." + role)></#function>
