/**
 * What the Vert.x-based transports ({@code websocket}, {@code tcp}) share: the connection base with backpressure and
 * idle watchdog, limits and settings, close reasons, strict UTF-8, and server and client TLS. A library, not a
 * plugin: it registers no services, so a transport may depend on it.
 */
package dev.hivemind.transport.vertx;
