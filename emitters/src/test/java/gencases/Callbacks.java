package gencases;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** Test case for the generator: async variants, futures, callbacks, JS objects as interfaces, streams. */
public class Callbacks {
    public static CompletableFuture<String> later(String s) { return CompletableFuture.completedFuture(s); }

    public static CompletionStage<Integer> lengthOf(CompletableFuture<String> s) { return s.thenApply(String::length); }

    public static Integer apply(Function<String, Integer> f, String s) { return f.apply(s); }

    public static String greet(Greeter g, String name) { return g.greet(name).repeat(g.times()) + g.punctuation(); }

    public static void touch() { }

    public static InputStream open(byte[] data) { return new ByteArrayInputStream(data); }

    public static OutputStream sink() { return new ByteArrayOutputStream(); }

    public static long copy(InputStream in, OutputStream out) throws IOException { return in.transferTo(out); }

    /** An interface JS may implement: greet and times are required, punctuation has a default. */
    public interface Greeter {
        String greet(String name);

        int times();

        default String punctuation() { return "!"; }
    }
}
