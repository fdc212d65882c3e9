package io.github.kafkaconnecttrtc.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Captures every log line of a test, with its level, logger and full stack trace, through a
 * Log4j 2 appender on the root logger. Register with {@code @RegisterExtension}.
 */
public final class LogCapture implements BeforeEachCallback, AfterEachCallback {

    private final List<String> lines = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private final Appender appender = new Appender();

    @Override
    public void beforeEach(ExtensionContext context) {
        synchronized (lines) {
            lines.clear();
            events.clear();
        }
        appender.start();
        Configuration config = LoggerContext.getContext(false).getConfiguration();
        // Loggers are additive here, so the root logger sees every event once.
        config.getRootLogger().addAppender(appender, null, null);
        LoggerContext.getContext(false).updateLoggers();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Configuration config = LoggerContext.getContext(false).getConfiguration();
        config.getRootLogger().removeAppender(appender.getName());
        LoggerContext.getContext(false).updateLoggers();
        appender.stop();
    }

    /** Every captured line: {@code LEVEL logger - message}, followed by any stack trace. */
    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** Every captured event, with the worker's logging context ({@code connector.context}). */
    public List<Event> events() {
        synchronized (lines) {
            return List.copyOf(events);
        }
    }

    /**
     * One log event.
     *
     * @param context Connect's {@code connector.context}, such as {@code "[name|task-0] "}; empty when unset
     */
    public record Event(Level level, String logger, String context, String message) {
    }

    /** All captured text in one string. */
    public String text() {
        return String.join("\n", lines());
    }

    private final class Appender extends AbstractAppender {

        Appender() {
            super("test-capture", null, null, true, Property.EMPTY_ARRAY);
        }

        @Override
        public void append(LogEvent event) {
            StringBuilder line = new StringBuilder()
                    .append(event.getLevel()).append(' ')
                    .append(event.getLoggerName()).append(" - ")
                    .append(event.getMessage().getFormattedMessage());
            if (event.getThrown() != null) {
                StringWriter trace = new StringWriter();
                event.getThrown().printStackTrace(new PrintWriter(trace));
                line.append('\n').append(trace);
            }
            String context = event.getContextData().getValue("connector.context");
            synchronized (lines) {
                lines.add(line.toString());
                events.add(new Event(event.getLevel(), event.getLoggerName(), context == null ? "" : context,
                        event.getMessage().getFormattedMessage()));
            }
        }
    }
}
