package dev.napijava.analyzer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.TypePath;
import org.objectweb.asm.TypeReference;

/** Reads one class file into a {@link ClassInfo} (ASM visitor). */
final class ClassFileReader extends ClassVisitor {
    private final ClassInfo info;

    private ClassFileReader(ClassInfo info) {
        super(Opcodes.ASM9);
        this.info = info;
    }

    static ClassInfo read(byte[] bytes, String origin) {
        ClassReader reader = new ClassReader(bytes);
        ClassInfo info = new ClassInfo(reader.getClassName(), origin);
        reader.accept(new ClassFileReader(info), ClassReader.SKIP_FRAMES);
        return info;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        info.access = access;
        info.majorVersion = version & 0xFFFF;
        info.superName = superName;
        if (interfaces != null) {
            info.interfaceNames.addAll(List.of(interfaces));
        }
        info.deprecated = (access & Opcodes.ACC_DEPRECATED) != 0;
        if (signature != null) {
            SignatureTypes.DeclBuilder b = SignatureTypes.parse(signature, info.typeParams);
            info.superType = b.superType;
            info.interfaceTypes.addAll(b.interfaces);
        }
        if (info.superType == null && superName != null) {
            info.superType = new JType.ClassRef(superName, null);
        }
        if (info.interfaceTypes.size() != info.interfaceNames.size()) {
            info.interfaceTypes.clear();
            for (String i : info.interfaceNames) {
                info.interfaceTypes.add(new JType.ClassRef(i, null));
            }
        }
    }

    @Override
    public void visitInnerClass(String name, String outerName, String innerName, int access) {
        if (name.equals(info.name)) {
            // the real flags of a nested type (the class-file flags say public for protected, never static)
            info.access = (info.access & (Opcodes.ACC_INTERFACE | Opcodes.ACC_ANNOTATION | Opcodes.ACC_ENUM
                    | Opcodes.ACC_RECORD | Opcodes.ACC_DEPRECATED | Opcodes.ACC_SYNTHETIC)) | access;
            info.outerName = outerName;
            info.simpleName = innerName;
            info.localOrAnonymous = outerName == null;
        } else if (info.name.equals(outerName) && innerName != null) {
            info.memberClasses.add(name);
        }
    }

    @Override
    public void visitOuterClass(String owner, String name, String descriptor) {
        info.localOrAnonymous = true;
    }

