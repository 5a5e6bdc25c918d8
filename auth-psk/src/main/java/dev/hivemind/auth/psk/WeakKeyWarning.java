package dev.hivemind.auth.psk;

/** The warning both halves log for a pre-shared key shorter than {@value PresharedKey#RECOMMENDED_MIN_CHARS} characters. */
final class WeakKeyWarning {
    private WeakKeyWarning() {
    }

    static String text(String who) {
        return who + " uses a pre-shared crypto_key shorter than " + PresharedKey.RECOMMENDED_MIN_CHARS
                + " characters (hivemind-core's 16-hex-character keys carry 64 bits of entropy); "
                + "provision a random 32-character key (AES-256)";
    }
}
