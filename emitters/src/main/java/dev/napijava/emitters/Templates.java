package dev.napijava.emitters;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.StringWriter;

/** The Mustache templates of the top-level templates/ folder (packed as resources). */
final class Templates {
    private static final DefaultMustacheFactory FACTORY = new DefaultMustacheFactory("napi-java-templates");

    private Templates() {
    }

    static String render(String name, Object scope) {
        Mustache m;
        synchronized (FACTORY) {
            m = FACTORY.compile(name);
        }
        StringWriter out = new StringWriter();
        m.execute(out, scope);
        return out.toString();
    }
}
