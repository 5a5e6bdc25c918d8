package dev.hivemind.dist.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code status}: what a hub started with {@code listen --admin-port} reports on its admin port (health and metrics),
 * summed up in a few lines. It finds the hub of the data directory by the file {@code listen} writes there, or takes
 * {@code --url}. Exit 0 when the hub is up, 1 when it is down or does not answer.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show a running hub's health and counters.",
                "The hub must run with --admin-port; status finds it through the data directory, or --url."})
final class StatusCommand implements Runnable {
    private static final int TIMEOUT_MILLIS = 3000;

    @ParentCommand
    HivemindCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--url", paramLabel = "URL", description = "The admin port, e.g. http://127.0.0.1:5679 "
            + "(default: the one the hub of the data directory wrote).")
    String url;

    @Override
    public void run() {
        String base = url != null ? url.replaceAll("/+$", "") : HubAdmin.urlOf(parent.dataHome())
                .orElseThrow(() -> new CliFailure("no hub with an admin port runs with the data directory "
                        + parent.dataHome() + " (start it with 'hivemind listen --admin-port PORT', or give --url)"));
        JsonNode health = readJson(base + "/health");
        PrometheusText metrics = PrometheusText.parse(get(base + "/metrics"));
        PrintWriter out = spec.commandLine().getOut();
        boolean up = "UP".equals(health.path("status").asText());
        out.println("Hub at " + base + ": " + (up ? "UP" : "DOWN"));
        List<String> transports = new ArrayList<>();
        health.path("transports").fields().forEachRemaining(e -> transports.add(e.getKey() + " " + e.getValue().asText()));
        out.println("  transports: " + (transports.isEmpty() ? "none" : String.join(", ", transports)));
        out.println("  sessions: " + health.path("sessions").asInt() + " established, " + health.path("pending").asInt()
                + " in handshake");
        out.println("  connections: " + count(metrics.sum("hivemind_connections_total")) + " admitted; refused before a"
                + " session: " + PrometheusText.describe(metrics.byLabel("hivemind_admissions_refused_total", "reason"),
                StatusCommand::count));
        out.println("  handshakes: " + PrometheusText.describe(metrics.byLabel("hivemind_handshakes_total", "outcome"),
                StatusCommand::count) + "; by method: " + PrometheusText.describe(establishedByMethod(metrics),
                StatusCommand::count) + "; mean time " + meanMillis(metrics));
        out.println("  messages: " + count(metrics.sum("hivemind_messages_in_total")) + " in, "
                + count(metrics.sum("hivemind_messages_out_total")) + " out, "
                + count(metrics.sum("hivemind_messages_refused_total")) + " refused by permissions");
        out.println("  worker pool: " + count(metrics.sum("hivemind_worker_tasks_queued")) + " queued, "
                + count(metrics.sum("hivemind_worker_tasks_in_flight")) + " in flight, "
                + count(metrics.sum("hivemind_worker_tasks_rejected_total")) + " rejected");
        out.println("  process: " + mb(metrics.sum("process_resident_memory_bytes")) + " resident, heap "
                + mb(metrics.byLabel("jvm_memory_used_bytes", "area").getOrDefault("heap", 0.0)) + " used, "
                + count(metrics.sum("jvm_threads_live_threads")) + " threads, up "
                + uptime(metrics.sum("process_uptime_seconds")));
        out.flush();
        if (!up) {
            throw new CliFailure("the hub at " + base + " reports DOWN");
        }
    }

    private static Map<String, Double> establishedByMethod(PrometheusText metrics) {
        return metrics.byLabel("hivemind_handshake_seconds_count", "method");
    }

    private static String meanMillis(PrometheusText metrics) {
        double count = metrics.sum("hivemind_handshake_seconds_count");
        return count == 0 ? "-" : String.format(Locale.ROOT, "%.0f ms",
                metrics.sum("hivemind_handshake_seconds_sum") / count * 1000);
    }

    private static String count(double value) {
        return String.format(Locale.ROOT, "%.0f", value);
    }

    private static String mb(double bytes) {
        return Double.isNaN(bytes) || bytes == 0 ? "?" : String.format(Locale.ROOT, "%.0f MB", bytes / (1 << 20));
    }

    private static String uptime(double seconds) {
        long s = (long) seconds;
        return s >= 3600 ? (s / 3600) + " h " + (s % 3600 / 60) + " min" : s >= 60 ? (s / 60) + " min " + (s % 60) + " s"
                : s + " s";
    }

    private JsonNode readJson(String address) {
        try {
            return new ObjectMapper().readTree(get(address));
        } catch (IOException e) {
            throw new CliFailure(address + " did not answer with JSON: " + e.getMessage());
        }
    }

    /** The body of a GET (also of a 503, which /health answers when the hub is down). */
    private static String get(String address) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(address).toURL().openConnection();
            c.setConnectTimeout(TIMEOUT_MILLIS);
            c.setReadTimeout(TIMEOUT_MILLIS);
            int status = c.getResponseCode();
            try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
                String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (status != 200 && status != 503) {
                    throw new CliFailure(address + " answered HTTP " + status);
                }
                return body;
            } finally {
                c.disconnect();
            }
        } catch (IllegalArgumentException e) {
            throw new CliFailure("not a URL: " + address);
        } catch (IOException e) {
            throw new CliFailure("nothing answers at " + address + " (" + e.getClass().getSimpleName()
                    + "): is the hub running?");
        }
    }
}
