package io.camelsegment.component.segment.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Property;

/**
 * Captures what every logger of the test JVM writes (at the levels the test configuration lets through) while it is
 * open: for assertions on log lines, and that no line carries a secret.
 */
public final class CapturedLogs implements AutoCloseable {

    /** One captured line: level, logger name, formatted message and the thrown exception's text, if any. */
    public record Line(Level level, String logger, String message, String thrown) {

        /** Everything the line would print. */
        public String text() {
            return level + " " + logger + " - " + message + (thrown != null ? " " + thrown : "");
        }
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final AbstractAppender appender;
    private final Configuration configuration;

    public CapturedLogs() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        configuration = context.getConfiguration();
        appender = new AbstractAppender("captured-" + System.identityHashCode(this), null, null, true,
                Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                Throwable thrown = event.getThrown();
                StringBuilder trace = null;
                for (Throwable t = thrown; t != null; t = t.getCause()) {
                    trace = (trace == null ? new StringBuilder() : trace.append(" / caused by ")).append(t);
                }
                lines.add(new Line(event.getLevel(), event.getLoggerName(), event.getMessage().getFormattedMessage(),
                        trace != null ? trace.toString() : null));
            }
        };
        appender.start();
        // On the root only: every logger of the test configuration is additive, so its events reach the root too.
        configuration.getRootLogger().addAppender(appender, Level.ALL, null);
        context.updateLoggers();
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    /** Lines of a logger at a level. */
    public List<String> messages(Class<?> logger, Level level) {
        return lines.stream().filter(l -> l.logger().equals(logger.getName()) && l.level() == level)
                .map(Line::message).collect(Collectors.toList());
    }

    /** Every captured line as one text, for "contains no secret" checks. */
    public String allText() {
        return lines.stream().map(Line::text).collect(Collectors.joining("\n"));
    }

    @Override
    public void close() {
        configuration.getRootLogger().removeAppender(appender.getName());
        appender.stop();
        ((LoggerContext) LogManager.getContext(false)).updateLoggers();
    }
}
