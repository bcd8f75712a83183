package io.camelsegment.component.segment.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Captures, in memory, what some loggers write at DEBUG (or TRACE) while it is open, and nothing else: their lines do not reach
 * the test log file (additivity off), so that a test can show what a library prints without leaving secrets in the
 * file other tests read.
 */
public final class CapturedLog implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final String[] loggers;
    private final java.util.Map<String, LoggerConfig> previous = new java.util.HashMap<>();
    private final AbstractAppender appender;

    private CapturedLog(Level level, String... loggers) {
        this.loggers = loggers;
        this.appender = new AbstractAppender("captured-" + System.nanoTime(), null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                lines.add(event.getLoggerName() + " " + event.getMessage().getFormattedMessage());
            }
        };
        appender.start();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = context.getConfiguration();
        for (String name : loggers) {
            LoggerConfig existing = configuration.getLoggers().get(name);
            if (existing != null) {
                previous.put(name, existing);
                configuration.removeLogger(name);
            }
            LoggerConfig config = new LoggerConfig(name, level, false);
            config.addAppender(appender, level, null);
            configuration.addLogger(name, config);
        }
        context.updateLoggers();
    }

    /** Starts capturing these loggers (and their children) at DEBUG. */
    public static CapturedLog debug(String... loggers) {
        return new CapturedLog(Level.DEBUG, loggers);
    }

    /** Starts capturing these loggers (and their children) at TRACE. */
    public static CapturedLog trace(String... loggers) {
        return new CapturedLog(Level.TRACE, loggers);
    }

    /** Everything captured so far, one line per event. */
    public String text() {
        return String.join("\n", lines);
    }

    @Override
    public void close() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        for (String name : loggers) {
            context.getConfiguration().removeLogger(name);
            if (previous.containsKey(name)) {
                context.getConfiguration().addLogger(name, previous.get(name)); // e.g. the test log's INFO caps
            }
        }
        context.updateLoggers();
        appender.stop();
    }
}
