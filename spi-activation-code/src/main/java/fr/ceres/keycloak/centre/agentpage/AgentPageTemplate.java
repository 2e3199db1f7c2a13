package fr.ceres.keycloak.centre.agentpage;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.keycloak.common.util.HtmlUtils;

/**
 * The page's index.html, given the look of the realm's login theme ({@link AgentPageLook}). The file holds both
 * looks: between {@code <!--état-->} and {@code <!--/état-->}, the State's identity and the DSFR's files; between
 * {@code <!--neutre-->} and {@code <!--/neutre-->}, the plain look for a theme without them (the State's identity is
 * for State services only). The page keeps one, drops the other, then fills its {@code {{name}}} values, escaped.
 */
final class AgentPageTemplate {

    private static final Pattern STATE = Pattern.compile("<!--état-->(.*?)<!--/état-->", Pattern.DOTALL);
    private static final Pattern NEUTRAL = Pattern.compile("<!--neutre-->(.*?)<!--/neutre-->", Pattern.DOTALL);
    private static final Pattern VALUE = Pattern.compile("\\{\\{([a-z-]+)}}");

    private final String text;

    AgentPageTemplate(String text) {
        this.text = text;
    }

    String render(AgentPageLook look) {
        String page = keep(look.state() ? STATE : NEUTRAL, drop(look.state() ? NEUTRAL : STATE, text));
        return VALUE.matcher(page).replaceAll(value -> {
            String found = look.values().get(value.group(1));
            if (found == null) {
                throw new IllegalStateException("agent page: no value for " + value.group());
            }
            return Matcher.quoteReplacement(HtmlUtils.escapeAttribute(found));
        });
    }

    private static String drop(Pattern blocks, String page) {
        return blocks.matcher(page).replaceAll("");
    }

    private static String keep(Pattern blocks, String page) {
        return blocks.matcher(page).replaceAll(block -> Matcher.quoteReplacement(block.group(1)));
    }
}
