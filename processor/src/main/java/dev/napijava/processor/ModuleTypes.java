package dev.napijava.processor;

import dev.napijava.bridge.TsTypes;
import dev.napijava.bridge.TypeCode;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;

/**
 * Java types of an exported signature in TypeScript, through the runtime's own tables (the
 * {@link TypeCode} of a JDK type and its {@link TsTypes} spelling): what the bridge accepts
 * ({@code in}) or produces. Exported types by their JS names; records as plain objects, enums also
 * by their constants' names, functional interfaces also as JS functions; other Java objects as the
 * module's {@code JavaObject} family of interfaces.
 */
final class ModuleTypes {
    private final Elements elements;
    private final ModuleModel model;
    /** The helper interfaces a spelling used ({@code JavaObject}, {@code JavaList}...). */
    final Set<String> helpersUsed = new TreeSet<>();

    ModuleTypes(Elements elements, ModuleModel model) {
        this.elements = elements;
        this.model = model;
    }

    /** The JDK class of a type element (a java.* or jdk.* module's), or null for the library's own types. */
    static Class<?> jdkClass(Elements elements, TypeElement type) {
        ModuleElement module = elements.getModuleOf(type);
        String name = module == null || module.isUnnamed() ? "" : module.getQualifiedName().toString();
        if (!name.startsWith("java.") && !name.startsWith("jdk.")) {
            return null;
        }
        try {
            return Class.forName(elements.getBinaryName(type).toString(), false, ClassLoader.getPlatformClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    /** A parameter's or result's TS type, {@code | null} when it is annotated nullable. */
    String of(TypeMirror type, boolean in, Element annotated) {
        String ts = of(type, in);
        return nullable(annotated) || nullable(type) ? union(ts, "null") : ts;
    }

    String of(TypeMirror type, boolean in) {
        TsTypes.Direction dir = in ? TsTypes.Direction.TO_JAVA : TsTypes.Direction.FROM_JAVA;
        switch (type.getKind()) {
            case VOID:
                return "void";
            case BOOLEAN: case BYTE: case SHORT: case INT: case LONG: case CHAR: case FLOAT: case DOUBLE:
                return TsTypes.of(TypeCode.of(primitive((PrimitiveType) type)), dir);
            case ARRAY: {
                TypeMirror component = ((ArrayType) type).getComponentType();
                if (component.getKind().isPrimitive()) {
                    return TsTypes.of(TypeCode.of(java.lang.reflect.Array.newInstance(primitive((PrimitiveType) component), 0).getClass()), dir);
                }
                String element = of(component, in);
                return (in ? "readonly " : "") + (element.contains(" ") ? "(" + element + ")" : element) + "[]";
            }
            case WILDCARD: {
                TypeMirror bound = ((WildcardType) type).getExtendsBound();
                return bound == null ? "unknown" : of(bound, in);
            }
            case DECLARED:
                return declared((DeclaredType) type, in, dir);
            default:
                return "unknown";
        }
    }

    private String declared(DeclaredType type, boolean in, TsTypes.Direction dir) {
        TypeElement te = (TypeElement) type.asElement();
        ModuleModel.Type exported = model.type(te);
        if (exported != null) {
            return exportedType(exported, in);
        }
        Class<?> cls = jdkClass(elements, te);
        if (cls == null) {
            return helper("JavaObject");
        }
        if (cls == Object.class) {
            return "unknown";
        }
        TypeCode code = TypeCode.of(cls);
        List<? extends TypeMirror> args = type.getTypeArguments();
        String spelled = TsTypes.converted(code, dir);
        if (spelled == null) {
            spelled = TsTypes.of(code, dir);
        }
        if (spelled == null) {
            switch (code.name()) { // classes the bridge hands out as Java objects with JS behaviour by trait
                case "LIST": return helper("JavaList") + "<" + element(args, 0) + ">";
                case "SET": return helper("JavaCollection") + "<" + element(args, 0) + ">";
                case "MAP": return helper("JavaMap") + "<" + element(args, 0) + ", " + element(args, 1) + ">";
                default: return helper("JavaObject");
            }
        }
        if (spelled.contains("$J")) {
            spelled = spelled.replace(" | $J", "").replace("$J", helper("JavaObject"));
        }
        if (spelled.contains("import('stream')")) {
            spelled = spelled.replace("import('stream').Readable", "import('node-api-java/lib/node-types').NodeReadable")
                    .replace("import('stream').Writable", "import('node-api-java/lib/node-types').NodeWritable");
        }
        // a future's value as a result's (an exported record by value: the entry converts it)
        return spelled.replace("$T", args.isEmpty() ? "unknown" : of(args.get(0), false))
                .replace("$E", args.isEmpty() ? "unknown" : of(args.get(0), in))
                .replace("$K", args.isEmpty() ? "unknown" : of(args.get(0), in))
                .replace("$V", args.size() < 2 ? "unknown" : of(args.get(1), in));
    }

    /** An element of a Java collection handed to JS: converted by its run-time class. */
    private String element(List<? extends TypeMirror> args, int i) {
        if (args.size() <= i) {
            return "unknown";
        }
        TypeMirror t = args.get(i);
        if (t instanceof DeclaredType) {
            ModuleModel.Type exported = model.type((TypeElement) ((DeclaredType) t).asElement());
            if (exported != null && exported.kind == ModuleModel.Kind.RECORD) {
                return helper("JavaObject"); // a record inside a collection stays a Java object (jvm.toJS converts it)
            }
        }
        return of(t, false);
    }

    private String exportedType(ModuleModel.Type t, boolean in) {
        switch (t.kind) {
            case ENUM: {
                if (!in) {
                    return t.jsName;
                }
                StringBuilder names = new StringBuilder(t.jsName);
                for (String c : t.constants) {
                    names.append(" | '").append(c).append("'");
                }
                return names.toString();
            }
            case INTERFACE: {
                ExecutableElement sam = in ? singleAbstractMethod(t.element) : null;
                return sam == null ? t.jsName : t.jsName + " | (" + functionType(sam) + ")";
            }
            default:
                return t.jsName;
        }
    }

    /** The JS function type of a functional interface's method (what a JS callback receives and returns). */
    String functionType(ExecutableElement sam) {
        StringBuilder out = new StringBuilder("(");
        for (VariableElement p : sam.getParameters()) {
            out.append(out.length() == 1 ? "" : ", ").append(p.getSimpleName()).append(": ").append(of(p.asType(), false));
        }
        return out.append(") => ").append(callbackResult(sam.getReturnType())).toString();
    }

    String callbackResult(TypeMirror t) {
        return t.getKind() == TypeKind.VOID ? "void" : of(t, true);
    }

    /** The one abstract method of an interface (its own and inherited), or null. */
    ExecutableElement singleAbstractMethod(TypeElement iface) {
        ExecutableElement found = null;
        for (Element e : elements.getAllMembers(iface)) {
            if (e.getKind() == ElementKind.METHOD && e.getModifiers().contains(javax.lang.model.element.Modifier.ABSTRACT)
                    && !((TypeElement) e.getEnclosingElement()).getQualifiedName().contentEquals("java.lang.Object")) {
                if (found != null) {
                    return null;
                }
                found = (ExecutableElement) e;
            }
        }
        return found;
    }

    private String helper(String name) {
        helpersUsed.add(name);
        if (!name.equals("JavaObject")) {
            helpersUsed.add("JavaObject");
        }
        if (name.equals("JavaList") || name.equals("JavaMap")) {
            helpersUsed.add("JavaCollection");
        }
        return name;
    }

    private static Class<?> primitive(PrimitiveType t) {
        switch (t.getKind()) {
            case BOOLEAN: return boolean.class;
            case BYTE: return byte.class;
            case SHORT: return short.class;
            case INT: return int.class;
            case LONG: return long.class;
            case CHAR: return char.class;
            case FLOAT: return float.class;
            default: return double.class;
        }
    }

    private static String union(String ts, String more) {
        return ts.equals("unknown") ? ts : ts + " | " + more;
    }

    /** Any annotation named Nullable (JSpecify, JSR 305, Checker, Jakarta...) on the element or the type use. */
    private static boolean nullable(Element e) {
        return e != null && hasNullable(e.getAnnotationMirrors());
    }

    private static boolean nullable(TypeMirror t) {
        return hasNullable(t.getAnnotationMirrors());
    }

    private static boolean hasNullable(List<? extends AnnotationMirror> annotations) {
        for (AnnotationMirror a : annotations) {
            if (a.getAnnotationType().asElement().getSimpleName().contentEquals("Nullable")) {
                return true;
            }
        }
        return false;
    }
}
