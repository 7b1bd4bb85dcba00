package dev.napijava.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The analyzer on compiled fixture classes (analyzercases) and on the running JDK's own classes. */
class ApiModelTest {
    private static ApiModel model;

    @BeforeAll
    static void open() throws Exception {
        model = ApiModel.open(Path.of("target/test-classes"), List.of());
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static MethodInfo method(ClassInfo c, String name, boolean bridge) {
        return c.methods.stream().filter(m -> m.name.equals(name) && m.isBridge() == bridge).findFirst().orElseThrow();
    }

    @Test
    void classSignature() {
        ClassInfo c = model.get("analyzercases/Generic");
        assertEquals(List.of("K", "V"), c.typeParams.stream().map(p -> p.name).collect(Collectors.toList()));
        JType.ClassRef bound = (JType.ClassRef) c.typeParams.get(0).bounds.get(0);
        assertEquals("java/lang/Comparable", bound.name);
        assertEquals("K", ((JType.TypeVar) bound.args.get(0)).name, "K extends Comparable<K>");
        assertTrue(c.typeParams.get(1).unbounded(), "V");
        assertEquals("java/util/AbstractMap", c.superType.name);
        assertEquals("K", ((JType.TypeVar) c.superType.args.get(0)).name);
        JType.ClassRef list = (JType.ClassRef) c.superType.args.get(1);
        JType.Wildcard w = (JType.Wildcard) list.args.get(0);
        assertEquals('-', w.kind, "? super V");
        assertEquals("V", ((JType.TypeVar) w.bound).name);
        assertEquals("java/util/function/Supplier", c.interfaceTypes.get(0).name);
    }

    @Test
    void methodSignatures() {
        ClassInfo c = model.get("analyzercases/Generic");
        MethodInfo max = method(c, "max", false);
        assertTrue(max.isStatic() && max.isVarargs());
        TypeParam t = max.typeParams.get(0);
        assertEquals("T", t.name);
        assertEquals(List.of("java/lang/Number", "java/lang/Comparable"),
                t.bounds.stream().map(b -> ((JType.ClassRef) b).name).collect(Collectors.toList()), "T extends Number & Comparable<T>");
        JType.Wildcard upper = (JType.Wildcard) ((JType.ClassRef) max.params.get(0)).args.get(0);
        assertEquals('+', upper.kind, "? extends T");
        assertTrue(max.params.get(1) instanceof JType.ArrayOf);
        assertEquals("(Ljava/util/List;[Ljava/lang/Number;)", max.paramDescriptor());
        assertEquals("[[I", JType.erasure(c.fields.stream().filter(f -> f.name.equals("grid")).findFirst().orElseThrow().type, null));
        assertTrue(c.fields.stream().anyMatch(f -> f.name.equals("grid") && f.deprecated), "@Deprecated read");
    }

    @Test
    void bridgesAndSyntheticMembersAreMarked() {
        ClassInfo c = model.get("analyzercases/Generic");
        assertEquals("(Lanalyzercases/Generic;)I", method(c, "compareTo", false).descriptor);
        MethodInfo bridge = method(c, "compareTo", true);
        assertEquals("(Ljava/lang/Object;)I", bridge.descriptor);
        assertTrue(bridge.isSynthetic());
        assertTrue(c.methods.stream().anyMatch(m -> m.name.startsWith("lambda$") && m.isSynthetic()), "the lambda's method");
    }

    @Test
    void nestedClassesAndAccess() {
        ClassInfo inner = model.get("analyzercases/Generic$Inner");
        assertEquals("analyzercases/Generic", inner.outerName);
        assertEquals("Inner", inner.simpleName);
        assertFalse(inner.isStaticMember(), "an inner (non-static) class");
        assertTrue(model.isAccessible(inner));
        JType.ClassRef self = (JType.ClassRef) method(inner, "self", false).returnType;
        assertEquals("analyzercases/Generic", self.owner.name, "Generic<K, V>.Inner: the owner with its arguments");
        assertEquals(2, self.owner.args.size());
        ClassInfo hidden = model.get("analyzercases/Generic$Hidden");
        assertFalse(model.isAccessible(hidden), "package-private");
        assertTrue(model.get("analyzercases/Generic").memberClasses.contains("analyzercases/Generic$Inner"));
    }

    @Test
    void jdkClassesFromEveryModuleOfASplitPackage() {
        // java.awt is in java.desktop, java.awt.datatransfer in java.datatransfer: each found in its module
        assertNotNull(model.get("java/awt/Color"));
        assertNotNull(model.get("java/awt/datatransfer/Clipboard"));
        assertNotNull(model.get("java/sql/Connection"));
        assertTrue(model.isSubtype("java/util/ArrayList", "java/util/Collection"));
        assertFalse(model.isSubtype("java/util/HashMap", "java/util/Collection"));
        assertNull(model.get("no/such/Thing"));
        assertTrue(model.missing().contains("no.such.Thing"), "a missing class is recorded, for the warning");
    }

    @Test
    void primaryClassesAreThePublicOnesOfTheIncludedPackages() throws Exception {
        List<String> names = model.primaryClasses(List.of("analyzercases"), null).stream().map(c -> c.name).sorted()
                .collect(Collectors.toList());
        assertEquals(List.of("analyzercases/Generic", "analyzercases/Generic$Inner"), names);
    }

    @Test
    void javadocCleaning() {
        assertEquals("a `List` of names, see label and `Foo.bar`", SourceDocs.clean("a {@code List} of names, see {@link Foo label} and {@link Foo#bar}"));
    }
}
