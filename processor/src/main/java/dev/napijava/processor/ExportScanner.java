package dev.napijava.processor;

import dev.napijava.JSExport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;

/**
 * The rules of {@code @JSExport}: which types and members a compilation exports, under which JS
 * names, and what cannot be exported (an {@link ExportProblem} on the element, naming reason and fix).
 */
final class ExportScanner {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
    /** Words an ES module cannot export or a class cannot define as members. */
    private static final Set<String> RESERVED_WORDS = Set.of("break", "case", "catch", "class", "const", "continue",
            "debugger", "default", "delete", "do", "else", "enum", "export", "extends", "false", "finally", "for",
            "function", "if", "import", "in", "instanceof", "new", "null", "return", "super", "switch", "this",
            "throw", "true", "try", "typeof", "var", "void", "while", "with", "yield", "let", "static", "await");
    private static final Set<String> RESERVED_INSTANCE = Set.of("constructor", "__proto__", "then");
    private static final Set<String> RESERVED_STATIC = Set.of("prototype", "caller", "arguments", "name", "length");

    private final Elements elements;
    private final Messager messager;
    private final boolean moduleBeanProperties;
    final ModuleModel model = new ModuleModel();
    boolean failed;

    ExportScanner(Elements elements, Messager messager, boolean moduleBeanProperties) {
        this.elements = elements;
        this.messager = messager;
        this.moduleBeanProperties = moduleBeanProperties;
    }

    void report(ExportProblem problem, Element on, Object... args) {
        failed |= problem.error;
        messager.printMessage(problem.error ? Diagnostic.Kind.ERROR : Diagnostic.Kind.WARNING, problem.message(args), on);
    }

    /** All annotated elements of the compilation (every round's). */
    void scan(List<Element> annotated) {
        List<Element> members = new ArrayList<>();
        for (Element e : annotated) {
            if (e instanceof TypeElement) {
                exportType((TypeElement) e);
            } else {
                members.add(e);
            }
        }
        for (ModuleModel.Type t : model.types) {
            collectMembers(t);
        }
        for (Element e : members) {
            TypeElement owner = (TypeElement) e.getEnclosingElement();
            if (model.type(owner) != null) {
                continue; // selected a member of an exported type (collectMembers took it)
            }
            if (e.getKind() == ElementKind.METHOD && e.getModifiers().contains(Modifier.STATIC)) {
                exportFunction(owner, (ExecutableElement) e);
            } else {
                report(ExportProblem.MISPLACED, e, describe(e), "its type " + owner.getSimpleName()
                        + " is not exported (add @JSExport to " + owner.getSimpleName()
                        + "; only static methods are exported alone, as module-level functions)");
            }
        }
        checkModuleNames();
        for (ModuleModel.Type t : model.types) {
            checkSignatures(t);
        }
        for (ModuleModel.Functions f : model.functions) {
            for (ModuleModel.Method m : f.functions) {
                checkSignature(m.element());
            }
        }
    }

