package dev.hivemind.engine.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.hivemind.api.transport.AuthorizationToken;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** auth_url.json against {@link AuthorizationToken}, and the unescaped {@code ws://host:port?authorization=TOKEN} form. */
class AuthUrlVectorTest {
    private static final Map<String, Object> V = VectorFiles.load("hivemind/auth_url.json");
    private static final String TOKEN = VectorFiles.str(V, "authorization");

    @Test
    void encodesTheRecordedToken() {
        AuthorizationToken t = new AuthorizationToken(VectorFiles.str(V, "useragent"), VectorFiles.str(V, "access_key"));
        assertEquals(TOKEN, t.encode());
        assertEquals(AuthorizationToken.DEFAULT_USER_AGENT, t.userAgent());
    }

    @Test
    void parsesTheRecordedToken() {
        AuthorizationToken t = AuthorizationToken.parse(TOKEN).orElseThrow();
        assertEquals(VectorFiles.str(V, "useragent"), t.userAgent());
        assertEquals(VectorFiles.str(V, "access_key"), t.accessKey());
    }

    @Test
    void theClientUrlCarriesTheTokenUnescapedWithoutAPathSlash() {
        String url = "ws://127.0.0.1:5678?authorization=" + TOKEN;
        assertEquals(VectorFiles.str(V, "url_built_by_client"), url);
        URI uri = URI.create(url);
        assertEquals("", uri.getRawPath());
        assertEquals("authorization=" + TOKEN, uri.getRawQuery());
        assertFalse(url.contains("%"), "never percent-encoded");
        assertNotEquals(TOKEN, URLEncoder.encode(TOKEN, StandardCharsets.UTF_8), "escaping would corrupt the token");
        // the websocket library sends path "/" plus the raw query
        String requestTarget = "/" + "?" + uri.getRawQuery();
        assertEquals(VectorFiles.str(V, "request_uri_seen_by_server"), requestTarget);
    }

    @Test
    void theServerSplitsTheRequestUriOnTheLiteralPrefix() {
        String seen = VectorFiles.str(V, "request_uri_seen_by_server");
        String[] pieces = seen.split("/\\?authorization=", -1);
        String token = pieces[pieces.length - 1];
        assertEquals(TOKEN, token);
        assertEquals(VectorFiles.str(V, "access_key"), AuthorizationToken.parse(token).orElseThrow().accessKey());
    }
}
