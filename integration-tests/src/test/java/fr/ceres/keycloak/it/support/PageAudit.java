package fr.ceres.keycloak.it.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.HasCdp;

/**
 * The machine checks of accessibility on the page the browser shows, each page in each of its states:
 * axe-core's WCAG 2.0 and 2.1 level A and AA rules at desktop and at mobile width, no sideways scrolling at
 * 320 px (WCAG 1.4.10, reflow: 320 CSS px is 1280 px zoomed to 400 %), the document's language, a skip link
 * as the first thing the keyboard reaches, and a title of its own, different from every other page's.
 * What fails is written down, not thrown, so one run lists every page's failures; {@link #assertClean()}
 * fails with them all at the end. Each page state is also saved as a screenshot at both widths, whole
 * page, for the README ({@link Screenshots}).
 *
 * <p>Widths are set with Chromium's device metrics (not the window), so the page's viewport is exactly the
 * width asked for, as a desktop browser of that width: no mobile emulation, which would lay out a page
 * without a viewport tag at 980 px and hide the very overflow the reflow check looks for.
 */
public final class PageAudit {

    /** The rules the law asks for: RGAA 4.1 follows WCAG 2.1 level AA. */
    static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    static final Viewport DESKTOP = new Viewport("desktop", 1280, 900);
    static final Viewport MOBILE = new Viewport("mobile", 375, 812);
    static final Viewport REFLOW = new Viewport("reflow", 320, 640);

    /**
     * Width of the page beyond the viewport, and the innermost elements that stick out: the culprits rather
     * than every ancestor that only contains them.
     */
    private static final String OVERFLOW = """
            const width = window.innerWidth;
            const out = [...document.body.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > width + 1);
            const innermost = out.filter(e => !out.some(o => o !== e && e.contains(o)));
            const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                + (e.classList.length ? '.' + [...e.classList].join('.') : '');
            return [document.documentElement.scrollWidth, width,
                innermost.slice(0, 3).map(e => name(e) + ' (' + Math.round(e.getBoundingClientRect().right) + ' px)').join(', ')];
            """;

    /**
     * The first element the keyboard reaches in document order, and whether it is a link to an anchor of the
     * page that exists. A skip link may be hidden until focused (so not "visible"), but not removed from
     * the rendering (display: none) or hidden from everyone (visibility: hidden).
     */
    private static final String FIRST_FOCUSABLE = """
            const focusable = [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')]
                .filter(e => e.tabIndex >= 0 && !e.disabled && e.type !== 'hidden' && e.getClientRects().length > 0
                    && getComputedStyle(e).visibility !== 'hidden');
            const first = focusable[0];
            if (!first) { return ['', false]; }
            const href = first.getAttribute('href') || '';
            const target = href.startsWith('#') && href.length > 1 ? document.getElementById(decodeURIComponent(href.slice(1))) : null;
            const name = '<' + first.tagName.toLowerCase() + (first.id ? ' id="' + first.id + '"' : '')
                + (href ? ' href="' + href + '"' : '') + '> « ' + (first.getAttribute('aria-label') || first.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 40) + ' »';
            return [name, target !== null];
            """;

    private final WebDriver driver;
    private final List<String> findings = new ArrayList<>();
    /** Title of each page seen, by page, whatever flow led there: the states of one page may share theirs. */
    private final Map<String, String> titles = new LinkedHashMap<>();

    public PageAudit(WebDriver driver) {
        this.driver = driver;
    }

    /**
     * Checks the page shown, which is state {@code state} of page {@code page} (one name per page, whatever the flow),
     * reached in {@code flow}; saves
     * {@code <flow>/<page>[-<state>]-desktop.png} and {@code -mobile.png}. Leaves the browser at desktop width.
     */
    public void check(String flow, String page, String state) {
        String where = flow + "/" + page + ("normal".equals(state) ? "" : " (" + state + ")");
        String shot = page + ("normal".equals(state) ? "" : "-" + state);
        Screenshots screenshots = new Screenshots(flow);

        resize(MOBILE);
        axe(where, MOBILE);
        screenshots.take(wholePage(MOBILE), shot + "-mobile");

        resize(REFLOW);
        reflow(where);

        resize(DESKTOP);
        axe(where, DESKTOP);
        language(where);
        skipLink(where);
        title(where, page);
        screenshots.take(wholePage(DESKTOP), shot + "-desktop");
        resize(DESKTOP);
    }

