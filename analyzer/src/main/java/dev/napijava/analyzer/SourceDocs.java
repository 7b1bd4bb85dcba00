package dev.napijava.analyzer;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.nodeTypes.NodeWithJavadoc;
import com.github.javaparser.ast.nodeTypes.NodeWithTypeParameters;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.TypeParameter;
import com.github.javaparser.javadoc.Javadoc;
import com.github.javaparser.javadoc.JavadocBlockTag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/** Parameter names and Javadoc from a sources jar or folder (javaparser), matched to the bytecode model. */
final class SourceDocs {
    private final ApiModel model;
    private final JavaParser parser;

    SourceDocs(ApiModel model) {
        this.model = model;
        ParserConfiguration config = new ParserConfiguration();
        config.setLanguageLevel(ParserConfiguration.LanguageLevel.BLEEDING_EDGE);
        config.setAttributeComments(true);
        this.parser = new JavaParser(config);
    }

    int attach(Path sources, List<ClassInfo> classes, ApiModel.ProgressListener progress) throws AnalyzerException {
        if (!Files.exists(sources)) {
            throw new AnalyzerException(sources + ": sources not found");
        }
        Map<String, List<ClassInfo>> byFile = new HashMap<>();
        for (ClassInfo c : classes) {
            String top = c.name.contains("$") ? c.name.substring(0, c.name.indexOf('$')) : c.name;
            byFile.computeIfAbsent(top + ".java", k -> new ArrayList<>()).add(c);
        }
        int matched = 0;
        int done = 0;
        ZipFile zip = null;
        try {
            if (!Files.isDirectory(sources)) {
                try {
                    zip = new ZipFile(sources.toFile());
                } catch (ZipException e) {
                    throw new AnalyzerException(sources + ": not a jar (zip) file, or corrupt: " + e.getMessage());
                }
            }
            for (Map.Entry<String, List<ClassInfo>> e : byFile.entrySet()) {
                done++;
                if (progress != null && (done % 32 == 0 || done == byFile.size())) {
                    progress.progress("reading sources", done, byFile.size());
                }
                String text = read(zip, sources, e.getKey());
                if (text == null) {
                    continue;
                }
                ParseResult<CompilationUnit> result = parser.parse(text);
                if (result.getResult().isEmpty()) {
                    continue;
                }
                CompilationUnit unit = result.getResult().get();
                String pkg = unit.getPackageDeclaration().map(p -> p.getNameAsString().replace('.', '/') + "/").orElse("");
                for (TypeDeclaration<?> t : unit.getTypes()) {
                    matched += visitType(t, pkg + t.getNameAsString(), new HashSet<>());
                }
            }
        } catch (IOException e) {
            throw new AnalyzerException(sources + ": cannot be read: " + e.getMessage());
        } finally {
            if (zip != null) {
                try {
                    zip.close();
                } catch (IOException ignored) {
                    // closing
                }
            }
        }
        return matched;
    }

    private static String read(ZipFile zip, Path dir, String entry) throws IOException {
        if (zip != null) {
            ZipEntry e = zip.getEntry(entry);
            return e == null ? null : new String(ClassSource.readAll(zip.getInputStream(e)), StandardCharsets.UTF_8);
        }
        Path p = dir.resolve(entry);
        return Files.isRegularFile(p) ? Files.readString(p, StandardCharsets.UTF_8) : null;
    }

    private int visitType(TypeDeclaration<?> type, String internalName, Set<String> outerTypeVars) {
        ClassInfo c = model.get(internalName);
        if (c == null) {
            return 0;
        }
        int matched = 0;
        c.doc = doc(type);
        Set<String> typeVars = new HashSet<>(outerTypeVars);
        if (type instanceof NodeWithTypeParameters) {
            for (TypeParameter tp : ((NodeWithTypeParameters<?>) type).getTypeParameters()) {
                typeVars.add(tp.getNameAsString());
            }
        }
        for (BodyDeclaration<?> member : type.getMembers()) {
            if (member instanceof TypeDeclaration) {
                TypeDeclaration<?> nested = (TypeDeclaration<?>) member;
                matched += visitType(nested, internalName + "$" + nested.getNameAsString(), typeVars);
            } else if (member instanceof CallableDeclaration) {
                matched += matchCallable(c, (CallableDeclaration<?>) member, typeVars);
            } else if (member instanceof FieldDeclaration) {
                for (VariableDeclarator v : ((FieldDeclaration) member).getVariables()) {
                    FieldInfo f = field(c, v.getNameAsString());
                    if (f != null) {
                        f.doc = doc((FieldDeclaration) member);
                        matched++;
                    }
                }
            }
        }
        if (type.isEnumDeclaration()) {
            for (EnumConstantDeclaration constant : type.asEnumDeclaration().getEntries()) {
                FieldInfo f = field(c, constant.getNameAsString());
                if (f != null) {
                    f.doc = doc(constant);
                }
            }
        }
        return matched;
    }

