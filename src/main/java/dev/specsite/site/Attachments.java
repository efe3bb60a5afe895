package dev.specsite.site;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

import dev.specsite.config.SiteConfig;
import dev.specsite.diag.Diagnostic;
import dev.specsite.link.Urls;

/**
 * The non-spec files the site copies (images, attachments the specs link to): streamed into the
 * write session, never read whole into memory. A file over {@code specsite.max-file-bytes}, or one
 * that is no longer a plain file, is skipped with a warning and the build goes on.
 */
final class Attachments {

    private Attachments() {
    }

    /** Copies each source file (a path relative to the source folder) into the session. */
    static void copy(List<String> files, SiteConfig config, SiteWriter.Session session) throws IOException {
        for (String f : files) {
            Path from = config.sourceDir().resolve(f);
            BasicFileAttributes a = OutputTree.attributes(from);
            if (a == null || !a.isRegularFile()) {
                session.report(Diagnostic.warning(f, 1, 1, "unreadable", "attachment not copied: it is no longer a plain file",
                        null));
            } else if (a.size() > config.maxFileBytes()) {
                session.report(Diagnostic.warning(f, 1, 1, "file-too-large", "attachment not copied: it is " + a.size()
                        + " bytes, over the limit of " + config.maxFileBytes(), "raise specsite.max-file-bytes"));
            } else {
                session.copy(Urls.file(f), from);
            }
        }
    }
}
