package dev.napijava.bridge;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/** A public field as the native core reads and writes it (through a cached JNI field ID). */
public final class FieldDescriptor {
    public final Field field;
    public final String name;
    public final TypeRef type;
    public final boolean isStatic;
    public final boolean isFinal;
    public final Class<?> declaringClass;

    /** name: the JS name (the Java name, or an exported module's {@code @JSExport} name). */
    FieldDescriptor(Field field, String name) {
        this.field = field;
        this.name = name;
        this.type = TypeRef.of(field.getType());
        this.isStatic = Modifier.isStatic(field.getModifiers());
        this.isFinal = Modifier.isFinal(field.getModifiers());
        this.declaringClass = field.getDeclaringClass();
    }
}
