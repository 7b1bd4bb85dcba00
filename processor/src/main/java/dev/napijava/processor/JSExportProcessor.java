package dev.napijava.processor;

import dev.napijava.JSExport;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * javac's side of {@code @JSExport} (README "Write a Node.js module in Java"): gathers the exported
 * types and members of the whole compilation, checks them ({@link ExportScanner}) and, when nothing
 * is wrong, writes ({@link ModuleWriter}) the glue as a Java source compiled with the library, and
 * into the class output {@code META-INF/napi-java/}: {@code index.d.ts}, {@code index.js} and
 * {@code napi-java-module.json}, which {@code napi-java pack} puts into the npm package.
 *
 * <p>Options: {@code -Anapijava.beanProperties=true} (JavaBeans accessors as JS properties in every
 * exported class), {@code -Anapijava.gluePackage=a.b} (the glue's package; default: the first
 * exported type's).
 */
public final class JSExportProcessor extends AbstractProcessor {
    static final String OUTPUT_DIR = "META-INF/napi-java/";
    private final List<Element> annotated = new ArrayList<>();
    private boolean written;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(JSExport.class.getName());
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of("napijava.beanProperties", "napijava.gluePackage");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        annotated.addAll(round.getElementsAnnotatedWith(JSExport.class));
        // every annotated element is in the first round's sources (the glue written below carries none),
        // so the module is written once, after the round that found them
        if (!written && !annotated.isEmpty() && !round.processingOver()) {
            written = true;
            write();
        }
        return true;
    }

    private void write() {
        boolean beans = Boolean.parseBoolean(processingEnv.getOptions().getOrDefault("napijava.beanProperties", "false"));
        ExportScanner scanner = new ExportScanner(processingEnv.getElementUtils(), processingEnv.getMessager(), beans);
        scanner.scan(annotated);
        if (scanner.failed || scanner.model.isEmpty()) {
            return;
        }
        String gluePackage = processingEnv.getOptions().getOrDefault("napijava.gluePackage", firstPackage(scanner.model));
        ModuleWriter writer = new ModuleWriter(processingEnv.getElementUtils(), processingEnv.getTypeUtils(), scanner.model, gluePackage);
        try {
            try (Writer out = processingEnv.getFiler().createSourceFile(writer.glueClassName()).openWriter()) {
                out.write(writer.glueSource());
            }
            resource("napi-java-module.json", writer.descriptor());
            resource("index.d.ts", writer.typings());
            resource("index.js", writer.entry());
        } catch (IOException | RuntimeException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                    "napi-java: could not write the module's files (" + e + ")");
        }
    }

    private void resource(String name, String text) throws IOException {
        FileObject file = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", OUTPUT_DIR + name);
        try (Writer out = file.openWriter()) {
            out.write(text);
        }
    }

    private String firstPackage(ModuleModel model) {
        List<TypeElement> types = new ArrayList<>();
        for (ModuleModel.Type t : model.types) {
            types.add(t.element);
        }
        for (ModuleModel.Functions f : model.functions) {
            types.add(f.holder);
        }
        String first = null;
        for (TypeElement t : types) {
            Element e = t;
            while (e.getKind() != ElementKind.PACKAGE) {
                e = e.getEnclosingElement();
            }
            String name = ((PackageElement) e).getQualifiedName().toString();
            if (first == null || name.compareTo(first) < 0) {
                first = name;
            }
        }
        return first;
    }
}
