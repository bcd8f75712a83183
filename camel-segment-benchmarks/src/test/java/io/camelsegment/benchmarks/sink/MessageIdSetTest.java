package io.camelsegment.benchmarks.sink;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The compact messageId set against a plain set of Strings: same answers for every kind of id. */
class MessageIdSetTest {

    @Test
    void readsTheBitsOfUuidsAsUuidToStringWritesThem() {
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            UUID uuid = new UUID(random.nextLong(), random.nextLong());
            char[] chars = ("x" + uuid).toCharArray();
            assertTrue(MessageIdSet.isUuid(chars, 1, 36), uuid.toString());
            assertEquals(uuid.getMostSignificantBits(), MessageIdSet.mostSignificantBits(chars, 1));
            assertEquals(uuid.getLeastSignificantBits(), MessageIdSet.leastSignificantBits(chars, 1));
        }
    }

    @Test
    void takesOnlyTheCanonicalSpellingAsAUuid() {
        String uuid = "123e4567-e89b-12d3-a456-426614174000";
        assertTrue(isUuid(uuid));
        assertFalse(isUuid(uuid.toUpperCase(Locale.ROOT)), "uppercase is another String, so another id");
        assertFalse(isUuid(uuid.substring(1)));
        assertFalse(isUuid(uuid + "0"));
        assertFalse(isUuid(uuid.replace('-', '0')));
        assertFalse(isUuid("123e4567e-89b-12d3-a456-426614174000"), "dash misplaced");
        assertFalse(isUuid(uuid.replace('e', 'g')));
        assertFalse(isUuid("{23e4567-e89b-12d3-a456-426614174000"));
    }

    @Test
    void answersLikeASetOfStringsForEveryKindOfId() {
        Random random = new Random(42);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 60_000; i++) {
            UUID uuid = new UUID(random.nextInt(3), random.nextInt(40_000)); // many repeats, small bits, nil
            String id = uuid.toString();
            switch (random.nextInt(6)) {
                case 0 -> ids.add(id.toUpperCase(Locale.ROOT));
                case 1 -> ids.add("m" + random.nextInt(5_000));
                case 2 -> ids.add(id.substring(0, 35));
                default -> ids.add(id);
            }
        }
        ids.add("");
        ids.add(new UUID(0, 0).toString());

        MessageIdSet set = new MessageIdSet();
        Set<String> expected = new HashSet<>();
        for (String id : ids) {
            assertEquals(expected.add(id), set.add(id), id);
        }
        assertEquals(expected.size(), set.size());
        for (String id : ids) {
            assertTrue(set.contains(id), id);
        }
        for (int i = 0; i < 10_000; i++) {
            String absent = new UUID(3 + random.nextInt(3), random.nextInt(40_000)).toString();
            assertFalse(set.contains(absent), absent);
            assertFalse(set.contains(absent.toUpperCase(Locale.ROOT)), absent);
        }
    }

    @Test
    void growsWithoutLosingIdsAndClearsForTheNextRun() {
        MessageIdSet set = new MessageIdSet();
        int n = 300_000;
        for (int i = 0; i < n; i++) {
            UUID uuid = new UUID(0x5e6d_e47b_e7c4_a11eL, i);
            assertTrue(set.add(uuid.getMostSignificantBits(), uuid.getLeastSignificantBits()));
        }
        for (int i = 0; i < n; i++) {
            assertFalse(set.add(new UUID(0x5e6d_e47b_e7c4_a11eL, i).toString()), "duplicate " + i);
        }
        assertEquals(n, set.size());
        assertTrue(set.contains(new UUID(0x5e6d_e47b_e7c4_a11eL, n - 1).toString()));
        assertFalse(set.contains(new UUID(0x5e6d_e47b_e7c4_a11eL, n).toString()));

        set.add("other");
        set.add(new UUID(0, 0).toString());
        set.clear();
        assertEquals(0, set.size());
        assertFalse(set.contains(new UUID(0x5e6d_e47b_e7c4_a11eL, 0).toString()));
        assertFalse(set.contains("other"));
        assertFalse(set.contains(new UUID(0, 0).toString()));
        assertTrue(set.add(new UUID(0x5e6d_e47b_e7c4_a11eL, 0).toString()));
    }

    private static boolean isUuid(String s) {
        return MessageIdSet.isUuid(s.toCharArray(), 0, s.length());
    }
}
