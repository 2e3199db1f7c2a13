<#--
  Pieces the portal's pages (« Mes démarches », access page, invitation pages) share. Written once for both login
  themes: their classes come from theme.properties, PatternFly's in ceres, the DSFR's in ceres-dsfr.
-->

<#-- What the last action did, at the top of a page: kind success (read out politely), info or error (at once). -->
<#macro alert id kind>
    <div id="${id}" class="${properties['ceresAlert' + kind?cap_first + 'Class']!}" role="${(kind == 'success')?then('status', 'alert')}">
        <p class="${properties.kcAlertTitleClass!} kc-feedback-text"><#nested></p>
    </div>
</#macro>

<#--
  A table in a region of its own, named by the table's caption and focusable, so that a narrow screen scrolls the
  table (by keyboard too) and never the page (WCAG 1.4.10). The caption repeats the section's heading for screen
  readers only. The region is a positioned box (ceres-table-region): the visually hidden texts of the rows stay
  inside it instead of widening the page.
-->
<#macro table id caption>
    <div class="${properties.ceresTableClass!} ${properties.ceresTableHiddenCaptionClass!}" id="${id}-table">
        <div class="${properties.ceresTableWrapperClass!}">
            <div class="${properties.ceresTableContainerClass!} ceres-table-region" role="region" aria-labelledby="${id}-caption" tabindex="0">
                <div class="${properties.ceresTableContentClass!}">
                    <table>
                        <caption id="${id}-caption" class="${properties.ceresTableCaptionClass!}">${caption}</caption>
                        <#nested>
                    </table>
                </div>
            </div>
        </div>
    </div>
</#macro>

<#-- A select, wrapped as each theme's form controls are (PatternFly wraps it, the DSFR styles it). -->
<#macro select id name invalid=false describedBy="">
    <#if properties.ceresInputWrapperClass?has_content><span class="${properties.ceresInputWrapperClass}<#if invalid> ${properties.kcError!}</#if>"></#if>
    <select id="${id}" name="${name}" class="${properties.ceresSelectClass!}"<#if invalid> aria-invalid="true"</#if><#if describedBy?has_content> aria-describedby="${describedBy}"</#if>>
        <#nested>
    </select>
    <#if properties.ceresInputWrapperClass?has_content></span></#if>
</#macro>
