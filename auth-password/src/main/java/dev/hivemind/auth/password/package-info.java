/**
 * The HiveMind password handshake, wire-compatible with poorman_handshake's {@code PasswordHandShake}
 * (HIVEMIND-WIRE.md §3.2), hardened as SECURITY.md W1–W3 asks.
 *
 * <p>Each side sends an envelope ("hsub"): {@code hex(IV || SHA-256(IV || password))} cut to 48 hex characters,
 * with an 8-byte random IV. The session key is PBKDF2-HMAC-SHA256(password, own IV XOR peer IV, 100 000, 32 bytes).
 * Unlike the Python peers, both of our sides verify the other's envelope in constant time before any key
 * derivation, and refuse an envelope that reuses their own IV (reflection).
 *
 * <ul>
 *   <li>{@link dev.hivemind.auth.password.HsubCodec} — envelope bytes: create, strict parse, constant-time match;</li>
 *   <li>{@link dev.hivemind.auth.password.PasswordKdf} — the PBKDF2 step, run by
 *       {@link dev.hivemind.auth.password.Pbkdf2HmacSha256};</li>
 *   <li>{@link dev.hivemind.auth.password.PasswordHandshake} — one party's state (password, own IV) for one connection;</li>
 *   <li>{@link dev.hivemind.auth.password.PasswordServerExchange} and
 *       {@link dev.hivemind.auth.password.PasswordClientExchange} — the two ends of the SPI exchange;</li>
 *   <li>{@link dev.hivemind.auth.password.PasswordServerAuthFactory} and
 *       {@link dev.hivemind.auth.password.PasswordClientAuthFactory} — the {@code password} plugin's two halves.</li>
 * </ul>
 */
package dev.hivemind.auth.password;
