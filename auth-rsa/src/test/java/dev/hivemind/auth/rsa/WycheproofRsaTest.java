package dev.hivemind.auth.rsa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hivemind.api.error.ProtocolViolationException;
import java.security.GeneralSecurityException;
import java.security.interfaces.RSAPrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * Project Wycheproof RSA vectors (Apache-2.0, see vectors/wycheproof/LICENSE), every case its own test, run
 * through the code path the handshake uses: keys through {@link RsaPublicKeyPolicy} (public) or
 * {@link NodeIdentity} (private, as the identity file is loaded), then {@link RsaPrimitives#preferred()}.
 *
 * <p>Expected verdicts for our fixed parameters (OAEP SHA-1/MGF1-SHA-1/empty label; PSS SHA-256/MGF1-SHA-256/salt 32):
 * a {@code valid} case with our parameters must pass; every {@code invalid} case must fail; a case made with other
 * parameters (hash, MGF hash, salt length, a label, PKCS#1 v1.5) must be rejected by our path, whatever its
 * Wycheproof verdict; a key outside the policy (modulus not 2048–4096 bits) must be refused when loaded, before
 * any arithmetic. {@code acceptable} cases occur only with other parameters here and are therefore rejected.
 * The PKCS#1 v1.5 file holds two PSS signatures ({@code WrongPrimitive}) of unstated parameters; one of them is
 * a valid signature with exactly our parameters, so there our verdict must agree with the other provider's.
 */
class WycheproofRsaTest {
    private static final RsaPrimitives CRYPTO = RsaPrimitives.preferred();
    /** An independent implementation, for the few cases whose parameters the files do not state. */
    private static final RsaPrimitives OTHER = CRYPTO.providerName().equals("JDK")
            ? RsaPrimitives.bouncyCastle() : RsaPrimitives.jdk();

    @TestFactory
    Stream<DynamicNode> oaep2048Sha1Mgf1Sha1() {
        return oaep("rsa_oaep_2048_sha1_mgf1sha1_test.json");
    }

    @TestFactory
    Stream<DynamicNode> oaep2048Sha256Mgf1Sha256() {
        return oaep("rsa_oaep_2048_sha256_mgf1sha256_test.json");
    }

    @TestFactory
    Stream<DynamicNode> oaepMisc() {
        return oaep("rsa_oaep_misc_test.json");
    }

    @TestFactory
    Stream<DynamicNode> pss2048Sha256Mgf1Salt32() {
        return signatures("rsa_pss_2048_sha256_mgf1_32_test.json");
    }

    @TestFactory
    Stream<DynamicNode> pss3072Sha256Mgf1Salt32() {
        return signatures("rsa_pss_3072_sha256_mgf1_32_test.json");
    }

    @TestFactory
    Stream<DynamicNode> pss4096Sha256Mgf1Salt32() {
        return signatures("rsa_pss_4096_sha256_mgf1_32_test.json");
    }

    @TestFactory
    Stream<DynamicNode> pssMisc() {
        return signatures("rsa_pss_misc_test.json");
    }

    /** PKCS#1 v1.5 signatures (T19: "PKCS#1 v1.5 instead of PSS"): our PSS path must reject all of them. */
    @TestFactory
    Stream<DynamicNode> pkcs1v15SignaturesAreNeverAccepted() {
        return signatures("rsa_signature_2048_sha256_test.json");
    }

    private static Stream<DynamicNode> oaep(String file) {
        JsonNode root = Vectors.load("wycheproof/" + file);
        List<DynamicNode> tests = new ArrayList<>();
        for (JsonNode group : root.get("testGroups")) {
            String params = group.get("sha").asText() + "/" + group.get("mgf").asText() + "-" + group.get("mgfSha").asText();
            boolean ourParams = "SHA-1".equals(group.get("sha").asText()) && "MGF1".equals(group.get("mgf").asText())
                    && "SHA-1".equals(group.get("mgfSha").asText());
            String pem = group.get("privateKeyPem").asText();
            NodeIdentity identity = loadOrNull(pem);
            for (JsonNode t : group.get("tests")) {
                String name = name(t) + " (" + group.get("keySize").asInt() + " bits, " + params + ")";
                byte[] ct = Vectors.hex(t.get("ct"));
                if (identity == null) {
                    tests.add(test(name + " — key outside policy: refused at load, no decryption",
                            () -> assertThrows(IllegalArgumentException.class,
                                    () -> NodeIdentity.of(RsaPem.readPrivateKey(pem)))));
                    continue;
                }
                RSAPrivateKey key = identity.privateKey();
                boolean labelled = !t.get("label").asText().isEmpty();
                if (!ourParams || labelled) {
                    String why = !ourParams ? "made with " + params : "made with a label";
                    tests.add(test(name + " — " + why + ": our fixed OAEP-SHA1 path must reject",
                            () -> assertThrows(GeneralSecurityException.class, () -> CRYPTO.oaepDecrypt(key, ct))));
                } else if ("valid".equals(t.get("result").asText())) {
                    tests.add(test(name, () -> assertArrayEquals(Vectors.hex(t.get("msg")), CRYPTO.oaepDecrypt(key, ct))));
                } else if ("invalid".equals(t.get("result").asText())) {
                    tests.add(test(name, () -> assertThrows(GeneralSecurityException.class, () -> CRYPTO.oaepDecrypt(key, ct))));
                } else {
                    tests.add(test(name + " — acceptable: either verdict, must not throw anything else", () -> {
                        try {
                            CRYPTO.oaepDecrypt(key, ct);
                        } catch (GeneralSecurityException e) {
                            // a rejection is acceptable
                        }
                    }));
                }
            }
        }
        return tests.stream();
    }

    private static Stream<DynamicNode> signatures(String file) {
        JsonNode root = Vectors.load("wycheproof/" + file);
        List<DynamicNode> tests = new ArrayList<>();
        for (JsonNode group : root.get("testGroups")) {
            boolean pss = group.has("sLen");
            String params = pss
                    ? group.get("sha").asText() + "/" + group.get("mgf").asText() + "-" + group.get("mgfSha").asText()
                            + "/salt " + group.get("sLen").asInt()
                    : "PKCS#1 v1.5 " + group.get("sha").asText();
            boolean ourParams = pss && "SHA-256".equals(group.get("sha").asText())
                    && "MGF1".equals(group.get("mgf").asText()) && "SHA-256".equals(group.get("mgfSha").asText())
                    && group.get("sLen").asInt() == 32;
            String pem = group.get("publicKeyPem").asText();
            RsaPeerKey key = checkOrNull(pem);
            for (JsonNode t : group.get("tests")) {
                String name = name(t) + " (" + group.get("keySize").asInt() + " bits, " + params + ")";
                byte[] msg = Vectors.hex(t.get("msg"));
                byte[] sig = Vectors.hex(t.get("sig"));
                if (key == null) {
                    tests.add(test(name + " — key outside policy: refused before verification",
                            () -> assertThrows(ProtocolViolationException.class, () -> RsaPublicKeyPolicy.check(pem))));
                } else if (!pss && t.get("flags").toString().contains("WrongPrimitive")) {
                    // a PSS signature inside the PKCS#1 v1.5 file; the file does not state its PSS parameters
                    tests.add(test(name + " — a PSS signature of unstated parameters: our verdict must equal the"
                            + " other provider's with the same fixed parameters",
                            () -> assertEquals(OTHER.pssVerify(key.publicKey(), msg, sig),
                                    CRYPTO.pssVerify(key.publicKey(), msg, sig))));
                } else if (!ourParams) {
                    tests.add(test(name + " — not our PSS parameters: must be rejected",
                            () -> assertFalse(CRYPTO.pssVerify(key.publicKey(), msg, sig))));
                } else if ("valid".equals(t.get("result").asText())) {
                    tests.add(test(name, () -> assertTrue(CRYPTO.pssVerify(key.publicKey(), msg, sig))));
                } else if ("invalid".equals(t.get("result").asText())) {
                    tests.add(test(name, () -> assertFalse(CRYPTO.pssVerify(key.publicKey(), msg, sig))));
                } else {
                    tests.add(test(name + " — acceptable: either verdict", () -> CRYPTO.pssVerify(key.publicKey(), msg, sig)));
                }
            }
        }
        return tests.stream();
    }

    private static String name(JsonNode t) {
        String comment = t.get("comment").asText();
        return "tcId " + t.get("tcId").asInt() + " [" + t.get("result").asText() + "] "
                + (comment.isEmpty() ? "" : comment + " ") + t.get("flags");
    }

    private static DynamicTest test(String name, Executable body) {
        return DynamicTest.dynamicTest(name, body);
    }

    private static NodeIdentity loadOrNull(String pem) {
        try {
            return NodeIdentity.of(RsaPem.readPrivateKey(pem));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static RsaPeerKey checkOrNull(String pem) {
        try {
            return RsaPublicKeyPolicy.check(pem);
        } catch (ProtocolViolationException e) {
            return null;
        }
    }
}
