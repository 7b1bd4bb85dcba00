package dev.napijava.analyzer;

/** A field as the class file (and optional sources) describe it. */
public final class FieldInfo {
    public final String name;
    public final String descriptor;
    public final int access;
    public JType type;
    public boolean deprecated;
    public Doc doc;

    FieldInfo(String name, String descriptor, int access) {
        this.name = name;
        this.descriptor = descriptor;
        this.access = access;
    }

    public boolean isStatic() {
        return (access & org.objectweb.asm.Opcodes.ACC_STATIC) != 0;
    }

    public boolean isPublic() {
        return (access & org.objectweb.asm.Opcodes.ACC_PUBLIC) != 0;
    }

    public boolean isFinal() {
        return (access & org.objectweb.asm.Opcodes.ACC_FINAL) != 0;
    }

    public boolean isSynthetic() {
        return (access & org.objectweb.asm.Opcodes.ACC_SYNTHETIC) != 0;
    }
}
