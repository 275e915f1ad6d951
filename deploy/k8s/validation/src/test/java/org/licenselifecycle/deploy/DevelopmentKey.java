package org.licenselifecycle.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The development key pair committed in deploy/local/dev-keys (public: anyone can sign with it), and where it turns
 * up in rendered objects: as the PEM or Base64 text of either half, or as its modulus in a JSON Web Key, also inside
 * a Secret's data or a ConfigMap's binaryData (Base64).
 */
final class DevelopmentKey {

    private final Map<String, String> needles = new TreeMap<>();

    private DevelopmentKey(String publicPem, String privatePem) {
        needles.put("the development public key", body(publicPem));
        needles.put("the development private key", body(privatePem));
        byte[] modulus = publicModulus(publicPem).toByteArray();
        if (modulus[0] == 0) {
            modulus = Arrays.copyOfRange(modulus, 1, modulus.length); // a JWK's n is unsigned
        }
        needles.put("the development key's modulus (a JWK's n)", Base64.getUrlEncoder().withoutPadding().encodeToString(modulus));
    }

    static DevelopmentKey committed() {
        Path keys = ProjectRoot.path().resolve("deploy/local/dev-keys");
        try {
            return new DevelopmentKey(Files.readString(keys.resolve("public-key.pem")), Files.readString(keys.resolve("private-key.pem")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each place an overlay's objects hold the key, as "Kind name: what of it". */
    List<String> foundIn(Manifests manifests) {
        List<String> found = new ArrayList<>();
        for (JsonNode object : manifests.objects()) {
            List<String> texts = new ArrayList<>();
            collect(object, texts);
            JsonNode encoded = "Secret".equals(object.path("kind").asText()) ? object.path("data") : object.path("binaryData");
            encoded.properties().forEach(e -> {
                try {
                    texts.add(new String(Base64.getMimeDecoder().decode(e.getValue().asText()), StandardCharsets.ISO_8859_1));
                } catch (IllegalArgumentException notBase64) {
                    // not Base64: the schema validation reports it
                }
            });
            for (String text : texts) {
                whatOf(text).forEach(what -> found.add(Manifests.describe(object) + ": " + what));
            }
        }
        return found;
    }

    /** What of the key a text holds. */
    List<String> whatOf(String text) {
        String squeezed = text.replaceAll("\\s", "");
        return needles.entrySet().stream().filter(e -> squeezed.contains(e.getValue())).map(Map.Entry::getKey).toList();
    }

    static BigInteger publicModulus(String pem) {
        try {
            return ((RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body(pem))))).getModulus();
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new AssertionError("Not an RSA public key in X.509 PEM: " + e.getMessage(), e);
        }
    }

    static BigInteger privateModulus(String pem) {
        try {
            return ((RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body(pem))))).getModulus();
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new AssertionError("Not an RSA private key in PKCS#8 PEM: " + e.getMessage(), e);
        }
    }

    private static void collect(JsonNode node, List<String> texts) {
        if (node.isTextual()) {
            texts.add(node.asText());
        }
        node.forEach(child -> collect(child, texts));
    }

    /** The Base64 between a PEM's BEGIN and END lines, without line breaks. */
    private static String body(String pem) {
        return pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }
}
