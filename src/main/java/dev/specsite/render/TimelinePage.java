package dev.specsite.render;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.specsite.index.Dashboards.TimelineEntry;
import dev.specsite.render.DashboardViews.Month;
import dev.specsite.render.DashboardViews.TimelineRow;

/** {@code timeline.html}: specs created and updated, newest first, by month. */
public final class TimelinePage {
    /** The page's path. */
    public static final String PATH = "timeline.html";

    private TimelinePage() {
    }

    public static Output render(RenderContext ctx) {
        Map<String, List<TimelineRow>> byMonth = new LinkedHashMap<>();
        for (TimelineEntry e : ctx.index().timeline()) {
            byMonth.computeIfAbsent(e.date().substring(0, 7), k -> new ArrayList<>())
                    .add(new TimelineRow(e.date(), e.kind(), ctx.card(e.spec(), PATH)));
        }
        List<Month> months = new ArrayList<>();
        byMonth.forEach((ym, rows) -> {
            LocalDate d = LocalDate.parse(ym + "-01");
            String label = d.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + d.getYear();
            months.add(new Month(label, "m-" + ym, rows));
        });
        return ctx.page("timeline.ftlh", PATH, "Timeline", "timeline",
                new DashboardViews.Timeline(months, ctx.index().timeline().size()));
    }
}
