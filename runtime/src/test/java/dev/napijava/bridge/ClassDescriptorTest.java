package dev.napijava.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ClassDescriptorTest {
    public static class Shape {
        public static final int SIDES = 0;
        public int size;
        public int size() { return size; }
        public String name;
        public static class Corner { }
        public enum Kind { ROUND, SQUARE }
    }

    private static Set<String> names(OverloadSet[] sets) {
        return Arrays.stream(sets).map(s -> s.name).collect(Collectors.toSet());
    }

    @Test
    void accessBridgesOfNonPublicSuperclassesAreProjected() {
        // StringBuilder.length() is declared in package-private AbstractStringBuilder.
        ClassDescriptor d = new ClassDescriptor(StringBuilder.class, 0);
        Set<String> methods = names(d.instanceMethods);
        assertTrue(methods.containsAll(Set.of("length", "charAt", "append", "toString")), methods.toString());
        assertTrue(methods.contains("append(char)"), "selector form");
    }

    @Test
    void methodsWinOverFieldsAndNestedClassesAreListed() {
        ClassDescriptor d = new ClassDescriptor(Shape.class, 0);
        assertTrue(names(d.instanceMethods).contains("size"));
        assertFalse(Arrays.stream(d.instanceFields).anyMatch(f -> f.name.equals("size")));
        assertTrue(Arrays.stream(d.instanceFields).anyMatch(f -> f.name.equals("name") && !f.isFinal));
        assertTrue(Arrays.stream(d.staticFields).anyMatch(f -> f.name.equals("SIDES") && f.isFinal));
        assertEquals(Set.of("Corner", "Kind"), Set.of(d.nestedNames));
        assertTrue(names(d.staticMethods).contains("new()"));
        assertEquals("ClassDescriptorTest$Shape", d.jsName);
    }

    @Test
    void interfacesAndEnumsAreNotInstantiable() {
        assertFalse(new ClassDescriptor(java.util.List.class, 0).instantiable);
        assertFalse(new ClassDescriptor(Shape.Kind.class, 0).instantiable);
        assertTrue(names(new ClassDescriptor(java.util.List.class, 0).staticMethods).contains("of"));
        assertTrue(Arrays.stream(new ClassDescriptor(Shape.Kind.class, 0).staticFields)
                .anyMatch(f -> f.name.equals("ROUND")));
    }
}
