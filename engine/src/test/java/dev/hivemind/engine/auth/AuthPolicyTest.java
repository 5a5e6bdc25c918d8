package dev.hivemind.engine.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.auth.ServerAuthContext;
import dev.hivemind.api.auth.ServerAuthExchange;
import dev.hivemind.api.auth.ServerAuthFactory;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.engine.testplugin.TokenServerAuthFactory;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The hub's decision of which methods may authenticate a client, from its record alone. */
class AuthPolicyTest {
    private final ServerAuthFactory token = new TokenServerAuthFactory();
    private final ServerAuthFactory key = new Method("key", true, Optional.empty());
    private final ServerAuthFactory picky = new Method("picky", false, Optional.of("too short"));

    @Test
    void aMethodMayAuthenticateOnlyAClientThatHoldsItsCredential() {
        AuthPolicy policy = new AuthPolicy(List.of(token, key), Set.of());
        ClientRecord both = record().credential("token", "t").credential("key", "k").build();
        assertEquals(List.of(new MethodGrant(token, Optional.of("t")), new MethodGrant(key, Optional.of("k"))),
                policy.grants(both));
        assertEquals(List.of(new MethodGrant(key, Optional.of("k"))), policy.grants(record().credential("key", "k").build()));
        assertEquals(List.of(), policy.grants(record().password("a password").build()),
                "a credential of another (or a disabled) method grants nothing");
    }

    @Test
    void aCredentialTheMethodFindsUnusableGrantsNothing() {
        AuthPolicy policy = new AuthPolicy(List.of(picky), Set.of());
        assertEquals(List.of(), policy.grants(record().credential("picky", "x").build()));
    }

    @Test
    void firstUseEnrolmentServesOnlyClientsWithoutAnyCredential() {
        AuthPolicy policy = new AuthPolicy(List.of(token, key), Set.of("key"));
        assertEquals(List.of(new MethodGrant(key, Optional.empty())), policy.grants(record().build()));
        assertTrue(policy.grants(record().build()).get(0).enrolling());
        assertEquals(List.of(new MethodGrant(token, Optional.of("t"))), policy.grants(record().credential("token", "t").build()),
                "a client that holds any credential is never offered enrolment");
        assertEquals(List.of("key (enrol on first use)"), policy.describe(record().build()));
    }

    @Test
    void onlyAnEnabledEnrollableMethodMayEnrolOnFirstUse() {
        IllegalArgumentException secret = assertThrows(IllegalArgumentException.class,
                () -> new AuthPolicy(List.of(token), Set.of("token")));
        assertTrue(secret.getMessage().contains("auth.token.enroll_on_first_use"), secret.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new AuthPolicy(List.of(token), Set.of("key")));
    }

    private static dev.hivemind.api.registry.ClientRecordBuilder record() {
        return ClientRecord.builder("access").clientId(1).name("satellite");
    }

    /** A handshake method whose credential the hub may find unusable or enrol. */
    private record Method(String name, boolean enrollable, Optional<String> problem) implements ServerAuthFactory {
        @Override
        public Optional<String> selectorField() {
            return Optional.of(name);
        }

        @Override
        public Optional<String> offerFlag() {
            return Optional.empty();
        }

        @Override
        public Optional<String> credentialProblem(String credential) {
            return problem;
        }

        @Override
        public ServerAuthExchange newExchange(ServerAuthContext context) {
            throw new UnsupportedOperationException();
        }
    }
}
