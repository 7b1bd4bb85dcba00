package dev.napijava.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The constants C and Java share that type_codes.h does not hold (TypeCodeHeaderTest guards those):
 * each test reads the C source and fails when one side changes alone. docs/ARCHITECTURE.md lists them.
 */
class SharedConstantsTest {
    private static final Path SRC = Path.of("..", "native", "src");

    private static String source(String file) throws Exception {
        return Files.readString(SRC.resolve(file));
    }

    /** The body of a C function, from its signature to the closing brace at the start of a line. */
    private static String functionBody(String file, String signature) throws Exception {
        String text = source(file);
        int start = text.indexOf(signature + " {");
        assertTrue(start >= 0, signature + " not found in " + file);
        int end = text.indexOf("\n}\n", start);
        return text.substring(start, end);
    }

    private static Object staticValue(Class<?> owner, String name) throws Exception {
        Field f = owner.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(null);
    }

    /** jsvalue.c's K_* (an enum numbered by position) and JSValue's kind constants (K_X is X or X_KIND). */
    @Test
    void jsValueKindsMatchJsvalueC() throws Exception {
        Matcher enumDecl = Pattern.compile("enum\\s*\\{\\s*(K_[^}]*)\\}").matcher(source("jsvalue.c"));
        assertTrue(enumDecl.find(), "enum { K_... } in jsvalue.c");
        Map<String, Integer> c = new LinkedHashMap<>();
        int next = 0;
        for (String item : enumDecl.group(1).split(",")) {
            String[] parts = item.trim().split("\\s*=\\s*");
            if (parts[0].isEmpty()) {
                continue;
            }
            next = parts.length > 1 ? Integer.parseInt(parts[1]) : next;
            c.put(parts[0].substring(2), next++);
        }
        Map<String, Integer> java = new LinkedHashMap<>();
        for (Field f : dev.napijava.JSValue.class.getDeclaredFields()) {
            int m = f.getModifiers();
            if (Modifier.isStatic(m) && Modifier.isFinal(m) && f.getType() == int.class) {
                f.setAccessible(true);
                java.put(f.getName().replaceFirst("_KIND$", ""), f.getInt(null));
            }
        }
        assertEquals(c, java, "K_* of native/src/jsvalue.c and the kind constants of dev.napijava.JSValue");
    }

    @Test
    void fastArgsMatchCallSlots() throws Exception {
        Matcher m = Pattern.compile("#define\\s+FAST_ARGS\\s+(\\d+)").matcher(source("bridge.h"));
        assertTrue(m.find(), "#define FAST_ARGS in bridge.h");
        assertEquals(Integer.parseInt(m.group(1)), CallSlots.MAX_ARGS, "FAST_ARGS (bridge.h) and CallSlots.MAX_ARGS");
    }

    private static final String[] PACKAGES = {"java.lang.", "java.util.", "java.util.concurrent.", "java.io.", "java.math.",
        "java.time.", "java.nio.", "dev.napijava."};

    /** The Java type a name of code_name() stands for: a primitive, a simple class name, an array of either. */
    private static Class<?> typeNamed(String name) {
        if (name.endsWith("[]")) {
            Class<?> element = typeNamed(name.substring(0, name.length() - 2));
            return element == null ? null : java.lang.reflect.Array.newInstance(element, 0).getClass();
        }
        for (Class<?> p : new Class<?>[] {void.class, boolean.class, byte.class, char.class, short.class, int.class,
            long.class, float.class, double.class}) {
            if (p.getName().equals(name)) {
                return p;
            }
        }
        for (String pkg : PACKAGES) {
            try {
                return Class.forName(pkg + name);
            } catch (ClassNotFoundException e) {
                // the next package
            }
        }
        return null;
    }

    /** marshal.c's code_name() names the codes in TypeCode's order: names[i] is a type of TypeCode i. */
    @Test
    void codeNamesFollowTypeCodes() throws Exception {
        String body = functionBody("marshal.c", "static const char* code_name(int code)");
        Matcher array = Pattern.compile("names\\[\\]\\s*=\\s*\\{([^}]*)\\}").matcher(body);
        assertTrue(array.find(), "names[] in code_name()");
        List<String> names = new ArrayList<>();
        Matcher s = Pattern.compile("\"([^\"]*)\"").matcher(array.group(1));
        while (s.find()) {
            names.add(s.group(1));
        }
        TypeCode[] codes = TypeCode.values();
        assertEquals(codes.length, names.size(), "one name per type code: " + names);
        for (int i = 0; i < codes.length; i++) {
            String name = names.get(i);
            if (codes[i] == TypeCode.RECORD) {
                assertEquals("record", name, "code_name(TC_RECORD)");
                continue;
            }
            Class<?> type = typeNamed(name);
            if (type == null) {
                fail("code_name()'s \"" + name + "\" (at " + i + ", TC_" + codes[i] + ") names no Java type");
            }
            assertEquals(codes[i], TypeCode.of(type), "code_name()'s \"" + name + "\" at " + i);
        }
    }

    /** The classes the named C functions find by literal name (FindClass, global_class). */
    private static TreeSet<String> classesFound(String file, String signature) throws Exception {
        TreeSet<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("(?:FindClass|global_class)\\(jni, \"([^\"]+)\"\\)")
                .matcher(functionBody(file, signature));
        while (m.find()) {
            out.add(m.group(1).replace('/', '.'));
        }
        return out;
    }

    /**
     * StartupTraining.NATIVE_LOOKUPS lists the runtime classes the native core finds (so initializes)
     * while it starts (jvm.c cache_ids, proxies.c proxies_init, async.c async_init, buffers.c buffers_init): the
     * training run initializes the same ones. Its JDK entries are found there too (NoSuchFieldError:
     * thrown by a failing GetFieldID probe, not found by name).
     */
    @Test
    void startupTrainingLoadsWhatTheCoreFinds() throws Exception {
        TreeSet<String> c = new TreeSet<>();
        c.addAll(classesFound("jvm.c", "static bool cache_ids(JNIEnv* jni)"));
        c.addAll(classesFound("proxies.c", "bool proxies_init(JNIEnv* jni)"));
        c.addAll(classesFound("async.c", "bool async_init(JNIEnv* jni)"));
        c.addAll(classesFound("buffers.c", "bool buffers_init(JNIEnv* jni)"));
        List<String> lookups = Arrays.asList((String[]) staticValue(StartupTraining.class, "NATIVE_LOOKUPS"));
        TreeSet<String> ours = new TreeSet<>();
        for (String name : c) {
            if (name.startsWith("dev.napijava.")) {
                ours.add(name);
            }
        }
        TreeSet<String> trained = new TreeSet<>();
        for (String name : lookups) {
            if (name.startsWith("dev.napijava.")) {
                trained.add(name);
            } else if (!name.equals("java.lang.NoSuchFieldError")) {
                assertTrue(c.contains(name), name + " is in NATIVE_LOOKUPS but the native core does not find it at start");
            }
        }
        assertEquals(ours, trained, "runtime classes the native core finds at start vs StartupTraining.NATIVE_LOOKUPS");
    }
}
