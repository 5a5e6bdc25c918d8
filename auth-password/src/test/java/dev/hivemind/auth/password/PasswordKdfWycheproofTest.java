package dev.hivemind.auth.password;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Project Wycheproof PBKDF2-HMAC-SHA256 vectors (Apache-2.0, see vectors/wycheproof/LICENSE) through
 * {@link PasswordKdf} and each {@link IterationEngine}: pins that the derivation sees the password as UTF-8, as the
 * JDK and Python do. Passwords that are not
 * valid UTF-8 (or empty) cannot be a HiveMind password, which is text; those cases are skipped with the reason.
 */
class PasswordKdfWycheproofTest {
    private static final HexFormat HEX = HexFormat.of();

    @TestFactory
    Stream<DynamicTest> pbkdf2HmacSha256() {
        JsonNode file = Vectors.load("wycheproof/pbkdf2_hmacsha256_test.json");
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode group : file.get("testGroups")) {
            for (JsonNode t : group.get("tests")) {
                String name = "tcId " + t.get("tcId").asInt() + " " + t.get("flags") + " " + t.get("comment").asText();
                tests.add(dynamicTest(name, () -> {
                    byte[] password = HEX.parseHex(t.get("password").asText());
                    char[] chars = utf8(password);
                    assumeTrue(chars != null, "not a UTF-8 string, cannot be a HiveMind password");
                    assumeTrue(chars.length > 0, "HiveMind passwords are never empty");
                    assumeTrue("valid".equals(t.get("result").asText()), "only valid cases exist for PBKDF2");
                    byte[] salt = HEX.parseHex(t.get("salt").asText());
                    int iterations = t.get("iterationCount").asInt();
                    int dkLen = t.get("dkLen").asInt();
                    byte[] expected = HEX.parseHex(t.get("dk").asText());
                    assertArrayEquals(expected, PasswordKdf.derive(chars, salt, iterations, dkLen));
                    for (IterationEngine engine : Pbkdf2EnginesTest.engines()) {
                        assertArrayEquals(expected, Pbkdf2HmacSha256.derive(engine, chars, salt, iterations, dkLen),
                                engine.name());
                    }
                }));
            }
        }
        return tests.stream();
    }

    private static char[] utf8(byte[] bytes) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            char[] out = new char[chars.remaining()];
            chars.get(out);
            return out;
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
