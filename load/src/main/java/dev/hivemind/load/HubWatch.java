package dev.hivemind.load;

import java.util.Optional;

/** The hub's process on this machine, when its pid was given: samples of its CPU time and resident memory. */
final class HubWatch {
    private final Long pid;

    HubWatch(Long pid) {
        this.pid = pid;
    }

    boolean present() {
        return pid != null;
    }

    Long pid() {
        return pid;
    }

    /** A sample now, or empty without a pid (or when the process is gone). */
    Optional<ProcessSample> sample() {
        return pid == null ? Optional.empty() : ProcessSample.of(pid);
    }
}
