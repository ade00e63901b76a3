package io.conformity.ui.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/** The refusal summary of ui/fields.html, both ways forms call it, without a Spring context. */
class SummaryFragmentTests {

    private final SpringTemplateEngine engine = engine();

    private final FormErrors errors = new FormErrors(
            "Nothing was saved.",
            new LinkedHashMap<>(Map.of("username", "is taken", "roles", "choose one", "elsewhere", "is wrong")));

    @Test
    void withLabelsEachFieldIsLinkedAndTheRestListedInWords() {
        String html = render("<div th:replace=\"~{ui/fields :: linkedSummary(${errors}, null,"
                + " ${ {'username': 'User name', 'roles': 'Roles', 'email': 'E-mail'} })}\"></div>");

        assertThat(html)
                .contains("role=\"alert\"", "Nothing was saved.")
                .contains("<a href=\"#username\">User name</a>: <span>is taken</span>")
                .contains("<a href=\"#roles\">Roles</a>: <span>choose one</span>")
                .contains("<span>elsewhere</span>: <span>is wrong</span>")
                .doesNotContain("#email", "#elsewhere");
        // In the labels' order, which is the page's.
        assertThat(html.indexOf("#username")).isLessThan(html.indexOf("#roles"));
    }

    @Test
    void theTwoArgumentSummaryStillListsOnlyWhatTheFormHasNoFieldFor() {
        String html =
                render("<div th:replace=\"~{ui/fields :: summary(${errors}, ${ {'username', 'roles'} })}\"></div>");

        assertThat(html)
                .contains("role=\"alert\"", "Nothing was saved.", "<span>elsewhere</span>: <span>is wrong</span>")
                .doesNotContain("<a ", "is taken", "choose one", "th:");
    }

    @Test
    void noRefusalNoSummary() {
        Context context = new Context();
        context.setVariable("errors", FormErrors.NONE);
        String html = engine.process(
                "<main><div th:replace=\"~{ui/fields :: linkedSummary(${errors}, null, ${ {'a': 'A'} })}\"></div>"
                        + "<div th:replace=\"~{ui/fields :: summary(${errors}, ${ {'a'} })}\"></div></main>",
                context);
        assertThat(html).isEqualTo("<main></main>");
    }

    private String render(String template) {
        Context context = new Context();
        context.setVariable("errors", errors);
        return engine.process(template, context);
    }

    private static SpringTemplateEngine engine() {
        ClassLoaderTemplateResolver files = new ClassLoaderTemplateResolver();
        files.setPrefix("templates/");
        files.setSuffix(".html");
        files.setTemplateMode(TemplateMode.HTML);
        files.setResolvablePatterns(Set.of("ui/*"));
        files.setOrder(1);
        StringTemplateResolver strings = new StringTemplateResolver();
        strings.setTemplateMode(TemplateMode.HTML);
        strings.setOrder(2);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.addTemplateResolver(files);
        engine.addTemplateResolver(strings);
        return engine;
    }
}
