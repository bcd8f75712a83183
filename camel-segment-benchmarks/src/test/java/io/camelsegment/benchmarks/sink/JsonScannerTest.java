package io.camelsegment.benchmarks.sink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The scanner accepts exactly the documents Jackson accepts, and reads strings as Jackson reads them. */
class JsonScannerTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory JACKSON = new JsonFactory();
    private static final String[] TEXT_PIECES = { "a", "b", "\"", "\\", "\n", "\u00e9", "\u20ac", "\uD83D\uDE00", " ", "/",
            "\u0001" };

    @ParameterizedTest
    @ValueSource(strings = { "{}", "[]", " { } ", "0", "-0", "1.5", "-12.25e+3", "1E-7", "true", "false", "null",
            "\"\"", "\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\"", "{\"a\":[1,{\"b\":null},\"x\"]}",
            "[[[[]]]]", "\"caf\u00e9 \u20ac \uD83D\uDE00\"", "{\"a\" : 1 ,\n\t\"b\":\r[ true , false ] }",
            // invalid
            "", " ", "{", "}", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "{'a':1}", "[1 2]", "01", "-", "1.",
            ".5", "1e", "1e+", "+1", "0x10", "NaN", "Infinity", "tru", "truex", "nul", "\"abc", "\"a\\x\"",
            "\"a\\u12\"", "\"a\\u12g4\"", "\"tab\there\"", "{\"a\":1}}", "[1]x", "{} {}", "[\"a\"]]" })
    void acceptsWhatJacksonAccepts(String document) throws Exception {
        assertEquals(jacksonAccepts(document), scannerAccepts(document), document);
    }

    @Test
    void acceptsWhatJacksonAcceptsInGeneratedDocuments() throws Exception {
        Random random = new Random(42);
        for (int n = 0; n < 2000; n++) {
            String valid = MAPPER.writeValueAsString(randomValue(random, 0));
            assertEquals(true, scannerAccepts(valid), valid);
            // and the same document broken at one random place
            StringBuilder broken = new StringBuilder(valid);
            int at = random.nextInt(broken.length());
            String mutations = "{}[],:\"\\ 0-.eaZ";
            String mutation = String.valueOf(mutations.charAt(random.nextInt(mutations.length())));
            if (random.nextBoolean()) {
                broken.insert(at, mutation);
            } else {
                broken.replace(at, at + 1, random.nextBoolean() ? mutation : "");
            }
            String document = broken.toString();
            assertEquals(jacksonAccepts(document), scannerAccepts(document), document);
        }
    }

    @Test
    void decodesStringsAsJacksonDoes() throws Exception {
        for (String text : List.of("plain", "", "caf\u00e9", "tab\tquote\"back\\slash/", "\u0000\u001f", "\uD83D\uDE00",
                "\u20ac100")) {
            String json = MAPPER.writeValueAsString(text);
            JsonScanner scanner = scanner(json);
            scanner.scanString();
            assertEquals(text, scanner.decodeString(), json);
        }
        JsonScanner escaped = scanner("\"\\u0074\\u0079pe\"");
        escaped.scanString();
        assertEquals(true, escaped.stringEquals("type"));
        assertEquals(false, escaped.copyPlainString(new char[4]), "escaped: its bytes are not its characters");
        JsonScanner plain = scanner("\"type\"");
        plain.scanString();
        assertEquals(false, plain.stringEquals("typo"));
        char[] chars = new char[4];
        assertEquals(true, plain.copyPlainString(chars));
        assertEquals("type", new String(chars));
        assertEquals(false, plain.copyPlainString(new char[5]), "another length");
    }

    @Test
    void refusesNestingDeeperThanJacksonDoes() {
        String deep = "[".repeat(JsonScanner.MAX_DEPTH + 1) + "]".repeat(JsonScanner.MAX_DEPTH + 1);
        assertThrows(IOException.class, () -> scan(deep));
        String deepest = "[".repeat(JsonScanner.MAX_DEPTH) + "]".repeat(JsonScanner.MAX_DEPTH);
        assertEquals(true, scannerAccepts(deepest));
        assertEquals(true, jacksonAccepts(deepest));
        assertEquals(false, jacksonAccepts(deep));
    }

    private static Object randomValue(Random random, int depth) {
        int kind = random.nextInt(depth > 4 ? 5 : 7);
        switch (kind) {
            case 0:
                return null;
            case 1:
                return random.nextBoolean();
            case 2:
                return random.nextInt(2) == 0 ? (Object) random.nextLong() : (Object) (random.nextDouble() * 1e6);
            case 3:
            case 4:
                StringBuilder text = new StringBuilder();
                for (int i = random.nextInt(12); i > 0; i--) {
                    text.append(TEXT_PIECES[random.nextInt(TEXT_PIECES.length)]);
                }
                return text.toString();
            case 5:
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    list.add(randomValue(random, depth + 1));
                }
                return list;
            default:
                java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    map.put("k" + random.nextInt(100), randomValue(random, depth + 1));
                }
                return map;
        }
    }

    private static boolean jacksonAccepts(String document) {
        try (JsonParser parser = JACKSON.createParser(document.getBytes(StandardCharsets.UTF_8))) {
            if (parser.nextToken() == null) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null; // nothing after the value
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean scannerAccepts(String document) {
        try {
            scan(document);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void scan(String document) throws IOException {
        JsonScanner scanner = scanner(document);
        scanner.skipValue();
        scanner.expectEnd();
    }

    private static JsonScanner scanner(String document) {
        byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
        JsonScanner scanner = new JsonScanner();
        scanner.reset(bytes, bytes.length);
        return scanner;
    }
}
