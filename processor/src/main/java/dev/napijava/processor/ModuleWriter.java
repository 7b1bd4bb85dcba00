package dev.napijava.processor;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The processor's outputs, from a {@link ModuleModel}: the glue (Java source of a {@code GlueIndex}
 * naming each exported member exactly, under its JS name), the module's {@code .d.ts}, its descriptor
 * ({@code napi-java-module.json}: what the JS entry exports and how) and the JS entry. The text
 * formats are the top-level templates ({@code templates/module-*.mustache}).
 */
final class ModuleWriter {
    static final String GLUE_CLASS = "JSExportGlue";
    private static final java.util.regex.Pattern CODE_TAG = java.util.regex.Pattern.compile("\\{@(?:code|literal) ([^}]*)\\}");
    private final Elements elements;
    private final Types types;
    private final ModuleModel model;
    private final ModuleTypes ts;
    private final String gluePackage;

    ModuleWriter(Elements elements, Types types, ModuleModel model, String gluePackage) {
        this.elements = elements;
        this.types = types;
        this.model = model;
        this.ts = new ModuleTypes(elements, model);
        this.gluePackage = gluePackage;
    }

    String glueClassName() {
        return gluePackage.isEmpty() ? GLUE_CLASS : gluePackage + "." + GLUE_CLASS;
    }

    // ---- the glue ----

    String glueSource() {
        List<Map<String, Object>> classes = new ArrayList<>();
        for (ModuleModel.Type t : model.types) {
            if (t.kind == ModuleModel.Kind.CLASS || t.kind == ModuleModel.Kind.ENUM) {
                List<ModuleModel.Method> methods = new ArrayList<>(t.methods);
                for (ModuleModel.Property p : t.properties) { // projected under their Java names; the entry makes them accessors
                    methods.add(new ModuleModel.Method(p.getter(), p.getter().getSimpleName().toString(), false));
                    if (p.setter() != null) {
                        methods.add(new ModuleModel.Method(p.setter(), p.setter().getSimpleName().toString(), false));
                    }
                }
                List<ModuleModel.Field> fields = new ArrayList<>(t.fields);
                for (javax.lang.model.element.Element e : t.element.getEnclosedElements()) {
                    if (e.getKind() == javax.lang.model.element.ElementKind.ENUM_CONSTANT) { // the constants JS reads
                        fields.add(new ModuleModel.Field((VariableElement) e, e.getSimpleName().toString(), true, true));
                    }
                }
                classes.add(glueClass(t.element, t.constructors, methods, fields));
            }
        }
        for (ModuleModel.Functions f : model.functions) {
            classes.add(glueClass(f.holder, List.of(), f.functions, List.of()));
        }
        for (int i = 0; i < classes.size(); i++) {
            classes.get(i).put("index", i);
        }
        Map<String, Object> scope = new HashMap<>();
        scope.put("package", gluePackage);
        scope.put("hasPackage", !gluePackage.isEmpty());
        scope.put("className", GLUE_CLASS);
        scope.put("classes", classes);
        return render("module-glue.java.mustache", scope);
    }

    private Map<String, Object> glueClass(TypeElement type, List<ExecutableElement> ctors, List<ModuleModel.Method> methods,
            List<ModuleModel.Field> fields) {
        Map<String, Object> c = new HashMap<>();
        c.put("binaryName", elements.getBinaryName(type).toString());
        c.put("literal", type.getQualifiedName() + ".class");
        List<String> ctorLookups = new ArrayList<>();
        for (ExecutableElement e : ctors) {
            ctorLookups.add("t.getDeclaredConstructor(" + parameterLiterals(e) + ")");
        }
        List<String> methodLookups = new ArrayList<>();
        List<String> methodNames = new ArrayList<>();
        for (ModuleModel.Method m : methods) {
            String params = parameterLiterals(m.element());
            methodLookups.add(lookup(m.element(), "\"" + m.element().getSimpleName() + "\"" + (params.isEmpty() ? "" : ", " + params)));
            methodNames.add(javaString(m.jsName()));
        }
        List<String> fieldLookups = new ArrayList<>();
        List<String> fieldNames = new ArrayList<>();
        for (ModuleModel.Field f : fields) {
            fieldLookups.add(lookup(f.element(), "\"" + f.element().getSimpleName() + "\""));
            fieldNames.add(javaString(f.jsName()));
        }
        c.put("constructors", String.join(", ", ctorLookups));
        c.put("methods", String.join(",\n                    ", methodLookups));
        c.put("methodNames", String.join(", ", methodNames));
        c.put("fields", String.join(", ", fieldLookups));
        c.put("fieldNames", String.join(", ", fieldNames));
        return c;
    }

