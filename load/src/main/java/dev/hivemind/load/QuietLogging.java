package dev.hivemind.load;

/**
 * Keeps the client libraries' per-connection log lines (Vert.x, the engine) out of the generator's output and cost:
 * with Logback (as in the distribution) the root level becomes WARN unless {@code -Dhivemind.load.log=debug|info}.
 */
final class QuietLogging {
    private QuietLogging() {
    }

    static void apply() {
        org.slf4j.ILoggerFactory factory = org.slf4j.LoggerFactory.getILoggerFactory();
        String level = System.getProperty("hivemind.load.log", "warn").toUpperCase(java.util.Locale.ROOT);
        try {
            Class<?> context = Class.forName("ch.qos.logback.classic.LoggerContext");
            if (context.isInstance(factory)) {
                Object root = context.getMethod("getLogger", String.class).invoke(factory, "ROOT");
                Class<?> levelClass = Class.forName("ch.qos.logback.classic.Level");
                Object value = levelClass.getMethod("toLevel", String.class).invoke(null, level);
                root.getClass().getMethod("setLevel", levelClass).invoke(root, value);
            }
        } catch (ReflectiveOperationException e) {
            // another logging backend: leave its configuration alone
        }
    }
}
