package dev.napijava.hosttests;

import dev.napijava.NodejsEnvironment;
import dev.napijava.NodejsPlatform;
import java.nio.file.Paths;

/** The README's Java quick start, run by QuickStartTest in a JVM with only the runtime jar on its classpath. */
public class QuickStartMain {
    public interface IConsole {
        void log(String s);
    }

    public interface Lodash {
        String kebabCase(String s);
    }

    public static void main(String[] args) throws Exception {
        NodejsPlatform platform = new NodejsPlatform(); // libnode: env NAPI_JAVA_LIBNODE
        try (NodejsEnvironment nodejs = platform.createEnvironment(Paths.get(args[0]))) {
            IConsole console = nodejs.importModule(IConsole.class, "global", "console");
            String html = nodejs.run(() -> nodejs.importModule("marked").callMethod("parse", "# Hi *there*").asString());
            console.log(html.trim());
            Lodash lodash = nodejs.importModule(Lodash.class, "lodash", null);
            System.out.println("kebab: " + lodash.kebabCase("helloBigWorld"));
            System.out.println("package: " + platform.getPackageDir());
        }
    }
}