    private static FieldInfo field(ClassInfo c, String name) {
        for (FieldInfo f : c.fields) {
            if (f.name.equals(name)) {
                return f;
            }
        }
        return null;
    }

    private int matchCallable(ClassInfo c, CallableDeclaration<?> decl, Set<String> classTypeVars) {
        String name = decl instanceof ConstructorDeclaration ? "<init>" : decl.getNameAsString();
        Set<String> typeVars = new HashSet<>(classTypeVars);
        for (TypeParameter tp : decl.getTypeParameters()) {
            typeVars.add(tp.getNameAsString());
        }
        List<Parameter> params = decl.getParameters();
        for (MethodInfo m : c.methods) {
            if (!m.name.equals(name) || m.params.size() < params.size() || m.isBridge() || m.isSynthetic()) {
                continue;
            }
            org.objectweb.asm.Type[] erased = org.objectweb.asm.Type.getArgumentTypes(m.descriptor);
            int offset = erased.length - params.size();
            if (offset != 0 && !name.equals("<init>")) {
                continue;
            }
            boolean same = true;
            for (int i = 0; i < params.size() && same; i++) {
                same = sameType(params.get(i), erased[i + offset], typeVars);
            }
            if (!same) {
                continue;
            }
            for (int i = 0; i < params.size(); i++) {
                m.paramNames.set(i + offset, params.get(i).getNameAsString());
            }
            m.doc = doc(decl);
            return 1;
        }
        return 0;
    }

    /** Source type vs erased descriptor type, by simple names (type variables match any reference). */
    private static boolean sameType(Parameter p, org.objectweb.asm.Type erased, Set<String> typeVars) {
        Type t = p.getType();
        int dims = p.isVarArgs() ? 1 : 0;
        while (t instanceof ArrayType) {
            dims++;
            t = ((ArrayType) t).getComponentType();
        }
        int erasedDims = erased.getSort() == org.objectweb.asm.Type.ARRAY ? erased.getDimensions() : 0;
        org.objectweb.asm.Type element = erasedDims > 0 ? erased.getElementType() : erased;
        if (t instanceof ClassOrInterfaceType && typeVars.contains(((ClassOrInterfaceType) t).getNameAsString())) {
            return element.getSort() == org.objectweb.asm.Type.OBJECT && erasedDims >= dims;
        }
        if (dims != erasedDims) {
            return false;
        }
        String simple = t instanceof ClassOrInterfaceType ? ((ClassOrInterfaceType) t).getNameAsString() : t.asString();
        String erasedName = element.getClassName();
        erasedName = erasedName.substring(Math.max(erasedName.lastIndexOf('.'), erasedName.lastIndexOf('$')) + 1);
        return simple.equals(erasedName);
    }

    private static Doc doc(Node node) {
        if (!(node instanceof NodeWithJavadoc)) {
            return null;
        }
        java.util.Optional<Javadoc> javadoc;
        try {
            javadoc = ((NodeWithJavadoc<?>) node).getJavadoc();
        } catch (RuntimeException e) {
            return null;
        }
        if (javadoc.isEmpty()) {
            return null;
        }
        Doc d = new Doc();
        d.text = clean(javadoc.get().getDescription().toText());
        for (JavadocBlockTag tag : javadoc.get().getBlockTags()) {
            String content = clean(tag.getContent().toText());
            switch (tag.getType()) {
                case PARAM:
                    tag.getName().ifPresent(n -> d.params.put(n, content));
                    break;
                case RETURN:
                    d.returns = content;
                    break;
                case DEPRECATED:
                    d.deprecated = content;
                    break;
                default:
                    break;
            }
        }
        return d;
    }

    private static final Pattern CODE = Pattern.compile("\\{@(?:code|literal)\\s+([^{}]*(?:\\{[^{}]*\\}[^{}]*)*)\\}");
    private static final Pattern LINK = Pattern.compile("\\{@(?:link|linkplain|value)\\s+([^\\s}]+)(?:\\s+([^}]*))?\\}");

    /** Javadoc text as JSDoc markdown-ish text: {@code x} to `x`, links to their label, HTML tags dropped. */
    static String clean(String text) {
        String s = text;
        Matcher m = CODE.matcher(s);
        s = m.replaceAll(r -> Matcher.quoteReplacement("`" + r.group(1).trim() + "`"));
        m = LINK.matcher(s);
        s = m.replaceAll(r -> Matcher.quoteReplacement(r.group(2) != null ? r.group(2).trim()
                : "`" + r.group(1).replaceFirst("^#", "").replace('#', '.') + "`"));
        s = s.replaceAll("(?i)<p\\s*/?>", "\n\n").replaceAll("(?i)<br\\s*/?>", "\n")
                .replaceAll("(?i)</?(pre|ul|ol|li|code|b|i|em|strong|tt|a|table|tr|td|th|h\\d|blockquote|dl|dt|dd|div|span)[^>]*>", "");
        s = s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#064;", "@").replace("&nbsp;", " ").replace("&amp;", "&");
        s = s.replace("*/", "*\u2215");
        s = s.replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n");
        return s.trim();
    }
}
