package dev.napijava.analyzer;

import java.util.ArrayList;
import java.util.List;

/** A method or constructor as the class file (and optional sources) describe it. */
public final class MethodInfo extends MemberInfo {
    public final List<TypeParam> typeParams = new ArrayList<>();
    /** One per descriptor parameter (generic where the Signature attribute says so). */
    public final List<JType> params = new ArrayList<>();
    public JType returnType;
    /** From MethodParameters, else the LocalVariableTable, else sources; null entries when unknown. */
    public final List<String> paramNames = new ArrayList<>();

    MethodInfo(String name, String descriptor, int access) {
        super(name, descriptor, access);
    }

    public boolean isBridge() {
        return (access & org.objectweb.asm.Opcodes.ACC_BRIDGE) != 0;
    }

    public boolean isVarargs() {
        return (access & org.objectweb.asm.Opcodes.ACC_VARARGS) != 0;
    }

    /** The parameter part of the descriptor: {@code (ILjava/lang/String;)}. */
    public String paramDescriptor() {
        return descriptor.substring(0, descriptor.indexOf(')') + 1);
    }

    @Override
    public String toString() {
        return name + descriptor;
    }
}
