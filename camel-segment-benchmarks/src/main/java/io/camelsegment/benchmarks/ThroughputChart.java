package io.camelsegment.benchmarks;

import java.util.List;
import java.util.Locale;

/** A horizontal SVG bar chart of events per second, one bar per driver, no dependencies. */
final class ThroughputChart {

    private static final int WIDTH = 960;
    private static final int LABEL_WIDTH = 440;
    private static final int BAR_AREA = WIDTH - LABEL_WIDTH - 130;
    private static final int ROW = 34;
    private static final int TOP = 46;

    private ThroughputChart() {
    }

    static String svg(List<DriverResult> results, long events) {
        double max = results.stream().mapToDouble(DriverResult::eventsPerSecond).filter(v -> !Double.isNaN(v))
                .max().orElse(1);
        int height = TOP + ROW * results.size() + 16;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                                              + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"13\">%n",
                WIDTH, height, WIDTH, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, height));
        svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"24\" font-size=\"16\" font-weight=\"bold\">"
                                              + "Events per second, %,d events, higher is better</text>%n",
                events));
        for (int i = 0; i < results.size(); i++) {
            DriverResult r = results.get(i);
            int y = TOP + i * ROW;
            double value = r.eventsPerSecond();
            int bar = Double.isNaN(value) || !r.ok() && value <= 0 ? 0 : (int) Math.round(BAR_AREA * value / max);
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
                    LABEL_WIDTH - 8, y + 17, escape(r.info().label())));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"22\" fill=\"%s\"/>%n",
                    LABEL_WIDTH, y + 2, Math.max(bar, 1), colour(r)));
            String text = Double.isNaN(value) ? r.status() : String.format(Locale.ROOT, "%,.0f", value)
                                                             + (r.ok() ? "" : " (" + r.status() + ")");
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n",
                    LABEL_WIDTH + Math.max(bar, 1) + 6, y + 17, escape(text)));
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static String colour(DriverResult r) {
        String id = r.info().id();
        if (id.startsWith("segment-")) {
            return "#2f7d4f";
        }
        return id.startsWith("analytics-java") ? "#8a8f98" : "#c07a2c";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
