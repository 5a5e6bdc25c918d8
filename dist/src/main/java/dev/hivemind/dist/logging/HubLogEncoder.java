package dev.hivemind.dist.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.util.Locale;

/**
 * The hub log's encoder in {@code conf/logback.xml}: text lines with a pattern (default), or JSON lines, one object per
 * event (time, level, thread, logger, formatted message, exception), for a log collector. The format is a property, so
 * the operator switches it with one value ({@code HIVEMIND_LOG_FORMAT=json}) instead of rewiring appenders.
 */
public final class HubLogEncoder extends EncoderBase<ILoggingEvent> {
    private String format = "text";
    private String pattern = EventLineLayout.PATTERN;
    private Encoder<ILoggingEvent> delegate;

    /** {@code text} or {@code json}. */
    public void setFormat(String format) {
        this.format = format == null ? "text" : format.strip().toLowerCase(Locale.ROOT);
    }

    /** The text lines' pattern ({@code %oneLineEx} sums an exception up on the event's line). */
    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    @Override
    public void start() {
        switch (format) {
            case "json" -> {
                JsonEncoder json = new JsonEncoder();
                json.setWithSequenceNumber(false);
                json.setWithNanoseconds(false);
                json.setWithContext(false);
                json.setWithMDC(false);
                json.setWithKVPList(false);
                json.setWithArguments(false);
                json.setWithMessage(false);
                json.setWithFormattedMessage(true);
                delegate = json;
            }
            case "text" -> {
                LayoutWrappingEncoder<ILoggingEvent> text = new LayoutWrappingEncoder<>();
                text.setLayout(EventLineLayout.create((LoggerContext) getContext(), pattern));
                delegate = text;
            }
            default -> {
                addError("unknown log format '" + format + "': use text or json");
                return;
            }
        }
        delegate.setContext(getContext());
        delegate.start();
        super.start();
    }

    @Override
    public void stop() {
        if (delegate != null) {
            delegate.stop();
        }
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return delegate.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return delegate.encode(event);
    }

    @Override
    public byte[] footerBytes() {
        return delegate.footerBytes();
    }
}
