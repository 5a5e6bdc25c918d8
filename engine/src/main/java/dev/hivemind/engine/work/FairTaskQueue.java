package dev.hivemind.engine.work;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The worker pool's queue, fair across sources (remote addresses): each source has its own FIFO, idle workers take
 * from the sources in turn, and when the queue is full a newcomer from a source with fewer queued tasks displaces the
 * newest task of the source with the most. So one source, however fast it submits, holds at most its fair share and
 * never delays another source's task by more than one task per other source. Thread-safe.
 */
final class FairTaskQueue {
    /** A queued task: run by a worker, or refused when displaced or when the pool closes. */
    interface Task extends Runnable {
        void refuse(String detail);
    }

    private final int capacity;
    private final int workers;
    private final Map<String, ArrayDeque<Task>> bySource = new HashMap<>();
    private final ArrayDeque<String> turn = new ArrayDeque<>();
    private int queued;
    private int busy;
    private boolean closed;

    /**
     * @param capacity tasks that may wait beyond those a free worker takes at once
     * @param workers  the workers that take tasks
     */
    FairTaskQueue(int capacity, int workers) {
        this.capacity = capacity;
        this.workers = workers;
    }

    /**
     * Queues {@code task} for {@code source}.
     *
     * @return {@code null} if queued with room to spare; the displaced task of another source (already removed, to be
     *         refused by the caller); or {@code task} itself if it was refused
     */
    synchronized Task offer(String source, Task task) {
        if (closed) {
            return task;
        }
        Task displaced = null;
        if (queued >= capacity + workers - busy) {
            String heaviest = heaviestSource();
            int mine = size(source);
            if (heaviest == null || size(heaviest) <= mine + 1) {
                return task;
            }
            displaced = bySource.get(heaviest).pollLast();
            shrink(heaviest);
        }
        ArrayDeque<Task> q = bySource.get(source);
        if (q == null) {
            q = new ArrayDeque<>();
            bySource.put(source, q);
            turn.addLast(source);
        }
        q.addLast(task);
        queued++;
        notify();
        return displaced;
    }

    /**
     * The next task, taking the sources in turn; waits while there is none. {@code null} once closed. The worker
     * counts as busy until it calls {@link #finished()}.
     */
    synchronized Task take() throws InterruptedException {
        while (queued == 0 && !closed) {
            wait();
        }
        if (closed) {
            return null;
        }
        busy++;
        String source = turn.pollFirst();
        ArrayDeque<Task> q = bySource.get(source);
        Task t = q.pollFirst();
        queued--;
        if (q.isEmpty()) {
            bySource.remove(source);
        } else {
            turn.addLast(source);
        }
        return t;
    }

    /** The worker that took a task is free again. */
    synchronized void finished() {
        busy--;
    }

    synchronized int queued() {
        return queued;
    }

    /** Closes the queue; the tasks still waiting are returned to be refused. */
    synchronized java.util.List<Task> close() {
        closed = true;
        java.util.List<Task> left = new java.util.ArrayList<>();
        bySource.values().forEach(left::addAll);
        bySource.clear();
        turn.clear();
        queued = 0;
        notifyAll();
        return left;
    }

    private int size(String source) {
        ArrayDeque<Task> q = bySource.get(source);
        return q == null ? 0 : q.size();
    }

    private String heaviestSource() {
        String best = null;
        int most = 0;
        for (Map.Entry<String, ArrayDeque<Task>> e : bySource.entrySet()) {
            if (e.getValue().size() > most) {
                most = e.getValue().size();
                best = e.getKey();
            }
        }
        return best;
    }

    private void shrink(String source) {
        queued--;
        if (bySource.get(source).isEmpty()) {
            bySource.remove(source);
            turn.remove(source);
        }
    }
}
