package dev.hivemind.dist.cli;

import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.dist.db.ClientRecordBuilder;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code allow-skill}, {@code blacklist-skill}, {@code allow-intent}, {@code blacklist-intent}: skills and
 * intents a client's utterances must not trigger.
 */
final class SkillCommands {
    private SkillCommands() {
    }

    @Command(name = "blacklist-skill", mixinStandardHelpOptions = true,
            description = "Stop a client's utterances triggering a skill.")
    static final class BlacklistSkill extends ClientChangeCommand {
        @Parameters(index = "0", paramLabel = "SKILL", description = "The skill id.")
        String skill;

        @Parameters(index = "1", paramLabel = "ID", description = "The client's id.")
        int clientId;

        @Override
        protected int clientId() {
            return clientId;
        }

        @Override
        protected Change change(ClientRecord client) {
            if (client.skillBlacklist().contains(skill)) {
                return Change.none("Client " + client.name() + " has already blacklisted '" + skill + "'");
            }
            return Change.to(ClientRecordBuilder.from(client).skillBlacklist(plus(client.skillBlacklist(), skill)).build(),
                    "Blacklisted '" + skill + "' for " + client.name());
        }
    }

    @Command(name = "allow-skill", mixinStandardHelpOptions = true,
            description = "Remove a skill from a client's blacklist.")
    static final class AllowSkill extends ClientChangeCommand {
        @Parameters(index = "0", paramLabel = "SKILL", description = "The skill id.")
        String skill;

        @Parameters(index = "1", paramLabel = "ID", description = "The client's id.")
        int clientId;

        @Override
        protected int clientId() {
            return clientId;
        }

        @Override
        protected Change change(ClientRecord client) {
            if (!client.skillBlacklist().contains(skill)) {
                return Change.none("'" + skill + "' is not blacklisted for client " + client.name());
            }
            return Change.to(ClientRecordBuilder.from(client).skillBlacklist(minus(client.skillBlacklist(), skill)).build(),
                    "Unblacklisted '" + skill + "' for " + client.name());
        }
    }

    @Command(name = "blacklist-intent", mixinStandardHelpOptions = true,
            description = "Stop a client's utterances triggering an intent.")
    static final class BlacklistIntent extends ClientChangeCommand {
        @Parameters(index = "0", paramLabel = "INTENT", description = "The intent, as skill_id:intent_name.")
        String intent;

        @Parameters(index = "1", paramLabel = "ID", description = "The client's id.")
        int clientId;

        @Override
        protected int clientId() {
            return clientId;
        }

        @Override
        protected Change change(ClientRecord client) {
            if (client.intentBlacklist().contains(intent)) {
                return Change.none("Client " + client.name() + " has already blacklisted '" + intent + "'");
            }
            return Change.to(ClientRecordBuilder.from(client).intentBlacklist(plus(client.intentBlacklist(), intent)).build(),
                    "Blacklisted '" + intent + "' for " + client.name());
        }
    }

    @Command(name = "allow-intent", mixinStandardHelpOptions = true,
            description = "Remove an intent from a client's blacklist.")
    static final class AllowIntent extends ClientChangeCommand {
        @Parameters(index = "0", paramLabel = "INTENT", description = "The intent, as skill_id:intent_name.")
        String intent;

        @Parameters(index = "1", paramLabel = "ID", description = "The client's id.")
        int clientId;

        @Override
        protected int clientId() {
            return clientId;
        }

        @Override
        protected Change change(ClientRecord client) {
            if (!client.intentBlacklist().contains(intent)) {
                return Change.none("'" + intent + "' is not blacklisted for client " + client.name());
            }
            return Change.to(ClientRecordBuilder.from(client).intentBlacklist(minus(client.intentBlacklist(), intent)).build(),
                    "Unblacklisted '" + intent + "' for " + client.name());
        }
    }

    private static List<String> plus(List<String> list, String value) {
        List<String> out = new ArrayList<>(list);
        out.add(value);
        return out;
    }

    private static List<String> minus(List<String> list, String value) {
        List<String> out = new ArrayList<>(list);
        out.remove(value);
        return out;
    }
}
