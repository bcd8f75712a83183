package io.camelsegment.component.segment;

import io.camelsegment.component.segment.json.Utf16;

/**
 * What the credentials the component sends in the Authorization header may hold. A character the header cannot carry
 * as the component encodes it would reach Segment changed (a lone surrogate as '?') or cut the credential short, and
 * Segment would answer 401 for a key it was never given: such a credential is refused before anything is sent. The
 * rules name the kind of character, never the credential.
 */
public final class Credentials {

    private Credentials() {
    }

    /**
     * The rule a write key breaks, or null when it may be sent. The key is the user name of HTTP Basic auth, sent as
     * UTF-8: any well-formed text but a ':', where a user name ends, and control characters (RFC 7617).
     */
    public static String writeKeyRule(String key) {
        if (Utf16.firstLoneSurrogate(key, 0, key.length()) >= 0) {
            return "holds a lone surrogate (half of a UTF-16 pair): not text, it would reach Segment as '?' (HTTP "
                   + "Basic auth sends the key as UTF-8)";
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isISOControl(c)) {
                return "holds a control character (a line break, a tab): HTTP Basic auth does not allow one";
            }
            if (c == ':') {
                return "holds a ':': HTTP Basic auth sends the key as a user name, which ends at the first ':'";
            }
        }
        return null;
    }

    /**
     * The rule an access token breaks, or null when it may be sent. The token is sent as it is after "Bearer ", where
     * only printable ASCII reaches Segment unchanged (a line break arrives as a space, most other characters as '?').
     */
    public static String accessTokenRule(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return "must be printable ASCII, as Segment's access tokens are: it is sent as it is in the "
                       + "Authorization header, which would change another character";
            }
        }
        return null;
    }

    /**
     * The write key of a header or of the body, when it may be sent; null stays null.
     *
     * @throws SegmentValidationException naming the field and the rule
     */
    public static String writeKey(String field, String key) throws SegmentValidationException {
        String rule = key == null ? null : writeKeyRule(key);
        if (rule != null) {
            throw new SegmentValidationException(field, rule);
        }
        return key;
    }
}