    /**
     * The exact look-up of a member: on its declaring class with getDeclaredMethod/getDeclaredField (a search of
     * that class's own members; getMethod would walk the whole hierarchy at every call), or, when no literal can
     * name the declarer from the glue's package (it is not public), getMethod/getField on the exported class.
     */
    private static String lookup(javax.lang.model.element.Element member, String args) {
        TypeElement declarer = (TypeElement) member.getEnclosingElement();
        boolean field = member.getKind() == javax.lang.model.element.ElementKind.FIELD
                || member.getKind() == javax.lang.model.element.ElementKind.ENUM_CONSTANT;
        for (javax.lang.model.element.Element e = declarer; e instanceof TypeElement; e = e.getEnclosingElement()) {
            if (!e.getModifiers().contains(javax.lang.model.element.Modifier.PUBLIC)) {
                return "t." + (field ? "getField(" : "getMethod(") + args + ")";
            }
        }
        return declarer.getQualifiedName() + ".class." + (field ? "getDeclaredField(" : "getDeclaredMethod(") + args + ")";
    }

    private String parameterLiterals(ExecutableElement e) {
        List<String> out = new ArrayList<>();
        for (VariableElement p : e.getParameters()) {
            out.add(types.erasure(p.asType()).toString() + ".class");
        }
        return String.join(", ", out);
    }

    private static String javaString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    // ---- the descriptor the JS entry reads ----

    String descriptor() {
        StringBuilder out = new StringBuilder("{\n  \"format\": 1,\n  \"glue\": " + json(glueClassName()) + ",\n  \"exports\": [");
        boolean first = true;
        for (ModuleModel.Type t : model.types) {
            if (t.kind == ModuleModel.Kind.RECORD || t.kind == ModuleModel.Kind.INTERFACE) {
                continue; // types only: a record is a plain object, an interface what JS implements
            }
            out.append(first ? "\n" : ",\n").append("    { \"kind\": ").append(json(t.kind == ModuleModel.Kind.ENUM ? "enum" : "class"))
                    .append(", \"js\": ").append(json(t.jsName)).append(", \"java\": ").append(json(binary(t.element)));
            first = false;
            if (!t.constants.isEmpty()) {
                out.append(", \"constants\": ").append(jsonList(t.constants));
            }
            if (!t.properties.isEmpty()) {
                out.append(", \"properties\": [");
                for (int i = 0; i < t.properties.size(); i++) {
                    ModuleModel.Property p = t.properties.get(i);
                    out.append(i == 0 ? "" : ", ").append("{ \"js\": ").append(json(p.jsName())).append(", \"get\": ")
                            .append(json(p.getter().getSimpleName().toString()));
                    if (p.setter() != null) {
                        out.append(", \"set\": ").append(json(p.setter().getSimpleName().toString()));
                    }
                    out.append(" }");
                }
                out.append("]");
            }
            appendResults(out, "results", t.methods, false, t.properties);
            appendResults(out, "staticResults", t.methods, true, List.of());
            out.append(" }");
        }
        for (ModuleModel.Functions f : model.functions) {
            Map<String, String> seen = new LinkedHashMap<>();
            for (ModuleModel.Method m : f.functions) {
                String conversion = byValue(m.element().getReturnType());
                seen.merge(m.jsName(), conversion == null ? "" : conversion, (a, b) -> a.isEmpty() ? b : a);
            }
            for (Map.Entry<String, String> e : seen.entrySet()) {
                out.append(first ? "\n" : ",\n").append("    { \"kind\": \"function\", \"js\": ").append(json(e.getKey()))
                        .append(", \"java\": ").append(json(binary(f.holder)));
                first = false;
                if (!e.getValue().isEmpty()) {
                    out.append(", \"result\": ").append(json(e.getValue()));
                }
                out.append(" }");
            }
        }
        return out.append("\n  ]\n}\n").toString();
    }

