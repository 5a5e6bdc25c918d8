package dev.hivemind.dist.db;

import java.util.List;

/**
 * What an import did (or, if {@link #applied()} is false, would have done: nothing was written).
 *
 * @param added     ids of clients that were new
 * @param unchanged ids of clients already stored exactly so ({@code last_seen} aside)
 * @param replaced  ids of stored clients overwritten by the file's version
 * @param kept      ids of active clients the file marks revoked: left active, since an import never revokes
 * @param conflicts one line per client that differs from the stored one or whose access key another client
 *                  holds; names fields, never values
 * @param notes     what the reader skipped or folded, and warnings about weak or unusable credentials
 * @param applied   whether the changes were committed
 */
public record ImportReport(List<Integer> added, List<Integer> unchanged, List<Integer> replaced,
        List<Integer> kept, List<String> conflicts, List<String> notes, boolean applied) {
    public ImportReport {
        kept = List.copyOf(kept);
        added = List.copyOf(added);
        unchanged = List.copyOf(unchanged);
        replaced = List.copyOf(replaced);
        conflicts = List.copyOf(conflicts);
        notes = List.copyOf(notes);
    }
}
