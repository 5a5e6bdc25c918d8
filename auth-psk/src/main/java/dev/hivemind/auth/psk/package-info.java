/**
 * The HiveMind pre-shared key mode (protocol version 0, HIVEMIND-WIRE.md §3.1 "Pre-shared key path"): the
 * client record's {@code crypto_key} string, as UTF-8 bytes, is the session key from the moment the server's
 * HANDSHAKE offer is sent. 16, 24 or 32 bytes select AES-128/192/256-GCM; ChaCha20-Poly1305 needs 32.
 *
 * <p>The hub grants the method to a client whose record holds a usable key
 * ({@link dev.hivemind.auth.psk.PskServerAuthFactory#credentialProblem}); the session counts as authenticated only
 * once the client's first frame opened under it. When the client also holds a password and runs the password
 * handshake, the engine replaces the pre-shared key with the derived one, as hivemind-core does; this module has no
 * part in that. hivemind-core generates
 * 16-character hex keys (64 bits of entropy, SECURITY.md W9); a key shorter than 32 characters is accepted and
 * logged as a warning.
 */
package dev.hivemind.auth.psk;
