package dev.stacks.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Named API keys for writes, stored as SHA-256 hashes (a leaked file reveals no key). A key is
 * 32 random bytes, shown once when created. The name is recorded in the provenance of what the
 * key uploads. Revoked keys stop working at once.
 */
public final class ApiKeys {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** A stored key: its name, the hash of its secret, and when it was made. */
    public record StoredKey(String name, String sha256, Instant created) {
    }

    private final Path file;
    private volatile List<StoredKey> keys;

    public ApiKeys(Path file) throws IOException {
        this.file = file;
        this.keys = Files.exists(file) ? JSON.readValue(file.toFile(), new TypeReference<List<StoredKey>>() {}) : List.of();
    }

    /** The keys file inside a corpus folder. */
    public static Path fileIn(Path corpusDir) {
        return corpusDir.resolve(".stacks").resolve("keys.json");
    }

    public List<StoredKey> list() {
        return keys;
    }

    /** Creates a key and returns its secret, which is not stored and cannot be shown again. */
    public synchronized String create(String name) throws IOException {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a key name is 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (keys.stream().anyMatch(k -> k.name().equals(name))) {
            throw new IllegalArgumentException("a key named '" + name + "' exists; revoke it first or choose another name");
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String key = "stk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        List<StoredKey> more = new ArrayList<>(keys);
        more.add(new StoredKey(name, hash(key), Instant.now()));
        save(more);
        return key;
    }

    /** Revokes a key by name; false if there was none. */
    public synchronized boolean revoke(String name) throws IOException {
        List<StoredKey> fewer = keys.stream().filter(k -> !k.name().equals(name)).toList();
        if (fewer.size() == keys.size()) {
            return false;
        }
        save(fewer);
        return true;
    }

    /** The name of the key, if the secret is a valid one. Compares hashes in constant time. */
    public Optional<String> verify(String secret) {
        if (secret == null || secret.isBlank()) {
            return Optional.empty();
        }
        byte[] given = HexFormat.of().parseHex(hash(secret.strip()));
        for (StoredKey k : keys) {
            if (MessageDigest.isEqual(given, HexFormat.of().parseHex(k.sha256()))) {
                return Optional.of(k.name());
            }
        }
        return Optional.empty();
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }

    private void save(List<StoredKey> newKeys) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), "keys-", ".json");
        JSON.writeValue(temp.toFile(), newKeys);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        keys = List.copyOf(newKeys);
    }

    private static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
