/**
 * The HiveMind service-provider interface and wire model. This module depends on the JDK only:
 * auth plugins and transports compile against it in {@code provided} scope.
 *
 * <ul>
 *   <li>{@link dev.hivemind.api.wire} — messages, message types, ciphers, encodings, protocol versions;</li>
 *   <li>{@link dev.hivemind.api.handshake} — typed HELLO and HANDSHAKE payloads with their wire names;</li>
 *   <li>{@link dev.hivemind.api.auth} — the auth-method SPI: a server and a client factory per method, one exchange
 *   per connection;</li>
 *   <li>{@link dev.hivemind.api.transport} — the transport SPI (frames, connections, admission);</li>
 *   <li>{@link dev.hivemind.api.registry} — client records with their per-method credentials, and the registry;</li>
 *   <li>{@link dev.hivemind.api.agent} — what a hub does with established sessions;</li>
 *   <li>{@link dev.hivemind.api.error} — typed errors that carry a close code.</li>
 * </ul>
 */
package dev.hivemind.api;
