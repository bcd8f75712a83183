package io.camelsegment.component.segment.json;

/** Well-formed UTF-16: every surrogate is half of a pair, the other half next to it. */
public final class Utf16 {

    private Utf16() {
    }

    /** The index of the first lone surrogate in {@code text[from, to)}; -1 when there is none. */
    // String, not CharSequence: every string of every message passes here, and charAt must be inlined.
    public static int firstLoneSurrogate(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                boolean pairStart = Character.isHighSurrogate(c) && i + 1 < to
                                    && Character.isLowSurrogate(text.charAt(i + 1));
                if (!pairStart) {
                    return i;
                }
                i++; // the low half of the pair
            }
        }
        return -1;
    }
}
