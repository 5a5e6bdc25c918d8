package dev.hivemind.transport.vertx;

import io.vertx.core.Vertx;
import java.time.Duration;

/**
 * Watches one connection's inbound silence on its event loop: after half the idle timeout without a frame it asks
 * for a ping, and after the full timeout it expires the connection. It also asks for a ping when nothing was written
 * for half the idle timeout, so a healthy connection always completes a write in that time (a server's socket-level
 * write-idle timeout then only catches a peer that stopped reading). One timer at a time, re-armed for the exact
 * next deadline; every method runs on the connection's event loop.
 */
final class IdleWatchdog {
    private final Vertx vertx;
    private final long idleNanos;
    private final Runnable ping;
    private final Runnable expire;
    private long lastActivity;
    private long lastWrite;
    private boolean pinged;
    private boolean suspended;
    private long timerId = -1;
    private boolean stopped;

    IdleWatchdog(Vertx vertx, Duration idleTimeout, Runnable ping, Runnable expire) {
        this.vertx = vertx;
        this.idleNanos = idleTimeout.toNanos();
        this.ping = ping;
        this.expire = expire;
    }

    void start() {
        if (idleNanos <= 0 || stopped) {
            return;
        }
        lastActivity = System.nanoTime();
        lastWrite = lastActivity;
        schedule(idleNanos / 2);
    }

    /** A write to the peer completed. */
    void written() {
        lastWrite = System.nanoTime();
    }

    /** Something arrived from the peer. */
    void activity() {
        lastActivity = System.nanoTime();
        pinged = false;
    }

    /** Stops judging silence (we are not reading, so silence says nothing about the peer). */
    void suspend() {
        suspended = true;
    }

    /** Judges silence again, counting from now. */
    void resume() {
        suspended = false;
        activity();
    }

    void stop() {
        stopped = true;
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
            timerId = -1;
        }
    }

    private void schedule(long delayNanos) {
        long millis = Math.max(1, (delayNanos + 999_999) / 1_000_000);
        timerId = vertx.setTimer(millis, id -> check());
    }

    private void check() {
        timerId = -1;
        if (stopped) {
            return;
        }
        long now = System.nanoTime();
        long silence = now - lastActivity;
        long half = idleNanos / 2;
        if (suspended) {
            schedule(half);
            return;
        }
        if (silence >= idleNanos) {
            stopped = true;
            expire.run();
            return;
        }
        boolean inboundQuiet = silence >= half && !pinged;
        if (inboundQuiet || now - lastWrite >= half) {
            pinged |= silence >= half;
            lastWrite = now;
            ping.run();
        }
        long nextInbound = silence >= half ? idleNanos - silence : half - silence;
        long nextOutbound = half - (now - lastWrite);
        schedule(Math.max(1, Math.min(nextInbound, nextOutbound)));
    }
}
