package io.camelsegment.component.segment.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes the secrets a request knows (write keys, the access token, the key in removeSourceWriteKey's path) from text
 * the component builds out of a response: exception messages, response bodies kept by exceptions, the envelope's
 * error, log lines. A server or proxy may echo a secret in any form it received it, so each secret is masked as it is,
 * URL-encoded, and as the base64 of {@code secret:} and of {@code secret} (HTTP Basic credentials); the
 * {@code Basic}/{@code Bearer} forms are masked with them. Each form is also found in any JSON escaping of it
 * ({@code \/}, <code>&#92;u0026</code>, <code>&#92;u00E9</code>, as Jackson, Go, PHP or Python write them, also JSON
 * quoted in JSON): the text is matched as it is and once per level of JSON string escapes decoded, and the original
 * characters of every match are replaced. The one masking routine of both APIs; used on error paths and for endpoint
 * strings only, so it favours thoroughness over speed.
 */
public final class SecretMasker {

    /** What a secret is replaced with. */
    public static final String MASK = "xxxxxx";

    private static final SecretMasker NONE = new SecretMasker(List.of());

    private static final Pattern PERCENT_ESCAPE = Pattern.compile("%[0-9A-F]{2}");

    /** Levels of JSON string escapes decoded (a JSON document quoted in a JSON string is two). */
    private static final int MAX_UNESCAPES = 3;

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
        return forms.isEmpty() ? NONE : new SecretMasker(List.copyOf(forms));
    }

    /** This masker plus more secrets (e.g. the write key of one request). */
    public SecretMasker with(String... secrets) {
        Set<String> all = new LinkedHashSet<>(forms);
        all.addAll(of(secrets).forms);
        return new SecretMasker(List.copyOf(all));
    }

    /** The text with every form of every secret replaced by {@value #MASK}; null stays null. */
    public String mask(String text) {
        if (text == null || forms.isEmpty()) {
            return text;
        }
        boolean[] hidden = new boolean[text.length()];
        boolean found = mark(text, null, hidden);
        // Decoded copies, each char mapped back to where it starts in the text, so a match masks its escapes.
        String view = text;
        int[] origin = null;
        for (int level = 0; level < MAX_UNESCAPES && view.indexOf('\\') >= 0; level++) {
            int[] next = new int[view.length() + 1];
            String decoded = unescape(view, origin, next);
            if (decoded.equals(view)) {
                break;
            }
            view = decoded;
            origin = next;
            found |= mark(view, origin, hidden);
        }
        return found ? replaceHidden(text, hidden) : text;
    }

    /** Marks the text characters of every occurrence of a form in view (the text, or a decoded copy of it). */
    private boolean mark(String view, int[] origin, boolean[] hidden) {
        boolean found = false;
        for (String form : forms) {
            for (int i = view.indexOf(form); i >= 0; i = view.indexOf(form, i + 1)) {
                Arrays.fill(hidden, at(origin, i), at(origin, i + form.length()), true);
                found = true;
            }
        }
        return found;
    }

    private static int at(int[] origin, int index) {
        return origin == null ? index : origin[index];
    }

    /**
     * The view with its JSON string escapes decoded; {@code next[i]} is where decoded char i starts in the text, and
     * {@code next[length]} the text's end. An invalid escape stays as it is.
     */
    private static String unescape(String view, int[] origin, int[] next) {
        StringBuilder out = new StringBuilder(view.length());
        int i = 0;
        while (i < view.length()) {
            next[out.length()] = at(origin, i);
            char c = view.charAt(i);
            int width = 1;
            if (c == '\\' && i + 1 < view.length()) {
                char e = view.charAt(i + 1);
                int simple = "\"\\/bfnrt".indexOf(e);
                int hex = e == 'u' ? hex4(view, i + 2) : -1;
                if (hex >= 0) {
                    c = (char) hex;
                    width = 6;
                } else if (simple >= 0) {
                    c = "\"\\/\b\f\n\r\t".charAt(simple);
                    width = 2;
                }
            }
            out.append(c);
            i += width;
        }
        next[out.length()] = at(origin, view.length());
        return out.toString();
    }

    /** The value of 4 ASCII hex digits (either case) at index, or -1. */
    private static int hex4(String text, int index) {
        if (index + 4 > text.length()) {
            return -1;
        }
        int value = 0;
        for (int i = index; i < index + 4; i++) {
            char c = text.charAt(i);
            int digit = c < 128 ? Character.digit(c, 16) : -1;
            if (digit < 0) {
                return -1;
            }
            value = value * 16 + digit;
        }
        return value;
    }

    /** The text with each run of hidden characters replaced by one {@value #MASK}. */
    private static String replaceHidden(String text, boolean[] hidden) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (!hidden[i]) {
                out.append(text.charAt(i));
            } else if (i == 0 || !hidden[i - 1]) {
                out.append(MASK);
            }
        }
        return out.toString();
    }

    private static void addForms(Set<String> forms, String secret) {
        forms.add(secret);
        String urlEncoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        forms.add(urlEncoded);
        forms.add(urlEncoded.replace("+", "%20"));
        // Other encoders write the hex digits in lower case (%2f), as RFC 3986 allows.
        forms.add(PERCENT_ESCAPE.matcher(urlEncoded).replaceAll(m -> m.group().toLowerCase(Locale.ROOT)));
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
