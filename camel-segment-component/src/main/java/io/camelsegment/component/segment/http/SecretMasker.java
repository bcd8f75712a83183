package io.camelsegment.component.segment.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * Removes the secrets a request knows (write keys, the access token, the key in removeSourceWriteKey's path) from text
 * the component builds out of a response: exception messages, response bodies kept by exceptions, the envelope's
 * error, log lines. A server or proxy may echo a secret in any form it received it, so each secret is masked as it is,
 * URL-encoded, JSON-escaped, and as the base64 of {@code secret:} and of {@code secret} (HTTP Basic credentials); the
 * {@code Basic}/{@code Bearer} forms are masked with them. The one masking routine of both APIs; used on error paths
 * only, so it favours thoroughness over speed.
 */
public final class SecretMasker {

    /** What a secret is replaced with. */
    public static final String MASK = "xxxxxx";

    private static final SecretMasker NONE = new SecretMasker(List.of());

    private final List<String> forms;

    private SecretMasker(List<String> forms) {
        this.forms = forms;
    }

    /** A masker for these secrets; null and blank ones are skipped. */
    public static SecretMasker of(String... secrets) {
        Set<String> forms = new LinkedHashSet<>();
        for (String secret : secrets) {
            if (secret != null && !secret.isBlank()) {
                addForms(forms, secret);
            }
        }
        if (forms.isEmpty()) {
            return NONE;
        }
        List<String> ordered = new ArrayList<>(forms);
        // Longest first: a form that contains another (the secret inside its URL-encoded form) goes whole.
        ordered.sort(Comparator.comparingInt(String::length).reversed());
        return new SecretMasker(List.copyOf(ordered));
    }

    /** This masker plus more secrets (e.g. the write key of one request). */
    public SecretMasker with(String... secrets) {
        List<String> all = new ArrayList<>(forms);
        SecretMasker extra = of(secrets);
        all.addAll(extra.forms);
        all.sort(Comparator.comparingInt(String::length).reversed());
        return new SecretMasker(List.copyOf(new LinkedHashSet<>(all)));
    }

    /** The text with every form of every secret replaced by {@value #MASK}; null stays null. */
    public String mask(String text) {
        if (text == null || forms.isEmpty()) {
            return text;
        }
        String masked = text;
        for (String form : forms) {
            masked = masked.replace(form, MASK);
        }
        return masked;
    }

    private static void addForms(Set<String> forms, String secret) {
        forms.add(secret);
        forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
        forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20"));
        forms.add(new String(JsonStringEncoder.getInstance().quoteAsString(secret)));
        forms.add(unpadded(base64(secret + ":"))); // Basic credentials: the key as user name, empty password
        forms.add(unpadded(base64(secret)));
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Without '=' padding, so that a copy that lost or encoded its padding (%3D) is masked too. */
    private static String unpadded(String base64) {
        int end = base64.length();
        while (end > 0 && base64.charAt(end - 1) == '=') {
            end--;
        }
        return base64.substring(0, end);
    }

    @Override
    public String toString() {
        return "SecretMasker[" + forms.size() + " forms]";
    }
}
