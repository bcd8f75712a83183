package io.camelsegment.benchmarks.sink;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The messageIds a receiver has seen, exactly, in little memory: the benchmark sends a million UUID-shaped ids per
 * run, and a set of Strings costs about 100 bytes and three objects per id, all copied by the collector as it grows.
 * An id spelled as {@link java.util.UUID#toString()} spells one (8-4-4-4-12 lowercase hex digits) is kept as its two
 * longs in an open-addressing table (16 bytes per id, no objects); since that spelling is one-to-one with the 128
 * bits, equal longs mean equal ids. Any other id (uppercase hex, not a UUID) goes to a set of Strings as it is.
 * <p>
 * Not thread-safe: the receiver adds a whole request's ids under one lock.
 */
final class MessageIdSet {

    static final int UUID_LENGTH = 36;
    private static final int INITIAL_PAIRS = 1 << 12;

    /** Pairs (most, least significant bits), indexed by hash; (0, 0) marks a free slot. */
    private long[] slots = new long[2 * INITIAL_PAIRS];
    private int pairs;
    /** 00000000-0000-0000-0000-000000000000, kept aside as it would look like a free slot. */
    private boolean nilUuid;
    private final Set<String> otherIds = new HashSet<>();

    /** Adds an id; false if it was already there. */
    boolean add(String id) {
        char[] chars = id.toCharArray();
        return isUuid(chars, 0, chars.length) ? add(mostSignificantBits(chars, 0), leastSignificantBits(chars, 0))
                : otherIds.add(id);
    }

    /** Adds a UUID-shaped id by its bits; false if it was already there. */
    boolean add(long msb, long lsb) {
        if ((msb | lsb) == 0) {
            boolean added = !nilUuid;
            nilUuid = true;
            return added;
        }
        int slot = slot(msb, lsb);
        if (slots[slot] == msb && slots[slot + 1] == lsb) {
            return false;
        }
        slots[slot] = msb;
        slots[slot + 1] = lsb;
        if (++pairs > slots.length / 8 * 3) { // over 3/4 full
            grow();
        }
        return true;
    }

    boolean contains(String id) {
        char[] chars = id.toCharArray();
        if (!isUuid(chars, 0, chars.length)) {
            return otherIds.contains(id);
        }
        long msb = mostSignificantBits(chars, 0);
        long lsb = leastSignificantBits(chars, 0);
        if ((msb | lsb) == 0) {
            return nilUuid;
        }
        int slot = slot(msb, lsb);
        return slots[slot] == msb && slots[slot + 1] == lsb;
    }

    /** Where the pair is, or the free slot where it would go (linear probing). */
    private int slot(long msb, long lsb) {
        int mask = slots.length / 2 - 1;
        for (int i = hash(msb, lsb) & mask;; i = (i + 1) & mask) {
            long m = slots[2 * i];
            long l = slots[2 * i + 1];
            if ((m | l) == 0 || (m == msb && l == lsb)) {
                return 2 * i;
            }
        }
    }

    long size() {
        return pairs + (nilUuid ? 1 : 0) + otherIds.size();
    }

    /** Forgets every id but keeps the table's capacity: the next run will need it again. */
    void clear() {
        Arrays.fill(slots, 0);
        pairs = 0;
        nilUuid = false;
        otherIds.clear();
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        pairs = 0;
        for (int i = 0; i < old.length; i += 2) {
            if ((old[i] | old[i + 1]) != 0) {
                add(old[i], old[i + 1]);
            }
        }
    }

    /** Murmur3's 64-bit finalizer over both halves: benchmark ids differ only in a counter in their low bits. */
    private static int hash(long msb, long lsb) {
        long h = msb * 0x9E3779B97F4A7C15L ^ lsb;
        h = (h ^ (h >>> 33)) * 0xFF51AFD7ED558CCDL;
        h = (h ^ (h >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return (int) (h ^ (h >>> 33));
    }

    /** True if the chars are a UUID exactly as {@link java.util.UUID#toString()} writes one. */
    static boolean isUuid(char[] chars, int offset, int length) {
        if (length != UUID_LENGTH) {
            return false;
        }
        for (int i = 0; i < UUID_LENGTH; i++) {
            char c = chars[offset + i];
            boolean ok = i == 8 || i == 13 || i == 18 || i == 23 ? c == '-'
                    : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The first 64 bits of a UUID that {@link #isUuid} accepted. */
    static long mostSignificantBits(char[] chars, int offset) {
        return hex(chars, offset, 8) << 32 | hex(chars, offset + 9, 4) << 16 | hex(chars, offset + 14, 4);
    }

    /** The last 64 bits of a UUID that {@link #isUuid} accepted. */
    static long leastSignificantBits(char[] chars, int offset) {
        return hex(chars, offset + 19, 4) << 48 | hex(chars, offset + 24, 12);
    }

    private static long hex(char[] chars, int offset, int digits) {
        long value = 0;
        for (int i = offset; i < offset + digits; i++) {
            char c = chars[i];
            value = value << 4 | (c <= '9' ? c - '0' : c - 'a' + 10);
        }
        return value;
    }
}
