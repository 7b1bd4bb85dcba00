package dev.napijava.analyzer;

/** A field as the class file (and optional sources) describe it. */
public final class FieldInfo extends MemberInfo {
    public JType type;

    FieldInfo(String name, String descriptor, int access) {
        super(name, descriptor, access);
    }

    public boolean isFinal() {
        return (access & org.objectweb.asm.Opcodes.ACC_FINAL) != 0;
    }
}
