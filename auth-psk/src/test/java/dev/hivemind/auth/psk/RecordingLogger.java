package dev.hivemind.auth.psk;

import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link System.Logger} that keeps what it is given, to assert on warnings. */
final class RecordingLogger implements System.Logger {
    record Entry(Level level, String message) {
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    List<Entry> entries() {
        return List.copyOf(entries);
    }

    @Override
    public String getName() {
        return "recording";
    }

    @Override
    public boolean isLoggable(Level level) {
        return true;
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
        entries.add(new Entry(level, msg));
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        entries.add(new Entry(level, params == null || params.length == 0 ? format : MessageFormat.format(format, params)));
    }
}
