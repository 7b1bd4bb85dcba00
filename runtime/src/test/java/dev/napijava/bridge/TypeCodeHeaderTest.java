package dev.napijava.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The C header and the Java enums must number type codes and argument tags identically. */
class TypeCodeHeaderTest {
    private static final Path HEADER = Path.of("..", "native", "src", "type_codes.h");

    private static Map<String, Integer> constants(String prefix) throws Exception {
        Map<String, Integer> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("\\b" + prefix + "([A-Z0-9_]+)\\s*=\\s*(\\d+)").matcher(Files.readString(HEADER));
        while (m.find()) {
            out.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        return out;
    }

    @Test
    void typeCodesMatchHeader() throws Exception {
        Map<String, Integer> header = constants("TC_");
        assertEquals(TypeCode.values().length, header.get("COUNT"));
        for (TypeCode code : TypeCode.values()) {
            assertEquals(code.ordinal(), header.get(code.name()), "TC_" + code.name());
        }
    }

    @Test
    void argTagsMatchHeader() throws Exception {
        Map<String, Integer> header = constants("AT_");
        assertEquals(ArgTag.values().length, header.get("COUNT"));
        for (ArgTag tag : ArgTag.values()) {
            assertEquals(tag.ordinal(), header.get(tag.name()), "AT_" + tag.name());
        }
    }

    @Test
    void fastCallTagsMatchHeader() throws Exception {
        for (String prefix : new String[] {"A_", "R_"}) {
            Map<String, Integer> header = constants(prefix);
            Map<String, Integer> java = new LinkedHashMap<>();
            for (java.lang.reflect.Field f : (prefix.equals("A_") ? Values.class : JSValueNatives.class).getDeclaredFields()) {
                if (f.getName().startsWith(prefix) && f.getType() == int.class) {
                    f.setAccessible(true);
                    java.put(f.getName().substring(prefix.length()), f.getInt(null));
                }
            }
            assertEquals(header, java, prefix + "* of type_codes.h and Values/JSValueNatives");
        }
    }

    @Test
    void typeTableCoversPrimitivesBoxesAndArrays() {
        assertEquals(TypeCode.INT, TypeCode.of(int.class));
        assertEquals(TypeCode.BOX_LONG, TypeCode.of(Long.class));
        assertEquals(TypeCode.STRING, TypeCode.of(String.class));
        assertEquals(TypeCode.ARRAY_DOUBLE, TypeCode.of(double[].class));
        assertEquals(TypeCode.ARRAY_OBJECT, TypeCode.of(int[][].class));
        assertEquals(TypeCode.ARRAY_OBJECT, TypeCode.of(String[].class));
        assertEquals(TypeCode.LIST, TypeCode.of(java.util.List.class));
        assertEquals(TypeCode.OBJECT, TypeCode.of(java.util.ArrayList.class)); // a class: by reference, as any
        assertEquals(TypeCode.DATE, TypeCode.of(java.sql.Timestamp.class));
        assertEquals(TypeCode.FUTURE, TypeCode.of(java.util.concurrent.ScheduledFuture.class));
        assertEquals(TypeCode.BIG_INTEGER, TypeCode.of(java.math.BigInteger.class));
        assertEquals(TypeCode.RECORD, TypeCode.of(Point.class));
        assertEquals("Float64Array", TypeCode.ARRAY_DOUBLE.jsType);
    }

    record Point(int x, int y) {
    }
}
