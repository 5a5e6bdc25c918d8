package dev.hivemind.dist.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The credentials {@code add-client} printed.
 *
 * @param accessKey the access key
 * @param password  the password
 * @param cryptoKey the pre-shared key
 */
record AddedClient(String accessKey, String password, String cryptoKey) {
    /** Parses a successful {@code add-client} run. */
    static AddedClient parse(Finished addClient) {
        assertEquals(0, addClient.exitCode(), addClient.describe());
        return new AddedClient(field(addClient, "Access Key"), field(addClient, "Password"),
                field(addClient, "Encryption Key"));
    }

    /** Parses a successful {@code add-client} run that printed no secret (a client with neither password nor key). */
    static AddedClient parseAccessKeyOnly(Finished addClient) {
        assertEquals(0, addClient.exitCode(), addClient.describe());
        return new AddedClient(field(addClient, "Access Key"), null, null);
    }

    private static String field(Finished run, String label) {
        Matcher m = Pattern.compile("(?m)^" + label + ": (\\S+)$").matcher(run.out());
        if (!m.find()) {
            fail("add-client printed no '" + label + "':\n" + run.describe());
        }
        return m.group(1);
    }
}
