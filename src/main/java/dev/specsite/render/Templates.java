package dev.specsite.render;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

import dev.specsite.diag.Diagnostic;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.ParseException;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

/**
 * The theme's FreeMarker templates, configured once: {@code .ftlh} files with HTML auto-escaping,
 * records readable as {@code spec.title}, errors rethrown as {@link TemplateFailure} diagnostics.
 * Templates are compiled once and shared by all threads.
 */
public final class Templates {

    /** Where the embedded default theme's templates live on the class path. */
    public static final String EMBEDDED = "/themes/default/templates";

    private final Configuration cfg;
    private final String origin;

    /** @param dir the theme's template folder, or {@code null} for the embedded default theme */
    public Templates(Path dir) {
        Configuration c = new Configuration(Configuration.VERSION_2_3_34);
        try {
            // a theme that predates a page kind (redirect.ftlh) falls back to the default theme's template
            c.setTemplateLoader(dir != null ? new MultiTemplateLoader(new TemplateLoader[] {
                    new FileTemplateLoader(dir.toFile()), new ClassTemplateLoader(Templates.class, EMBEDDED)})
                    : new ClassTemplateLoader(Templates.class, EMBEDDED));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        c.setRecognizeStandardFileExtensions(true);
        c.setDefaultEncoding("UTF-8");
        c.setOutputEncoding("UTF-8");
        c.setLocale(Locale.ROOT);
        c.setTimeZone(TimeZone.getTimeZone("UTC"));
        c.setNumberFormat("computer");
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setFallbackOnNullLoopVariable(false);
        c.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
        TemplateSandbox.apply(c);
        this.cfg = c;
        this.origin = dir != null ? dir.toString().replace('\\', '/') : "(embedded theme)";
    }

    /** Renders a template with a model. */
    public String render(String name, Map<String, Object> model) {
        try {
            Template t = cfg.getTemplate(name);
            StringWriter out = new StringWriter(16 * 1024);
            t.process(model, out);
            return out.toString();
        } catch (ParseException e) {
            throw new TemplateFailure(Diagnostic.error(origin + "/" + name, e.getLineNumber(), e.getColumnNumber(),
                    "template-syntax", e.getEditorMessage(), "fix the template"), e);
        } catch (TemplateException e) {
            Integer line = e.getLineNumber();
            Integer col = e.getColumnNumber();
            String text = e.getMessageWithoutStackTop();
            // an error inside ?eval or ?interpret: the cause is the innermost quoted message
            int begin = text.lastIndexOf("---begin-message---");
            if (begin >= 0) {
                int end = text.indexOf("---end-message---", begin);
                text = text.substring(begin + "---begin-message---".length(), end < 0 ? text.length() : end);
            }
            String msg = String.join(" ", java.util.Arrays.stream(text.strip().split("\n"))
                    .map(String::strip).filter(x -> !x.isEmpty() && !x.startsWith("----")).limit(2).toList());
            // the template the error is in, which may be one that the rendered template imports
            String in = e.getTemplateSourceName() != null ? e.getTemplateSourceName() : name;
            throw new TemplateFailure(Diagnostic.error(origin + "/" + in, line == null ? 0 : line,
                    col == null ? 0 : col, "template-error", msg, "fix the template"), e);
        } catch (StackOverflowError e) {
            // FreeMarker has no limit of its own on macro and function calls; the stack is the limit
            throw new TemplateFailure(Diagnostic.error(origin + "/" + name, 0, 0, "template-recursion",
                    "a macro or function of the theme calls itself without end", "end the recursion"), null);
        } catch (SecurityException e) {
            // FileTemplateLoader refuses a template whose real path (through a link) is outside the theme
            throw new TemplateFailure(Diagnostic.error(origin + "/" + name, 0, 0, "template-outside-theme",
                    "a template links to a file outside the theme folder", "keep the theme's templates inside it"), e);
        } catch (IOException e) {
            throw new TemplateFailure(Diagnostic.error(origin + "/" + name, 0, 0, "template-missing",
                    "cannot load template: " + e.getMessage(), "the theme must have " + name), e);
        }
    }
}
