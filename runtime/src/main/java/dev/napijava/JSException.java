package dev.napijava;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JS exception seen from Java. The message is the JS message; the stack trace holds the JS
 * frames ({@code <js>.fn(file.js:12)}) followed by the Java frames of the thread that called JS.
 * {@link #getError()} is the thrown JS value itself: thrown back into JS (in its environment),
 * that very value is rethrown (same object, class and own properties), its stack extended by the
 * Java frames it crossed.
 */
public class JSException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** Compiled on first use: the bridge resolves this class while the JVM starts. */
    private static final class Frames {
        static final Pattern FRAME = Pattern.compile("^\\s*at (?:(.+?) \\()?(.+?):(\\d+)(?::\\d+)?\\)?$");

        private Frames() {
        }
    }

    private final String jsName;
    private final String jsStack;
    private final transient JSValue error;

    public JSException(String jsName, String message, String jsStack) {
        this(jsName, message, jsStack, null);
    }

    /** @param error the thrown JS value (null when it is not known) */
    @SuppressWarnings("this-escape") // JDK 21+ lint: it calls Throwable.get/setStackTrace, which no subclass of ours overrides
    public JSException(String jsName, String message, String jsStack, JSValue error) {
        super(message);
        this.error = error;
        this.jsName = jsName == null ? "Error" : jsName;
        this.jsStack = jsStack == null ? "" : jsStack;
        List<StackTraceElement> frames = new ArrayList<>();
        for (String line : this.jsStack.split("\n")) {
            Matcher m = Frames.FRAME.matcher(line);
            if (m.matches()) {
                String fn = m.group(1) == null ? "<anonymous>" : m.group(1);
                frames.add(new StackTraceElement("<js>", fn, m.group(2), Integer.parseInt(m.group(3))));
            }
        }
        for (StackTraceElement e : getStackTrace()) {
            String cls = e.getClassName();
            // the bridge's own dispatch frames say nothing about the user's code
            if (!cls.startsWith("dev.napijava.bridge.") && !cls.startsWith("jdk.proxy")) {
                frames.add(e);
            }
        }
        setStackTrace(frames.toArray(new StackTraceElement[0]));
    }

    /**
     * The JS value that was thrown (usually an Error object; whatever JS threw), or null when this
     * exception was made in Java. Like every JSValue it is used on its environment's JS thread.
     */
    public JSValue getError() {
        return error;
    }

    /** The JS error's name ({@code TypeError}, {@code Error}...). */
    public String getJsName() {
        return jsName;
    }

    /** The JS error's own stack text, as V8 printed it. */
    public String getJsStack() {
        return jsStack;
    }

    @Override
    public String toString() {
        String message = getLocalizedMessage();
        return "JSException: " + jsName + (message != null ? ": " + message : "");
    }
}
