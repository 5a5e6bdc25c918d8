package dev.hivemind.dist.cli;

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
    static final class BlacklistSkill extends Blacklist {
        BlacklistSkill() {
            super(ClientList.SKILL_BLACKLIST);
        }

        @Parameters(index = "0", paramLabel = "SKILL", description = "The skill id.")
        void skill(String skill) {
            entry(skill);
        }
    }

    @Command(name = "allow-skill", mixinStandardHelpOptions = true,
            description = "Remove a skill from a client's blacklist.")
    static final class AllowSkill extends Unblacklist {
        AllowSkill() {
            super(ClientList.SKILL_BLACKLIST);
        }

        @Parameters(index = "0", paramLabel = "SKILL", description = "The skill id.")
        void skill(String skill) {
            entry(skill);
        }
    }

    @Command(name = "blacklist-intent", mixinStandardHelpOptions = true,
            description = "Stop a client's utterances triggering an intent.")
    static final class BlacklistIntent extends Blacklist {
        BlacklistIntent() {
            super(ClientList.INTENT_BLACKLIST);
        }

        @Parameters(index = "0", paramLabel = "INTENT", description = "The intent, as skill_id:intent_name.")
        void intent(String intent) {
            entry(intent);
        }
    }

    @Command(name = "allow-intent", mixinStandardHelpOptions = true,
            description = "Remove an intent from a client's blacklist.")
    static final class AllowIntent extends Unblacklist {
        AllowIntent() {
            super(ClientList.INTENT_BLACKLIST);
        }

        @Parameters(index = "0", paramLabel = "INTENT", description = "The intent, as skill_id:intent_name.")
        void intent(String intent) {
            entry(intent);
        }
    }

    /** Adds the entry to a blacklist. */
    abstract static class Blacklist extends ListEntryCommand {
        Blacklist(ClientList list) {
            super(list, Direction.ADD, "Client %1$s has already blacklisted '%2$s'", "Blacklisted '%2$s' for %1$s");
        }
    }

    /** Removes the entry from a blacklist. */
    abstract static class Unblacklist extends ListEntryCommand {
        Unblacklist(ClientList list) {
            super(list, Direction.REMOVE, "'%2$s' is not blacklisted for client %1$s", "Unblacklisted '%2$s' for %1$s");
        }
    }
}
