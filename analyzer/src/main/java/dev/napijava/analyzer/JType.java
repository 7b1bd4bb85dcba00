package dev.napijava.analyzer;

import java.util.ArrayList;
import java.util.List;

/** A Java type as written in a generic signature (or erased from a descriptor). */
public abstract class JType {
    /** From nullability annotations on this type use (or its declaration); UNKNOWN if none. */
    public Nullness nullness = Nullness.UNKNOWN;

    private JType() {
    }

    /** A primitive or void, by descriptor letter (I, J, Z, V...). */
    public static final class Prim extends JType {
        public final char descriptor;

        public Prim(char descriptor) {
            this.descriptor = descriptor;
        }

        @Override
        public String toString() {
            return String.valueOf(descriptor);
        }
    }

    /** A class or interface type with its type arguments; owner is set for inner types of generic outers. */
    public static final class ClassRef extends JType {
        /** Internal name: {@code java/util/Map$Entry}. */
        public final String name;
        public final List<JType> args = new ArrayList<>();
        public final ClassRef owner;

        public ClassRef(String name, ClassRef owner) {
            this.name = name;
            this.owner = owner;
        }

        @Override
        public String toString() {
            return (owner != null ? owner + "." : "") + name + (args.isEmpty() ? "" : "<" + args + ">");
        }
    }

    public static final class TypeVar extends JType {
        public final String name;

        public TypeVar(String name) {
            this.name = name;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    public static final class ArrayOf extends JType {
        public final JType component;

        public ArrayOf(JType component) {
            this.component = component;
        }

        @Override
        public String toString() {
            return component + "[]";
        }
    }

    /** {@code ?} (kind '*'), {@code ? extends B} ('+'), {@code ? super B} ('-'). */
    public static final class Wildcard extends JType {
        public final char kind;
        public final JType bound;

        public Wildcard(char kind, JType bound) {
            this.kind = kind;
            this.bound = bound;
        }

        @Override
        public String toString() {
            return kind == '*' ? "?" : (kind == '+' ? "? extends " : "? super ") + bound;
        }
    }

    /** The JVM descriptor of this type's erasure; type variables erase through the given resolver. */
    public static String erasure(JType t, java.util.function.Function<String, JType> typeVarBound) {
        if (t instanceof Prim) {
            return String.valueOf(((Prim) t).descriptor);
        }
        if (t instanceof ClassRef) {
            return "L" + ((ClassRef) t).name + ";";
        }
        if (t instanceof ArrayOf) {
            return "[" + erasure(((ArrayOf) t).component, typeVarBound);
        }
        if (t instanceof TypeVar) {
            JType bound = typeVarBound == null ? null : typeVarBound.apply(((TypeVar) t).name);
            return bound == null ? "Ljava/lang/Object;" : erasure(bound, null);
        }
        return "Ljava/lang/Object;";
    }

    /** A type from a JVM descriptor (no generics). */
    public static JType fromDescriptor(String d) {
        switch (d.charAt(0)) {
            case '[':
                return new ArrayOf(fromDescriptor(d.substring(1)));
            case 'L':
                return new ClassRef(d.substring(1, d.length() - 1), null);
            default:
                return new Prim(d.charAt(0));
        }
    }
}
