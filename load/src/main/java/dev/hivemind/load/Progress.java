package dev.hivemind.load;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * One line a second while a run lasts: elapsed time, completed operations and the rate over the last second,
 * failures, and the hub's CPU use and RSS when it is watched. Closing it stops the line.
 */
final class Progress implements AutoCloseable {
    private final Thread thread;
    private volatile boolean running = true;

    Progress(PrintWriter out, Outcomes outcomes, HubWatch hub) {
        this.thread = new Thread(() -> loop(out, outcomes, hub), "load-progress");
        thread.setDaemon(true);
        if (out != null) {
            thread.start();
        }
    }

    private void loop(PrintWriter out, Outcomes outcomes, HubWatch hub) {
        long start = System.nanoTime();
        long lastDone = 0;
        double lastHubCpu = hub.sample().map(ProcessSample::cpuSeconds).orElse(0.0);
        long lastTick = start;
        while (running) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            double interval = (now - lastTick) / 1e9;
            long done = outcomes.completed();
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "[%6.1f s] %,d done (%,.0f/s), %,d failed",
                    (now - start) / 1e9, done, (done - lastDone) / interval, outcomes.failed()));
            var sample = hub.sample();
            if (sample.isPresent()) {
                double cpu = sample.get().cpuSeconds();
                line.append(String.format(Locale.ROOT, "; hub CPU %.0f%%, RSS %,d MiB", 100 * (cpu - lastHubCpu) / interval,
                        sample.get().rssKib() / 1024));
                lastHubCpu = cpu;
            }
            out.println(line);
            out.flush();
            lastDone = done;
            lastTick = now;
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
