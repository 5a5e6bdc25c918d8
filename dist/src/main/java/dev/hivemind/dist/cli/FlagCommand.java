package dev.hivemind.dist.cli;

import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.registry.ClientRecordBuilder;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import picocli.CommandLine.Parameters;

/**
 * A command that turns one yes/no permission of the client given by its {@code ID} argument on or off. Each
 * command is a subclass that names the permission, the direction and what to say; in the messages {@code %s}
 * stands for the client's name.
 */
abstract class FlagCommand extends ClientChangeCommand {
    @Parameters(paramLabel = "ID", description = "The client's id.")
    int clientId;

    private final Flag flag;
    private final boolean value;
    private final String alreadyInPlace;
    private final String changed;

    FlagCommand(Flag flag, boolean value, String alreadyInPlace, String changed) {
        this.flag = flag;
        this.value = value;
        this.alreadyInPlace = alreadyInPlace;
        this.changed = changed;
    }

    @Override
    protected final int clientId() {
        return clientId;
    }

    @Override
    protected final Change change(ClientRecord client) {
        if (flag.of(client) == value) {
            return Change.none(alreadyInPlace.formatted(client.name()));
        }
        return Change.to(flag.set(client, value), changed.formatted(client.name()));
    }

    /** The yes/no permissions of a client record. */
    enum Flag {
        ADMIN(ClientRecord::admin, ClientRecordBuilder::admin),
        CAN_ESCALATE(ClientRecord::canEscalate, ClientRecordBuilder::canEscalate),
        CAN_PROPAGATE(ClientRecord::canPropagate, ClientRecordBuilder::canPropagate);

        private final Predicate<ClientRecord> getter;
        private final BiFunction<ClientRecordBuilder, Boolean, ClientRecordBuilder> setter;

        Flag(Predicate<ClientRecord> getter, BiFunction<ClientRecordBuilder, Boolean, ClientRecordBuilder> setter) {
            this.getter = getter;
            this.setter = setter;
        }

        boolean of(ClientRecord client) {
            return getter.test(client);
        }

        ClientRecord set(ClientRecord client, boolean value) {
            return setter.apply(client.toBuilder(), value).build();
        }
    }
}