    /** Records a failure found by the test itself (a page not served, say), among the others. */
    public void fail(String where, String what) {
        findings.add(where + ": " + what);
    }

    /** Fails with every failure found so far, one a line. */
    public void assertClean() {
        if (!findings.isEmpty()) {
            throw new AssertionError(findings.size() + " accessibility failures:\n" + String.join("\n", findings));
        }
    }

    private void axe(String where, Viewport viewport) {
        Results results = new AxeBuilder().withTags(WCAG_TAGS).analyze(driver);
        if (results.isErrored()) {
            fail(where, viewport.pixels() + " px: axe-core did not run: " + results.getErrorMessage());
        }
        for (Rule rule : results.getViolations()) {
            fail(where, viewport.pixels() + " px: axe " + rule.getId() + " (" + rule.getHelp() + ") on "
                    + rule.getNodes().stream().map(PageAudit::target).collect(Collectors.joining(" | ")));
        }
    }

    /** axe's selector of a node: a list of selectors, one per frame or shadow root on the way. */
    private static String target(CheckedNode node) {
        Object target = node.getTarget();
        return target instanceof List<?> path
                ? path.stream().map(String::valueOf).collect(Collectors.joining(" >> "))
                : String.valueOf(target);
    }

    private void reflow(String where) {
        List<?> measure = (List<?>) script(OVERFLOW);
        long scrollWidth = ((Number) measure.get(0)).longValue();
        long viewport = ((Number) measure.get(1)).longValue();
        if (scrollWidth > viewport) {
            fail(where, REFLOW.pixels() + " px: scrolls sideways (WCAG 1.4.10): the document is " + scrollWidth
                    + " px wide for a viewport of " + viewport + " px; reaching past it (some may only scroll inside their own"
                    + " region): " + measure.get(2));
        }
    }

    private void language(String where) {
        String lang = (String) script("return document.documentElement.lang;");
        if (lang == null || lang.isBlank()) {
            fail(where, "<html> has no lang");
        }
    }

    private void skipLink(String where) {
        List<?> first = (List<?>) script(FIRST_FOCUSABLE);
        if (!Boolean.TRUE.equals(first.get(1))) {
            fail(where, "no skip link: the first element the keyboard reaches is not a link to an anchor of the page, but "
                    + (first.get(0).toString().isEmpty() ? "nothing" : first.get(0)));
        }
    }

    private void title(String where, String page) {
        String title = driver.getTitle().strip();
        if (title.isEmpty()) {
            fail(where, "empty <title>");
            return;
        }
        String same = titles.entrySet().stream()
                .filter(seen -> !seen.getKey().equals(page) && seen.getValue().equals(title))
                .map(Map.Entry::getKey).findFirst().orElse(null);
        if (same != null) {
            fail(where, "title « " + title + " » is also the title of " + same);
        }
        titles.putIfAbsent(page, title);
    }

    /** The viewport made as tall as the page, so the screenshot shows all of it; returns the driver. */
    private WebDriver wholePage(Viewport viewport) {
        long height = ((Number) script("return document.documentElement.scrollHeight;")).longValue();
        resize(new Viewport(viewport.name(), viewport.pixels(), (int) Math.max(viewport.height(), height)));
        return driver;
    }

    private void resize(Viewport viewport) {
        ((HasCdp) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", viewport.pixels(), "height", viewport.height(), "deviceScaleFactor", 1, "mobile", false));
    }

    /** Gives the browser its own size back, for whatever runs after this audit in the same browser. */
    public void release() {
        ((HasCdp) driver).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    private Object script(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    /** A viewport size, in CSS pixels. */
    record Viewport(String name, int pixels, int height) {
    }
}
