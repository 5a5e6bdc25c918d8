package dev.hivemind.engine.tck;

import dev.hivemind.api.registry.ClientRecord;
import java.util.List;

/**
 * Client records for tests, built field by field. The password is also the credential of the test-only {@code token}
 * method, so the routing tests can log in with either.
 */
public final class TestClients {
    private int id = 1;
    private String key = "key";
    private String name = "sat";
    private String password = "secret";
    private String cryptoKey;
    private boolean admin;
    private boolean canEscalate = true;
    private boolean canPropagate = true;
    private List<String> allowedTypes = ClientRecord.DEFAULT_ALLOWED_TYPES;
    private List<String> messageBlacklist = List.of();
    private List<String> skillBlacklist = List.of();
    private List<String> intentBlacklist = List.of();

    private TestClients() {
    }

    /** A non-admin client with hivemind-core's defaults (id 1, key "key", password "secret"). */
    public static TestClients client() {
        return new TestClients();
    }

    public TestClients id(int v) {
        id = v;
        return this;
    }

    public TestClients key(String v) {
        key = v;
        return this;
    }

    public TestClients name(String v) {
        name = v;
        return this;
    }

    public TestClients password(String v) {
        password = v;
        return this;
    }

    public TestClients cryptoKey(String v) {
        cryptoKey = v;
        return this;
    }

    public TestClients admin(boolean v) {
        admin = v;
        return this;
    }

    public TestClients canEscalate(boolean v) {
        canEscalate = v;
        return this;
    }

    public TestClients canPropagate(boolean v) {
        canPropagate = v;
        return this;
    }

    public TestClients allowedTypes(List<String> v) {
        allowedTypes = v;
        return this;
    }

    public TestClients messageBlacklist(List<String> v) {
        messageBlacklist = v;
        return this;
    }

    public TestClients skillBlacklist(List<String> v) {
        skillBlacklist = v;
        return this;
    }

    public TestClients intentBlacklist(List<String> v) {
        intentBlacklist = v;
        return this;
    }

    public ClientRecord build() {
        return ClientRecord.builder(key).clientId(id).name(name).admin(admin).intentBlacklist(intentBlacklist)
                .skillBlacklist(skillBlacklist).messageBlacklist(messageBlacklist).allowedTypes(allowedTypes)
                .cryptoKey(cryptoKey).password(password).credential("token", password).canEscalate(canEscalate)
                .canPropagate(canPropagate).build();
    }
}
