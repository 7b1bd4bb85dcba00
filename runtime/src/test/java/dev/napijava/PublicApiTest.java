package dev.napijava;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The hosting API (dev.napijava) shows no internal type: no public or protected member of a public
 * class names a dev.napijava.bridge type in its signature. The bridge reaches JSValue's internals
 * through bridge.JsValueAccess instead.
 */
class PublicApiTest {
    private static final String INTERNAL = "dev.napijava.bridge.";

    @Test
    void noInternalTypeInAPublicSignature() throws Exception {
        List<String> leaks = new ArrayList<>();
        int members = 0;
        for (Class<?> c : publicClasses()) {
            List<Member> all = new ArrayList<>();
            all.addAll(List.of(c.getDeclaredConstructors()));
            all.addAll(List.of(c.getDeclaredMethods()));
            all.addAll(List.of(c.getDeclaredFields()));
            for (Member m : all) {
                int mod = m.getModifiers();
                if (m.isSynthetic() || !(Modifier.isPublic(mod) || Modifier.isProtected(mod))) {
                    continue;
                }
                members++;
                List<Type> types = new ArrayList<>();
                if (m instanceof Executable) {
                    types.addAll(List.of(((Executable) m).getGenericParameterTypes()));
                    types.addAll(List.of(((Executable) m).getGenericExceptionTypes()));
                }
                if (m instanceof Method) {
                    types.add(((Method) m).getGenericReturnType());
                }
                if (m instanceof Field) {
                    types.add(((Field) m).getGenericType());
                }
                for (Type t : types) {
                    if (t.getTypeName().contains(INTERNAL)) {
                        leaks.add(c.getSimpleName() + "." + m.getName() + ": " + t.getTypeName());
                    }
                }
            }
            Type sup = c.getGenericSuperclass();
            if (sup != null && sup.getTypeName().contains(INTERNAL)) {
                leaks.add(c.getSimpleName() + " extends " + sup.getTypeName());
            }
            for (Type i : c.getGenericInterfaces()) {
                if (i.getTypeName().contains(INTERNAL)) {
                    leaks.add(c.getSimpleName() + " implements " + i.getTypeName());
                }
            }
        }
        assertTrue(members > 100, "found only " + members + " public members: are the classes in target/classes?");
        assertEquals(List.of(), leaks, "dev.napijava.bridge types in the public API");
    }

    /** The public top-level and nested classes of dev.napijava (not of its subpackages). */
    private static List<Class<?>> publicClasses() throws Exception {
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("target", "classes", "dev", "napijava"))) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class")).sorted()::iterator) {
                String name = f.getFileName().toString();
                Class<?> c = Class.forName("dev.napijava." + name.substring(0, name.length() - ".class".length()), false,
                        PublicApiTest.class.getClassLoader());
                if (Modifier.isPublic(c.getModifiers()) && (c.getEnclosingClass() == null || isPublicChain(c))) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    private static boolean isPublicChain(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
            if (!Modifier.isPublic(k.getModifiers())) {
                return false;
            }
        }
        return true;
    }
}
