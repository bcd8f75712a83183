package io.camelsegment.component.segment.docs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/reference.md is exactly what the generated component metadata gives. When an option or header changes, run
 * {@code mvn -o verify -pl camel-segment-component -Dtest=DocsReferenceTest -Dsegment.docs.regenerate=true} and commit
 * the file.
 */
class DocsReferenceTest {

    @Test
    void referenceMatchesTheComponentMetadata() throws Exception {
        String expected = ReferenceDoc.render();
        if (Boolean.getBoolean("segment.docs.regenerate")) {
            Files.writeString(ReferenceDoc.FILE, expected, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(ReferenceDoc.FILE), ReferenceDoc.FILE.toAbsolutePath() + " is missing");
        String actual = Files.readString(ReferenceDoc.FILE, StandardCharsets.UTF_8);
        assertEquals(expected, actual, "docs/reference.md is out of date with segment.json: regenerate it with "
                                       + "-Dsegment.docs.regenerate=true (see ReferenceDoc)");
    }

    @Test
    void referenceListsEveryOptionAndHeader() throws Exception {
        String doc = ReferenceDoc.render();
        for (String name : new String[] { "`writeKey`", "`maxBatchBytes`", "`retryBackoffBase`", "`CamelSegmentUserId`",
                "`CamelSegmentMessageIds`", "`CamelSegmentRequestCount`", "`operation`" }) {
            assertTrue(doc.contains(name), name);
        }
        assertTrue(doc.contains("identify, track, page, screen, group, alias, batch"));
    }
}
