package com.example.shop;

import dev.napijava.JSExport;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Module-level functions: static methods tagged one by one (the class itself is not exported). */
public final class Shop {
    private Shop() {
    }

    /** A greeting for a customer. */
    @JSExport
    public static String greet(String name) {
        return "Welcome to the shop, " + name + "!";
    }

    /** The point halfway between two points (records in and out by value). */
    @JSExport
    public static Point midpoint(Point a, Point b) {
        return new Point((a.x() + b.x()) / 2, (a.y() + b.y()) / 2);
    }

    /** A total in cents: `total` in JS (renamed). A long beyond 2^53 arrives as a bigint. */
    @JSExport("total")
    public static long sumCents(long[] cents) {
        long sum = 0;
        for (long c : cents) {
            sum = Math.addExact(sum, c);
        }
        return sum;
    }

    /** n! as a bigint. */
    @JSExport
    public static BigInteger factorial(int n) {
        BigInteger f = BigInteger.ONE;
        for (int i = 2; i <= n; i++) {
            f = f.multiply(BigInteger.valueOf(i));
        }
        return f;
    }

    /** The moment of an epoch-millisecond count, as a JS Date. */
    @JSExport
    public static Instant at(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis);
    }

    /** The words of a text (a Java List: array-like in JS). */
    @JSExport
    public static List<String> words(String text) {
        return List.of(text.trim().split("\\s+"));
    }

    /** A price with tax, once the JS promise of the price settles (Promise in, Promise out). */
    @JSExport
    public static CompletableFuture<Double> withTax(CompletableFuture<Double> price, double rate) {
        return price.thenApply(p -> Math.round(p * (1 + rate) * 100) / 100.0);
    }

    /** The colour whose hex string this is (enums in and out). */
    @JSExport
    public static Color brighter(Color c) {
        return c == Color.RED ? Color.GREEN : c == Color.GREEN ? Color.BLUE : Color.RED;
    }

    /** A checksum of bytes: JS passes a Buffer or any typed array (its memory, no copy for a direct one). */
    @JSExport
    public static int checksum(ByteBuffer bytes) {
        int sum = 0;
        while (bytes.hasRemaining()) {
            sum = (sum * 31 + (bytes.get() & 0xff)) & 0xffff;
        }
        return sum;
    }

    /** Calls a listener (a JS function in JS) once per item. */
    @JSExport
    public static int announce(PriceListener listener, String[] items, double price) {
        for (String item : items) {
            listener.onPrice(item, price);
        }
        return items.length;
    }
}
