package dev.napijava.analyzer;

import java.util.List;
import java.util.function.Consumer;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.signature.SignatureReader;
import org.objectweb.asm.signature.SignatureVisitor;

/** Parses generic signatures (the Signature attribute) into {@link JType}s with ASM's SignatureReader. */
final class SignatureTypes {
    private SignatureTypes() {
    }

    /** Builds one type and hands it to the sink at its end. */
    static final class TypeBuilder extends SignatureVisitor {
        private final Consumer<JType> sink;
        private JType.ClassRef current;

        TypeBuilder(Consumer<JType> sink) {
            super(Opcodes.ASM9);
            this.sink = sink;
        }

        @Override
        public void visitBaseType(char descriptor) {
            sink.accept(new JType.Prim(descriptor));
        }

        @Override
        public void visitTypeVariable(String name) {
            sink.accept(new JType.TypeVar(name));
        }

        @Override
        public SignatureVisitor visitArrayType() {
            return new TypeBuilder(t -> sink.accept(new JType.ArrayOf(t)));
        }

        @Override
        public void visitClassType(String name) {
            current = new JType.ClassRef(name, null);
        }

        @Override
        public void visitInnerClassType(String name) {
            current = new JType.ClassRef(current.name + "$" + name, current);
        }

        @Override
        public void visitTypeArgument() {
            current.args.add(new JType.Wildcard('*', null));
        }

        @Override
        public SignatureVisitor visitTypeArgument(char wildcard) {
            JType.ClassRef target = current;
            return new TypeBuilder(t -> target.args.add(wildcard == SignatureVisitor.INSTANCEOF ? t
                    : new JType.Wildcard(wildcard, t)));
        }

        @Override
        public void visitEnd() {
            sink.accept(current);
        }
    }

    /** Collects formal type parameters and the parts of a class or method signature. */
    static final class DeclBuilder extends SignatureVisitor {
        final List<TypeParam> typeParams;
        private TypeParam currentParam;
        final java.util.ArrayList<JType> params = new java.util.ArrayList<>();
        final java.util.ArrayList<JType.ClassRef> interfaces = new java.util.ArrayList<>();
        JType returnType;
        JType.ClassRef superType;

        DeclBuilder(List<TypeParam> typeParams) {
            super(Opcodes.ASM9);
            this.typeParams = typeParams;
        }

        @Override
        public void visitFormalTypeParameter(String name) {
            currentParam = new TypeParam(name);
            typeParams.add(currentParam);
        }

        @Override
        public SignatureVisitor visitClassBound() {
            TypeParam p = currentParam;
            return new TypeBuilder(p.bounds::add);
        }

        @Override
        public SignatureVisitor visitInterfaceBound() {
            TypeParam p = currentParam;
            return new TypeBuilder(p.bounds::add);
        }

        @Override
        public SignatureVisitor visitSuperclass() {
            return new TypeBuilder(t -> superType = (JType.ClassRef) t);
        }

        @Override
        public SignatureVisitor visitInterface() {
            return new TypeBuilder(t -> interfaces.add((JType.ClassRef) t));
        }

        @Override
        public SignatureVisitor visitParameterType() {
            return new TypeBuilder(params::add);
        }

        @Override
        public SignatureVisitor visitReturnType() {
            return new TypeBuilder(t -> returnType = t);
        }

        @Override
        public SignatureVisitor visitExceptionType() {
            return new TypeBuilder(t -> { });
        }
    }

    static DeclBuilder parse(String signature, List<TypeParam> typeParams) {
        DeclBuilder b = new DeclBuilder(typeParams);
        new SignatureReader(signature).accept(b);
        return b;
    }

    static JType parseType(String signature) {
        JType[] out = new JType[1];
        new SignatureReader(signature).acceptType(new TypeBuilder(t -> out[0] = t));
        return out[0];
    }
}
