package dev.napijava.bridge;

import java.lang.invoke.MethodHandles;

/**
 * The Java caller that caller-sensitive methods (DriverManager.getConnection, ResourceBundle.getBundle...)
 * see in calls JS makes off its thread (nameAsync): BridgeClassLoader defines a copy of this class,
 * so that caller's class loader sees the jars of jvm.load() as JS does. (On the JS thread a call
 * comes through JNI with no Java caller, and such methods fall back to the context class loader.)
 */
public final class LoaderCaller {
    private LoaderCaller() {
    }

    /** A full-privilege lookup on this class: method handles bound to it as their caller. */
    public static MethodHandles.Lookup lookup() {
        return MethodHandles.lookup();
    }
}