    private void exportType(TypeElement type) {
        JSExport a = type.getAnnotation(JSExport.class);
        ModuleModel.Kind kind;
        switch (type.getKind()) {
            case CLASS: kind = ModuleModel.Kind.CLASS; break;
            case RECORD: kind = ModuleModel.Kind.RECORD; break;
            case ENUM: kind = ModuleModel.Kind.ENUM; break;
            case INTERFACE: kind = ModuleModel.Kind.INTERFACE; break;
            default:
                report(ExportProblem.MISPLACED, type, describe(type), "annotation types cannot cross to JS");
                return;
        }
        if (!reachable(type)) {
            report(ExportProblem.NOT_PUBLIC, type, describe(type));
            return;
        }
        if (type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC)
                && kind == ModuleModel.Kind.CLASS) {
            report(ExportProblem.MISPLACED, type, describe(type), "an inner (non-static) class needs an outer instance;"
                    + " make it a static nested class");
            return;
        }
        if (!type.getTypeParameters().isEmpty()) {
            report(ExportProblem.GENERIC, type, describe(type), type.getTypeParameters());
            return;
        }
        String jsName = jsName(a, type.getSimpleName().toString());
        if (checkName(jsName, type, RESERVED_WORDS)) {
            model.types.add(new ModuleModel.Type(type, jsName, kind));
        }
    }

    private void exportFunction(TypeElement holder, ExecutableElement method) {
        if (!method.getModifiers().contains(Modifier.PUBLIC) || !reachable(holder)) {
            report(ExportProblem.NOT_PUBLIC, method, describe(method) + (reachable(holder) ? "" : " (its class " + holder.getSimpleName() + ")"));
            return;
        }
        String jsName = jsName(method.getAnnotation(JSExport.class), method.getSimpleName().toString());
        if (!checkName(jsName, method, RESERVED_WORDS) || !checkGenerics(method)) {
            return;
        }
        ModuleModel.Functions group = null;
        for (ModuleModel.Functions f : model.functions) {
            if (f.holder.equals(holder)) {
                group = f;
            }
        }
        if (group == null) {
            group = new ModuleModel.Functions(holder);
            model.functions.add(group);
        }
        group.functions.add(new ModuleModel.Method(method, jsName, true));
    }

    /** The exported members of an exported type: the tagged ones if any member is tagged, else all public ones. */
    private void collectMembers(ModuleModel.Type t) {
        TypeElement type = t.element;
        if (t.kind == ModuleModel.Kind.RECORD || t.kind == ModuleModel.Kind.INTERFACE) {
            return; // data, and contracts JS implements: no members to project
        }
        boolean selective = false;
        for (Element e : type.getEnclosedElements()) {
            selective |= e.getAnnotation(JSExport.class) != null && !(e instanceof TypeElement);
        }
        if (t.kind == ModuleModel.Kind.ENUM) {
            for (Element e : type.getEnclosedElements()) {
                if (e.getKind() == ElementKind.ENUM_CONSTANT) {
                    t.constants.add(e.getSimpleName().toString());
                }
            }
        }
        for (Element e : selective ? type.getEnclosedElements() : elements.getAllMembers(type)) {
            if (e instanceof TypeElement || e.getKind() == ElementKind.ENUM_CONSTANT
                    || e.getKind() == ElementKind.STATIC_INIT || e.getKind() == ElementKind.INSTANCE_INIT) {
                continue;
            }
            JSExport a = e.getAnnotation(JSExport.class);
            if (selective && a == null) {
                continue;
            }
            if (!e.getModifiers().contains(Modifier.PUBLIC)) {
                if (a != null) {
                    report(ExportProblem.NOT_PUBLIC, e, describe(e));
                }
                continue;
            }
            if (!selective && inheritedFromTheLanguage(e, type)) {
                continue;
            }
            if (elements.getOrigin(e) != Elements.Origin.EXPLICIT && e.getKind() != ElementKind.CONSTRUCTOR) {
                continue; // values()/valueOf() of an enum, a record's implicit members
            }
            String jsName = jsName(a, e.getSimpleName().toString());
            boolean isStatic = e.getModifiers().contains(Modifier.STATIC);
            switch (e.getKind()) {
                case CONSTRUCTOR:
                    if (t.kind == ModuleModel.Kind.CLASS && !type.getModifiers().contains(Modifier.ABSTRACT)
                            && e.getEnclosingElement().equals(type) && checkGenerics((ExecutableElement) e)) {
                        t.constructors.add((ExecutableElement) e);
                    }
                    break;
                case METHOD:
                    if (checkName(jsName, e, isStatic ? RESERVED_STATIC : RESERVED_INSTANCE)
                            && checkGenerics((ExecutableElement) e)) {
                        t.methods.add(new ModuleModel.Method((ExecutableElement) e, jsName, isStatic));
                    }
                    break;
                case FIELD:
                    if (checkName(jsName, e, isStatic ? RESERVED_STATIC : RESERVED_INSTANCE)) {
                        t.fields.add(new ModuleModel.Field((VariableElement) e, jsName, isStatic,
                                e.getModifiers().contains(Modifier.FINAL)));
                    }
                    break;
                default:
                    break;
            }
        }
        if (t.kind == ModuleModel.Kind.ENUM && !selective) {
            addEnumBasics(t);
        }
        addToString(t);
        JSExport a = type.getAnnotation(JSExport.class);
        if (t.kind == ModuleModel.Kind.CLASS && (moduleBeanProperties || a != null && a.beanProperties())) {
            beanProperties(t);
        }
        checkMemberNames(t);
    }

    /** Members every object or enum has, which the exported API leaves out (toJSON and toString are JS's). */
    private boolean inheritedFromTheLanguage(Element e, TypeElement type) {
        String owner = ((TypeElement) e.getEnclosingElement()).getQualifiedName().toString();
        return owner.equals("java.lang.Object") || owner.equals("java.lang.Enum") || owner.equals("java.lang.Record")
                || owner.equals("java.lang.Comparable") || owner.equals("java.lang.constant.Constable");
    }

    /** toString() (the class's own or Object's): how JS prints and concatenates the object. */
    private void addToString(ModuleModel.Type t) {
        for (ModuleModel.Method m : t.methods) {
            if (m.jsName().equals("toString") || m.element().getSimpleName().contentEquals("toString") && m.element().getParameters().isEmpty()) {
                return;
            }
        }
        for (Element e : elements.getAllMembers(t.element)) {
            if (e.getKind() == ElementKind.METHOD && e.getSimpleName().contentEquals("toString")
                    && ((ExecutableElement) e).getParameters().isEmpty()) {
                t.methods.add(new ModuleModel.Method((ExecutableElement) e, "toString", false));
                return;
            }
        }
    }

    /** An enum's name() and ordinal(): Java's identity of a constant, useful in JS too. */
    private void addEnumBasics(ModuleModel.Type t) {
        TypeElement enumType = elements.getTypeElement("java.lang.Enum");
        for (Element e : enumType.getEnclosedElements()) {
            String n = e.getSimpleName().toString();
            if (e.getKind() == ElementKind.METHOD && (n.equals("name") || n.equals("ordinal"))) {
                t.methods.add(new ModuleModel.Method((ExecutableElement) e, n, false));
            }
        }
    }

    /** getX()/isX() with a matching setX(v): JS accessors; the methods leave the API. */
    private void beanProperties(ModuleModel.Type t) {
        Map<String, ModuleModel.Method> getters = new LinkedHashMap<>();
        Map<String, ModuleModel.Method> setters = new HashMap<>();
        for (ModuleModel.Method m : t.methods) {
            if (m.isStatic()) {
                continue;
            }
            String n = m.element().getSimpleName().toString();
            int params = m.element().getParameters().size();
            TypeMirror ret = m.element().getReturnType();
            if (params == 0 && n.startsWith("get") && n.length() > 3 && ret.getKind() != TypeKind.VOID) {
                getters.put(propertyName(n.substring(3)), m);
            } else if (params == 0 && n.startsWith("is") && n.length() > 2 && ret.getKind() == TypeKind.BOOLEAN) {
                getters.put(propertyName(n.substring(2)), m);
            } else if (params == 1 && n.startsWith("set") && n.length() > 3 && ret.getKind() == TypeKind.VOID) {
                setters.put(propertyName(n.substring(3)), m);
            }
        }
        for (Map.Entry<String, ModuleModel.Method> g : getters.entrySet()) {
            ModuleModel.Method getter = g.getValue();
            ModuleModel.Method setter = setters.get(g.getKey());
            if (setter != null && !setter.element().getParameters().get(0).asType().toString()
                    .equals(getter.element().getReturnType().toString())) {
                setter = null; // a setter of another type is a method of its own
            }
            boolean overloaded = false;
            for (ModuleModel.Method m : t.methods) {
                overloaded |= m != getter && m != setter && m.jsName().equals(getter.jsName());
            }
            if (overloaded) {
                continue; // getX(int) beside getX(): keep the methods
            }
            t.methods.remove(getter);
            if (setter != null) {
                t.methods.remove(setter);
            }
            t.properties.add(new ModuleModel.Property(g.getKey(), getter.element(), setter == null ? null : setter.element()));
        }
    }

    /** java.beans.Introspector.decapitalize: "Name" -> "name", "URL" -> "URL". */
    static String propertyName(String s) {
        if (s.length() > 1 && Character.isUpperCase(s.charAt(0)) && Character.isUpperCase(s.charAt(1))) {
            return s;
        }
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private void checkMemberNames(ModuleModel.Type t) {
        for (boolean statics : new boolean[] {true, false}) {
            Map<String, Element> taken = new HashMap<>();
            Map<String, String> javaNames = new HashMap<>();
            for (ModuleModel.Method m : t.methods) {
                if (m.isStatic() != statics) {
                    continue;
                }
                String javaName = m.element().getSimpleName().toString();
                String before = javaNames.putIfAbsent(m.jsName(), javaName);
                if (before != null && !before.equals(javaName)) {
                    report(ExportProblem.NAME_CLASH, m.element(), m.jsName(), describe(taken.get(m.jsName())), describe(m.element()));
                }
                taken.putIfAbsent(m.jsName(), m.element());
            }
            for (ModuleModel.Field f : t.fields) {
                if (f.isStatic() == statics) {
                    claim(taken, f.jsName(), f.element());
                }
            }
            if (!statics) {
                for (ModuleModel.Property p : t.properties) {
                    claim(taken, p.jsName(), p.getter());
                }
            }
        }
    }

    private void checkModuleNames() {
        Map<String, Element> taken = new HashMap<>();
        for (ModuleModel.Type t : model.types) {
            claim(taken, t.jsName, t.element);
        }
        for (ModuleModel.Functions f : model.functions) {
            Map<String, String> javaNames = new HashMap<>();
            for (ModuleModel.Method m : f.functions) {
                String javaName = m.element().getSimpleName().toString();
                if (javaName.equals(javaNames.putIfAbsent(m.jsName(), javaName))) {
                    continue; // an overload of the same function
                }
                claim(taken, m.jsName(), m.element());
            }
        }
    }

    private void claim(Map<String, Element> taken, String jsName, Element e) {
        Element before = taken.putIfAbsent(jsName, e);
        if (before != null) {
            report(ExportProblem.NAME_CLASH, e, jsName, describe(before), describe(e));
        }
    }

    private boolean checkName(String jsName, Element on, Set<String> reserved) {
        if (!IDENTIFIER.matcher(jsName).matches()) {
            report(ExportProblem.BAD_NAME, on, jsName, describe(on), "not an identifier");
            return false;
        }
        if (reserved.contains(jsName) || RESERVED_WORDS.contains(jsName) && reserved == RESERVED_WORDS) {
            report(ExportProblem.BAD_NAME, on, jsName, describe(on), "JS reserves it");
            return false;
        }
        return true;
    }

    private boolean checkGenerics(ExecutableElement e) {
        if (e.getTypeParameters().isEmpty()) {
            return true;
        }
        report(ExportProblem.GENERIC, e, describe(e), e.getTypeParameters());
        return false;
    }

    private void checkSignatures(ModuleModel.Type t) {
        if (t.kind == ModuleModel.Kind.RECORD) {
            for (RecordComponentElement c : t.element.getRecordComponents()) {
                checkType(c.asType(), c, "component " + c.getSimpleName() + " of " + t.element.getSimpleName());
            }
        }
        for (ExecutableElement c : t.constructors) {
            checkSignature(c);
        }
        for (ModuleModel.Method m : t.methods) {
            checkSignature(m.element());
        }
        for (ModuleModel.Field f : t.fields) {
            checkType(f.element().asType(), f.element(), describe(f.element()));
        }
        for (ModuleModel.Property p : t.properties) {
            checkSignature(p.getter());
        }
    }

    private void checkSignature(ExecutableElement e) {
        String what = describe(e);
        checkType(e.getReturnType(), e, what);
        for (VariableElement p : e.getParameters()) {
            checkType(p.asType(), e, what);
        }
    }

    /** Public all the way out, and a type JS can be given: exported, the JDK's, or (a warning) opaque. */
    private void checkType(TypeMirror type, Element on, String what) {
        if (type instanceof ArrayType) {
            checkType(((ArrayType) type).getComponentType(), on, what);
        } else if (type instanceof WildcardType) {
            TypeMirror bound = ((WildcardType) type).getExtendsBound();
            if (bound != null) {
                checkType(bound, on, what);
            }
        } else if (type.getKind() == TypeKind.TYPEVAR) {
            report(ExportProblem.GENERIC, on, what, type);
        } else if (type instanceof DeclaredType) {
            TypeElement te = (TypeElement) ((DeclaredType) type).asElement();
            if (!reachable(te)) {
                report(ExportProblem.HIDDEN_TYPE, on, what, te.getQualifiedName(), te.getSimpleName());
                return;
            }
            for (TypeMirror arg : ((DeclaredType) type).getTypeArguments()) {
                checkType(arg, on, what);
            }
            if (model.type(te) == null && ModuleTypes.jdkClass(elements, te) == null) {
                report(ExportProblem.NOT_EXPORTED_TYPE, on, what, te.getQualifiedName());
            }
        }
    }

    /** Public, as are all its enclosing types. */
    private static boolean reachable(TypeElement type) {
        for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
            if (!e.getModifiers().contains(Modifier.PUBLIC)) {
                return false;
            }
        }
        return true;
    }

    private static String jsName(JSExport a, String javaName) {
        return a == null || a.value().isEmpty() ? javaName : a.value();
    }

    static String describe(Element e) {
        if (e instanceof TypeElement) {
            return ((TypeElement) e).getQualifiedName().toString();
        }
        String owner = e.getEnclosingElement().getSimpleName().toString();
        if (e instanceof ExecutableElement) {
            StringBuilder sig = new StringBuilder();
            for (VariableElement p : ((ExecutableElement) e).getParameters()) {
                sig.append(sig.length() == 0 ? "" : ", ").append(p.asType());
            }
            String name = e.getKind() == ElementKind.CONSTRUCTOR ? "new " + owner : owner + "." + e.getSimpleName();
            return name + "(" + sig + ")";
        }
        return owner + "." + e.getSimpleName();
    }
}
