package dev.napijava.analyzer;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;

/** One class, interface, enum, record or annotation type of the analysed API. */
public final class ClassInfo {
    /** Internal name: {@code com/example/Outer$Inner}. */
    public final String name;
    /** Class-file flags, with the InnerClasses flags (static, real visibility) for nested types. */
    public int access;
    public String superName;
    public final List<String> interfaceNames = new ArrayList<>();
    public final List<TypeParam> typeParams = new ArrayList<>();
    /** Generic supertypes (from the Signature attribute, else erased). */
    public JType.ClassRef superType;
    public final List<JType.ClassRef> interfaceTypes = new ArrayList<>();
    /** For member classes: the enclosing class's internal name; null for top-level, local and anonymous. */
    public String outerName;
    /** Simple name as written in source (null for anonymous). */
    public String simpleName;
    public boolean localOrAnonymous;
    public final List<MethodInfo> methods = new ArrayList<>();
    public final List<FieldInfo> fields = new ArrayList<>();
    /** Member classes declared here, in InnerClasses order: internal names. */
    public final List<String> memberClasses = new ArrayList<>();
    public boolean deprecated;
    /** Null-marked scope (JSpecify @NullMarked or a JSR-305 default) declared on the class itself. */
    public Boolean nullMarked;
    public boolean paramsNonNull;
    /** Where it came from: "jar", "classpath" or "jdk". */
    public final String origin;
    public Doc doc;
    /** Class-file major version (61 = Java 17). */
    public int majorVersion;

    ClassInfo(String name, String origin) {
        this.name = name;
        this.origin = origin;
    }

    public boolean isInterface() {
        return (access & Opcodes.ACC_INTERFACE) != 0;
    }

    public boolean isEnum() {
        return (access & Opcodes.ACC_ENUM) != 0;
    }

    /** A record class (as Class.isRecord: its superclass is java.lang.Record). */
    public boolean isRecord() {
        return "java/lang/Record".equals(superName);
    }

    public boolean isAnnotation() {
        return (access & Opcodes.ACC_ANNOTATION) != 0;
    }

    public boolean isAbstract() {
        return (access & Opcodes.ACC_ABSTRACT) != 0;
    }

    public boolean isPublic() {
        return (access & Opcodes.ACC_PUBLIC) != 0;
    }

    public boolean isStaticMember() {
        return outerName == null || (access & Opcodes.ACC_STATIC) != 0;
    }

    public boolean isSynthetic() {
        return (access & Opcodes.ACC_SYNTHETIC) != 0;
    }

    /** Binary name with dots: {@code com.example.Outer$Inner}. */
    public String binaryName() {
        return name.replace('/', '.');
    }

    public String packageName() {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? "" : name.substring(0, slash).replace('/', '.');
    }

    /** Name without the package: {@code Outer$Inner}. */
    public String jsName() {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    @Override
    public String toString() {
        return binaryName();
    }
}
