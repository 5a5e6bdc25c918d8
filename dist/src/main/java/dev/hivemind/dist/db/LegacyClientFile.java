package dev.hivemind.dist.db;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.hivemind.api.registry.ClientRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the client database of a Python hub in JSON form: hivemind-core's default {@code clients.json}
 * (hivemind-json-db-plugin), an object keyed by client id whose values are client records with the fields of
 * hivemind-plugin-manager's {@code Client}. Also accepted: a plain list of records, and the older
 * json_database layout {@code {"clients": [records]}}.
 *
 * <p>Records are taken as the Python hub reads them: unknown top-level keys are folded into {@code metadata}
 * (explicit metadata keys win); the legacy {@code blacklist} object ({@code messages}, {@code skills},
 * {@code intents}) is folded into metadata and its entries also kept in the matching blacklist fields; a newer
 * plugin's blacklists moved into metadata are taken back when the top-level fields are absent. Records with the
 * id -1 (how very old hubs marked deleted clients) are skipped.
 */
public final class LegacyClientFile {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };
    private static final Set<String> FIELDS = Set.of("client_id", "api_key", "name", "description", "is_admin",
            "last_seen", "intent_blacklist", "skill_blacklist", "message_blacklist", "allowed_types", "crypto_key",
            "password", "can_broadcast", "can_escalate", "can_propagate", "metadata");

    /**
     * What a file held.
     *
     * @param records the clients, by id
     * @param notes   what was skipped or folded, one line each, never a secret
     */
    public record Contents(List<ClientRecord> records, List<String> notes) {
        public Contents {
            records = List.copyOf(records);
            notes = List.copyOf(notes);
        }
    }

    private final String source;
    private final List<String> notes = new ArrayList<>();

    private LegacyClientFile(String source) {
        this.source = source;
    }

    /** Reads and checks a whole file. */
    public static Contents read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new InvalidClientFileException(file + ": no such file");
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            throw new InvalidClientFileException(file + ": not valid JSON"
                    + (where == null ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")"));
        } catch (IOException e) {
            throw new InvalidClientFileException(file + ": cannot read it (" + e.getClass().getSimpleName() + ")", e);
        }
        return new LegacyClientFile(file.toString()).parse(root);
    }

    private Contents parse(JsonNode root) {
        List<ClientRecord> records = new ArrayList<>();
        if (root == null || root.isMissingNode()) {
            throw fail("the file is empty");
        }
        if (root.isArray()) {
            readList(root, records);
        } else if (root.isObject() && root.size() == 1 && root.elements().next().isArray()) {
            readList(root.elements().next(), records);
        } else if (root.isObject()) {
            for (Map.Entry<String, JsonNode> entry : root.properties()) {
                int keyId = parseKeyId(entry.getKey());
                readRecord(entry.getValue(), keyId).ifPresent(records::add);
            }
        } else {
            throw fail("expected a JSON object keyed by client id");
        }
        records.sort(Comparator.comparingInt(ClientRecord::clientId));
        for (int i = 1; i < records.size(); i++) {
            if (records.get(i).clientId() == records.get(i - 1).clientId()) {
                throw fail("client id " + records.get(i).clientId() + " appears twice");
            }
        }
        return new Contents(records, notes);
    }

    private void readList(JsonNode list, List<ClientRecord> records) {
        for (JsonNode item : list) {
            readRecord(item, null).ifPresent(records::add);
        }
    }

    private int parseKeyId(String key) {
        try {
            return Integer.parseInt(key.trim());
        } catch (NumberFormatException e) {
            throw fail("the key '" + abbreviate(key) + "' is not a client id");
        }
    }

    private Optional<ClientRecord> readRecord(JsonNode node, Integer keyId) {
        String where = keyId == null ? "a client record" : "client " + keyId;
        if (!node.isObject()) {
            throw fail(where + " is not a JSON object");
        }
        JsonNode idNode = node.get("client_id");
        int id;
        if (idNode == null || idNode.isNull()) {
            if (keyId == null) {
                throw fail(where + " has no client_id");
            }
            id = keyId;
        } else {
            if (!idNode.canConvertToInt() || !idNode.isIntegralNumber()) {
                throw fail(where + ": client_id must be an integer");
            }
            id = idNode.intValue();
            if (keyId != null && keyId != id) {
                throw fail("the record under key " + keyId + " has client_id " + id);
            }
        }
        if (id == -1) {
            notes.add("skipped a deleted client stored without an id (client_id -1)");
            return Optional.empty();
        }
        if (id < 1) {
            throw fail("client id " + id + " is not a positive integer");
        }
        String client = "client " + id;
        String apiKey = text(node, "api_key", client);
        if (apiKey == null || apiKey.isEmpty()) {
            throw fail(client + " has no api_key");
        }

        Map<String, Object> metadata = new LinkedHashMap<>();
        Map<String, Object> explicit = metadataOf(node.get("metadata"), client);
        List<String> folded = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!FIELDS.contains(field.getKey())) {
                metadata.put(field.getKey(), JSON.convertValue(field.getValue(), Object.class));
                folded.add(field.getKey());
            }
        }
        metadata.putAll(explicit);
        if (!folded.isEmpty()) {
            notes.add(client + ": folded legacy key(s) " + folded + " into metadata");
        }

        List<String> intents = list(node, "intent_blacklist", client);
        List<String> skills = list(node, "skill_blacklist", client);
        List<String> messages = list(node, "message_blacklist", client);
        JsonNode legacy = node.get("blacklist");
        if (legacy != null && legacy.isObject()) {
            messages = union(messages, list(legacy, "messages", client + ": blacklist"));
            skills = union(skills, list(legacy, "skills", client + ": blacklist"));
            intents = union(intents, list(legacy, "intents", client + ": blacklist"));
            notes.add(client + ": kept the entries of the legacy 'blacklist' in its blacklist fields");
        }
        JsonNode moved = node.get("metadata");
        if (!node.has("intent_blacklist") && moved != null && moved.has("intent_blacklist")) {
            intents = union(intents, list(moved, "intent_blacklist", client + ": metadata"));
        }
        if (!node.has("skill_blacklist") && moved != null && moved.has("skill_blacklist")) {
            skills = union(skills, list(moved, "skill_blacklist", client + ": metadata"));
        }

        List<String> allowed = list(node, "allowed_types", client);
        JsonNode lastSeen = node.get("last_seen");
        if (lastSeen != null && !lastSeen.isNull() && !lastSeen.isNumber()) {
            throw fail(client + ": last_seen must be a number");
        }
        return Optional.of(ClientRecord.builder(apiKey).clientId(id)
                .name(text(node, "name", client))
                .description(text(node, "description", client))
                .admin(bool(node, "is_admin", false, client))
                .lastSeen(lastSeen == null || lastSeen.isNull() ? -1 : lastSeen.doubleValue())
                .intentBlacklist(intents)
                .skillBlacklist(skills)
                .messageBlacklist(messages)
                .allowedTypes(allowed.isEmpty() ? null : allowed)
                .cryptoKey(text(node, "crypto_key", client))
                .password(text(node, "password", client))
                .canBroadcast(bool(node, "can_broadcast", true, client))
                .canEscalate(bool(node, "can_escalate", true, client))
                .canPropagate(bool(node, "can_propagate", true, client))
                .metadata(metadata)
                .build());
    }

    private Map<String, Object> metadataOf(JsonNode node, String client) {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw fail(client + ": metadata must be a JSON object");
        }
        return JSON.convertValue(node, JSON_OBJECT);
    }

    private String text(JsonNode record, String field, String client) {
        JsonNode value = record.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw fail(client + ": " + field + " must be a string");
        }
        return value.textValue();
    }

    private boolean bool(JsonNode record, String field, boolean absent, String client) {
        JsonNode value = record.get(field);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (!value.isBoolean()) {
            throw fail(client + ": " + field + " must be true or false");
        }
        return value.booleanValue();
    }

    private List<String> list(JsonNode record, String field, String client) {
        JsonNode value = record.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw fail(client + ": " + field + " must be a list of strings");
        }
        List<String> out = new ArrayList<>(value.size());
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw fail(client + ": " + field + " must be a list of strings");
            }
            out.add(item.textValue());
        }
        return out;
    }

    private static List<String> union(List<String> first, List<String> second) {
        Set<String> all = new LinkedHashSet<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }

    private InvalidClientFileException fail(String message) {
        return new InvalidClientFileException(source + ": " + message);
    }

    private static String abbreviate(String s) {
        return s.length() <= 20 ? s : s.substring(0, 20) + "...";
    }
}