    @Override
    public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
        noteScope(descriptor);
        if (descriptor.equals("Ljava/lang/Deprecated;")) {
            info.deprecated = true;
        }
        return null;
    }

    private void noteScope(String descriptor) {
        if (Nullness.isNullMarked(descriptor)) {
            info.nullMarked = Boolean.TRUE;
        } else if (Nullness.NULL_UNMARKED.contains(descriptor)) {
            info.nullMarked = Boolean.FALSE;
        } else if (Nullness.PARAMS_NONNULL.contains(descriptor)) {
            info.paramsNonNull = true;
        }
    }

    @Override
    public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String descriptor, boolean visible) {
        Nullness n = Nullness.of(descriptor);
        if (n == Nullness.UNKNOWN) {
            return null;
        }
        TypeReference ref = new TypeReference(typeRef);
        if (ref.getSort() == TypeReference.CLASS_TYPE_PARAMETER_BOUND) {
            TypeParam p = ref.getTypeParameterIndex() < info.typeParams.size()
                    ? info.typeParams.get(ref.getTypeParameterIndex()) : null;
            if (p != null && ref.getTypeParameterBoundIndex() < p.bounds.size() + 1) {
                int i = Math.max(0, Math.min(p.bounds.size() - 1, ref.getTypeParameterBoundIndex() - 1));
                if (!p.bounds.isEmpty()) {
                    apply(p.bounds.get(i), typePath, n);
                }
            }
        }
        return null;
    }

    @Override
    public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
        FieldInfo f = new FieldInfo(name, descriptor, access);
        f.deprecated = (access & Opcodes.ACC_DEPRECATED) != 0;
        f.type = signature != null ? SignatureTypes.parseType(signature) : JType.fromDescriptor(descriptor);
        info.fields.add(f);
        return new FieldVisitor(Opcodes.ASM9) {
            @Override
            public AnnotationVisitor visitAnnotation(String d, boolean visible) {
                if (d.equals("Ljava/lang/Deprecated;")) {
                    f.deprecated = true;
                }
                mark(f.type, Nullness.of(d));
                return null;
            }

            @Override
            public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String d, boolean visible) {
                apply(f.type, typePath, Nullness.of(d));
                return null;
            }
        };
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        MethodInfo m = new MethodInfo(name, descriptor, access);
        m.deprecated = (access & Opcodes.ACC_DEPRECATED) != 0;
        Type[] erased = Type.getArgumentTypes(descriptor);
        if (signature != null) {
            SignatureTypes.DeclBuilder b = SignatureTypes.parse(signature, m.typeParams);
            // Signatures omit synthetic/mandated leading parameters (outer instance, enum name/ordinal).
            int missing = erased.length - b.params.size();
            for (int i = 0; i < erased.length; i++) {
                m.params.add(i < missing || missing < 0 ? JType.fromDescriptor(erased[i].getDescriptor()) : b.params.get(i - missing));
            }
            m.returnType = b.returnType;
        } else {
            for (Type t : erased) {
                m.params.add(JType.fromDescriptor(t.getDescriptor()));
            }
            m.returnType = JType.fromDescriptor(Type.getReturnType(descriptor).getDescriptor());
        }
        for (int i = 0; i < erased.length; i++) {
            m.paramNames.add(null);
        }
        if ((info.access & Opcodes.ACC_ENUM) != 0 && name.equals("valueOf")
                && descriptor.equals("(Ljava/lang/String;)L" + info.name + ";")) {
            // the implicit enum method: javac versions differ on recording its parameter name (JLS: name)
            m.paramNames.set(0, "name");
        }
        info.methods.add(m);
        boolean isStatic = (access & Opcodes.ACC_STATIC) != 0;
        return new MethodVisitor(Opcodes.ASM9) {
            private int annotableOffset;
            private final List<Object[]> locals = new ArrayList<>();
            private final List<String> declaredNames = new ArrayList<>();

            @Override
            public void visitParameter(String pname, int paccess) {
                declaredNames.add(pname);
            }

            @Override
            public void visitAnnotableParameterCount(int parameterCount, boolean visible) {
                annotableOffset = Math.max(0, erased.length - parameterCount);
            }

            @Override
            public AnnotationVisitor visitAnnotation(String d, boolean visible) {
                if (d.equals("Ljava/lang/Deprecated;")) {
                    m.deprecated = true;
                }
                mark(m.returnType, Nullness.of(d));
                return null;
            }

            @Override
            public AnnotationVisitor visitParameterAnnotation(int parameter, String d, boolean visible) {
                int i = parameter + annotableOffset;
                if (i < m.params.size()) {
                    mark(m.params.get(i), Nullness.of(d));
                }
                return null;
            }

            @Override
            public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String d, boolean visible) {
                Nullness n = Nullness.of(d);
                if (n == Nullness.UNKNOWN) {
                    return null;
                }
                TypeReference ref = new TypeReference(typeRef);
                switch (ref.getSort()) {
                    case TypeReference.METHOD_RETURN:
                        apply(m.returnType, typePath, n);
                        break;
                    case TypeReference.METHOD_FORMAL_PARAMETER: {
                        int i = ref.getFormalParameterIndex() + annotableOffset;
                        if (i < m.params.size()) {
                            apply(m.params.get(i), typePath, n);
                        }
                        break;
                    }
                    case TypeReference.METHOD_TYPE_PARAMETER_BOUND: {
                        int pi = ref.getTypeParameterIndex();
                        if (pi < m.typeParams.size()) {
                            List<JType> bounds = m.typeParams.get(pi).bounds;
                            int bi = Math.max(0, Math.min(bounds.size() - 1, ref.getTypeParameterBoundIndex() - 1));
                            if (!bounds.isEmpty()) {
                                apply(bounds.get(bi), typePath, n);
                            }
                        }
                        break;
                    }
                    default:
                        break;
                }
                return null;
            }

            private Label first;

            @Override
            public void visitLabel(Label label) {
                if (first == null) {
                    first = label; // ClassReader visits the label at bytecode offset 0 first
                }
            }

            @Override
            public void visitLocalVariable(String lname, String d, String s, Label start, Label end, int index) {
                locals.add(new Object[] {lname, start, index});
            }

            @Override
            public void visitEnd() {
                if (declaredNames.size() == erased.length) {
                    for (int i = 0; i < erased.length; i++) {
                        if (declaredNames.get(i) != null) { // MethodParameters may omit names (mandated params)
                            m.paramNames.set(i, declaredNames.get(i));
                        }
                    }
                    return;
                }
                if (locals.isEmpty()) {
                    return;
                }
                Map<Integer, String> bySlot = new HashMap<>();
                for (Object[] l : locals) {
                    if (l[1] == first) {
                        bySlot.putIfAbsent((Integer) l[2], (String) l[0]);
                    }
                }
                int slot = isStatic ? 0 : 1;
                for (int i = 0; i < erased.length; i++) {
                    String n = bySlot.get(slot);
                    if (n != null && !n.startsWith("this$")) {
                        m.paramNames.set(i, n);
                    }
                    slot += erased[i].getSize();
                }
            }
        };
    }

    /** A declaration annotation: applies to the type use at top level (for arrays, the JSR-305 reading: the array). */
    private static void mark(JType type, Nullness n) {
        if (type != null && n != Nullness.UNKNOWN && type.nullness == Nullness.UNKNOWN) {
            type.nullness = n;
        }
    }

    /** A type annotation at a type path: walks arrays, type arguments and wildcard bounds. */
    static void apply(JType type, TypePath path, Nullness n) {
        if (type == null || n == Nullness.UNKNOWN) {
            return;
        }
        JType t = type;
        if (path != null) {
            for (int i = 0; i < path.getLength() && t != null; i++) {
                switch (path.getStep(i)) {
                    case TypePath.ARRAY_ELEMENT:
                        t = t instanceof JType.ArrayOf ? ((JType.ArrayOf) t).component : null;
                        break;
                    case TypePath.TYPE_ARGUMENT: {
                        int a = path.getStepArgument(i);
                        t = t instanceof JType.ClassRef && a < ((JType.ClassRef) t).args.size()
                                ? ((JType.ClassRef) t).args.get(a) : null;
                        break;
                    }
                    case TypePath.WILDCARD_BOUND:
                        t = t instanceof JType.Wildcard ? ((JType.Wildcard) t).bound : null;
                        break;
                    default: // INNER_TYPE: nested types are one ClassRef here
                        break;
                }
            }
        }
        if (t != null) {
            t.nullness = n;
        }
    }
}