    /** Members whose result crosses by value: "record" (a plain object), "futureRecord" (a Promise of one). */
    private void appendResults(StringBuilder out, String key, List<ModuleModel.Method> methods, boolean statics,
            List<ModuleModel.Property> properties) {
        Map<String, String> results = new LinkedHashMap<>();
        for (ModuleModel.Method m : methods) {
            String conversion = m.isStatic() == statics ? byValue(m.element().getReturnType()) : null;
            if (conversion != null) {
                results.put(m.jsName(), conversion);
            }
        }
        for (ModuleModel.Property p : properties) {
            String conversion = byValue(p.getter().getReturnType());
            if (conversion != null) {
                results.put(p.jsName(), conversion);
            }
        }
        if (!results.isEmpty()) {
            out.append(", \"").append(key).append("\": {");
            boolean first = true;
            for (Map.Entry<String, String> e : results.entrySet()) {
                out.append(first ? " " : ", ").append(json(e.getKey())).append(": ").append(json(e.getValue()));
                first = false;
            }
            out.append(" }");
        }
    }

    private String byValue(TypeMirror t) {
        if (isRecord(t)) {
            return "record";
        }
        if (t instanceof DeclaredType && !((DeclaredType) t).getTypeArguments().isEmpty()) {
            String name = ((TypeElement) ((DeclaredType) t).asElement()).getQualifiedName().toString();
            if ((name.equals("java.util.concurrent.CompletableFuture") || name.equals("java.util.concurrent.CompletionStage"))
                    && isRecord(((DeclaredType) t).getTypeArguments().get(0))) {
                return "futureRecord";
            }
        }
        return null;
    }

    private static boolean isRecord(TypeMirror t) {
        return t instanceof DeclaredType && ((DeclaredType) t).asElement().getKind() == javax.lang.model.element.ElementKind.RECORD;
    }

    private String binary(TypeElement t) {
        return elements.getBinaryName(t).toString();
    }

