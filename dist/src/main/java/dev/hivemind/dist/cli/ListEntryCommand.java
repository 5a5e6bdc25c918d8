package dev.hivemind.dist.cli;

import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.registry.ClientRecordBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import picocli.CommandLine.Parameters;

/**
 * A command that adds an entry to, or removes one from, a list of the client given by its {@code ID} argument
 * ({@code allow-msg TYPE ID}, {@code blacklist-skill SKILL ID}, ...). Each command is a subclass that names the
 * list, the direction and what to say (in the messages {@code %1$s} stands for the client's name, {@code %2$s} for
 * the entry), and declares the entry argument, with its own label and help, as an
 * {@code @Parameters(index = "0")} setter that calls {@link #entry(String)}.
 */
abstract class ListEntryCommand extends ClientChangeCommand {
    @Parameters(index = "1", paramLabel = "ID", description = "The client's id.")
    int clientId;

    private final ClientList list;
    private final Direction direction;
    private final String alreadyInPlace;
    private final String changed;
    private String entry;

    ListEntryCommand(ClientList list, Direction direction, String alreadyInPlace, String changed) {
        this.list = list;
        this.direction = direction;
        this.alreadyInPlace = alreadyInPlace;
        this.changed = changed;
    }

    /** Takes the entry argument. */
    protected final void entry(String value) {
        entry = value;
    }

    @Override
    protected final int clientId() {
        return clientId;
    }

    @Override
    protected final Change change(ClientRecord client) {
        boolean add = direction == Direction.ADD;
        if (!add && list.isPermanent(entry)) {
            throw new CliFailure("'" + entry + "' is always allowed");
        }
        List<String> entries = new ArrayList<>(list.of(client));
        if (entries.contains(entry) == add) {
            return Change.none(alreadyInPlace.formatted(client.name(), entry));
        }
        if (add) {
            entries.add(entry);
        } else {
            entries.remove(entry);
        }
        return Change.to(list.set(client, entries), changed.formatted(client.name(), entry));
    }

    /** Whether the command adds the entry to the list or removes it. */
    enum Direction {
        ADD, REMOVE
    }

    /** The lists of a client record that commands edit. */
    enum ClientList {
        /** The OVOS message types the client may inject; {@code recognizer_loop:utterance} cannot be removed. */
        ALLOWED_TYPES(ClientRecord::allowedTypes, ClientRecordBuilder::allowedTypes, ClientRecord.UTTERANCE),
        SKILL_BLACKLIST(ClientRecord::skillBlacklist, ClientRecordBuilder::skillBlacklist, null),
        INTENT_BLACKLIST(ClientRecord::intentBlacklist, ClientRecordBuilder::intentBlacklist, null);

        private final Function<ClientRecord, List<String>> getter;
        private final BiFunction<ClientRecordBuilder, List<String>, ClientRecordBuilder> setter;
        /** An entry that is always allowed: removing it fails ({@code null}: none). */
        private final String permanent;

        ClientList(Function<ClientRecord, List<String>> getter,
                BiFunction<ClientRecordBuilder, List<String>, ClientRecordBuilder> setter, String permanent) {
            this.getter = getter;
            this.setter = setter;
            this.permanent = permanent;
        }

        List<String> of(ClientRecord client) {
            return getter.apply(client);
        }

        ClientRecord set(ClientRecord client, List<String> entries) {
            return setter.apply(client.toBuilder(), entries).build();
        }

        boolean isPermanent(String entry) {
            return entry.equals(permanent);
        }
    }
}
