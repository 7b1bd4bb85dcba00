package dev.napijava.analyzer;

import org.objectweb.asm.Opcodes;

/** What fields and methods share: name, descriptor, access flags, deprecation and Javadoc. */
public abstract class MemberInfo {
    public final String name;
    public final String descriptor;
    public final int access;
    public boolean deprecated;
    public Doc doc;

    MemberInfo(String name, String descriptor, int access) {
        this.name = name;
        this.descriptor = descriptor;
        this.access = access;
    }

    public boolean isStatic() {
        return (access & Opcodes.ACC_STATIC) != 0;
    }

    public boolean isPublic() {
        return (access & Opcodes.ACC_PUBLIC) != 0;
    }

    public boolean isSynthetic() {
        return (access & Opcodes.ACC_SYNTHETIC) != 0;
    }
}