    static String json(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static String jsonList(List<String> items) {
        List<String> quoted = new ArrayList<>();
        for (String s : items) {
            quoted.add(json(s));
        }
        return "[" + String.join(", ", quoted) + "]";
    }

    // ---- the typings ----

    String typings() {
        List<String> declarations = new ArrayList<>();
        for (ModuleModel.Type t : model.types) {
            declarations.add(typeDeclaration(t));
        }
        for (ModuleModel.Functions f : model.functions) {
            for (ModuleModel.Method m : f.functions) {
                declarations.add(doc(m.element(), "") + "export declare function " + m.jsName() + signature(m.element()) + ";\n");
            }
        }
        Map<String, Object> scope = new HashMap<>();
        scope.put("declarations", declarations);
        for (String helper : ts.helpersUsed) {
            scope.put(helper, true);
        }
        return render("module-typings.d.ts.mustache", scope);
    }

    private String typeDeclaration(ModuleModel.Type t) {
        StringBuilder out = new StringBuilder(doc(t.element, ""));
        switch (t.kind) {
            case RECORD:
                out.append("export interface ").append(t.jsName).append(" {\n");
                for (RecordComponentElement c : t.element.getRecordComponents()) {
                    out.append("  ").append(c.getSimpleName()).append(": ").append(ts.of(c.asType(), false, c.getAccessor())).append(";\n");
                }
                return out.append("}\n").toString();
            case INTERFACE:
                out.append("export interface ").append(t.jsName).append(" {\n");
                for (javax.lang.model.element.Element e : elements.getAllMembers(t.element)) {
                    if (e.getKind() == javax.lang.model.element.ElementKind.METHOD
                            && e.getModifiers().contains(javax.lang.model.element.Modifier.ABSTRACT)
                            && !((TypeElement) e.getEnclosingElement()).getQualifiedName().contentEquals("java.lang.Object")) {
                        ExecutableElement m = (ExecutableElement) e;
                        out.append(doc(m, "  ")).append("  ").append(m.getSimpleName()).append(callbackSignature(m)).append(";\n");
                    }
                }
                return out.append("}\n").toString();
            case ENUM: {
                out.append("export interface ").append(t.jsName).append(" {\n");
                members(out, t, false);
                out.append("  toJSON(): string;\n}\n");
                out.append("export declare const ").append(t.jsName).append(": {\n");
                for (String c : t.constants) {
                    out.append("  readonly ").append(c).append(": ").append(t.jsName).append(";\n");
                }
                return out.append("};\n").toString();
            }
            default: {
                out.append("export declare class ").append(t.jsName).append(" {\n");
                if (t.constructors.isEmpty()) {
                    out.append("  private constructor();\n");
                }
                for (ExecutableElement c : t.constructors) {
                    out.append(doc(c, "  ")).append("  constructor").append(parameters(c)).append(";\n");
                }
                members(out, t, true);
                members(out, t, false);
                for (ModuleModel.Property p : t.properties) {
                    out.append(doc(p.getter(), "  ")).append("  ").append(p.setter() == null ? "readonly " : "").append(p.jsName())
                            .append(": ").append(ts.of(p.getter().getReturnType(), false, p.getter())).append(";\n");
                }
                out.append("  toJSON(): string;\n");
                return out.append("}\n").toString();
            }
        }
    }

    private void members(StringBuilder out, ModuleModel.Type t, boolean statics) {
        String prefix = statics ? "static " : "";
        for (ModuleModel.Field f : t.fields) {
            if (f.isStatic() == statics) {
                out.append(doc(f.element(), "  ")).append("  ").append(prefix).append(f.isFinal() ? "readonly " : "").append(f.jsName())
                        .append(": ").append(ts.of(f.element().asType(), false, f.element())).append(";\n");
            }
        }
        for (ModuleModel.Method m : t.methods) {
            if (m.isStatic() == statics) {
                out.append(doc(m.element(), "  ")).append("  ").append(prefix).append(m.jsName()).append(signature(m.element())).append(";\n");
            }
        }
    }

    private String signature(ExecutableElement m) {
        String result = ts.of(m.getReturnType(), false, m);
        return parameters(m) + ": " + result;
    }

    private String parameters(ExecutableElement m) {
        StringBuilder out = new StringBuilder("(");
        List<? extends VariableElement> params = m.getParameters();
        for (int i = 0; i < params.size(); i++) {
            VariableElement p = params.get(i);
            boolean rest = m.isVarArgs() && i == params.size() - 1;
            String type = rest ? ts.of(((javax.lang.model.type.ArrayType) p.asType()).getComponentType(), true) : ts.of(p.asType(), true, p);
            out.append(i == 0 ? "" : ", ").append(rest ? "..." : "").append(p.getSimpleName()).append(": ")
                    .append(rest ? (type.contains(" ") ? "(" + type + ")" : type) + "[]" : type);
        }
        return out.append(")").toString();
    }

    /** A method JS implements: it receives values converted by their run-time class and returns the declared type. */
    private String callbackSignature(ExecutableElement m) {
        StringBuilder out = new StringBuilder("(");
        for (VariableElement p : m.getParameters()) {
            out.append(out.length() == 1 ? "" : ", ").append(p.getSimpleName()).append(": ").append(ts.of(p.asType(), false));
        }
        TypeMirror r = m.getReturnType();
        return out.append("): ").append(r.getKind() == TypeKind.VOID ? "void" : ts.callbackResult(r)).toString();
    }

    /** The element's Javadoc as JSDoc (the processor sees the sources' comments). */
    private String doc(javax.lang.model.element.Element e, String indent) {
        String text = elements.getDocComment(e);
        if (text == null || text.isBlank()) {
            return "";
        }
        StringBuilder out = new StringBuilder(indent).append("/**\n");
        // Javadoc's inline {@code x} as TSDoc's `x`; {@link ...} is TSDoc's too
        text = CODE_TAG.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement("`" + m.group(1) + "`"));
        for (String line : text.strip().split("\n", -1)) {
            out.append(indent).append(" *").append(line.isBlank() ? "" : " " + line.strip().replace("*/", "*&#47;")).append("\n");
        }
        return out.append(indent).append(" */\n").toString();
    }

    // ---- the JS entry ----

    String entry() {
        return render("module-entry.js.mustache", new HashMap<String, Object>());
    }

    private static String render(String template, Object scope) {
        String resource = "/napi-java-templates/" + template;
        try (InputStream in = ModuleWriter.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the processor's jar lacks " + resource);
            }
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            Mustache m = new DefaultMustacheFactory().compile(reader, template);
            StringWriter out = new StringWriter();
            m.execute(out, scope);
            return out.toString();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource + ": " + e, e);
        }
    }
}
